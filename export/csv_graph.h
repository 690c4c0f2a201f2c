// A nodes/relationships CSV pair in neo4j-admin import format, safe to open in a spreadsheet.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "graph.h"

namespace ekg::exporter {

/// Quotes a CSV cell (RFC 4180) and defuses spreadsheet formulas: a text cell starting with
/// = + - @ or a control character is prefixed with an apostrophe.
std::string csv_cell(std::string_view text, bool is_text);

/// Writes the node file (header `id:ID,:LABEL,label,kind,subtype,country_code,lat:double,...`;
/// labels "Document", "Event", "Claim", or "Actor" plus the actor kind, e.g. "Actor;Person")
/// and the relationship file (header `:START_ID,:END_ID,:TYPE,weight:double,...`; the type
/// is the relation in upper case, e.g. PERPETRATOR_OF). Line breaks inside values become
/// spaces, so neo4j-admin needs no --multiline-fields.
void write_neo4j_csv(const graph::KnowledgeGraph& graph, std::ostream& nodes,
                     std::ostream& relationships);

/// The two file names of a CSV export to `output`: "<stem>.nodes.csv" and
/// "<stem>.relationships.csv", where the stem is `output` without a trailing ".csv".
std::pair<std::string, std::string> neo4j_csv_paths(const std::string& output);

}  // namespace ekg::exporter
