#include "sqlite_store.h"

#include <future>
#include <limits>
#include <unordered_set>

#include "builder.h"

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>

#include "error.h"
#include "json_output.h"
#include "json_read.h"
#include "merge.h"

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
-- New sentences are indexed once per batch (Store::index_new_sentences): a per-row trigger
-- made every INSERT open a statement savepoint, and FTS5 flushes its pending terms at each.
DROP TRIGGER IF EXISTS sentences_ai;
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
  documents INTEGER NOT NULL,
  sources INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS nodes_kind ON nodes(kind);
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
CREATE TABLE IF NOT EXISTS actor_merges(
  actor_id TEXT PRIMARY KEY,
  canonical_id TEXT NOT NULL,
  rule TEXT NOT NULL
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
  confidence REAL,
  merged_id TEXT
);
CREATE INDEX IF NOT EXISTS events_document ON events(document_id);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE INDEX IF NOT EXISTS events_merged ON events(merged_id);
CREATE TABLE IF NOT EXISTS event_arguments(
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  idx INTEGER NOT NULL,
  text TEXT NOT NULL,
  actor_id TEXT,
  start INTEGER, end INTEGER,
  rule TEXT,
  PRIMARY KEY(event_id, role, idx)
);
CREATE INDEX IF NOT EXISTS event_arguments_actor ON event_arguments(actor_id);
CREATE TABLE IF NOT EXISTS merged_events(
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL, cameo TEXT, gtd_attack_type TEXT,
  date TEXT, date_last TEXT,
  place TEXT, city TEXT, region TEXT, country TEXT, country_code TEXT, lat REAL, lon REAL,
  place_actor_id TEXT,
  killed_low INTEGER, killed_best INTEGER, killed_high INTEGER,
  wounded_low INTEGER, wounded_best INTEGER, wounded_high INTEGER,
  perpetrators TEXT, perpetrator_ids TEXT, claimed_by TEXT, targets TEXT, victims TEXT,
  weapons TEXT,
  num_mentions INTEGER NOT NULL, num_documents INTEGER NOT NULL, num_sources INTEGER NOT NULL,
  publishers TEXT,
  confidence REAL
);
CREATE INDEX IF NOT EXISTS merged_events_date ON merged_events(date);
CREATE INDEX IF NOT EXISTS merged_events_country ON merged_events(country_code);
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
CREATE INDEX IF NOT EXISTS claims_document ON claims(document_id);
CREATE VIRTUAL TABLE IF NOT EXISTS claims_fts USING fts5(
  text, content='claims', content_rowid='rowid');
CREATE TABLE IF NOT EXISTS actor_roles(
  actor_id TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  organization_id TEXT,
  former INTEGER NOT NULL DEFAULT 0,
  start INTEGER, end INTEGER
);
CREATE INDEX IF NOT EXISTS actor_roles_actor ON actor_roles(actor_id);
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
CREATE INDEX IF NOT EXISTS edges_document ON edges(document_id);
CREATE TABLE IF NOT EXISTS graph_state(
  id INTEGER PRIMARY KEY CHECK (id = 1),
  documents INTEGER NOT NULL,
  last_document_rowid INTEGER NOT NULL,
  format INTEGER NOT NULL
);
)SQL";

// CAMEO codes of violent events mapped to PLOVER, ACLED and UCDP GED categories; the longest
// matching code prefix applies. PLOVER from openeventdata/PLOVER CAMEO2PLOVER-2021.txt; ACLED
// event and sub-event types from the ACLED codebook; UCDP type of violence 3 (one-sided) for
// unconventional violence, unknown for conventional fighting. An approximation: a row per
// code, documented in docs/sqlite-schema.md.
constexpr const char* kCrosswalk = R"SQL(
CREATE TABLE IF NOT EXISTS cameo_crosswalk(
  cameo TEXT PRIMARY KEY,
  description TEXT NOT NULL,
  plover_event_type TEXT, plover_mode TEXT, plover_context TEXT,
  acled_event_type TEXT, acled_sub_event_type TEXT,
  ucdp_type_of_violence INTEGER
);
INSERT OR REPLACE INTO cameo_crosswalk VALUES
 ('14', 'Protest', 'PROTEST', NULL, NULL, 'Protests', 'Peaceful protest', NULL),
 ('145', 'Protest violently, riot', 'PROTEST', 'riot', NULL, 'Riots', 'Violent demonstration', NULL),
 ('17', 'Coerce', 'COERCE', NULL, NULL, 'Strategic developments', 'Other', NULL),
 ('1712', 'Destroy property', 'ASSAULT', 'destroy', 'legal', 'Strategic developments', 'Looting/property destruction', NULL),
 ('173', 'Arrest, detain', 'COERCE', 'arrest', 'legal', 'Strategic developments', 'Arrests', NULL),
 ('18', 'Use unconventional violence', 'ASSAULT', NULL, NULL, 'Violence against civilians', 'Attack', 3),
 ('180', 'Use unconventional violence', 'ASSAULT', NULL, NULL, 'Violence against civilians', 'Attack', 3),
 ('181', 'Abduct, hijack, take hostage', 'ASSAULT', 'abduct', NULL, 'Violence against civilians', 'Abduction/forced disappearance', 3),
 ('182', 'Physically assault', 'ASSAULT', 'beat', NULL, 'Violence against civilians', 'Attack', 3),
 ('1821', 'Sexually assault', 'ASSAULT', 'sexual', NULL, 'Violence against civilians', 'Sexual violence', 3),
 ('1822', 'Torture', 'ASSAULT', 'torture', NULL, 'Violence against civilians', 'Attack', 3),
 ('183', 'Bombing', 'ASSAULT', 'explosives', NULL, 'Explosions/Remote violence', 'Remote explosive/landmine/IED', 3),
 ('1831', 'Suicide bombing', 'ASSAULT', 'suicide-attack', NULL, 'Explosions/Remote violence', 'Suicide bomb', 3),
 ('1832', 'Car bombing', 'ASSAULT', 'explosives', NULL, 'Explosions/Remote violence', 'Remote explosive/landmine/IED', 3),
 ('1833', 'Roadside bombing', 'ASSAULT', 'explosives', NULL, 'Explosions/Remote violence', 'Remote explosive/landmine/IED', 3),
 ('184', 'Use as human shield', 'ASSAULT', 'abduct', NULL, 'Violence against civilians', 'Attack', 3),
 ('185', 'Attempt to assassinate', 'ASSAULT', 'assassinate', NULL, 'Violence against civilians', 'Attack', 3),
 ('186', 'Assassinate', 'ASSAULT', 'assassinate', NULL, 'Violence against civilians', 'Attack', 3),
 ('19', 'Fight', 'ASSAULT', NULL, 'military', 'Battles', 'Armed clash', NULL),
 ('193', 'Fight with small arms and light weapons', 'ASSAULT', 'firearms', 'military', 'Battles', 'Armed clash', NULL),
 ('194', 'Fight with artillery and tanks', 'ASSAULT', 'heavy-weapons', 'military', 'Explosions/Remote violence', 'Shelling/artillery/missile attack', NULL),
 ('195', 'Employ aerial weapons', 'ASSAULT', 'heavy-weapons', 'military', 'Explosions/Remote violence', 'Air/drone strike', NULL),
 ('20', 'Use unconventional mass violence', 'ASSAULT', 'unconventional', 'military', 'Violence against civilians', 'Attack', 3),
 ('202', 'Engage in mass killings', 'ASSAULT', 'cleansing', 'military', 'Violence against civilians', 'Attack', 3);
)SQL";

