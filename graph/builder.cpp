#include "builder.h"

#include <algorithm>
#include <deque>
#include <set>
#include <tuple>

namespace ekg::graph {

std::optional<std::string> MemoryMergePlan::merged_of(const std::string& event_id) const {
    const auto it = merged.find(event_id);
    if (it == merged.end()) return std::nullopt;
    return it->second;
}

void MemoryMergePlan::for_each_cluster(
    const std::function<void(const std::string&, const std::vector<std::string>&)>& f) const {
    std::map<std::string, std::vector<std::string>> clusters;
    for (const auto& [report, id] : merged) clusters[id].push_back(report);
    for (auto& [id, reports] : clusters) {
        std::sort(reports.begin(), reports.end());
        f(id, reports);
    }
}

MemoryMergePlan plan_merges(const std::vector<const Extraction*>& extractions) {
    std::map<std::string, std::vector<MergeCandidate>> blocks;
    for (const Extraction* x : extractions)
        for (const Event& e : x->events)
            if (auto candidate = merge_candidate(e, x->document.id))
                blocks[candidate->first].push_back(std::move(candidate->second));
    MemoryMergePlan plan;
    for (auto& [key, block] : blocks)
        cluster_block(block, {}, [&](const std::vector<const MergeCandidate*>& members) {
            if (members.size() < 2) return;
            std::string id = members.front()->event_id;
            for (const MergeCandidate* c : members) id = std::min(id, c->event_id);
            for (const MergeCandidate* c : members) plan.merged.emplace(c->event_id, id);
        });
    return plan;
}

ReportLoader memory_loader(const std::vector<const Extraction*>& extractions) {
    struct Where {
        const Event* event;
        const Extraction* extraction;
    };
    auto index = std::make_shared<std::unordered_map<std::string, Where>>();
    for (const Extraction* x : extractions)
        for (const Event& e : x->events) index->emplace(e.id, Where{&e, x});
    return [index](const std::vector<std::string>& ids) {
        LoadedReports out;
        for (const std::string& id : ids) {
            const Where& w = index->at(id);
            Report r{w.event, &w.extraction->document};
            for (const Claim& c : w.extraction->claims)
                if (c.kind == ClaimKind::figure && c.value && c.event == id) r.tolls.push_back(*c.value);
            out.reports.push_back(std::move(r));
        }
        return out;
    };
}

void KnowledgeGraphSink::node(const NodeProps& n) {
    const Vertex v = graph_.add_node(n);
    graph_.graph()[v] = n;  // the node may stand already as the end of an earlier edge
}

void KnowledgeGraphSink::edge(const std::string& from, const std::string& to, const EdgeProps& e) {
    for (const std::string* id : {&from, &to})
        if (!graph_.find(*id)) {
            NodeProps placeholder;
            placeholder.id = *id;
            graph_.add_node(std::move(placeholder));
        }
    graph_.add_edge(from, to, e);
}

namespace {

std::string document_node_id(const std::string& document_id) { return "doc:" + document_id; }

std::string shorten(const std::string& text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
    return text.substr(0, cut) + "\xE2\x80\xA6";
}

/// A document's publisher, for NodeProps::sources; a document without one counts alone.
std::string source_of(const Document& d) { return d.source.empty() ? "doc:" + d.id : d.source; }

/// One edge per (from, to, relation, title) of a document, keeping the first evidence and
/// counting the rest in the weight; handed to the sink in the order first stated.
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
    template <typename Exists>
    void flush(GraphSink& sink, const Exists& exists) {
        for (const auto& key : order_) {
            const auto& [from, to, relation, title] = key;
            if (exists(from) && exists(to)) sink.edge(from, to, edges_.at(key));
        }
        edges_.clear();
        order_.clear();
    }

private:
    using Key = std::tuple<std::string, std::string, std::string, std::string>;
    std::map<Key, EdgeProps> edges_;
    std::vector<Key> order_;
};

NodeProps event_node(const MergedEvent& m) {
    const Event& first = *m.reports.front().event;
    NodeProps ep;
    ep.id = m.id;
    ep.kind = NodeKind::event;
    ep.subtype = first.type;
    ep.label = first.type + (m.place ? " in " + m.place->name : std::string());
    ep.date = m.date;
    if (m.place) {
        ep.country_code = m.place->country_code;
        ep.lat = m.place->lat;
        ep.lon = m.place->lon;
    }
    ep.mentions = m.mentions;
    ep.documents = m.documents;
    ep.sources = m.sources;
    return ep;
}

NodeProps claim_node(const Claim& c) {
    NodeProps cp;
    cp.id = c.id;
    cp.kind = NodeKind::claim;
    cp.subtype = to_string(c.kind);
    cp.label = shorten(c.text, 120);
    cp.mentions = 1;
    cp.documents = 1;
    cp.sources = 1;
    return cp;
}

/// Figure claims of one document, by event id: the death tolls it gives for the event.
std::unordered_map<std::string, std::vector<std::int64_t>> tolls_of(const Extraction& x) {
    std::unordered_map<std::string, std::vector<std::int64_t>> tolls;
    for (const Claim& c : x.claims)
        if (c.kind == ClaimKind::figure && c.value && !c.event.empty()) tolls[c.event].push_back(*c.value);
    return tolls;
}

}  // namespace

