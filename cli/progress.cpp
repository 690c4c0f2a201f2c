#include "progress.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <utility>

namespace ekg::cli {

Progress::Progress(bool enabled, std::uint64_t total_bytes)
    : enabled_(enabled && isatty(STDERR_FILENO) == 1),
      total_(total_bytes),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

Progress::Progress(bool enabled, std::string label, std::uint64_t total_documents)
    : Progress(enabled, total_documents) {
    label_ = std::move(label);
}

Progress::~Progress() { finish(); }

void Progress::step(std::uint64_t bytes) {
    if (documents_ == 0 && !label_.empty()) start_ = last_ = std::chrono::steady_clock::now();
    bytes_ += bytes;
    ++documents_;
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    draw();
}

void Progress::draw() {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const double mb = static_cast<double>(bytes_) / 1e6;
    const double rate = seconds > 0 ? static_cast<double>(documents_) / seconds : 0;
    char line[160];
    if (!label_.empty()) {
        const double fraction =
            total_ > 0 ? static_cast<double>(documents_) / static_cast<double>(total_) : 0.0;
        const double eta = fraction > 0 ? seconds / fraction - seconds : 0.0;
        std::snprintf(line, sizeof line, "\r%s: %llu of %llu docs (%.0f%%) | %.0f docs/s | ETA %.0fs   ",
                      label_.c_str(), static_cast<unsigned long long>(documents_),
                      static_cast<unsigned long long>(total_), fraction * 100, rate, eta);
    } else if (total_ > 0 && bytes_ > 0 && bytes_ <= total_) {
        const double fraction = static_cast<double>(bytes_) / static_cast<double>(total_);
        const double eta = seconds / fraction - seconds;
        std::snprintf(line, sizeof line, "\r%llu docs | %.1f MB (%.0f%%) | %.0f docs/s | %.1f MB/s | ETA %.0fs   ",
                      static_cast<unsigned long long>(documents_), mb, fraction * 100, rate,
                      seconds > 0 ? mb / seconds : 0, eta);
    } else {
        std::snprintf(line, sizeof line, "\r%llu docs | %.1f MB | %.0f docs/s | %.1f MB/s   ",
                      static_cast<unsigned long long>(documents_), mb, rate, seconds > 0 ? mb / seconds : 0);
    }
    std::fputs(line, stderr);
    std::fflush(stderr);
    drawn_ = true;
}

void Progress::finish() {
    if (drawn_) {
        std::fputs("\r\033[K", stderr);
        std::fflush(stderr);
        drawn_ = false;
    }
}

std::uint64_t input_bytes(const std::vector<std::string>& inputs) {
    namespace fs = std::filesystem;
    std::uint64_t total = 0;
    std::error_code ec;
    for (const std::string& input : inputs) {
        if (input == "-") continue;
        if (fs::is_directory(input, ec)) {
            for (fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec), end;
                 !ec && it != end; it.increment(ec))
                if (it->is_regular_file(ec)) total += it->file_size(ec);
        } else if (fs::is_regular_file(input, ec)) {
            total += fs::file_size(input, ec);
        }
    }
    return total;
}

}  // namespace ekg::cli