// Views shaped like the datasets analysts know (docs/sqlite-schema.md). A view reads the
// tables write_graph fills, so it is always in step with the graph.
constexpr const char* kViews = R"SQL(
CREATE VIEW IF NOT EXISTS event_reports AS
SELECT e.merged_id AS event_id, e.id AS report_id, e.document_id,
       d.title AS document_title, d.date AS document_date, d.url, d.source,
       CAST(substr(CAST(d.text AS BLOB), e.start + 1, e.end - e.start) AS TEXT) AS sentence
FROM events e JOIN documents d ON d.id = e.document_id;

CREATE VIEW IF NOT EXISTS event_table AS
SELECT m.id AS event_id, m.date, m.date_last, m.country, m.country_code, m.region, m.city,
       m.place, m.lat, m.lon, m.type, m.cameo, m.gtd_attack_type,
       m.killed_low, m.killed_best, m.killed_high,
       m.wounded_low, m.wounded_best, m.wounded_high,
       m.perpetrators,
       CASE WHEN instr(m.perpetrators, '; ') > 0
            THEN substr(m.perpetrators, 1, instr(m.perpetrators, '; ') - 1)
            ELSE m.perpetrators END AS perpetrator,
       m.claimed_by, m.targets, m.victims, m.weapons,
       m.num_sources, m.num_documents, m.num_mentions, m.publishers, m.confidence,
       x.plover_event_type, x.plover_mode, x.plover_context,
       x.acled_event_type, x.acled_sub_event_type, x.ucdp_type_of_violence,
       r.sentence, r.url, r.document_id
FROM merged_events m
LEFT JOIN cameo_crosswalk x ON x.cameo = (
    SELECT c.cameo FROM cameo_crosswalk c
    WHERE m.cameo IS NOT NULL AND substr(m.cameo, 1, length(c.cameo)) = c.cameo
    ORDER BY length(c.cameo) DESC LIMIT 1)
LEFT JOIN event_reports r ON r.report_id = m.id;

CREATE VIEW IF NOT EXISTS quotes AS
SELECT c.id AS claim_id, c.kind, a.name AS speaker, c.speaker_id,
       r.title, o.name AS organization, r.organization_id, r.former,
       c.text, c.event_id, e.merged_id AS merged_event_id,
       c.document_id, d.title AS document_title, d.date AS document_date, d.url,
       c.start, c.end, c.confidence
FROM claims c
JOIN documents d ON d.id = c.document_id
LEFT JOIN actors a ON a.id = c.speaker_id
LEFT JOIN events e ON e.id = c.event_id
LEFT JOIN actor_roles r ON r.rowid = coalesce(
    (SELECT rowid FROM actor_roles WHERE actor_id = c.speaker_id AND document_id = c.document_id
     ORDER BY former, start LIMIT 1),
    (SELECT rowid FROM actor_roles WHERE actor_id = c.speaker_id
     ORDER BY former, document_id, start LIMIT 1))
LEFT JOIN actors o ON o.id = r.organization_id
WHERE c.kind <> 'figure' OR c.speaker_id IS NOT NULL;

CREATE VIEW IF NOT EXISTS gtd_events AS
SELECT event_id AS eventid,
       CAST(substr(date, 1, 4) AS INTEGER) AS iyear,
       CASE WHEN length(date) >= 7 THEN CAST(substr(date, 6, 2) AS INTEGER) ELSE 0 END AS imonth,
       CASE WHEN length(date) >= 10 THEN CAST(substr(date, 9, 2) AS INTEGER) ELSE 0 END AS iday,
       CASE WHEN date_last > date THEN 1 ELSE 0 END AS extended,
       country AS country_txt, region AS provstate, city,
       lat AS latitude, lon AS longitude,
       coalesce(gtd_attack_type, 'Unknown') AS attacktype1_txt,
       targets AS target1,
       coalesce(perpetrator, 'Unknown') AS gname,
       CASE WHEN claimed_by IS NULL THEN 0 ELSE 1 END AS claimed,
       claimed_by,
       weapons AS weapdetail,
       killed_best AS nkill, wounded_best AS nwound,
       sentence AS summary, url AS scite1,
       num_sources AS nsources
FROM event_table;

CREATE VIEW IF NOT EXISTS acled_events AS
SELECT event_id AS event_id_cnty, date AS event_date,
       CAST(substr(date, 1, 4) AS INTEGER) AS year,
       CASE WHEN length(date) = 10 THEN 1 ELSE 3 END AS time_precision,
       acled_event_type AS event_type, acled_sub_event_type AS sub_event_type,
       coalesce(perpetrator, 'Unidentified Armed Group') AS actor1,
       CASE WHEN perpetrators <> perpetrator
            THEN substr(perpetrators, length(perpetrator) + 3) END AS assoc_actor_1,
       coalesce(victims, targets) AS actor2,
       country, country_code AS iso2, region AS admin1, coalesce(city, place) AS location,
       lat AS latitude, lon AS longitude,
       CASE WHEN city IS NOT NULL THEN 1 WHEN region IS NOT NULL THEN 2 ELSE 3 END AS geo_precision,
       publishers AS source, sentence AS notes,
       coalesce(killed_best, 0) AS fatalities
FROM event_table;

CREATE VIEW IF NOT EXISTS ucdp_events AS
SELECT event_id AS id, CAST(substr(date, 1, 4) AS INTEGER) AS year,
       ucdp_type_of_violence AS type_of_violence,
       coalesce(perpetrator, 'Unknown') AS side_a,
       coalesce(victims, targets, 'Civilians') AS side_b,
       url AS source_article,
       CASE WHEN city IS NOT NULL THEN 1 WHEN region IS NOT NULL THEN 4 ELSE 6 END AS where_prec,
       coalesce(city, place) AS where_coordinates, region AS adm_1, country,
       lat AS latitude, lon AS longitude,
       CASE WHEN length(date) = 10 THEN 1 WHEN length(date) = 7 THEN 4 ELSE 5 END AS date_prec,
       date AS date_start, date_last AS date_end,
       coalesce(killed_best, 0) AS best, coalesce(killed_low, 0) AS low,
       coalesce(killed_high, 0) AS high,
       num_sources AS number_of_sources
FROM event_table;

CREATE VIEW IF NOT EXISTS plover_events AS
SELECT event_id AS id, date AS event_date,
       plover_event_type AS event_type, plover_mode AS mode, plover_context AS context,
       perpetrators AS actor, coalesce(targets, victims) AS recipient,
       country, country_code, coalesce(city, place) AS location,
       lat AS latitude, lon AS longitude,
       killed_best AS fatalities, wounded_best AS injuries,
       sentence AS event_text, num_sources
FROM event_table;
)SQL";

// The graph tables and views, dropped when an older schema is upgraded (write_graph refills
// them from the stored extractions, which stay).
constexpr const char* kDropDerived = R"SQL(
DROP VIEW IF EXISTS plover_events; DROP VIEW IF EXISTS ucdp_events;
DROP VIEW IF EXISTS acled_events; DROP VIEW IF EXISTS gtd_events;
DROP VIEW IF EXISTS quotes; DROP VIEW IF EXISTS event_table; DROP VIEW IF EXISTS event_reports;
DROP TABLE IF EXISTS edges; DROP TABLE IF EXISTS claims_fts; DROP TABLE IF EXISTS claims;
DROP TABLE IF EXISTS event_arguments; DROP TABLE IF EXISTS merged_events;
DROP TABLE IF EXISTS events; DROP TABLE IF EXISTS actor_roles;
DROP TABLE IF EXISTS actor_aliases; DROP TABLE IF EXISTS actor_merges; DROP TABLE IF EXISTS actors; DROP TABLE IF EXISTS nodes;
DROP TABLE IF EXISTS cameo_crosswalk; DROP TABLE IF EXISTS graph_state;
)SQL";

