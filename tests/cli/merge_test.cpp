// `ekg merge`: databases built from disjoint shards merge into the database one build over all
// the inputs gives, row by row.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "support.h"

using namespace ekg;

namespace {

/// " 'path'": one shell argument, with the space before it.
std::string quoted(const std::filesystem::path& p) {
    std::string s = " '";
    s += p.string();
    s += '\'';
    return s;
}

/// Short reports of our own, some about the same events as others (in other shards), so the
/// merge has events, actors and conflicting figures to join across shards.
void write_reports(const std::filesystem::path& dir) {
    std::ofstream(dir / "wire-a.jsonl")
        << R"({"id": "wire-a-1", "date": "2021-03-04", "source": "Agency A", "title": "Car bomb in Kabul", "text": "A car bomb exploded near a market in Kabul on Thursday, killing at least 12 people and wounding 30 others, police said. The Taliban denied any involvement in the attack."})"
        << "\n"
        << R"({"id": "wire-a-2", "date": "2021-05-10", "source": "Agency A", "text": "Gunmen attacked a police checkpoint in Mosul on Monday, killing four officers. Islamic State claimed responsibility for the attack in a statement on Telegram."})"
        << "\n";
    std::ofstream(dir / "wire-b.jsonl")
        << R"({"id": "wire-b-1", "date": "2021-03-04", "source": "Agency B", "title": "Kabul blast", "text": "A car bomb killed 15 people in Kabul on Thursday, officials said. Interior ministry spokesman Tariq Arian said the blast wounded 30 people."})"
        << "\n"
        << R"({"id": "wire-b-2", "date": "2021-07-21", "source": "Agency B", "text": "Al-Shabaab fighters stormed a hotel in Mogadishu on Wednesday. At least nine people were killed, a police officer told reporters."})"
        << "\n";
    std::ofstream(dir / "wire-c.jsonl")
        << R"({"id": "wire-c-1", "date": "2021-03-05", "source": "Daily C", "text": "The death toll from Thursday's car bombing in Kabul rose to 17, the interior ministry said on Friday."})"
        << "\n"
        << R"({"id": "wire-c-2", "date": "2021-05-11", "source": "Daily C", "text": "Islamic State said it carried out the attack on a police checkpoint in Mosul on Monday in which four officers died."})"
        << "\n";
}

/// Every row of a table or view as one JSON line each, sorted, so that row order (rowid) does
/// not matter but every value does.
std::string rows(const std::string& db, const std::string& table) {
    const auto r = test::run_ekg("query --db '" + db + "' --format jsonl \"SELECT * FROM " + table + "\"");
    REQUIRE(r.exit_code == 0);
    std::vector<std::string> lines;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    std::sort(lines.begin(), lines.end());
    std::string out;
    for (const std::string& line : lines) out += line + "\n";
    return out;
}

const char* const kTables[] = {"documents",  "sentences",     "mentions",      "nodes",
                               "actors",     "actor_aliases", "actor_roles",   "events",
                               "event_arguments", "merged_events", "claims",   "edges",
                               "event_reports", "event_table", "quotes",       "gtd_events",
                               "acled_events",  "ucdp_events", "plover_events"};

/// Checks two databases hold the same rows in every graph table and view.
void check_same(const std::string& expected_db, const std::string& actual_db) {
    for (const char* table : kTables) {
        INFO("table " << table);
        CHECK(rows(actual_db, table) == rows(expected_db, table));
    }
}

std::string scalar(const std::string& db, const std::string& sql) {
    const auto r = test::run_ekg("query --db '" + db + "' --format csv \"" + sql + "\"");
    REQUIRE(r.exit_code == 0);
    return r.out.substr(r.out.find('\n') + 1);
}

}  // namespace

