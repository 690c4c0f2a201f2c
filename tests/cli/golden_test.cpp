#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include "support.h"

using namespace ekg;
namespace fs = std::filesystem;

// Golden files: samples/<case>.txt beside samples/<case>.expected.json, the reviewed output of
// `ekg extract samples/<case>.txt --format json --explain`. After a reviewed change, update them:
//   EKG_UPDATE_GOLDEN=1 build/tests/ekg_tests "[golden]"
// and read the diff (git diff samples/) before committing.

namespace {

/// The extract output without the parts that depend on where the sample lies.
nlohmann::json normalised(const std::string& out) {
    nlohmann::json j = nlohmann::json::parse(out);
    for (auto& d : j.at("documents")) d.erase("path");
    return j;
}

}  // namespace

TEST_CASE("every sample with a golden file extracts exactly as reviewed", "[cli][golden]") {
    const bool update = std::getenv("EKG_UPDATE_GOLDEN") != nullptr;
    int compared = 0;
    for (const auto& entry : fs::directory_iterator(test::source_dir() / "samples")) {
        const fs::path golden = entry.path();
        const std::string name = golden.filename().string();
        const std::string suffix = ".expected.json";
        if (name.size() <= suffix.size() || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
            continue;
        const fs::path input = golden.parent_path() / (name.substr(0, name.size() - suffix.size()) + ".txt");
        REQUIRE(fs::exists(input));
        const auto r = test::run_ekg("extract '" + input.string() + "' --format json --explain");
        REQUIRE(r.exit_code == 0);
        const nlohmann::json actual = normalised(r.out);
        if (update) {
            std::ofstream(golden) << actual.dump(2) << "\n";
            continue;
        }
        INFO("golden file " << name << " differs; review, then update with EKG_UPDATE_GOLDEN=1");
        const nlohmann::json expected = nlohmann::json::parse(test::read_file(golden));
        CHECK(nlohmann::json::diff(expected, actual).dump(2) == "[]");
        ++compared;
    }
    if (!update) CHECK(compared >= 1);
}
