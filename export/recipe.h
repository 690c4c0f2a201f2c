// Exports as data: the formats table, one export's settings, and recipe files naming several.
#pragma once

#include <array>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "graph.h"
#include "views.h"

namespace ekg::exporter {

/// An export format as the user names it; kFormats is the one table behind --format.
struct FormatInfo {
    const char* name;
    const char* extension;  ///< of the output file the format writes
    const char* help;
};
extern const std::array<FormatInfo, 4> kFormats;

/// True when `name` is in kFormats.
bool is_format(const std::string& name);

/// One export: what to take from the database, in which shape, written where.
struct ExportSpec {
    std::string format = "graphml";
    View view = View::kg;
    Filter filter;
    std::string nodes_sql;  ///< optional: select the subgraph in SQL (see select_subgraph)
    std::string edges_sql;
    std::string output = "-";  ///< a file, or "-" for stdout (not for csv, which writes two)
};

/// What one export wrote, for the --json summary.
struct ExportResult {
    std::string format;
    std::string view;
    std::vector<std::string> files;  ///< empty when written to stdout
    std::size_t nodes = 0;
    std::size_t edges = 0;
};

/// Reads a recipe file: {"exports": [{"format": "gexf", "view": "events", "output": "...",
/// "since": "2016", "until": "2016-12", "country": ["IQ"], "type": ["bombing"],
/// "actor": "...", "depth": 2, "nodes_sql": "...", "edges_sql": "..."}, ...]}. "format" and
/// "output" are required; country and type take a string or a list. Outputs are relative to
/// the working directory. Throws Error(ExitCode::usage) naming the file and the export
/// (1-based) for a malformed recipe, Error(ExitCode::io) when the file cannot be read.
std::vector<ExportSpec> read_recipe(const std::string& path);
std::vector<ExportSpec> parse_recipe(const nlohmann::json& recipe, const std::string& name);

/// Writes `graph` (already narrowed and shaped) as `spec` says: to spec.output, or to
/// `stdout_stream` when the output is "-". Throws Error(ExitCode::io) naming the file when it
/// cannot be written, Error(ExitCode::usage) for an unknown format or csv to stdout.
ExportResult write_export(const graph::KnowledgeGraph& graph, const ExportSpec& spec,
                          std::ostream& stdout_stream);

/// True when `spec` exports the whole stored graph in a format written straight from the
/// database (GraphML, GEXF): write_export(store, ...) then never holds the graph in memory.
bool streams_from_store(const ExportSpec& spec);
/// Writes such an export; the same bytes as write_export(store.read_graph(), spec, ...).
ExportResult write_export(const Store& store, const ExportSpec& spec, std::ostream& stdout_stream);

/// The --json summary of a run: {"exports": [{"format", "view", "files", "nodes", "edges"}]}.
nlohmann::ordered_json summary_json(const std::vector<ExportResult>& results);

}  // namespace ekg::exporter
