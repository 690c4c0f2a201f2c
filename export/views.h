// Views and filters: which part of the graph an export holds, and in what shape.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph.h"

namespace ekg::exporter {

class Store;

enum class View { kg, actors, events, claims };

/// A view as the user names it; kViews is the one table behind --view and its help.
struct ViewInfo {
    View view;
    const char* name;
    const char* help;
};
extern const std::array<ViewInfo, 4> kViews;

const char* to_string(View view);
std::optional<View> view_from_string(std::string_view name);

/// Which events (and what hangs on them) an export keeps, and an optional ego network.
struct Filter {
    std::string since;                   ///< ISO date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive
    std::string until;                   ///< ISO date, inclusive (a month or year to its end)
    std::vector<std::string> countries;  ///< ISO 3166-1 alpha-2 codes or country names
    std::vector<std::string> types;      ///< event types, e.g. "bombing"
    std::string actor;                   ///< ego network around this actor: id or name
    int depth = 1;                       ///< hops of the ego network

    /// True when no event filter is set (since, until, countries, types).
    bool keeps_every_event() const;
    /// True when the filter keeps the whole graph.
    bool empty() const { return keeps_every_event() && actor.empty(); }
};

/// Checks the values of a filter. Throws Error(ExitCode::usage) naming the bad value.
void check_filter(const Filter& filter);

/// The graph an export writes: `graph` narrowed by `filter`, then shaped as `view`.
///
/// Event filters keep the events whose date interval meets [since, until] (events without a
/// date fail a time filter), whose country is one of `countries` and whose type is one of
/// `types`; then the claims about kept events, the actors linked to kept events or claims
/// (and the places those lie in), and the documents stating kept events or claims.
/// Views: `kg` everything; `events` events with their places and perpetrator, victim,
/// target and claimant actors; `claims` speakers -> claims -> subjects (actors, events) and
/// contradictions; `actors` actors other than places, linked by has_role and by
/// shared_event / shared_claim edges weighted by the number of events / claims they share
/// (actors with no such link are left out).
/// Ego network (`actor`): the nodes within `depth` hops of the actors whose id or name
/// (case-insensitively) is `actor`, in the shaped view, going both ways along edges but never
/// through a document. Throws Error(ExitCode::usage) when no actor has that id or name.
/// Ensures: the result's node and edge properties are copies of the input's, except the
/// actors view's computed edges; nodes keep the input's vertex order.
graph::KnowledgeGraph make_view(const graph::KnowledgeGraph& graph, View view, const Filter& filter);

/// The subgraph a user selects in SQL over a store (read-only): `nodes_sql` yields node ids
/// in its first column, `edges_sql` yields `edges.id` values in its first column. Either may
/// be empty. With only `nodes_sql`, the edges between the selected nodes come along; with
/// `edges_sql`, the selected edges and their end nodes (plus any nodes `nodes_sql` selects).
/// Throws Error(ExitCode::io) with SQLite's message when a statement fails.
graph::KnowledgeGraph select_subgraph(const Store& store, const std::string& nodes_sql,
                                      const std::string& edges_sql);

}  // namespace ekg::exporter
