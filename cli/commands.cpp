#include "commands.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>

#include "csv_graph.h"
#include "ingest.h"
#include "json_output.h"
#include "parallel.h"
#include "pipeline.h"
#include "progress.h"
#include "recipe.h"
#include "resources.h"
#include "resolve.h"
#include "sqlite_store.h"

namespace ekg::cli {
namespace {

/// Prints diagnostics to stderr; remembers whether any was an error (a rejected input).
struct DiagnosticPrinter {
    bool quiet = false;
    bool strict = false;
    std::size_t errors = 0;
    void operator()(const Diagnostic& d) {
        if (d.severity == Severity::error) ++errors;
        if (d.severity == Severity::error || !quiet) std::cerr << "ekg: " << format_diagnostic(d) << "\n";
        if (strict && d.severity == Severity::error)
            throw Error(ExitCode::input_rejected, "stopping at the first rejected input (--strict)");
    }
};

const nlohmann::json::error_handler_t kReplace = nlohmann::json::error_handler_t::replace;

/// Rebuilds the graph tables from everything stored, with a progress line of its own, unless
/// they were built from exactly what is stored.
void rebuild_graph(exporter::Store& store, bool quiet, unsigned jobs, bool force = false,
                   exporter::ActorsSeen* seen = nullptr) {
    if (!force && store.graph_is_current()) return;  // nothing new since the last build
    Progress progress(!quiet, "graph", static_cast<std::uint64_t>(store.count("documents")));
    store.rebuild_graph([&] { progress.step(0); }, jobs, seen);
}

/// The lines after "documents:" of the build and merge summaries.
void print_summary(const exporter::Store& store) {
    std::cout << "sentences: " << store.count("sentences") << "\n"
              << "actors:    " << store.count("actors") << "\n"
              << "events:    " << store.count("merged_events") << " (" << store.count("events")
              << " reports)\n"
              << "claims:    " << store.count("claims") << "\n"
              << "graph:     " << store.count("nodes") << " nodes, " << store.count("edges") << " edges\n"
              << "database:  " << store.path() << "\n";
}

}  // namespace

ExitCode run_extract(const ExtractOptions& o) {
    const extract::Resources resources = extract::load_resources(extract::find_data_dir());
    DiagnosticPrinter printer{o.quiet, o.strict};
    Progress progress(!o.quiet, input_bytes(o.inputs));
    const bool jsonl = o.format == "jsonl";
    std::ostream& out = std::cout;
    bool first = true;
    if (!jsonl) out << "{\"schema\": \"" << extract::kSchema << "\", \"documents\": [\n";

    // Workers extract and serialise; the document's JSON is written in input order.
    struct Item {
        Document document;
        std::vector<Diagnostic> diagnostics;
        std::string json;
        std::size_t bytes = 0;
    };
    OrderedBatches<Item> batches(
        o.jobs, 256, 8 << 20,
        [&](Item& item) {
            Extraction x = extract::extract_document(std::move(item.document), resources);
            item.diagnostics = std::move(x.diagnostics);
            if (jsonl)
                item.json = extract::document_json(x, o.explain, /*with_schema=*/true);
            else
                extract::append_indented_json(item.json, extract::document_json(x, o.explain, false), 2);
        },
        [&](Item& item) {
            for (const Diagnostic& d : item.diagnostics) printer(d);
            if (jsonl) {
                out << item.json << "\n";
            } else {
                if (!first) out << ",\n";
                out << item.json;
            }
            first = false;
            progress.step(item.bytes);
        });
    extract::IngestStats stats;
    std::optional<Error> stopped;  // --strict: the documents before the error are still printed
    try {
        stats = extract::read_inputs(
            o.inputs,
            [&](Document&& doc) {
                const std::size_t bytes = doc.text.size();
                batches.add(Item{std::move(doc), {}, {}, bytes}, bytes);
            },
            std::ref(printer));
    } catch (const Error& error) {
        stopped = error;
    }
    batches.flush();
    progress.finish();
    if (!jsonl) out << "\n]}\n";
    out.flush();
    if (!out) throw Error(ExitCode::io, "<stdout>: write failed");
    if (stopped) throw *stopped;
    if (stats.documents == 0 && stats.rejected == 0)
        std::cerr << "ekg: no documents in the inputs\n";
    return stats.rejected > 0 ? ExitCode::input_rejected : ExitCode::ok;
}

ExitCode run_build(const BuildOptions& o) {
    if (o.inputs.empty() && !o.rebuild)
        throw Error(ExitCode::usage, "build: give the inputs to add (or --rebuild to rebuild the graph only)");
    const extract::Resources resources = extract::load_resources(extract::find_data_dir());
    exporter::Store store(o.db, /*writable=*/true);
    DiagnosticPrinter printer{o.quiet, o.strict};
    Progress progress(!o.quiet, input_bytes(o.inputs));
    // Each document is stored as soon as it is extracted, into a transaction committed every
    // `--batch` documents (or kCommitBytes of text and JSON): few journal syncs and full-text
    // index updates, and no batch of extractions held in memory.
    constexpr std::size_t kCommitBytes = 64 << 20;
    exporter::Store::DocumentWriter writer(store);
    // Into an empty database, the rebuild after storing takes the actors from here instead of
    // reading them back out of every stored extraction.
    const bool empty = store.count("documents") == 0;
    exporter::ActorsSeen seen;
    std::size_t added = 0, skipped = 0;
    struct Item {
        Extraction extraction;
        std::string json;  // what the store keeps of it, made by the worker
        std::size_t bytes = 0;
    };
    OrderedBatches<Item> batches(
        o.jobs, 256, 16 << 20,
        [&](Item& item) {
            item.extraction =
                extract::extract_document(std::move(item.extraction.document), resources);
            item.json = exporter::Store::stored_json(item.extraction);
        },
        [&](Item& item) {
            for (const Diagnostic& d : item.extraction.diagnostics) printer(d);
            if (writer.add(item.extraction, item.json)) {
                ++added;
                if (empty) seen.add(item.extraction);
            } else {
                ++skipped;
            }
            progress.step(item.bytes);
            if (writer.pending_documents() >= o.batch || writer.pending_bytes() >= kCommitBytes)
                writer.commit();
        });
    extract::IngestStats stats;
    std::optional<Error> stopped;  // --strict: the documents before the error are still stored
    try {
        stats = extract::read_inputs(
            o.inputs,
            [&](Document&& doc) {
                if (store.has_content(doc.content_hash)) {
                    ++skipped;
                    return;
                }
                const std::size_t bytes = doc.text.size();
                Item item;
                item.extraction.document = std::move(doc);
                item.bytes = bytes;
                batches.add(std::move(item), bytes);
            },
            std::ref(printer));
    } catch (const Error& error) {
        stopped = error;
    }
    batches.flush();
    writer.commit();
    progress.finish();
    // Re-merges everything stored into one graph: `ekg build` and `ekg merge` end the same way,
    // so a merge of shards equals one build over all of them.
    rebuild_graph(store, o.quiet, o.jobs == 0 ? default_jobs() : o.jobs, o.rebuild, empty ? &seen : nullptr);
    if (stopped) throw *stopped;
    std::cout << "documents: " << store.count("documents") << " (added " << added << ", already stored "
              << skipped << ", rejected inputs " << stats.rejected << ")\n";
    print_summary(store);
    return stats.rejected > 0 ? ExitCode::input_rejected : ExitCode::ok;
}

ExitCode run_merge(const MergeOptions& o) {
    namespace fs = std::filesystem;
    // Check every input before writing anything: a merge that misses a shard is wrong silently.
    std::error_code ec;
    for (std::size_t i = 0; i < o.inputs.size(); ++i) {
        const std::string& input = o.inputs[i];
        exporter::Store::check_source(input);
        if (fs::exists(o.db, ec) && fs::equivalent(input, o.db, ec))
            throw Error(ExitCode::usage, input + ": is the output database; give another --db");
        for (std::size_t j = 0; j < i; ++j)
            if (fs::equivalent(input, o.inputs[j], ec))
                throw Error(ExitCode::usage, input + ": given twice (as " + o.inputs[j] + ")");
    }
    exporter::Store store(o.db, /*writable=*/true);
    std::size_t added = 0, skipped = 0;
    for (const std::string& input : o.inputs) {
        const std::size_t offered =
            static_cast<std::size_t>(exporter::Store(input, /*writable=*/false).count("documents"));
        std::size_t conflicts = 0;
        const std::size_t n = store.copy_documents_from(input, &conflicts);
        added += n;
        if (conflicts > 0)
            std::cerr << "ekg: " << input << ": warning: " << conflicts
                      << " documents have the id of a stored document but other content; kept the "
                         "stored one\n";
        skipped += offered - n;
        if (!o.quiet)
            std::cerr << "ekg: " << input << ": " << n << " of " << offered << " documents added\n";
    }
    rebuild_graph(store, o.quiet, default_jobs());
    std::cout << "documents: " << store.count("documents") << " (added " << added << " from "
              << o.inputs.size() << " database" << (o.inputs.size() == 1 ? "" : "s")
              << ", already stored " << skipped << ")\n";
    print_summary(store);
    return ExitCode::ok;
}

ExitCode run_export(const ExportOptions& o) {
    std::vector<exporter::ExportSpec> specs;
    if (!o.recipe.empty()) {
        const bool other = o.format != "graphml" || o.output != "-" || o.view != "kg" ||
                           !o.since.empty() || !o.until.empty() || !o.countries.empty() ||
                           !o.types.empty() || !o.actor.empty() || o.depth != 1 ||
                           !o.nodes_sql.empty() || !o.edges_sql.empty();
        if (other)
            throw Error(ExitCode::usage, "--recipe names the exports: give no other export option");
        specs = exporter::read_recipe(o.recipe);
    } else {
        exporter::ExportSpec spec;
        spec.format = o.format;
        spec.view = exporter::view_from_string(o.view).value_or(exporter::View::kg);
        spec.filter = {o.since, o.until, o.countries, o.types, o.actor, o.depth};
        spec.nodes_sql = o.nodes_sql;
        spec.edges_sql = o.edges_sql;
        spec.output = o.output;
        exporter::check_filter(spec.filter);
        specs.push_back(std::move(spec));
    }
    for (const exporter::ExportSpec& spec : specs)
        if (o.json && spec.output == "-")
            throw Error(ExitCode::usage, "--json prints the summary on stdout: write the export with -o");

    const exporter::Store store(o.db, /*writable=*/false);
    const auto report = [&](const exporter::ExportResult& r) {
        if (o.json || r.files.empty()) return;
        std::cerr << "ekg: wrote";
        for (const std::string& f : r.files) std::cerr << " " << f;
        std::cerr << " (" << r.format << ", view " << r.view << ": " << r.nodes << " nodes, " << r.edges
                  << " edges)\n";
    };
    std::optional<graph::KnowledgeGraph> full;  // read once, for the exports that need it
    std::vector<exporter::ExportResult> results;
    for (const exporter::ExportSpec& spec : specs) {
        if (exporter::streams_from_store(spec)) {  // the whole graph, never held in memory
            results.push_back(exporter::write_export(store, spec, std::cout));
            report(results.back());
            continue;
        }
        const bool by_sql = !spec.nodes_sql.empty() || !spec.edges_sql.empty();
        std::optional<graph::KnowledgeGraph> selected;
        if (by_sql) selected = exporter::select_subgraph(store, spec.nodes_sql, spec.edges_sql);
        else if (!full) full = store.read_graph();
        const graph::KnowledgeGraph& source = by_sql ? *selected : *full;
        const bool whole = spec.view == exporter::View::kg && spec.filter.empty();
        const graph::KnowledgeGraph shaped =
            whole ? graph::KnowledgeGraph() : exporter::make_view(source, spec.view, spec.filter);
        results.push_back(exporter::write_export(whole ? source : shaped, spec, std::cout));
        report(results.back());
    }
    if (o.json) std::cout << exporter::summary_json(results).dump(2) << "\n";
    std::cout.flush();
    if (!std::cout) throw Error(ExitCode::io, "<stdout>: write failed");
    return ExitCode::ok;
}

std::string csv_cell(const std::string& text, bool is_text) { return exporter::csv_cell(text, is_text); }

ExitCode run_query(const QueryOptions& o) {
    const exporter::Store store(o.db, /*writable=*/false);
    std::vector<std::string> names;
    std::vector<std::vector<std::string>> table;  // only for the table format
    const auto text_of = [](const nlohmann::json& v) -> std::string {
        if (v.is_null()) return "";
        if (v.is_string()) return v.get<std::string>();
        return v.dump();
    };
    std::ostream& out = std::cout;
    const auto header = [&](const std::vector<std::string>& cols) {
        names = cols;
        if (o.format == "csv") {
            for (std::size_t i = 0; i < cols.size(); ++i)
                out << (i ? "," : "") << csv_cell(cols[i], true);
            out << "\n";
        } else if (o.format == "json") {
            out << "[";
        }
    };
    bool first = true;
    const auto row = [&](const exporter::Store::Row& values) {
        if (o.format == "csv") {
            for (std::size_t i = 0; i < values.size(); ++i)
                out << (i ? "," : "") << csv_cell(text_of(values[i]), values[i].is_string());
            out << "\n";
        } else if (o.format == "json" || o.format == "jsonl") {
            nlohmann::ordered_json j;
            for (std::size_t i = 0; i < values.size(); ++i) j[names[i]] = values[i];
            if (o.format == "json") out << (first ? "\n  " : ",\n  ");
            out << j.dump(-1, ' ', false, kReplace);
            if (o.format == "jsonl") out << "\n";
        } else {
            std::vector<std::string> cells;
            for (const auto& v : values) cells.push_back(text_of(v));
            table.push_back(std::move(cells));
        }
        first = false;
    };
    store.query(o.sql, header, row);
    if (o.format == "json") out << (first ? "]\n" : "\n]\n");
    if (o.format == "table") {
        const auto width = [](const std::string& s) {
            std::size_t w = 0;
            for (unsigned char c : s) w += (c & 0xC0) != 0x80;
            return w;
        };
        const auto clip = [](const std::string& s) {
            std::string flat = s;
            for (char& c : flat)
                if (c == '\n' || c == '\r' || c == '\t') c = ' ';
            std::size_t cps = 0, cut = 0;
            for (std::size_t i = 0; i < flat.size(); ++i)
                if ((static_cast<unsigned char>(flat[i]) & 0xC0) != 0x80 && ++cps == 61) cut = i;
            return cut ? flat.substr(0, cut) + "\xE2\x80\xA6" : flat;
        };
        std::vector<std::size_t> widths(names.size());
        for (std::size_t i = 0; i < names.size(); ++i) widths[i] = width(names[i]);
        for (auto& r : table)
            for (std::size_t i = 0; i < r.size(); ++i) {
                r[i] = clip(r[i]);
                widths[i] = std::max(widths[i], width(r[i]));
            }
        const auto print = [&](const std::vector<std::string>& cells) {
            for (std::size_t i = 0; i < cells.size(); ++i) {
                out << (i ? " | " : "") << cells[i];
                if (i + 1 < cells.size()) out << std::string(widths[i] - width(cells[i]), ' ');
            }
            out << "\n";
        };
        print(names);
        for (std::size_t i = 0; i < names.size(); ++i)
            out << (i ? "-+-" : "") << std::string(widths[i], '-');
        out << "\n";
        for (const auto& r : table) print(r);
        out << "(" << table.size() << " row" << (table.size() == 1 ? "" : "s") << ")\n";
    }
    out.flush();
    return ExitCode::ok;
}

}  // namespace ekg::cli
