#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "support.h"

using namespace ekg;

namespace {

/// Writes a JSON Lines corpus of `n` distinct short articles of our own.
void write_corpus(const std::filesystem::path& path, int n) {
    static const char* const kPlaces[] = {"Iraq", "Syria", "Turkey", "Yemen", "Nigeria", "Somalia", "Kenya", "Mali"};
    std::ofstream out(path);
    for (int i = 0; i < n; ++i) {
        out << R"({"id": "doc-)" << i << R"(", "date": "2020-01-)" << (1 + i % 28) << R"(", "text": ")"
            << "Report " << i << ": clashes were reported in " << kPlaces[i % 8] << " and "
            << kPlaces[(i * 3 + 1) % 8] << ". Officials in " << kPlaces[(i + 5) % 8]
            << " said talks would resume. Item " << i * 7919 << " closes the report.\"}\n";
    }
}

/// Everything a build stores that a user can see, as one string.
std::string dump(const std::string& db) {
    std::string out;
    for (const char* sql : {"SELECT id, content_hash FROM documents ORDER BY id",
                            "SELECT count(*) FROM sentences", "SELECT count(*) FROM mentions",
                            "SELECT * FROM nodes ORDER BY id", "SELECT * FROM actors ORDER BY id",
                            "SELECT source, target, relation, document_id, start, end, weight FROM edges "
                            "ORDER BY source, target, relation, document_id, start"})
        out += test::run_ekg("query --db '" + db + "' --format csv \"" + std::string(sql) + "\"").out;
    return out;
}

/// Starts `ekg build` and kills it with SIGKILL after `delay`.
void build_and_kill(const std::string& corpus, const std::string& db, std::chrono::milliseconds delay) {
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        const int devnull = open("/dev/null", O_WRONLY);
        dup2(devnull, 1);
        dup2(devnull, 2);
        execl(EKG_BINARY, EKG_BINARY, "build", corpus.c_str(), "--db", db.c_str(), "--batch", "50",
              "-j", "1", "-q", static_cast<char*>(nullptr));
        _exit(127);
    }
    std::this_thread::sleep_for(delay);
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
}

}  // namespace

TEST_CASE("a build killed with SIGKILL leaves a sound database and resuming equals a clean build",
          "[cli][robustness]") {
    test::TempDir dir;
    const std::string corpus = (dir.path / "corpus.jsonl").string();
    write_corpus(corpus, 3000);
    const std::string clean = (dir.path / "clean.db").string();
    REQUIRE(test::run_ekg("build '" + corpus + "' --db '" + clean + "' -q").exit_code == 0);
    const std::string expected = dump(clean);
    REQUIRE(expected.find("doc-2999") != std::string::npos);

    for (int delay : {30, 120, 400}) {
        const std::string db = (dir.path / ("killed-" + std::to_string(delay) + ".db")).string();
        build_and_kill(corpus, db, std::chrono::milliseconds(delay));
        if (std::filesystem::exists(db)) {
            const auto check = test::run_ekg("query --db '" + db + "' --format csv \"PRAGMA integrity_check\"");
            // A kill before the schema was committed leaves a file that is not yet an ekg database.
            if (check.exit_code == 0) CHECK(check.out == "integrity_check\nok\n");
            // Only whole documents: every stored document has its sentences.
            const auto partial = test::run_ekg(
                "query --db '" + db + "' --format csv \"SELECT count(*) FROM documents d WHERE NOT EXISTS "
                "(SELECT 1 FROM sentences s WHERE s.document_id = d.id)\"");
            if (partial.exit_code == 0) CHECK(partial.out == "count(*)\n0\n");
        }
        REQUIRE(test::run_ekg("build '" + corpus + "' --db '" + db + "' -q").exit_code == 0);
        CHECK(dump(db) == expected);
    }
}

TEST_CASE("re-running a finished build adds nothing and changes nothing", "[cli][robustness]") {
    test::TempDir dir;
    const std::string corpus = (dir.path / "corpus.jsonl").string();
    write_corpus(corpus, 40);
    const std::string db = (dir.path / "s.db").string();
    REQUIRE(test::run_ekg("build '" + corpus + "' --db '" + db + "' -q").exit_code == 0);
    const std::string before = dump(db);
    const auto again = test::run_ekg("build '" + corpus + "' --db '" + db + "'");
    CHECK(again.out.find("(added 0, already stored 40") != std::string::npos);
    CHECK(dump(db) == before);
}

