#include "boilerplate.h"

#include <catch2/catch.hpp>
#include <fstream>

#include "error.h"
#include "sentences.h"
#include "support.h"

using namespace ekg;

namespace {

/// A short invented article: enough words for the rules that compare a line with its article.
const std::string kArticle =
    "Flood waters rose along the northern river valley on Monday, forcing hundreds of families to "
    "leave their farms for higher ground.\n\n"
    "Engineers from the regional water board worked through the night to reinforce the levees, "
    "while volunteers filled sandbags at the village school.\n\n"
    "Rainfall over the past week was twice the seasonal average, and forecasters expect more "
    "storms before the weekend, when the river is likely to crest near the old stone bridge.\n\n";

std::vector<std::string> boilerplate_sentences(const Extraction& x) {
    std::vector<std::string> out;
    for (const Sentence& s : x.sentences)
        if (s.boilerplate)
            out.push_back(x.document.text.substr(s.span.begin, s.span.end - s.span.begin));
    return out;
}

std::size_t suspicious_diagnostics(const Extraction& x) {
    std::size_t n = 0;
    for (const Diagnostic& d : x.diagnostics) n += d.code == "suspicious-fragment";
    return n;
}

bool has_actor_within(const Extraction& x, std::size_t begin, std::size_t end) {
    for (const Actor& a : x.actors)
        for (const Mention& m : a.mentions)
            if (m.span.begin < end && begin < m.span.end) return true;
    return false;
}

}  // namespace

TEST_CASE("link teasers and site furniture listed in the data are boilerplate",
          "[extract][boilerplate]") {
    const Extraction x =
        test::extract_text(kArticle +
                           "READ MORE: Storm season arrives early in the valley\n\n"
                           "The water board will meet again on Friday.\n\n"
                           "WATCH: Volunteers fill sandbags overnight\n\n"
                           "Related Posts\n\nComments are closed.");
    CHECK(boilerplate_sentences(x) ==
          std::vector<std::string>{"READ MORE: Storm season arrives early in the valley",
                                   "WATCH: Volunteers fill sandbags overnight", "Related Posts",
                                   "Comments are closed."});
}

TEST_CASE("a run of short unpunctuated lines is a list of headlines", "[extract][boilerplate]") {
    const Extraction x = test::extract_text(kArticle +
                                            "\xE2\x80\xA2 Bridge closed as river rises\n\n"
                                            "\xE2\x80\xA2 Farmers count the cost of the floods\n\n"
                                            "The river is expected to fall by Sunday.");
    const auto flagged = boilerplate_sentences(x);
    REQUIRE(flagged.size() == 2);
    CHECK(flagged[0] == "\xE2\x80\xA2 Bridge closed as river rises");
}

TEST_CASE("a lone subheading and the title line are article text", "[extract][boilerplate]") {
    const Extraction x =
        test::extract_text("Floods force families from the valley\n\n" + kArticle +
                           "Rising waters\n\nThe river is expected to fall by Sunday.");
    CHECK(boilerplate_sentences(x).empty());
    CHECK(suspicious_diagnostics(x) == 0);
}

TEST_CASE("a lone title-case line sharing no word with the article is injected and never an actor",
          "[extract][boilerplate]") {
    const std::string spam = "Lisbon Golden Lotto Club";
    const std::string text = kArticle + spam + "\n\nThe river is expected to fall by Sunday.";
    const Extraction x = test::extract_text(text);
    CHECK(boilerplate_sentences(x) == std::vector<std::string>{spam});
    REQUIRE(suspicious_diagnostics(x) == 1);
    CHECK(x.diagnostics.front().severity == Severity::warning);
    const std::size_t at = text.find(spam);
    CHECK_FALSE(has_actor_within(x, at, at + spam.size()));
}

TEST_CASE("a run of a script foreign to the document is injected and never an actor",
          "[extract][boilerplate]") {
    // Han characters stand where a name belongs in English prose.
    const std::string han = "\xE6\xA1\x91\xE6\x8B\xBF\xE4\xBC\x9A\xE6\x89\x80";
    const std::string text = kArticle + "Residents shared videos on " + han + " and other sites.";
    const Extraction x = test::extract_text(text);
    REQUIRE(suspicious_diagnostics(x) == 1);
    CHECK(x.diagnostics.front().message.find("Han script inside Latin text") != std::string::npos);
    const std::size_t at = text.find(han);
    CHECK_FALSE(has_actor_within(x, at, at + han.size()));
    CHECK(boilerplate_sentences(x).empty());  // the sentence itself is article text
}

TEST_CASE("a gloss in another script inside parentheses is not injected",
          "[extract][boilerplate]") {
    const Extraction x = test::extract_text(
        kArticle +
        "The village is called Stone Bridge (\xE7\x9F\xB3\xE6\xA1\xA5) by its residents.");
    CHECK(suspicious_diagnostics(x) == 0);
}

TEST_CASE("no person or organisation is founded on a boilerplate line", "[extract][boilerplate]") {
    const Extraction x =
        test::extract_text(kArticle +
                           "READ MORE: Tariq Velde said the Harrow Valley Institute was wrong\n\n"
                           "The river is expected to fall by Sunday.");
    for (const Actor& a : x.actors) {
        CHECK(a.kind != ActorKind::person);
        CHECK(a.name != "Harrow Valley Institute");
    }
}

TEST_CASE("boilerplate keys fold case, quotes and bullets", "[extract][boilerplate]") {
    CHECK(extract::boilerplate_key("  \xE2\x80\xA2  Don\xE2\x80\x99t  MISS:  ") == "don't miss:");
}

TEST_CASE("a malformed boilerplate row is reported with its file and line",
          "[extract][boilerplate]") {
    test::TempDir dir;
    std::ofstream(dir.path / "boilerplate.tsv")
        << "# comment\nread more:\tprefix\nsubscribe\tsometimes\n";
    try {
        extract::load_boilerplate(dir.path.string());
        FAIL("no error thrown");
    } catch (const Error& e) {
        CHECK(std::string(e.what()) ==
              (dir.path / "boilerplate.tsv").string() +
                  ":3: unknown match \"sometimes\" (expected prefix, line or short)");
    }
}
