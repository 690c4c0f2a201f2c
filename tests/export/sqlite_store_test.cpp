#include <catch2/catch.hpp>

#include <sqlite3.h>

#include "error.h"
#include "sqlite_store.h"
#include "support.h"

using namespace ekg;

namespace {

std::vector<Extraction> two_documents() {
    std::vector<Extraction> v;
    v.push_back(test::extract_text("Fighting in Syria. Syria closed the border with Turkey."));
    v.push_back(test::extract_text("Iraq and Iran held talks."));
    return v;
}

graph::KnowledgeGraph graph_of(const std::vector<Extraction>& xs) {
    std::vector<const Extraction*> p;
    for (const Extraction& x : xs) p.push_back(&x);
    return graph::build_graph(p);
}

}  // namespace

TEST_CASE("documents, sentences and mentions are stored and a stored document is skipped",
          "[export][sqlite]") {
    test::TempDir dir;
    exporter::Store store((dir.path / "t.db").string(), true);
    const auto docs = two_documents();
    CHECK(store.add_documents(docs) == 2);
    CHECK(store.add_documents(docs) == 0);
    CHECK(store.count("documents") == 2);
    CHECK(store.count("sentences") == 3);
    CHECK(store.count("mentions") == 5);
    CHECK(store.has_content(docs[0].document.content_hash));
}

TEST_CASE("a document writer stores as it goes, commits on request and rolls back the rest",
          "[export][sqlite]") {
    test::TempDir dir;
    exporter::Store store((dir.path / "t.db").string(), true);
    const auto docs = two_documents();
    {
        exporter::Store::DocumentWriter writer(store);
        CHECK(writer.add(docs[0], exporter::Store::stored_json(docs[0])));
        // The same content again in the same open transaction is seen and skipped.
        CHECK_FALSE(writer.add(docs[0], exporter::Store::stored_json(docs[0])));
        CHECK(writer.pending_documents() == 1);
        CHECK(writer.pending_bytes() > docs[0].document.text.size());
        writer.commit();
        CHECK(writer.pending_documents() == 0);
        CHECK(writer.add(docs[1], exporter::Store::stored_json(docs[1])));
        // Destroyed without a commit: the second document is not kept.
    }
    CHECK(store.count("documents") == 1);
    CHECK(store.has_content(docs[0].document.content_hash));
    CHECK_FALSE(store.has_content(docs[1].document.content_hash));
    // The committed document's sentences are in the full-text index, the rolled-back one's not.
    std::size_t hits = 0;
    store.query("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH 'border OR talks'", [](auto&) {},
                [&](const exporter::Store::Row&) { ++hits; });
    CHECK(hits == 1);
    CHECK(store.add_documents(docs) == 1);
}

TEST_CASE("graph to SQLite to graph is identical", "[export][sqlite]") {
    test::TempDir dir;
    exporter::Store store((dir.path / "t.db").string(), true);
    const auto docs = two_documents();
    store.add_documents(docs);
    const graph::KnowledgeGraph kg = graph_of(docs);
    store.write_graph(docs);
    std::string why;
    CHECK(graph::same_graph(kg, store.read_graph(), &why));
    INFO(why);
    CHECK(store.count("actors") == 4);
}

TEST_CASE("stored extractions load back equal to what was stored", "[export][sqlite]") {
    test::TempDir dir;
    exporter::Store store((dir.path / "t.db").string(), true);
    const auto docs = two_documents();
    store.add_documents(docs);
    const auto loaded = store.load_extractions();
    REQUIRE(loaded.size() == 2);
    for (const Extraction& x : loaded) {
        const auto original = std::find_if(docs.begin(), docs.end(), [&](const Extraction& d) {
            return d.document.id == x.document.id;
        });
        REQUIRE(original != docs.end());
        CHECK(x.document.text == original->document.text);
        CHECK(x.actors.size() == original->actors.size());
        CHECK(x.sentences.size() == original->sentences.size());
    }
}

TEST_CASE("a read-only store refuses writes at the SQLite level", "[export][sqlite]") {
    test::TempDir dir;
    const std::string path = (dir.path / "t.db").string();
    {
        exporter::Store store(path, true);
        store.add_documents(two_documents());
    }
    const exporter::Store ro(path, false);
    CHECK_THROWS_AS(ro.query("DELETE FROM documents", [](auto&) {}, [](auto&) {}), Error);
    CHECK(ro.count("documents") == 2);
}

TEST_CASE("the full-text index finds sentences by word", "[export][sqlite]") {
    test::TempDir dir;
    exporter::Store store((dir.path / "t.db").string(), true);
    store.add_documents(two_documents());
    std::vector<nlohmann::json> hits;
    store.query("SELECT s.text FROM sentences_fts f JOIN sentences s ON s.rowid = f.rowid "
                "WHERE sentences_fts MATCH 'border'",
                [](auto&) {}, [&](const exporter::Store::Row& r) { hits.push_back(r[0]); });
    REQUIRE(hits.size() == 1);
    CHECK(hits[0] == "Syria closed the border with Turkey.");
}

TEST_CASE("opening something that is not an ekg database is an I/O error naming it", "[export][sqlite]") {
    test::TempDir dir;
    const auto path = (dir.path / "empty.db").string();
    try {
        exporter::Store store(path, false);
        FAIL("opened");
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::io);
        CHECK(std::string(e.what()).find("empty.db") != std::string::npos);
    }
}

TEST_CASE("the graph is current after a rebuild and stale once a document is added or another "
          "graph is written",
          "[export][sqlite]") {
    test::TempDir dir;
    exporter::Store store((dir.path / "t.db").string(), true);
    const auto docs = two_documents();
    CHECK_FALSE(store.graph_is_current());  // a new database has no graph yet
    store.add_documents({docs[0]});
    CHECK_FALSE(store.graph_is_current());
    store.rebuild_graph();
    CHECK(store.graph_is_current());
    CHECK(store.add_documents({docs[0]}) == 0);  // already stored: still current
    CHECK(store.graph_is_current());
    store.add_documents({docs[1]});
    CHECK_FALSE(store.graph_is_current());
    store.rebuild_graph();
    CHECK(store.graph_is_current());
    CHECK(store.count("nodes") > 0);
    store.write_graph({docs[0]});  // a graph of something else than what is stored
    CHECK_FALSE(store.graph_is_current());
}

TEST_CASE("a stored extraction that cannot be read stops the rebuild with an error naming its document",
          "[export][sqlite]") {
    test::TempDir dir;
    const auto path = (dir.path / "t.db").string();
    const auto docs = two_documents();
    {
        exporter::Store store(path, true);
        store.add_documents(docs);
        store.rebuild_graph();
    }
    const std::string broken = docs[1].document.id;
    // Cut its stored JSON inside the actors, which the first pass of a rebuild reads.
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    const std::string sql = "UPDATE documents SET extraction = substr(extraction, 1, "
                            "instr(extraction, '\"actors\"') + 30) WHERE id = '" + broken + "'";
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
    exporter::Store store(path, true);
    const auto nodes = store.count("nodes");
    try {
        store.rebuild_graph();
        FAIL("rebuilt");
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::io);
        CHECK(std::string(e.what()).find(broken) != std::string::npos);
        CHECK(std::string(e.what()).find("malformed") != std::string::npos);
    }
    CHECK(store.count("nodes") == nodes);  // the graph written before is kept
}
