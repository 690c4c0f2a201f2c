#include "support.h"

#include <sys/wait.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include "ingest.h"
#include "pipeline.h"

namespace ekg::test {
namespace fs = std::filesystem;

fs::path source_dir() { return EKG_SOURCE_DIR; }

const extract::Resources& resources() {
    static const extract::Resources r = extract::load_resources((source_dir() / "data").string());
    return r;
}

Extraction extract_text(const std::string& text, const std::string& date) {
    Document d;
    d.text = text;
    d.date = date;
    d.path = "<test>";
    extract::finish_document(d);
    return extract::extract_document(std::move(d), resources());
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

TempDir::TempDir() {
    static std::atomic<int> counter{0};
    std::random_device rd;
    path = fs::temp_directory_path() /
           ("ekg-test-" + std::to_string(rd()) + "-" + std::to_string(counter++));
    fs::create_directories(path);
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
}

RunResult run_ekg(const std::string& args, const std::string& stdin_text) {
    TempDir tmp;
    const fs::path in = tmp.path / "stdin", out = tmp.path / "stdout", err = tmp.path / "stderr";
    std::ofstream(in, std::ios::binary) << stdin_text;
    const std::string command = std::string("'") + EKG_BINARY + "' " + args + " <'" + in.string() +
                                "' >'" + out.string() + "' 2>'" + err.string() + "'";
    const int status = std::system(command.c_str());
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_file(out);
    r.err = read_file(err);
    return r;
}

}  // namespace ekg::test
