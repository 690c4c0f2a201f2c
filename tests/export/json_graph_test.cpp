#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "error.h"
#include "export/world.h"
#include "graph.h"
#include "json_graph.h"
#include "support.h"

using namespace ekg;

namespace {

std::string json_of(const graph::KnowledgeGraph& kg) {
    std::ostringstream out;
    exporter::write_node_link_json(kg, out);
    return out.str();
}

}  // namespace

TEST_CASE("node-link JSON read back gives the same graph", "[export][json]") {
    const auto world = test::make_world();
    const graph::KnowledgeGraph kg = graph::build_graph(test::pointers(world));
    std::istringstream in(json_of(kg));
    const graph::KnowledgeGraph back = exporter::read_node_link_json(in, "world.json");
    std::string why;
    CHECK(graph::same_graph(kg, back, &why));
    INFO(why);
}

TEST_CASE("node-link JSON has the networkx and d3 shape", "[export][json]") {
    const auto world = test::make_world();
    const graph::KnowledgeGraph kg = graph::build_graph(test::pointers(world));
    const nlohmann::json j = nlohmann::json::parse(json_of(kg));
    CHECK(j.at("directed") == true);
    CHECK(j.at("multigraph") == true);
    REQUIRE(j.at("nodes").size() == kg.node_count());
    REQUIRE(j.at("links").size() == kg.edge_count());
    std::set<std::int64_t> keys;
    for (const auto& l : j.at("links")) keys.insert(l.at("key").get<std::int64_t>());
    CHECK(keys.size() == kg.edge_count());  // networkx keeps parallel edges only with distinct keys
    const auto event = std::find_if(j.at("nodes").begin(), j.at("nodes").end(),
                                    [](const auto& n) { return n.at("id") == "doc-a:e0"; });
    REQUIRE(event != j.at("nodes").end());
    CHECK(event->at("kind") == "event");
    CHECK(event->at("sources") == 2);
    CHECK(event->at("lat") == 10.5);
    CHECK(event->at("color") == "#d62728");
    CHECK(event->at("size").is_number_float());
    CHECK(j.at("links")[0].at("weight").is_number_float());
    CHECK_FALSE(j.at("nodes")[0].contains("lat"));  // absent values are left out, not null
}

TEST_CASE("JSON strings escape quotes, backslashes and control characters and repair UTF-8",
          "[export][json]") {
    std::string out;
    exporter::append_json_string(out, std::string("a\"b\\c\nd\x01 \xC3\xA9 \xFF", 13));
    CHECK(out == "\"a\\\"b\\\\c\\nd\\u0001 \xC3\xA9 \xEF\xBF\xBD\"");
    CHECK(nlohmann::json::parse(out).get<std::string>() == "a\"b\\c\nd\x01 \xC3\xA9 \xEF\xBF\xBD");
}

TEST_CASE("reading a JSON file that is not a node-link graph names the file", "[export][json]") {
    std::istringstream bad("{\"nodes\": [{\"id\": \"a\"}], \"links\": [{\"source\": \"a\", \"target\": \"b\"}]}");
    try {
        exporter::read_node_link_json(bad, "bad.json");
        FAIL("read");
    } catch (const Error& e) {
        CHECK(std::string(e.what()).rfind("bad.json: ", 0) == 0);
    }
    std::istringstream broken("[1, 2");
    CHECK_THROWS_AS(exporter::read_node_link_json(broken, "broken.json"), Error);
}

TEST_CASE("networkx loads the node-link JSON as a multigraph when Debian's python is there",
          "[export][json]") {
    if (std::system("/usr/bin/python3 -c 'import networkx' >/dev/null 2>&1") != 0) {
        WARN("python3-networkx not installed: not checked");
        return;
    }
    const auto world = test::make_world();
    const graph::KnowledgeGraph kg = graph::build_graph(test::pointers(world));
    test::TempDir dir;
    const auto path = dir.path / "g.json";
    std::ofstream(path) << json_of(kg);
    const std::string script =
        "import json, sys\n"
        "from networkx.readwrite import json_graph\n"
        "d = json.load(open(sys.argv[1]))\n"
        "try:\n"
        "    g = json_graph.node_link_graph(d, edges='links')\n"
        "except TypeError:\n"
        "    g = json_graph.node_link_graph(d)\n"
        "print(type(g).__name__, g.number_of_nodes(), g.number_of_edges(), g.nodes['doc-a:e0']['documents'])\n";
    std::ofstream(dir.path / "load.py") << script;
    const std::string out = (dir.path / "out.txt").string();
    REQUIRE(std::system(("/usr/bin/python3 '" + (dir.path / "load.py").string() + "' '" + path.string() +
                         "' > '" + out + "'")
                            .c_str()) == 0);
    CHECK(test::read_file(out) == "MultiDiGraph " + std::to_string(kg.node_count()) + " " +
                                      std::to_string(kg.edge_count()) + " 2\n");
}
