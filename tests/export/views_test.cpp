#include <catch2/catch.hpp>

#include <set>

#include "error.h"
#include "export/world.h"
#include "graph.h"
#include "sqlite_store.h"
#include "support.h"
#include "views.h"

using namespace ekg;
using exporter::Filter;
using exporter::View;

namespace {

graph::KnowledgeGraph world_graph() {
    static const auto world = test::make_world();
    return graph::build_graph(test::pointers(world));
}

std::set<std::string> ids(const graph::KnowledgeGraph& kg) {
    std::set<std::string> out;
    for (auto [it, end] = boost::vertices(kg.graph()); it != end; ++it) out.insert(kg.graph()[*it].id);
    return out;
}

std::set<std::string> relations(const graph::KnowledgeGraph& kg) {
    std::set<std::string> out;
    for (auto [it, end] = boost::edges(kg.graph()); it != end; ++it) out.insert(kg.graph()[*it].relation);
    return out;
}

double weight(const graph::KnowledgeGraph& kg, const std::string& from, const std::string& to,
              const std::string& relation) {
    const graph::Graph& g = kg.graph();
    for (auto [it, end] = boost::edges(g); it != end; ++it)
        if (g[boost::source(*it, g)].id == from && g[boost::target(*it, g)].id == to && g[*it].relation == relation)
            return g[*it].weight;
    return 0.0;
}

}  // namespace

TEST_CASE("the view names the README documents select their views", "[export][views]") {
    CHECK(exporter::view_from_string("kg") == View::kg);
    CHECK(exporter::view_from_string("actors") == View::actors);
    CHECK(exporter::view_from_string("events") == View::events);
    CHECK(exporter::view_from_string("claims") == View::claims);
    CHECK_FALSE(exporter::view_from_string("people"));
    CHECK_FALSE(exporter::view_from_string(""));
}

TEST_CASE("the kg view without filters is the whole graph", "[export][views]") {
    const auto kg = world_graph();
    std::string why;
    CHECK(graph::same_graph(kg, exporter::make_view(kg, View::kg, {}), &why));
    INFO(why);
}

TEST_CASE("the events view holds events, their actors and places, without documents or claims",
          "[export][views]") {
    const auto v = exporter::make_view(world_graph(), View::events, {});
    CHECK(ids(v) == std::set<std::string>{"doc-a:e0", "doc-c:e0", "doc-d:e0", "group:red-hand",
                                          "group:blue-fist", "city:fd-harbor", "country:FD"});
    CHECK(relations(v) == std::set<std::string>{"perpetrator_of", "claimed", "located_in"});
}

TEST_CASE("the claims view links speakers to claims to their subjects", "[export][views]") {
    const auto v = exporter::make_view(world_graph(), View::claims, {});
    const auto nodes = ids(v);
    CHECK(nodes.count("person:ana-costa"));
    CHECK(nodes.count("doc-a:c0"));
    CHECK(nodes.count("doc-a:e0"));         // a claim about an event
    CHECK(nodes.count("doc-b:e0:killed"));  // a figure the reports disagree on
    CHECK_FALSE(nodes.count("doc:doc-a"));
    CHECK(relations(v) == std::set<std::string>{"said", "about", "contradicts"});
}

TEST_CASE("the actors view weighs actor pairs by the events and claims they share", "[export][views]") {
    auto world = test::make_world();
    // doc-d names both groups as perpetrators; doc-c's bombing harms the government.
    world[3].actors.push_back(test::actor(world[3], "group:red-hand", "Red Hand Brigade", ActorKind::group));
    world[3].events[0].perpetrators.push_back(Arg{"Red Hand Brigade", {}, "group:red-hand", "test"});
    world[2].events[0].victims = {test::arg(world[2], "Government of Freedonia", "gov:fd")};
    const auto kg = graph::build_graph(test::pointers(world));
    const auto v = exporter::make_view(kg, View::actors, {});
    const auto nodes = ids(v);
    CHECK_FALSE(nodes.count("city:fd-harbor"));  // places are left out
    CHECK_FALSE(nodes.count("doc-a:e0"));
    CHECK(weight(v, "group:blue-fist", "group:red-hand", "shared_event") == 1.0);
    CHECK(weight(v, "gov:fd", "group:blue-fist", "shared_event") == 1.0);
    CHECK(weight(v, "gov:fd", "group:blue-fist", "shared_claim") == 1.0);  // the denial is about them
    CHECK(weight(v, "person:ana-costa", "org:relief", "has_role") == 1.0);
    CHECK(weight(v, "group:red-hand", "person:ana-costa", "shared_claim") == 1.0);
}

