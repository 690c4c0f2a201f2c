// The JSON contract of `ekg extract` (docs/json-output.md), both ways.
#pragma once

#include <nlohmann/json.hpp>

#include "model.h"

namespace ekg::extract {

/// Schema name written as "schema" at the top of every output.
inline constexpr const char* kSchema = "ekg.extract/1";

/// One document object of the contract. With `explain`, every value carries "rule" and the
/// document carries its diagnostics; without, those are left out.
nlohmann::ordered_json document_to_json(const Extraction& x, bool explain);

/// Reads a document object written by document_to_json(x, true) back into an Extraction.
/// The document text must be given (the contract does not repeat it). Throws
/// nlohmann::json::exception on a malformed object.
Extraction document_from_json(const nlohmann::json& j, Document document);

}  // namespace ekg::extract
