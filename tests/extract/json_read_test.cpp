#include <catch2/catch.hpp>

#include "json_read.h"

using namespace ekg;

namespace {

/// What parse_json_fast makes of `text`: nullopt when it gives the text to nlohmann.
std::optional<nlohmann::json> fast(std::string_view text) {
    nlohmann::json j;
    if (!extract::parse_json_fast(text, j)) return std::nullopt;
    return j;
}

}  // namespace

TEST_CASE("the fast JSON reader gives nlohmann's value, number types included", "[extract][json]") {
    for (const std::string text : {
             R"({"a": [1, -2, 3.5, -0.25e-3, 1E5, 0, -0, 18446744073709551615], "b": {"c": null}})",
             R"([true, false, null, "", "caf\u00e9 \ud83d\ude00 \"q\" \\ \/ \b\f\n\r\t", {}, []])",
             "  \"a string alone\"  ",
             "-9223372036854775808",
             R"({"k": 1, "k": [2]})",
             "{\"text\": \"caf\xC3\xA9 \xE4\xB8\xAD \xF0\x9F\x98\x80\"}",
         }) {
        INFO(text);
        const auto got = fast(text);
        REQUIRE(got);
        const nlohmann::json expected = nlohmann::json::parse(text);
        CHECK(*got == expected);
        CHECK(got->dump() == expected.dump());  // the same number types print the same
    }
    CHECK(fast("5")->is_number_unsigned());
    CHECK(fast("-5")->is_number_integer());
    CHECK(fast("5.0")->is_number_float());
}

TEST_CASE("the fast JSON reader leaves to nlohmann what it is not sure of", "[extract][json]") {
    for (const std::string text : {
             "", "{", "[1,]", "{\"a\":1,}", "01", "1.", ".5", "1e", "+1", "tru", "nul", "[1 2]",
             "{\"a\" 1}", "\"unterminated", "\"bad \\x escape\"", "\"lone \\udc00\"",
             "\"raw\ttab\"", "\"overlong \xC0\xAF\"", "18446744073709551616", "-9223372036854775809",
             "1e400", "{} x", "\xEF\xBB\xBF{}",
         }) {
        INFO(text);
        CHECK_FALSE(fast(text));
    }
    // Deep nesting is left to nlohmann too (no deep recursion here).
    CHECK_FALSE(fast(std::string(300, '[') + std::string(300, ']')));
    CHECK(fast(std::string(200, '[') + std::string(200, ']')));
    // parse_json falls back: nlohmann reads an integer beyond 64 bits as a double.
    CHECK(extract::parse_json("18446744073709551616").is_number_float());
    CHECK_THROWS_AS(extract::parse_json("[1,]"), nlohmann::json::parse_error);
}
