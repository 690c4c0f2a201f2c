// People and organisations found by context rather than from a list of names, their roles,
// and the resolution of their mentions inside one document.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "fingerprint.h"
#include "model.h"
#include "text.h"

namespace ekg::extract {

struct AnalysedText;
class Gazetteer;

/// A title, honorific, role noun or role modifier (data/titles.tsv).
struct TitleWord {
    std::string canonical;   ///< the title kept as a role ("General" for "Gen.")
    bool honorific = false;  ///< Mr., Mrs.: stripped from a name, not kept
    bool title = false;      ///< capitalised before a name: stripped and kept as a role
    bool role = false;       ///< role noun: heads an appositive, or stands lower case before a name
    bool modifier = false;   ///< "former", "deputy": may open a role phrase
    bool former = false;     ///< the modifier makes the role a former one
    bool cased = false;      ///< the form is written in capitals (CEO): matched only as written
};

/// Where a speech verb's speaker stands (data/speech_verbs.tsv); `source` stands before a
/// person or a publication ("according to"), so a one-word name after it is not taken.
enum class SpeechPosition { after, before, both, adverb, source };

/// A head word of organisation names or a noun of organisation appositives (data/org_heads.tsv).
struct OrgHead {
    ActorKind kind = ActorKind::organization;
    ActorKind kind_after_country = ActorKind::organization;  ///< "Iraqi Army": a government force
    bool head = false;    ///< ends a capitalised name, or begins one before "of"/"for"/"on"
    bool noun = false;    ///< heads a lower-case appositive ("an organization specializing in")
    bool suffix = false;  ///< a legal form ("Inc."): after a known name it names the same entity
};

/// The word lists the context rules read. Keys are folded words joined by single spaces, with
/// dots and hyphens dropped ("Lt. Gen." -> "lt gen", "vice-president" -> "vice president").
struct PeopleLexicon {
    StringMap<TitleWord> titles;
    StringMap<SpeechPosition> speech_verbs;
    FingerprintSet speech_prefixes;  ///< every word prefix of a speech verb key
    StringMap<OrgHead> org_heads;
    StringSet stopwords;  ///< words that neither begin nor make a name
    std::size_t max_words = 1;                  ///< the longest key, in words
};

/// The key a word list entry is stored under: folded words joined by single spaces, dots and
/// hyphens dropped.
std::string word_key(std::string_view words);

/// A stable id slug: folded letters and digits, every other run of characters one '-', dots
/// and apostrophes dropped ("U.S. State Department" -> "us-state-department").
std::string id_slug(std::string_view name);

/// Loads titles.tsv, speech_verbs.tsv, org_heads.tsv and name_stopwords.tsv from `data_dir`.
/// Throws Error(ExitCode::data) naming file:line on a malformed row.
PeopleLexicon load_people_lexicon(const std::string& data_dir);

/// Adds the people and organisations that context reveals to `actors` (which holds the
/// lexicon and gazetteer actors), and resolves mentions inside the document:
///  - organisations by head word ("Foo Research Institute"), by appositive ("Bar, an
///    organization ...") and by a parenthesised acronym ("the Baz Front (BF)"); a lexicon
///    match always wins over a pattern;
///  - people by title or honorific, by speech verb ("said X", "X said", "according to X"),
///    by appositive ("X, director of ...", "X, 45,") and by "X, who";
///  - roles from titles and appositives, each with its organisation actor when one is named;
///  - a surname alone -> the full name met in the document; an acronym <-> its expansion.
/// Requires: `actors` holds one actor per id, each with its mentions in text order.
/// Ensures: ids are "person:<slug>" for people and "org:", "group:" or "gov:" + slug for
/// pattern organisations, the same for the same name in every document; no new actor comes
/// from a boilerplate sentence or overlaps text.suspicious; gazetteer place mentions inside a
/// person's or organisation's name are dropped (with the place actor when none is left).
void find_people_and_organizations(const AnalysedText& text, const PeopleLexicon& lexicon,
                                   const Gazetteer& names, std::vector<Actor>& actors);

}  // namespace ekg::extract