TEST_CASE("merging three shards equals one build over all their inputs, in any merge order",
          "[cli][merge]") {
    test::TempDir dir;
    write_reports(dir.path);
    const auto samples = test::source_dir() / "samples";
    std::vector<std::filesystem::path> texts;
    for (const auto& entry : std::filesystem::directory_iterator(samples))
        if (entry.path().extension() == ".txt") texts.push_back(entry.path());
    std::sort(texts.begin(), texts.end());
    REQUIRE(texts.size() >= 9);

    // Three shards: the samples dealt round-robin, one file of reports each, and one article
    // present in two shards (a syndicated copy: stored once).
    std::string shard[3];
    for (std::size_t i = 0; i < texts.size(); ++i) shard[i % 3] += quoted(texts[i]);
    shard[0] += quoted(dir.path / "wire-a.jsonl");
    shard[1] += quoted(dir.path / "wire-b.jsonl");
    shard[1] += quoted(texts[0]);
    shard[2] += quoted(dir.path / "wire-c.jsonl");
    std::string all;
    for (const std::string& s : shard) all += s;

    const std::string whole = (dir.path / "all.db").string();
    REQUIRE(test::run_ekg("build" + all + " --db '" + whole + "' -q").exit_code == 0);
    std::string part[3];
    for (int i = 0; i < 3; ++i) {
        part[i] = (dir.path / ("part" + std::to_string(i) + ".db")).string();
        REQUIRE(test::run_ekg("build" + shard[i] + " --db '" + part[i] + "' -q").exit_code == 0);
    }

    // The corpus is worth the test: events reported in different shards merge into one.
    REQUIRE(scalar(whole, "SELECT count(*) FROM documents") == std::to_string(texts.size() + 6) + "\n");
    REQUIRE(scalar(whole, "SELECT count(*) > 0 FROM merged_events WHERE num_documents > 1") == "1\n");
    REQUIRE(scalar(part[0], "SELECT count(*) FROM merged_events WHERE num_documents > 1") !=
            scalar(whole, "SELECT count(*) FROM merged_events WHERE num_documents > 1"));

    const std::string merged = (dir.path / "merged.db").string();
    const auto r = test::run_ekg("merge '" + part[0] + "' '" + part[1] + "' '" + part[2] + "' --db '" +
                                 merged + "'");
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("documents: " + std::to_string(texts.size() + 6) + " (added " +
                     std::to_string(texts.size() + 6) + " from 3 databases, already stored 1)") !=
          std::string::npos);
    check_same(whole, merged);
    // Every stored sentence is in the full-text index (one docsize row each), built or merged.
    for (const std::string& db : {whole, merged})
        CHECK(scalar(db, "SELECT count(*) FROM sentences_fts_docsize") ==
              scalar(db, "SELECT count(*) FROM sentences"));
    CHECK(scalar(merged, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'killed'") ==
          scalar(whole, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'killed'"));
    CHECK(scalar(whole, "SELECT count(*) > 0 FROM sentences_fts WHERE sentences_fts MATCH 'killed'") ==
          "1\n");

    SECTION("another merge order gives the same database") {
        const std::string other = (dir.path / "other.db").string();
        REQUIRE(test::run_ekg("merge '" + part[2] + "' '" + part[0] + "' '" + part[1] + "' --db '" +
                              other + "' -q")
                    .exit_code == 0);
        check_same(whole, other);
    }
    SECTION("merging step by step, into a database that already holds a shard, is the same") {
        const std::string step = (dir.path / "step.db").string();
        REQUIRE(test::run_ekg("build" + shard[1] + " --db '" + step + "' -q").exit_code == 0);
        REQUIRE(test::run_ekg("merge '" + part[2] + "' --db '" + step + "' -q").exit_code == 0);
        REQUIRE(test::run_ekg("merge '" + part[0] + "' '" + part[1] + "' --db '" + step + "' -q")
                    .exit_code == 0);
        check_same(whole, step);
    }
    SECTION("running the merge again adds nothing and changes nothing") {
        const auto again = test::run_ekg("merge '" + part[0] + "' '" + part[1] + "' '" + part[2] +
                                         "' --db '" + merged + "'");
        REQUIRE(again.exit_code == 0);
        CHECK(again.out.find("(added 0 from 3 databases") != std::string::npos);
        check_same(whole, merged);
    }
}

TEST_CASE("merge refuses inputs that are not ekg databases, with one line and exit code 3",
          "[cli][merge]") {
    test::TempDir dir;
    const std::string good = (dir.path / "good.db").string();
    const std::string out = (dir.path / "out.db").string();
    REQUIRE(test::run_ekg("build '" + (test::source_dir() / "samples" / "event-summary.txt").string() +
                          "' --db '" + good + "' -q")
                .exit_code == 0);
    // A refused merge writes nothing, not even the good input named before the bad one.
    const auto nothing_written = [&] {
        return !std::filesystem::exists(out) || scalar(out, "SELECT count(*) FROM documents") == "0\n";
    };

    SECTION("a missing file") {
        const auto r = test::run_ekg("merge '" + good + "' /nonexistent/shard.db --db '" + out + "'");
        CHECK(r.exit_code == 3);
        CHECK(r.err == "ekg: /nonexistent/shard.db: no such file\n");
        CHECK(nothing_written());
    }
    SECTION("a text file") {
        const std::string text = (dir.path / "notes.db").string();
        std::ofstream(text) << "these are notes, not a database\n";
        const auto r = test::run_ekg("merge '" + good + "' '" + text + "' --db '" + out + "'");
        CHECK(r.exit_code == 3);
        CHECK(r.err.rfind("ekg: " + text + ": ", 0) == 0);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK(nothing_written());
    }
    SECTION("an SQLite database of another program") {
        const std::string other = (dir.path / "other.db").string();
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(other.c_str(), &db) == SQLITE_OK);
        sqlite3_exec(db, "CREATE TABLE t(x); PRAGMA user_version = 2;", nullptr, nullptr, nullptr);
        sqlite3_close(db);
        const auto r = test::run_ekg("merge '" + other + "' --db '" + out + "'");
        CHECK(r.exit_code == 3);
        CHECK(r.err == "ekg: " + other + ": not an ekg database (no documents, sentences or mentions table)\n");
        CHECK(nothing_written());
    }
    SECTION("a database of a newer ekg") {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(good.c_str(), &db) == SQLITE_OK);
        sqlite3_exec(db, "PRAGMA user_version = 99;", nullptr, nullptr, nullptr);
        sqlite3_close(db);
        const auto r = test::run_ekg("merge '" + good + "' --db '" + out + "'");
        CHECK(r.exit_code == 3);
        CHECK(r.err.find("is newer than this ekg") != std::string::npos);
        CHECK(nothing_written());
    }
    SECTION("the output database as an input") {
        REQUIRE(test::run_ekg("merge '" + good + "' --db '" + out + "' -q").exit_code == 0);
        const auto r = test::run_ekg("merge '" + out + "' --db '" + out + "'");
        CHECK(r.exit_code == 2);
        CHECK(scalar(out, "SELECT count(*) FROM documents") == "1\n");  // the first merge only
    }
}