// The secondary indexes of the graph tables (kSchema makes them again).
constexpr const char* kDropGraphIndexes = R"SQL(
DROP INDEX IF EXISTS nodes_kind; DROP INDEX IF EXISTS actors_name;
DROP INDEX IF EXISTS events_document; DROP INDEX IF EXISTS events_date; DROP INDEX IF EXISTS events_merged;
DROP INDEX IF EXISTS event_arguments_actor;
DROP INDEX IF EXISTS merged_events_date; DROP INDEX IF EXISTS merged_events_country;
DROP INDEX IF EXISTS claims_speaker; DROP INDEX IF EXISTS claims_event; DROP INDEX IF EXISTS claims_document;
DROP INDEX IF EXISTS actor_roles_actor;
DROP INDEX IF EXISTS edges_source; DROP INDEX IF EXISTS edges_target; DROP INDEX IF EXISTS edges_relation;
DROP INDEX IF EXISTS edges_document;
)SQL";

/// Turns foreign key enforcement off for a graph write and on again after (the pragma is a
/// no-op inside a transaction, so this wraps the transaction). GraphBuilder makes every edge end
/// and claim speaker a node or actor, but actors come last; a test runs foreign_key_check.
class ForeignKeysOff {
public:
    ForeignKeysOff(sqlite3* db) : db_(db) { sqlite3_exec(db_, "PRAGMA foreign_keys = OFF", nullptr, nullptr, nullptr); }
    ~ForeignKeysOff() { sqlite3_exec(db_, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr); }
    ForeignKeysOff(const ForeignKeysOff&) = delete;
    ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

private:
    sqlite3* db_;
};

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
    /// Binds `v` without copying it: it must stay unchanged until the statement is reset or
    /// bound again.
    Statement& bind_static(int i, std::string_view v) {
        sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
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
    /// Column i's text without a copy, valid until the next step.
    std::string_view view(int i) const {
        const auto* p = sqlite3_column_text(stmt_, i);
        return p ? std::string_view(reinterpret_cast<const char*>(p),
                                    static_cast<std::size_t>(sqlite3_column_bytes(stmt_, i)))
                 : std::string_view();
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

/// Separates the values SQLite's group_concat joins (no name or id holds it).
constexpr char kUnitSeparator = '\x1f';

/// The parts of `joined` between separators; none for an empty string.
std::vector<std::string> split(const std::string& joined, char separator) {
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < joined.size();) {
        std::size_t j = joined.find(separator, i);
        if (j == std::string::npos) j = joined.size();
        parts.push_back(joined.substr(i, j - i));
        i = j + 1;
    }
    return parts;
}

std::string qualifier_or_empty(const std::optional<Figure>& f) {
    return f ? to_string(f->qualifier) : std::string();
}

}  // namespace

