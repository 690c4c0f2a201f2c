#include "views.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <tuple>

#include "error.h"
#include "merge.h"
#include "sqlite_store.h"

namespace ekg::exporter {

const std::array<ViewInfo, 4> kViews{{
    {View::kg, "kg", "everything: documents, events, actors, claims"},
    {View::actors, "actors", "actor-actor network weighted by shared events and claims"},
    {View::events, "events", "events with their places and perpetrators, victims, targets"},
    {View::claims, "claims", "speakers -> claims -> subjects, with contradictions"},
}};

const char* to_string(View view) {
    for (const ViewInfo& v : kViews)
        if (v.view == view) return v.name;
    return "?";
}

std::optional<View> view_from_string(std::string_view name) {
    for (const ViewInfo& v : kViews)
        if (name == v.name) return v.view;
    return std::nullopt;
}

namespace {

using graph::Graph;
using graph::KnowledgeGraph;
using graph::NodeKind;
using graph::Vertex;

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

bool is_actor(const graph::NodeProps& n) { return n.kind == NodeKind::actor; }
bool is_place(const graph::NodeProps& n) { return is_actor(n) && n.subtype == "place"; }

/// A copy of the nodes with keep[v] and the edges between them that `take` accepts.
template <typename EdgePredicate>
KnowledgeGraph induced(const KnowledgeGraph& kg, const std::vector<char>& keep, EdgePredicate take) {
    const Graph& g = kg.graph();
    KnowledgeGraph out;
    for (auto [it, end] = boost::vertices(g); it != end; ++it)
        if (keep[*it]) out.add_node(g[*it]);
    for (auto [it, end] = boost::edges(g); it != end; ++it) {
        const Vertex s = boost::source(*it, g), t = boost::target(*it, g);
        if (keep[s] && keep[t] && take(g[*it])) out.add_edge(g[s].id, g[t].id, g[*it]);
    }
    return out;
}

KnowledgeGraph induced(const KnowledgeGraph& kg, const std::vector<char>& keep) {
    return induced(kg, keep, [](const graph::EdgeProps&) { return true; });
}

/// Keeps the places that kept places lie in, transitively.
void keep_containing_places(const Graph& g, std::vector<char>& keep) {
    std::vector<Vertex> todo;
    for (auto [it, end] = boost::vertices(g); it != end; ++it)
        if (keep[*it] && is_place(g[*it])) todo.push_back(*it);
    while (!todo.empty()) {
        const Vertex v = todo.back();
        todo.pop_back();
        for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) {
            const Vertex t = boost::target(*it, g);
            if (g[*it].relation == "located_in" && is_actor(g[t]) && !keep[t]) {
                keep[t] = 1;
                todo.push_back(t);
            }
        }
    }
}

/// Country codes for the --country values: codes as given, names through the country nodes.
std::vector<std::string> country_codes(const Graph& g, const std::vector<std::string>& values) {
    std::vector<std::string> codes;
    for (const std::string& value : values) {
        if (value.size() == 2) {
            codes.push_back(upper(value));
            continue;
        }
        std::string code;
        for (auto [it, end] = boost::vertices(g); it != end && code.empty(); ++it) {
            const graph::NodeProps& n = g[*it];
            if (is_place(n) && n.id.rfind("country:", 0) == 0 && lower(n.label) == lower(value))
                code = n.id.substr(8);
        }
        if (code.empty())
            throw Error(ExitCode::usage, "--country " + value +
                                             ": no country of that name in the graph (give an ISO code)");
        codes.push_back(code);
    }
    return codes;
}

/// The first day of `since` and the last day of `until`; empty when not set.
std::pair<std::string, std::string> time_bounds(const Filter& f) {
    std::pair<std::string, std::string> bounds;
    if (!f.since.empty()) bounds.first = graph::date_interval(f.since).value().first;
    if (!f.until.empty()) bounds.second = graph::date_interval(f.until).value().second;
    return bounds;
}

KnowledgeGraph narrow(const KnowledgeGraph& kg, const Filter& f) {
    const Graph& g = kg.graph();
    const auto bounds = time_bounds(f);  // not a structured binding: clang 14 cannot capture one
    const std::string& since = bounds.first;
    const std::string& until = bounds.second;
    const std::vector<std::string> countries = country_codes(g, f.countries);
    std::vector<std::string> types;
    for (const std::string& t : f.types) types.push_back(lower(t));
    const auto passes = [&](const graph::NodeProps& n) {
        if (!since.empty() || !until.empty()) {
            const auto interval = graph::date_interval(n.date);
            if (!interval) return false;
            if (!since.empty() && interval->second < since) return false;
            if (!until.empty() && interval->first > until) return false;
        }
        if (!countries.empty() &&
            std::find(countries.begin(), countries.end(), upper(n.country_code)) == countries.end())
            return false;
        if (!types.empty() && std::find(types.begin(), types.end(), lower(n.subtype)) == types.end())
            return false;
        return true;
    };
    const std::size_t count = boost::num_vertices(g);
    std::vector<char> keep(count, 0);
    for (auto [it, end] = boost::vertices(g); it != end; ++it)
        if (g[*it].kind == NodeKind::event && passes(g[*it])) keep[*it] = 1;
    // Claims about kept events.
    for (auto [it, end] = boost::vertices(g); it != end; ++it) {
        if (g[*it].kind != NodeKind::claim) continue;
        for (auto [e, e_end] = boost::out_edges(*it, g); e != e_end; ++e)
            if (g[*e].relation == "about" && g[boost::target(*e, g)].kind == NodeKind::event &&
                keep[boost::target(*e, g)])
                keep[*it] = 1;
    }
    // Actors linked to kept events and claims; documents stating them.
    std::vector<char> anchors = keep;
    for (auto [it, end] = boost::vertices(g); it != end; ++it) {
        if (!anchors[*it]) continue;
        for (auto [e, e_end] = boost::out_edges(*it, g); e != e_end; ++e) {
            const Vertex t = boost::target(*e, g);
            if (g[*e].relation == "mentioned_in" ? g[t].kind == NodeKind::document : is_actor(g[t]))
                keep[t] = 1;
        }
        for (auto [e, e_end] = boost::in_edges(*it, g); e != e_end; ++e)
            if (g[*e].relation != "mentioned_in" && is_actor(g[boost::source(*e, g)]))
                keep[boost::source(*e, g)] = 1;
    }
    keep_containing_places(g, keep);
    return induced(kg, keep);
}

bool relation_in(const graph::EdgeProps& e, std::initializer_list<std::string_view> relations) {
    return std::find(relations.begin(), relations.end(), e.relation) != relations.end();
}

KnowledgeGraph events_view(const KnowledgeGraph& kg) {
    const Graph& g = kg.graph();
    const auto event_relation = [](const graph::EdgeProps& e) {
        return relation_in(e, {"perpetrator_of", "victim_of", "target_of", "claimed", "located_in"});
    };
    std::vector<char> keep(boost::num_vertices(g), 0);
    for (auto [it, end] = boost::vertices(g); it != end; ++it) {
        if (g[*it].kind != NodeKind::event) continue;
        keep[*it] = 1;
        for (auto [e, e_end] = boost::in_edges(*it, g); e != e_end; ++e)
            if (event_relation(g[*e]) && is_actor(g[boost::source(*e, g)])) keep[boost::source(*e, g)] = 1;
        for (auto [e, e_end] = boost::out_edges(*it, g); e != e_end; ++e)
            if (event_relation(g[*e]) && is_actor(g[boost::target(*e, g)])) keep[boost::target(*e, g)] = 1;
    }
    keep_containing_places(g, keep);
    return induced(kg, keep, event_relation);
}

KnowledgeGraph claims_view(const KnowledgeGraph& kg) {
    const Graph& g = kg.graph();
    const auto claim_relation = [](const graph::EdgeProps& e) {
        return relation_in(e, {"said", "about", "contradicts"});
    };
    std::vector<char> keep(boost::num_vertices(g), 0);
    for (auto [it, end] = boost::vertices(g); it != end; ++it) {
        if (g[*it].kind != NodeKind::claim) continue;
        keep[*it] = 1;
        for (auto [e, e_end] = boost::in_edges(*it, g); e != e_end; ++e)
            if (g[*e].relation == "said") keep[boost::source(*e, g)] = 1;
        for (auto [e, e_end] = boost::out_edges(*it, g); e != e_end; ++e)
            if (g[*e].relation == "about") keep[boost::target(*e, g)] = 1;
    }
    return induced(kg, keep, claim_relation);
}

KnowledgeGraph actors_view(const KnowledgeGraph& kg) {
    const Graph& g = kg.graph();
    const auto person_like = [&](Vertex v) { return is_actor(g[v]) && !is_place(g[v]); };
    // (from id, to id, relation) -> shared events or claims; ids ordered so the pair is one key.
    std::map<std::tuple<std::string, std::string, std::string>, double> shared;
    const auto count_pairs = [&](std::vector<Vertex> members, const char* relation) {
        std::sort(members.begin(), members.end());
        members.erase(std::unique(members.begin(), members.end()), members.end());
        for (std::size_t i = 0; i < members.size(); ++i)
            for (std::size_t j = i + 1; j < members.size(); ++j) {
                const std::string& a = g[members[i]].id;
                const std::string& b = g[members[j]].id;
                shared[a < b ? std::make_tuple(a, b, std::string(relation))
                             : std::make_tuple(b, a, std::string(relation))] += 1.0;
            }
    };
    for (auto [it, end] = boost::vertices(g); it != end; ++it) {
        std::vector<Vertex> members;
        if (g[*it].kind == NodeKind::event) {
            for (auto [e, e_end] = boost::in_edges(*it, g); e != e_end; ++e)
                if (relation_in(g[*e], {"perpetrator_of", "victim_of", "target_of", "claimed"}) &&
                    person_like(boost::source(*e, g)))
                    members.push_back(boost::source(*e, g));
            count_pairs(std::move(members), "shared_event");
        } else if (g[*it].kind == NodeKind::claim) {
            for (auto [e, e_end] = boost::in_edges(*it, g); e != e_end; ++e)
                if (g[*e].relation == "said" && person_like(boost::source(*e, g)))
                    members.push_back(boost::source(*e, g));
            for (auto [e, e_end] = boost::out_edges(*it, g); e != e_end; ++e)
                if (g[*e].relation == "about" && person_like(boost::target(*e, g)))
                    members.push_back(boost::target(*e, g));
            count_pairs(std::move(members), "shared_claim");
        }
    }
    std::vector<char> keep(boost::num_vertices(g), 0);
    const auto is_role = [&](const graph::Edge& e) {
        return g[e].relation == "has_role" && person_like(boost::source(e, g)) &&
               person_like(boost::target(e, g));
    };
    for (auto [it, end] = boost::edges(g); it != end; ++it)
        if (is_role(*it)) keep[boost::source(*it, g)] = keep[boost::target(*it, g)] = 1;
    for (const auto& [key, weight] : shared) {
        keep[*kg.find(std::get<0>(key))] = 1;
        keep[*kg.find(std::get<1>(key))] = 1;
    }
    KnowledgeGraph out = induced(kg, keep, [](const graph::EdgeProps& e) { return e.relation == "has_role"; });
    for (const auto& [key, weight] : shared) {
        const auto& [from, to, relation] = key;
        out.add_edge(from, to, graph::EdgeProps{relation, "", {}, weight, "", false, "view:actors"});
    }
    return out;
}

KnowledgeGraph ego_network(const KnowledgeGraph& kg, const std::string& actor, int depth) {
    const Graph& g = kg.graph();
    const std::size_t count = boost::num_vertices(g);
    std::vector<int> distance(count, -1);
    std::deque<Vertex> queue;
    const std::string wanted = lower(actor);
    for (auto [it, end] = boost::vertices(g); it != end; ++it)
        if (is_actor(g[*it]) && (g[*it].id == actor || lower(g[*it].label) == wanted)) {
            distance[*it] = 0;
            queue.push_back(*it);
        }
    if (queue.empty())
        throw Error(ExitCode::usage, "--actor " + actor + ": no actor with that id or name in the view");
    const auto visit = [&](Vertex from, Vertex to) {
        if (distance[to] >= 0 || g[to].kind == NodeKind::document) return;
        distance[to] = distance[from] + 1;
        queue.push_back(to);
    };
    while (!queue.empty()) {
        const Vertex v = queue.front();
        queue.pop_front();
        if (distance[v] >= depth) continue;
        for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) visit(v, boost::target(*e, g));
        for (auto [e, end] = boost::in_edges(v, g); e != end; ++e) visit(v, boost::source(*e, g));
    }
    std::vector<char> keep(count, 0);
    for (std::size_t v = 0; v < count; ++v) keep[v] = distance[v] >= 0;
    return induced(kg, keep);
}

