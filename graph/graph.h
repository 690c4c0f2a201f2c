// The knowledge graph: one Boost.Graph model over every document, with merged actors.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "model.h"

namespace ekg::graph {

enum class NodeKind { document, actor, event, claim };
const char* to_string(NodeKind kind);
std::optional<NodeKind> node_kind_from_string(std::string_view name);

/// A node of any kind; fields that do not apply stay empty.
struct NodeProps {
    std::string id;       ///< stable id: "doc:<document id>", actor id, event id or claim id
    NodeKind kind = NodeKind::actor;
    std::string label;    ///< display name
    std::string subtype;  ///< actor kind, event type or claim kind; "document" for documents
    std::string country_code;
    std::optional<double> lat, lon;
    std::string date;               ///< ISO 8601 for documents and events
    std::int64_t mentions = 0;      ///< supporting mentions over all documents
    std::int64_t documents = 0;     ///< distinct documents that mention it
    std::int64_t sources = 0;       ///< distinct publishers among those documents (GDELT
                                    ///< NumSources); a document without a source counts alone
};

/// An edge; every edge carries its evidence.
struct EdgeProps {
    std::string relation;  ///< mentioned_in, located_in, perpetrator_of, said, about, ...
    std::string document;  ///< document id of the evidence
    Span span;             ///< bytes of the evidence in that document
    double weight = 1.0;   ///< supporting mentions
    std::string title;     ///< has_role: the title
    bool former = false;   ///< has_role: a former role
    std::string rule;      ///< rule that produced the relation
};

/// Directed multigraph: parallel edges are kept (vecS out-edge lists).
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NodeProps,
                                    EdgeProps>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

/// The graph with an index from node id to vertex.
class KnowledgeGraph {
public:
    /// Returns the vertex of `props.id`, adding it when new.
    Vertex add_node(NodeProps props);
    std::optional<Vertex> find(const std::string& id) const;
    /// Adds an edge between two existing nodes. Requires both ids to be present.
    Edge add_edge(const std::string& from, const std::string& to, EdgeProps props);

    Graph& graph() { return graph_; }
    const Graph& graph() const { return graph_; }
    std::size_t node_count() const { return boost::num_vertices(graph_); }
    std::size_t edge_count() const { return boost::num_edges(graph_); }

private:
    Graph graph_;
    std::unordered_map<std::string, Vertex> index_;
};

/// Builds the graph of a set of extractions.
/// Ensures: the result does not depend on the order of `extractions` (they are visited by
/// document id); an actor id met in several documents is one node whose `mentions` and
/// `documents` add up; the reports of one event in several documents are one event node
/// (see merge.h: its id is the smallest report id, claims about any report point at it, and
/// casualty figures the reports disagree on become figure claims that contradict each other);
/// each edge is stated once per document with its first evidence span, and kept when both its
/// ends are nodes of the graph. Runs graph/builder.h's GraphBuilder.
KnowledgeGraph build_graph(std::vector<const Extraction*> extractions);

/// Two graphs are equal when their nodes and edges, with every property, are equal
/// (edges compared as sorted lists, so vertex order does not matter).
bool same_graph(const KnowledgeGraph& a, const KnowledgeGraph& b, std::string* difference = nullptr);

}  // namespace ekg::graph
