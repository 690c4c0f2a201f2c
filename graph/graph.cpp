#include "graph.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_map>

#include "merge.h"

namespace ekg::graph {

const char* to_string(NodeKind kind) {
    switch (kind) {
        case NodeKind::document: return "document";
        case NodeKind::actor: return "actor";
        case NodeKind::event: return "event";
        case NodeKind::claim: return "claim";
    }
    return "?";
}

std::optional<NodeKind> node_kind_from_string(std::string_view name) {
    for (NodeKind k : {NodeKind::document, NodeKind::actor, NodeKind::event, NodeKind::claim})
        if (name == to_string(k)) return k;
    return std::nullopt;
}

Vertex KnowledgeGraph::add_node(NodeProps props) {
    const auto it = index_.find(props.id);
    if (it != index_.end()) return it->second;
    const std::string id = props.id;
    const Vertex v = boost::add_vertex(std::move(props), graph_);
    index_.emplace(id, v);
    return v;
}

std::optional<Vertex> KnowledgeGraph::find(const std::string& id) const {
    const auto it = index_.find(id);
    if (it == index_.end()) return std::nullopt;
    return it->second;
}

Edge KnowledgeGraph::add_edge(const std::string& from, const std::string& to, EdgeProps props) {
    return boost::add_edge(index_.at(from), index_.at(to), std::move(props), graph_).first;
}

namespace {

std::string document_node_id(const std::string& document_id) { return "doc:" + document_id; }

std::string shorten(const std::string& text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
    return text.substr(0, cut) + "\xE2\x80\xA6";
}

/// Adds one edge per (from, to, relation) for the document, keeping the first evidence and
/// counting the rest in the weight.
class EdgeCollector {
public:
    void state(const std::string& from, const std::string& to, const std::string& relation,
               const std::string& document, Span span, const std::string& rule,
               const std::string& title = {}, bool former = false) {
        auto [it, fresh] = edges_.try_emplace(std::make_tuple(from, to, relation, title));
        if (fresh) {
            it->second = EdgeProps{relation, document, span, 1.0, title, former, rule};
            order_.push_back(it->first);
        } else {
            it->second.weight += 1.0;
        }
    }
    void flush(KnowledgeGraph& g) {
        for (const auto& key : order_) {
            const auto& [from, to, relation, title] = key;
            if (g.find(from) && g.find(to)) g.add_edge(from, to, edges_.at(key));
        }
        edges_.clear();
        order_.clear();
    }

private:
    using Key = std::tuple<std::string, std::string, std::string, std::string>;
    std::map<Key, EdgeProps> edges_;
    std::vector<Key> order_;
};

/// A document's publisher, for NodeProps::sources; a document without one counts alone.
std::string source_of(const Document& d) { return d.source.empty() ? "doc:" + d.id : d.source; }

/// What build_graph carries from one document to the next.
struct BuildState {
    const EventMerge& merge;
    /// Figure claims made by the merge, by document id.
    std::map<std::string, std::vector<const Claim*>> conflict_claims;
    /// Publishers per actor id.
    std::unordered_map<std::string, std::set<std::string>> actor_sources;
    EdgeCollector edges;
};

void add_actor(KnowledgeGraph& g, const Actor& a) {
    NodeProps p;
    p.id = a.id;
    p.kind = NodeKind::actor;
    p.label = a.name;
    p.subtype = to_string(a.kind);
    p.country_code = a.country_code;
    p.lat = a.lat;
    p.lon = a.lon;
    const Vertex v = g.add_node(std::move(p));
    NodeProps& node = g.graph()[v];
    node.mentions += static_cast<std::int64_t>(a.mentions.size());
    node.documents += 1;
}

/// The node of a (possibly merged) event, added when first met.
const std::string& add_event_node(KnowledgeGraph& g, const Event& e, const EventMerge& merge) {
    const std::string& id = merge.node_of(e.id);
    if (g.find(id)) return id;
    const MergedEvent* m = merge.find(e.id);
    const Event& first = m ? *m->reports.front().event : e;
    const Place* place = m ? m->place : (e.place ? &*e.place : nullptr);
    NodeProps ep;
    ep.id = id;
    ep.kind = NodeKind::event;
    ep.subtype = first.type;
    ep.label = first.type + (place ? " in " + place->name : std::string());
    ep.date = m ? m->date : e.date;
    if (place) {
        ep.country_code = place->country_code;
        ep.lat = place->lat;
        ep.lon = place->lon;
    }
    ep.mentions = m ? m->mentions : static_cast<std::int64_t>(std::max<std::size_t>(1, e.mentions.size()));
    ep.documents = m ? m->documents : 1;
    ep.sources = m ? m->sources : 1;
    g.add_node(std::move(ep));
    return id;
}

void add_claim(KnowledgeGraph& g, const Claim& c, const Document& d, const EventMerge& merge,
               EdgeCollector& edges) {
    const std::string doc_node = document_node_id(d.id);
    NodeProps cp;
    cp.id = c.id;
    cp.kind = NodeKind::claim;
    cp.subtype = to_string(c.kind);
    cp.label = shorten(c.text, 120);
    cp.mentions = 1;
    cp.documents = 1;
    cp.sources = 1;
    g.add_node(std::move(cp));
    edges.state(c.id, doc_node, "mentioned_in", d.id, c.span, c.rule);
    if (!c.speaker.empty()) edges.state(c.speaker, c.id, "said", d.id, c.span, c.rule);
    std::vector<std::string> about;
    for (const std::string& a : c.about) about.push_back(merge.node_of(a));
    if (!c.event.empty()) about.push_back(merge.node_of(c.event));
    std::vector<std::string> seen;
    for (const std::string& a : about) {
        if (std::find(seen.begin(), seen.end(), a) != seen.end()) continue;
        seen.push_back(a);
        edges.state(c.id, a, "about", d.id, c.span, c.rule);
    }
}

void add_document(KnowledgeGraph& g, const Extraction& x, BuildState& state) {
    const Document& d = x.document;
    EdgeCollector& edges = state.edges;
    const std::string doc_node = document_node_id(d.id);
    NodeProps dp;
    dp.id = doc_node;
    dp.kind = NodeKind::document;
    dp.label = d.title.empty() ? d.id : d.title;
    dp.subtype = "document";
    dp.date = d.date;
    dp.mentions = 1;
    dp.documents = 1;
    dp.sources = 1;
    g.add_node(std::move(dp));

    for (const Actor& a : x.actors) {
        add_actor(g, a);
        state.actor_sources[a.id].insert(source_of(d));
        const Span first = a.mentions.empty() ? Span{} : a.mentions.front().span;
        edges.state(a.id, doc_node, "mentioned_in", d.id, first, a.rule);
        for (std::size_t i = 1; i < a.mentions.size(); ++i)
            edges.state(a.id, doc_node, "mentioned_in", d.id, first, a.rule);
        for (const Role& r : a.roles)
            if (!r.organization.empty())
                edges.state(a.id, r.organization, "has_role", d.id, r.span, "role", r.title, r.former);
    }
    for (const Event& e : x.events) {
        const std::string& node = add_event_node(g, e, state.merge);
        edges.state(node, doc_node, "mentioned_in", d.id, e.span, e.trigger.rule);
        if (e.place && !e.place->actor.empty())
            edges.state(node, e.place->actor, "located_in", d.id, e.place->span, e.place->rule);
        const auto link = [&](const std::vector<Arg>& args, const char* relation) {
            for (const Arg& a : args)
                if (!a.actor.empty()) edges.state(a.actor, node, relation, d.id, a.span, a.rule);
        };
        link(e.perpetrators, "perpetrator_of");
        link(e.victims, "victim_of");
        link(e.targets, "target_of");
        link(e.claimed_by, "claimed");
    }
    std::map<std::string, std::vector<const Claim*>> figures_by_event;
    for (const Claim& c : x.claims) {
        add_claim(g, c, d, state.merge, edges);
        if (c.kind == ClaimKind::figure && !c.event.empty()) figures_by_event[c.event].push_back(&c);
    }
    if (const auto it = state.conflict_claims.find(d.id); it != state.conflict_claims.end())
        for (const Claim* c : it->second) add_claim(g, *c, d, state.merge, edges);
    for (const auto& [event, claims] : figures_by_event)
        for (std::size_t i = 0; i < claims.size(); ++i)
            for (std::size_t j = i + 1; j < claims.size(); ++j)
                if (claims[i]->value != claims[j]->value) {
                    edges.state(claims[i]->id, claims[j]->id, "contradicts", d.id, claims[j]->span,
                                "figure-conflict");
                    edges.state(claims[j]->id, claims[i]->id, "contradicts", d.id, claims[i]->span,
                                "figure-conflict");
                }
    edges.flush(g);
}

/// Figure claims of different documents that give one merged event different figures
/// contradict each other, both ways; the evidence is the contradicting claim's span.
void add_conflicts(KnowledgeGraph& g, const std::vector<FigureClaim>& claims) {
    for (const FigureClaim& a : claims)
        for (const FigureClaim& b : claims)
            if (a.document != b.document && a.figure == b.figure && a.claim.value != b.claim.value)
                g.add_edge(a.claim.id, b.claim.id,
                           EdgeProps{"contradicts", b.document->id, b.claim.span, 1.0, "", false,
                                     "merge:figure-conflict"});
}

using EdgeRow = std::tuple<std::string, std::string, std::string, std::string, std::uint32_t,
                           std::uint32_t, double, std::string, bool, std::string>;

std::vector<EdgeRow> edge_rows(const KnowledgeGraph& kg) {
    const Graph& g = kg.graph();
    std::vector<EdgeRow> rows;
    for (auto [it, end] = boost::edges(g); it != end; ++it) {
        const EdgeProps& e = g[*it];
        rows.emplace_back(g[boost::source(*it, g)].id, g[boost::target(*it, g)].id, e.relation,
                          e.document, e.span.begin, e.span.end, e.weight, e.title, e.former, e.rule);
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

bool same_node(const NodeProps& a, const NodeProps& b) {
    return std::tie(a.id, a.kind, a.label, a.subtype, a.country_code, a.lat, a.lon, a.date,
                    a.mentions, a.documents, a.sources) ==
           std::tie(b.id, b.kind, b.label, b.subtype, b.country_code, b.lat, b.lon, b.date,
                    b.mentions, b.documents, b.sources);
}

}  // namespace

KnowledgeGraph build_graph(std::vector<const Extraction*> extractions) {
    std::sort(extractions.begin(), extractions.end(), [](const Extraction* a, const Extraction* b) {
        return a->document.id < b->document.id;
    });
    KnowledgeGraph g;
    const EventMerge merge = merge_events(extractions);
    std::vector<std::vector<FigureClaim>> conflicts;
    BuildState state{merge, {}, {}, {}};
    for (const MergedEvent& m : merge.events) {
        std::vector<FigureClaim> claims = figure_conflict_claims(m);
        if (!claims.empty()) conflicts.push_back(std::move(claims));
    }
    for (const auto& claims : conflicts)
        for (const FigureClaim& c : claims) state.conflict_claims[c.document->id].push_back(&c.claim);
    for (const Extraction* x : extractions) add_document(g, *x, state);
    for (const auto& claims : conflicts) add_conflicts(g, claims);
    for (const auto& [id, sources] : state.actor_sources)
        g.graph()[*g.find(id)].sources = static_cast<std::int64_t>(sources.size());
    // Cities and regions lie in their country when the country is in the graph.
    std::vector<std::pair<std::string, std::string>> located;
    for (auto [it, end] = boost::vertices(g.graph()); it != end; ++it) {
        const NodeProps& n = g.graph()[*it];
        if (n.kind == NodeKind::actor && n.subtype == "place" && !n.country_code.empty() &&
            n.id.rfind("country:", 0) != 0) {
            const std::string country = "country:" + n.country_code;
            if (g.find(country)) located.emplace_back(n.id, country);
        }
    }
    for (const auto& [from, to] : located)
        g.add_edge(from, to, EdgeProps{"located_in", "", {}, 1.0, "", false, "gazetteer"});
    return g;
}

bool same_graph(const KnowledgeGraph& a, const KnowledgeGraph& b, std::string* difference) {
    const auto fail = [&](const std::string& why) {
        if (difference) *difference = why;
        return false;
    };
    if (a.node_count() != b.node_count())
        return fail("node counts differ: " + std::to_string(a.node_count()) + " vs " +
                    std::to_string(b.node_count()));
    for (auto [it, end] = boost::vertices(a.graph()); it != end; ++it) {
        const NodeProps& n = a.graph()[*it];
        const auto other = b.find(n.id);
        if (!other) return fail("node " + n.id + " missing");
        if (!same_node(n, b.graph()[*other])) return fail("node " + n.id + " differs");
    }
    if (edge_rows(a) != edge_rows(b)) return fail("edges differ");
    return true;
}

}  // namespace ekg::graph
