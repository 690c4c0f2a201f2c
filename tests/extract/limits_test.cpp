// The limits of docs/limits.md at the library level: where a cut falls, what is dropped, and
// that ordinary input never reaches them.
#include <catch2/catch.hpp>

#include "html.h"
#include "input_limits.h"
#include "sentences.h"
#include "text.h"

using namespace ekg;

TEST_CASE("a sentence over the limit is cut at word ends into pieces that cover every word",
          "[extract][limits]") {
    const std::size_t max = extract::limits().max_sentence_bytes;
    std::string text = "Rockets hit Kandahar on Monday. Then";
    for (int i = 0; i < 5000; ++i) text += " convoy" + std::to_string(i);
    std::size_t cuts = 0;
    const std::vector<Sentence> s = extract::split_sentences(text, &cuts);
    REQUIRE(s.size() >= 3);
    CHECK(cuts == s.size() - 2);
    CHECK(text.substr(s[0].span.begin, s[0].span.end - s[0].span.begin) == "Rockets hit Kandahar on Monday.");
    std::string joined;
    for (std::size_t i = 1; i < s.size(); ++i) {
        CHECK(s[i].span.end - s[i].span.begin <= max);
        CHECK(text[s[i].span.end - 1] != ' ');
        if (s[i].span.end < text.size()) CHECK(text[s[i].span.end] == ' ');  // a word end
        joined += (i > 1 ? " " : "") + text.substr(s[i].span.begin, s[i].span.end - s[i].span.begin);
    }
    CHECK(joined == text.substr(s[1].span.begin));
    // Without spaces the cut falls on a code point boundary.
    std::string run;
    for (int i = 0; i < 6000; ++i) run += "\xC3\xA9";  // é
    cuts = 0;
    for (const Sentence& x : extract::split_sentences(run, &cuts)) {
        CHECK((static_cast<unsigned char>(run[x.span.begin]) & 0xC0) != 0x80);
        CHECK(x.span.end - x.span.begin <= max);
    }
    CHECK(cuts == 1);
    // Ordinary text is never cut.
    cuts = 0;
    extract::split_sentences("Police said 12 people died. The army denied it.", &cuts);
    CHECK(cuts == 0);
}

TEST_CASE("a word over the token limit yields no token and is counted", "[extract][limits]") {
    const std::size_t max = extract::limits().max_token_bytes;
    const std::string text = "killed " + std::string(max, '9') + " and " + std::string(max + 1, '7') + " people";
    std::size_t dropped = 0;
    const std::vector<extract::Token> tokens = extract::tokenize(extract::fold(text), &dropped);
    CHECK(dropped == 1);
    std::vector<std::string> words;
    for (const extract::Token& t : tokens) words.push_back(text.substr(t.span.begin, t.span.end - t.span.begin));
    CHECK(words == std::vector<std::string>{"killed", std::string(max, '9'), "and", "people"});
}

TEST_CASE("HTML nested past the limit is flattened before parsing; sloppy ordinary pages are not",
          "[extract][limits][html]") {
    std::string deep = "<html><body><p>Fighting in Aleppo.</p>";
    for (int i = 0; i < 100000; ++i) deep += "<div><span>";
    deep += "deep text";
    const extract::HtmlText d = extract::html_to_text(deep);
    CHECK(d.too_deep);
    CHECK(d.text.find("Fighting in Aleppo.") == 0);
    CHECK(d.text.find("deep text") != std::string::npos);

    // Cut off inside a tag past the limit (found by fuzz_html_reader, corpus/html/crash-79392e...).
    std::string cut;
    for (int i = 0; i < 300; ++i) cut += "<div>";
    for (const char* end : {"<ty=", "<ty= ", "<a href='", "<a b", "</", "<!--", "<script>x"})
        CHECK(extract::html_to_text(cut + end).too_deep);

    // Unclosed paragraphs and list items, inline elements left open inside blocks, inline SVG
    // icons with many self-closed paths: real pages do all of this thousands of times.
    std::string sloppy = "<html><body><svg>";
    for (int i = 0; i < 3000; ++i) sloppy += "<path d='M0 0'/>";
    sloppy += "</svg><ul>";
    for (int i = 0; i < 3000; ++i) sloppy += "<li>item " + std::to_string(i);
    sloppy += "</ul>";
    for (int i = 0; i < 3000; ++i) sloppy += "<div><p>para " + std::to_string(i) + " <span>left open</div>";
    for (int i = 0; i < 3000; ++i) sloppy += "<p>last " + std::to_string(i);
    const extract::HtmlText s = extract::html_to_text(sloppy);
    CHECK_FALSE(s.too_deep);
    CHECK(s.text.find("\xE2\x80\xA2 item 2999") != std::string::npos);
    CHECK(s.text.find("para 2999 left open\n\nlast 0\n\nlast 1\n\n") != std::string::npos);
    CHECK(s.text.substr(s.text.size() - 9) == "last 2999");
}

TEST_CASE("repairing UTF-8 twice changes nothing, even after a doubled byte-order mark",
          "[extract][limits][text]") {
    // Found by fuzz_text_reader (tests/fuzz/corpus/text/crash-f6ffbc...).
    extract::RepairReport r1, r2;
    const std::string once = extract::repair_utf8("\xEF\xBB\xBF\xEF\xBB\xBF" "Caf\xE9 bombing", r1);
    CHECK(once == "Caf\xEF\xBF\xBD bombing");
    CHECK(extract::repair_utf8(once, r2) == once);
    CHECK(r2.invalid_sequences == 0);
}

TEST_CASE("an HTML page whose text begins with a byte-order mark gives a text without it",
          "[extract][limits][html]") {
    // Found by fuzz_html_reader (tests/fuzz/corpus/html/crash-ae79b1...): the text was not
    // stable under UTF-8 repair, which drops leading byte-order marks.
    const Document d = extract::html_document("<p>&#xFEFF;\xEF\xBB\xBFGunmen attacked a bus.</p>", "x.html",
                                              [](const Diagnostic&) {});
    CHECK(d.text == "Gunmen attacked a bus.");
}
