// The records that flow through ekg: ingest -> extract -> graph -> export.
// Plain structs with public fields; every later stage includes this header and
// refers to records by id. All offsets are byte offsets into Document::text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ekg {

/// A half-open byte range [begin, end) into the stored text of one document.
struct Span {
    std::uint32_t begin = 0;  ///< first byte
    std::uint32_t end = 0;    ///< one past the last byte
    friend bool operator==(const Span&, const Span&) = default;
};

enum class Severity { info, warning, error };

/// Something worth telling the user about one input; processing goes on.
struct Diagnostic {
    Severity severity = Severity::warning;
    std::string file;       ///< input path ("-" for stdin)
    std::int64_t line = 0;  ///< 1-based line for JSONL inputs, 0 when not meaningful
    std::string code;       ///< stable machine-readable code, e.g. "invalid-utf8"
    std::string message;    ///< one human-readable line
};

/// One input article as stored.
struct Document {
    std::string id;            ///< given by the input, or "d" + content hash
    std::string title;         ///< may be empty
    std::string date;          ///< ISO 8601 date as given, may be empty
    std::string url;           ///< may be empty
    std::string source;        ///< publisher or feed, may be empty
    std::string path;          ///< input file it came from ("-" for stdin)
    std::int64_t line = 0;     ///< line in a JSONL input, 0 otherwise
    std::string text;          ///< the stored text (valid UTF-8); all spans index it
    std::string content_hash;  ///< hex hash of text, used to skip re-ingested documents
    nlohmann::json meta = nlohmann::json::object();  ///< unknown input fields, kept as given
};

/// A sentence of a document.
struct Sentence {
    std::uint32_t index = 0;   ///< 0-based position in the document
    Span span;                 ///< bytes of the sentence, trimmed of surrounding space
    bool boilerplate = false;  ///< site furniture (teasers, "Related Posts"): not used for events
};

enum class ActorKind { person, organization, group, government, platform, place, other };

/// One occurrence of an actor in the text.
struct Mention {
    Span span;                  ///< where the actor is named
    std::uint32_t sentence = 0; ///< index of the sentence holding the span
    std::string text;           ///< the bytes of the span, for readers of the JSON
    std::string rule;           ///< rule or lexicon entry that found it
};

/// A title held by a person, possibly at an organisation.
struct Role {
    std::string title;         ///< e.g. "director of Middle East and North Africa research"
    std::string organization;  ///< actor id, empty when none
    bool former = false;       ///< "a former ... official"
    Span span;                 ///< where the role is stated
};

/// A person, organisation, group, government, platform or place named in a document.
struct Actor {
    std::string id;  ///< stable key: the same entity gets the same id in every document
    std::string name;
    ActorKind kind = ActorKind::other;
    std::vector<std::string> aliases;  ///< other names used for it in this document
    std::string country_code;          ///< ISO 3166-1 alpha-2 where known
    std::optional<double> lat;         ///< WGS84 latitude for places
    std::optional<double> lon;         ///< WGS84 longitude for places
    std::string place_type;            ///< "country", "region", "city" for places; else empty
    std::vector<Role> roles;
    std::vector<Mention> mentions;
    std::string rule;  ///< rule or lexicon entry that established the actor
};

/// A piece of text filling an event slot, linked to an actor when one matches.
struct Arg {
    std::string text;
    Span span;
    std::string actor;  ///< actor id, empty when the text names no known actor
    std::string rule;
};

enum class Qualifier { exact, at_least, more_than, about, at_most };

/// A number as the text states it ("at least five" -> 5, at_least).
struct Figure {
    std::int64_t value = 0;
    Qualifier qualifier = Qualifier::exact;
    std::string text;
    Span span;
    std::string rule;
};

/// Where an event happened.
struct Place {
    std::string name;  ///< as written
    std::string city;
    std::string region;
    std::string country;
    std::string country_code;
    std::optional<double> lat;
    std::optional<double> lon;
    std::string actor;  ///< place actor id
    Span span;
    std::string rule;
};

/// Something that happened: an attack with its arguments.
struct Event {
    std::string id;  ///< "<document id>:e<n>"
    std::string type;
    std::string cameo;
    std::string gtd_attack_type;
    Arg trigger;
    std::string date;  ///< ISO 8601 (YYYY-MM-DD, or shorter when only that is known)
    std::string date_rule;
    std::optional<Place> place;
    std::optional<Figure> killed;
    std::optional<Figure> wounded;
    std::vector<Arg> perpetrators, victims, targets, weapons, claimed_by;
    std::vector<Arg> mentions;  ///< every trigger that refers to this event
    std::uint32_t sentence = 0;
    Span span;  ///< the sentence (or clause) that states it
    double confidence = 0.0;
};

enum class ClaimKind { quote, statement, responsibility, denial, figure };

/// Who said what: a quote, a statement, a claim of responsibility, a denial, or a figure.
struct Claim {
    std::string id;  ///< "<document id>:c<n>"
    ClaimKind kind = ClaimKind::statement;
    std::string speaker;  ///< actor id, empty when unknown
    std::string text;
    Span span;
    std::vector<std::string> about;  ///< actor and event ids
    std::string event;               ///< event id, empty when none
    std::optional<std::int64_t> value;  ///< for figure claims
    std::string rule;
    double confidence = 0.0;
};

/// Everything extracted from one document.
struct Extraction {
    Document document;
    std::vector<Sentence> sentences;
    std::vector<Actor> actors;
    std::vector<Event> events;  ///< events[0] is the document's main event
    std::vector<Claim> claims;
    std::vector<Diagnostic> diagnostics;
};

const char* to_string(ActorKind kind);
std::optional<ActorKind> actor_kind_from_string(std::string_view name);
const char* to_string(Qualifier qualifier);
std::optional<Qualifier> qualifier_from_string(std::string_view name);
const char* to_string(ClaimKind kind);
std::optional<ClaimKind> claim_kind_from_string(std::string_view name);
const char* to_string(Severity severity);

/// "file:line: severity: message" (line omitted when 0).
std::string format_diagnostic(const Diagnostic& d);

}  // namespace ekg
