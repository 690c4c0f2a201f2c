#include <catch2/catch.hpp>

#include <sstream>

#include "export/world.h"
#include "gexf.h"
#include "graph.h"

using namespace ekg;

namespace {

std::string gexf_of(const graph::KnowledgeGraph& kg) {
    std::ostringstream out;
    exporter::write_gexf(kg, out);
    return out.str();
}

/// The text of the element that starts with `head` (up to its closing tag).
std::string element(const std::string& xml, const std::string& head, const std::string& close) {
    const auto at = xml.find(head);
    if (at == std::string::npos) return {};
    return xml.substr(at, xml.find(close, at) - at);
}

std::size_t count(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("GEXF declares a dynamic graph with dates and typed attributes", "[export][gexf]") {
    const auto world = test::make_world();
    const std::string xml = gexf_of(graph::build_graph(test::pointers(world)));
    CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0) == 0);
    CHECK(xml.find("version=\"1.3\"") != std::string::npos);
    CHECK(xml.find("mode=\"dynamic\" timeformat=\"date\" timerepresentation=\"interval\"") != std::string::npos);
    CHECK(xml.find("<attribute id=\"lat\" title=\"lat\" type=\"double\"/>") != std::string::npos);
    CHECK(xml.find("<attribute id=\"former\" title=\"former\" type=\"boolean\"/>") != std::string::npos);
    CHECK(xml.find(" hex=") == std::string::npos);  // Gephi throws on hex with alpha; r/g/b only
}

TEST_CASE("events, their edges, documents and claims carry spells; actors do not", "[export][gexf]") {
    const auto world = test::make_world();
    const graph::KnowledgeGraph kg = graph::build_graph(test::pointers(world));
    const std::string xml = gexf_of(kg);
    const std::string event = element(xml, "<node id=\"doc-a:e0\"", "</node>");
    CHECK(event.find("<spell start=\"2021-03-01\" end=\"2021-03-01\"/>") != std::string::npos);
    const std::string doc = element(xml, "<node id=\"doc:doc-b\"", "</node>");
    CHECK(doc.find("<spell start=\"2021-03-03\" end=\"2021-03-03\"/>") != std::string::npos);
    const std::string claim = element(xml, "<node id=\"doc-c:c0\"", "</node>");
    CHECK(claim.find("<spell start=\"2021-03-04\" end=\"2021-03-04\"/>") != std::string::npos);
    const std::string group = element(xml, "<node id=\"group:red-hand\"", "</node>");
    CHECK(group.find("<spell") == std::string::npos);
    // The perpetrator edge of doc-b's report plays with the merged event, not doc-b's date.
    const std::string perp = element(xml, "source=\"group:red-hand\" target=\"doc-a:e0\"", "</edge>");
    CHECK(perp.find("<spell start=\"2021-03-01\" end=\"2021-03-01\"/>") != std::string::npos);
    // An actor's mention plays on the date of the document it is mentioned in.
    const std::string mention = element(xml, "source=\"gov:fd\" target=\"doc:doc-c\"", "</edge>");
    CHECK(mention.find("<spell start=\"2021-03-04\" end=\"2021-03-04\"/>") != std::string::npos);
}

TEST_CASE("a partial date spans its month, and an undated event has no spell", "[export][gexf]") {
    auto world = test::make_world();
    world[3].events[0].date = "2021-02";
    world[2].events[0].date.clear();
    const graph::KnowledgeGraph kg = graph::build_graph(test::pointers(world));
    const std::string xml = gexf_of(kg);
    CHECK(element(xml, "<node id=\"doc-d:e0\"", "</node>").find("<spell start=\"2021-02-01\" end=\"2021-02-28\"/>") !=
          std::string::npos);
    CHECK(element(xml, "<node id=\"doc-c:e0\"", "</node>").find("<spell") == std::string::npos);
}

TEST_CASE("GEXF keeps parallel edges apart with unique ids and relation kinds", "[export][gexf]") {
    const auto world = test::make_world();
    const graph::KnowledgeGraph kg = graph::build_graph(test::pointers(world));
    const std::string xml = gexf_of(kg);
    CHECK(count(xml, "<node id=") == kg.node_count());
    CHECK(count(xml, "<edge id=") == kg.edge_count());
    CHECK(xml.find("<edges count=\"" + std::to_string(kg.edge_count()) + "\">") != std::string::npos);
    CHECK(count(xml, "source=\"group:red-hand\" target=\"doc-a:e0\" kind=\"perpetrator_of\"") == 2);
    CHECK(xml.find("<edge id=\"e" + std::to_string(kg.edge_count() - 1) + "\"") != std::string::npos);
}

TEST_CASE("GEXF escapes markup and drops control characters in ids, labels and values", "[export][gexf]") {
    graph::KnowledgeGraph kg;
    graph::NodeProps a;
    a.id = "actor:a&b";
    a.label = "Say \"hi\" <now>\x0B & \x01later";
    a.subtype = "   ";
    kg.add_node(a);
    graph::NodeProps b;
    b.id = "actor:c";
    b.label = "C";
    kg.add_node(b);
    kg.add_edge(a.id, b.id, graph::EdgeProps{"has_role", "", {}, 0.1, "head & <chief>", true, "test"});
    const std::string xml = gexf_of(kg);
    CHECK(xml.find("id=\"actor:a&amp;b\"") != std::string::npos);
    CHECK(xml.find("label=\"Say &quot;hi&quot; &lt;now&gt; &amp; later\"") != std::string::npos);
    CHECK(xml.find("for=\"subtype\"") == std::string::npos);  // blank text is left out
    CHECK(xml.find("value=\"head &amp; &lt;chief&gt;\"") != std::string::npos);
    CHECK(xml.find("weight=\"0.1\"") != std::string::npos);
    CHECK(xml.find("for=\"former\" value=\"true\"") != std::string::npos);
    CHECK(xml.find('\x0B') == std::string::npos);
}
