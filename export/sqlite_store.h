// The SQLite store: documents and their extractions, and the merged graph as tables.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "graph.h"
#include "merge.h"
#include "model.h"

struct sqlite3;

namespace ekg::exporter {

/// Schema version kept in PRAGMA user_version. Version 2 added merged events, event
/// arguments, actor roles, claim full-text search and the analysts' views; opening an older
/// database for writing rebuilds its graph tables (the stored extractions stay).
inline constexpr int kSchemaVersion = 2;

/// An open database. SQLite errors become ekg::Error(io) naming the database file.
class Store {
public:
    /// Opens (creating when `writable`) the database at `path`. A read-only store is opened
    /// with SQLITE_OPEN_READONLY, so no statement can change it.
    Store(const std::string& path, bool writable);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    /// True when a document with this content hash is already stored.
    bool has_content(const std::string& content_hash) const;

    /// Stores a batch of documents with their sentences and mentions in one transaction.
    /// Documents whose content hash is already stored are skipped; returns how many were added.
    std::size_t add_documents(const std::vector<Extraction>& batch);

    /// Every stored extraction, in document id order.
    std::vector<Extraction> load_extractions() const;

    /// Replaces the graph tables (nodes, actors, actor_aliases, actor_roles, events,
    /// event_arguments, merged_events, claims, edges) with `graph`, in one transaction.
    /// Requires: `graph` == graph::build_graph(extractions); the events are merged again here
    /// (deterministically) to fill merged_events and events.merged_id.
    void write_graph(const graph::KnowledgeGraph& graph, const std::vector<Extraction>& extractions);

    /// Rebuilds the graph from the tables written by write_graph.
    graph::KnowledgeGraph read_graph() const;

    /// Runs one SQL statement: `header` gets the column names once, then `row` each row's
    /// values typed as JSON (null, integer, real, text; blobs as text).
    using Row = std::vector<nlohmann::json>;
    void query(const std::string& sql,
               const std::function<void(const std::vector<std::string>&)>& header,
               const std::function<void(const Row&)>& row) const;

    /// Counts rows of a table.
    std::int64_t count(const std::string& table) const;

    const std::string& path() const { return path_; }

private:
    void exec(const std::string& sql) const;
    void create_schema(std::int64_t version);
    void write_merged_events(const graph::EventMerge& merge,
                             const std::map<std::string, std::string>& actor_names);

    std::string path_;
    sqlite3* db_ = nullptr;
};

}  // namespace ekg::exporter
