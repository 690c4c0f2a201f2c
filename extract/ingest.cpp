#include "ingest.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <istream>

#include "hash.h"
#include "html.h"
#include "input_limits.h"
#include "json_read.h"
#include "text.h"

namespace ekg::extract {
namespace fs = std::filesystem;

namespace {

enum class Format { text, jsonl, html, unknown };

Format format_of(const fs::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".txt" || ext == ".text") return Format::text;
    if (ext == ".jsonl" || ext == ".ndjson") return Format::jsonl;
    if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return Format::html;
    return Format::unknown;
}

Diagnostic make(Severity severity, const std::string& file, std::int64_t line, std::string code,
                std::string message) {
    return Diagnostic{severity, file, line, std::move(code), std::move(message)};
}

/// A file whose first 8 KiB hold more than 5% NUL or control bytes is not text (random or
/// compressed bytes hold 11%, UTF-16 text 50%); a few stray NULs in text are repaired instead.
bool looks_binary(std::string_view bytes) {
    const std::string_view head = bytes.substr(0, 8192);
    std::size_t control = 0;
    for (unsigned char c : head)
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
    return !head.empty() && control * 20 > head.size();
}

std::string json_scalar(const nlohmann::json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
    if (v.is_number()) return v.dump();
    return {};
}

std::string too_large(std::uint64_t size, bool exact) {
    return (exact ? "" : "more than ") + std::to_string(size) + " bytes, over the limit of " +
           std::to_string(limits().max_document_bytes) +
           " bytes for one document (EKG_MAX_DOCUMENT_BYTES); skipped";
}

/// Reads one line (without its '\n') into `line`, keeping at most `max` + 1 bytes of it; the
/// rest of a longer line is read and dropped, so memory stays bounded. `length` is the whole
/// line's length. Returns false at the end of the input when no byte was read.
bool read_line(std::istream& in, std::string& line, std::size_t max, std::uint64_t& length) {
    line.clear();
    length = 0;
    bool any = false;
    static thread_local char chunk[1 << 16];
    for (;;) {
        in.getline(chunk, sizeof chunk);
        const auto got = static_cast<std::size_t>(in.gcount());
        const bool full = in.fail() && !in.eof() && got == sizeof chunk - 1;
        const std::size_t stored = full || in.eof() ? got : got - 1;  // gcount counts the '\n'
        any = any || got > 0;
        length += stored;
        if (line.size() <= max) line.append(chunk, std::min(stored, max + 1 - line.size()));
        if (full) {
            in.clear();
            continue;
        }
        if (in.eof()) in.clear(std::ios::eofbit);  // a last line without '\n' is still a line
        return any;
    }
}

void read_jsonl_stream(std::istream& in, const std::string& path, IngestStats& stats,
                       const DocumentHandler& on_document, const DiagnosticHandler& on_diagnostic,
                       std::string first = {}) {
    const std::size_t max = limits().max_document_bytes;
    std::string line;
    std::uint64_t length = 0;
    std::int64_t number = 0;
    // Blank lines before the first record still count.
    if (const std::size_t nl = first.rfind('\n'); nl != std::string::npos) {
        number = static_cast<std::int64_t>(std::count(first.begin(), first.end(), '\n'));
        stats.bytes += nl + 1;
        first.erase(0, nl + 1);
    }
    while (read_line(in, line, max, length)) {
        ++number;
        if (!first.empty()) {  // stdin: the bytes read to choose the format begin line 1
            length += first.size();
            if (first.size() <= max) line = (first + line).substr(0, max + 1);
            first.clear();
        }
        stats.bytes += length + 1;
        if (length > max) {
            ++stats.rejected;
            on_diagnostic(make(Severity::error, path, number, "too-large", "line of " + too_large(length, true)));
            continue;
        }
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        Document doc;
        if (!jsonl_document(line, path, number, doc, on_diagnostic)) {
            ++stats.rejected;
            continue;
        }
        ++stats.documents;
        on_document(std::move(doc));
    }
    if (in.bad()) {
        ++stats.rejected;
        on_diagnostic(make(Severity::error, path, number, "read-failed", "read error"));
    }
}

/// Appends the rest of `in` to `bytes`, reading at most `max` + 1 bytes in all; returns false
/// when the input is longer than `max` (the rest is left unread).
bool read_bounded(std::istream& in, std::string& bytes, std::size_t max) {
    char chunk[1 << 16];
    while (bytes.size() <= max) {
        in.read(chunk, static_cast<std::streamsize>(std::min(sizeof chunk, max + 1 - bytes.size())));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (got == 0) break;
        bytes.append(chunk, got);
    }
    return bytes.size() <= max;
}

void read_text_bytes(std::string bytes, const std::string& path, IngestStats& stats,
                     const DocumentHandler& on_document, const DiagnosticHandler& on_diagnostic,
                     bool html = false) {
    stats.bytes += bytes.size();
    if (looks_binary(bytes)) {
        ++stats.rejected;
        on_diagnostic(make(Severity::error, path, 0, "binary-file",
                           "binary file (NUL or control bytes), not text; skipped"));
        return;
    }
    if (bytes.find_first_not_of(" \t\r\n") == std::string::npos) {
        ++stats.rejected;
        on_diagnostic(make(Severity::error, path, 0, "empty-input", "empty file; skipped"));
        return;
    }
    Document doc = html ? html_document(std::move(bytes), path, on_diagnostic)
                        : text_document(std::move(bytes), path, on_diagnostic);
    if (html && doc.text.find_first_not_of(" \t\r\n") == std::string::npos) {
        ++stats.rejected;
        on_diagnostic(
            make(Severity::error, path, 0, "empty-input", "no text in the HTML page; skipped"));
        return;
    }
    ++stats.documents;
    on_document(std::move(doc));
}

void read_file(const fs::path& path, Format format, IngestStats& stats,
               const DocumentHandler& on_document, const DiagnosticHandler& on_diagnostic) {
    const std::string name = path.string();
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        ++stats.rejected;
        on_diagnostic(make(Severity::error, name, 0, "unreadable", "cannot open file for reading"));
        return;
    }
    ++stats.files;
    if (format == Format::jsonl) {
        read_jsonl_stream(in, name, stats, on_document, on_diagnostic);
        return;
    }
    // Check the size before reading: a huge file is rejected without filling memory.
    const std::size_t max = limits().max_document_bytes;
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(path, ec);
    std::string bytes;
    if ((!ec && size > max) || !read_bounded(in, bytes, max)) {
        ++stats.rejected;
        stats.bytes += ec ? bytes.size() : size;
        on_diagnostic(make(Severity::error, name, 0, "too-large",
                           "file of " + too_large(ec ? max : size, !ec)));
        return;
    }
    if (in.bad()) {
        ++stats.rejected;
        on_diagnostic(make(Severity::error, name, 0, "read-failed", "read error"));
        return;
    }
    // A file named without a known extension is HTML when it looks like a page.
    const bool html =
        format == Format::html || (format == Format::unknown && looks_like_html(bytes));
    read_text_bytes(std::move(bytes), name, stats, on_document, on_diagnostic, html);
}

