#include "gexf.h"

#include <cmath>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graphml.h"
#include "merge.h"
#include "xml.h"

namespace ekg::exporter {
namespace {

using Spell = std::optional<std::pair<std::string, std::string>>;
const Spell kNoSpell;

struct Attribute {
    const char* id;
    const char* type;  // GEXF attribute types Gephi knows
};

constexpr Attribute kNodeAttributes[] = {
    {"kind", "string"},      {"subtype", "string"}, {"ekg_id", "string"},
    {"country_code", "string"}, {"lat", "double"},  {"lon", "double"},
    {"date", "string"},      {"mentions", "long"},  {"documents", "long"},
    {"sources", "long"},     {"degree", "integer"},
};

constexpr Attribute kEdgeAttributes[] = {
    {"relation", "string"},   {"document", "string"}, {"span_start", "long"},
    {"span_end", "long"},     {"title", "string"},    {"former", "boolean"},
    {"rule", "string"},
};

void declare(std::string& out, const char* domain, const Attribute* begin, const Attribute* end) {
    out += "    <attributes class=\"";
    out += domain;
    out += "\" mode=\"static\">\n";
    for (const Attribute* a = begin; a != end; ++a) {
        out += "      <attribute id=\"";
        out += a->id;
        out += "\" title=\"";
        out += a->id;
        out += "\" type=\"";
        out += a->type;
        out += "\"/>\n";
    }
    out += "    </attributes>\n";
}

void value(std::string& out, std::string_view id, std::string_view v) {
    out += "          <attvalue for=\"";
    out += id;
    out += "\" value=\"";
    append_xml_escaped(out, v);
    out += "\"/>\n";
}

void value_if(std::string& out, std::string_view id, std::string_view v) {
    // Gephi drops whitespace-only text; leave it out for every reader alike.
    if (v.find_first_not_of(" \t\r\n") != std::string_view::npos) value(out, id, v);
}

void value_double(std::string& out, std::string_view id, const std::optional<double>& v) {
    if (!v) return;
    if (const auto s = format_double(*v)) value(out, id, *s);
}

void spells(std::string& out, const Spell& spell, const char* indent) {
    if (!spell) return;
    out += indent;
    out += "<spells><spell start=\"";
    out += spell->first;
    out += "\" end=\"";
    out += spell->second;
    out += "\"/></spells>\n";
}

/// The document node a claim is stated in, from its mentioned_in edge.
std::optional<graph::Vertex> claim_document(const graph::Graph& g, graph::Vertex v) {
    for (auto [it, end] = boost::out_edges(v, g); it != end; ++it)
        if (g[*it].relation == "mentioned_in" && g[boost::target(*it, g)].kind == graph::NodeKind::document)
            return boost::target(*it, g);
    return std::nullopt;
}

}  // namespace

Spell node_spell(const graph::KnowledgeGraph& kg, graph::Vertex v) {
    const graph::Graph& g = kg.graph();
    const graph::NodeProps& n = g[v];
    switch (n.kind) {
        case graph::NodeKind::event:
        case graph::NodeKind::document: return graph::date_interval(n.date);
        case graph::NodeKind::claim:
            if (const auto doc = claim_document(g, v)) return graph::date_interval(g[*doc].date);
            return std::nullopt;
        case graph::NodeKind::actor: return std::nullopt;
    }
    return std::nullopt;
}

namespace {

void write_header(std::string& out) {
    out +=
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
        "  <meta>\n    <creator>ekg</creator>\n"
        "    <description>event knowledge graph: documents, events, actors, claims</description>\n"
        "  </meta>\n"
        "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\" "
        "timerepresentation=\"interval\">\n";
    declare(out, "node", std::begin(kNodeAttributes), std::end(kNodeAttributes));
    declare(out, "edge", std::begin(kEdgeAttributes), std::end(kEdgeAttributes));
}

void write_node(std::string& out, const graph::NodeProps& n, std::size_t degree, const Spell& spell) {
    const Rgb c = node_colour(n);
    out += "      <node id=\"";
    append_xml_escaped(out, n.id);
    out += "\" label=\"";
    append_xml_escaped(out, n.label.empty() ? n.id : n.label);
    out += "\">\n        <attvalues>\n";
    value(out, "kind", graph::to_string(n.kind));
    value_if(out, "subtype", n.subtype);
    value(out, "ekg_id", n.id);
    value_if(out, "country_code", n.country_code);
    value_double(out, "lat", n.lat);
    value_double(out, "lon", n.lon);
    value_if(out, "date", n.date);
    value(out, "mentions", std::to_string(n.mentions));
    value(out, "documents", std::to_string(n.documents));
    value(out, "sources", std::to_string(n.sources));
    value(out, "degree", std::to_string(degree));
    out += "        </attvalues>\n";
    spells(out, spell, "        ");
    out += "        <viz:color r=\"" + std::to_string(c.r) + "\" g=\"" + std::to_string(c.g) +
           "\" b=\"" + std::to_string(c.b) + "\"/>\n";
    out += "        <viz:size value=\"";
    out += *format_double(node_size(degree));
    out += "\"/>\n      </node>\n";
}

void write_edge(std::string& out, const graph::EdgeProps& e, std::size_t index, const std::string& source,
                const std::string& target, const Spell& spell) {
    out += "      <edge id=\"e";
    out += std::to_string(index);
    out += "\" source=\"";
    append_xml_escaped(out, source);
    out += "\" target=\"";
    append_xml_escaped(out, target);
    out += "\" kind=\"";
    append_xml_escaped(out, e.relation);
    out += "\" label=\"";
    append_xml_escaped(out, e.relation);
    out += "\"";
    if (const auto w = format_double(e.weight)) {
        out += " weight=\"";
        out += *w;
        out += "\"";
    }
    out += ">\n        <attvalues>\n";
    value(out, "relation", e.relation);
    value_if(out, "document", e.document);
    if (!e.document.empty()) {
        value(out, "span_start", std::to_string(e.span.begin));
        value(out, "span_end", std::to_string(e.span.end));
    }
    value_if(out, "title", e.title);
    value(out, "former", e.former ? "true" : "false");
    value_if(out, "rule", e.rule);
    out += "        </attvalues>\n";
    spells(out, spell, "        ");
    out += "      </edge>\n";
}

constexpr const char* kFooter = "    </edges>\n  </graph>\n</gexf>\n";

/// An edge plays on the spell of its event end, else on the date of its evidence document.
const Spell& edge_spell(graph::NodeKind source_kind, const Spell& source, graph::NodeKind target_kind,
                        const Spell& target, const Spell& document) {
    if (source_kind == graph::NodeKind::event && source) return source;
    if (target_kind == graph::NodeKind::event && target) return target;
    return document;
}

}  // namespace

void write_gexf(const graph::KnowledgeGraph& kg, std::ostream& os) {
    const graph::Graph& g = kg.graph();
    std::string out;
    out.reserve(1 << 16);
    write_header(out);
    std::vector<Spell> node_spells(boost::num_vertices(g));
    out += "    <nodes count=\"" + std::to_string(boost::num_vertices(g)) + "\">\n";
    for (auto [it, end] = boost::vertices(g); it != end; ++it) {
        const graph::Vertex v = *it;
        node_spells[v] = node_spell(kg, v);
        write_node(out, g[v], boost::in_degree(v, g) + boost::out_degree(v, g), node_spells[v]);
        flush_buffer(out, os);
    }
    out += "    </nodes>\n    <edges count=\"" + std::to_string(boost::num_edges(g)) + "\">\n";
    // Edges play on the date of their evidence document: index the documents by id.
    std::unordered_map<std::string_view, const Spell*> document_spells;
    for (auto [it, end] = boost::vertices(g); it != end; ++it)
        if (g[*it].kind == graph::NodeKind::document && g[*it].id.rfind("doc:", 0) == 0)
            document_spells.emplace(std::string_view(g[*it].id).substr(4), &node_spells[*it]);
    std::size_t edge_id = 0;
    for (auto [it, end] = boost::edges(g); it != end; ++it) {
        const graph::EdgeProps& e = g[*it];
        const graph::Vertex s = boost::source(*it, g), t = boost::target(*it, g);
        const Spell* document = &kNoSpell;
        if (!e.document.empty())
            if (const auto doc = document_spells.find(e.document); doc != document_spells.end())
                document = doc->second;
        write_edge(out, e, edge_id++, g[s].id, g[t].id,
                   edge_spell(g[s].kind, node_spells[s], g[t].kind, node_spells[t], *document));
        flush_buffer(out, os);
    }
    out += kFooter;
    os.write(out.data(), static_cast<std::streamsize>(out.size()));
}

std::pair<std::size_t, std::size_t> write_gexf(const Store& store, std::ostream& os) {
    std::string out;
    out.reserve(1 << 16);
    write_header(out);
    const auto nodes = static_cast<std::size_t>(store.count("nodes"));
    const auto edges = static_cast<std::size_t>(store.count("edges"));
    out += "    <nodes count=\"" + std::to_string(nodes) + "\">\n";
    store.for_each_node([&](const graph::NodeProps& n, std::int64_t degree, const std::string& document_date) {
        // A claim plays on the date of its document; events and documents on their own.
        const Spell spell = n.kind == graph::NodeKind::claim
                                ? graph::date_interval(document_date)
                                : (n.kind == graph::NodeKind::actor ? Spell() : graph::date_interval(n.date));
        write_node(out, n, static_cast<std::size_t>(degree), spell);
        flush_buffer(out, os);
    });
    out += "    </nodes>\n    <edges count=\"" + std::to_string(edges) + "\">\n";
    std::size_t edge_id = 0;
    store.for_each_edge(true, [&](const std::string& source, const std::string& target,
                                  const graph::EdgeProps& e, const Store::EdgeEnds& ends) {
        const auto spell_of = [](graph::NodeKind kind, const std::string& date) {
            return kind == graph::NodeKind::event || kind == graph::NodeKind::document ? graph::date_interval(date)
                                                                                      : Spell();
        };
        const Spell source_spell = spell_of(ends.source_kind, ends.source_date);
        const Spell target_spell = spell_of(ends.target_kind, ends.target_date);
        const Spell document = ends.has_document ? graph::date_interval(ends.document_date) : Spell();
        write_edge(out, e, edge_id++, source, target,
                   edge_spell(ends.source_kind, source_spell, ends.target_kind, target_spell, document));
        flush_buffer(out, os);
    });
    out += kFooter;
    os.write(out.data(), static_cast<std::streamsize>(out.size()));
    return {nodes, edges};
}

}  // namespace ekg::exporter
