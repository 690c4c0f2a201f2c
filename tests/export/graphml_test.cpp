#include <catch2/catch.hpp>

#include <boost/graph/graphml.hpp>
#include <sstream>

#include "export/world.h"
#include "gexf.h"
#include "graphml.h"
#include "support.h"
#include "xml.h"

using namespace ekg;

namespace {

graph::KnowledgeGraph sample_graph() {
    static const Extraction a = test::extract_text("Syria and Turkey went on. Syria agreed.");
    static const Extraction b = test::extract_text("Iraq said no.");
    graph::KnowledgeGraph kg = graph::build_graph({&a, &b});
    graph::NodeProps claim;
    claim.id = "claim:1";
    claim.kind = graph::NodeKind::claim;
    claim.label = "Talks & <more> \x01 talks";
    claim.mentions = 1;
    kg.add_node(claim);
    kg.add_edge("country:SY", "claim:1", graph::EdgeProps{"said", b.document.id, {0, 4}, 1.0, "", false, "test"});
    kg.add_edge("country:SY", "claim:1", graph::EdgeProps{"said", b.document.id, {5, 9}, 2.0, "", true, "test"});
    return kg;
}

/// Boost's reader takes booleans only as 1/0 (GRAPH_FORMATS.md 2.2); our files say true/false
/// for Gephi and graphology, so the round trip rewrites them first.
std::string booleans_as_digits(std::string xml) {
    for (const auto& [from, to] : {std::pair<std::string, std::string>{">true<", ">1<"}, {">false<", ">0<"}}) {
        for (std::size_t pos = 0; (pos = xml.find(from, pos)) != std::string::npos;) xml.replace(pos, from.size(), to);
    }
    return xml;
}

}  // namespace

TEST_CASE("GraphML read back with Boost's reader gives the same counts and attributes", "[export][graphml]") {
    const graph::KnowledgeGraph kg = sample_graph();
    std::ostringstream out;
    exporter::write_graphml(kg, out);

    graph::Graph back;
    boost::dynamic_properties dp(boost::ignore_other_properties);
    dp.property("ekg_id", boost::get(&graph::NodeProps::id, back));
    dp.property("label", boost::get(&graph::NodeProps::label, back));
    dp.property("mentions", boost::get(&graph::NodeProps::mentions, back));
    dp.property("relation", boost::get(&graph::EdgeProps::relation, back));
    dp.property("weight", boost::get(&graph::EdgeProps::weight, back));
    dp.property("former", boost::get(&graph::EdgeProps::former, back));
    std::istringstream in(booleans_as_digits(out.str()));
    boost::read_graphml(in, back, dp);

    REQUIRE(boost::num_vertices(back) == kg.node_count());
    REQUIRE(boost::num_edges(back) == kg.edge_count());
    std::map<std::string, graph::NodeProps> original;
    for (auto [it, end] = boost::vertices(kg.graph()); it != end; ++it) original[kg.graph()[*it].id] = kg.graph()[*it];
    for (auto [it, end] = boost::vertices(back); it != end; ++it) {
        const graph::NodeProps& n = back[*it];
        REQUIRE(original.count(n.id));
        if (n.id != "claim:1") CHECK(n.label == original[n.id].label);
        CHECK(n.mentions == original[n.id].mentions);
    }
    double weights = 0, back_weights = 0;
    for (auto [it, end] = boost::edges(kg.graph()); it != end; ++it) weights += kg.graph()[*it].weight;
    for (auto [it, end] = boost::edges(back); it != end; ++it) back_weights += back[*it].weight;
    CHECK(weights == back_weights);
    int formers = 0;
    for (auto [it, end] = boost::edges(back); it != end; ++it) formers += back[*it].former;
    CHECK(formers == 1);
}

TEST_CASE("GraphML escapes markup, drops control characters and types every key", "[export][graphml]") {
    std::ostringstream out;
    exporter::write_graphml(sample_graph(), out);
    const std::string xml = out.str();
    CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0) == 0);
    CHECK(xml.find("&amp;") != std::string::npos);
    CHECK(xml.find("Talks &amp; &lt;more&gt;  talks") != std::string::npos);
    CHECK(xml.find("<data key=\"e_former\">true</data>") != std::string::npos);
    CHECK(xml.find('\x01') == std::string::npos);
    CHECK(xml.find("attr.type=\"double\"") != std::string::npos);
    CHECK(xml.find("<data key=\"e_former\">false</data>") != std::string::npos);
    CHECK(xml.find("edgedefault=\"directed\"") != std::string::npos);
}

TEST_CASE("doubles are written at full precision and never as nan", "[export][graphml]") {
    CHECK(exporter::format_double(116.4074) == "116.4074");
    CHECK(exporter::format_double(0.1) == "0.1");
    CHECK(exporter::format_double(1e-7).value().find('e') == std::string::npos);
    CHECK_FALSE(exporter::format_double(std::nan("")));
}

TEST_CASE("ids outside the XML name alphabet are replaced by safe ones", "[export][graphml]") {
    CHECK(exporter::is_safe_xml_id("country:IQ"));
    CHECK_FALSE(exporter::is_safe_xml_id("doc:my file/1"));
    CHECK_FALSE(exporter::is_safe_xml_id(""));
}

TEST_CASE("GraphML and GEXF written straight from the database equal those of the graph read "
          "from it, unsafe ids renamed alike",
          "[export][graphml]") {
    test::TempDir dir;
    exporter::Store store((dir.path / "g.db").string(), true);
    std::vector<Extraction> docs = test::make_world();
    Extraction odd = test::extract_text("Fighting in Syria went on near Aleppo. Syria said no.");
    odd.document.id = "wire 7/b";  // spaces and slashes are no XML id
    odd.document.content_hash = "hash-odd";
    docs.push_back(odd);
    store.add_documents(docs);
    store.rebuild_graph();
    const graph::KnowledgeGraph read = store.read_graph();
    std::ostringstream from_graph, from_store;
    exporter::write_graphml(read, from_graph);
    const auto [nodes, edges] = exporter::write_graphml(store, from_store);
    CHECK(from_store.str() == from_graph.str());
    CHECK(nodes == read.node_count());
    CHECK(edges == read.edge_count());
    CHECK(edges > 10);
    CHECK(from_store.str().find("id=\"x.") != std::string::npos);
    // GEXF, with its spells (claims dated by their document, edges by their event or document).
    std::ostringstream gexf_graph, gexf_store;
    exporter::write_gexf(read, gexf_graph);
    const auto gexf_counts = exporter::write_gexf(store, gexf_store);
    CHECK(gexf_store.str() == gexf_graph.str());
    CHECK(gexf_counts == std::make_pair(read.node_count(), read.edge_count()));
    CHECK(gexf_store.str().find("<spell start=") != std::string::npos);
}