TEST_CASE("time, country and type filters keep matching events and what hangs on them",
          "[export][views]") {
    const auto kg = world_graph();
    SECTION("since") {
        Filter f;
        f.since = "2021-04";
        const auto v = exporter::make_view(kg, View::kg, f);
        const auto nodes = ids(v);
        CHECK(nodes.count("doc-d:e0"));
        CHECK_FALSE(nodes.count("doc-a:e0"));
        CHECK(nodes.count("doc:doc-d"));
        CHECK_FALSE(nodes.count("doc:doc-a"));
        CHECK(nodes.count("doc-d:c0"));
        CHECK(nodes.count("group:blue-fist"));
        CHECK_FALSE(nodes.count("group:red-hand"));
        CHECK(nodes.count("country:FD"));
    }
    SECTION("until a month includes the whole month") {
        Filter f;
        f.until = "2021-03";
        const auto nodes = ids(exporter::make_view(kg, View::events, f));
        CHECK(nodes.count("doc-a:e0"));
        CHECK(nodes.count("doc-c:e0"));
        CHECK_FALSE(nodes.count("doc-d:e0"));
        CHECK(nodes.count("country:FD"));  // the city's country comes along
    }
    SECTION("country by code or by name") {
        Filter f;
        f.countries = {"fd"};
        CHECK(ids(exporter::make_view(kg, View::events, f)).count("doc-d:e0"));
        f.countries = {"Freedonia"};
        CHECK(ids(exporter::make_view(kg, View::events, f)).count("doc-a:e0"));
        f.countries = {"XX"};
        CHECK(exporter::make_view(kg, View::events, f).node_count() == 0);
        f.countries = {"Atlantis"};
        CHECK_THROWS_AS(exporter::make_view(kg, View::events, f), Error);
    }
    SECTION("type") {
        Filter f;
        f.types = {"armed_assault"};
        const auto nodes = ids(exporter::make_view(kg, View::kg, f));
        CHECK(nodes.count("doc-d:e0"));
        CHECK_FALSE(nodes.count("doc-a:e0"));
        CHECK_FALSE(nodes.count("doc-c:e0"));
    }
}

TEST_CASE("an ego network keeps the actor's neighbourhood up to the depth", "[export][views]") {
    const auto kg = world_graph();
    Filter f;
    f.actor = "red hand brigade";  // by name, any case
    f.depth = 1;
    auto nodes = ids(exporter::make_view(kg, View::events, f));
    CHECK(nodes == std::set<std::string>{"group:red-hand", "doc-a:e0"});
    f.depth = 2;
    nodes = ids(exporter::make_view(kg, View::events, f));
    CHECK(nodes.count("city:fd-harbor"));
    CHECK_FALSE(nodes.count("group:blue-fist"));
    f.depth = 3;
    nodes = ids(exporter::make_view(kg, View::events, f));
    CHECK(nodes.count("doc-c:e0"));  // the other bombing in the city
    CHECK_FALSE(nodes.count("group:blue-fist"));
    f.depth = 4;
    CHECK(ids(exporter::make_view(kg, View::events, f)).count("group:blue-fist"));
    f.actor = "group:blue-fist";
    f.depth = 1;
    nodes = ids(exporter::make_view(kg, View::kg, f));
    CHECK(nodes.count("doc-d:c0"));
    CHECK_FALSE(nodes.count("doc:doc-d"));  // never through or to documents
    f.actor = "Nobody";
    CHECK_THROWS_AS(exporter::make_view(kg, View::kg, f), Error);
}

TEST_CASE("bad filter values are usage errors naming the value", "[export][views]") {
    Filter f;
    f.since = "March";
    try {
        exporter::check_filter(f);
        FAIL("accepted");
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::usage);
        CHECK(std::string(e.what()).find("--since March") != std::string::npos);
    }
    f.since = "2021-05-01";
    f.until = "2021-04";
    CHECK_THROWS_AS(exporter::check_filter(f), Error);
}

TEST_CASE("a subgraph selected in SQL holds the selected nodes and edges", "[export][views]") {
    test::TempDir dir;
    const std::string path = (dir.path / "w.db").string();
    const auto world = test::make_world();
    {
        exporter::Store store(path, true);
        store.add_documents(world);
        store.write_graph(world);
    }
    const exporter::Store store(path, false);
    auto v = exporter::select_subgraph(store, "SELECT id FROM nodes WHERE kind = 'event' OR id LIKE 'group:%'", "");
    CHECK(ids(v) == std::set<std::string>{"doc-a:e0", "doc-c:e0", "doc-d:e0", "group:red-hand", "group:blue-fist"});
    CHECK(relations(v) == std::set<std::string>{"perpetrator_of", "claimed"});
    v = exporter::select_subgraph(store, "", "SELECT id FROM edges WHERE relation = 'said'");
    CHECK(v.edge_count() == 3);
    CHECK(ids(v).count("person:ana-costa"));
    CHECK_THROWS_AS(exporter::select_subgraph(store, "", "SELECT 'x'"), Error);
    CHECK_THROWS_AS(exporter::select_subgraph(store, "SELECT nonsense FROM nowhere", ""), Error);
}
