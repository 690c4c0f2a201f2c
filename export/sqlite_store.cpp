#include "sqlite_store.h"

#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <set>

#include "error.h"
#include "json_output.h"

namespace ekg::exporter {
namespace {

constexpr const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS documents(
  id TEXT PRIMARY KEY,
  content_hash TEXT NOT NULL UNIQUE,
  title TEXT, date TEXT, url TEXT, source TEXT, path TEXT, line INTEGER,
  text TEXT NOT NULL,
  meta TEXT,
  extraction TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sentences(
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL,
  boilerplate INTEGER NOT NULL DEFAULT 0,
  text TEXT NOT NULL,
  PRIMARY KEY(document_id, idx)
);
CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5(
  text, content='sentences', content_rowid='rowid');
CREATE TRIGGER IF NOT EXISTS sentences_ai AFTER INSERT ON sentences BEGIN
  INSERT INTO sentences_fts(rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER IF NOT EXISTS sentences_ad AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
CREATE TABLE IF NOT EXISTS mentions(
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  actor_id TEXT NOT NULL,
  sentence INTEGER NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL,
  text TEXT NOT NULL,
  rule TEXT
);
CREATE INDEX IF NOT EXISTS mentions_actor ON mentions(actor_id);
CREATE INDEX IF NOT EXISTS mentions_document ON mentions(document_id);
CREATE TABLE IF NOT EXISTS nodes(
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  label TEXT NOT NULL,
  subtype TEXT,
  country_code TEXT,
  lat REAL, lon REAL,
  date TEXT,
  mentions INTEGER NOT NULL,
  documents INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS actors(
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  place_type TEXT,
  country_code TEXT,
  lat REAL, lon REAL,
  mentions INTEGER NOT NULL,
  documents INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS actors_name ON actors(name);
CREATE TABLE IF NOT EXISTS actor_aliases(
  actor_id TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  alias TEXT NOT NULL,
  PRIMARY KEY(actor_id, alias)
);
CREATE TABLE IF NOT EXISTS events(
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id),
  type TEXT NOT NULL, cameo TEXT, gtd_attack_type TEXT,
  date TEXT,
  place TEXT, city TEXT, region TEXT, country TEXT, country_code TEXT, lat REAL, lon REAL,
  place_actor_id TEXT,
  killed INTEGER, killed_qualifier TEXT, wounded INTEGER, wounded_qualifier TEXT,
  sentence INTEGER, start INTEGER, end INTEGER,
  confidence REAL
);
CREATE INDEX IF NOT EXISTS events_document ON events(document_id);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE TABLE IF NOT EXISTS claims(
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id),
  kind TEXT NOT NULL,
  speaker_id TEXT REFERENCES actors(id),
  text TEXT NOT NULL,
  start INTEGER, end INTEGER,
  event_id TEXT REFERENCES events(id),
  value INTEGER,
  confidence REAL,
  rule TEXT
);
CREATE INDEX IF NOT EXISTS claims_speaker ON claims(speaker_id);
CREATE INDEX IF NOT EXISTS claims_event ON claims(event_id);
CREATE TABLE IF NOT EXISTS edges(
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL REFERENCES nodes(id),
  target TEXT NOT NULL REFERENCES nodes(id),
  relation TEXT NOT NULL,
  document_id TEXT,
  start INTEGER, end INTEGER,
  weight REAL NOT NULL,
  title TEXT,
  former INTEGER NOT NULL DEFAULT 0,
  rule TEXT
);
CREATE INDEX IF NOT EXISTS edges_source ON edges(source);
CREATE INDEX IF NOT EXISTS edges_target ON edges(target);
CREATE INDEX IF NOT EXISTS edges_relation ON edges(relation);
)SQL";

/// A prepared statement that finalizes itself.
class Statement {
public:
    Statement(sqlite3* db, const std::string& sql, const std::string& path) : db_(db), path_(path) {
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr) != SQLITE_OK)
            throw Error(ExitCode::io, path + ": " + sqlite3_errmsg(db));
    }
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int i, const std::string& v) {
        sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement& bind_or_null(int i, const std::string& v) {
        if (v.empty()) sqlite3_bind_null(stmt_, i);
        else bind(i, v);
        return *this;
    }
    Statement& bind(int i, std::int64_t v) {
        sqlite3_bind_int64(stmt_, i, v);
        return *this;
    }
    Statement& bind(int i, double v) {
        sqlite3_bind_double(stmt_, i, v);
        return *this;
    }
    Statement& bind(int i, const std::optional<double>& v) {
        if (v) sqlite3_bind_double(stmt_, i, *v);
        else sqlite3_bind_null(stmt_, i);
        return *this;
    }
    Statement& bind(int i, const std::optional<std::int64_t>& v) {
        if (v) sqlite3_bind_int64(stmt_, i, *v);
        else sqlite3_bind_null(stmt_, i);
        return *this;
    }
    /// Steps once; true when a row is available.
    bool step() {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        throw Error(ExitCode::io, path_ + ": " + sqlite3_errmsg(db_));
    }
    void run() {
        step();
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }
    std::string text(int i) const {
        const auto* p = sqlite3_column_text(stmt_, i);
        return p ? std::string(reinterpret_cast<const char*>(p),
                               static_cast<std::size_t>(sqlite3_column_bytes(stmt_, i)))
                 : std::string();
    }
    std::int64_t integer(int i) const { return sqlite3_column_int64(stmt_, i); }
    std::optional<double> real(int i) const {
        if (sqlite3_column_type(stmt_, i) == SQLITE_NULL) return std::nullopt;
        return sqlite3_column_double(stmt_, i);
    }
    bool is_null(int i) const { return sqlite3_column_type(stmt_, i) == SQLITE_NULL; }
    sqlite3_stmt* raw() const { return stmt_; }

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    const std::string& path_;
};

/// Commits on success, rolls back when an exception leaves the scope.
class Transaction {
public:
    Transaction(sqlite3* db, const std::string& path) : db_(db), path_(path) {
        exec("BEGIN IMMEDIATE");
    }
    ~Transaction() {
        if (!done_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    void commit() {
        exec("COMMIT");
        done_ = true;
    }

private:
    void exec(const char* sql) {
        char* err = nullptr;
        if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
            const std::string message = err ? err : "unknown error";
            sqlite3_free(err);
            throw Error(ExitCode::io, path_ + ": " + message);
        }
    }
    sqlite3* db_;
    const std::string& path_;
    bool done_ = false;
};

std::string qualifier_or_empty(const std::optional<Figure>& f) {
    return f ? to_string(f->qualifier) : std::string();
}

}  // namespace

Store::Store(const std::string& path, bool writable) : path_(path) {
    const int flags = writable ? (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) : SQLITE_OPEN_READONLY;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
        const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        db_ = nullptr;
        throw Error(ExitCode::io, path + ": cannot open database: " + message);
    }
    sqlite3_busy_timeout(db_, 5000);
    exec("PRAGMA foreign_keys = ON");
    // A file that is not a database fails here, with SQLite's own words.
    std::int64_t version = 0;
    {
        Statement s(db_, "PRAGMA user_version", path_);
        if (s.step()) version = s.integer(0);
    }
    if (version > kSchemaVersion)
        throw Error(ExitCode::io, path + ": database schema " + std::to_string(version) +
                                      " is newer than this ekg (" + std::to_string(kSchemaVersion) + ")");
    if (writable) {
        create_schema();
    } else if (version == 0) {
        throw Error(ExitCode::io, path + ": not an ekg database (run `ekg build` first)");
    }
}

