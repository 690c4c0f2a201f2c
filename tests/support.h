// Helpers shared by the tests: paths, shared resources, running the ekg binary.
#pragma once

#include <filesystem>
#include <string>

#include "model.h"
#include "resources.h"

namespace ekg::test {

/// The source tree (samples/, data/).
std::filesystem::path source_dir();

/// Resources loaded once from data/ for every test.
const extract::Resources& resources();

/// Extracts a document made of `text` (and optional date).
Extraction extract_text(const std::string& text, const std::string& date = {});

/// Reads a whole file.
std::string read_file(const std::filesystem::path& path);

/// A fresh empty directory under the system temp dir, removed when the object dies.
struct TempDir {
    TempDir();
    ~TempDir();
    std::filesystem::path path;
};

/// Result of running the ekg binary.
struct RunResult {
    int exit_code = -1;
    std::string out;  ///< stdout
    std::string err;  ///< stderr
};

/// Runs `ekg <args>` through the shell (args are passed as written), with optional stdin.
RunResult run_ekg(const std::string& args, const std::string& stdin_text = {});

}  // namespace ekg::test
