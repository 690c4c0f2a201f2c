// GEXF 1.3 for Gephi, with time: events, documents, claims and their edges carry spells so
// that Gephi's Timeline plays the graph (see shared/tools/GRAPH_FORMATS.md).
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <utility>

#include "graph.h"
#include "sqlite_store.h"

namespace ekg::exporter {

/// Writes `graph` as GEXF 1.3: a dynamic graph (timeformat "date", intervals); node label,
/// typed attributes (kind, subtype, ekg_id, country_code, lat, lon, date, mentions,
/// documents, sources, degree), viz colour (r/g/b per kind) and size from degree; edge
/// weight, kind = relation (Gephi's edge type, so relations stay apart) and attributes
/// (relation, document, span_start, span_end, title, former, rule); a unique id per edge.
/// Spells: an event spans its date (a partial date its month or year); a document its
/// publication date; a claim the date of its document; an edge the spell of its event end,
/// else the date of its evidence document. Nodes and edges without a known date have no
/// spell (Gephi shows them throughout). Absent values are left out, not written empty.
void write_gexf(const graph::KnowledgeGraph& graph, std::ostream& out);

/// Writes the graph stored in `store` the same way, byte for byte as
/// write_gexf(store.read_graph(), out), but a node and an edge at a time. Returns the node and
/// edge counts.
std::pair<std::size_t, std::size_t> write_gexf(const Store& store, std::ostream& out);

/// The spell (first day, last day) of a node, as written to GEXF; nullopt when undated.
std::optional<std::pair<std::string, std::string>> node_spell(const graph::KnowledgeGraph& graph,
                                                              graph::Vertex v);

}  // namespace ekg::exporter
