#include <catch2/catch.hpp>

#include "support.h"

using namespace ekg;

namespace {
const Actor* find(const Extraction& x, const std::string& id) {
    for (const Actor& a : x.actors)
        if (a.id == id) return &a;
    return nullptr;
}
}  // namespace

TEST_CASE("a country named twice is one actor with two mentions", "[extract][pipeline]") {
    const Extraction x = test::extract_text("Troops left Syria. Later, Syria said the border was closed.");
    const Actor* syria = find(x, "country:SY");
    REQUIRE(syria != nullptr);
    CHECK(syria->mentions.size() == 2);
    CHECK(syria->kind == ActorKind::place);
    CHECK(syria->country_code == "SY");
    CHECK(syria->mentions[1].sentence == 1);
}

TEST_CASE("a demonym names its country", "[extract][pipeline]") {
    const Extraction x = test::extract_text("Iraqi officials said the road was reopened.");
    const Actor* iraq = find(x, "country:IQ");
    REQUIRE(iraq != nullptr);
    CHECK(iraq->mentions.front().text == "Iraqi");
}

TEST_CASE("every extraction gets sentences with spans inside the text", "[extract][pipeline]") {
    const Extraction x = test::extract_text("One sentence here. Another one there.");
    REQUIRE(x.sentences.size() == 2);
    CHECK(x.sentences.back().span.end <= x.document.text.size());
}
