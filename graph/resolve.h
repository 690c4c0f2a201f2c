// Resolving actors across documents: an organisation one document names only by its acronym,
// or a person another names only by surname, joins the actor the rest of the corpus names in
// full. Lexicon entities and geocoded places already share global ids; this pass joins the
// actors found by pattern (rules "pattern:", "context:", ...), whose ids are slugs of the name a
// document happened to use.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "model.h"

namespace ekg::graph {

/// What the corpus says about which actor ids are one entity.
struct ActorResolution {
    struct Target {
        std::string id;    ///< canonical actor id
        std::string rule;  ///< "resolve:alias:<alias>", "resolve:surname:<surname>"
    };
    /// Merged-away actor id -> its canonical actor (only ids that change).
    std::map<std::string, Target> merged;
    /// An acronym declared for a pattern organisation ("the Valley Flood Management Agency
    /// (VFMA)") in some document and for no other actor -> that organisation's id. Documents
    /// that use the bare acronym name the organisation.
    std::map<std::string, std::string> acronyms;
    /// Canonical actor id -> the name and kind it has in the first document (by id) naming it,
    /// for actors merged into it or found by acronym in other documents.
    struct Identity {
        std::string name;
        ActorKind kind = ActorKind::other;
        std::string rule;
    };
    std::map<std::string, Identity> identities;

    /// The canonical id of `id` (itself when not merged).
    const std::string& canonical(const std::string& id) const;
};

/// Gathers the actors of the documents one at a time; the result does not depend on the order
/// in which documents are added. Keeps only ids, names, kinds and aliases (no text).
class ActorResolver {
public:
    void add(const Extraction& x);
    /// Adds one actor of document `document_id` (only its id, name, kind, rule and aliases count).
    void add(const std::string& document_id, const Actor& a);
    /// Decides the merges:
    /// - alias: a pattern actor (not a person or a place) whose name is an alias (e.g. the
    ///   acronym) that exactly one other pattern actor carries is merged into that actor;
    /// - surname: a pattern person named by one word is merged into the one person of the
    ///   corpus whose full name ends with that word (or who has it as alias); when two people
    ///   share the surname nothing is merged;
    /// the canonical actor is the one with the full name, so the choice does not depend on the
    /// input order.
    ActorResolution finish() const;

private:
    struct Seen {
        std::string first_document;  ///< smallest document id naming the actor
        std::string name;            ///< its name in that document
        ActorKind kind = ActorKind::other;
        std::string rule;
        bool pattern = false;        ///< found by pattern, not from a lexicon or gazetteer
        std::set<std::string> names, aliases;
    };
    std::map<std::string, Seen> actors_;
};

/// The resolution of a set of extractions (ActorResolver over all of them).
ActorResolution resolve_actors(const std::vector<const Extraction*>& extractions);

/// Rewrites one extraction with the resolution: every actor id (actors, roles, event
/// arguments, places, claim speakers and subjects) becomes canonical, actors that became one id
/// in the document are joined (mentions, aliases and roles together; the merged-away name
/// becomes an alias), and the corpus acronyms the document uses outside any other actor's
/// mention become mentions of their organisation (rule "resolve:corpus-acronym").
void apply_resolution(Extraction& x, const ActorResolution& resolution);

}  // namespace ekg::graph