TEST_CASE("merge keeps the stored document when a shard has another text under the same id",
          "[cli][merge]") {
    test::TempDir dir;
    std::ofstream(dir.path / "a.jsonl")
        << R"({"id": "same", "text": "Gunmen attacked a police checkpoint in Mosul on Monday, killing four officers."})"
        << "\n";
    std::ofstream(dir.path / "b.jsonl")
        << R"({"id": "same", "text": "A car bomb exploded near a market in Kabul on Thursday, killing 12 people."})"
        << "\n";
    const std::string a = (dir.path / "a.db").string(), b = (dir.path / "b.db").string();
    const std::string out = (dir.path / "out.db").string();
    REQUIRE(test::run_ekg("build '" + (dir.path / "a.jsonl").string() + "' --db '" + a + "' -q").exit_code == 0);
    REQUIRE(test::run_ekg("build '" + (dir.path / "b.jsonl").string() + "' --db '" + b + "' -q").exit_code == 0);
    const auto r = test::run_ekg("merge '" + a + "' '" + b + "' --db '" + out + "'");
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("ekg: " + b + ": warning: 1 documents have the id of a stored document but other "
                     "content; kept the stored one\n") != std::string::npos);
    CHECK(scalar(out, "SELECT count(*) FROM documents") == "1\n");
    CHECK(scalar(out, "SELECT text LIKE '%Mosul%' FROM documents") == "1\n");
}
