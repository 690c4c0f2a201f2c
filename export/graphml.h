// GraphML for Gephi, networkx, igraph and graphology (see shared/tools/GRAPH_FORMATS.md).
#pragma once

#include <ostream>

#include <utility>

#include "graph.h"
#include "sqlite_store.h"

namespace ekg::exporter {

/// Writes `graph` as GraphML 1.1: typed keys, label, kind, r/g/b colour per kind, size from
/// degree, numeric lat/lon, edge weight and relation, a unique id per edge (parallel edges
/// kept), doubles at full precision, booleans as true/false, control characters removed.
/// Values that are absent (no coordinates, empty strings) are left out rather than written empty.
void write_graphml(const graph::KnowledgeGraph& graph, std::ostream& out);

/// Writes the graph stored in `store` the same way, byte for byte as
/// write_graphml(store.read_graph(), out), but a node and an edge at a time: memory does not
/// grow with the graph. Returns the node and edge counts.
std::pair<std::size_t, std::size_t> write_graphml(const Store& store, std::ostream& out);

/// The GraphML node id of vertex `v`: its ekg id when that is a safe XML NMTOKEN, else "x.<v>".
std::string graphml_node_id(const graph::Graph& g, graph::Vertex v);

/// Display colour of a node, by kind and subtype.
struct Rgb {
    int r, g, b;
};
Rgb node_colour(const graph::NodeProps& node);

}  // namespace ekg::exporter
