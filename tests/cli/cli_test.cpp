#include <catch2/catch.hpp>

#include <fstream>

#include "support.h"

using namespace ekg;

namespace {
std::string sample(const std::string& name) { return (test::source_dir() / "samples" / name).string(); }
const std::string kSeed = "isis-social-media-war.txt";
}  // namespace

TEST_CASE("ekg --version names the program and its version", "[cli]") {
    const auto r = test::run_ekg("--version");
    CHECK(r.exit_code == 0);
    CHECK(r.out.rfind("ekg ", 0) == 0);
}

TEST_CASE("a missing input file gives one line naming it and exit code 1", "[cli]") {
    const auto r = test::run_ekg("extract /nonexistent/article.txt");
    CHECK(r.exit_code == 1);
    CHECK(r.err == "ekg: /nonexistent/article.txt: error: no such file or directory [missing]\n");
}

TEST_CASE("a usage error exits with code 2", "[cli]") {
    CHECK(test::run_ekg("extract").exit_code == 2);
    CHECK(test::run_ekg("frobnicate").exit_code == 2);
    CHECK(test::run_ekg("extract --format xml x.txt").exit_code == 2);
}

TEST_CASE("extract prints JSON in the contract's shape", "[cli]") {
    const auto r = test::run_ekg("extract '" + sample(kSeed) + "' --format json");
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j.at("schema") == "ekg.extract/1");
    REQUIRE(j.at("documents").size() == 1);
    const auto& d = j.at("documents").at(0);
    CHECK(d.at("title") == "Despite recent attacks, ISIS still losing social media war");
    CHECK(d.at("actors").is_array());
    CHECK(d.at("events").is_array());
    CHECK(d.at("claims").is_array());
}

TEST_CASE("extract --format jsonl writes one document a line, from stdin too", "[cli]") {
    const std::string input = R"({"id": "a", "text": "Clashes in Syria."})" "\n"
                              R"({"id": "b", "text": "Talks in Iraq."})" "\n";
    const auto r = test::run_ekg("extract - --format jsonl", input);
    REQUIRE(r.exit_code == 0);
    std::istringstream lines(r.out);
    std::string line;
    std::vector<std::string> ids;
    while (std::getline(lines, line)) {
        const auto j = nlohmann::json::parse(line);
        CHECK(j.at("schema") == "ekg.extract/1");
        ids.push_back(j.at("id"));
    }
    CHECK(ids == std::vector<std::string>{"a", "b"});
}

TEST_CASE("build, query and export work end to end and a re-run adds nothing", "[cli]") {
    test::TempDir dir;
    const std::string db = (dir.path / "s.db").string();
    const auto first = test::run_ekg("build '" + sample(kSeed) + "' --db '" + db + "'");
    REQUIRE(first.exit_code == 0);
    CHECK(first.out.find("documents: 1 (added 1") != std::string::npos);
    const auto again = test::run_ekg("build '" + sample(kSeed) + "' --db '" + db + "'");
    CHECK(again.out.find("documents: 1 (added 0, already stored 1") != std::string::npos);

    const auto csv = test::run_ekg("query --db '" + db + "' --format csv \"SELECT count(*) AS n FROM documents\"");
    CHECK(csv.out == "n\n1\n");
    const auto json = test::run_ekg("query --db '" + db + "' --format json \"SELECT id, kind FROM actors WHERE id = 'country:IQ'\"");
    CHECK(nlohmann::json::parse(json.out) == nlohmann::json::parse(R"([{"id": "country:IQ", "kind": "place"}])"));

    const auto graphml = (dir.path / "s.graphml").string();
    const auto exp = test::run_ekg("export --db '" + db + "' --format graphml -o '" + graphml + "'");
    CHECK(exp.exit_code == 0);
    CHECK(test::read_file(graphml).find("<graphml") != std::string::npos);
}

TEST_CASE("ekg query cannot change the database", "[cli]") {
    test::TempDir dir;
    const std::string db = (dir.path / "s.db").string();
    REQUIRE(test::run_ekg("build '" + sample(kSeed) + "' --db '" + db + "'").exit_code == 0);
    const auto r = test::run_ekg("query --db '" + db + "' \"DELETE FROM documents\"");
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("readonly") != std::string::npos);
    CHECK(test::run_ekg("query --db '" + db + "' --format csv \"SELECT count(*) FROM documents\"").out == "count(*)\n1\n");
}

TEST_CASE("query output in CSV is quoted and defuses spreadsheet formulas", "[cli]") {
    test::TempDir dir;
    const std::string db = (dir.path / "s.db").string();
    REQUIRE(test::run_ekg("build '" + sample(kSeed) + "' --db '" + db + "'").exit_code == 0);
    const auto r = test::run_ekg("query --db '" + db + "' --format csv \"SELECT '=1+2' AS f, 'a,b' AS g, -3 AS n\"");
    CHECK(r.out == "f,g,n\n\"'=1+2\",\"a,b\",-3\n");
}
