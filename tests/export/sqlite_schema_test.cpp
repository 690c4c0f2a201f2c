// The analysts' side of the SQLite store: merged events, arguments, roles, claim search and
// the views documented in docs/sqlite-schema.md.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include "error.h"
#include "export/world.h"
#include "sqlite_store.h"
#include "support.h"

using namespace ekg;

namespace {

/// A store holding the test world and its graph.
struct WorldStore {
    test::TempDir dir;
    std::string path = (dir.path / "w.db").string();
    std::vector<Extraction> world = test::make_world();
    graph::KnowledgeGraph kg;
    WorldStore() {
        exporter::Store store(path, true);
        store.add_documents(world);
        kg = graph::build_graph(test::pointers(world));
        store.write_graph(world);
    }
};

/// Rows of a query as maps column -> value.
std::vector<std::map<std::string, nlohmann::json>> rows(const exporter::Store& store, const std::string& sql) {
    std::vector<std::string> names;
    std::vector<std::map<std::string, nlohmann::json>> out;
    store.query(
        sql, [&](const std::vector<std::string>& cols) { names = cols; },
        [&](const exporter::Store::Row& r) {
            std::map<std::string, nlohmann::json> m;
            for (std::size_t i = 0; i < r.size(); ++i) m[names[i]] = r[i];
            out.push_back(std::move(m));
        });
    return out;
}

}  // namespace

TEST_CASE("the merged world round-trips through SQLite unchanged", "[export][schema]") {
    WorldStore w;
    const exporter::Store store(w.path, false);
    std::string why;
    CHECK(graph::same_graph(w.kg, store.read_graph(), &why));
    INFO(why);
}

TEST_CASE("event_table has one row per merged event with low, best, high and source counts",
          "[export][schema]") {
    WorldStore w;
    const exporter::Store store(w.path, false);
    const auto t = rows(store, "SELECT * FROM event_table ORDER BY event_id");
    REQUIRE(t.size() == 3);
    const auto& merged = t[0];
    CHECK(merged.at("event_id") == "doc-a:e0");
    CHECK(merged.at("date") == "2021-03-01");
    CHECK(merged.at("date_last") == "2021-03-02");
    CHECK(merged.at("country") == "Freedonia");
    CHECK(merged.at("city") == "Harbor City");
    CHECK(merged.at("lat") == 10.5);
    CHECK(merged.at("type") == "bombing");
    CHECK(merged.at("killed_low") == 5);
    CHECK(merged.at("killed_best") == 7);
    CHECK(merged.at("killed_high") == 7);
    CHECK(merged.at("wounded_best") == 12);
    CHECK(merged.at("perpetrators") == "Red Hand Brigade");
    CHECK(merged.at("claimed_by") == "Red Hand Brigade");
    CHECK(merged.at("targets") == "a market");
    CHECK(merged.at("num_sources") == 2);
    CHECK(merged.at("num_documents") == 2);
    CHECK(merged.at("publishers") == "Wire One; Daily Two");
    CHECK(merged.at("acled_event_type") == "Explosions/Remote violence");
    CHECK(merged.at("sentence") == "A bomb exploded in a market in Harbor City on Monday.");
    CHECK(t[2].at("perpetrators") == "Gunmen; Blue Fist Front");
    CHECK(t[2].at("killed_low") == 2);
    CHECK(t[1].at("killed_best").is_null());
    // Every report points at its merged event.
    const auto reports = rows(store, "SELECT id, merged_id FROM events ORDER BY id");
    REQUIRE(reports.size() == 4);
    CHECK(reports[1].at("merged_id") == "doc-a:e0");
}

