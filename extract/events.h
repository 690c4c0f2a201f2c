// Events: violent events (attacks, bombings, kidnappings...) found from a trigger lexicon, with
// their type, place, date, casualty figures, perpetrators, victims, targets, weapons and
// claims of responsibility; mentions of one event in a document are merged into one Event.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model.h"
#include "text.h"

namespace ekg::extract {

struct AnalysedText;
struct Resources;

/// Lower-case phrases matched on folded words, longest first, hyphens ignored ("double-bombing"
/// matches "double bombing"). Lighter than Gazetteer for lexicons of common words: no case
/// rules, and no string is built while matching.
class PhraseIndex {
public:
    /// Adds a phrase with the value a match reports; returns false when it has no words.
    bool add(std::string_view phrase, std::uint32_t value);
    /// The value of a phrase added before (the same words once folded), if any: a second row
    /// for it would never match, so the loaders refuse one.
    std::optional<std::uint32_t> value_of(std::string_view phrase) const;

    /// A phrase found at tokens [first, last).
    struct Match {
        std::size_t first = 0;
        std::size_t last = 0;
        std::uint32_t value = 0;  ///< as given to add()
    };

    /// Finds non-overlapping phrases, longest first, left to right.
    std::vector<Match> match(const FoldedText& folded, const std::vector<Token>& tokens) const;

private:
    struct Phrase {
        std::vector<std::string> words;
        std::uint32_t value = 0;
    };
    WordFilter filter_;  ///< first words seen
    StringMap<std::vector<Phrase>> by_first_;
};

/// One row of data/event_types.tsv.
struct EventType {
    std::string name;             ///< "bombing"
    std::string cameo;            ///< CAMEO code, e.g. "183"
    std::string gtd_attack_type;  ///< GTD attack type, e.g. "Bombing/Explosion"
    std::string family;           ///< types one incident may be reported as ("bombing")
    int rank = 9;                 ///< GTD attack-type hierarchy: lower wins in one incident
    std::string source;           ///< "event_types.tsv:12"
};

/// Flags of a trigger (data/event_triggers.tsv).
enum TriggerFlag : std::uint8_t {
    kTriggerGeneric = 1,  ///< needs support in its sentence
    kTriggerPlural = 2,   ///< names several events
    kTriggerAnaphor = 4,  ///< refers back, never starts an event
    kTriggerKills = 8,    ///< says someone died
    kTriggerAttempt = 16, ///< a failed or foiled attempt
    kTriggerWeak = 32,    ///< has common non-violent senses (sport, film, markets, politics)
    kTriggerStrict = 64,  ///< weak in any text ("beat" a rival): always needs clear violence
};

/// Kinds of data/event_blockers.tsv rows (bits: a sport word is both context and domain).
enum BlockerKind : std::uint8_t {
    kBlockPhrase = 1,   ///< a trigger inside the phrase reports no violence ("heart attack")
    kBlockContext = 2,  ///< a generic trigger in the sentence reports no attack ("car accident")
    kBlockDomain = 4,   ///< sport, entertainment, business or party politics: weak triggers need evidence
    kBlockDisaster = 8, ///< a blaze, disaster or accident: generic words of harm need evidence
    kBlockCrime = 16,   ///< a crime named as a category: a bare trigger listed with it is no incident
    kBlockThing = 32,   ///< a thing no one can harm ("plan", "website"): as a weak trigger's object, no violence
    kBlockPolice = 64,  ///< law enforcement ("police", "detectives"): their raid is a search, not an attack
};

/// What a trigger row says.
struct TriggerInfo {
    std::string phrase;      ///< as written in the lexicon
    std::uint32_t type = 0;  ///< index into EventLexicon::types
    bool verb = false;       ///< pos "verb" (else noun or adjective)
    std::uint8_t flags = 0;  ///< TriggerFlag bits
    std::string source;      ///< "event_triggers.tsv:40"
};

/// Slots of data/event_args.tsv.
enum class ArgSlot { perpetrator, person, prominent, target, weapon };

/// What an argument-noun row says.
struct ArgInfo {
    std::string phrase;  ///< as written in the lexicon
    ArgSlot slot = ArgSlot::person;
    bool singular = false;
    std::string weapon_class;  ///< GTD weapon type for weapons ("Explosives"), else empty
    std::string source;        ///< "event_args.tsv:12"
};

/// The event lexicons, loaded once from data/.
struct EventLexicon {
    std::vector<EventType> types;
    PhraseIndex triggers;                    ///< trigger phrases -> index into trigger_info
    std::vector<TriggerInfo> trigger_info;   ///< in file order
    PhraseIndex blockers;                    ///< -> index into blocker_kind
    std::vector<std::uint8_t> blocker_kind;  ///< BlockerKind bits per blocker row
    PhraseIndex args;                        ///< argument nouns -> index into arg_info
    std::vector<ArgInfo> arg_info;           ///< in file order
    /// Indices into trigger_info of "took hostage" and "held hostage" (whose words the captives
    /// split), or kNoTrigger when the lexicon lacks them.
    static constexpr std::uint32_t kNoTrigger = UINT32_MAX;
    std::uint32_t took_hostage = kNoTrigger;
    std::uint32_t held_hostage = kNoTrigger;

    /// The type with that name, or nullptr.
    const EventType* type(std::string_view name) const;
};

/// Loads data/event_types.tsv, event_triggers.tsv, event_blockers.tsv and event_args.tsv.
/// Throws Error(ExitCode::data) naming file:line on malformed rows or unknown types.
void load_event_lexicon(EventLexicon& lexicon, const std::string& data_dir);

/// Finds the events of a document. Requires `actors` from find_actors on the same text.
/// Ensures: one Event per incident the document reports, events[0] the main one (the one a coder
/// of incident data would code), ids "<document id>:e<n>" in that order; every value carries
/// the rule or lexicon entry that produced it. Sentences flagged boilerplate yield no events.
std::vector<Event> find_events(const AnalysedText& text, const Resources& resources,
                               const std::vector<Actor>& actors,
                               std::vector<Diagnostic>& diagnostics);

}  // namespace ekg::extract