TEST_CASE("the same inputs in another order give the same database", "[cli][robustness]") {
    test::TempDir dir;
    write_corpus(dir.path / "a.jsonl", 30);
    {
        std::ofstream b(dir.path / "b.txt");
        b << "Fighting spread from Mali into Niger, officials in Mali said.";
    }
    const std::string a = (dir.path / "a.jsonl").string(), b = (dir.path / "b.txt").string();
    const std::string one = (dir.path / "one.db").string(), two = (dir.path / "two.db").string();
    REQUIRE(test::run_ekg("build '" + a + "' '" + b + "' --db '" + one + "' -q").exit_code == 0);
    REQUIRE(test::run_ekg("build '" + b + "' --db '" + two + "' -q").exit_code == 0);
    REQUIRE(test::run_ekg("build '" + a + "' --db '" + two + "' -q").exit_code == 0);
    // Paths differ by nature; everything else must match.
    CHECK(dump(one) == dump(two));
}

TEST_CASE("extract output is identical for one and two threads", "[cli][robustness]") {
    test::TempDir dir;
    const std::string corpus = (dir.path / "corpus.jsonl").string();
    write_corpus(corpus, 500);
    const auto one = test::run_ekg("extract '" + corpus + "' --format jsonl -j 1");
    const auto two = test::run_ekg("extract '" + corpus + "' --format jsonl -j 2");
    REQUIRE(one.exit_code == 0);
    CHECK(one.out == two.out);
    CHECK(std::count(one.out.begin(), one.out.end(), '\n') == 500);
}

TEST_CASE("build gives the same database with one and two threads", "[cli][robustness]") {
    test::TempDir dir;
    const std::string corpus = (dir.path / "corpus.jsonl").string();
    write_corpus(corpus, 600);  // more documents than one batch of the graph rebuild
    const std::string one = (dir.path / "one.db").string(), two = (dir.path / "two.db").string();
    REQUIRE(test::run_ekg("build '" + corpus + "' --db '" + one + "' -q -j 1").exit_code == 0);
    REQUIRE(test::run_ekg("build '" + corpus + "' --db '" + two + "' -q -j 2").exit_code == 0);
    const std::string a = dump(one);
    CHECK(a == dump(two));
    CHECK(a.find("doc:") != std::string::npos);
}

TEST_CASE("a build into an empty database resolves actors as it stores them, as a rebuild does "
          "from the stored extractions",
          "[cli][robustness]") {
    // A surname in one report and the full name in another: resolution merges them, from the
    // actors gathered while storing (first build) or read back (rebuild, and a second build).
    test::TempDir dir;
    const std::string corpus = (dir.path / "reports.jsonl").string();
    {
        std::ofstream out(corpus);
        out << R"({"id": "m-1", "date": "2021-03-01", "text": "Police spokesman Ahmed Karimi said gunmen )"
               R"(attacked a checkpoint in Kirkuk on Monday, killing two officers."})" "\n"
            << R"({"id": "m-2", "date": "2021-03-02", "text": "Karimi said on Tuesday that the gunmen had )"
               R"(fled towards Hawija."})" "\n";
    }
    const std::string db = (dir.path / "m.db").string();
    REQUIRE(test::run_ekg("build '" + corpus + "' --db '" + db + "' -q").exit_code == 0);
    const auto merges = [&] {
        return test::run_ekg("query --db '" + db + "' --format csv \"SELECT * FROM actor_merges ORDER BY actor_id\"")
            .out;
    };
    const std::string merged = merges();
    CHECK(merged.find("person:karimi,person:ahmed-karimi,resolve:surname") != std::string::npos);
    const std::string built = dump(db);
    REQUIRE(test::run_ekg("build --rebuild --db '" + db + "' -q").exit_code == 0);
    CHECK(merges() == merged);
    CHECK(dump(db) == built);
}

TEST_CASE("build --rebuild remakes the graph from what is stored, alike; build without inputs is "
          "a usage error",
          "[cli][robustness]") {
    test::TempDir dir;
    const std::string corpus = (dir.path / "corpus.jsonl").string();
    write_corpus(corpus, 20);
    const std::string db = (dir.path / "r.db").string();
    REQUIRE(test::run_ekg("build '" + corpus + "' --db '" + db + "' -q").exit_code == 0);
    const std::string before = dump(db);
    const auto rebuilt = test::run_ekg("build --rebuild --db '" + db + "' -q");
    CHECK(rebuilt.exit_code == 0);
    CHECK(rebuilt.out.find("(added 0, already stored 0") != std::string::npos);
    CHECK(dump(db) == before);
    const auto bare = test::run_ekg("build --db '" + db + "'");
    CHECK(bare.exit_code == 2);  // usage
    CHECK(bare.err.find("--rebuild") != std::string::npos);
}