TEST_CASE("GTD, ACLED, UCDP and PLOVER shaped views read like those datasets", "[export][schema]") {
    WorldStore w;
    const exporter::Store store(w.path, false);
    const auto gtd = rows(store, "SELECT * FROM gtd_events ORDER BY eventid");
    REQUIRE(gtd.size() == 3);
    CHECK(gtd[0].at("iyear") == 2021);
    CHECK(gtd[0].at("imonth") == 3);
    CHECK(gtd[0].at("iday") == 1);
    CHECK(gtd[0].at("extended") == 1);
    CHECK(gtd[0].at("gname") == "Red Hand Brigade");
    CHECK(gtd[0].at("claimed") == 1);
    CHECK(gtd[0].at("nkill") == 7);
    CHECK(gtd[0].at("nwound") == 12);
    CHECK(gtd[0].at("attacktype1_txt") == "Bombing/Explosion");
    CHECK(gtd[1].at("claimed") == 0);
    CHECK(gtd[2].at("gname") == "Gunmen");

    const auto acled = rows(store, "SELECT * FROM acled_events ORDER BY event_id_cnty");
    CHECK(acled[0].at("sub_event_type") == "Remote explosive/landmine/IED");
    CHECK(acled[0].at("fatalities") == 7);
    CHECK(acled[0].at("geo_precision") == 1);
    CHECK(acled[0].at("source") == "Wire One; Daily Two");
    CHECK(acled[2].at("event_type") == "Battles");
    CHECK(acled[2].at("actor1") == "Gunmen");
    CHECK(acled[2].at("assoc_actor_1") == "Blue Fist Front");
    CHECK(acled[2].at("geo_precision") == 3);
    CHECK(acled[1].at("fatalities") == 0);

    const auto ucdp = rows(store, "SELECT * FROM ucdp_events ORDER BY id");
    CHECK(ucdp[0].at("best") == 7);
    CHECK(ucdp[0].at("low") == 5);
    CHECK(ucdp[0].at("high") == 7);
    CHECK(ucdp[0].at("type_of_violence") == 3);
    CHECK(ucdp[0].at("date_start") == "2021-03-01");
    CHECK(ucdp[0].at("date_end") == "2021-03-02");
    CHECK(ucdp[0].at("number_of_sources") == 2);

    const auto plover = rows(store, "SELECT * FROM plover_events ORDER BY id");
    CHECK(plover[0].at("event_type") == "ASSAULT");
    CHECK(plover[0].at("mode") == "explosives");
    CHECK(plover[2].at("mode") == "firearms");
}

TEST_CASE("quotes give the speaker's title and organisation", "[export][schema]") {
    WorldStore w;
    const exporter::Store store(w.path, false);
    const auto q = rows(store, "SELECT * FROM quotes ORDER BY claim_id");
    REQUIRE(q.size() == 3);  // figure claims made by the merge have no speaker: not quotes
    CHECK(q[0].at("speaker") == "Ana Costa");
    CHECK(q[0].at("title") == "spokeswoman");
    CHECK(q[0].at("organization") == "Relief Watch");
    CHECK(q[0].at("text") == "We condemn this.");
    CHECK(q[0].at("merged_event_id") == "doc-a:e0");
    CHECK(q[0].at("url") == "https://example.org/doc-a");
    CHECK(q[1].at("speaker") == "Government of Freedonia");
    CHECK(q[1].at("title").is_null());
}

TEST_CASE("event arguments, roles and conflicting figures are stored as rows", "[export][schema]") {
    WorldStore w;
    const exporter::Store store(w.path, false);
    const auto args = rows(store, "SELECT role, count(*) AS n FROM event_arguments GROUP BY role ORDER BY role");
    std::map<std::string, std::int64_t> by_role;
    for (const auto& r : args) by_role[r.at("role").get<std::string>()] = r.at("n").get<std::int64_t>();
    CHECK(by_role["perpetrator"] == 5);
    CHECK(by_role["claimed_by"] == 2);
    CHECK(by_role["trigger"] == 4);
    CHECK(store.count("actor_roles") == 1);
    const auto figures = rows(store, "SELECT id, value, event_id FROM claims WHERE rule = 'merge:figure-conflict' ORDER BY id");
    REQUIRE(figures.size() == 2);
    CHECK(figures[0].at("value") == 5);
    CHECK(figures[1].at("event_id") == "doc-b:e0");
}

