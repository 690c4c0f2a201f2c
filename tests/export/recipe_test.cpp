#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "error.h"
#include "export/world.h"
#include "recipe.h"
#include "sqlite_store.h"
#include "support.h"

using namespace ekg;

namespace {

/// A database holding the test world, for the command-line tests.
struct WorldDb {
    test::TempDir dir;
    std::string path = (dir.path / "w.db").string();
    WorldDb() {
        const auto world = test::make_world();
        exporter::Store store(path, true);
        store.add_documents(world);
        store.write_graph(world);
    }
    std::string out(const std::string& name) const { return (dir.path / name).string(); }
};

std::string usage_error(const nlohmann::json& recipe) {
    try {
        exporter::parse_recipe(recipe, "r.json");
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::usage);
        return e.what();
    }
    return "accepted";
}

}  // namespace

TEST_CASE("a recipe names exports with their view, filters, format and output", "[export][recipe]") {
    const auto specs = exporter::parse_recipe(nlohmann::json::parse(R"({"exports": [
        {"format": "gexf", "output": "a.gexf"},
        {"format": "csv", "view": "claims", "output": "b", "since": "2020", "until": "2021-06",
         "country": "FD", "type": ["bombing", "arson"], "actor": "x", "depth": 2,
         "comment": "ignored"}]})"),
                                              "r.json");
    REQUIRE(specs.size() == 2);
    CHECK(specs[0].format == "gexf");
    CHECK(specs[0].view == exporter::View::kg);
    CHECK(specs[0].filter.empty());
    CHECK(specs[1].view == exporter::View::claims);
    CHECK(specs[1].filter.countries == std::vector<std::string>{"FD"});
    CHECK(specs[1].filter.types == std::vector<std::string>{"bombing", "arson"});
    CHECK(specs[1].filter.depth == 2);
    CHECK(specs[1].output == "b");
}

TEST_CASE("a malformed recipe is a usage error naming the file and the export", "[export][recipe]") {
    CHECK(usage_error(nlohmann::json::parse(R"({"exports": [{"format": "pdf", "output": "x"}]})")) ==
          "r.json: export 1: unknown format \"pdf\" (graphml, gexf, json or csv)");
    CHECK(usage_error(nlohmann::json::parse(R"({"exports": [{"format": "gexf", "output": "x"},
                                                              {"format": "gexf"}]})")) ==
          "r.json: export 2: \"output\" is required");
    CHECK(usage_error(nlohmann::json::parse(R"({"exports": [{"format": "gexf", "output": "x", "veiw": "kg"}]})")) ==
          "r.json: export 1: unknown key \"veiw\"");
    CHECK(usage_error(nlohmann::json::parse(R"({"exports": [{"format": "gexf", "output": "x", "since": "soon"}]})")) ==
          "r.json: export 1: --since soon: not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)");
    CHECK(usage_error(nlohmann::json::parse(R"({"exports": []})")) == "r.json: the recipe names no export");
    CHECK(usage_error(nlohmann::json::parse(R"([1])")) ==
          "r.json: a recipe is an object with an \"exports\" list");
}

TEST_CASE("the sample recipe is valid", "[export][recipe]") {
    const auto specs = exporter::read_recipe((test::source_dir() / "samples" / "recipe.json").string());
    CHECK(specs.size() == 4);
}

TEST_CASE("a recipe with three exports runs in one command and --json reports what it wrote",
          "[export][recipe][cli]") {
    WorldDb db;
    const std::string recipe = db.out("r.json");
    std::ofstream(recipe) << nlohmann::json{
        {"exports",
         {{{"format", "gexf"}, {"view", "events"}, {"output", db.out("e.gexf")}},
          {{"format", "graphml"}, {"view", "actors"}, {"output", db.out("a.graphml")}},
          {{"format", "csv"}, {"view", "kg"}, {"since", "2021-04"}, {"output", db.out("k")}}}}};
    const auto r = test::run_ekg("export --db '" + db.path + "' --recipe '" + recipe + "' --json");
    REQUIRE(r.exit_code == 0);
    INFO(r.err);
    const nlohmann::json summary = nlohmann::json::parse(r.out);
    REQUIRE(summary.at("exports").size() == 3);
    CHECK(summary["exports"][0]["format"] == "gexf");
    CHECK(summary["exports"][0]["view"] == "events");
    CHECK(summary["exports"][0]["nodes"] == 7);
    CHECK(summary["exports"][2]["files"] ==
          nlohmann::json::array({db.out("k.nodes.csv"), db.out("k.relationships.csv")}));
    CHECK(test::read_file(db.out("e.gexf")).find("<gexf") != std::string::npos);
    CHECK(test::read_file(db.out("a.graphml")).find("shared_event") == std::string::npos);  // one event each
    CHECK(test::read_file(db.out("k.nodes.csv")).find("doc-d:e0") != std::string::npos);
    CHECK(test::read_file(db.out("k.nodes.csv")).find("doc-a:e0") == std::string::npos);
}

TEST_CASE("export options pick view, filters and format on the command line", "[export][recipe][cli]") {
    WorldDb db;
    auto r = test::run_ekg("export --db '" + db.path +
                           "' --format json --view kg --actor 'Blue Fist Front' --depth 1 -o '" + db.out("g.json") +
                           "' --json");
    REQUIRE(r.exit_code == 0);
    CHECK(nlohmann::json::parse(r.out)["exports"][0]["nodes"] == 5);
    r = test::run_ekg("export --db '" + db.path + "' --format graphml --country FD --type bombing --until 2021-03");
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("doc-a:e0") != std::string::npos);
    CHECK(r.out.find("doc-d:e0") == std::string::npos);
    r = test::run_ekg("export --db '" + db.path + "' --format gexf --nodes-sql \"SELECT id FROM nodes WHERE kind = 'event'\"");
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("<nodes count=\"3\">") != std::string::npos);
}

TEST_CASE("conflicting or impossible export options are usage errors", "[export][recipe][cli]") {
    WorldDb db;
    const auto usage = static_cast<int>(ExitCode::usage);
    CHECK(test::run_ekg("export --db '" + db.path + "' --format csv").exit_code == usage);
    CHECK(test::run_ekg("export --db '" + db.path + "' --json").exit_code == usage);
    CHECK(test::run_ekg("export --db '" + db.path + "' --view people").exit_code == usage);
    CHECK(test::run_ekg("export --db '" + db.path + "' --since yesterday").exit_code == usage);
    CHECK(test::run_ekg("export --db '" + db.path + "' --actor Nobody").exit_code == usage);
    const auto r = test::run_ekg("export --db '" + db.path + "' --recipe x.json --format gexf");
    CHECK(r.exit_code == usage);
    CHECK(r.err.find("--recipe") != std::string::npos);
}
