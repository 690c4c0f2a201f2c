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

TEST_CASE("the JSON cursor reads chosen fields and steps over the rest", "[extract][json]") {
    const std::string text =
        R"({"skip": {"a": [1, "x]}", {"b": "\"{"}], "n": -1.5e3}, "items": [)"
        R"({"id": "one", "tags": ["t1", "t\u00e9"], "deep": [[[]]], "note": null},)"
        R"( {"id": "two", "tags": [], "flag": true}], "tail": "end"})";
    extract::JsonCursor c(text);
    std::string key, value, tail;
    std::vector<std::string> ids, tags;
    REQUIRE(c.enter('{'));
    while (c.next_key(key)) {
        if (key == "items") {
            REQUIRE(c.enter('['));
            while (c.next_element()) {
                REQUIRE(c.enter('{'));
                while (c.next_key(key)) {
                    if (key == "id") {
                        REQUIRE(c.string(value));
                        ids.push_back(value);
                    } else if (key == "tags") {
                        REQUIRE(c.enter('['));
                        while (c.next_element()) {
                            REQUIRE(c.string(value));
                            tags.push_back(value);
                        }
                    } else {
                        REQUIRE(c.skip());
                    }
                }
            }
        } else if (key == "tail") {
            REQUIRE(c.string(tail));
        } else {
            REQUIRE(c.skip());
        }
    }
    CHECK_FALSE(c.failed());
    CHECK(ids == std::vector<std::string>{"one", "two"});
    CHECK(tags == std::vector<std::string>{"t1", "t\xC3\xA9"});
    CHECK(tail == "end");
    CHECK(c.peek() == '\0');
}

TEST_CASE("the JSON cursor fails on truncated or misplaced JSON", "[extract][json]") {
    std::string key, value;
    {
        extract::JsonCursor c(R"({"a": [1, 2)");
        REQUIRE(c.enter('{'));
        REQUIRE(c.next_key(key));
        CHECK_FALSE(c.skip());
        CHECK(c.failed());
    }
    {
        extract::JsonCursor c(R"({"a": "open)");
        REQUIRE(c.enter('{'));
        REQUIRE(c.next_key(key));
        CHECK_FALSE(c.string(value));
        CHECK(c.failed());
    }
    {
        extract::JsonCursor c(R"({"a" 1})");
        REQUIRE(c.enter('{'));
        CHECK_FALSE(c.next_key(key));
        CHECK(c.failed());
    }
    {
        extract::JsonCursor c(R"([1, 2)");
        REQUIRE(c.enter('['));
        while (c.next_element()) REQUIRE(c.skip());
        CHECK(c.failed());  // the array never closes
    }
    {
        extract::JsonCursor c(R"({"a": 5})");
        REQUIRE(c.enter('{'));
        REQUIRE(c.next_key(key));
        CHECK_FALSE(c.string(value));  // a number is no string
        CHECK(c.failed());
    }
}

TEST_CASE("the JSON cursor reads numbers, booleans and null, and rejects the wrong type", "[extract][json]") {
    std::string key;
    extract::JsonCursor c(R"({"n": -42, "x": 1.5e-3, "big": 18446744073709551616, "t": true, "z": null, "s": "7"})");
    REQUIRE(c.enter('{'));
    std::int64_t n = 0;
    double x = 0;
    bool b = false;
    REQUIRE(c.next_key(key));
    CHECK(c.integer(n));
    CHECK(n == -42);
    REQUIRE(c.next_key(key));
    CHECK(c.real(x));
    CHECK(x == Approx(0.0015));
    REQUIRE(c.next_key(key));
    CHECK_FALSE(c.integer(n));  // beyond 64 bits
    CHECK(c.failed());

    extract::JsonCursor d(R"([true, null, "7", 1.5])");
    REQUIRE(d.enter('['));
    REQUIRE(d.next_element());
    CHECK(d.boolean(b));
    CHECK(b);
    REQUIRE(d.next_element());
    CHECK(d.null());
    REQUIRE(d.next_element());
    CHECK_FALSE(d.null());  // a string is no null, and no fault
    CHECK_FALSE(d.failed());
    CHECK(d.skip());
    REQUIRE(d.next_element());
    CHECK_FALSE(d.integer(n));  // a fraction is no integer
    CHECK(d.failed());
}
