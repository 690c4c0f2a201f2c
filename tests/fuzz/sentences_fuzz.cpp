// Fuzzes the sentence splitter: spans are ordered, disjoint and inside the text.
#include <cstdint>
#include <string>

#include "sentences.h"
#include "text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ekg::extract::RepairReport report;
    const std::string text =
        ekg::extract::repair_utf8(std::string_view(reinterpret_cast<const char*>(data), size), report);
    std::uint32_t last = 0;
    for (const ekg::Sentence& s : ekg::extract::split_sentences(text)) {
        if (s.span.begin < last || s.span.end <= s.span.begin || s.span.end > text.size()) __builtin_trap();
        last = s.span.end;
    }
    return 0;
}
