#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

#include "ingest.h"
#include "support.h"

using namespace ekg;
using namespace ekg::extract;

namespace {

struct Collected {
    std::vector<Document> documents;
    std::vector<Diagnostic> diagnostics;
    IngestStats stats;
};

Collected read(const std::vector<std::string>& inputs) {
    Collected c;
    c.stats = read_inputs(
        inputs, [&](Document&& d) { c.documents.push_back(std::move(d)); },
        [&](const Diagnostic& d) { c.diagnostics.push_back(d); });
    return c;
}

}  // namespace

TEST_CASE("a text file's first line before a blank line is its title", "[extract][ingest]") {
    test::TempDir dir;
    std::ofstream(dir.path / "a.txt") << "Blast hits market\n\nA bomb exploded on Monday.\n";
    const Collected c = read({(dir.path / "a.txt").string()});
    REQUIRE(c.documents.size() == 1);
    CHECK(c.documents[0].title == "Blast hits market");
    CHECK(c.documents[0].text.rfind("Blast hits market", 0) == 0);  // text keeps the title
    CHECK(c.documents[0].id.size() == 17);
}

TEST_CASE("the same content gets the same id wherever it comes from", "[extract][ingest]") {
    test::TempDir dir;
    std::ofstream(dir.path / "a.txt") << "Same words.";
    std::ofstream(dir.path / "b.txt") << "Same words.";
    const Collected c = read({dir.path.string()});
    REQUIRE(c.documents.size() == 2);
    CHECK(c.documents[0].id == c.documents[1].id);
    CHECK(c.documents[0].content_hash.size() == 32);
}

TEST_CASE("JSON Lines records keep their fields and unknown fields as metadata", "[extract][ingest]") {
    test::TempDir dir;
    std::ofstream(dir.path / "d.jsonl")
        << R"({"id": "a1", "text": "One.", "date": "2016-07-03", "source": "wire", "lang": "en"})" << "\n"
        << "\n"
        << R"({"id": 7, "text": "Two.", "url": "http://example.org/2"})" << "\n";
    const Collected c = read({(dir.path / "d.jsonl").string()});
    REQUIRE(c.documents.size() == 2);
    CHECK(c.documents[0].id == "a1");
    CHECK(c.documents[0].date == "2016-07-03");
    CHECK(c.documents[0].meta.at("lang") == "en");
    CHECK(c.documents[1].id == "7");
    CHECK(c.documents[1].line == 3);
}

TEST_CASE("a JSON Lines record reads as nlohmann parses it, escapes, Unicode and bad syntax alike",
          "[extract][ingest]") {
    // The direct reader must accept, decode and reject exactly what the JSON parser does.
    const std::vector<std::string> lines = {
        R"({"id": "a", "text": "plain words"})",
        R"(  {"text":"tabs\tand\nnew lines, \"quotes\", a \\ and a \/","id":"b"}  )",
        R"({"id": "c", "text": "caf\u00e9 \u4e2d \ud83d\ude00 end", "n": -1.5e3, "ok": true, "x": null})",
        "{\"id\": \"d\", \"text\": \"caf\xC3\xA9 and \xE4\xB8\xAD and \xF0\x9F\x98\x80\"}",
        R"({"id": "e", "text": "nested", "meta": {"a": [1, "two]", {"b": "}"}], "c": {}}, "tags": []})",
        R"({"id": 12, "text": "numeric id", "date": null})",
        R"({"text": "first", "text": "last wins", "id": "f"})",
        R"({"id": "g", "text": "lone \udc00 surrogate"})",
        R"({"id": "h", "text": "high \ud800 alone"})",
        R"({"id": "i", "text": "bad \x escape"})",
        "{\"id\": \"j\", \"text\": \"raw\tcontrol\"}",
        "{\"id\": \"k\", \"text\": \"overlong \xC0\xAF byte\"}",
        "{\"id\": \"l\", \"text\": \"surrogate \xED\xA0\x80 bytes\"}",
        R"({"id": "m", "text": "unterminated)",
        R"({"id": "n", "text": "trailing"} x)",
        R"({"id": "o", "text": "comma",})",
        R"({"id": "p", "text": "number", "v": 1x})",
        R"({"id": "q", "text": "nested bad", "v": [1, }]})",
        R"(["not", "an object"])",
        R"({"id": "r" "text": "missing colon"})",
        R"({"id": "s", "text": "\u0041\u00DF\u20AC"})",
    };
    test::TempDir dir;
    {
        std::ofstream out(dir.path / "d.jsonl", std::ios::binary);
        for (const std::string& line : lines) out << line << "\n";
    }
    const Collected c = read({(dir.path / "d.jsonl").string()});
    std::size_t read_docs = 0;
    for (std::size_t k = 0; k < lines.size(); ++k) {
        INFO("line " << k + 1 << ": " << lines[k]);
        const nlohmann::json expected = nlohmann::json::parse(lines[k], nullptr, false);
        const bool valid = !expected.is_discarded() && expected.is_object() &&
                           expected.contains("text") && expected.at("text").is_string();
        const auto doc = std::find_if(c.documents.begin(), c.documents.end(), [&](const Document& d) {
            return d.line == static_cast<std::int64_t>(k + 1);
        });
        CHECK((doc != c.documents.end()) == valid);
        nlohmann::json direct;
        const bool read_directly = read_json_record(lines[k], direct);
        CHECK(read_directly == (!expected.is_discarded() && expected.is_object()));
        if (read_directly) CHECK(direct == expected);
        if (!valid || doc == c.documents.end()) continue;
        ++read_docs;
        CHECK(doc->text == expected.at("text").get<std::string>());
        if (expected.at("id").is_string()) CHECK(doc->id == expected.at("id").get<std::string>());
        for (const auto& [key, value] : expected.items())
            if (key != "text" && key != "id" && key != "date") CHECK(doc->meta.at(key) == value);
    }
    CHECK(read_docs == 8);  // a to f and s: escapes, Unicode, nested metadata, a numeric id
    CHECK(c.documents.size() == read_docs);
}

