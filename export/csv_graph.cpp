#include "csv_graph.h"

#include "xml.h"

namespace ekg::exporter {
namespace {

/// A text cell with line breaks made spaces, then quoted and defused.
void text(std::string& out, std::string_view value) {
    if (value.find_first_of(",\"\r\n'") == std::string_view::npos &&
        (value.empty() || (static_cast<unsigned char>(value[0]) >= 0x20 && value[0] != '=' &&
                           value[0] != '+' && value[0] != '-' && value[0] != '@'))) {
        out += value;  // nothing to quote or defuse
        return;
    }
    std::string flat(value);
    for (char& c : flat)
        if (c == '\n' || c == '\r') c = ' ';
    out += csv_cell(flat, true);
}

void number(std::string& out, const std::optional<double>& value) {
    if (!value) return;
    if (const auto s = format_double(*value)) out += *s;
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

std::string capitalised(std::string_view s) {
    std::string out(s);
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

std::string neo4j_labels(const graph::NodeProps& n) {
    const std::string kind = capitalised(graph::to_string(n.kind));
    if (n.kind != graph::NodeKind::actor || n.subtype.empty()) return kind;
    return kind + ";" + capitalised(n.subtype);
}

}  // namespace

std::string csv_cell(std::string_view text, bool is_text) {
    std::string cell(text);
    if (is_text && !cell.empty() &&
        (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' ||
         static_cast<unsigned char>(cell[0]) < 0x20))
        cell = "'" + cell;
    if (cell.find_first_of(",\"\r\n") == std::string::npos && (cell.empty() || cell[0] != '\''))
        return cell;
    std::string quoted = "\"";
    for (char c : cell) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

void write_neo4j_csv(const graph::KnowledgeGraph& kg, std::ostream& nodes_out,
                     std::ostream& relationships_out) {
    const graph::Graph& g = kg.graph();
    std::string out;
    out.reserve(1 << 16);
    out +=
        "id:ID,:LABEL,label,kind,subtype,country_code,lat:double,lon:double,date,mentions:long,"
        "documents:long,sources:long\n";
    for (auto [it, end] = boost::vertices(g); it != end; ++it) {
        const graph::NodeProps& n = g[*it];
        text(out, n.id);
        out += ',';
        out += neo4j_labels(n);
        out += ',';
        text(out, n.label);
        out += ',';
        out += graph::to_string(n.kind);
        out += ',';
        text(out, n.subtype);
        out += ',';
        text(out, n.country_code);
        out += ',';
        number(out, n.lat);
        out += ',';
        number(out, n.lon);
        out += ',';
        text(out, n.date);
        out += ',';
        out += std::to_string(n.mentions);
        out += ',';
        out += std::to_string(n.documents);
        out += ',';
        out += std::to_string(n.sources);
        out += '\n';
        flush_buffer(out, nodes_out, false);
    }
    flush_buffer(out, nodes_out, true);
    out += ":START_ID,:END_ID,:TYPE,weight:double,document,start:long,end:long,title,former:boolean,rule\n";
    for (auto [it, end] = boost::edges(g); it != end; ++it) {
        const graph::EdgeProps& e = g[*it];
        text(out, g[boost::source(*it, g)].id);
        out += ',';
        text(out, g[boost::target(*it, g)].id);
        out += ',';
        out += csv_cell(upper(e.relation), true);
        out += ',';
        number(out, e.weight);
        out += ',';
        text(out, e.document);
        out += ',';
        out += std::to_string(e.span.begin);
        out += ',';
        out += std::to_string(e.span.end);
        out += ',';
        text(out, e.title);
        out += ',';
        out += e.former ? "true" : "false";
        out += ',';
        text(out, e.rule);
        out += '\n';
        flush_buffer(out, relationships_out, false);
    }
    flush_buffer(out, relationships_out, true);
}

std::pair<std::string, std::string> neo4j_csv_paths(const std::string& output) {
    std::string stem = output;
    if (stem.size() > 4 && stem.compare(stem.size() - 4, 4, ".csv") == 0) stem.resize(stem.size() - 4);
    return {stem + ".nodes.csv", stem + ".relationships.csv"};
}

}  // namespace ekg::exporter
