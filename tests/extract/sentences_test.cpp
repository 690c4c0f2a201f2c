#include <catch2/catch.hpp>

#include "sentences.h"

using namespace ekg::extract;

namespace {
std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> out;
    for (const ekg::Sentence& s : split_sentences(text))
        out.push_back(text.substr(s.span.begin, s.span.end - s.span.begin));
    return out;
}
}  // namespace

TEST_CASE("sentences end at a stop followed by a capital", "[extract][sentences]") {
    CHECK(split("The bomb exploded. Nobody was hurt! Was it planned? Police think so.") ==
          std::vector<std::string>{"The bomb exploded.", "Nobody was hurt!", "Was it planned?",
                                   "Police think so."});
}

TEST_CASE("abbreviations, initials and decimals do not end a sentence", "[extract][sentences]") {
    CHECK(split("Gen. Smith met Dr. Jones on Jan. 5 in the capital. It rained.") ==
          std::vector<std::string>{"Gen. Smith met Dr. Jones on Jan. 5 in the capital.", "It rained."});
    CHECK(split("The rate rose 3.5 percent, said J. R. Doe. Markets fell.") ==
          std::vector<std::string>{"The rate rose 3.5 percent, said J. R. Doe.", "Markets fell."});
    CHECK(split("Officials of the U.S. State Department spoke.").size() == 1);
}

TEST_CASE("a closing quote stays with its sentence", "[extract][sentences]") {
    const auto s = split("\xE2\x80\x9CWe will stay,\xE2\x80\x9D he said. \xE2\x80\x9CThey left.\xE2\x80\x9D Then silence.");
    REQUIRE(s.size() == 3);
    CHECK(s[1] == "\xE2\x80\x9CThey left.\xE2\x80\x9D");
}

TEST_CASE("blank lines and bullets end sentences without a stop", "[extract][sentences]") {
    CHECK(split("A headline without a stop\n\nThe article begins here.\n\xE2\x80\xA2 A teaser line\nMore.") ==
          std::vector<std::string>{"A headline without a stop", "The article begins here.",
                                   "\xE2\x80\xA2 A teaser line\nMore."});
}

TEST_CASE("an ellipsis followed by a lower-case word continues the sentence", "[extract][sentences]") {
    CHECK(split("He paused... and went on. Then he left.").size() == 2);
}

TEST_CASE("sentence spans index the text and sentence_at finds the holder", "[extract][sentences]") {
    const std::string text = "  First one.   Second one.  ";
    const auto sentences = split_sentences(text);
    REQUIRE(sentences.size() == 2);
    CHECK(sentences[0].span.begin == 2);
    CHECK(sentences[1].index == 1);
    CHECK(sentence_at(sentences, static_cast<std::uint32_t>(text.find("Second"))) == 1);
    CHECK(sentence_at(sentences, 0) == 0);
}

TEST_CASE("a dotted acronym ends a sentence only before a word that opens one", "[extract][sentences]") {
    CHECK(split("He worked for years in the U.S. He then moved north.") ==
          std::vector<std::string>{"He worked for years in the U.S.", "He then moved north."});
    CHECK(split("It was in the U.K. The council met.").size() == 2);
    CHECK(split("Talks in the U.S. on Monday failed. Nothing changed.").size() == 2);
    CHECK(split("The U.S. Coast Guard searched the bay.").size() == 1);
    CHECK(split("It ended at 5 p.m. on Monday.").size() == 1);
}

TEST_CASE("'No.' is an abbreviation only before a number", "[extract][sentences]") {
    CHECK(split("She answered no. Then she left.").size() == 2);
    CHECK(split("See item No. 5 of the list. It is short.").size() == 2);
}

TEST_CASE("a company abbreviation may end a sentence", "[extract][sentences]") {
    CHECK(split("He joined Acme Inc. The firm grew.").size() == 2);
    CHECK(split("Acme Inc. said so. Others disagreed.").size() == 2);
}

TEST_CASE("a quotation closed by a comma stays with its attribution", "[extract][sentences]") {
    CHECK(split("\xE2\x80\x9CWe will stay. We will fight,\xE2\x80\x9D he said. The crowd cheered.") ==
          std::vector<std::string>{"\xE2\x80\x9CWe will stay. We will fight,\xE2\x80\x9D he said.",
                                   "The crowd cheered."});
    CHECK(split("\"We stay. We fight,\" she said. Then rain.").size() == 2);
    // Without an attribution the quoted sentences are sentences of their own.
    CHECK(split("\xE2\x80\x9CWe will stay. We will fight.\xE2\x80\x9D The crowd cheered.").size() == 3);
}

TEST_CASE("in lower-cased text an initial's stop ends no sentence", "[extract][sentences]") {
    CHECK(split("the bridge will reopen, said tomas r. verlan on monday. the mayor agreed.") ==
          std::vector<std::string>{"the bridge will reopen, said tomas r. verlan on monday.",
                                   "the mayor agreed."});
}
