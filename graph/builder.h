// Building the graph one document at a time: what build_graph does over extractions held in
// memory, and what the SQLite store does over a corpus that does not fit in memory. Both feed
// the same GraphBuilder, so the graph in the database is the graph build_graph makes.
#pragma once

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graph.h"
#include "merge.h"

namespace ekg::graph {

/// Which reports merge with reports of other documents, decided before the documents are
/// visited (merge.h: cluster_block over every candidate). Reports in no cluster of two or more
/// are events of their own.
class MergePlan {
public:
    virtual ~MergePlan() = default;
    /// The merged event id of a report in a cluster of two or more (the cluster's smallest
    /// report id, maybe its own); nullopt for a report alone.
    virtual std::optional<std::string> merged_of(const std::string& event_id) const = 0;
    /// Calls `f` with each cluster of two or more: its merged id and report ids, sorted; in
    /// merged id order.
    virtual void for_each_cluster(
        const std::function<void(const std::string&, const std::vector<std::string>&)>& f) const = 0;
};

/// A plan held in memory.
class MemoryMergePlan : public MergePlan {
public:
    /// Report event id -> merged event id, for reports in a cluster of two or more.
    std::unordered_map<std::string, std::string> merged;
    std::optional<std::string> merged_of(const std::string& event_id) const override;
    void for_each_cluster(
        const std::function<void(const std::string&, const std::vector<std::string>&)>& f) const override;
};

/// The plan of extractions held in memory (what merge_events decides).
MemoryMergePlan plan_merges(const std::vector<const Extraction*>& extractions);

/// Receives what a GraphBuilder makes. Nodes and edges come in a deterministic order; an edge
/// may come before the actor nodes it joins (actors come last, with their counts summed up).
class GraphSink {
public:
    virtual ~GraphSink() = default;
    virtual void node(const NodeProps& node) = 0;
    virtual void edge(const std::string& from, const std::string& to, const EdgeProps& edge) = 0;
    /// A document's records, after actor resolution, before its nodes and edges;
    /// `event_nodes[i]` is the node of its i-th event (its own id or its merged event's).
    virtual void document(const Extraction&, const std::vector<std::string>& /*event_nodes*/) {}
    /// A merged event (one report or several); `label` gives an actor's node label, or null
    /// when the id is no actor node.
    virtual void merged_event(const MergedEvent&,
                              const std::function<const std::string*(const std::string&)>& /*label*/) {}
    /// A figure claim made by the merge (its claim node and edges come too).
    virtual void figure_claim(const FigureClaim&) {}
    /// An actor node, after node(): its place type and every other name it goes by.
    virtual void actor(const NodeProps&, const std::string& /*place_type*/) {}
    /// A name an actor goes by in one document (may repeat).
    virtual void alias(const std::string& /*actor_id*/, const std::string& /*alias*/) {}
};

/// The reports of one merged event, loaded again when finish() needs them (their documents
/// were visited long before): `reports` point into `extractions` or into the caller's data.
struct LoadedReports {
    std::deque<Extraction> extractions;
    std::vector<Report> reports;
};
/// Loads the reports with these event ids (each with its document's id, source and date and
/// the death tolls its document gives for it), after actor resolution.
using ReportLoader = std::function<LoadedReports(const std::vector<std::string>& event_ids)>;

/// A loader over extractions held in memory (they must outlive it).
ReportLoader memory_loader(const std::vector<const Extraction*>& extractions);

/// Builds the graph from extractions visited in document id order.
/// Ensures (with every document added, then finish()): the graph build_graph documents.
class GraphBuilder {
public:
    /// `plan` must outlive the builder. `actor_ids`: every actor id of the corpus (after
    /// resolution); an edge is kept only when both ends are nodes of the finished graph.
    /// `load` gives finish() the reports of each merged event of the plan: nothing of them is
    /// held in between, so memory does not grow with the documents visited.
    GraphBuilder(const MergePlan& plan, std::unordered_set<std::string> actor_ids, ReportLoader load,
                 GraphSink& sink);
    ~GraphBuilder();
    GraphBuilder(const GraphBuilder&) = delete;
    GraphBuilder& operator=(const GraphBuilder&) = delete;

    /// Adds one document. Requires: documents come in increasing id order.
    void add(const Extraction& x);
    /// Adds the merged events of several reports, the actors and the places' countries.
    void finish();

private:
    struct State;
    std::unique_ptr<State> state_;
};

/// A graph sink that fills a KnowledgeGraph.
class KnowledgeGraphSink : public GraphSink {
public:
    explicit KnowledgeGraphSink(KnowledgeGraph& graph) : graph_(graph) {}
    void node(const NodeProps& node) override;
    void edge(const std::string& from, const std::string& to, const EdgeProps& edge) override;

private:
    KnowledgeGraph& graph_;
};

}  // namespace ekg::graph
