#include "json_graph.h"

#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "error.h"
#include "graphml.h"
#include "text.h"
#include "xml.h"

namespace ekg::exporter {
namespace {

void key(std::string& out, std::string_view name) {
    out += ", \"";
    out += name;
    out += "\": ";
}

void string_field(std::string& out, std::string_view name, std::string_view value) {
    if (value.empty()) return;
    key(out, name);
    append_json_string(out, value);
}

void number_field(std::string& out, std::string_view name, std::int64_t value) {
    key(out, name);
    out += std::to_string(value);
}

void double_field(std::string& out, std::string_view name, const std::optional<double>& value) {
    if (!value) return;
    if (const auto s = format_double(*value)) {
        key(out, name);
        out += *s;
        // Python's json reads "1" as an int: keep doubles recognisable as such.
        if (s->find_first_of(".e") == std::string::npos) out += ".0";
    }
}

std::string hex_colour(const Rgb& c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r & 0xFF, c.g & 0xFF, c.b & 0xFF);
    return buf;
}

std::string text_or_empty(const nlohmann::json& j, const char* name) {
    const auto it = j.find(name);
    return it == j.end() || it->is_null() ? std::string() : it->get<std::string>();
}

}  // namespace

void write_node_link_json(const graph::KnowledgeGraph& kg, std::ostream& os) {
    const graph::Graph& g = kg.graph();
    std::string out;
    out.reserve(1 << 16);
    out += "{\"directed\": true, \"multigraph\": true, \"graph\": {\"name\": \"ekg\"},\n\"nodes\": [";
    bool first = true;
    for (auto [it, end] = boost::vertices(g); it != end; ++it) {
        const graph::NodeProps& n = g[*it];
        const auto degree = boost::in_degree(*it, g) + boost::out_degree(*it, g);
        out += first ? "\n{\"id\": " : ",\n{\"id\": ";
        first = false;
        append_json_string(out, n.id);
        string_field(out, "label", n.label);
        string_field(out, "kind", graph::to_string(n.kind));
        string_field(out, "subtype", n.subtype);
        string_field(out, "country_code", n.country_code);
        double_field(out, "lat", n.lat);
        double_field(out, "lon", n.lon);
        string_field(out, "date", n.date);
        number_field(out, "mentions", n.mentions);
        number_field(out, "documents", n.documents);
        number_field(out, "sources", n.sources);
        string_field(out, "color", hex_colour(node_colour(n)));
        double_field(out, "size", node_size(degree));
        out += '}';
        flush_buffer(out, os);
    }
    out += "\n],\n\"links\": [";
    first = true;
    std::int64_t id = 0;
    for (auto [it, end] = boost::edges(g); it != end; ++it) {
        const graph::EdgeProps& e = g[*it];
        out += first ? "\n{\"source\": " : ",\n{\"source\": ";
        first = false;
        append_json_string(out, g[boost::source(*it, g)].id);
        key(out, "target");
        append_json_string(out, g[boost::target(*it, g)].id);
        number_field(out, "key", id++);
        string_field(out, "relation", e.relation);
        double_field(out, "weight", e.weight);
        string_field(out, "document", e.document);
        number_field(out, "start", e.span.begin);
        number_field(out, "end", e.span.end);
        string_field(out, "title", e.title);
        key(out, "former");
        out += e.former ? "true" : "false";
        string_field(out, "rule", e.rule);
        out += '}';
        flush_buffer(out, os);
    }
    out += "\n]}\n";
    os.write(out.data(), static_cast<std::streamsize>(out.size()));
}

graph::KnowledgeGraph read_node_link_json(std::istream& in, const std::string& name) {
    graph::KnowledgeGraph kg;
    try {
        const nlohmann::json j = nlohmann::json::parse(in);
        for (const auto& n : j.at("nodes")) {
            graph::NodeProps p;
            p.id = n.at("id").get<std::string>();
            p.kind = graph::node_kind_from_string(text_or_empty(n, "kind")).value_or(graph::NodeKind::actor);
            p.label = text_or_empty(n, "label");
            p.subtype = text_or_empty(n, "subtype");
            p.country_code = text_or_empty(n, "country_code");
            if (n.contains("lat")) p.lat = n.at("lat").get<double>();
            if (n.contains("lon")) p.lon = n.at("lon").get<double>();
            p.date = text_or_empty(n, "date");
            p.mentions = n.value("mentions", std::int64_t{0});
            p.documents = n.value("documents", std::int64_t{0});
            p.sources = n.value("sources", std::int64_t{0});
            if (kg.find(p.id)) throw Error(ExitCode::io, name + ": node " + p.id + " appears twice");
            kg.add_node(std::move(p));
        }
        for (const auto& l : j.at("links")) {
            graph::EdgeProps e;
            e.relation = text_or_empty(l, "relation");
            e.weight = l.value("weight", 1.0);
            e.document = text_or_empty(l, "document");
            e.span = {l.value("start", std::uint32_t{0}), l.value("end", std::uint32_t{0})};
            e.title = text_or_empty(l, "title");
            e.former = l.value("former", false);
            e.rule = text_or_empty(l, "rule");
            const std::string source = l.at("source").get<std::string>();
            const std::string target = l.at("target").get<std::string>();
            if (!kg.find(source) || !kg.find(target))
                throw Error(ExitCode::io, name + ": link " + source + " -> " + target +
                                              " names a node that is not in \"nodes\"");
            kg.add_edge(source, target, std::move(e));
        }
    } catch (const nlohmann::json::exception& e) {
        throw Error(ExitCode::io, name + ": not a node-link graph: " + e.what());
    }
    return kg;
}

}  // namespace ekg::exporter
