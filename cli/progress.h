// A progress line on stderr for long runs: documents, MB, docs/s, ETA.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace ekg::cli {

/// Shows progress on stderr when it is a terminal and `enabled`; silent otherwise.
class Progress {
public:
    /// `total_bytes` is the size of the inputs (0 when unknown, e.g. stdin).
    Progress(bool enabled, std::uint64_t total_bytes);
    /// A phase counted in documents only (no bytes), e.g. the graph rebuild: "<label>: 1200 of
    /// 5000 docs (24%) | 800 docs/s | ETA 5s".
    Progress(bool enabled, std::string label, std::uint64_t total_documents);
    ~Progress();
    /// Records one more document of `bytes` bytes; redraws at most five times a second.
    void step(std::uint64_t bytes);
    /// Clears the line.
    void finish();

private:
    void draw();
    bool enabled_;
    std::string label_;        ///< set for a phase counted in documents
    std::uint64_t total_;      ///< bytes, or documents when label_ is set
    std::uint64_t bytes_ = 0;
    std::uint64_t documents_ = 0;
    std::chrono::steady_clock::time_point start_, last_;
    bool drawn_ = false;
};

/// Sum of the sizes of the inputs (files, and files under directories); 0 for stdin.
std::uint64_t input_bytes(const std::vector<std::string>& inputs);

}  // namespace ekg::cli
