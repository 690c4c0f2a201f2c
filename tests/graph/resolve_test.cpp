// Actors resolved across documents: acronyms, surnames; never on ambiguity; order-free.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

#include "graph.h"
#include "resolve.h"
#include "support.h"

using namespace ekg;

namespace {

const char* const kAgencyInFull =
    "Officials from the Valley Flood Management Agency (VFMA) said on Monday that the river had "
    "burst its banks near the town.";
const char* const kAgencyByAcronym = "The VFMA said on Tuesday that the water was receding.";
const char* const kKellInFull = "Teodora Kell, a hydrologist, said the levees held.";
const char* const kKellWithTitle = "Dr. Teodora Kell warned of new rain on Wednesday.";
const char* const kKellBySurname = "Kell said the dam was safe.";
const char* const kOtherKell = "\"The fields are gone,\" said Marcus Kell, a farmer.";

std::vector<Extraction> extract_all(const std::vector<const char*>& texts) {
    std::vector<Extraction> out;
    for (const char* t : texts) out.push_back(test::extract_text(t));
    return out;
}

/// Resolves and builds the graph as `ekg build` does.
graph::KnowledgeGraph build(std::vector<Extraction>& xs, graph::ActorResolution* out = nullptr) {
    std::vector<const Extraction*> pointers;
    for (const Extraction& x : xs) pointers.push_back(&x);
    const graph::ActorResolution r = graph::resolve_actors(pointers);
    for (Extraction& x : xs) graph::apply_resolution(x, r);
    if (out) *out = r;
    return graph::build_graph(pointers);
}

const Actor* actor(const Extraction& x, const std::string& id) {
    for (const Actor& a : x.actors)
        if (a.id == id) return &a;
    return nullptr;
}

const std::string kAgency = "gov:valley-flood-management-agency";

}  // namespace

TEST_CASE("a bare acronym names the organisation another document declared it for", "[graph][resolve]") {
    auto xs = extract_all({kAgencyInFull, kAgencyByAcronym});
    // Alone, the second document knows no agency.
    REQUIRE(actor(xs[0], kAgency) != nullptr);
    REQUIRE(actor(xs[1], kAgency) == nullptr);

    graph::ActorResolution r;
    const graph::KnowledgeGraph kg = build(xs, &r);
    CHECK(r.acronyms.at("VFMA") == kAgency);
    const Actor* found = actor(xs[1], kAgency);
    REQUIRE(found != nullptr);
    CHECK(found->name == "Valley Flood Management Agency");
    REQUIRE(found->mentions.size() == 1);
    CHECK(found->mentions[0].text == "VFMA");
    CHECK(found->mentions[0].rule == "resolve:corpus-acronym");
    const std::string text = xs[1].document.text;  // apply_resolution keeps the text
    CHECK(text.substr(found->mentions[0].span.begin, 4) == "VFMA");

    const auto v = kg.find(kAgency);
    REQUIRE(v);
    CHECK(kg.graph()[*v].documents == 2);
    CHECK(kg.graph()[*v].label == "Valley Flood Management Agency");
}

TEST_CASE("a surname names the one person of the corpus with that surname", "[graph][resolve]") {
    auto xs = extract_all({kKellInFull, kKellWithTitle, kKellBySurname});
    REQUIRE(actor(xs[2], "person:kell") != nullptr);  // alone, a person of its own
    // "Dr. Teodora Kell" already has the id of "Teodora Kell".
    REQUIRE(actor(xs[1], "person:teodora-kell") != nullptr);

    graph::ActorResolution r;
    const graph::KnowledgeGraph kg = build(xs, &r);
    REQUIRE(r.merged.count("person:kell") == 1);
    CHECK(r.merged.at("person:kell").id == "person:teodora-kell");
    CHECK(r.merged.at("person:kell").rule == "resolve:surname:Kell");
    CHECK_FALSE(kg.find("person:kell"));
    const auto v = kg.find("person:teodora-kell");
    REQUIRE(v);
    CHECK(kg.graph()[*v].documents == 3);
    const Actor* kell = actor(xs[2], "person:teodora-kell");
    REQUIRE(kell != nullptr);
    CHECK(kell->name == "Teodora Kell");
    CHECK(std::find(kell->aliases.begin(), kell->aliases.end(), "Kell") != kell->aliases.end());
    // The claim "Kell said ..." is now Teodora Kell's.
    bool said = false;
    for (const Claim& c : xs[2].claims) said |= c.speaker == "person:teodora-kell";
    CHECK(said);
}

