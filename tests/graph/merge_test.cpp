#include <catch2/catch.hpp>

#include <algorithm>

#include "export/world.h"
#include "graph.h"
#include "merge.h"
#include "support.h"

using namespace ekg;

namespace {

std::size_t count_edges(const graph::KnowledgeGraph& kg, const std::string& from, const std::string& to,
                        const std::string& relation) {
    std::size_t n = 0;
    const graph::Graph& g = kg.graph();
    for (auto [it, end] = boost::edges(g); it != end; ++it)
        n += g[boost::source(*it, g)].id == from && g[boost::target(*it, g)].id == to &&
             g[*it].relation == relation;
    return n;
}

const graph::NodeProps& node(const graph::KnowledgeGraph& kg, const std::string& id) {
    const auto v = kg.find(id);
    REQUIRE(v);
    return kg.graph()[*v];
}

}  // namespace

TEST_CASE("ISO dates convert to days and partial dates to the interval they cover", "[graph][merge]") {
    CHECK(graph::days_from_iso("1970-01-01") == 0);
    CHECK(graph::days_from_iso("2021-03-01").value() - graph::days_from_iso("2021-02-28").value() == 1);
    CHECK(graph::days_from_iso("2020-03-01").value() - graph::days_from_iso("2020-02-28").value() == 2);
    CHECK_FALSE(graph::days_from_iso("2021-02-29"));
    CHECK_FALSE(graph::days_from_iso("2021-13-01"));
    CHECK_FALSE(graph::days_from_iso("2021-03"));
    CHECK_FALSE(graph::days_from_iso("March 3"));
    CHECK(graph::date_interval("2020-02") == std::make_pair(std::string("2020-02-01"), std::string("2020-02-29")));
    CHECK(graph::date_interval("2021") == std::make_pair(std::string("2021-01-01"), std::string("2021-12-31")));
    CHECK(graph::date_interval("2021-03-04") == std::make_pair(std::string("2021-03-04"), std::string("2021-03-04")));
    CHECK_FALSE(graph::date_interval("yesterday"));
}

TEST_CASE("two documents reporting one attack give one event node counting mentions and sources",
          "[graph][merge]") {
    const auto world = test::make_world();
    const graph::KnowledgeGraph kg = graph::build_graph(test::pointers(world));
    const graph::NodeProps& e = node(kg, "doc-a:e0");
    CHECK_FALSE(kg.find("doc-b:e0"));
    CHECK(e.documents == 2);
    CHECK(e.sources == 2);
    CHECK(e.mentions == 2);
    CHECK(e.date == "2021-03-01");
    CHECK(e.subtype == "bombing");
    CHECK(count_edges(kg, "doc-a:e0", "doc:doc-a", "mentioned_in") == 1);
    CHECK(count_edges(kg, "doc-a:e0", "doc:doc-b", "mentioned_in") == 1);
    // Each document states the perpetrator once, with its own evidence.
    CHECK(count_edges(kg, "group:red-hand", "doc-a:e0", "perpetrator_of") == 2);
    CHECK(count_edges(kg, "doc-a:e0", "city:fd-harbor", "located_in") == 2);
}

TEST_CASE("reports whose named perpetrators differ stay separate events", "[graph][merge]") {
    const auto world = test::make_world();
    const graph::KnowledgeGraph kg = graph::build_graph(test::pointers(world));
    CHECK(kg.find("doc-c:e0"));
    CHECK(node(kg, "doc-c:e0").documents == 1);
    CHECK(count_edges(kg, "group:blue-fist", "doc-c:e0", "perpetrator_of") == 1);
}

