// Fuzzes the plain-text reader: any bytes become a document whose text is valid UTF-8.
#include <cstdint>
#include <string>

#include "ingest.h"
#include "text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    const ekg::Document d = ekg::extract::text_document(bytes, "fuzz.txt", [](const ekg::Diagnostic&) {});
    ekg::extract::RepairReport report;
    if (ekg::extract::repair_utf8(d.text, report) != d.text || report.invalid_sequences != 0) __builtin_trap();
    const ekg::extract::FoldedText f = ekg::extract::fold(d.text);
    for (const ekg::extract::Token& t : ekg::extract::tokenize(f))
        if (t.span.end > d.text.size() || t.span.begin >= t.span.end) __builtin_trap();
    return 0;
}