Store::Store(const std::string& path, bool writable) : path_(path) {
    // SQLite counts every allocation under a global mutex unless told not to; ekg never reads
    // the count. Possible only before SQLite initialises, which the first open does.
    static std::once_flag configured;
    std::call_once(configured, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
    // A Store's connection, and its statements, are used by one thread at a time (the threads
    // of a build hand work to each other, never share the connection): no per-call mutex.
    const int flags = (writable ? (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) : SQLITE_OPEN_READONLY) |
                      SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
        const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        db_ = nullptr;
        throw Error(ExitCode::io, path + ": cannot open database: " + message);
    }
    try {
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
            create_schema(version);
        } else if (version == 0) {
            throw Error(ExitCode::io, path + ": not an ekg database (run `ekg build` first)");
        } else if (version < kSchemaVersion) {
            throw Error(ExitCode::io, path + ": database schema " + std::to_string(version) +
                                          " is older than this ekg (" + std::to_string(kSchemaVersion) +
                                          "): run `ekg build` on it once to upgrade it");
        }
    } catch (...) {
        sqlite3_close(db_);  // the destructor does not run when the constructor throws
        db_ = nullptr;
        throw;
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

void Store::create_schema(std::int64_t version) {
    Transaction t(db_, path_);
    if (version > 0 && version < kSchemaVersion) exec(kDropDerived);
    exec(kSchema);
    exec(kCrosswalk);
    exec(kViews);
    exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
    t.commit();
}

bool Store::has_content(const std::string& content_hash) const {
    Statement s(db_, "SELECT 1 FROM documents WHERE content_hash = ?", path_);
    s.bind(1, content_hash);
    return s.step();
}

std::string Store::stored_json(const Extraction& x) { return extract::document_json(x, true, false); }

std::size_t Store::add_documents(const std::vector<Extraction>& batch, const std::vector<std::string>* json) {
    if (json && json->size() != batch.size())
        throw Error(ExitCode::io, path_ + ": internal error: a batch of documents without all their JSON");
    DocumentWriter writer(*this);
    std::size_t added = 0;
    for (std::size_t i = 0; i < batch.size(); ++i)
        added += writer.add(batch[i], json ? (*json)[i] : stored_json(batch[i])) ? 1 : 0;
    writer.commit();
    return added;
}

/// A DocumentWriter's open transaction and statements.
struct Store::DocumentWriter::Open {
    explicit Open(Store& store)
        : transaction(store.db_, store.path_),
          exists(store.db_, "SELECT 1 FROM documents WHERE content_hash = ? OR id = ?", store.path_),
          doc(store.db_,
              "INSERT INTO documents(id, content_hash, title, date, url, source, path, line, "
              "text, meta, extraction) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
              store.path_),
          sentence(store.db_,
                   "INSERT INTO sentences(document_id, idx, start, end, boilerplate, text) "
                   "VALUES (?,?,?,?,?,?)",
                   store.path_),
          mention(store.db_,
                  "INSERT INTO mentions(document_id, actor_id, sentence, start, end, text, rule) "
                  "VALUES (?,?,?,?,?,?,?)",
                  store.path_),
          last_sentence_rowid(store.max_sentence_rowid()) {}
    Transaction transaction;
    Statement exists, doc, sentence, mention;
    std::int64_t last_sentence_rowid;  ///< the sentences after it are not yet in the full-text index
    std::size_t documents = 0, bytes = 0;
};

Store::DocumentWriter::DocumentWriter(Store& store) : store_(store) {}

Store::DocumentWriter::~DocumentWriter() = default;  // an open transaction rolls back

bool Store::DocumentWriter::add(const Extraction& x, const std::string& json) {
    if (!open_) open_ = std::make_unique<Open>(store_);
    Open& o = *open_;
    const Document& d = x.document;
    o.exists.bind(1, d.content_hash).bind(2, d.id);
    const bool present = o.exists.step();
    sqlite3_reset(o.exists.raw());
    if (present) return false;
    // The long values are bound without a copy: they outlive the statement's run.
    o.doc.bind(1, d.id)
        .bind(2, d.content_hash)
        .bind_or_null(3, d.title)
        .bind_or_null(4, d.date)
        .bind_or_null(5, d.url)
        .bind_or_null(6, d.source)
        .bind_or_null(7, d.path)
        .bind(8, static_cast<std::int64_t>(d.line))
        .bind_static(9, d.text)
        .bind_or_null(10, d.meta.empty() ? std::string() : d.meta.dump())
        .bind_static(11, json);
    o.doc.run();
    const std::string_view text = d.text;
    for (const Sentence& s : x.sentences) {
        o.sentence.bind(1, d.id)
            .bind(2, static_cast<std::int64_t>(s.index))
            .bind(3, static_cast<std::int64_t>(s.span.begin))
            .bind(4, static_cast<std::int64_t>(s.span.end))
            .bind(5, static_cast<std::int64_t>(s.boilerplate))
            .bind_static(6, text.substr(s.span.begin, s.span.end - s.span.begin));
        o.sentence.run();
    }
    for (const Actor& a : x.actors)
        for (const Mention& m : a.mentions) {
            o.mention.bind(1, d.id)
                .bind(2, a.id)
                .bind(3, static_cast<std::int64_t>(m.sentence))
                .bind(4, static_cast<std::int64_t>(m.span.begin))
                .bind(5, static_cast<std::int64_t>(m.span.end))
                .bind(6, m.text)
                .bind(7, m.rule);
            o.mention.run();
        }
    ++o.documents;
    o.bytes += d.text.size() + json.size();
    return true;
}

void Store::DocumentWriter::commit() {
    if (!open_) return;
    store_.index_new_sentences(open_->last_sentence_rowid);
    open_->transaction.commit();
    open_.reset();
}

std::size_t Store::DocumentWriter::pending_bytes() const { return open_ ? open_->bytes : 0; }

std::size_t Store::DocumentWriter::pending_documents() const { return open_ ? open_->documents : 0; }

std::int64_t Store::max_sentence_rowid() const {
    Statement s(db_, "SELECT coalesce(max(rowid), 0) FROM sentences", path_);
    s.step();
    return s.integer(0);
}

void Store::index_new_sentences(std::int64_t after_rowid) {
    Statement s(db_,
                "INSERT INTO sentences_fts(rowid, text) SELECT rowid, text FROM sentences "
                "WHERE rowid > ? ORDER BY rowid",
                path_);
    s.bind(1, after_rowid);
    s.run();
}

void Store::check_source(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw Error(ExitCode::io, path + ": no such file");
    if (!std::filesystem::is_regular_file(path, ec))
        throw Error(ExitCode::io, path + ": not a regular file");
    const Store source(path, /*writable=*/false);  // checks the schema version
    // A database of another program may carry a user_version too: ask for what merge reads.
    try {
        Statement(source.db_, "SELECT id, content_hash, title, date, url, source, path, line, text, "
                              "meta, extraction FROM documents LIMIT 0", path);
        Statement(source.db_, "SELECT document_id, idx, start, end, boilerplate, text FROM sentences "
                              "LIMIT 0", path);
        Statement(source.db_, "SELECT document_id, actor_id, sentence, start, end, text, rule FROM "
                              "mentions LIMIT 0", path);
    } catch (const Error&) {
        throw Error(ExitCode::io, path + ": not an ekg database (no documents, sentences or mentions table)");
    }
}

std::size_t Store::copy_documents_from(const std::string& source, std::size_t* conflicts) {
    {
        Statement attach(db_, "ATTACH DATABASE ? AS merge_source", path_);
        attach.bind(1, source);
        attach.run();
    }
    std::size_t added = 0;
    try {
        Transaction t(db_, path_);
        // The documents to copy: neither their content nor their id is stored yet.
        exec("CREATE TEMP TABLE IF NOT EXISTS merge_new(id TEXT PRIMARY KEY); DELETE FROM merge_new;"
             "INSERT INTO merge_new(id) SELECT s.id FROM merge_source.documents s "
             "WHERE NOT EXISTS (SELECT 1 FROM main.documents d "
             "                  WHERE d.content_hash = s.content_hash OR d.id = s.id)");
        {
            Statement n(db_, "SELECT count(*) FROM merge_new", path_);
            n.step();
            added = static_cast<std::size_t>(n.integer(0));
        }
        if (conflicts) {
            Statement n(db_,
                        "SELECT count(*) FROM merge_source.documents s JOIN main.documents d "
                        "ON d.id = s.id AND d.content_hash <> s.content_hash",
                        path_);
            n.step();
            *conflicts = static_cast<std::size_t>(n.integer(0));
        }
        const std::int64_t last_rowid = max_sentence_rowid();
        exec("INSERT INTO main.documents(id, content_hash, title, date, url, source, path, line, "
             "text, meta, extraction) "
             "SELECT id, content_hash, title, date, url, source, path, line, text, meta, extraction "
             "FROM merge_source.documents WHERE id IN (SELECT id FROM merge_new) ORDER BY id;"
             "INSERT INTO main.sentences(document_id, idx, start, end, boilerplate, text) "
             "SELECT document_id, idx, start, end, boilerplate, text FROM merge_source.sentences "
             "WHERE document_id IN (SELECT id FROM merge_new) ORDER BY document_id, idx;"
             "INSERT INTO main.mentions(document_id, actor_id, sentence, start, end, text, rule) "
             "SELECT document_id, actor_id, sentence, start, end, text, rule "
             "FROM merge_source.mentions WHERE document_id IN (SELECT id FROM merge_new) "
             "ORDER BY document_id, rowid;"
             "DELETE FROM merge_new;");
        index_new_sentences(last_rowid);
        t.commit();
    } catch (...) {
        sqlite3_exec(db_, "DETACH DATABASE merge_source", nullptr, nullptr, nullptr);
        throw;
    }
    exec("DETACH DATABASE merge_source");
    return added;
}

std::vector<Extraction> Store::load_extractions() const {
    std::vector<Extraction> out;
    for_each_extraction(true, [&](Extraction&& x) { out.push_back(std::move(x)); });
    return out;
}

namespace {

/// A stored document and its extraction's JSON, not yet parsed.
struct StoredRow {
    Document document;
    std::string json;
};

/// Reads the stored documents in id order, a batch at a time.
class StoredRows {
public:
    StoredRows(sqlite3* db, const std::string& path, bool with_text)
        : select_(db,
                  std::string("SELECT id, content_hash, title, date, url, source, path, line, ") +
                      (with_text ? "text" : "NULL") + ", meta, extraction FROM documents ORDER BY id",
                  path) {}
    /// The next rows (up to `max_rows` or about `max_bytes`); empty at the end.
    std::vector<StoredRow> next(std::size_t max_rows, std::size_t max_bytes) {
        std::vector<StoredRow> rows;
        std::size_t bytes = 0;
        while (!done_ && rows.size() < max_rows && bytes < max_bytes) {
            if (!select_.step()) {  // a step after the last would start the query again
                done_ = true;
                break;
            }
            StoredRow row;
            Document& d = row.document;
            d.id = select_.text(0);
            d.content_hash = select_.text(1);
            d.title = select_.text(2);
            d.date = select_.text(3);
            d.url = select_.text(4);
            d.source = select_.text(5);
            d.path = select_.text(6);
            d.line = select_.integer(7);
            d.text = select_.text(8);
            if (!select_.is_null(9)) d.meta = extract::parse_json(select_.text(9));
            row.json = select_.text(10);
            bytes += row.json.size() + d.text.size();
            rows.push_back(std::move(row));
        }
        return rows;
    }

private:
    Statement select_;
    bool done_ = false;
};

Extraction parse_stored(StoredRow&& row, const std::string& path) {
    const std::string id = row.document.id;
    try {
        return extract::document_from_json(row.json, std::move(row.document));
    } catch (const extract::MalformedJson& e) {
        throw Error(ExitCode::io, path + ": stored extraction of document " + id + " is malformed: " + e.what());
    }
}

}  // namespace

void Store::for_each_extraction(bool with_text, const std::function<void(Extraction&&)>& f) const {
    StoredRows rows(db_, path_, with_text);
    constexpr std::size_t kAnySize = std::numeric_limits<std::size_t>::max();
    for (auto batch = rows.next(1, kAnySize); !batch.empty(); batch = rows.next(1, kAnySize))
        f(parse_stored(std::move(batch.front()), path_));
}

namespace {

/// The stored extractions one at a time, each walked for one top-level array ("actors",
/// "events") without parsing the rest: `element(cursor, document_id)` reads each element (the
/// cursor at it) and must consume it. A malformed extraction is an Error naming the document.
template <class Element>
void for_each_stored_element(sqlite3* db, const std::string& path, std::string_view array,
                             Element element) {
    Statement s(db, "SELECT id, extraction FROM documents ORDER BY rowid", path);
    std::string key, document_id;
    while (s.step()) {
        document_id = s.text(0);
        extract::JsonCursor c(s.view(1));
        bool ok = c.enter('{');
        while (ok && c.next_key(key)) {
            if (key != array) {
                ok = c.skip();
                continue;
            }
            ok = c.enter('[');
            while (ok && c.next_element()) ok = element(c, document_id);
        }
        if (!ok || c.failed())
            throw Error(ExitCode::io, path + ": stored extraction of document " + document_id +
                                          " is malformed: its " + std::string(array) + " cannot be read");
    }
}

/// Reads the array of strings at the cursor.
bool read_strings(extract::JsonCursor& c, std::vector<std::string>& out) {
    out.clear();
    if (c.peek() == 'n') return c.skip();
    if (!c.enter('[')) return false;
    std::string value;
    while (c.next_element()) {
        if (!c.string(value)) return false;
        out.push_back(value);
    }
    return !c.failed();
}

}  // namespace

void Store::for_each_actor(const std::function<void(const std::string&, const Actor&)>& f) const {
    // Only the few fields resolution needs are read: the mentions are stepped over, not parsed.
    Actor a;
    std::string key, kind;
    for_each_stored_element(db_, path_, "actors", [&](extract::JsonCursor& c, const std::string& document_id) {
        a = Actor{};
        kind.clear();
        bool ok = c.enter('{');
        while (ok && c.next_key(key)) {
            if (key == "id") ok = c.string(a.id);
            else if (key == "name") ok = c.string(a.name);
            else if (key == "kind") ok = c.string(kind);
            else if (key == "rule") ok = c.string(a.rule);
            else if (key == "aliases") ok = read_strings(c, a.aliases);
            else ok = c.skip();
        }
        if (!ok || c.failed()) return false;
        const auto k = actor_kind_from_string(kind);
        if (a.id.empty() || !k)
            throw Error(ExitCode::io, path_ + ": stored extraction of document " + document_id +
                                          " is malformed: an actor without id or with kind '" + kind + "'");
        a.kind = *k;
        f(document_id, a);
        return true;
    });
}

namespace {

/// Writes what a GraphBuilder makes into the graph tables (the caller holds the transaction).
class StoreSink : public graph::GraphSink {
public:
    StoreSink(sqlite3* db, const std::string& path)
        : node_(db,
                "INSERT INTO nodes(id, kind, label, subtype, country_code, lat, lon, date, "
                "mentions, documents, sources) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                path),
          actor_(db,
                 "INSERT INTO actors(id, name, kind, place_type, country_code, lat, lon, "
                 "mentions, documents) VALUES (?,?,?,?,?,?,?,?,?)",
                 path),
          alias_(db, "INSERT OR IGNORE INTO temp.graph_aliases(actor_id, alias) VALUES (?,?)", path),
          role_(db,
                "INSERT INTO actor_roles(actor_id, document_id, title, organization_id, former, "
                "start, end) VALUES (?,?,?,?,?,?,?)",
                path),
          event_(db,
                 "INSERT INTO events(id, document_id, type, cameo, gtd_attack_type, date, place, "
                 "city, region, country, country_code, lat, lon, place_actor_id, killed, "
                 "killed_qualifier, wounded, wounded_qualifier, sentence, start, end, confidence, "
                 "merged_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                 path),
          argument_(db,
                    "INSERT INTO event_arguments(event_id, role, idx, text, actor_id, start, end, "
                    "rule) VALUES (?,?,?,?,?,?,?,?)",
                    path),
          claim_(db,
                 "INSERT INTO claims(id, document_id, kind, speaker_id, text, start, end, "
                 "event_id, value, confidence, rule) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                 path),
          merged_(db,
                  "INSERT INTO merged_events(id, type, cameo, gtd_attack_type, date, date_last, "
                  "place, city, region, country, country_code, lat, lon, place_actor_id, "
                  "killed_low, killed_best, killed_high, wounded_low, wounded_best, wounded_high, "
                  "perpetrators, perpetrator_ids, claimed_by, targets, victims, weapons, "
                  "num_mentions, num_documents, num_sources, publishers, confidence) "
                  "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                  path),
          edge_(db,
                "INSERT INTO edges(id, source, target, relation, document_id, start, end, weight, "
                "title, former, rule) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                path) {}

    void node(const graph::NodeProps& n) override {
        node_.bind(1, n.id)
            .bind(2, std::string(graph::to_string(n.kind)))
            .bind(3, n.label)
            .bind_or_null(4, n.subtype)
            .bind_or_null(5, n.country_code)
            .bind(6, n.lat)
            .bind(7, n.lon)
            .bind_or_null(8, n.date)
            .bind(9, n.mentions)
            .bind(10, n.documents)
            .bind(11, n.sources);
        node_.run();
    }

    void actor(const graph::NodeProps& n, const std::string& place_type) override {
        actor_.bind(1, n.id)
            .bind(2, n.label)
            .bind(3, n.subtype)
            .bind_or_null(4, place_type)
            .bind_or_null(5, n.country_code)
            .bind(6, n.lat)
            .bind(7, n.lon)
            .bind(8, n.mentions)
            .bind(9, n.documents);
        actor_.run();
    }

    void alias(const std::string& actor_id, const std::string& alias) override {
        alias_.bind(1, actor_id).bind(2, alias);
        alias_.run();
    }

    void edge(const std::string& from, const std::string& to, const graph::EdgeProps& e) override {
        edge_.bind(1, ++edges_)
            .bind(2, from)
            .bind(3, to)
            .bind(4, e.relation)
            .bind_or_null(5, e.document)
            .bind(6, static_cast<std::int64_t>(e.span.begin))
            .bind(7, static_cast<std::int64_t>(e.span.end))
            .bind(8, e.weight)
            .bind_or_null(9, e.title)
            .bind(10, static_cast<std::int64_t>(e.former))
            .bind_or_null(11, e.rule);
        edge_.run();
    }

    void document(const Extraction& x, const std::vector<std::string>& event_nodes) override {
        for (const Actor& a : x.actors)
            for (const Role& r : a.roles) {
                role_.bind(1, a.id)
                    .bind(2, x.document.id)
                    .bind(3, r.title)
                    .bind_or_null(4, r.organization)
                    .bind(5, static_cast<std::int64_t>(r.former))
                    .bind(6, static_cast<std::int64_t>(r.span.begin))
                    .bind(7, static_cast<std::int64_t>(r.span.end));
                role_.run();
            }
        for (std::size_t i = 0; i < x.events.size(); ++i)
            write_event(x.events[i], x.document.id, event_nodes[i]);
        for (const Claim& c : x.claims) write_claim(c, x.document.id);
    }

    void figure_claim(const graph::FigureClaim& f) override { write_claim(f.claim, f.document->id); }

    void merged_event(const graph::MergedEvent& m,
                      const std::function<const std::string*(const std::string&)>& label) override {
        // Names of the arguments over every report, each once, in report order.
        const auto names = [&](std::vector<Arg> Event::*slot, bool ids) {
            std::vector<std::string> out;
            for (const graph::Report& r : m.reports)
                for (const Arg& a : r.event->*slot) {
                    if (ids && a.actor.empty()) continue;
                    std::string name = ids ? a.actor : a.text;
                    if (!ids && !a.actor.empty())
                        if (const std::string* l = label(a.actor)) name = *l;
                    if (!name.empty() && std::find(out.begin(), out.end(), name) == out.end())
                        out.push_back(std::move(name));
                }
            return out;
        };
        const auto join = [](const std::vector<std::string>& parts, const char* separator) {
            std::string s;
            for (const std::string& p : parts) s += (s.empty() ? "" : separator) + p;
            return s;
        };
        const auto figure = [](const std::optional<graph::FigureRange>& f,
                               std::int64_t graph::FigureRange::*field) {
            return f ? std::optional<std::int64_t>((*f).*field) : std::nullopt;
        };
        // The most specific report names the type: a generic "attack" gives way to a bombing.
        const Event* typed = m.reports.front().event;
        for (const graph::Report& r : m.reports)
            if (!graph::type_family(*r.event).empty()) {
                typed = r.event;
                break;
            }
        const Place p = m.place ? *m.place : Place{};
        std::optional<double> lat = p.lat, lon = p.lon;
        for (const graph::Report& r : m.reports)
            if (!lat && r.event->place && r.event->place->lat && r.event->place->lon) {
                lat = r.event->place->lat;
                lon = r.event->place->lon;
            }
        std::vector<std::string> publishers;
        double confidence = 0.0;
        for (const graph::Report& r : m.reports) {
            const std::string& source = r.document->source;
            if (!source.empty() && std::find(publishers.begin(), publishers.end(), source) == publishers.end())
                publishers.push_back(source);
            confidence = std::max(confidence, r.event->confidence);
        }
        merged_.bind(1, m.id)
            .bind(2, typed->type)
            .bind_or_null(3, typed->cameo)
            .bind_or_null(4, typed->gtd_attack_type)
            .bind_or_null(5, m.date)
            .bind_or_null(6, m.date_last)
            .bind_or_null(7, p.name)
            .bind_or_null(8, p.city)
            .bind_or_null(9, p.region)
            .bind_or_null(10, p.country)
            .bind_or_null(11, p.country_code)
            .bind(12, lat)
            .bind(13, lon)
            .bind_or_null(14, p.actor)
            .bind(15, figure(m.killed, &graph::FigureRange::low))
            .bind(16, figure(m.killed, &graph::FigureRange::best))
            .bind(17, figure(m.killed, &graph::FigureRange::high))
            .bind(18, figure(m.wounded, &graph::FigureRange::low))
            .bind(19, figure(m.wounded, &graph::FigureRange::best))
            .bind(20, figure(m.wounded, &graph::FigureRange::high))
            .bind_or_null(21, join(names(&Event::perpetrators, false), "; "))
            .bind_or_null(22, join(names(&Event::perpetrators, true), ";"))
            .bind_or_null(23, join(names(&Event::claimed_by, false), "; "))
            .bind_or_null(24, join(names(&Event::targets, false), "; "))
            .bind_or_null(25, join(names(&Event::victims, false), "; "))
            .bind_or_null(26, join(names(&Event::weapons, false), "; "))
            .bind(27, m.mentions)
            .bind(28, m.documents)
            .bind(29, m.sources)
            .bind_or_null(30, join(publishers, "; "))
            .bind(31, confidence);
        merged_.run();
    }

private:
    void write_claim(const Claim& c, const std::string& document_id) {
        claim_.bind(1, c.id)
            .bind(2, document_id)
            .bind(3, std::string(to_string(c.kind)))
            .bind_or_null(4, c.speaker)
            .bind(5, c.text)
            .bind(6, static_cast<std::int64_t>(c.span.begin))
            .bind(7, static_cast<std::int64_t>(c.span.end))
            .bind_or_null(8, c.event)
            .bind(9, c.value)
            .bind(10, c.confidence)
            .bind_or_null(11, c.rule);
        claim_.run();
    }

    void write_event(const Event& e, const std::string& document_id, const std::string& merged_id) {
        const Place p = e.place.value_or(Place{});
        event_.bind(1, e.id)
            .bind(2, document_id)
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
            .bind(22, e.confidence)
            .bind(23, merged_id);
        event_.run();
        const auto write_args = [&](const std::vector<Arg>& args, const char* name) {
            std::int64_t idx = 0;
            for (const Arg& a : args) {
                argument_.bind(1, e.id)
                    .bind(2, std::string(name))
                    .bind(3, idx++)
                    .bind(4, a.text)
                    .bind_or_null(5, a.actor)
                    .bind(6, static_cast<std::int64_t>(a.span.begin))
                    .bind(7, static_cast<std::int64_t>(a.span.end))
                    .bind_or_null(8, a.rule);
                argument_.run();
            }
        };
        if (!e.trigger.text.empty()) write_args({e.trigger}, "trigger");
        write_args(e.perpetrators, "perpetrator");
        write_args(e.victims, "victim");
        write_args(e.targets, "target");
        write_args(e.weapons, "weapon");
        write_args(e.claimed_by, "claimed_by");
        write_args(e.mentions, "mention");
    }

    Statement node_, actor_, alias_, role_, event_, argument_, claim_, merged_, edge_;
    std::int64_t edges_ = 0;
};

}  // namespace

void Store::begin_graph(const graph::ActorResolution* resolution) {
    // The secondary indexes are made again at the end, in one sort each, rather than grown a row
    // at a time.
    exec(kDropGraphIndexes);
    exec("DELETE FROM graph_state; DELETE FROM edges; DELETE FROM claims; DELETE FROM event_arguments; "
         "DELETE FROM merged_events; DELETE FROM events; DELETE FROM actor_roles; "
         "DELETE FROM actor_aliases; DELETE FROM actor_merges; DELETE FROM actors; DELETE FROM nodes;");
    exec("CREATE TEMP TABLE IF NOT EXISTS graph_aliases(actor_id TEXT, alias TEXT, "
         "PRIMARY KEY(actor_id, alias)) WITHOUT ROWID; DELETE FROM temp.graph_aliases;");
    if (resolution) {
        Statement merged(db_, "INSERT INTO actor_merges(actor_id, canonical_id, rule) VALUES (?,?,?)", path_);
        for (const auto& [from, to] : resolution->merged) {
            merged.bind(1, from).bind(2, to.id).bind(3, to.rule);
            merged.run();
        }
    }
}

bool Store::graph_is_current() const {
    Statement s(db_,
                "SELECT g.format = ?1 AND g.documents = (SELECT count(*) FROM documents) AND "
                "g.last_document_rowid = (SELECT coalesce(max(rowid), 0) FROM documents) "
                "FROM graph_state g WHERE g.id = 1",
                path_);
    s.bind(1, kGraphFormat);
    return s.step() && s.integer(0) == 1;
}

void Store::end_graph() {
    exec(kSchema);  // every CREATE there says IF NOT EXISTS: only the dropped indexes are made
    exec("INSERT INTO actor_aliases(actor_id, alias) SELECT actor_id, alias FROM temp.graph_aliases "
         "WHERE actor_id IN (SELECT id FROM actors) ORDER BY actor_id, alias; "
         "DELETE FROM temp.graph_aliases;");
    exec("INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')");
}

void Store::write_graph(const std::vector<Extraction>& extractions, const graph::ActorResolution* resolution) {
    std::vector<const Extraction*> pointers;
    for (const Extraction& x : extractions) pointers.push_back(&x);
    std::sort(pointers.begin(), pointers.end(), [](const Extraction* a, const Extraction* b) {
        return a->document.id < b->document.id;
    });
    std::unordered_set<std::string> actor_ids;
    for (const Extraction* x : pointers)
        for (const Actor& a : x->actors) actor_ids.insert(a.id);
    ForeignKeysOff unchecked(db_);
    Transaction t(db_, path_);
    begin_graph(resolution);
    {
        StoreSink sink(db_, path_);
        const graph::MemoryMergePlan plan = graph::plan_merges(pointers);
        graph::GraphBuilder builder(plan, std::move(actor_ids), graph::memory_loader(pointers), sink);
        for (const Extraction* x : pointers) builder.add(*x);
        builder.finish();
    }
    end_graph();
    t.commit();
}

namespace {

/// A merge plan kept in a temporary table (one row per report of a merged event), so that a
/// corpus whose reports mostly merge does not hold them all in memory.
class StoredMergePlan : public graph::MergePlan {
public:
    StoredMergePlan(sqlite3* db, const std::string& path)
        : lookup_(db, "SELECT merged_id FROM temp.merge_plan WHERE event_id = ?", path),
          clusters_(db, "SELECT merged_id, event_id FROM temp.merge_plan ORDER BY merged_id, event_id", path) {}
    std::optional<std::string> merged_of(const std::string& event_id) const override {
        lookup_.bind(1, event_id);
        std::optional<std::string> merged;
        if (lookup_.step()) merged = lookup_.text(0);
        sqlite3_reset(lookup_.raw());
        return merged;
    }
    void for_each_cluster(
        const std::function<void(const std::string&, const std::vector<std::string>&)>& f) const override {
        std::string id;
        std::vector<std::string> reports;
        while (clusters_.step()) {
            std::string merged = clusters_.text(0);
            if (merged != id && !reports.empty()) {
                f(id, reports);
                reports.clear();
            }
            id = std::move(merged);
            reports.push_back(clusters_.text(1));
        }
        if (!reports.empty()) f(id, reports);
        sqlite3_reset(clusters_.raw());
    }

private:
    mutable Statement lookup_, clusters_;
};

}  // namespace

void Store::plan_merges(const graph::ActorResolution& resolution) {
    // The few fields merging needs, read out of the stored JSON (the rest stepped over) into a
    // temporary table, then clustered one place key at a time: the corpus is never held in memory.
    exec("CREATE TEMP TABLE IF NOT EXISTS merge_candidates(place_key TEXT, days INTEGER, event_id TEXT, "
         "document_id TEXT, family TEXT, perpetrators TEXT); DELETE FROM temp.merge_candidates;");
    {
        Statement insert(db_, "INSERT INTO temp.merge_candidates VALUES (?,?,?,?,?,?)", path_);
        std::string key, actor;
        Event e;
        bool placed = false;
        // The place object's fields; false on a fault.
        const auto read_place = [&](extract::JsonCursor& c) {
            if (c.peek() != '{') return c.skip();
            placed = true;
            Place place;
            bool ok = c.enter('{');
            while (ok && c.next_key(key)) {
                if (key == "actor") ok = c.string(place.actor);
                else if (key == "country_code") ok = c.string(place.country_code);
                else if (key == "city") ok = c.string(place.city);
                else if (key == "name") ok = c.string(place.name);
                else ok = c.skip();
            }
            place.actor = resolution.canonical(place.actor);
            e.place = std::move(place);
            return ok && !c.failed();
        };
        // The perpetrators' actor ids (those without an actor are text only: left out).
        const auto read_perpetrators = [&](extract::JsonCursor& c) {
            if (c.peek() != '[') return c.skip();
            bool ok = c.enter('[');
            while (ok && c.next_element()) {
                actor.clear();
                bool named = false;
                ok = c.enter('{');
                while (ok && c.next_key(key)) {
                    if (key == "actor" && c.peek() != 'n') {
                        ok = c.string(actor);
                        named = true;
                    } else {
                        ok = c.skip();
                    }
                }
                if (named) {
                    Arg a;
                    a.actor = resolution.canonical(actor);
                    e.perpetrators.push_back(std::move(a));
                }
            }
            return ok && !c.failed();
        };
        for_each_stored_element(db_, path_, "events", [&](extract::JsonCursor& c, const std::string& document_id) {
            e = Event{};
            placed = false;
            bool ok = c.enter('{');
            while (ok && c.next_key(key)) {
                if (key == "id") ok = c.string(e.id);
                else if (key == "date") ok = c.string(e.date);
                else if (key == "type") ok = c.string(e.type);
                else if (key == "cameo") ok = c.string(e.cameo);
                else if (key == "gtd_attack_type") ok = c.string(e.gtd_attack_type);
                else if (key == "place") ok = read_place(c);
                else if (key == "perpetrators") ok = read_perpetrators(c);
                else ok = c.skip();
            }
            if (!ok || c.failed()) return false;
            // Only a report with a day and a place object can merge.
            if (e.date.size() != 10 || !placed) return true;
            const auto candidate = graph::merge_candidate(e, document_id);
            if (!candidate) return true;
            const graph::MergeCandidate& m = candidate->second;
            std::string ids;
            for (const std::string& p : m.perpetrators) ids += (ids.empty() ? "" : std::string(1, kUnitSeparator)) + p;
            insert.bind(1, candidate->first)
                .bind(2, m.days)
                .bind(3, m.event_id)
                .bind(4, m.document_id)
                .bind(5, m.family)
                .bind(6, ids);
            insert.run();
            return true;
        });
    }
    exec("CREATE TEMP TABLE IF NOT EXISTS merge_plan(event_id TEXT PRIMARY KEY, merged_id TEXT NOT NULL) "
         "WITHOUT ROWID; DELETE FROM temp.merge_plan;");
    Statement planned(db_, "INSERT INTO temp.merge_plan(event_id, merged_id) VALUES (?,?)", path_);
    std::vector<graph::MergeCandidate> block;
    std::string key;
    const auto cluster = [&] {
        graph::cluster_block(block, {}, [&](const std::vector<const graph::MergeCandidate*>& members) {
            if (members.size() < 2) return;
            std::string id = members.front()->event_id;
            for (const graph::MergeCandidate* c : members) id = std::min(id, c->event_id);
            for (const graph::MergeCandidate* c : members) {
                planned.bind(1, c->event_id).bind(2, id);
                planned.run();
            }
        });
        block.clear();
    };
    {
        Statement scan(db_,
                       "SELECT place_key, days, event_id, document_id, family, perpetrators "
                       "FROM temp.merge_candidates ORDER BY place_key",
                       path_);
        while (scan.step()) {
            if (scan.text(0) != key) {
                cluster();
                key = scan.text(0);
            }
            block.push_back(graph::MergeCandidate{scan.text(2), scan.text(3), scan.integer(1),
                                                  scan.text(4), split(scan.text(5), kUnitSeparator)});
        }
        cluster();
    }
    exec("DELETE FROM temp.merge_candidates");
}

void Store::rebuild_graph(const std::function<void()>& step, unsigned threads, ActorsSeen* seen) {
    // SQLite's sorter (the merge plan's ORDER BY, the indexes made at the end) may use the
    // other threads too; the order it gives is the same.
    exec("PRAGMA threads = " + std::to_string(threads >= 2 ? std::min(threads - 1, 8u) : 0u));
    // Actors first: which ids the corpus shows to be one entity (no text needed).
    graph::ActorResolver resolver;
    std::unordered_set<std::string> actor_ids;
    if (seen != nullptr && seen->documents == count("documents")) {
        resolver = std::move(seen->resolver);
        actor_ids = std::move(seen->ids);
    } else {
        for_each_actor([&](const std::string& document_id, const Actor& a) {
            actor_ids.insert(a.id);
            resolver.add(document_id, a);
        });
    }
    const graph::ActorResolution resolution = resolver.finish();
    {
        std::unordered_set<std::string> canonical;
        for (const std::string& id : actor_ids) canonical.insert(resolution.canonical(id));
        actor_ids = std::move(canonical);
    }
    ForeignKeysOff unchecked(db_);
    Transaction t(db_, path_);
    plan_merges(resolution);
    begin_graph(&resolution);
    {
        // Then every extraction once, resolved, one at a time.
        StoreSink sink(db_, path_);
        // The reports of merged events are read again at the end, one merged event at a time.
        Statement report(db_,
                         "SELECT d.id, d.source, d.date, e.value, "
                         "(SELECT group_concat(json_extract(c.value, '$.value'), ',') "
                         " FROM json_each(d.extraction, '$.claims') c "
                         " WHERE json_extract(c.value, '$.kind') = 'figure' "
                         " AND json_extract(c.value, '$.event') = ?1) "
                         "FROM events v JOIN documents d ON d.id = v.document_id, "
                         "json_each(d.extraction, '$.events') e "
                         "WHERE v.id = ?1 AND json_extract(e.value, '$.id') = ?1",
                         path_);
        const auto load = [&](const std::vector<std::string>& ids) {
            graph::LoadedReports out;
            for (const std::string& id : ids) {
                report.bind(1, id);
                if (!report.step())
                    throw Error(ExitCode::io, path_ + ": event " + id + " vanished during the rebuild");
                Document d;
                d.id = report.text(0);
                d.source = report.text(1);
                d.date = report.text(2);
                Extraction x;
                x.document = std::move(d);
                try {
                    x.events.push_back(extract::event_from_json(report.view(3)));
                } catch (const extract::MalformedJson& e) {
                    throw Error(ExitCode::io, path_ + ": stored event " + id + " is malformed: " + e.what());
                }
                graph::Report r;
                for (const std::string& toll : split(report.text(4), ','))
                    r.tolls.push_back(std::stoll(toll));
                sqlite3_reset(report.raw());
                graph::apply_resolution(x, resolution);
                out.extractions.push_back(std::move(x));
                r.event = &out.extractions.back().events.front();
                r.document = &out.extractions.back().document;
                out.reports.push_back(std::move(r));
            }
            return out;
        };
        const StoredMergePlan plan(db_, path_);
        graph::GraphBuilder builder(plan, std::move(actor_ids), load, sink);
        // This thread reads and builds; another parses and resolves the next batch meanwhile.
        StoredRows rows(db_, path_, !resolution.acronyms.empty());
        const auto parse = [this, &resolution](std::vector<StoredRow> batch) {
            std::vector<Extraction> out;
            out.reserve(batch.size());
            for (StoredRow& row : batch) {
                out.push_back(parse_stored(std::move(row), path_));
                graph::apply_resolution(out.back(), resolution);
            }
            return out;
        };
        constexpr std::size_t kRows = 256, kBytes = 8 << 20;
        const auto policy = threads >= 2 ? std::launch::async : std::launch::deferred;
        auto next = std::async(policy, parse, rows.next(kRows, kBytes));
        for (;;) {
            const std::vector<Extraction> ready = next.get();
            if (ready.empty()) break;
            next = std::async(policy, parse, rows.next(kRows, kBytes));
            for (const Extraction& x : ready) {
                builder.add(x);
                if (step) step();
            }
        }
        builder.finish();
    }
    end_graph();
    Statement state(db_,
                    "INSERT INTO graph_state(id, documents, last_document_rowid, format) "
                    "SELECT 1, count(*), coalesce(max(rowid), 0), ?1 FROM documents",
                    path_);
    state.bind(1, kGraphFormat);
    state.run();
    t.commit();
}

namespace {

graph::NodeProps node_of_row(const Statement& s) {
    graph::NodeProps n;
    n.id = s.text(0);
    n.kind = graph::node_kind_from_string(s.text(1)).value_or(graph::NodeKind::actor);
    n.label = s.text(2);
    n.subtype = s.text(3);
    n.country_code = s.text(4);
    n.lat = s.real(5);
    n.lon = s.real(6);
    n.date = s.text(7);
    n.mentions = s.integer(8);
    n.documents = s.integer(9);
    n.sources = s.integer(10);
    return n;
}

graph::EdgeProps edge_of_row(const Statement& s) {
    graph::EdgeProps e;
    e.relation = s.text(2);
    e.document = s.text(3);
    e.span = {static_cast<std::uint32_t>(s.integer(4)), static_cast<std::uint32_t>(s.integer(5))};
    e.weight = s.real(6).value_or(1.0);
    e.title = s.text(7);
    e.former = s.integer(8) != 0;
    e.rule = s.text(9);
    return e;
}

constexpr const char* kNodeColumns =
    "n.id, n.kind, n.label, n.subtype, n.country_code, n.lat, n.lon, n.date, n.mentions, n.documents, "
    "n.sources";
constexpr const char* kEdgeColumns =
    "e.source, e.target, e.relation, e.document_id, e.start, e.end, e.weight, e.title, e.former, e.rule";

}  // namespace

void Store::for_each_node(
    const std::function<void(const graph::NodeProps&, std::int64_t, const std::string&)>& f) const {
    Statement s(db_,
                std::string("SELECT ") + kNodeColumns +
                    ", (SELECT count(*) FROM edges WHERE source = n.id) + "
                    "(SELECT count(*) FROM edges WHERE target = n.id), "
                    "CASE WHEN n.kind = 'claim' THEN (SELECT d.date FROM edges e JOIN nodes d ON d.id = e.target "
                    " WHERE e.source = n.id AND +e.relation = 'mentioned_in' AND d.kind = 'document' "
                    " ORDER BY e.id LIMIT 1) END "
                    "FROM nodes n ORDER BY n.rowid",
                path_);
    while (s.step()) f(node_of_row(s), s.integer(11), s.text(12));
}

void Store::for_each_edge(bool with_ends,
                          const std::function<void(const std::string&, const std::string&,
                                                   const graph::EdgeProps&, const EdgeEnds&)>& f) const {
    Statement s(db_,
                std::string("SELECT ") + kEdgeColumns +
                    (with_ends ? ", s.kind, s.date, t.kind, t.date, d.id IS NOT NULL, d.date FROM edges e "
                                 "JOIN nodes s ON s.id = e.source JOIN nodes t ON t.id = e.target "
                                 "LEFT JOIN nodes d ON d.id = 'doc:' || e.document_id AND d.kind = 'document' "
                               : " FROM edges e ") +
                    "ORDER BY e.id",
                path_);
    EdgeEnds ends;
    while (s.step()) {
        if (with_ends) {
            ends.source_kind = graph::node_kind_from_string(s.text(10)).value_or(graph::NodeKind::actor);
            ends.source_date = s.text(11);
            ends.target_kind = graph::node_kind_from_string(s.text(12)).value_or(graph::NodeKind::actor);
            ends.target_date = s.text(13);
            ends.has_document = s.integer(14) != 0;
            ends.document_date = s.text(15);
        }
        f(s.text(0), s.text(1), edge_of_row(s), ends);
    }
}

graph::KnowledgeGraph Store::read_graph() const {
    graph::KnowledgeGraph kg;
    Statement nodes(db_, std::string("SELECT ") + kNodeColumns + " FROM nodes n ORDER BY n.rowid", path_);
    while (nodes.step()) kg.add_node(node_of_row(nodes));
    Statement edges(db_, std::string("SELECT ") + kEdgeColumns + " FROM edges e ORDER BY e.id", path_);
    while (edges.step()) kg.add_edge(edges.text(0), edges.text(1), edge_of_row(edges));
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