TEST_CASE("reports further apart than the window, or of another family, stay separate",
          "[graph][merge]") {
    auto world = test::make_world();
    SECTION("dates") {
        world[1].events[0].date = "2021-03-05";  // four days after doc-a's
        const graph::EventMerge merge = graph::merge_events(test::pointers(world));
        CHECK(merge.node_of("doc-b:e0") == "doc-b:e0");
        graph::MergeOptions wide;
        wide.max_days_apart = 5;
        CHECK(graph::merge_events(test::pointers(world), wide).node_of("doc-b:e0") == "doc-a:e0");
    }
    SECTION("family") {
        world[1].events[0].type = "armed_assault";
        world[1].events[0].cameo = "193";
        world[1].events[0].gtd_attack_type = "Armed Assault";
        CHECK(graph::merge_events(test::pointers(world)).node_of("doc-b:e0") == "doc-b:e0");
    }
    SECTION("place") {
        world[1].events[0].place->actor = "city:fd-other";
        CHECK(graph::merge_events(test::pointers(world)).node_of("doc-b:e0") == "doc-b:e0");
    }
    SECTION("no date") {
        world[1].events[0].date = "2021-03";
        CHECK(graph::merge_events(test::pointers(world)).node_of("doc-b:e0") == "doc-b:e0");
    }
}

TEST_CASE("a generic attack report merges with a typed report of the same place and days",
          "[graph][merge]") {
    auto world = test::make_world();
    world[1].events[0].type = "attack";
    world[1].events[0].cameo = "180";
    world[1].events[0].gtd_attack_type = "Unknown";
    const graph::EventMerge merge = graph::merge_events(test::pointers(world));
    CHECK(merge.node_of("doc-b:e0") == "doc-a:e0");
    CHECK(merge.node_of("doc-c:e0") == "doc-c:e0");
}

TEST_CASE("two events of one document never merge", "[graph][merge]") {
    auto world = test::make_world();
    Event twin = world[0].events[0];
    twin.id = "doc-a:e1";
    world[0].events.push_back(twin);
    const graph::EventMerge merge = graph::merge_events(test::pointers(world));
    CHECK(merge.node_of("doc-a:e1") != merge.node_of("doc-a:e0"));
    CHECK(merge.node_of("doc-b:e0") == "doc-a:e0");  // the other document's report joins the first
    CHECK(merge.events.size() == 4);
}

TEST_CASE("merged events and their ids do not depend on the order of documents or events",
          "[graph][merge]") {
    const auto world = test::make_world();
    std::vector<const Extraction*> order = test::pointers(world);
    const graph::KnowledgeGraph first = graph::build_graph(order);
    // build_graph sorts documents itself; the order of events inside a document and of the
    // reports given to merge_events must not matter either.
    auto reversed = world;
    for (Extraction& x : reversed) std::reverse(x.events.begin(), x.events.end());
    std::vector<const Extraction*> backwards = test::pointers(reversed);
    std::reverse(backwards.begin(), backwards.end());
    std::string why;
    CHECK(graph::same_graph(first, graph::build_graph(backwards), &why));
    INFO(why);
    const graph::EventMerge forward_merge = graph::merge_events(order);
    const graph::EventMerge backward_merge = graph::merge_events(backwards);
    REQUIRE(forward_merge.events.size() == backward_merge.events.size());
    for (std::size_t i = 0; i < forward_merge.events.size(); ++i) {
        CHECK(forward_merge.events[i].id == backward_merge.events[i].id);
        CHECK(forward_merge.events[i].reports.size() == backward_merge.events[i].reports.size());
    }
    std::rotate(order.begin(), order.begin() + 1, order.end());
    const graph::EventMerge merge = graph::merge_events(order);
    REQUIRE(merge.events.size() == 3);
    CHECK(merge.events[0].id == "doc-a:e0");
    CHECK(merge.events[1].id == "doc-c:e0");
    CHECK(merge.events[2].id == "doc-d:e0");
}

