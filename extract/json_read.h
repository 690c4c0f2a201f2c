// Reading JSON where nlohmann's lexer is too slow: it takes a character at a time, about 100
// instructions a byte, and the texts of records and stored extractions are megabytes of strings.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace ekg::extract {

/// Thrown by the readers built on JsonCursor for JSON they cannot use.
class MalformedJson : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Parses `text` (one JSON value, with white space around it) into `out`, giving the value
/// nlohmann::json::parse(text) gives (the same types of number too), but reading strings in
/// runs. Returns false where it is not certain: on any syntax error, an integer out of range, a
/// number from_chars cannot read exactly, nesting deeper than 256, a byte-order mark. The
/// caller then parses `text` with nlohmann, which accepts or rejects it as it always did.
bool parse_json_fast(std::string_view text, nlohmann::json& out);

/// parse_json_fast, or else nlohmann::json::parse (which throws nlohmann's parse_error).
nlohmann::json parse_json(std::string_view text);

/// Walks JSON without building values, to read a few fields out of large documents (the
/// rebuild's passes over the stored extractions). It follows the structure but is lenient where
/// that costs nothing (a stray comma is skipped); every method returns false on a fault, after
/// which failed() is true. Typical use:
///
///     JsonCursor c(text);
///     if (c.enter('{')) while (c.next_key(key)) { if (key == "id") c.string(id); else c.skip(); }
///     if (c.failed()) ...
class JsonCursor {
public:
    explicit JsonCursor(std::string_view text) : s_(text) {}

    /// Enters the object ('{') or array ('[') at the cursor.
    bool enter(char open);
    /// In an object: the next member's key, the cursor then at its value; false at the closing
    /// brace (the object is left) or on a fault.
    bool next_key(std::string& key);
    /// In an array: true when an element follows (the cursor at it); false at the closing
    /// bracket (the array is left) or on a fault.
    bool next_element() { return more(']'); }
    /// Reads the string at the cursor into `out`; null reads as "".
    bool string(std::string& out);
    /// Reads the integer at the cursor (fails on a fraction, an exponent or out of range).
    bool integer(std::int64_t& out);
    /// Reads the number at the cursor as a double.
    bool real(double& out);
    /// Reads true or false.
    bool boolean(bool& out);
    /// True, having stepped over it, when the value at the cursor is null; false otherwise
    /// (not a fault).
    bool null();
    /// Steps over the value at the cursor.
    bool skip();
    /// The first byte of the value at the cursor ('{', '[', '"', 'n', a digit, ...), or 0 at the end.
    char peek();
    bool failed() const { return failed_; }

private:
    bool more(char close);
    bool fail() {
        failed_ = true;
        return false;
    }
    bool skip_string();  // the cursor after an opening quote
    std::string_view scalar();  // the bytes of the number or literal at the cursor, stepped over
    template <class N>
    bool number(N& out);  // the whole scalar read by from_chars

    std::string_view s_;
    std::size_t i_ = 0;
    bool failed_ = false;
};

}  // namespace ekg::extract
