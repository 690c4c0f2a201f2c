// Fuzzes the HTML reader: any bytes become a document whose text is valid UTF-8, and the
// page's text, title and metadata are taken without crashing on broken markup.
#include <cstdint>
#include <string>

#include "html.h"
#include "text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    const ekg::Document d = ekg::extract::html_document(bytes, "fuzz.html", [](const ekg::Diagnostic&) {});
    ekg::extract::RepairReport report;
    if (ekg::extract::repair_utf8(d.text, report) != d.text || report.invalid_sequences != 0) __builtin_trap();
    if (!d.title.empty() && !d.text.empty() && d.text.compare(0, d.title.size(), d.title) != 0) __builtin_trap();
    if (d.id.empty()) __builtin_trap();
    return 0;
}
