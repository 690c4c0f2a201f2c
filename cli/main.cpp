// ekg: turns news articles into an event knowledge graph.
// main parses the command line, runs one subcommand and maps errors to exit codes.
#include <CLI/CLI.hpp>

#include <iostream>
#include <string>

#include "commands.h"
#include "error.h"
#include "recipe.h"

#ifdef EKG_MIMALLOC
#include <mimalloc.h>
#endif

#ifndef EKG_VERSION
#define EKG_VERSION "0.0.0"
#endif

namespace {

/// "ekg 0.1.0 (allocator: mimalloc 2.0.9)": which allocator this binary runs on.
std::string version_text() {
    std::string text = std::string("ekg ") + EKG_VERSION;
#ifdef EKG_MIMALLOC
    const int v = mi_version();
    text += " (allocator: mimalloc " + std::to_string(v / 100) + "." + std::to_string(v / 10 % 10) +
            "." + std::to_string(v % 10) + ")";
#else
    text += " (allocator: system malloc)";
#endif
    return text;
}

constexpr const char* kExitCodes =
    "Exit codes: 0 ok; 1 some input rejected (the rest was processed); 2 usage error;\n"
    "3 file or database I/O failure; 4 ekg's data files missing or malformed.";

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"ekg: builds an event knowledge graph (events, actors, claims) from news text"};
    app.footer(kExitCodes);
    app.set_version_flag("--version", version_text());
    app.require_subcommand(1);

    ekg::cli::ExtractOptions extract;
    auto* x = app.add_subcommand("extract", "Extract documents, actors, events and claims as JSON");
    x->add_option("inputs", extract.inputs, "Files (.txt, .jsonl), directories, or - for stdin")
        ->required();
    x->add_option("--format", extract.format, "json (one object) or jsonl (a document a line)")
        ->check(CLI::IsMember({"json", "jsonl"}));
    x->add_flag("--explain", extract.explain, "Show the rule behind every value, and diagnostics");
    x->add_flag("--strict", extract.strict, "Stop at the first rejected input");
    x->add_flag("-q,--quiet", extract.quiet, "Print only errors on stderr, no progress");
    x->add_option("-j,--jobs", extract.jobs, "Worker threads (default: every core)");
    x->footer(kExitCodes);

    ekg::cli::BuildOptions build;
    auto* b = app.add_subcommand("build", "Extract inputs and add them to an SQLite knowledge graph");
    b->add_option("inputs", build.inputs,
                  "Files (.txt, .jsonl), directories, or - for stdin (none with --rebuild)");
    b->add_option("--db", build.db, "SQLite database to create or extend")->required();
    b->add_option("--batch", build.batch, "Documents per transaction (at most: one also ends at 64 MB)")
        ->check(CLI::PositiveNumber);
    b->add_flag("--strict", build.strict, "Stop at the first rejected input");
    b->add_flag("-q,--quiet", build.quiet, "Print only errors and the summary, no progress");
    b->add_option("-j,--jobs", build.jobs, "Worker threads (default: every core)");
    b->add_flag("--rebuild", build.rebuild,
                "Rebuild the graph tables from the stored extractions even when no document is new");
    b->footer(kExitCodes);

    ekg::cli::MergeOptions merge;
    auto* m = app.add_subcommand(
        "merge", "Merge databases built from disjoint shards of the input into one");
    m->description(
        "Merge databases built from disjoint shards of the input into one.\n"
        "Copies every stored document (text, extraction, sentences, mentions) of the inputs into\n"
        "--db, skipping documents already there (same content or id), then rebuilds the graph as\n"
        "`ekg build` does: the result equals one build over all the shards' inputs (same ids,\n"
        "counts, merged events and graph tables). Each input is copied in one transaction, so an\n"
        "interrupted merge can simply be run again. Example:\n"
        "  ekg build part1/ --db a.db; ekg build part2/ --db b.db; ekg merge a.db b.db --db all.db");
    m->add_option("inputs", merge.inputs, "Databases written by `ekg build` (read only)")
        ->required();
    m->add_option("--db", merge.db, "SQLite database to create or extend")->required();
    m->add_flag("-q,--quiet", merge.quiet, "Print only errors and the summary");
    m->footer(kExitCodes);

    ekg::cli::ExportOptions exp;
    auto* e = app.add_subcommand("export", "Export the graph of a database (GraphML, GEXF, JSON, CSV)");
    e->add_option("--db", exp.db, "Database written by `ekg build`")->required();
    std::vector<std::string> formats, views;
    std::string format_help = "Output format:", view_help = "Part and shape of the graph:";
    for (const auto& f : ekg::exporter::kFormats) {
        formats.push_back(f.name);
        format_help += std::string("\n  ") + f.name + ": " + f.help;
    }
    for (const auto& v : ekg::exporter::kViews) {
        views.push_back(v.name);
        view_help += std::string("\n  ") + v.name + ": " + v.help;
    }
    e->add_option("--format", exp.format, format_help)->check(CLI::IsMember(formats));
    e->add_option("-o,--output", exp.output, "Output file (default: stdout; csv: a prefix)");
    e->add_option("--view", exp.view, view_help)->check(CLI::IsMember(views));
    e->add_option("--since", exp.since, "Events on or after this date (YYYY[-MM[-DD]])");
    e->add_option("--until", exp.until, "Events on or before this date (YYYY[-MM[-DD]])");
    e->add_option("--country", exp.countries, "Events in these countries (ISO code or name)");
    e->add_option("--type", exp.types, "Events of these types (e.g. bombing)");
    e->add_option("--actor", exp.actor, "Ego network around this actor (id or name)");
    e->add_option("--depth", exp.depth, "Hops of the ego network (default 1)")->check(CLI::NonNegativeNumber);
    e->add_option("--recipe", exp.recipe, "JSON file naming several exports (samples/recipe.json)");
    e->add_option("--nodes-sql", exp.nodes_sql, "SELECT giving the node ids to export (first column)");
    e->add_option("--edges-sql", exp.edges_sql, "SELECT giving the edges.id values to export (first column)");
    e->add_flag("--json", exp.json, "Print a JSON summary of the files written on stdout");
    e->footer(kExitCodes);

    ekg::cli::QueryOptions query;
    auto* q = app.add_subcommand("query", "Run one read-only SQL statement on a database");
    q->add_option("--db", query.db, "Database written by `ekg build`")->required();
    q->add_option("--format", query.format, "table, csv, json or jsonl")
        ->check(CLI::IsMember({"table", "csv", "json", "jsonl"}));
    q->add_option("sql", query.sql, "The SQL statement")->required();
    q->footer(kExitCodes);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        const int code = app.exit(error);
        return code == 0 ? 0 : static_cast<int>(ekg::ExitCode::usage);
    }

    try {
        ekg::ExitCode code = ekg::ExitCode::ok;
        if (x->parsed()) code = ekg::cli::run_extract(extract);
        else if (b->parsed()) code = ekg::cli::run_build(build);
        else if (m->parsed()) code = ekg::cli::run_merge(merge);
        else if (e->parsed()) code = ekg::cli::run_export(exp);
        else if (q->parsed()) code = ekg::cli::run_query(query);
        return static_cast<int>(code);
    } catch (const ekg::Error& error) {
        std::cerr << "ekg: " << error.what() << "\n";
        return static_cast<int>(error.code());
    } catch (const std::exception& error) {
        std::cerr << "ekg: internal error: " << error.what() << "\n";
        return static_cast<int>(ekg::ExitCode::io);
    }
}
