#include <catch2/catch.hpp>

#include <sstream>

#include "csv_graph.h"
#include "export/world.h"
#include "graph.h"

using namespace ekg;

namespace {

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

}  // namespace

TEST_CASE("the neo4j CSV pair has neo4j-admin headers, labels and relationship types", "[export][csv]") {
    const auto world = test::make_world();
    const graph::KnowledgeGraph kg = graph::build_graph(test::pointers(world));
    std::ostringstream nodes, relationships;
    exporter::write_neo4j_csv(kg, nodes, relationships);
    const auto n = lines(nodes.str());
    const auto r = lines(relationships.str());
    REQUIRE(n.size() == kg.node_count() + 1);
    REQUIRE(r.size() == kg.edge_count() + 1);
    CHECK(n[0] ==
          "id:ID,:LABEL,label,kind,subtype,country_code,lat:double,lon:double,date,mentions:long,"
          "documents:long,sources:long");
    CHECK(r[0] == ":START_ID,:END_ID,:TYPE,weight:double,document,start:long,end:long,title,former:boolean,rule");
    CHECK(std::find(n.begin(), n.end(), "group:red-hand,Actor;Group,Red Hand Brigade,actor,group,,,,,2,2,2") !=
          n.end());
    CHECK(std::find(n.begin(), n.end(), "city:fd-harbor,Actor;Place,Harbor City,actor,place,FD,10.5,-20.25,,3,3,2") !=
          n.end());
    CHECK(std::find_if(r.begin(), r.end(), [](const std::string& line) {
              return line.rfind("person:ana-costa,org:relief,HAS_ROLE,1,doc-a,", 0) == 0 &&
                     line.find(",spokeswoman,false,role") != std::string::npos;
          }) != r.end());
}

TEST_CASE("CSV cells defuse spreadsheet formulas and flatten line breaks", "[export][csv]") {
    CHECK(exporter::csv_cell("=SUM(A1)", true) == "\"'=SUM(A1)\"");
    CHECK(exporter::csv_cell("+1", true) == "\"'+1\"");
    CHECK(exporter::csv_cell("-3", false) == "-3");
    CHECK(exporter::csv_cell("@cmd", true) == "\"'@cmd\"");
    CHECK(exporter::csv_cell("a,\"b\"", true) == "\"a,\"\"b\"\"\"");
    CHECK(exporter::csv_cell("plain", true) == "plain");

    graph::KnowledgeGraph kg;
    graph::NodeProps a;
    a.id = "actor:x";
    a.label = "=HYPERLINK(\"http://bad\")\nsecond line";
    kg.add_node(a);
    std::ostringstream nodes, relationships;
    exporter::write_neo4j_csv(kg, nodes, relationships);
    const auto n = lines(nodes.str());
    REQUIRE(n.size() == 2);
    CHECK(n[1].find(",\"'=HYPERLINK(\"\"http://bad\"\") second line\",") != std::string::npos);
}

TEST_CASE("a CSV export names its two files after the output", "[export][csv]") {
    CHECK(exporter::neo4j_csv_paths("out/g.csv") ==
          std::make_pair(std::string("out/g.nodes.csv"), std::string("out/g.relationships.csv")));
    CHECK(exporter::neo4j_csv_paths("out/g") ==
          std::make_pair(std::string("out/g.nodes.csv"), std::string("out/g.relationships.csv")));
}
