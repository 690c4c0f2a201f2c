#include "recipe.h"

#include <fstream>
#include <tuple>

#include "csv_graph.h"
#include "error.h"
#include "gexf.h"
#include "graphml.h"
#include "json_graph.h"

namespace ekg::exporter {

const std::array<FormatInfo, 4> kFormats{{
    {"graphml", ".graphml", "GraphML for Gephi, networkx, igraph, graphology"},
    {"gexf", ".gexf", "GEXF 1.3 with time spells for Gephi's Timeline"},
    {"json", ".json", "node-link JSON for networkx json_graph and d3"},
    {"csv", ".csv", "neo4j-admin import pair: <out>.nodes.csv, <out>.relationships.csv"},
}};

bool is_format(const std::string& name) {
    for (const FormatInfo& f : kFormats)
        if (name == f.name) return true;
    return false;
}

namespace {

std::vector<std::string> string_or_list(const nlohmann::json& j, const std::string& where) {
    if (j.is_string()) return {j.get<std::string>()};
    if (!j.is_array()) throw Error(ExitCode::usage, where + " must be a string or a list of strings");
    std::vector<std::string> out;
    for (const auto& v : j) {
        if (!v.is_string()) throw Error(ExitCode::usage, where + " must be a string or a list of strings");
        out.push_back(v.get<std::string>());
    }
    return out;
}

std::string text(const nlohmann::json& spec, const char* key, const std::string& where) {
    const auto it = spec.find(key);
    if (it == spec.end()) return {};
    if (!it->is_string()) throw Error(ExitCode::usage, where + " \"" + key + "\" must be a string");
    return it->get<std::string>();
}

/// Opens `path` for writing or throws naming it.
std::ofstream open_output(const std::string& path) {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    if (!file) throw Error(ExitCode::io, path + ": cannot open for writing");
    return file;
}

void finish(std::ostream& out, const std::string& path) {
    out.flush();
    if (!out) throw Error(ExitCode::io, (path == "-" ? "<stdout>" : path) + ": write failed");
}

}  // namespace

std::vector<ExportSpec> parse_recipe(const nlohmann::json& recipe, const std::string& name) {
    if (!recipe.is_object() || !recipe.contains("exports") || !recipe.at("exports").is_array())
        throw Error(ExitCode::usage, name + ": a recipe is an object with an \"exports\" list");
    static const char* const kKeys[] = {"format", "view",  "output", "since",     "until",    "country",
                                        "type",   "actor", "depth",  "nodes_sql", "edges_sql", "comment"};
    std::vector<ExportSpec> specs;
    std::size_t number = 0;
    for (const auto& j : recipe.at("exports")) {
        const std::string where = name + ": export " + std::to_string(++number);
        if (!j.is_object()) throw Error(ExitCode::usage, where + " is not an object");
        for (const auto& [key, value] : j.items())
            if (std::find(std::begin(kKeys), std::end(kKeys), key) == std::end(kKeys))
                throw Error(ExitCode::usage, where + ": unknown key \"" + key + "\"");
        ExportSpec s;
        s.format = text(j, "format", where);
        if (!is_format(s.format))
            throw Error(ExitCode::usage, where + ": unknown format \"" + s.format +
                                             "\" (graphml, gexf, json or csv)");
        s.output = text(j, "output", where);
        if (s.output.empty()) throw Error(ExitCode::usage, where + ": \"output\" is required");
        if (j.contains("view")) {
            const std::string view = text(j, "view", where);
            const auto v = view_from_string(view);
            if (!v)
                throw Error(ExitCode::usage, where + ": unknown view \"" + view +
                                                 "\" (kg, actors, events or claims)");
            s.view = *v;
        }
        s.filter.since = text(j, "since", where);
        s.filter.until = text(j, "until", where);
        if (j.contains("country")) s.filter.countries = string_or_list(j.at("country"), where + " \"country\"");
        if (j.contains("type")) s.filter.types = string_or_list(j.at("type"), where + " \"type\"");
        s.filter.actor = text(j, "actor", where);
        if (j.contains("depth")) {
            if (!j.at("depth").is_number_integer())
                throw Error(ExitCode::usage, where + ": \"depth\" must be a whole number");
            s.filter.depth = j.at("depth").get<int>();
        }
        s.nodes_sql = text(j, "nodes_sql", where);
        s.edges_sql = text(j, "edges_sql", where);
        try {
            check_filter(s.filter);
        } catch (const Error& e) {
            throw Error(ExitCode::usage, where + ": " + e.what());
        }
        specs.push_back(std::move(s));
    }
    if (specs.empty()) throw Error(ExitCode::usage, name + ": the recipe names no export");
    return specs;
}

std::vector<ExportSpec> read_recipe(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ExitCode::io, path + ": cannot open recipe");
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw Error(ExitCode::usage, path + ": not JSON: " + e.what());
    }
    return parse_recipe(j, path);
}

