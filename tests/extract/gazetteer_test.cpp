#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "error.h"
#include "gazetteer.h"
#include "support.h"

using namespace ekg::extract;

namespace {

std::vector<std::string> matched(const Gazetteer& g, const std::string& text) {
    const FoldedText f = fold(text);
    std::vector<std::string> out;
    for (const NameMatch& m : g.match(text, tokenize(f), f, case_style(text)))
        out.push_back(g.entry(m.candidates.front().entry).id + "=" +
                      text.substr(m.span.begin, m.span.end - m.span.begin));
    return out;
}

Gazetteer small() {
    Gazetteer g;
    const auto add = [&](const std::string& id, std::initializer_list<const char*> aliases) {
        ekg::extract::Entry e;
        e.id = id;
        e.name = *aliases.begin();
        const auto i = g.add_entry(e);
        for (const char* a : aliases) g.add_alias(i, a);
    };
    add("x:new-york", {"New York"});
    add("x:york", {"York"});
    add("x:us", {"United States", "US", "U.S."});
    add("x:alq", {"al-Qaeda"});
    add("x:chad", {"Chad"});
    return g;
}

}  // namespace

TEST_CASE("the longest alias wins and matches do not overlap", "[extract][gazetteer]") {
    CHECK(matched(small(), "From New York to York.") ==
          std::vector<std::string>{"x:new-york=New York", "x:york=York"});
}

TEST_CASE("hyphens and case do not matter for capitalised aliases", "[extract][gazetteer]") {
    CHECK(matched(small(), "Al Qaeda and al-Qaeda and Al-Qaeda") ==
          std::vector<std::string>{"x:alq=Al Qaeda", "x:alq=al-Qaeda", "x:alq=Al-Qaeda"});
}

TEST_CASE("a capitalised alias needs its capitals in mixed-case text", "[extract][gazetteer]") {
    CHECK(matched(small(), "Chad Smith saw a hanging chad in Chad.").size() == 2);
    CHECK(matched(small(), "The wind blew over the chad of paper, said the officer, who was tired.")
              .empty());
}

TEST_CASE("an acronym matches only in its exact case, and never as a common word in capitals",
          "[extract][gazetteer]") {
    CHECK(matched(small(), "The US said so, and U.S. officials agreed; let us go.") ==
          std::vector<std::string>{"x:us=US", "x:us=U.S."});
    CHECK(matched(small(), "LET US GO TO THE UNITED STATES TOMORROW MORNING") ==
          std::vector<std::string>{"x:us=UNITED STATES"});
}

TEST_CASE("the country data loads with demonyms and everyday names", "[extract][gazetteer]") {
    const Gazetteer& g = ekg::test::resources().names;
    const auto iraqi = g.lookup("Iraqi");
    REQUIRE_FALSE(iraqi.empty());
    CHECK(g.entry(iraqi.front().entry).id == "country:IQ");
    CHECK(iraqi.front().demonym);
    const auto turkey = g.lookup("Turkey");
    REQUIRE_FALSE(turkey.empty());
    CHECK(g.entry(turkey.front().entry).name == "Turkey");
    const auto iq = g.find_id("country:IQ");
    REQUIRE(iq);
    CHECK(g.entry(*iq).lat.has_value());
}

TEST_CASE("a malformed data row is an error naming file and line", "[extract][gazetteer]") {
    ekg::test::TempDir dir;
    std::ofstream(dir.path / "countries.tsv") << "# comment\nIQ\tIRQ\tIraq\t33\t44\t\t\nXYZ\tbroken\n";
    std::ofstream(dir.path / "countries_extra.tsv") << "";
    Gazetteer g;
    try {
        load_countries(g, dir.path.string());
        FAIL("no error");
    } catch (const ekg::Error& e) {
        CHECK(std::string(e.what()).find("countries.tsv:3:") != std::string::npos);
        CHECK(e.code() == ekg::ExitCode::data);
    }
}
