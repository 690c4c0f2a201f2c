// Ingest: files, directories and stdin become Documents, one at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "model.h"

namespace ekg::extract {

/// Counts kept while reading inputs.
struct IngestStats {
    std::size_t files = 0;      ///< files opened
    std::size_t documents = 0;  ///< documents produced
    std::size_t rejected = 0;   ///< inputs (files or JSONL lines) rejected with an error
    std::uint64_t bytes = 0;    ///< bytes read
};

/// Called for every document read; the document is moved to the callee.
using DocumentHandler = std::function<void(Document&&)>;
/// Called for every diagnostic, in input order.
using DiagnosticHandler = std::function<void(const Diagnostic&)>;

/// Reads every input in order: a file (.txt, .text, .jsonl, .ndjson), a directory (walked
/// recursively in sorted order, unknown extensions skipped) or "-" (stdin; JSONL when its first
/// non-blank byte is '{', else plain text). Problems with one input are reported as error
/// diagnostics and counted in stats.rejected; the other inputs are still read.
IngestStats read_inputs(const std::vector<std::string>& inputs, const DocumentHandler& on_document,
                        const DiagnosticHandler& on_diagnostic);

/// Builds a plain-text document from raw bytes (repairs UTF-8, takes the title, sets the id).
/// Diagnostics about the bytes are passed to `on_diagnostic`.
Document text_document(std::string bytes, const std::string& path,
                       const DiagnosticHandler& on_diagnostic);

/// Reads a JSON Lines record, an object, into `record` with parse_json_fast (json_read.h).
/// Returns false where that is not certain or the line is no object: the line is then
/// nlohmann's to parse. What it accepts, it reads as nlohmann would.
bool read_json_record(std::string_view line, nlohmann::json& record);

/// Parses one JSON Lines record. Returns false (with an error diagnostic) when it is rejected.
bool jsonl_document(std::string_view line, const std::string& path, std::int64_t line_number,
                    Document& out, const DiagnosticHandler& on_diagnostic);

/// Gives `doc` its content hash, and an id from that hash when it has none.
void finish_document(Document& doc);

}  // namespace ekg::extract
