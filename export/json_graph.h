// Node-link JSON: the shape networkx's json_graph.node_link_graph and d3's force layout read.
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <string_view>

#include "graph.h"
#include "json_output.h"

namespace ekg::exporter {

/// Writes `graph` as {"directed": true, "multigraph": true, "graph": {...}, "nodes": [...],
/// "links": [...]}. A node object holds "id" (the ekg id) and the node's properties; a link
/// holds "source" and "target" (node ids), "key" (unique per link, so networkx keeps parallel
/// edges) and the edge's properties. Nodes also carry "color" ("#rrggbb") and "size" for d3.
/// Absent values (empty strings, unknown coordinates) are left out.
void write_node_link_json(const graph::KnowledgeGraph& graph, std::ostream& out);

/// Reads what write_node_link_json wrote back into a graph (same nodes, edges, properties).
/// Throws Error(ExitCode::io) naming `name` when the text is not such a document.
graph::KnowledgeGraph read_node_link_json(std::istream& in, const std::string& name);

/// Appends `text` as a JSON string literal (the extraction contract's writer).
using extract::append_json_string;

}  // namespace ekg::exporter
