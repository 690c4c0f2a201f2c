// Fuzzes the JSON Lines record parser: a line is either a document or one rejection diagnostic,
// what the direct record reader accepts, nlohmann's parser reads the same, and the JSON cursor
// walks any line without a fault other than failing, nor does the stored-extraction reader.
#include <cstdint>
#include <string>

#include "ingest.h"
#include "json_output.h"
#include "json_read.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view line(reinterpret_cast<const char*>(data), size);
    int errors = 0;
    ekg::Document d;
    const bool ok = ekg::extract::jsonl_document(line, "fuzz.jsonl", 1, d, [&](const ekg::Diagnostic& g) {
        errors += g.severity == ekg::Severity::error;
    });
    if (ok == (errors != 0)) __builtin_trap();
    if (ok && d.id.empty()) __builtin_trap();
    nlohmann::json direct;
    if (ekg::extract::read_json_record(line, direct)) {
        const nlohmann::json parsed = nlohmann::json::parse(line, nullptr, false);
        if (parsed.is_discarded() || parsed != direct) __builtin_trap();
    }
    ekg::extract::JsonCursor cursor(line);
    std::string key, value;
    if (cursor.enter('{'))
        while (cursor.next_key(key))
            if (!(cursor.peek() == '"' ? cursor.string(value) : cursor.skip())) break;
    // The rebuild's reader of stored extractions takes any line too: a document or MalformedJson.
    try {
        ekg::extract::document_from_json(line, ekg::Document{});
    } catch (const ekg::extract::MalformedJson&) {
    }
    return 0;
}