std::string text_of(const nlohmann::json& v) {
    if (v.is_null()) return {};
    if (v.is_string()) return v.get<std::string>();
    return v.dump();
}

}  // namespace

bool Filter::keeps_every_event() const {
    return since.empty() && until.empty() && countries.empty() && types.empty();
}

void check_filter(const Filter& f) {
    for (const auto& [flag, value] : {std::pair{"--since", &f.since}, std::pair{"--until", &f.until}})
        if (!value->empty() && !graph::date_interval(*value))
            throw Error(ExitCode::usage, std::string(flag) + " " + *value +
                                             ": not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)");
    if (!f.since.empty() && !f.until.empty() &&
        graph::date_interval(f.since)->first > graph::date_interval(f.until)->second)
        throw Error(ExitCode::usage, "--since " + f.since + " is after --until " + f.until);
    if (f.depth < 0) throw Error(ExitCode::usage, "--depth must be 0 or more");
}

KnowledgeGraph make_view(const KnowledgeGraph& kg, View view, const Filter& filter) {
    check_filter(filter);
    const KnowledgeGraph narrowed = filter.keeps_every_event() ? KnowledgeGraph() : narrow(kg, filter);
    const KnowledgeGraph& base = filter.keeps_every_event() ? kg : narrowed;
    KnowledgeGraph shaped;
    switch (view) {
        case View::kg: {
            std::vector<char> all(boost::num_vertices(base.graph()), 1);
            shaped = filter.actor.empty() ? induced(base, all) : KnowledgeGraph();
            break;
        }
        case View::events: shaped = events_view(base); break;
        case View::claims: shaped = claims_view(base); break;
        case View::actors: shaped = actors_view(base); break;
    }
    if (filter.actor.empty()) return shaped;
    return ego_network(view == View::kg ? base : shaped, filter.actor, filter.depth);
}

