#include "graphml.h"

#include <cmath>
#include <string>
#include <unordered_map>

#include "xml.h"

namespace ekg::exporter {
namespace {

struct Key {
    const char* id;
    const char* domain;  // node or edge
    const char* type;
};

// Every key is declared once, with its type; ids double as attr.name (Gephi maps either).
constexpr Key kKeys[] = {
    {"label", "node", "string"},      {"kind", "node", "string"},
    {"subtype", "node", "string"},    {"ekg_id", "node", "string"},
    {"country_code", "node", "string"}, {"lat", "node", "double"},
    {"lon", "node", "double"},        {"date", "node", "string"},
    {"mentions", "node", "long"},     {"documents", "node", "long"},
    {"sources", "node", "long"},
    {"degree", "node", "int"},        {"size", "node", "double"},
    {"r", "node", "int"},             {"g", "node", "int"},
    {"b", "node", "int"},             {"relation", "edge", "string"},
    {"label", "edge", "string"},      {"weight", "edge", "double"},
    {"document", "edge", "string"},   {"start", "edge", "long"},
    {"end", "edge", "long"},          {"title", "edge", "string"},
    {"former", "edge", "boolean"},    {"rule", "edge", "string"},
};

void data(std::string& out, std::string_view domain, std::string_view key, std::string_view value) {
    out += "      <data key=\"";
    out += domain == "node" ? "n_" : "e_";
    out += key;
    out += "\">";
    append_xml_escaped(out, value);
    out += "</data>\n";
}

void data_if(std::string& out, std::string_view domain, std::string_view key, std::string_view value) {
    // Whitespace-only strings are dropped by Gephi; leave them out for every reader alike.
    if (value.find_first_not_of(" \t\r\n") != std::string_view::npos) data(out, domain, key, value);
}

void data_double(std::string& out, std::string_view domain, std::string_view key,
                 const std::optional<double>& v) {
    if (!v) return;
    if (const auto s = format_double(*v)) data(out, domain, key, *s);
}

}  // namespace

Rgb node_colour(const graph::NodeProps& n) {
    using graph::NodeKind;
    switch (n.kind) {
        case NodeKind::document: return {150, 150, 150};
        case NodeKind::event: return {214, 39, 40};
        case NodeKind::claim: return {255, 187, 120};
        case NodeKind::actor: break;
    }
    if (n.subtype == "person") return {31, 119, 180};
    if (n.subtype == "organization") return {44, 160, 44};
    if (n.subtype == "group") return {148, 103, 189};
    if (n.subtype == "government") return {140, 86, 75};
    if (n.subtype == "platform") return {227, 119, 194};
    if (n.subtype == "place") return {188, 189, 34};
    return {127, 127, 127};
}

std::string graphml_node_id(const graph::Graph& g, graph::Vertex v) {
    const std::string& id = g[v].id;
    return is_safe_xml_id(id) ? id : "x." + std::to_string(v);
}

namespace {

void write_header(std::string& out) {
    out +=
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
        "http://graphml.graphdrawing.org/xmlns/1.1/graphml.xsd\">\n";
    for (const Key& k : kKeys) {
        out += "  <key id=\"";
        out += std::string_view(k.domain) == "node" ? "n_" : "e_";
        out += k.id;
        out += "\" for=\"";
        out += k.domain;
        out += "\" attr.name=\"";
        out += k.id;
        out += "\" attr.type=\"";
        out += k.type;
        out += "\"/>\n";
    }
    out += "  <graph id=\"ekg\" edgedefault=\"directed\">\n";
}

void write_node(std::string& out, const graph::NodeProps& n, const std::string& id, std::int64_t degree) {
    const Rgb c = node_colour(n);
    out += "    <node id=\"";
    out += id;
    out += "\">\n";
    data(out, "node", "label", n.label.empty() ? n.id : n.label);
    data(out, "node", "kind", graph::to_string(n.kind));
    data_if(out, "node", "subtype", n.subtype);
    data(out, "node", "ekg_id", n.id);
    data_if(out, "node", "country_code", n.country_code);
    data_double(out, "node", "lat", n.lat);
    data_double(out, "node", "lon", n.lon);
    data_if(out, "node", "date", n.date);
    data(out, "node", "mentions", std::to_string(n.mentions));
    data(out, "node", "documents", std::to_string(n.documents));
    data(out, "node", "sources", std::to_string(n.sources));
    data(out, "node", "degree", std::to_string(degree));
    data_double(out, "node", "size", node_size(static_cast<std::size_t>(degree)));
    data(out, "node", "r", std::to_string(c.r));
    data(out, "node", "g", std::to_string(c.g));
    data(out, "node", "b", std::to_string(c.b));
    out += "    </node>\n";
}

void write_edge(std::string& out, const graph::EdgeProps& e, std::size_t index, const std::string& source,
                const std::string& target) {
    out += "    <edge id=\"e";
    out += std::to_string(index);
    out += "\" source=\"";
    out += source;
    out += "\" target=\"";
    out += target;
    out += "\">\n";
    data(out, "edge", "relation", e.relation);
    data(out, "edge", "label", e.relation);
    data_double(out, "edge", "weight", e.weight);
    data_if(out, "edge", "document", e.document);
    if (!e.document.empty()) {
        data(out, "edge", "start", std::to_string(e.span.begin));
        data(out, "edge", "end", std::to_string(e.span.end));
    }
    data_if(out, "edge", "title", e.title);
    data(out, "edge", "former", e.former ? "true" : "false");
    data_if(out, "edge", "rule", e.rule);
    out += "    </edge>\n";
}

constexpr const char* kFooter = "  </graph>\n</graphml>\n";

}  // namespace

void write_graphml(const graph::KnowledgeGraph& kg, std::ostream& os) {
    const graph::Graph& g = kg.graph();
    std::string out;
    out.reserve(1 << 16);
    write_header(out);
    std::vector<std::string> ids(boost::num_vertices(g));
    for (auto [it, end] = boost::vertices(g); it != end; ++it) {
        const graph::Vertex v = *it;
        ids[v] = graphml_node_id(g, v);
        write_node(out, g[v], ids[v], static_cast<std::int64_t>(boost::in_degree(v, g) + boost::out_degree(v, g)));
        flush_buffer(out, os);
    }
    std::size_t edge_id = 0;
    for (auto [it, end] = boost::edges(g); it != end; ++it) {
        write_edge(out, g[*it], edge_id++, ids[boost::source(*it, g)], ids[boost::target(*it, g)]);
        flush_buffer(out, os);
    }
    out += kFooter;
    os.write(out.data(), static_cast<std::streamsize>(out.size()));
}

std::pair<std::size_t, std::size_t> write_graphml(const Store& store, std::ostream& os) {
    std::string out;
    out.reserve(1 << 16);
    write_header(out);
    // Node ids that are no safe XML id become "x.<vertex>", as read_graph would number them.
    std::unordered_map<std::string, std::string> renamed;
    std::size_t nodes = 0;
    store.for_each_node([&](const graph::NodeProps& n, std::int64_t degree, const std::string&) {
        std::string id = n.id;
        if (!is_safe_xml_id(id)) id = renamed.emplace(n.id, "x." + std::to_string(nodes)).first->second;
        ++nodes;
        write_node(out, n, id, degree);
        flush_buffer(out, os);
    });
    const auto id_of = [&](const std::string& id) -> const std::string& {
        const auto it = renamed.find(id);
        return it == renamed.end() ? id : it->second;
    };
    std::size_t edges = 0;
    store.for_each_edge(false, [&](const std::string& source, const std::string& target,
                                   const graph::EdgeProps& e, const Store::EdgeEnds&) {
        write_edge(out, e, edges++, id_of(source), id_of(target));
        flush_buffer(out, os);
    });
    out += kFooter;
    os.write(out.data(), static_cast<std::streamsize>(out.size()));
    return {nodes, edges};
}

}  // namespace ekg::exporter
