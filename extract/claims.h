// Claims: who says what about the events and actors of a document — direct quotes with their
// speaker, indirect statements, claims of responsibility, denials and counter-attributions,
// and casualty figures as a source states them.
#pragma once

#include <string>
#include <vector>

#include "model.h"
#include "text.h"

namespace ekg::extract {

struct AnalysedText;
struct Resources;

/// What a cue of data/claim_cues.tsv marks.
enum class ClaimCueKind { responsibility, denial, toll, negation };

/// One row of data/claim_cues.tsv.
struct ClaimCue {
    std::vector<std::string> words;  ///< folded words, matched on whole tokens
    ClaimCueKind kind = ClaimCueKind::responsibility;
    std::string source;  ///< "claim_cues.tsv:12"
};

/// The claim cues, longest first so the first match at a token is the longest.
struct ClaimLexicon {
    std::vector<ClaimCue> cues;
    /// Indexes into `cues` by first word, in the order of `cues`.
    StringMap<std::vector<std::uint32_t>> by_first;
    WordFilter first_words;  ///< spares most tokens the by_first lookup
};

/// Loads data_dir/claim_cues.tsv. Throws Error(ExitCode::data) naming file:line on a bad row.
ClaimLexicon load_claim_lexicon(const std::string& data_dir);

/// Finds the claims of a document. Requires `actors` from find_actors and `events` from
/// find_events on the same text. Speech verbs come from Resources::people.
/// Ensures: claims in text order with ids "<document id>:c<n>"; every claim has a span, a rule
/// and a confidence (lower in boilerplate teasers); a responsibility claim's group is added to
/// its event's claimed_by when the event stage has not; "no group claimed responsibility"
/// yields no claim (GTD codes such an incident unclaimed). "The government says it was X"
/// adds the lexicon government of the event's country to `actors` when it is not there.
std::vector<Claim> find_claims(const AnalysedText& text, const Resources& resources,
                               std::vector<Actor>& actors, std::vector<Event>& events);

}  // namespace ekg::extract