struct GraphBuilder::State {
    const MergePlan& plan;
    std::unordered_set<std::string> actor_ids;
    GraphSink& sink;
    EdgeCollector edges;

    struct ActorNode {
        NodeProps props;
        std::string place_type;
        std::set<std::string> sources;
    };
    std::unordered_map<std::string, ActorNode> actors;
    std::vector<std::string> actor_order;  ///< ids in the order first met

    ReportLoader load;

    State(const MergePlan& p, std::unordered_set<std::string> ids, ReportLoader l, GraphSink& s)
        : plan(p), actor_ids(std::move(ids)), sink(s), load(std::move(l)) {}

    const std::string* label(const std::string& id) const {
        const auto it = actors.find(id);
        return it == actors.end() ? nullptr : &it->second.props.label;
    }

    void add_actor(const Actor& a, const Document& d) {
        auto [it, fresh] = actors.try_emplace(a.id);
        ActorNode& node = it->second;
        if (fresh) {
            node.props.id = a.id;
            node.props.kind = NodeKind::actor;
            node.props.label = a.name;
            node.props.subtype = to_string(a.kind);
            node.props.country_code = a.country_code;
            node.props.lat = a.lat;
            node.props.lon = a.lon;
            node.place_type = a.place_type;
            actor_order.push_back(a.id);
        }
        node.props.mentions += static_cast<std::int64_t>(a.mentions.size());
        node.props.documents += 1;
        node.sources.insert(source_of(d));
        for (const Mention& m : a.mentions)
            if (m.text != a.name) sink.alias(a.id, m.text);
        for (const std::string& alias : a.aliases) sink.alias(a.id, alias);
    }

    /// `nodes`: the node of each event id the claim may name (those of its document).
    void add_claim(const Claim& c, const Document& d,
                   const std::unordered_map<std::string, std::string>& nodes) {
        const auto node_of = [&](const std::string& id) -> const std::string& {
            const auto it = nodes.find(id);
            return it == nodes.end() ? id : it->second;
        };
        sink.node(claim_node(c));
        const std::string doc_node = document_node_id(d.id);
        edges.state(c.id, doc_node, "mentioned_in", d.id, c.span, c.rule);
        if (!c.speaker.empty()) edges.state(c.speaker, c.id, "said", d.id, c.span, c.rule);
        std::vector<std::string> about;
        for (const std::string& a : c.about) about.push_back(node_of(a));
        if (!c.event.empty()) about.push_back(node_of(c.event));
        std::vector<std::string> seen;
        for (const std::string& a : about) {
            if (std::find(seen.begin(), seen.end(), a) != seen.end()) continue;
            seen.push_back(a);
            edges.state(c.id, a, "about", d.id, c.span, c.rule);
        }
    }
};

GraphBuilder::GraphBuilder(const MergePlan& plan, std::unordered_set<std::string> actor_ids,
                           ReportLoader load, GraphSink& sink)
    : state_(std::make_unique<State>(plan, std::move(actor_ids), std::move(load), sink)) {}

GraphBuilder::~GraphBuilder() = default;