Store::~Store() { sqlite3_close(db_); }

void Store::exec(const std::string& sql) const {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        const std::string message = err ? err : "unknown error";
        sqlite3_free(err);
        throw Error(ExitCode::io, path_ + ": " + message);
    }
}

void Store::create_schema() {
    Transaction t(db_, path_);
    exec(kSchema);
    exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
    t.commit();
}

bool Store::has_content(const std::string& content_hash) const {
    Statement s(db_, "SELECT 1 FROM documents WHERE content_hash = ?", path_);
    s.bind(1, content_hash);
    return s.step();
}

std::size_t Store::add_documents(const std::vector<Extraction>& batch) {
    Transaction t(db_, path_);
    Statement exists(db_, "SELECT 1 FROM documents WHERE content_hash = ? OR id = ?", path_);
    Statement doc(db_,
                  "INSERT INTO documents(id, content_hash, title, date, url, source, path, line, "
                  "text, meta, extraction) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                  path_);
    Statement sentence(db_,
                       "INSERT INTO sentences(document_id, idx, start, end, boilerplate, text) "
                       "VALUES (?,?,?,?,?,?)",
                       path_);
    Statement mention(db_,
                      "INSERT INTO mentions(document_id, actor_id, sentence, start, end, text, rule) "
                      "VALUES (?,?,?,?,?,?,?)",
                      path_);
    std::size_t added = 0;
    std::set<std::string> seen;
    for (const Extraction& x : batch) {
        const Document& d = x.document;
        exists.bind(1, d.content_hash).bind(2, d.id);
        const bool present = exists.step();
        sqlite3_reset(exists.raw());
        if (present || !seen.insert(d.content_hash).second) continue;
        doc.bind(1, d.id)
            .bind(2, d.content_hash)
            .bind_or_null(3, d.title)
            .bind_or_null(4, d.date)
            .bind_or_null(5, d.url)
            .bind_or_null(6, d.source)
            .bind_or_null(7, d.path)
            .bind(8, static_cast<std::int64_t>(d.line))
            .bind(9, d.text)
            .bind_or_null(10, d.meta.empty() ? std::string() : d.meta.dump())
            .bind(11, extract::document_to_json(x, true).dump());
        doc.run();
        for (const Sentence& s : x.sentences) {
            sentence.bind(1, d.id)
                .bind(2, static_cast<std::int64_t>(s.index))
                .bind(3, static_cast<std::int64_t>(s.span.begin))
                .bind(4, static_cast<std::int64_t>(s.span.end))
                .bind(5, static_cast<std::int64_t>(s.boilerplate))
                .bind(6, d.text.substr(s.span.begin, s.span.end - s.span.begin));
            sentence.run();
        }
        for (const Actor& a : x.actors)
            for (const Mention& m : a.mentions) {
                mention.bind(1, d.id)
                    .bind(2, a.id)
                    .bind(3, static_cast<std::int64_t>(m.sentence))
                    .bind(4, static_cast<std::int64_t>(m.span.begin))
                    .bind(5, static_cast<std::int64_t>(m.span.end))
                    .bind(6, m.text)
                    .bind(7, m.rule);
                mention.run();
            }
        ++added;
    }
    t.commit();
    return added;
}

std::vector<Extraction> Store::load_extractions() const {
    Statement s(db_,
                "SELECT id, content_hash, title, date, url, source, path, line, text, meta, "
                "extraction FROM documents ORDER BY id",
                path_);
    std::vector<Extraction> out;
    while (s.step()) {
        Document d;
        d.id = s.text(0);
        d.content_hash = s.text(1);
        d.title = s.text(2);
        d.date = s.text(3);
        d.url = s.text(4);
        d.source = s.text(5);
        d.path = s.text(6);
        d.line = s.integer(7);
        d.text = s.text(8);
        if (!s.is_null(9)) d.meta = nlohmann::json::parse(s.text(9));
        try {
            out.push_back(extract::document_from_json(nlohmann::json::parse(s.text(10)), std::move(d)));
        } catch (const nlohmann::json::exception& e) {
            throw Error(ExitCode::io, path_ + ": stored extraction of document " + s.text(0) +
                                          " is malformed: " + e.what());
        }
    }
    return out;
}

void Store::write_graph(const graph::KnowledgeGraph& kg, const std::vector<Extraction>& extractions) {
    Transaction t(db_, path_);
    exec("DELETE FROM edges; DELETE FROM claims; DELETE FROM events; DELETE FROM actor_aliases; "
         "DELETE FROM actors; DELETE FROM nodes;");
    const graph::Graph& g = kg.graph();
    Statement node(db_,
                   "INSERT INTO nodes(id, kind, label, subtype, country_code, lat, lon, date, "
                   "mentions, documents) VALUES (?,?,?,?,?,?,?,?,?,?)",
                   path_);
    Statement actor(db_,
                    "INSERT INTO actors(id, name, kind, place_type, country_code, lat, lon, "
                    "mentions, documents) VALUES (?,?,?,?,?,?,?,?,?)",
                    path_);
    std::map<std::string, std::string> place_types;
    std::map<std::string, std::set<std::string>> aliases;
    for (const Extraction& x : extractions)
        for (const Actor& a : x.actors) {
            place_types.emplace(a.id, a.place_type);
            for (const Mention& m : a.mentions)
                if (m.text != a.name) aliases[a.id].insert(m.text);
            for (const std::string& alias : a.aliases) aliases[a.id].insert(alias);
        }
    for (auto [it, end] = boost::vertices(g); it != end; ++it) {
        const graph::NodeProps& n = g[*it];
        node.bind(1, n.id)
            .bind(2, std::string(graph::to_string(n.kind)))
            .bind(3, n.label)
            .bind_or_null(4, n.subtype)
            .bind_or_null(5, n.country_code)
            .bind(6, n.lat)
            .bind(7, n.lon)
            .bind_or_null(8, n.date)
            .bind(9, n.mentions)
            .bind(10, n.documents);
        node.run();
        if (n.kind == graph::NodeKind::actor) {
            actor.bind(1, n.id)
                .bind(2, n.label)
                .bind(3, n.subtype)
                .bind_or_null(4, place_types[n.id])
                .bind_or_null(5, n.country_code)
                .bind(6, n.lat)
                .bind(7, n.lon)
                .bind(8, n.mentions)
                .bind(9, n.documents);
            actor.run();
        }
    }
    Statement alias(db_, "INSERT INTO actor_aliases(actor_id, alias) VALUES (?,?)", path_);
    for (const auto& [id, names] : aliases)
        for (const std::string& name : names) {
            alias.bind(1, id).bind(2, name);
            alias.run();
        }
    Statement event(db_,
                    "INSERT INTO events(id, document_id, type, cameo, gtd_attack_type, date, place, "
                    "city, region, country, country_code, lat, lon, place_actor_id, killed, "
                    "killed_qualifier, wounded, wounded_qualifier, sentence, start, end, confidence) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    path_);
    Statement claim(db_,
                    "INSERT INTO claims(id, document_id, kind, speaker_id, text, start, end, "
                    "event_id, value, confidence, rule) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    path_);
    for (const Extraction& x : extractions) {
        for (const Event& e : x.events) {
            const Place p = e.place.value_or(Place{});
            event.bind(1, e.id)
                .bind(2, x.document.id)
                .bind(3, e.type)
                .bind_or_null(4, e.cameo)
                .bind_or_null(5, e.gtd_attack_type)
                .bind_or_null(6, e.date)
                .bind_or_null(7, p.name)
                .bind_or_null(8, p.city)
                .bind_or_null(9, p.region)
                .bind_or_null(10, p.country)
                .bind_or_null(11, p.country_code)
                .bind(12, p.lat)
                .bind(13, p.lon)
                .bind_or_null(14, p.actor)
                .bind(15, e.killed ? std::optional<std::int64_t>(e.killed->value) : std::nullopt)
                .bind_or_null(16, qualifier_or_empty(e.killed))
                .bind(17, e.wounded ? std::optional<std::int64_t>(e.wounded->value) : std::nullopt)
                .bind_or_null(18, qualifier_or_empty(e.wounded))
                .bind(19, static_cast<std::int64_t>(e.sentence))
                .bind(20, static_cast<std::int64_t>(e.span.begin))
                .bind(21, static_cast<std::int64_t>(e.span.end))
                .bind(22, e.confidence);
            event.run();
        }
        for (const Claim& c : x.claims) {
            claim.bind(1, c.id)
                .bind(2, x.document.id)
                .bind(3, std::string(to_string(c.kind)))
                .bind_or_null(4, c.speaker)
                .bind(5, c.text)
                .bind(6, static_cast<std::int64_t>(c.span.begin))
                .bind(7, static_cast<std::int64_t>(c.span.end))
                .bind_or_null(8, c.event)
                .bind(9, c.value)
                .bind(10, c.confidence)
                .bind_or_null(11, c.rule);
            claim.run();
        }
    }
    Statement edge(db_,
                   "INSERT INTO edges(id, source, target, relation, document_id, start, end, weight, "
                   "title, former, rule) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                   path_);
    std::int64_t id = 0;
    for (auto [it, end] = boost::edges(g); it != end; ++it) {
        const graph::EdgeProps& e = g[*it];
        edge.bind(1, ++id)
            .bind(2, g[boost::source(*it, g)].id)
            .bind(3, g[boost::target(*it, g)].id)
            .bind(4, e.relation)
            .bind_or_null(5, e.document)
            .bind(6, static_cast<std::int64_t>(e.span.begin))
            .bind(7, static_cast<std::int64_t>(e.span.end))
            .bind(8, e.weight)
            .bind_or_null(9, e.title)
            .bind(10, static_cast<std::int64_t>(e.former))
            .bind_or_null(11, e.rule);
        edge.run();
    }
    t.commit();
}

graph::KnowledgeGraph Store::read_graph() const {
    graph::KnowledgeGraph kg;
    Statement nodes(db_,
                    "SELECT id, kind, label, subtype, country_code, lat, lon, date, mentions, "
                    "documents FROM nodes ORDER BY rowid",
                    path_);
    while (nodes.step()) {
        graph::NodeProps n;
        n.id = nodes.text(0);
        n.kind = graph::node_kind_from_string(nodes.text(1)).value_or(graph::NodeKind::actor);
        n.label = nodes.text(2);
        n.subtype = nodes.text(3);
        n.country_code = nodes.text(4);
        n.lat = nodes.real(5);
        n.lon = nodes.real(6);
        n.date = nodes.text(7);
        n.mentions = nodes.integer(8);
        n.documents = nodes.integer(9);
        kg.add_node(std::move(n));
    }
    Statement edges(db_,
                    "SELECT source, target, relation, document_id, start, end, weight, title, "
                    "former, rule FROM edges ORDER BY id",
                    path_);
    while (edges.step()) {
        graph::EdgeProps e;
        e.relation = edges.text(2);
        e.document = edges.text(3);
        e.span = {static_cast<std::uint32_t>(edges.integer(4)),
                  static_cast<std::uint32_t>(edges.integer(5))};
        e.weight = edges.real(6).value_or(1.0);
        e.title = edges.text(7);
        e.former = edges.integer(8) != 0;
        e.rule = edges.text(9);
        kg.add_edge(edges.text(0), edges.text(1), std::move(e));
    }
    return kg;
}

void Store::query(const std::string& sql,
                  const std::function<void(const std::vector<std::string>&)>& header,
                  const std::function<void(const Row&)>& row) const {
    Statement s(db_, sql, path_);
    const int columns = sqlite3_column_count(s.raw());
    std::vector<std::string> names;
    for (int i = 0; i < columns; ++i) names.emplace_back(sqlite3_column_name(s.raw(), i));
    header(names);
    Row values(static_cast<std::size_t>(columns));
    while (s.step()) {
        for (int i = 0; i < columns; ++i) {
            auto& v = values[static_cast<std::size_t>(i)];
            switch (sqlite3_column_type(s.raw(), i)) {
                case SQLITE_NULL: v = nullptr; break;
                case SQLITE_INTEGER: v = s.integer(i); break;
                case SQLITE_FLOAT: v = *s.real(i); break;
                default: v = s.text(i); break;
            }
        }
        row(values);
    }
}

std::int64_t Store::count(const std::string& table) const {
    Statement s(db_, "SELECT count(*) FROM \"" + table + "\"", path_);
    s.step();
    return s.integer(0);
}

}  // namespace ekg::exporter