void read_directory(const fs::path& dir, IngestStats& stats, const DocumentHandler& on_document,
                    const DiagnosticHandler& on_diagnostic) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec),
         end;
         !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && format_of(it->path()) != Format::unknown)
            files.push_back(it->path());
    }
    if (ec) {
        ++stats.rejected;
        on_diagnostic(make(Severity::error, dir.string(), 0, "unreadable",
                           "cannot list directory: " + ec.message()));
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) {
        ++stats.rejected;
        on_diagnostic(make(Severity::error, dir.string(), 0, "no-inputs",
                           "directory holds no .txt, .html or .jsonl inputs"));
    }
    for (const fs::path& f : files) read_file(f, format_of(f), stats, on_document, on_diagnostic);
}

}  // namespace

void finish_document(Document& doc) {
    doc.content_hash = content_hash(doc.text);
    if (doc.id.empty()) doc.id.append("d").append(doc.content_hash, 0, 16);  // (GCC 12 warns on "d" + string&&)
}

Document text_document(std::string bytes, const std::string& path,
                       const DiagnosticHandler& on_diagnostic) {
    Document doc;
    doc.path = path;
    RepairReport report;
    doc.text = repair_utf8(bytes, report);
    if (report.invalid_sequences > 0)
        on_diagnostic(make(Severity::warning, path, 0, "invalid-utf8",
                           std::to_string(report.invalid_sequences) +
                               " invalid UTF-8 sequence(s) replaced by U+FFFD"));
    if (report.nul_bytes > 0)
        on_diagnostic(make(Severity::warning, path, 0, "nul-bytes",
                           std::to_string(report.nul_bytes) + " NUL byte(s) replaced by U+FFFD"));
    // A first line followed by a blank line is the title.
    const std::size_t first_end = doc.text.find('\n');
    if (first_end != std::string::npos && first_end > 0) {
        std::size_t j = first_end + 1;
        while (j < doc.text.size() && (doc.text[j] == ' ' || doc.text[j] == '\t' || doc.text[j] == '\r'))
            ++j;
        if (j < doc.text.size() && doc.text[j] == '\n') {
            std::string title = doc.text.substr(0, first_end);
            while (!title.empty() && (title.back() == '\r' || title.back() == ' ')) title.pop_back();
            if (title.size() <= 300) doc.title = title;
        }
    }
    finish_document(doc);
    return doc;
}