void GraphBuilder::add(const Extraction& x) {
    State& s = *state_;
    const Document& d = x.document;
    // The node of each event: its own id, or the merged event's (one plan lookup each).
    std::unordered_map<std::string, std::string> nodes;
    std::vector<std::string> event_nodes;
    event_nodes.reserve(x.events.size());
    std::vector<bool> merged;
    for (const Event& e : x.events) {
        const std::optional<std::string> into = s.plan.merged_of(e.id);
        merged.push_back(into.has_value());
        event_nodes.push_back(into ? *into : e.id);
        nodes.emplace(e.id, event_nodes.back());
    }
    s.sink.document(x, event_nodes);
    EdgeCollector& edges = s.edges;
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
    s.sink.node(dp);
    std::unordered_set<std::string> local = {doc_node};  // this document's nodes

    for (const Actor& a : x.actors) {
        s.add_actor(a, d);
        const Span first = a.mentions.empty() ? Span{} : a.mentions.front().span;
        edges.state(a.id, doc_node, "mentioned_in", d.id, first, a.rule);
        for (std::size_t i = 1; i < a.mentions.size(); ++i)
            edges.state(a.id, doc_node, "mentioned_in", d.id, first, a.rule);
        for (const Role& r : a.roles)
            if (!r.organization.empty())
                edges.state(a.id, r.organization, "has_role", d.id, r.span, "role", r.title, r.former);
    }
    const auto tolls = tolls_of(x);
    std::vector<FigureClaim> own_figures;
    for (std::size_t i = 0; i < x.events.size(); ++i) {
        const Event& e = x.events[i];
        Report report{&e, &d};
        if (const auto t = tolls.find(e.id); t != tolls.end()) report.tolls = t->second;
        const std::string& node = event_nodes[i];
        local.insert(node);
        if (!merged[i]) {
            // An event of its own: its node and row now.
            const MergedEvent m = summarise_reports({report});
            s.sink.node(event_node(m));
            s.sink.merged_event(m, [&](const std::string& id) { return s.label(id); });
            for (FigureClaim& c : figure_conflict_claims(m)) own_figures.push_back(std::move(c));
        }  // else a report of a merged event: finish() makes its node and row
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
        s.add_claim(c, d, nodes);
        local.insert(c.id);
        if (c.kind == ClaimKind::figure && !c.event.empty()) figures_by_event[c.event].push_back(&c);
    }
    // The tolls of an event of its own that disagree with its killed figure.
    for (const FigureClaim& c : own_figures) {
        s.sink.figure_claim(c);
        s.add_claim(c.claim, d, nodes);
        local.insert(c.claim.id);
    }
    for (const auto& [event, claims] : figures_by_event)
        for (std::size_t i = 0; i < claims.size(); ++i)
            for (std::size_t j = i + 1; j < claims.size(); ++j)
                if (claims[i]->value != claims[j]->value) {
                    edges.state(claims[i]->id, claims[j]->id, "contradicts", d.id, claims[j]->span,
                                "figure-conflict");
                    edges.state(claims[j]->id, claims[i]->id, "contradicts", d.id, claims[i]->span,
                                "figure-conflict");
                }
    edges.flush(s.sink, [&](const std::string& id) {
        return local.count(id) || s.actor_ids.count(id);
    });
}

void GraphBuilder::finish() {
    State& s = *state_;
    const auto label = [&](const std::string& id) { return s.label(id); };
    // Events of several reports: their node, row and the figures the reports disagree on.
    s.plan.for_each_cluster([&](const std::string&, const std::vector<std::string>& reports) {
        LoadedReports loaded = s.load(reports);
        const MergedEvent m = summarise_reports(std::move(loaded.reports));
        s.sink.node(event_node(m));
        s.sink.merged_event(m, label);
        const std::vector<FigureClaim> claims = figure_conflict_claims(m);
        std::unordered_map<std::string, std::string> nodes;
        for (const std::string& report : reports) nodes.emplace(report, m.id);
        for (const FigureClaim& c : claims) {
            s.sink.figure_claim(c);
            s.add_claim(c.claim, *c.document, nodes);
            s.edges.flush(s.sink, [](const std::string&) { return true; });
        }
        // Figure claims of different documents contradict each other, both ways; the evidence
        // is the contradicting claim's span.
        for (const FigureClaim& a : claims)
            for (const FigureClaim& b : claims)
                if (a.document != b.document && a.figure == b.figure && a.claim.value != b.claim.value)
                    s.sink.edge(a.claim.id, b.claim.id,
                                EdgeProps{"contradicts", b.document->id, b.claim.span, 1.0, "", false,
                                          "merge:figure-conflict"});
    });
    // Actors, with their counts over every document.
    for (const std::string& id : s.actor_order) {
        State::ActorNode& a = s.actors.at(id);
        a.props.sources = static_cast<std::int64_t>(a.sources.size());
        s.sink.node(a.props);
        s.sink.actor(a.props, a.place_type);
    }
    // Cities and regions lie in their country when the country is in the graph.
    for (const std::string& id : s.actor_order) {
        const NodeProps& n = s.actors.at(id).props;
        if (n.subtype == "place" && !n.country_code.empty() && n.id.rfind("country:", 0) != 0) {
            const std::string country = "country:" + n.country_code;
            if (s.actors.count(country))
                s.sink.edge(n.id, country, EdgeProps{"located_in", "", {}, 1.0, "", false, "gazetteer"});
        }
    }
}

}  // namespace ekg::graph
