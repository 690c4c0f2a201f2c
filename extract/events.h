// Events: violent events (attacks, bombings, kidnappings...) found from a trigger lexicon, with
// their type, place, date, casualty figures, perpetrators, victims, targets, weapons and
// claims of responsibility; mentions of one event in a document are merged into one Event.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gazetteer.h"
#include "model.h"

namespace ekg::extract {

struct AnalysedText;
struct Resources;

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
};

/// What a trigger row says, indexed like the trigger gazetteer's entries.
struct TriggerInfo {
    std::uint32_t type = 0;  ///< index into EventLexicon::types
    bool verb = false;       ///< pos "verb" (else noun or adjective)
    std::uint8_t flags = 0;  ///< TriggerFlag bits
    std::string source;      ///< "event_triggers.tsv:40"
};

/// Slots of data/event_args.tsv.
enum class ArgSlot { perpetrator, person, prominent, target, weapon };

/// What an argument-noun row says, indexed like the argument gazetteer's entries.
struct ArgInfo {
    ArgSlot slot = ArgSlot::person;
    bool singular = false;
    std::string weapon_class;  ///< GTD weapon type for weapons ("Explosives"), else empty
    std::string source;        ///< "event_args.tsv:12"
};

/// The event lexicons, loaded once from data/.
struct EventLexicon {
    std::vector<EventType> types;
    Gazetteer triggers;                      ///< trigger phrases
    std::vector<TriggerInfo> trigger_info;   ///< by trigger entry
    Gazetteer blockers;                      ///< non-violent phrases and context words
    std::vector<bool> blocker_is_context;    ///< by blocker entry
    Gazetteer args;                          ///< perpetrator, person, target and weapon nouns
    std::vector<ArgInfo> arg_info;           ///< by argument entry

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
