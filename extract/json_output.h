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

/// Reads a document object written by document_json(x, true, ...) back into an Extraction,
/// without building a tree of it. The document text must be given (the contract does not
/// repeat it). Members it does not use are stepped over. Throws MalformedJson (json_read.h) on
/// a malformed object: a fault of syntax, a member of the wrong type, a missing id or array.
Extraction document_from_json(std::string_view json, Document document);

/// Reads one event object of the contract the same way.
Event event_from_json(std::string_view json);

}  // namespace ekg::extract
