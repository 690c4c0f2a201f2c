// The subcommands of the `ekg` executable. Each returns the exit code; only main exits.
#pragma once

#include <string>
#include <vector>

#include "error.h"

namespace ekg::cli {

struct ExtractOptions {
    std::vector<std::string> inputs;
    std::string format = "json";  ///< json | jsonl
    bool explain = false;
    bool strict = false;
    bool quiet = false;
    unsigned jobs = 0;  ///< worker threads; 0 = every core
};

struct BuildOptions {
    std::vector<std::string> inputs;
    std::string db;
    std::size_t batch = 4096;  ///< documents per transaction
    bool strict = false;
    bool quiet = false;
    unsigned jobs = 0;  ///< worker threads; 0 = every core
    bool rebuild = false;  ///< rebuild the graph even when it is current
};

struct MergeOptions {
    std::vector<std::string> inputs;  ///< databases written by `ekg build` (shards)
    std::string db;                   ///< database to create or extend
    bool quiet = false;
};

struct ExportOptions {
    std::string db;
    std::string format = "graphml";  ///< a name of exporter::kFormats
    std::string output = "-";
    std::string view = "kg";  ///< a name of exporter::kViews
    std::string since, until;
    std::vector<std::string> countries, types;
    std::string actor;
    int depth = 1;
    std::string recipe;  ///< a recipe file naming several exports (then no other export options)
    std::string nodes_sql, edges_sql;
    bool json = false;  ///< print a JSON summary of what was written on stdout
};

struct QueryOptions {
    std::string db;
    std::string format = "table";  ///< table | csv | json | jsonl
    std::string sql;
};

ExitCode run_extract(const ExtractOptions& options);
ExitCode run_build(const BuildOptions& options);
ExitCode run_merge(const MergeOptions& options);
ExitCode run_export(const ExportOptions& options);
ExitCode run_query(const QueryOptions& options);

/// Quotes a CSV cell (RFC 4180) and defuses spreadsheet formulas: a text cell starting with
/// = + - @ or a control character is prefixed with an apostrophe.
std::string csv_cell(const std::string& text, bool is_text);

}  // namespace ekg::cli