TEST_CASE("a bad JSON Lines record is rejected with its line while the others are read",
          "[extract][ingest]") {
    test::TempDir dir;
    std::ofstream(dir.path / "d.jsonl") << R"({"id": "ok1", "text": "Fine."})" << "\n"
                                        << R"({"id": "bad", "text": 42})" << "\n"
                                        << "{not json\n"
                                        << R"({"id": "ok2", "text": "Also fine."})" << "\n";
    const Collected c = read({(dir.path / "d.jsonl").string()});
    CHECK(c.documents.size() == 2);
    CHECK(c.stats.rejected == 2);
    REQUIRE(c.diagnostics.size() == 2);
    CHECK(c.diagnostics[0].line == 2);
    CHECK(c.diagnostics[0].code == "wrong-type");
    CHECK(c.diagnostics[1].line == 3);
    CHECK(format_diagnostic(c.diagnostics[1]).find("d.jsonl:3: error:") != std::string::npos);
}

TEST_CASE("a missing file, an empty file and a binary file are rejected and named",
          "[extract][ingest]") {
    test::TempDir dir;
    std::ofstream(dir.path / "empty.txt") << "";
    std::ofstream(dir.path / "bin.txt", std::ios::binary) << std::string("\x7f" "ELF\0\0\0", 7);
    std::ofstream(dir.path / "good.txt") << "Good text.";
    const Collected c = read({(dir.path / "nope.txt").string(), (dir.path / "empty.txt").string(),
                              (dir.path / "bin.txt").string(), (dir.path / "good.txt").string()});
    CHECK(c.documents.size() == 1);
    CHECK(c.stats.rejected == 3);
    REQUIRE(c.diagnostics.size() == 3);
    CHECK(c.diagnostics[0].code == "missing");
    CHECK(c.diagnostics[0].file.find("nope.txt") != std::string::npos);
    CHECK(c.diagnostics[1].code == "empty-input");
    CHECK(c.diagnostics[2].code == "binary-file");
}

TEST_CASE("a directory is walked recursively in sorted order", "[extract][ingest]") {
    test::TempDir dir;
    std::filesystem::create_directories(dir.path / "sub");
    std::ofstream(dir.path / "b.txt") << "B.";
    std::ofstream(dir.path / "sub" / "a.txt") << "A.";
    std::ofstream(dir.path / "a.txt") << "Top A.";
    std::ofstream(dir.path / "notes.md") << "skipped";
    const Collected c = read({dir.path.string()});
    REQUIRE(c.documents.size() == 3);
    CHECK(c.documents[0].text == "Top A.");
    CHECK(c.documents[1].text == "B.");
    CHECK(c.documents[2].text == "A.");
}

TEST_CASE("invalid UTF-8 in a text file is repaired with a warning", "[extract][ingest]") {
    test::TempDir dir;
    std::ofstream(dir.path / "x.txt", std::ios::binary) << "Caf\xE9 bombing in Lyon.";
    const Collected c = read({(dir.path / "x.txt").string()});
    REQUIRE(c.documents.size() == 1);
    CHECK(c.documents[0].text == "Caf\xEF\xBF\xBD bombing in Lyon.");
    REQUIRE(c.diagnostics.size() == 1);
    CHECK(c.diagnostics[0].code == "invalid-utf8");
    CHECK(c.diagnostics[0].severity == Severity::warning);
}
