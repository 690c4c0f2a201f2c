#include "claims.h"

#include <catch2/catch.hpp>
#include <fstream>

#include "error.h"
#include "support.h"

using namespace ekg;

namespace {

Extraction sample(const std::string& name) {
    return test::extract_text(test::read_file(test::source_dir() / "samples" / name), "2026-03-02");
}

std::vector<const Claim*> of_kind(const Extraction& x, ClaimKind kind) {
    std::vector<const Claim*> out;
    for (const Claim& c : x.claims)
        if (c.kind == kind) out.push_back(&c);
    return out;
}

/// The first claim of that kind whose text contains `words`, or nullptr.
const Claim* find_claim(const Extraction& x, ClaimKind kind, const std::string& words) {
    for (const Claim& c : x.claims)
        if (c.kind == kind && c.text.find(words) != std::string::npos) return &c;
    return nullptr;
}

/// The id of the actor named `name`, or "".
std::string actor_id(const Extraction& x, const std::string& name) {
    for (const Actor& a : x.actors)
        if (a.name == name) return a.id;
    return {};
}

}  // namespace

TEST_CASE("a quote takes the speaker named after it, also when named by surname alone",
          "[extract][claims]") {
    const Extraction x = sample("claims-quotes.txt");
    const std::string varga = actor_id(x, "Tomas Varga");
    REQUIRE_FALSE(varga.empty());
    const Claim* first = find_claim(x, ClaimKind::quote, "rebuild the fish market");
    REQUIRE(first != nullptr);
    CHECK(first->speaker == varga);
    CHECK(first->text == "We will rebuild the fish market before winter,");
    CHECK(x.document.text.substr(first->span.begin, first->span.end - first->span.begin) == first->text);
    const Claim* last = find_claim(x, ClaimKind::quote, "first loans");
    REQUIRE(last != nullptr);
    CHECK(last->speaker == varga);
    CHECK(last->rule.find("speaker-verb") != std::string::npos);
}

TEST_CASE("a quote in the next paragraph without attribution keeps the previous speaker",
          "[extract][claims]") {
    const Extraction x = sample("claims-quotes.txt");
    const Claim* next = find_claim(x, ClaimKind::quote, "old pier comes first");
    REQUIRE(next != nullptr);
    CHECK(next->speaker == actor_id(x, "Tomas Varga"));
    CHECK(next->confidence < 0.9);
}

TEST_CASE("a quote named after its speaker with a colon, continued over paragraphs, keeps the speaker",
          "[extract][claims]") {
    const Extraction x = sample("claims-quotes.txt");
    const std::string lindqvist = actor_id(x, "Ana Lindqvist");
    REQUIRE_FALSE(lindqvist.empty());
    const Claim* open = find_claim(x, ClaimKind::quote, "Every family on the quay");
    REQUIRE(open != nullptr);
    CHECK(open->speaker == lindqvist);
    const Claim* cont = find_claim(x, ClaimKind::quote, "Nobody will be left");
    REQUIRE(cont != nullptr);
    CHECK(cont->speaker == lindqvist);
}

TEST_CASE("indirect statements take their speaker: believes, admits, according to, told reporters",
          "[extract][claims]") {
    const Extraction x = sample("claims-statements.txt");
    const std::string lindqvist = actor_id(x, "Ana Lindqvist"), varga = actor_id(x, "Tomas Varga");
    REQUIRE_FALSE(lindqvist.empty());
    REQUIRE_FALSE(varga.empty());
    const auto statements = of_kind(x, ClaimKind::statement);
    REQUIRE(statements.size() == 4);
    CHECK(statements[0]->speaker == lindqvist);  // "X, a former ..., believes"
    CHECK(statements[1]->speaker == lindqvist);  // "..., admits Lindqvist"
    CHECK(statements[2]->speaker == varga);      // "According to X, ..."
    CHECK(statements[3]->speaker == varga);      // "Varga told reporters"
    CHECK(statements[2]->rule.find("according-to") != std::string::npos);
}

