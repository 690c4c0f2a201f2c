// The data ekg loads once and shares, read-only, across documents and threads.
#pragma once

#include <string>

#include "boilerplate.h"
#include "claims.h"
#include "events.h"
#include "gazetteer.h"
#include "lexicon.h"
#include "people.h"
#include "places.h"

namespace ekg::extract {

/// Lexicons and gazetteers loaded from data/.
struct Resources {
    std::string data_dir;  ///< where they were loaded from
    Gazetteer names;       ///< places, groups, organisations, platforms: one alias index
    PlaceIndex places;     ///< city and region facts for the place entries of `names`
    Lexicon lexicon;       ///< parents, GTD names and weak aliases of the group and org entries
    EventLexicon events;   ///< event types, triggers, blockers and argument nouns
    PeopleLexicon people;  ///< titles, speech verbs, organisation heads: people found by context
    BoilerplateRules boilerplate;  ///< site furniture and link teasers
    ClaimLexicon claims;   ///< responsibility, denial and toll cues (claim_cues.tsv)
    FingerprintSet common_words;  ///< lower-case English words (common_words.tsv)
};

/// Loads data_dir/common_words.tsv (one lower-case word a line) as fingerprints of the words.
/// Throws Error(data) naming file:line on a row that is not one lower-case word.
FingerprintSet load_common_words(const std::string& data_dir);

/// Finds ekg's data directory: $EKG_DATA_DIR, then data/ beside the executable or one level
/// up, then ../share/ekg/data, then the source tree it was built from. Throws Error(data).
std::string find_data_dir();

/// Loads every data file from `data_dir`. Throws Error(data) naming file:line on bad rows.
Resources load_resources(const std::string& data_dir);

}  // namespace ekg::extract