TEST_CASE("the claim full-text index finds claims by word", "[export][schema]") {
    WorldStore w;
    const exporter::Store reader(w.path, false);
    const auto hits = rows(reader,
                           "SELECT c.id FROM claims_fts f JOIN claims c ON c.rowid = f.rowid "
                           "WHERE claims_fts MATCH 'condemn'");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].at("id") == "doc-a:c0");
    // A second write_graph rebuilds the index instead of doubling it.
    {
        exporter::Store store(w.path, true);
        store.write_graph(w.world);
    }
    const exporter::Store again(w.path, false);
    CHECK(rows(again, "SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'condemn'").size() == 1);
}

TEST_CASE("no statement given to ekg query writes: deletes, DDL and pragmas all fail", "[export][schema]") {
    WorldStore w;
    const auto before = test::run_ekg("query --db '" + w.path + "' 'SELECT count(*) AS n FROM claims' --format csv");
    REQUIRE(before.exit_code == 0);
    for (const char* sql : {"DELETE FROM claims", "DROP VIEW quotes", "UPDATE nodes SET label = 'x'",
                            "PRAGMA user_version = 7", "CREATE TABLE t(a)"}) {
        const auto r = test::run_ekg("query --db '" + w.path + "' \"" + sql + "\"");
        CHECK(r.exit_code == static_cast<int>(ExitCode::io));
        CHECK(r.err.find("readonly") != std::string::npos);
    }
    CHECK(test::run_ekg("query --db '" + w.path + "' 'SELECT count(*) AS n FROM claims' --format csv").out ==
          before.out);
}

TEST_CASE("a database of schema 1 is upgraded when opened for writing and refused read-only",
          "[export][schema]") {
    WorldStore w;
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(w.path.c_str(), &db) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db, "DROP VIEW event_table; DROP TABLE merged_events; PRAGMA user_version = 1",
                             nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
    try {
        exporter::Store old(w.path, false);
        FAIL("opened an old schema read-only");
    } catch (const Error& e) {
        CHECK(std::string(e.what()).find("older") != std::string::npos);
    }
    {
        exporter::Store store(w.path, true);
        CHECK(store.count("documents") == 4);  // the stored extractions stay
        store.write_graph(store.load_extractions());
    }
    const exporter::Store store(w.path, false);
    CHECK(store.count("merged_events") == 3);
    CHECK(rows(store, "PRAGMA user_version")[0].at("user_version") == exporter::kSchemaVersion);
}

TEST_CASE("the graph rebuilt from the stored extractions one at a time equals the graph of all of "
          "them held in memory, merged events and their rows included",
          "[export][schema]") {
    WorldStore w;  // write_graph: every extraction in memory
    test::TempDir dir;
    const std::string path = (dir.path / "streamed.db").string();
    {
        exporter::Store store(path, true);
        store.add_documents(w.world);
        store.rebuild_graph();  // reads the stored JSON back, a document at a time
    }
    std::vector<Extraction> resolved = w.world;
    const graph::ActorResolution resolution = graph::resolve_actors(test::pointers(resolved));
    for (Extraction& x : resolved) graph::apply_resolution(x, resolution);
    const exporter::Store streamed(path, false);
    std::string why;
    CHECK(graph::same_graph(graph::build_graph(test::pointers(resolved)), streamed.read_graph(), &why));
    INFO(why);
    const exporter::Store in_memory(w.path, false);
    for (const char* sql : {"SELECT * FROM merged_events ORDER BY id", "SELECT * FROM events ORDER BY id",
                            "SELECT * FROM claims ORDER BY id", "SELECT * FROM actors ORDER BY id",
                            "SELECT * FROM edges ORDER BY id"}) {
        INFO(sql);
        const auto a = rows(in_memory, sql);
        CHECK(a == rows(streamed, sql));
        CHECK_FALSE(a.empty());
    }
    // The two reports of one bombing are one merged event whose figures disagree.
    CHECK(rows(streamed, "SELECT count(*) AS n FROM events WHERE merged_id <> id")[0].at("n") == 1);
    CHECK(rows(streamed, "SELECT count(*) AS n FROM claims WHERE rule = 'merge:figure-conflict'")[0].at("n") >= 2);
}
