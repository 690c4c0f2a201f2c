// Merging across documents: the reports of one real-world event become one event node.
// Actors need no step here: their ids are already the same in every document.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model.h"

namespace ekg::graph {

/// Days since 1970-01-01 of a full ISO date "YYYY-MM-DD"; nullopt for partial or invalid dates.
std::optional<std::int64_t> days_from_iso(std::string_view date);

/// The closed interval of full ISO dates an ISO date covers: "2016" -> 2016-01-01..2016-12-31,
/// "2016-02" -> 2016-02-01..2016-02-29, "2016-02-03" -> itself; nullopt when not a date.
std::optional<std::pair<std::string, std::string>> date_interval(std::string_view date);

/// What must agree for two reports to be one event.
struct MergeOptions {
    int max_days_apart = 3;  ///< report dates of one event lie within this many days
};

/// The family of an event type, for merging: its GTD attack type ("Bombing/Explosion" holds
/// bombings, suicide bombings and strikes), else its CAMEO root, else its type; empty for a
/// generic attack (GTD "Unknown"), which may merge with a report of any family.
std::string type_family(const Event& event);

/// Where an event happened, as a merge key: the place actor id, else country code and
/// lower-cased city (or place name); empty when the event has no usable place.
std::string place_key(const Event& event);

/// One report of an event: an Event record and the document that states it.
struct Report {
    const Event* event = nullptr;
    const Document* document = nullptr;
    /// Death tolls the same document gives for this event in figure claims ("death toll
    /// reaches 157", later "climbs to 149"): each is one more voice on the killed figure.
    std::vector<std::int64_t> tolls = {};
};

/// Low, best and high of the figures that reports give (UCDP GED's low/best/high).
struct FigureRange {
    std::int64_t low = 0;
    std::int64_t best = 0;   ///< the value most reports give; on a tie the latest report's
                             ///< value if it is among them, else the highest of them
    std::int64_t high = 0;
    bool conflicting = false;  ///< reports give different values
};

/// One real-world event: every report of it, and what the reports add up to.
struct MergedEvent {
    std::string id;                ///< node id: the smallest event id among the reports
    std::vector<Report> reports;   ///< sorted by event id, so reports[0].event->id == id
    std::string date;              ///< earliest report date (full dates preferred)
    std::string date_last;         ///< latest report date
    std::int64_t mentions = 0;     ///< triggers over all reports (GDELT NumMentions)
    std::int64_t documents = 0;    ///< reports, one per document (GDELT NumArticles)
    std::int64_t sources = 0;      ///< distinct publishers (GDELT NumSources); a document
                                   ///< without a source counts as its own publisher
    std::optional<FigureRange> killed, wounded;
    const Place* place = nullptr;  ///< the first report's place; may be null
};

/// All events of a set of extractions after merging.
struct EventMerge {
    std::vector<MergedEvent> events;                       ///< sorted by id
    std::unordered_map<std::string, std::size_t> index;    ///< report event id -> events[i]

    /// The node id of a report's event; `event_id` itself when it is no known report.
    const std::string& node_of(const std::string& event_id) const;
    /// The merged event a report belongs to; null when unknown.
    const MergedEvent* find(const std::string& event_id) const;
};

/// What merging needs of one report, kept small so that a corpus's worth can be clustered a
/// block (place key) at a time.
struct MergeCandidate {
    std::string event_id;
    std::string document_id;
    std::int64_t days = 0;                  ///< days_from_iso of the report's date
    std::string family;                     ///< type_family
    std::vector<std::string> perpetrators;  ///< perpetrator actor ids, sorted and unique
};

/// The place key and candidate of a report; nullopt when the report cannot merge with another
/// (no full date or no place key): it stays an event of its own.
std::optional<std::pair<std::string, MergeCandidate>> merge_candidate(const Event& event,
                                                                      const std::string& document_id);

/// Clusters the candidates of one place key (in any order; they are sorted here by date, then
/// event id) and calls `cluster` once per cluster with its members. See merge_events for the
/// rules; the clusters do not depend on the order of `block`.
void cluster_block(std::vector<MergeCandidate>& block, const MergeOptions& options,
                   const std::function<void(const std::vector<const MergeCandidate*>&)>& cluster);

/// The merged event of `reports` (one or more reports of one event): sorts them by event id and
/// sums up dates, mentions, documents, sources and figures.
MergedEvent summarise_reports(std::vector<Report> reports);

/// Merges the events of `extractions`.
/// Requires: event ids unique over all extractions; document ids unique; `extractions`
/// outlive the result (it points into them).
/// Ensures: two reports are in one MergedEvent only when they come from different documents,
/// share place key and type family (a generic report fits any family), have full dates at
/// most `max_days_apart` apart (over the whole merged event), and their perpetrator actors do
/// not conflict (both named and disjoint). Reports without a full date or a place key stay alone. The result, ids
/// included, does not depend on the order of `extractions` or of their events.
EventMerge merge_events(const std::vector<const Extraction*>& extractions,
                        const MergeOptions& options = {});

/// A figure claim made by the merge, with the document that states it.
struct FigureClaim {
    const Document* document = nullptr;
    std::string figure;  ///< "killed" or "wounded"
    Claim claim;
};

/// Figure claims that keep the conflicting casualty figures of a merged event: one claim per
/// report that gives a figure (id "<event id>:killed" or "<event id>:wounded", about the
/// merged event), made only when the reports of the merged event disagree on that figure.
std::vector<FigureClaim> figure_conflict_claims(const MergedEvent& event);

}  // namespace ekg::graph
