// Fuzzes the whole extraction of one document: every span indexes the text and the JSON
// output is valid.
#include <cstdint>
#include <string>

#include "ingest.h"
#include "json_output.h"
#include "pipeline.h"
#include "resources.h"

namespace {
const ekg::extract::Resources& resources() {
    static const ekg::extract::Resources r =
        ekg::extract::load_resources(std::string(EKG_SOURCE_DIR) + "/data");
    return r;
}
void check(const ekg::Span& s, std::size_t size) {
    if (s.begin > s.end || s.end > size) __builtin_trap();
}
}  // namespace

// Loads the lexicons before fuzzing starts: under a loaded machine the first input would
// otherwise pass libFuzzer's per-input timeout while loading them (a false timeout).
extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)resources();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ekg::Document d = ekg::extract::text_document(std::string(reinterpret_cast<const char*>(data), size),
                                                  "fuzz.txt", [](const ekg::Diagnostic&) {});
    const std::size_t n = d.text.size();
    const ekg::Extraction x = ekg::extract::extract_document(std::move(d), resources());
    for (const ekg::Actor& a : x.actors)
        for (const ekg::Mention& m : a.mentions) check(m.span, n);
    for (const ekg::Event& e : x.events) check(e.span, n);
    for (const ekg::Claim& c : x.claims) check(c.span, n);
    (void)nlohmann::json::parse(ekg::extract::document_to_json(x, true).dump());
    return 0;
}