KnowledgeGraph select_subgraph(const Store& store, const std::string& nodes_sql,
                               const std::string& edges_sql) {
    const auto ignore = [](const std::vector<std::string>&) {};
    std::set<std::string> node_ids;
    std::set<std::int64_t> edge_ids;
    if (!nodes_sql.empty())
        store.query(nodes_sql, ignore, [&](const Store::Row& r) {
            if (!r.empty() && !r[0].is_null()) node_ids.insert(text_of(r[0]));
        });
    if (!edges_sql.empty())
        store.query(edges_sql, ignore, [&](const Store::Row& r) {
            if (r.empty() || !r[0].is_number_integer())
                throw Error(ExitCode::usage, "--edges-sql must give edges.id integers in its first column");
            edge_ids.insert(r[0].get<std::int64_t>());
        });
    // The selected edges (or, with only nodes selected, the edges between them).
    std::vector<std::tuple<std::string, std::string, graph::EdgeProps>> edges;
    store.query(
        "SELECT id, source, target, relation, document_id, start, end, weight, title, former, rule "
        "FROM edges ORDER BY id",
        ignore, [&](const Store::Row& r) {
            const std::string source = text_of(r[1]), target = text_of(r[2]);
            const bool selected = edges_sql.empty()
                                      ? node_ids.count(source) && node_ids.count(target)
                                      : edge_ids.count(r[0].get<std::int64_t>()) > 0;
            if (!selected) return;
            graph::EdgeProps e;
            e.relation = text_of(r[3]);
            e.document = text_of(r[4]);
            e.span = {r[5].is_number() ? r[5].get<std::uint32_t>() : 0u,
                      r[6].is_number() ? r[6].get<std::uint32_t>() : 0u};
            e.weight = r[7].is_number() ? r[7].get<double>() : 1.0;
            e.title = text_of(r[8]);
            e.former = r[9].is_number() && r[9].get<std::int64_t>() != 0;
            e.rule = text_of(r[10]);
            edges.emplace_back(source, target, std::move(e));
        });
    for (const auto& [source, target, props] : edges) {
        node_ids.insert(source);
        node_ids.insert(target);
    }
    KnowledgeGraph out;
    store.query(
        "SELECT id, kind, label, subtype, country_code, lat, lon, date, mentions, documents, sources "
        "FROM nodes ORDER BY rowid",
        ignore, [&](const Store::Row& r) {
            graph::NodeProps n;
            n.id = text_of(r[0]);
            if (!node_ids.count(n.id)) return;
            n.kind = graph::node_kind_from_string(text_of(r[1])).value_or(NodeKind::actor);
            n.label = text_of(r[2]);
            n.subtype = text_of(r[3]);
            n.country_code = text_of(r[4]);
            if (r[5].is_number()) n.lat = r[5].get<double>();
            if (r[6].is_number()) n.lon = r[6].get<double>();
            n.date = text_of(r[7]);
            n.mentions = r[8].is_number() ? r[8].get<std::int64_t>() : 0;
            n.documents = r[9].is_number() ? r[9].get<std::int64_t>() : 0;
            n.sources = r[10].is_number() ? r[10].get<std::int64_t>() : 0;
            out.add_node(std::move(n));
        });
    for (auto& [source, target, props] : edges)
        if (out.find(source) && out.find(target)) out.add_edge(source, target, std::move(props));
    return out;
}

}  // namespace ekg::exporter
