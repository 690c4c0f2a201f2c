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
