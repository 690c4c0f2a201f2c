#include "resources.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <filesystem>

#include "error.h"

#ifndef EKG_SOURCE_DATA_DIR
#define EKG_SOURCE_DATA_DIR ""
#endif

namespace ekg::extract {
namespace fs = std::filesystem;

std::string find_data_dir() {
    std::vector<fs::path> candidates;
    if (const char* env = std::getenv("EKG_DATA_DIR"); env != nullptr && *env != '\0')
        candidates.emplace_back(env);
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path dir = exe.parent_path();
        candidates.push_back(dir / "data");
        candidates.push_back(dir.parent_path() / "data");
        candidates.push_back(dir.parent_path() / "share" / "ekg" / "data");
    }
    candidates.emplace_back(EKG_SOURCE_DATA_DIR);
    for (const fs::path& c : candidates)
        if (!c.empty() && fs::exists(c / "countries.tsv", ec)) return c.string();
    throw Error(ExitCode::data,
                "ekg data directory not found (looked for countries.tsv beside the executable and "
                "in the source tree); set EKG_DATA_DIR");
}

Resources load_resources(const std::string& data_dir) {
    Resources r;
    r.data_dir = data_dir;
    load_countries(r.names, data_dir);
    load_places(r.names, r.places, data_dir);
    load_lexicons(r.names, r.lexicon, data_dir);
    load_event_lexicon(r.events, data_dir);
    r.people = load_people_lexicon(data_dir);
    r.boilerplate = load_boilerplate(data_dir);
    r.claims = load_claim_lexicon(data_dir);
    r.common_words = load_common_words(data_dir);
    return r;
}

FingerprintSet load_common_words(const std::string& data_dir) {
    const std::string path = data_dir + "/common_words.tsv";
    FingerprintSet words;
    for (const DataRow& row : read_tsv(path)) {
        const std::string& word = row.fields.front();
        if (row.fields.size() != 1 ||
            !std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
            throw Error(ExitCode::data,
                        path + ":" + std::to_string(row.line) + ": expected one lower-case word");
        words.insert(FingerprintSet::of(word));
    }
    return words;
}

}  // namespace ekg::extract
