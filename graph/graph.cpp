#include "graph.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "builder.h"
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
    std::unordered_set<std::string> actor_ids;
    for (const Extraction* x : extractions)
        for (const Actor& a : x->actors) actor_ids.insert(a.id);
    KnowledgeGraph g;
    KnowledgeGraphSink sink(g);
    const MemoryMergePlan plan = plan_merges(extractions);
    GraphBuilder builder(plan, std::move(actor_ids), memory_loader(extractions), sink);
    for (const Extraction* x : extractions) builder.add(*x);
    builder.finish();
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
