// The SQLite store: documents and their extractions, and the merged graph as tables.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "builder.h"
#include "graph.h"
#include "merge.h"
#include "resolve.h"
#include "model.h"

struct sqlite3;

namespace ekg::exporter {

/// Schema version kept in PRAGMA user_version. Version 2 added merged events, event
/// arguments, actor roles, claim full-text search and the analysts' views; opening an older
/// database for writing rebuilds its graph tables (the stored extractions stay).
inline constexpr int kSchemaVersion = 2;

/// Version of what rebuild_graph makes of the stored extractions: a database whose graph was
/// made by another version is rebuilt by the next `ekg build` even when no document is new.
inline constexpr std::int64_t kGraphFormat = 1;

/// The actors of the documents a build stores, gathered as they are stored: what the first
/// pass of Store::rebuild_graph would read back out of the stored JSON (the resolver uses only
/// each actor's id, name, kind, rule and aliases, and does not depend on their order).
struct ActorsSeen {
    graph::ActorResolver resolver;
    std::unordered_set<std::string> ids;
    std::int64_t documents = 0;  ///< documents added
    void add(const Extraction& x) {
        resolver.add(x);
        for (const Actor& a : x.actors) ids.insert(a.id);
        ++documents;
    }
};

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
    /// `json`, when given, holds stored_json of each extraction of `batch` (made beforehand, on
    /// other threads).
    std::size_t add_documents(const std::vector<Extraction>& batch,
                              const std::vector<std::string>* json = nullptr);

    /// Stores documents one at a time into a transaction that stays open until commit(), so
    /// that a transaction (one journal sync, one full-text index update) can hold thousands of
    /// documents while the caller holds none of them: `ekg build` streams its extractions into
    /// one. What is not committed when the writer is destroyed is rolled back. One writer at a
    /// time per Store, and no other write to the Store while it is open.
    class DocumentWriter {
    public:
        explicit DocumentWriter(Store& store);
        ~DocumentWriter();
        DocumentWriter(const DocumentWriter&) = delete;
        DocumentWriter& operator=(const DocumentWriter&) = delete;
        /// Stores `x` with its sentences and mentions unless a document of its content hash or
        /// id is stored (committed or not); false then. `json` is stored_json(x).
        bool add(const Extraction& x, const std::string& json);
        /// Commits what was added since the last commit, with its sentences in the full-text
        /// index. The next add begins a new transaction.
        void commit();
        /// Bytes (text and stored JSON) added since the last commit.
        std::size_t pending_bytes() const;
        /// Documents added since the last commit.
        std::size_t pending_documents() const;

    private:
        struct Open;
        Store& store_;
        std::unique_ptr<Open> open_;
    };

    /// What the store keeps of an extraction in documents.extraction: its --explain JSON.
    static std::string stored_json(const Extraction& x);

    /// Copies the documents of another ekg database (`source`, already checked with
    /// check_source) with their stored extraction, sentences and mentions, in one transaction.
    /// Documents whose content hash or id is already stored are skipped, as `ekg build` skips
    /// them; returns how many were added. `conflicts`, when given, gets how many skipped
    /// documents have the id of a stored document but other content (the stored one is kept,
    /// as `ekg build` keeps the first). The graph tables are not touched: rebuild them after.
    std::size_t copy_documents_from(const std::string& source, std::size_t* conflicts = nullptr);

    /// Throws ekg::Error(io) naming `path` unless it is an existing ekg database of this
    /// schema version that can be read: missing file, not a database, not an ekg database,
    /// older or newer schema.
    static void check_source(const std::string& path);

    /// Every stored extraction, in document id order.
    std::vector<Extraction> load_extractions() const;

    /// Calls `f` with each stored extraction in turn, in document id order, holding one at a
    /// time. With `with_text` false, Document::text stays empty (it is not even read).
    void for_each_extraction(bool with_text, const std::function<void(Extraction&&)>& f) const;

    /// Calls `f` with each actor of every stored extraction and its document id, in no
    /// particular order; the actor holds only id, name, kind, rule and aliases (a JsonCursor
    /// reads them out of the stored JSON, stepping over the rest): the pass actor resolution
    /// needs.
    void for_each_actor(const std::function<void(const std::string&, const Actor&)>& f) const;

    /// Replaces the graph tables (nodes, actors, actor_aliases, actor_merges, actor_roles, events,
    /// event_arguments, merged_events, claims, edges) with the graph of `extractions`, in one
    /// transaction: the graph graph::build_graph makes of them, with merged events and their
    /// rows. `resolution`, when given, is the actor resolution already applied to
    /// `extractions`; its merges are written to actor_merges.
    void write_graph(const std::vector<Extraction>& extractions,
                     const graph::ActorResolution* resolution = nullptr);

    /// Replaces the graph tables with the graph of every stored extraction, resolved across
    /// documents (resolve.h), in one transaction. Streams: one extraction is held at a time, and
    /// memory grows with the actors and the merged events, not with the text.
    /// True when the graph tables were made by rebuild_graph (of this kGraphFormat) from exactly
    /// the documents now stored; a build that adds nothing then has nothing to rebuild.
    bool graph_is_current() const;

    /// `step`, when given, is called once per document built. With `threads` ≥ 2 the stored
    /// extractions are parsed on a second thread while this one writes; the result is the same.
    /// `seen`, when given and holding as many documents as are stored (a build into a database
    /// that was empty), stands for the pass that reads every stored actor back (it is moved
    /// from); otherwise that pass runs.
    void rebuild_graph(const std::function<void()>& step = {}, unsigned threads = 2,
                       ActorsSeen* seen = nullptr);

    /// Calls `f` with each node of the graph tables in read_graph's vertex order, its degree
    /// (edges in and out) and, for a claim, the date of the document its first mentioned_in
    /// edge names (else empty).
    void for_each_node(
        const std::function<void(const graph::NodeProps&, std::int64_t, const std::string&)>& f) const;
    /// What an edge's ends are, for writers that date edges (GEXF spells).
    struct EdgeEnds {
        graph::NodeKind source_kind = graph::NodeKind::actor, target_kind = graph::NodeKind::actor;
        std::string source_date, target_date;
        bool has_document = false;  ///< the evidence document is a node of the graph
        std::string document_date;
    };
    /// Calls `f` with each edge in the order boost::edges visits read_graph's graph (the order
    /// stored: a bidirectional adjacency_list keeps one edge list in insertion order); `ends`
    /// is filled only `with_ends`.
    void for_each_edge(bool with_ends,
                       const std::function<void(const std::string&, const std::string&,
                                                const graph::EdgeProps&, const EdgeEnds&)>& f) const;

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
    std::int64_t max_sentence_rowid() const;
    /// Adds the sentences after `after_rowid` to the full-text index, in one statement.
    void index_new_sentences(std::int64_t after_rowid);
    /// Empties the graph tables for a write (inside the caller's transaction).
    void begin_graph(const graph::ActorResolution* resolution);
    void end_graph();
    /// Decides which stored reports merge, from the stored extractions (one place key at a
    /// time), into the temporary table merge_plan.
    void plan_merges(const graph::ActorResolution& resolution);

    std::string path_;
    sqlite3* db_ = nullptr;
};

}  // namespace ekg::exporter
