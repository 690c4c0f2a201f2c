#include <catch2/catch.hpp>
#include <algorithm>
#include <fstream>

#include "error.h"
#include "resources.h"
#include "support.h"
#include "text.h"

using namespace ekg::extract;

TEST_CASE("invalid UTF-8 is replaced by U+FFFD and counted, valid text is unchanged", "[extract][text]") {
    RepairReport report;
    CHECK(repair_utf8("plain caf\xC3\xA9", report) == "plain caf\xC3\xA9");
    CHECK(report.invalid_sequences == 0);
    const std::string repaired = repair_utf8("bad \xC3 byte \xED\xA0\x80 and \xF8", report);
    CHECK(repaired.find("\xEF\xBF\xBD") != std::string::npos);
    CHECK(report.invalid_sequences >= 3);
    // An overlong encoding of '/' is rejected too.
    RepairReport overlong;
    repair_utf8("\xC0\xAF", overlong);
    CHECK(overlong.invalid_sequences == 2);
}

TEST_CASE("NUL bytes and a byte-order mark are cleaned", "[extract][text]") {
    RepairReport report;
    const std::string out = repair_utf8(std::string("\xEF\xBB\xBFok\0go", 8), report);
    CHECK(out == "ok\xEF\xBF\xBDgo");
    CHECK(report.nul_bytes == 1);
}

TEST_CASE("folding lowers case, strips diacritics and normalises quotes while keeping offsets",
          "[extract][text]") {
    const std::string original = "S\xC3\xA3o Paulo\xC2\xA0\xE2\x80\x9CQuote\xE2\x80\x9D it\xE2\x80\x99s";
    const FoldedText f = fold(original);
    CHECK(f.text == "sao paulo \"quote\" it's");
    // "paulo" in the folded text maps back to "Paulo" in the original.
    const std::size_t at = f.text.find("paulo");
    const ekg::Span span = f.to_original(at, at + 5);
    CHECK(original.substr(span.begin, span.end - span.begin) == "Paulo");
    // The folded "a" of "Sao" comes from the two-byte "ã".
    const ekg::Span a = f.to_original(1, 2);
    CHECK(original.substr(a.begin, a.end - a.begin) == "\xC3\xA3");
}

TEST_CASE("soft hyphens vanish from folded text so split words still match", "[extract][text]") {
    const FoldedText f = fold("Bagh\xC2\xAD" "dad");
    CHECK(f.text == "baghdad");
    CHECK(f.to_original(0, 7).end == 9);
}

TEST_CASE("tokens are words and single punctuation marks with original spans", "[extract][text]") {
    const std::string original = "ISIS-claimed, U.S. forces";
    const FoldedText f = fold(original);
    const auto tokens = tokenize(f);
    std::vector<std::string> words;
    for (const Token& t : tokens) words.push_back(original.substr(t.span.begin, t.span.end - t.span.begin));
    CHECK(words == std::vector<std::string>{"ISIS", "-", "claimed", ",", "U", ".", "S", ".", "forces"});
    CHECK(tokens[0].word);
    CHECK_FALSE(tokens[1].word);
}

TEST_CASE("case style tells wire copy in capitals and lower-cased text from ordinary prose",
          "[extract][text]") {
    CHECK(case_style("GUNMEN ATTACKED A POLICE STATION IN THE NORTH ON MONDAY") == CaseStyle::upper);
    CHECK(case_style("gunmen attacked a police station in the north on monday") == CaseStyle::lower);
    CHECK(case_style("Gunmen attacked a police station in Kabul on Monday.") == CaseStyle::mixed);
}

TEST_CASE("in ALL-CAPS text only words that are no common word read as capitalised",
          "[extract][text]") {
    FingerprintSet common;
    for (const char* w : {"gunmen", "shot", "in", "home", "his", "on"}) common.insert(FingerprintSet::of(w));
    const auto caps_of = [&](const std::string& text) {
        const FoldedText folded = fold(text);
        const std::vector<Token> tokens = tokenize(folded);
        const std::vector<std::uint8_t> caps =
            capitals(text, folded, tokens, case_style(text), common);
        std::string marks;
        for (std::size_t i = 0; i < tokens.size(); ++i)
            if (tokens[i].word) marks += caps[i] ? 'N' : '.';
        return marks;
    };
    CHECK(caps_of("GUNMEN SHOT VERLAN IN HIS HOME IN ZORVANDI ON 12 MAY") == "..N....N..N");
    // Mixed case keeps the first letter's case, whatever the word.
    CHECK(caps_of("Gunmen shot Verlan in his home in Zorvandi on 12 May") == "N.N....N..N");
}