TEST_CASE("a group claiming responsibility is linked to the event and added to its claimed_by",
          "[extract][claims]") {
    const Extraction x = sample("claims-responsibility.txt");
    REQUIRE_FALSE(x.events.empty());
    const auto resp = of_kind(x, ClaimKind::responsibility);
    REQUIRE(resp.size() == 1);
    const std::string front = actor_id(x, "Red Valley Front");
    REQUIRE_FALSE(front.empty());
    CHECK(resp[0]->speaker == front);
    CHECK(resp[0]->event == x.events[0].id);
    CHECK(resp[0]->about == std::vector<std::string>{x.events[0].id});
    bool claimed = false;
    for (const Arg& a : x.events[0].claimed_by) claimed = claimed || a.actor == front;
    CHECK(claimed);
}

TEST_CASE("a government's denial and counter-attribution are denials of the same event",
          "[extract][claims]") {
    const Extraction x = sample("claims-responsibility.txt");
    const auto denials = of_kind(x, ClaimKind::denial);
    REQUIRE(denials.size() == 2);
    for (const Claim* d : denials) {
        CHECK(d->speaker == "gov:ke");
        CHECK(d->event == x.events[0].id);
    }
    CHECK(denials[1]->text.find("criminal gang") != std::string::npos);
}

TEST_CASE("the government alone is the government of the event's country", "[extract][claims]") {
    const Extraction x = test::extract_text(
        "Gunmen stormed a hotel in Mombasa on Friday, killing six guests. The government says it "
        "was a banned domestic group.",
        "2026-03-02");
    REQUIRE_FALSE(x.events.empty());
    const auto denials = of_kind(x, ClaimKind::denial);
    REQUIRE(denials.size() == 1);
    CHECK(denials[0]->speaker == "gov:ke");
    CHECK(actor_id(x, "Government of Kenya") == "gov:ke");
}

TEST_CASE("no group claiming responsibility yields no responsibility claim", "[extract][claims]") {
    const Extraction x = sample("claims-figures.txt");
    CHECK(of_kind(x, ClaimKind::responsibility).empty());
}

TEST_CASE("two death tolls of one bombing are two figure claims of that event", "[extract][claims]") {
    const Extraction x = sample("claims-figures.txt");
    REQUIRE_FALSE(x.events.empty());
    const auto figures = of_kind(x, ClaimKind::figure);
    REQUIRE(figures.size() == 2);
    CHECK(figures[0]->value == 40);
    CHECK(figures[1]->value == 38);
    CHECK(figures[0]->event == x.events[0].id);
    CHECK(figures[1]->event == x.events[0].id);
    CHECK(figures[0]->span.begin < figures[1]->span.begin);
    CHECK(figures[0]->text == "Death toll reaches 40");
}

TEST_CASE("claim ids number the claims in text order", "[extract][claims]") {
    const Extraction x = sample("claims-quotes.txt");
    REQUIRE(x.claims.size() >= 3);
    for (std::size_t i = 0; i < x.claims.size(); ++i) {
        CHECK(x.claims[i].id == x.document.id + ":c" + std::to_string(i + 1));
        if (i) CHECK(x.claims[i - 1].span.begin <= x.claims[i].span.begin);
        CHECK_FALSE(x.claims[i].rule.empty());
        CHECK(x.claims[i].confidence > 0.0);
    }
}

TEST_CASE("short scare quotes without a speaker are no claims", "[extract][claims]") {
    const Extraction x = test::extract_text("The so-called \"peace plan\" was rejected by the council.");
    CHECK(x.claims.empty());
}

TEST_CASE("a claim cue row with an unknown kind is rejected with file and line",
          "[extract][claims]") {
    test::TempDir dir;
    std::ofstream(dir.path / "claim_cues.tsv") << "# comment\nclaimed responsibility\tresponsibility\n"
                                                  "denied\tmaybe\n";
    try {
        extract::load_claim_lexicon(dir.path.string());
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(std::string(e.what()) == (dir.path / "claim_cues.tsv").string() +
                                           ":3: unknown kind \"maybe\" (expected responsibility, "
                                           "denial, toll or negation)");
    }
}
