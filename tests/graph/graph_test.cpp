#include <catch2/catch.hpp>

#include "export/world.h"
#include "graph.h"
#include "support.h"

using namespace ekg;

namespace {

std::size_t count_relation(const graph::KnowledgeGraph& kg, const std::string& relation) {
    std::size_t n = 0;
    for (auto [it, end] = boost::edges(kg.graph()); it != end; ++it)
        n += kg.graph()[*it].relation == relation;
    return n;
}

}  // namespace

TEST_CASE("an actor named in two documents is one node with summed mentions", "[graph]") {
    const Extraction a = test::extract_text("Syria and Syria again.");
    const Extraction b = test::extract_text("Fighting in Syria went on.");
    const graph::KnowledgeGraph kg = graph::build_graph({&a, &b});
    const auto syria = kg.find("country:SY");
    REQUIRE(syria);
    CHECK(kg.graph()[*syria].mentions == 3);
    CHECK(kg.graph()[*syria].documents == 2);
    CHECK(count_relation(kg, "mentioned_in") == 2);
}

TEST_CASE("the mentioned_in edge weighs the mentions and keeps the first span", "[graph]") {
    const Extraction a = test::extract_text("Syria and Syria again.");
    const graph::KnowledgeGraph kg = graph::build_graph({&a});
    for (auto [it, end] = boost::edges(kg.graph()); it != end; ++it) {
        const graph::EdgeProps& e = kg.graph()[*it];
        CHECK(e.relation == "mentioned_in");
        CHECK(e.weight == 2.0);
        CHECK(e.span.begin == 0);
        CHECK(e.document == a.document.id);
    }
}

TEST_CASE("the graph does not depend on the order of documents", "[graph]") {
    const Extraction a = test::extract_text("Iraq and Iran met.");
    const Extraction b = test::extract_text("Iran and Syria met.");
    std::string why;
    CHECK(graph::same_graph(graph::build_graph({&a, &b}), graph::build_graph({&b, &a}), &why));
    INFO(why);
}

TEST_CASE("figure claims of one event with different values contradict each other", "[graph]") {
    Extraction x = test::extract_text("Toll rises to 10. Toll rises to 12.");
    Event e;
    e.id = x.document.id + ":e1";
    e.type = "bombing";
    x.events.push_back(e);
    for (int i = 0; i < 2; ++i) {
        Claim c;
        c.id = x.document.id + ":c" + std::to_string(i + 1);
        c.kind = ClaimKind::figure;
        c.text = i ? "12" : "10";
        c.value = i ? 12 : 10;
        c.event = e.id;
        x.claims.push_back(c);
    }
    const graph::KnowledgeGraph kg = graph::build_graph({&x});
    CHECK(count_relation(kg, "contradicts") == 2);
    CHECK(count_relation(kg, "about") == 2);
}

TEST_CASE("an edge is kept when both its ends are nodes of the finished graph, whichever document "
          "adds the other end",
          "[graph]") {
    // doc-1 states a role in an organisation that only doc-2 names as an actor, and one in an
    // organisation no document names.
    Extraction first = test::document("doc-1", "Wire", "2021-01-01", "Ada Vell spoke for the agency.");
    Actor vell = test::actor(first, "person:ada-vell", "Ada Vell", ActorKind::person);
    vell.roles.push_back(Role{"spokeswoman", "org:river-agency", false, {0, 8}});
    vell.roles.push_back(Role{"adviser", "org:nowhere", false, {0, 8}});
    first.actors.push_back(vell);
    Extraction second = test::document("doc-2", "Wire", "2021-01-02", "The River Agency met.");
    second.actors.push_back(test::actor(second, "org:river-agency", "River Agency", ActorKind::organization));
    for (const auto& order : {std::vector<const Extraction*>{&first, &second},
                              std::vector<const Extraction*>{&second, &first}}) {
        const graph::KnowledgeGraph kg = graph::build_graph(order);
        CHECK(count_relation(kg, "has_role") == 1);
        CHECK_FALSE(kg.find("org:nowhere"));
        const auto agency = kg.find("org:river-agency");
        REQUIRE(agency);
        CHECK(kg.graph()[*agency].label == "River Agency");
        CHECK(kg.graph()[*agency].kind == graph::NodeKind::actor);
    }
}
