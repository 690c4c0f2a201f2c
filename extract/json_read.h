// Reading JSON where nlohmann's lexer is too slow: it takes a character at a time, about 100
// instructions a byte, and the texts of records and stored extractions are megabytes of strings.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

namespace ekg::extract {

/// Parses `text` (one JSON value, with white space around it) into `out`, giving the value
/// nlohmann::json::parse(text) gives (the same types of number too), but reading strings in
/// runs. Returns false where it is not certain: on any syntax error, an integer out of range, a
/// number from_chars cannot read exactly, nesting deeper than 256, a byte-order mark. The
/// caller then parses `text` with nlohmann, which accepts or rejects it as it always did.
bool parse_json_fast(std::string_view text, nlohmann::json& out);

/// parse_json_fast, or else nlohmann::json::parse (which throws nlohmann's parse_error).
nlohmann::json parse_json(std::string_view text);

}  // namespace ekg::extract