TEST_CASE("a surname two people of the corpus share merges with neither", "[graph][resolve]") {
    auto xs = extract_all({kKellInFull, kOtherKell, kKellBySurname});
    REQUIRE(actor(xs[1], "person:marcus-kell") != nullptr);
    graph::ActorResolution r;
    const graph::KnowledgeGraph kg = build(xs, &r);
    CHECK(r.merged.count("person:kell") == 0);
    CHECK(kg.find("person:kell"));
    CHECK(kg.graph()[*kg.find("person:teodora-kell")].documents == 1);
    CHECK(kg.graph()[*kg.find("person:marcus-kell")].documents == 1);
}

TEST_CASE("actor resolution does not depend on the order of the documents", "[graph][resolve]") {
    const std::vector<const char*> texts = {kAgencyByAcronym, kKellBySurname, kAgencyInFull,
                                            kKellWithTitle, kKellInFull};
    auto forward = extract_all(texts);
    std::vector<const char*> reversed(texts.rbegin(), texts.rend());
    auto backward = extract_all(reversed);
    graph::ActorResolution a, b;
    const graph::KnowledgeGraph ga = build(forward, &a);
    const graph::KnowledgeGraph gb = build(backward, &b);
    std::string why;
    CHECK(graph::same_graph(ga, gb, &why));
    INFO(why);
    CHECK(a.acronyms == b.acronyms);
    CHECK(a.merged.size() == b.merged.size());
    CHECK(a.merged.count("person:kell") == 1);
}

TEST_CASE("ekg build records merged actors and their aliases gathered across documents",
          "[graph][resolve][cli]") {
    test::TempDir dir;
    int n = 0;
    std::string inputs;
    for (const char* text : {kAgencyInFull, kAgencyByAcronym, kKellInFull, kKellBySurname}) {
        const auto path = dir.path / ("doc" + std::to_string(n++) + ".txt");
        std::ofstream(path) << text << "\n";
        inputs += " '" + path.string() + "'";
    }
    const std::string db = (dir.path / "r.db").string();
    REQUIRE(test::run_ekg("build" + inputs + " --db '" + db + "' -q").exit_code == 0);
    const auto q = [&](const std::string& sql) {
        const auto r = test::run_ekg("query --db '" + db + "' --format csv \"" + sql + "\"");
        REQUIRE(r.exit_code == 0);
        return r.out;
    };
    CHECK(q("SELECT actor_id, canonical_id, rule FROM actor_merges") ==
          "actor_id,canonical_id,rule\nperson:kell,person:teodora-kell,resolve:surname:Kell\n");
    CHECK(q("SELECT alias FROM actor_aliases WHERE actor_id = 'person:teodora-kell'") == "alias\nKell\n");
    CHECK(q("SELECT alias FROM actor_aliases WHERE actor_id = '" + kAgency + "'") == "alias\nVFMA\n");
    CHECK(q("SELECT documents FROM actors WHERE id = '" + kAgency + "'") == "documents\n2\n");
    CHECK(q("SELECT count(*) FROM actors WHERE id = 'person:kell'") == "count(*)\n0\n");
    CHECK(q("SELECT DISTINCT speaker FROM quotes WHERE speaker_id = 'person:teodora-kell'") ==
          "speaker\nTeodora Kell\n");
}