TEST_CASE("the common-word list loads lower-case words and names the line of a bad row",
          "[extract][text]") {
    ekg::test::TempDir dir;
    const std::string path = (dir.path / "common_words.tsv").string();
    std::ofstream(path, std::ios::binary) << "# words\nhome\ngunmen\n";
    const FingerprintSet words = load_common_words(dir.path.string());
    CHECK(words.contains(FingerprintSet::of("home")));
    CHECK_FALSE(words.contains(FingerprintSet::of("zorvandi")));
    std::ofstream(path, std::ios::binary) << "# words\nhome\nKabul\n";
    try {
        load_common_words(dir.path.string());
        FAIL("a capitalised row loaded");
    } catch (const ekg::Error& e) {
        const std::string message = e.what();
        CHECK(message.substr(message.find("common_words.tsv:")) ==
              "common_words.tsv:3: expected one lower-case word");
    }
    // The shipped list knows everyday words and no place names.
    const FingerprintSet& shipped = ekg::test::resources().common_words;
    CHECK(shipped.contains(FingerprintSet::of("killed")));
    CHECK_FALSE(shipped.contains(FingerprintSet::of("kandahar")));
}

TEST_CASE("in all-lower-case text words that are no common word and initials read as names",
          "[extract][text]") {
    FingerprintSet common;
    for (const char* w : {"gunmen", "shot", "in", "home", "his", "on", "may", "s", "said"})
        common.insert(FingerprintSet::of(w));
    const auto caps_of = [&](const std::string& text) {
        const FoldedText folded = fold(text);
        const std::vector<Token> tokens = tokenize(folded);
        const std::vector<std::uint8_t> caps =
            capitals(text, folded, tokens, CaseStyle::lower, common);
        std::string marks;
        for (std::size_t i = 0; i < tokens.size(); ++i)
            if (tokens[i].word) marks += caps[i] ? 'N' : '.';
        return marks;
    };
    CHECK(caps_of("gunmen shot verlan in his home in zorvandi on 12 may") == "..N....N...");
    // "r." is an initial, the "s" of a possessive is none; a capital kept is a name.
    CHECK(caps_of("said tomas r. verlan") == ".NNN");
    CHECK(caps_of("verlan's home") == "N..");
    CHECK(caps_of("his ISIS home") == ".N.");
}

TEST_CASE("a word set answers as a search of its list does", "[extract][text]") {
    const std::initializer_list<std::string_view> list = {"in", "near", "at", "outside", "kibbutz", "a"};
    const WordSet set(list);
    for (const std::string_view w : {"in", "near", "at", "outside", "kibbutz", "a", "on", "nearby", "", "i",
                                     "ne", "Near", "kibbutzim", "b"})
        CHECK(set.contains(w) == (std::find(list.begin(), list.end(), w) != list.end()));
    const std::string long_word(80, 'x');
    CHECK_FALSE(set.contains(long_word));
}

TEST_CASE("one_of answers as a search of its list does", "[extract][text]") {
    const std::initializer_list<std::string_view> list = {"killed", "kidnapped", "k", "", "wounded"};
    for (const std::string_view w : {"killed", "kidnapped", "k", "", "wounded", "kill", "killer", "wounder",
                                     "Killed", "x", "kidnappeD"})
        CHECK(one_of(w, list) == (std::find(list.begin(), list.end(), w) != list.end()));
    CHECK(same_word("a", "a"));
    CHECK_FALSE(same_word("ab", "ac"));
}

TEST_CASE("a word filter never turns away a word it holds and turns away most others",
          "[extract][text]") {
    WordFilter filter;
    const std::vector<std::string_view> held = {"claimed", "responsibility", "said", "a", "denied"};
    for (const std::string_view w : held) filter.add(w);
    for (const std::string_view w : held) CHECK(filter.may_contain(w));
    // Other first letters or lengths are turned away without a lookup; the empty word always.
    for (const std::string_view w : {"bombing", "police", "claims", "sad", "", "deny"})
        CHECK_FALSE(filter.may_contain(w));
    // Same first two letters and length: the filter cannot tell (the lookup after it does).
    CHECK(filter.may_contain("saxd"));
}
