// The JSON contract of `ekg extract` (docs/json-output.md), both ways.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "model.h"

namespace ekg::extract {

/// Schema name written as "schema" at the top of every output.
inline constexpr const char* kSchema = "ekg.extract/1";

/// Appends one document object of the contract as compact JSON (what
/// document_to_json(x, explain).dump() prints), with "schema" first when `with_schema`.
void append_document_json(std::string& out, const Extraction& x, bool explain, bool with_schema);
std::string document_json(const Extraction& x, bool explain, bool with_schema);

/// Appends compact JSON (as append_document_json writes it) re-indented by `step` spaces a
/// level, byte for byte what nlohmann's dump(step) prints for the same value: the readable
/// form of `ekg extract` without building a tree of the document.
void append_indented_json(std::string& out, std::string_view compact, int step);

/// Appends `text` as a JSON string literal (quotes included); invalid UTF-8 becomes U+FFFD.
void append_json_string(std::string& out, std::string_view text);

/// One document object of the contract. With `explain`, every value carries "rule" and the
/// document carries its diagnostics; without, those are left out.
nlohmann::ordered_json document_to_json(const Extraction& x, bool explain);

/// Reads a document object written by document_to_json(x, true) back into an Extraction.
/// The document text must be given (the contract does not repeat it). Throws
/// nlohmann::json::exception on a malformed object.
Extraction document_from_json(const nlohmann::json& j, Document document);

}  // namespace ekg::extract