bool read_json_record(std::string_view line, nlohmann::json& record) {
    return parse_json_fast(line, record) && record.is_object();
}

bool jsonl_document(std::string_view line, const std::string& path, std::int64_t line_number,
                    Document& out, const DiagnosticHandler& on_diagnostic) {
    const auto reject = [&](std::string code, std::string message) {
        on_diagnostic(make(Severity::error, path, line_number, std::move(code), std::move(message)));
        return false;
    };
    nlohmann::json record;
    if (!read_json_record(line, record))
        record = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (record.is_discarded()) return reject("malformed-json", "not a valid JSON object; line skipped");
    if (!record.is_object()) return reject("malformed-json", "a JSON Lines record must be an object");
    const auto text = record.find("text");
    if (text == record.end()) return reject("missing-text", "record has no \"text\" field");
    if (!text->is_string()) return reject("wrong-type", "\"text\" must be a string");
    Document doc;
    doc.path = path;
    doc.line = line_number;
    RepairReport report;
    doc.text = repair_utf8(text->get_ref<const std::string&>(), report);
    if (report.nul_bytes > 0)
        on_diagnostic(make(Severity::warning, path, line_number, "nul-bytes",
                           std::to_string(report.nul_bytes) + " NUL character(s) replaced by U+FFFD"));
    if (doc.text.find_first_not_of(" \t\r\n") == std::string::npos)
        return reject("empty-input", "\"text\" is empty");
    for (auto it = record.begin(); it != record.end(); ++it) {
        const std::string& key = it.key();
        if (key == "text") continue;
        std::string* field = key == "id"       ? &doc.id
                             : key == "title"  ? &doc.title
                             : key == "date"   ? &doc.date
                             : key == "url"    ? &doc.url
                             : key == "source" ? &doc.source
                                               : nullptr;
        if (field == nullptr) {
            doc.meta[key] = *it;
            continue;
        }
        if (it->is_null()) continue;
        if (!it->is_string() && !it->is_number())
            return reject("wrong-type", "\"" + key + "\" must be a string");
        *field = json_scalar(*it);
    }
    finish_document(doc);
    out = std::move(doc);
    return true;
}

IngestStats read_inputs(const std::vector<std::string>& inputs, const DocumentHandler& on_document,
                        const DiagnosticHandler& on_diagnostic) {
    IngestStats stats;
    for (const std::string& input : inputs) {
        if (input == "-") {
            ++stats.files;
            // Skip leading blanks only to choose the format; the text keeps them.
            std::string head;
            int c;
            while ((c = std::cin.get()) != EOF) {
                head += static_cast<char>(c);
                if (c != ' ' && c != '\t' && c != '\r' && c != '\n') break;
            }
            if (!head.empty() && head.back() == '{') {
                read_jsonl_stream(std::cin, "-", stats, on_document, on_diagnostic, head);
            } else {
                std::string bytes = head;
                if (!read_bounded(std::cin, bytes, limits().max_document_bytes)) {
                    ++stats.rejected;
                    stats.bytes += bytes.size();
                    on_diagnostic(make(Severity::error, "-", 0, "too-large", "input of " + too_large(limits().max_document_bytes, false)));
                    continue;
                }
                const bool html = looks_like_html(bytes);
                read_text_bytes(std::move(bytes), "-", stats, on_document, on_diagnostic, html);
            }
            continue;
        }
        const fs::path path(input);
        std::error_code ec;
        const fs::file_status status = fs::status(path, ec);
        if (ec || !fs::exists(status)) {
            ++stats.rejected;
            on_diagnostic(make(Severity::error, input, 0, "missing", "no such file or directory"));
            continue;
        }
        if (fs::is_directory(status)) {
            read_directory(path, stats, on_document, on_diagnostic);
            continue;
        }
        // Named explicitly, an unknown extension is read as text (or HTML when it looks so).
        read_file(path, format_of(path), stats, on_document, on_diagnostic);
    }
    return stats;
}

}  // namespace ekg::extract