TEST_CASE("figures the reports disagree on give a low, best and high and contradicting claims",
          "[graph][merge]") {
    const auto world = test::make_world();
    const graph::EventMerge merge = graph::merge_events(test::pointers(world));
    const graph::MergedEvent* m = merge.find("doc-b:e0");
    REQUIRE(m);
    REQUIRE(m->killed);
    CHECK(m->killed->low == 5);
    CHECK(m->killed->best == 7);  // one report each: the later report's figure
    CHECK(m->killed->high == 7);
    CHECK(m->killed->conflicting);
    REQUIRE(m->wounded);
    CHECK_FALSE(m->wounded->conflicting);

    const auto claims = graph::figure_conflict_claims(*m);
    REQUIRE(claims.size() == 2);  // killed only: the wounded figure is not disputed
    CHECK(claims[0].claim.id == "doc-a:e0:killed");
    CHECK(claims[0].claim.value == 5);
    CHECK(claims[1].claim.id == "doc-b:e0:killed");
    CHECK(claims[1].document->id == "doc-b");

    const graph::KnowledgeGraph kg = graph::build_graph(test::pointers(world));
    CHECK(node(kg, "doc-b:e0:killed").subtype == "figure");
    CHECK(count_edges(kg, "doc-a:e0:killed", "doc-b:e0:killed", "contradicts") == 1);
    CHECK(count_edges(kg, "doc-b:e0:killed", "doc-a:e0:killed", "contradicts") == 1);
    CHECK(count_edges(kg, "doc-b:e0:killed", "doc-a:e0", "about") == 1);
    CHECK(count_edges(kg, "doc-b:e0:killed", "doc:doc-b", "mentioned_in") == 1);
}

TEST_CASE("the best figure is the one most reports give", "[graph][merge]") {
    auto world = test::make_world();
    Extraction third = test::document("doc-e", "Third Paper", "2021-03-01", "Five died in Harbor City.");
    Event e = test::event(third, 0, "bombing", "183", "Bombing/Explosion", "2021-03-01", "died");
    e.place = test::harbor_city(third);
    e.killed = test::figure(third, 5, "Five");
    third.events.push_back(e);
    world.push_back(third);
    const graph::EventMerge merge = graph::merge_events(test::pointers(world));
    const graph::MergedEvent* m = merge.find("doc-e:e0");
    REQUIRE(m);
    CHECK(m->id == "doc-a:e0");
    CHECK(m->killed->best == 5);
    CHECK(m->sources == 3);
    CHECK(m->documents == 3);
}

TEST_CASE("claims about any report of a merged event point at the merged node", "[graph][merge]") {
    auto world = test::make_world();
    Claim c;
    c.id = "doc-b:c0";
    c.kind = ClaimKind::statement;
    c.text = "Police blamed the Red Hand Brigade.";
    c.event = "doc-b:e0";
    c.about = {"doc-b:e0", "group:red-hand"};
    world[1].claims.push_back(c);
    const graph::KnowledgeGraph kg = graph::build_graph(test::pointers(world));
    CHECK(count_edges(kg, "doc-b:c0", "doc-a:e0", "about") == 1);
    CHECK(count_edges(kg, "doc-b:c0", "group:red-hand", "about") == 1);
    CHECK(count_edges(kg, "doc-a:c0", "doc-a:e0", "about") == 1);
}

TEST_CASE("actors count the publishers that name them", "[graph][merge]") {
    const auto world = test::make_world();
    const graph::KnowledgeGraph kg = graph::build_graph(test::pointers(world));
    CHECK(node(kg, "group:red-hand").documents == 2);
    CHECK(node(kg, "group:red-hand").sources == 2);
    CHECK(node(kg, "group:blue-fist").documents == 2);
    CHECK(node(kg, "group:blue-fist").sources == 2);
    CHECK(node(kg, "gov:fd").sources == 1);
    CHECK(count_edges(kg, "city:fd-harbor", "country:FD", "located_in") == 1);
    CHECK(count_edges(kg, "person:ana-costa", "org:relief", "has_role") == 1);
}

TEST_CASE("two death tolls one document gives for its event make the low and high",
          "[graph][merge]") {
    const Extraction x = test::extract_text(
        "Death toll reaches 57 in Karachi market bombing\n\n"
        "A car bomb tore through a crowded market in Karachi, Pakistan, on Monday, killing 57 "
        "people, police said.\n\nOfficials later said the death toll climbs to 49 after a "
        "recount.\n");
    REQUIRE_FALSE(x.events.empty());
    const graph::EventMerge merge = graph::merge_events({&x}, {});
    const graph::MergedEvent* m = merge.find(x.events[0].id);
    REQUIRE(m != nullptr);
    REQUIRE(m->killed);
    CHECK(m->killed->low == 49);
    CHECK(m->killed->best == 57);
    CHECK(m->killed->high == 57);
    CHECK(m->killed->conflicting);
}