namespace {

/// Where a one-file export goes: the file `spec.output` (listed in `result.files`), or stdout.
struct Destination {
    std::ofstream file;
    std::ostream* out;
    Destination(const ExportSpec& spec, std::ostream& stdout_stream, ExportResult& result) : out(&stdout_stream) {
        if (spec.output == "-") return;
        file = open_output(spec.output);
        out = &file;
        result.files = {spec.output};
    }
};

}  // namespace

ExportResult write_export(const graph::KnowledgeGraph& kg, const ExportSpec& spec,
                          std::ostream& stdout_stream) {
    ExportResult result{spec.format, to_string(spec.view), {}, kg.node_count(), kg.edge_count()};
    if (spec.format == "csv") {
        if (spec.output == "-")
            throw Error(ExitCode::usage, "--format csv writes two files: give -o PREFIX");
        const auto [nodes_path, relationships_path] = neo4j_csv_paths(spec.output);
        std::ofstream nodes = open_output(nodes_path);
        std::ofstream relationships = open_output(relationships_path);
        write_neo4j_csv(kg, nodes, relationships);
        finish(nodes, nodes_path);
        finish(relationships, relationships_path);
        result.files = {nodes_path, relationships_path};
        return result;
    }
    Destination destination(spec, stdout_stream, result);
    std::ostream* out = destination.out;
    if (spec.format == "graphml") write_graphml(kg, *out);
    else if (spec.format == "gexf") write_gexf(kg, *out);
    else if (spec.format == "json") write_node_link_json(kg, *out);
    else throw Error(ExitCode::usage, "unknown format " + spec.format);
    finish(*out, spec.output);
    return result;
}

bool streams_from_store(const ExportSpec& spec) {
    return (spec.format == "graphml" || spec.format == "gexf") && spec.view == View::kg && spec.filter.empty() &&
           spec.nodes_sql.empty() && spec.edges_sql.empty();
}

ExportResult write_export(const Store& store, const ExportSpec& spec, std::ostream& stdout_stream) {
    if (!streams_from_store(spec)) return write_export(store.read_graph(), spec, stdout_stream);
    ExportResult result{spec.format, to_string(spec.view), {}, 0, 0};
    Destination destination(spec, stdout_stream, result);
    std::ostream* out = destination.out;
    std::tie(result.nodes, result.edges) =
        spec.format == "gexf" ? write_gexf(store, *out) : write_graphml(store, *out);
    finish(*out, spec.output);
    return result;
}

nlohmann::ordered_json summary_json(const std::vector<ExportResult>& results) {
    nlohmann::ordered_json exports = nlohmann::ordered_json::array();
    for (const ExportResult& r : results)
        exports.push_back({{"format", r.format},
                           {"view", r.view},
                           {"files", r.files},
                           {"nodes", r.nodes},
                           {"edges", r.edges}});
    return {{"exports", std::move(exports)}};
}

}  // namespace ekg::exporter
