#include "events.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_set>

#include "actors.h"
#include "dates.h"
#include "error.h"
#include "figures.h"
#include "gazetteer.h"
#include "resources.h"
#include "sentences.h"

namespace ekg::extract {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

std::vector<std::string> split_list(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        const std::size_t pos = s.find(sep, start);
        const std::string piece = s.substr(start, pos == std::string::npos ? std::string::npos : pos - start);
        if (!piece.empty()) out.push_back(piece);
        if (pos == std::string::npos) break;
        start = pos + 1;
    }
    return out;
}

/// An actor mention located in the token stream.
struct ActorRef {
    std::size_t actor = 0;    ///< index into the actors
    std::size_t mention = 0;  ///< index into the actor's mentions
    std::size_t first = 0, last = 0;  ///< tokens
    std::uint32_t sentence = 0;
    bool demonym = false;
    bool border = false;  ///< a country named for its border ("near the Turkish border")
    bool owner = false;   ///< a country named as an owner ("the U.S. Embassy", "US-based")
};

/// A trigger occurrence that survived the filters.
struct Hit {
    std::size_t first = 0, last = 0;
    std::uint32_t sentence = 0;
    std::uint32_t entry = 0;  ///< trigger gazetteer entry
    const TriggerInfo* info = nullptr;
    bool supported = false;  ///< generic triggers: something in the sentence says it is violent
    bool teaser = false;     ///< in a boilerplate sentence: may add to an event, never start one
    bool generic_talk = false;  ///< "recent attacks", "these attacks"
    std::size_t count = kNone;  ///< "four separate attacks": the number's value
    bool not_incident = false;  ///< a statistic or a death in a disaster: supports nothing
};

/// The place an event mention is in: a chain of place mentions, most specific first.
struct PlaceChoice {
    std::vector<std::size_t> refs;  ///< ActorRef indices, e.g. city, region, country
    std::string rule;
};

/// The mentions of one event in one sentence.
struct Group {
    std::vector<std::size_t> hits;
    std::uint32_t sentence = 0;
    std::optional<PlaceChoice> place;
    bool split = false;  ///< one place of a coordination ("attacks in X, Y and Z")
};

/// A claim of responsibility (or its denial) in a sentence.
struct Responsibility {
    std::uint32_t sentence = 0;
    std::size_t verb = 0;  ///< token of "claimed", "responsibility"...
    bool negated = false;
    Arg claimant;          ///< empty text when unknown
};

/// An event under construction: the groups that refer to it.
struct Draft {
    std::vector<std::size_t> groups;
    std::set<std::uint32_t> sentences;  ///< sentences whose facts belong to this event
    std::uint32_t last_sentence = 0;
    std::string family;
    std::optional<PlaceChoice> place;
    bool dropped = false;
};

/// Folded place-type words between a place and the next in a chain ("Guayas province, Ecuador").
bool is_admin_word(std::string_view w) {
    static const WordSet kWords = {
        "city", "town", "village", "province", "district", "region", "state", "department",
        "governorate", "county", "municipality", "prefecture", "area", "division", "zone",
        "subdistrict", "sub", "neighborhood", "neighbourhood", "territory", "oblast", "island",
        "islands", "parish", "tehsil", "commune", "locality", "agency", "emirate", "kray",
        "krai", "republic", "canton", "borough", "suburb", "capital", "metropolitan", "of", "the"};
    return kWords.contains(w);
}

/// Words after a place name that make it a part of a city ("Zuhur neighborhood, Mosul").
bool is_part_word(std::string_view w) {
    static const WordSet kWords = {
        "neighborhood", "neighbourhood", "area", "suburb", "quarter", "district", "subdistrict",
        "sub", "locality", "sector", "borough"};
    return kWords.contains(w);
}

class Extractor {
public:
    Extractor(const AnalysedText& text, const Resources& resources, const std::vector<Actor>& actors)
        : t_(text),
          r_(resources),
          lex_(resources.events),
          actors_(actors),
          w_(text.document.text, text.folded, text.tokens, &text.caps) {}

    std::vector<Event> run() {
        index_sentences();
        index_actors();
        tag_tokens();
        find_hits();
        find_figures_and_dates();
        find_responsibility();
        build_groups();
        resolve_drafts();
        return make_events();
    }

private:
    // ---------------------------------------------------------------- indexing

    std::size_t token_at(std::uint32_t offset) const {
        const auto& tokens = t_.tokens;
        return static_cast<std::size_t>(
            std::lower_bound(tokens.begin(), tokens.end(), offset,
                             [](const Token& tok, std::uint32_t off) { return tok.span.begin < off; }) -
            tokens.begin());
    }

    void index_sentences() {
        const std::size_t n = t_.sentences.size();
        first_.resize(n);
        last_.resize(n);
        for (std::size_t s = 0; s < n; ++s) {
            first_[s] = token_at(t_.sentences[s].span.begin);
            last_[s] = token_at(t_.sentences[s].span.end);
        }
        sentence_of_.assign(t_.tokens.size(), 0);
        for (std::size_t s = 0; s < n; ++s)
            for (std::size_t i = first_[s]; i < last_[s] && i < sentence_of_.size(); ++i)
                sentence_of_[i] = static_cast<std::uint32_t>(s);
    }

    bool boilerplate(std::uint32_t s) const {
        return s < t_.sentences.size() && t_.sentences[s].boilerplate;
    }

    void index_actors() {
        ref_at_.assign(t_.tokens.size(), kNone);
        for (std::size_t a = 0; a < actors_.size(); ++a) {
            for (std::size_t m = 0; m < actors_[a].mentions.size(); ++m) {
                const Mention& mention = actors_[a].mentions[m];
                ActorRef ref;
                ref.actor = a;
                ref.mention = m;
                ref.first = token_at(mention.span.begin);
                ref.last = token_at(mention.span.end);
                if (ref.last <= ref.first) continue;
                ref.sentence = ref.first < sentence_of_.size() ? sentence_of_[ref.first] : 0;
                const bool demonym = mention.rule.rfind("demonym:", 0) == 0;
                ref.border = border(a, ref.first, ref.last);
                // "Afghan soldiers" are where they serve; "an Israeli citizen" may be anywhere.
                ref.owner = demonym ? w_.any(ref.last, {"citizen", "citizens", "national",
                                                        "nationals", "embassy", "consulate"})
                                    : attributive(a, ref.last);
                ref.demonym = demonym || ref.owner || ref.border;
                refs_.push_back(ref);
            }
        }
        std::sort(refs_.begin(), refs_.end(),
                  [](const ActorRef& a, const ActorRef& b) { return a.first < b.first; });
        for (std::size_t i = 0; i < refs_.size(); ++i)
            for (std::size_t k = refs_[i].first; k < refs_[i].last && k < ref_at_.size(); ++k)
                ref_at_[k] = i;
    }

    /// A country's name used as a modifier of the body or people that belong to it ("the U.S.
    /// Embassy", "US Marines", "a US-based company", "Pakistan Army") tells whose they are, not
    /// where something happened: it counts as a demonym. `after` is the token after the name.
    bool attributive(std::size_t a, std::size_t after) const {
        const Actor& c = actors_[a];
        if (c.kind != ActorKind::place || c.id.rfind("country:", 0) != 0) return false;
        if (w_.is(after, "-") && w_.glued(after) && w_.glued(after + 1))
            return w_.any(after + 1, {"based", "led", "backed", "funded", "owned", "made", "trained",
                                      "registered", "flagged"});
        return w_.any(after, {"embassy", "embassies", "consulate", "consul", "ambassador",
                              "marines", "marine", "soldier", "soldiers", "troops", "forces",
                              "military", "army", "navy", "servicemen", "personnel", "national",
                              "nationals", "citizen", "citizens", "official", "officials",
                              "diplomat", "diplomats", "contractor", "contractors", "envoy",
                              "intelligence", "base", "bases", "government", "special", "state",
                              "department", "defense", "defence", "air", "warship", "warplanes",
                              "drone", "drones", "company", "firm", "mission", "delegation"});
    }

    /// A country named for its border: "near the Turkish border", "close to the border with
    /// Syria". Tokens [first, last) name it. Where something happened lies on the other side.
    bool border(std::size_t a, std::size_t first, std::size_t last) const {
        const Actor& c = actors_[a];
        if (c.kind != ActorKind::place || c.id.rfind("country:", 0) != 0) return false;
        if (w_.any(last, {"border", "borders", "frontier"}))  // not "crossed the Brazilian border"
            return !(first >= 2 && w_.is(first - 1, "the") &&
                     w_.any(first - 2, {"crossed", "crossing", "cross", "crosses"}));
        return first >= 2 && w_.any(first - 1, {"with", "of"}) &&
               w_.any(first - 2, {"border", "borders", "frontier"});
    }

    const Actor& actor(std::size_t ref) const { return actors_[refs_[ref].actor]; }
    bool is_place(std::size_t ref) const { return actor(ref).kind == ActorKind::place; }
    bool is_group(std::size_t ref) const { return actor(ref).kind == ActorKind::group; }

    /// An armed group named in sentence s, not in a negative context ("no group claimed").
    bool group_in(std::uint32_t s) const {
        for (std::size_t i = first_[s]; i < last_[s]; ++i)
            if (ref_at_[i] != kNone && is_group(ref_at_[i]) && !negative_context(ref_at_[i]))
                return true;
        return false;
    }
    /// A claim of responsibility in sentence s that is not denied.
    bool claim_in(std::uint32_t s) const {
        for (const Responsibility& r : responsibility_)
            if (r.sentence == s && !r.negated) return true;
        return false;
    }

    /// 0 country, 1 region, 2 city, district or any smaller place.
    int specificity(std::size_t ref) const {
        const std::string& pt = actor(ref).place_type;
        if (pt == "country" || (pt.empty() && actor(ref).id.rfind("country:", 0) == 0)) return 0;
        return pt == "region" ? 1 : 2;
    }

    /// The place mention that starts at token i, or kNone.
    std::size_t place_at(std::size_t i) const {
        if (i >= ref_at_.size() || ref_at_[i] == kNone) return kNone;
        const std::size_t r = ref_at_[i];
        return refs_[r].first == i && is_place(r) ? r : kNone;
    }

    void tag_tokens() {
        tags_.assign(t_.tokens.size(), 0);
        for (const PhraseIndex::Match& m : lex_.args.match(t_.folded, t_.tokens)) {
            const ArgInfo& info = lex_.arg_info[m.value];
            arg_matches_.push_back({m.first, m.last, m.value});
            std::uint8_t tag = 0;
            if (info.slot == ArgSlot::person) tag = kTagPerson;
            else if (info.slot == ArgSlot::prominent) tag = kTagPerson | kTagProminent;
            else if (info.slot == ArgSlot::perpetrator) tag = kTagPerpetrator | kTagPerson;
            else continue;
            for (std::size_t i = m.first; i < m.last; ++i) tags_[i] |= tag;
            if (info.singular) tags_[m.last - 1] |= kTagSingular;
        }
        for (const ActorRef& ref : refs_)
            if (actors_[ref.actor].kind == ActorKind::person)
                for (std::size_t i = ref.first; i < ref.last; ++i) tags_[i] |= kTagPersonName;
        // A capitalised word (in ALL-CAPS or lower-case text: no common word) that names no known actor is
        // taken as part of a person's name for counting victims ("killed Salam Joy").
        for (std::size_t i = 0; i < t_.tokens.size(); ++i) {
            if (tags_[i] != 0 || ref_at_[i] != kNone || !w_.name_cased(i)) continue;
            if (is_function_word(w_[i])) continue;
            tags_[i] |= kTagPersonName;
        }
    }

    /// Capitalised words that start sentences and name nobody.
    static bool is_function_word(std::string_view w) {
        static const WordSet kWords = {
            "the", "a", "an", "in", "on", "at", "he", "she", "it", "they", "this", "that", "these",
            "those", "his", "her", "their", "its", "we", "i", "you", "no", "one", "two", "three",
            "four", "five", "six", "seven", "eight", "nine", "ten", "after", "before", "during",
            "while", "when", "although", "however", "but", "and", "or", "according", "police",
            "security", "authorities", "officials", "sources", "there", "some", "many", "several",
            "later", "earlier", "additionally", "also", "as", "by", "for", "from", "of", "to",
            "with", "between", "around", "about", "near", "all", "both", "another", "other",
            "on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "unidentified", "unknown",
            "suspected", "armed", "gunmen", "assailants", "militants", "attackers", "an",
            "mr", "mrs", "ms", "dr", "president", "minister", "army", "government", "state",
            "forces", "force", "party", "province", "district", "city", "region", "street",
            "road", "university", "school", "hospital", "church", "mosque", "station", "group",
            "front", "movement", "organization", "organisation", "national", "people", "council",
            "committee", "union", "brigade", "brigades", "battalion", "division", "corps",
            "ministry", "department", "office", "news", "agency", "times", "post", "reported",
            "said", "says", "in", "islamic", "liberation", "revolutionary", "communist",
            "democratic", "republic", "kingdom", "united", "international", "al", "el", "de",
            "la", "le", "los", "las", "del", "bin", "ibn", "abu", "st", "no"};
        return kWords.contains(w);
    }

    // ---------------------------------------------------------------- triggers

    bool has_word(std::uint32_t s, std::initializer_list<std::string_view> ws) const {
        for (std::size_t i = first_[s]; i < last_[s]; ++i)
            if (w_.any(i, ws)) return true;
        return false;
    }

    /// Token i begins a date ("1 November", "Monday", "March 3").
    bool starts_date(std::size_t i) const {
        const std::string_view w = w_[i];
        if (!w.empty() && std::isdigit(static_cast<unsigned char>(w[0]))) return true;
        return w_.any(i, {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                          "january", "february", "march", "april", "may", "june", "july", "august",
                          "september", "october", "november", "december"});
    }

    void find_hits() {
        const std::vector<PhraseIndex::Match> matches = lex_.triggers.match(t_.folded, t_.tokens);
        std::vector<bool> in_trigger(t_.tokens.size(), false);
        for (const PhraseIndex::Match& m : matches)
            for (std::size_t i = m.first; i < m.last; ++i) in_trigger[i] = true;
        // Phrases that report no violence, and context words that make a death no attack.
        std::vector<bool> blocked(t_.tokens.size(), false);
        std::set<std::uint32_t> context_sentences;
        domain_sentences_.assign(t_.sentences.size(), false);
        disaster_sentences_.assign(t_.sentences.size(), false);
        crime_word_.assign(t_.tokens.size(), false);
        thing_end_.assign(t_.tokens.size(), 0);
        police_word_.assign(t_.tokens.size(), false);
        std::set<std::uint32_t> gunfire_sentences;
        for (const PhraseIndex::Match& m : lex_.blockers.match(t_.folded, t_.tokens)) {
            const std::uint8_t kind = lex_.blocker_kind[m.value];
            if (kind & kBlockContext) context_sentences.insert(sentence_of_[m.first]);
            if (kind & kBlockDomain) {
                domain_sentences_[sentence_of_[m.first]] = true;
                ++domain_words_;
            }
            if (kind & kBlockPhrase)
                for (std::size_t i = m.first; i < m.last; ++i) blocked[i] = true;
            if (kind & kBlockCrime)
                for (std::size_t i = m.first; i < m.last; ++i) crime_word_[i] = true;
            if (kind & kBlockThing) thing_end_[m.first] = static_cast<std::uint32_t>(m.last);
            if (kind & kBlockPolice)
                for (std::size_t i = m.first; i < m.last; ++i) police_word_[i] = true;
            // A fire or a disaster, not the fire of a weapon ("opened fire", "under fire").
            if ((kind & kBlockDisaster) && !in_trigger[m.first]) {
                if (weapon_fire(m.first)) {
                    gunfire_sentences.insert(sentence_of_[m.first]);
                } else {
                    disaster_sentences_[sentence_of_[m.first]] = true;
                    ++disaster_words_;
                }
            }
        }
        // "their car caught fire after coming under fire": shooting, not a blaze.
        for (std::uint32_t s : gunfire_sentences) disaster_sentences_[s] = false;
        for (const PhraseIndex::Match& m : matches) {
            Hit h;
            h.first = m.first;
            h.last = m.last;
            h.sentence = sentence_of_[h.first];
            h.entry = m.value;
            h.info = &lex_.trigger_info[h.entry];
            h.teaser = boilerplate(h.sentence);
            bool is_blocked = false;
            for (std::size_t i = h.first; i < h.last; ++i) is_blocked = is_blocked || blocked[i];
            if (is_blocked) continue;
            if ((h.info->flags & kTriggerGeneric) && context_sentences.count(h.sentence)) continue;
            // "she was fired on 1 November": the "on" starts a date, and "fired" is dismissal.
            if (h.last - h.first == 2 && w_.is(h.last - 1, "on") && (h.info->flags & kTriggerWeak) &&
                starts_date(h.last))
                continue;
            // Inside a name ("Bomb Squad", "Attack Helicopter Battalion")? A capitalised trigger
            // inside a known actor's name is part of that name.
            if (ref_at_[h.first] != kNone) continue;
            if (self_harm(h) || unreal(h) || crime_category(h) || fiction(h)) continue;
            hits_.push_back(h);
        }
        take_hostage_hits(blocked);
        std::sort(hits_.begin(), hits_.end(), [](const Hit& a, const Hit& b) { return a.first < b.first; });
        hits_in_.assign(t_.sentences.size(), {});
        for (std::size_t k = 0; k < hits_.size(); ++k) hits_in_[hits_[k].sentence].push_back(k);
        args_in_.assign(t_.sentences.size(), {});
        for (std::size_t a = 0; a < arg_matches_.size(); ++a)
            args_in_[sentence_of_[arg_matches_[a].first]].push_back(a);
    }

    // ---------------------------------------------------------------- what did not happen

    static bool is_reflexive(std::string_view w) {
        return w == "himself" || w == "herself" || w == "themselves" || w == "themself" ||
               w == "myself" || w == "yourself" || w == "oneself" || w == "ourselves";
    }

    /// "killed himself", "shot herself", "set himself on fire", "set fire to himself": a person
    /// who harms only themself is no attack. "killed himself and eight others" is one, and the
    /// suicide bomber who "blew himself up" has a trigger of his own.
    bool self_harm(const Hit& h) const {
        if (lex_.types[h.info->type].name == "suicide_bombing") return false;
        const std::uint32_t s = h.sentence;
        std::size_t after = h.last;
        if (is_reflexive(w_[after])) {
            ++after;
        } else if (w_.is(after, "to") && is_reflexive(w_[after + 1])) {
            after += 2;
        } else if (!(h.first >= first_[s] + 2 && is_reflexive(w_[h.first - 1]) &&
                     w_.any(h.first - 2, {"set", "sets", "setting"}))) {
            return false;
        }
        // Others harmed with them: "and eight others", "along with his wife", "as well as".
        if (w_.any(after, {"and", "along", "together", "plus", "as", "with"})) return false;
        if (w_.is(after, ",") && (w_.any(after + 1, {"his", "her", "their", "a", "an", "the"}) ||
                                  read_number(w_, after + 1, last_[s])))
            return false;
        return true;
    }

    /// A modal verb at token i ("could attack", "would have been killed"). "May" is the month
    /// unless a verb form follows it.
    bool modal(std::size_t i) const {
        if (w_.any(i, {"could", "would", "might", "will", "shall", "can", "cannot", "should",
                       "must"}))
            return true;
        return w_.is(i, "may") && !w_.name_cased(i) &&
               w_.any(i + 1, {"be", "have", "not", "also", "well", "still", "even", "never"});
    }

    /// A trigger that reports an attack that did not (or not yet) happen: after a modal
    /// ("could attack", "may be targeted"), a verb of intent ("threatened to attack", "plans to
    /// bomb", "wanted to kill"), a word of fear or risk ("fears of an attack", "the threat of
    /// attacks", "vulnerable to attack"), a negation ("there was no attack", "was not
    /// attacked"), a verb of prevention ("foiled a bombing", "to prevent attacks"), a condition
    /// ("if the city were attacked"), or a noun trigger said to be what may come ("a bombing
    /// could happen", "an attack is the main danger"). Attempts the ontology knows ("plotted to
    /// assassinate", "attempt on his life") stay.
    bool unreal(const Hit& h) const {
        if (h.info->flags & kTriggerAttempt) return false;
        const std::uint32_t s = h.sentence;
        std::size_t k = h.first;
        // A device that "did not explode" failed: the ontology's bombings include failed ones.
        const bool device = h.info->verb && lex_.types[h.info->type].family == "bombing";
        for (std::size_t steps = 0; k > first_[s] && steps < 5; ++steps, --k) {
            const std::size_t i = k - 1;
            // "may have been assassinated" guesses at what happened; "could have exploded"
            // and "would have been killed" tell what did not.
            if (modal(i)) return !(w_.any(i, {"may", "might", "must"}) && w_.is(i + 1, "have"));
            if (w_.any(i, {"no", "not", "never", "nor", "without"})) return !device;
            if (w_.any(i, {"foiled", "foil", "foiling", "thwarted", "thwart", "thwarting",
                           "prevented", "prevent", "preventing", "averted", "avert", "deter",
                           "deterring", "prevention"}))
                return true;
            if (w_.is(i, "to") && i > first_[s]) {
                if (w_.any(i - 1, {"threatened", "threatening", "threatens", "threaten",
                                   "plans", "planned", "planning", "plan", "plotted", "plotting",
                                   "plot", "plots", "wanted", "wants", "want", "wanting",
                                   "intended", "intends", "intend", "intending", "intention",
                                   "vowed", "vows", "vow", "pledged", "pledges", "promised",
                                   "promises", "conspired", "conspiring", "conspiracy",
                                   "preparing", "prepares", "prepare", "going", "about", "need",
                                   "needs", "needed", "seeking", "seeks", "seek", "hoped",
                                   "hopes", "hoping", "aiming", "aims", "willing", "ready",
                                   "likely", "vulnerable", "exposed", "resilience",
                                   "susceptible"}))
                    return true;
                break;
            }
            if (w_.any(i, {"of", "against", "from"}) && i > first_[s]) {
                if (w_.any(i - 1, {"fear", "fears", "feared", "fearing", "threat", "threats",
                                   "risk", "risks", "danger", "dangers", "possibility",
                                   "prospect", "likelihood", "warning", "warnings", "warned",
                                   "warn", "warns", "spectre", "specter", "prevention",
                                   "protect", "protection",
                                   "protecting", "defend", "defence", "defense", "safeguard",
                                   "guard", "insurance", "safe", "immune", "security", "free"}))
                    return true;
                break;
            }
            // "a possible attack", "future bombings", "an imminent attack".
            if (!h.info->verb && w_.any(i, {"possible", "potential", "future", "imminent",
                                            "hypothetical", "feared", "threatened"}))
                return true;
            // Words that may stand between such a cue and the trigger.
            if (!w_.any(i, {"be", "been", "being", "have", "also", "still", "even", "easily",
                            "soon", "ever", "again", "a", "an", "any", "another", "further",
                            "new", "more", "possible", "potential", "future", "major", "large",
                            "scale", "-", "nuclear", "imminent", "similar", "fresh", "deadly",
                            "retaliatory", "revenge", "all", "such", "terrorist", "terror",
                            "physically", "directly"}))
                break;
        }
        // "if the city were attacked", "unless", "in case of"; not "unknown if".
        for (std::size_t i = h.first; i > first_[s] && h.first - i < 10; --i) {
            const std::size_t x = i - 1;
            if (w_.any(x, {",", ";", ":", "(", "but", "because", "after", "when", "while"})) break;
            if (w_.any(x, {"if", "unless"}) &&
                !(x > first_[s] && w_.any(x - 1, {"unclear", "unknown", "known", "clear", "sure",
                                                  "certain", "whether", "see", "determine",
                                                  "determined", "ask", "asked", "asking",
                                                  "establish", "wonder", "investigating",
                                                  "check", "confirm", "confirmed", "know", "or"})))
                return true;
        }
        if (h.info->verb) return false;
        // "a bombing could happen in the UK", "an attack is the main danger".
        std::size_t a = h.last;
        if (modal(a)) {
            ++a;
            while (w_.any(a, {"also", "still", "well", "easily", "soon", "yet", "not"})) ++a;
            return w_.any(a, {"happen", "occur", "take", "come", "follow", "recur"});
        }
        // Present tense only: "the attack was a threat to peace" tells of one that happened.
        if (w_.any(a, {"is", "remains", "poses", "are", "remain", "pose"})) {
            ++a;
            for (std::size_t n = 0; n < 3 && w_.any(a, {"the", "a", "an", "real", "main", "major",
                                                        "serious", "biggest", "greatest",
                                                        "growing", "very", "still", "now",
                                                        "more", "most", "increasingly"});
                 ++n)
                ++a;
            if (w_.any(a, {"danger", "threat", "risk", "possibility", "concern", "fear"})) return true;
            // "another attack is likely", not "the attack is likely to have been ...".
            return w_.any(a, {"likely", "possible", "inevitable", "imminent", "unlikely"}) &&
                   (a + 1 >= last_[s] || w_.any(a + 1, {".", ",", ";", "and", "but", "in", "at",
                                                        "within", "soon", "now", "unless", "if"}));
        }
        return false;
    }

    /// A bare trigger noun in a list of crimes ("extortion and kidnapping", "kidnappings and
    /// extortion", "extorting and killing bus drivers") names a kind of crime, not an incident;
    /// the crimes are the `crime` rows of event_blockers.tsv. "the robbery and murder of a
    /// shopkeeper" is one incident.
    bool crime_category(const Hit& h) const {
        const std::uint32_t s = h.sentence;
        // "kidnapping rates", "murder charges", "kidnapping gangs": the trigger noun names the
        // kind of crime that the next noun is about.
        const bool single_word = h.last == h.first + 1 && !(h.info->flags & kTriggerAttempt);
        const bool indefinite = h.first > first_[s] &&
                                w_.any(h.first - 1, {"a", "an", "each", "every", "one", "single"});
        if (!h.info->verb && single_word && !indefinite && w_.any(h.last, {"rate", "rates", "cases", "groups", "gangs", "gang",
                                             "ring", "rings", "network", "networks", "industry",
                                             "business", "trend", "trends", "statistics",
                                             "figures", "charge", "charges", "unit", "units",
                                             "squad", "squads", "insurance", "market",
                                             "epidemic", "capital", "trial", "trials",
                                             "conviction", "convictions", "cells", "threat",
                                             "threats", "fields"}))
            return true;
        // "charged with murder", "convicted of kidnapping": a crime in law, not an incident.
        // "jailed for shooting dead a burglar" tells the act.
        const bool bare = h.last >= last_[s] || !w_.token(h.last).word ||
                          w_.any(h.last, {"and", "or", "in", "after", "but", "charges", "under"});
        if (!h.info->verb && bare && h.first >= first_[s] + 2 && w_.any(h.first - 1, {"with", "of", "for"}) &&
            w_.any(h.first - 2, {"charged", "convicted", "accused", "guilty", "suspicion",
                                 "sentenced", "jailed", "acquitted", "cleared", "indicted",
                                 "count", "counts", "charges", "imprisoned", "prosecuted",
                                 "tried", "investigated"}))
            return true;
        // Verbs only in their -ing form: "extorting and killing bus drivers".
        const std::string_view head = w_[h.first];
        if (h.info->verb && (head.size() < 4 || head.substr(head.size() - 3) != "ing")) return false;
        // The crime before: "extortion and kidnapping", "extortion, contract killing".
        std::size_t b = h.first;
        if (!h.info->verb && b > first_[s] && tags_[b - 1] == 0 && !crime_word_[b - 1] && w_.token(b - 1).word &&
            !w_.any(b - 1, {"and", "or", "the", "a", "an"}))
            --b;  // one modifier: "and contract killing"
        bool listed = false, determined = false;
        if (b >= first_[s] + 2 && w_.any(b - 1, {"and", "or", ",", "&"}) && crime_word_[b - 2]) {
            std::size_t c = b - 2;
            while (c > first_[s] && crime_word_[c - 1]) --c;
            listed = true;
            determined = c > first_[s] && w_.any(c - 1, {"the", "a", "an", "this", "that"});
        }
        // The crime after: "kidnapping and extortion", "kidnappings, robberies".
        if (!listed && w_.any(h.last, {"and", "or", ",", "&"}) && crime_word_[h.last + 1]) {
            listed = true;
            determined = h.first > first_[s] &&
                         w_.any(h.first - 1, {"the", "a", "an", "this", "that", "his", "her", "their"});
        }
        if (!listed) return false;
        // "the robbery and murder of a shopkeeper": one victim, one incident; "the extortion
        // and kidnapping of wealthy farmers" is a practice.
        std::size_t of = h.last;
        while (of < last_[s] && of < h.last + 4 && !w_.is(of, "of") &&
               (crime_word_[of] || w_.any(of, {"and", "or", ","})))
            ++of;
        if (w_.is(of, "of"))
            return !(w_.any(of + 1, {"a", "an", "the", "his", "her", "two", "three", "four", "five"}) ||
                     w_.name_cased(of + 1));
        return !determined;
    }

    /// A film, novel or game plot told in the present tense ("after his father is killed he
    /// sets out..."), in a document about film, music or books.
    bool fiction(const Hit& h) const {
        if (!h.info->verb || !(h.info->flags & (kTriggerGeneric | kTriggerKills))) return false;
        if (!domain_sentences_[h.sentence] && domain_words_ < kDomainWords) return false;
        return h.first > first_[h.sentence] && w_.any(h.first - 1, {"is", "are", "gets", "get"});
    }

    /// "fire" at token i used of weapons ("gunfire", "heavy fire", "came under fire", "returned
    /// fire", "exchange of fire") rather than a blaze.
    bool weapon_fire(std::size_t i) const {
        if (!w_.any(i, {"fire", "fires"})) return false;
        if (i == 0) return false;
        // "fire from the direction of the village"; "Palestinian fire", "army fire".
        const std::uint32_t s = sentence_of_[i];
        if (w_.is(i + 1, "from") || (i - 1 > first_[s] && w_.token(i - 1).word &&
                                     w_.name_cased(i - 1) && !is_function_word(w_[i - 1])))
            return true;
        return w_.any(i - 1, {"their", "weapon", "weapons", "by", "rifle", "rifles", "pistol", "bullet",
                              "gun", "guns", "sniper", "snipers", "machine", "machinegun", "mortar",
                              "mortars", "rocket", "rockets", "artillery", "heavy",
                              "automatic", "arms", "enemy", "hostile", "under", "open", "opened",
                              "opening", "opens", "returned", "return", "returning", "exchanged",
                              "exchange", "exchanging", "of", "cross", "friendly", "cease",
                              "rapid", "live", "small", "indiscriminate", "sustained", "intense",
                              "anti", "-", "naval", "cannon", "tank", "police", "army", "troops",
                              "soldiers", "to"});
    }

    /// "took 18 people hostage", "held three workers hostage": the trigger of "took hostage"
    /// or "held hostage" with the captives between its words.
    void take_hostage_hits(const std::vector<bool>& blocked) {
        if (lex_.took_hostage == EventLexicon::kNoTrigger || lex_.held_hostage == EventLexicon::kNoTrigger)
            return;
        const TriggerInfo* took = &lex_.trigger_info[lex_.took_hostage];
        const TriggerInfo* held = &lex_.trigger_info[lex_.held_hostage];
        for (std::size_t i = 0; i < t_.tokens.size(); ++i) {
            if (!w_.any(i, {"hostage", "hostages", "captive", "captives"})) continue;
            const std::uint32_t s = sentence_of_[i];
            for (std::size_t k = i; k > first_[s] && i - k < 6; --k) {
                const bool take = w_.any(k - 1, {"took", "taken", "taking", "take", "takes", "seized"});
                const bool hold = w_.any(k - 1, {"held", "holding", "hold", "holds"});
                if (!take && !hold) continue;
                if (k == i || blocked[k - 1]) break;  // adjacent: the lexicon matched it
                bool taken = false;
                for (const Hit& h : hits_)
                    if (h.first <= k - 1 && k - 1 < h.last) taken = true;
                if (taken) break;
                Hit h;
                h.first = k - 1;
                h.last = i + 1;
                h.sentence = s;
                h.info = take ? took : held;
                h.entry = static_cast<std::uint32_t>(h.info - lex_.trigger_info.data());
                h.teaser = boilerplate(s);
                hits_.push_back(h);
                break;
            }
        }
    }

    // ---------------------------------------------------------------- figures, dates

    void find_figures_and_dates() {
        const std::size_t n = t_.sentences.size();
        figures_.resize(n);
        dates_.assign(n, std::nullopt);
        if (auto lead = leading_date(w_)) leading_ = lead;
        anchor_ = parse_iso_date(t_.document.date);
        if (!anchor_ || anchor_->day == 0) {
            if (leading_) anchor_ = leading_->date;
        }
        for (std::size_t s = 0; s < n; ++s) {
            figures_[s] = find_casualties(w_, first_[s], last_[s], tags_);
        }
    }

    /// The dates of sentence `s`, found when first asked for (few sentences need them).
    const std::vector<DateMention>& dates_of(std::uint32_t s) const {
        if (!dates_[s]) dates_[s] = find_dates(w_, first_[s], last_[s], anchor_);
        return *dates_[s];
    }

    // ---------------------------------------------------------------- responsibility

    /// The group mention nearest before token `i` in the sentence, skipping "pro-"/"anti-".
    std::size_t group_before(std::uint32_t s, std::size_t i, std::size_t max_distance) const {
        for (std::size_t k = i; k > first_[s] && i - k < max_distance; --k) {
            const std::size_t r = ref_at_[k - 1];
            if (r != kNone && is_group(r) && !negative_context(r)) return r;
            if (w_.any(k - 1, {";", ".", "but", "however", "while", "although"})) break;
        }
        return kNone;
    }

    std::size_t group_after(std::uint32_t s, std::size_t i, std::size_t max_distance) const {
        for (std::size_t k = i; k < last_[s] && k < i + max_distance; ++k) {
            const std::size_t r = ref_at_[k];
            if (r != kNone && is_group(r)) return r;
            if (w_.any(k, {";", ".", "but", "however"})) break;
        }
        return kNone;
    }

    /// Before token f, sentence s turns to other incidents ("similar attacks have been carried
    /// out in recent months by X", "similar actions were taken last year by X"): a group named
    /// after that is background, no perpetrator of this event.
    bool other_incidents_before(std::uint32_t s, std::size_t f) const {
        for (std::size_t i = first_[s]; i < f && i < last_[s]; ++i) {
            if (w_.any(i, {"similar", "previous", "previously"})) return true;
            if (w_.is(i, "last") && w_.any(i + 1, {"year", "month", "week", "summer", "winter"}))
                return true;
            if (w_.any(i, {"recent", "earlier", "past"}) &&
                w_.any(i + 1, {"months", "weeks", "years"}))
                return true;
        }
        return false;
    }

    /// "pro-ISIS", "anti-ISIS", "against ISIS", "fighting the Taliban": no perpetrator.
    bool negative_context(std::size_t r) const {
        const std::size_t f = refs_[r].first;
        if (f >= 2 && w_.is(f - 1, "-") && w_.any(f - 2, {"pro", "anti", "counter"})) return true;
        for (std::size_t k = f; k > 0 && f - k < 3; --k) {
            // "blamed on the Taliban" names the perpetrator.
            if (w_.is(k - 1, "on") && k >= 2 && w_.any(k - 2, {"blamed", "blame", "blames", "pinned"}))
                return false;
            if (w_.any(k - 1, {"against", "fighting", "fight", "targeting", "targeted", "on", "pro",
                               "anti", "defeat", "defeating", "leaving", "left", "joined", "join",
                               "joining", "recruiting", "versus", "defected"}))
                return true;
        }
        // "demanded the release of four X operatives", "the conviction of X members",
        // "sentenced an X militant": the group is named for what was done to its people.
        for (std::size_t k = f; k > 0 && f - k < 8 && w_.token(k - 1).word; --k)
            if (w_.any(k - 1, {"release", "releasing", "freeing", "conviction", "convicted",
                               "sentenced", "sentencing", "trial", "extradition", "extradited"}))
                return true;
        // "shot and killed seven members of the religious group X": the group was harmed.
        for (std::size_t k = f; k > 1 && f - k < 8 && w_.token(k - 1).word; --k) {
            if (!w_.is(k - 1, "of")) continue;
            if (!w_.any(k - 2, {"members", "member", "followers", "supporters", "workers"})) break;
            for (std::size_t v = k - 2; v > 0 && k - 2 - v < 4; --v)
                if (w_.any(v - 1, {"killed", "kill", "kills", "killing", "shot", "kidnapped",
                                   "abducted", "wounded", "injured", "attacked", "targeted",
                                   "executed", "murdered", "beheaded", "assassinated"}))
                    return true;
            break;
        }
        // "the headquarters of exile paramilitary group Alpha 66", "chairman of the Alliance":
        // a group that owns or leads what was attacked is no perpetrator.
        for (std::size_t k = f; k > 1 && f - k < 5; --k) {
            if (w_.is(k - 1, "of"))
                return w_.any(k - 2, {"headquarters", "headquarter", "office", "offices", "premises",
                                      "chairman", "chairwoman", "leader", "leaders", "spokesman",
                                      "candidate", "candidates", "rally", "meeting", "convention",
                                      "branch", "building", "offices", "activist", "activists",
                                      "official", "officials", "supporters", "followers"});
            if (!w_.token(k - 1).word || w_.name_cased(k - 1)) break;
        }
        return false;
    }

    Arg arg_of_ref(std::size_t r, const std::string& rule) const {
        const Actor& a = actor(r);
        const Mention& m = a.mentions[refs_[r].mention];
        return Arg{m.text, m.span, a.id, rule};
    }

    Arg arg_of_tokens(std::size_t first, std::size_t last, const std::string& rule) const {
        return Arg{std::string(w_.text(first, last)), w_.span(first, last), {}, rule};
    }

    /// The noun phrase that ends just before token `end` (a subject): up to 6 words back to a
    /// comma, clause word or sentence start.
    std::optional<Arg> subject_before(std::uint32_t s, std::size_t end, const std::string& rule) const {
        std::size_t b = end;
        while (b > first_[s] && end - b < 6) {
            const std::size_t k = b - 1;
            if (!w_.token(k).word && !w_.any(k, {"-", "'", "(", ")"})) break;
            if (w_.any(k, {"and", "but", "that", "which", "who", "when", "after", "also", "later",
                           "had", "has", "have", "then", "however", "while"}))
                break;
            --b;
        }
        while (b < end && w_.any(b, {"later", "also", "subsequently"})) ++b;
        if (b >= end) return std::nullopt;
        return arg_of_tokens(b, end, rule);
    }

    void find_responsibility() {
        // Only sentences with one of these words can state a claim.
        static const WordSet kCue = {
            "responsibility", "credit", "claimed", "stated", "said", "announced", "declared",
            "says", "states", "admitted", "admits", "confessed", "confessing", "confesses",
            "pamphlets", "leaflets", "flyers", "fliers", "notes", "banners", "communique",
            "graffiti", "pamphlet", "leaflet", "note", "posters", "propaganda"};
        for (std::uint32_t s = 0; s < t_.sentences.size(); ++s) {
            bool cue = false;
            for (std::size_t i = first_[s]; i < last_[s] && !cue; ++i)
                cue = t_.tokens[i].word && kCue.contains(w_[i]);
            if (!cue) continue;
            for (std::size_t i = first_[s]; i < last_[s]; ++i) {
                // "X claimed responsibility", "claim of responsibility by X", "took responsibility".
                if (!w_.any(i, {"responsibility", "credit"})) continue;
                std::size_t verb = kNone;
                for (std::size_t k = i; k > first_[s] && i - k < 4; --k)
                    if (w_.any(k - 1, {"claimed", "claims", "claim", "claiming", "took", "takes",
                                       "taken", "taking", "accepted", "accepts", "admitted",
                                       "assumed", "claimant", "bears", "bore"})) {
                        verb = k - 1;
                        break;
                    }
                if (verb == kNone) continue;
                if (w_.is(i, "credit") && !w_.any(verb, {"claimed", "claims", "claiming", "took"}))
                    continue;
                Responsibility resp;
                resp.sentence = s;
                resp.verb = verb;
                // Negation in the clause before the verb: "no group has claimed", "has not yet".
                for (std::size_t k = verb; k > first_[s] && verb - k < 7; --k) {
                    if (w_.any(k - 1, {"no", "not", "nobody", "none", "yet", "neither", "nor",
                                       "never", "denied", "denies", "deny", "without", "unclaimed",
                                       "unknown"})) {
                        resp.negated = true;
                        break;
                    }
                    if (w_.any(k - 1, {";", ".", "but", "however", "although", "while"})) break;
                }
                if (w_.any(verb + 1, {"no", "not"})) resp.negated = true;
                // "the group that claimed responsibility remains unknown".
                for (std::size_t k = i + 1; k < last_[s] && k < i + 4; ++k)
                    if (w_.any(k, {"unknown", "unclear", "unidentified"})) resp.negated = true;
                if (!resp.negated) {
                    std::size_t g = kNone;
                    if (w_.any(i + 1, {"by"}) || (w_.is(i + 1, "was") && w_.is(i + 2, "claimed")))
                        g = group_after(s, i + 1, 8);
                    if (g == kNone) g = group_before(s, verb, 14);
                    if (g == kNone && w_.is(i + 1, "by")) g = group_after(s, i + 2, 8);
                    if (g != kNone) {
                        resp.claimant = arg_of_ref(g, "claim:" + std::string(w_[verb]) + "-responsibility");
                    } else if (auto subject = subject_before(s, verb, "claim:subject-" +
                                                                          std::string(w_[verb]) +
                                                                          "-responsibility")) {
                        resp.claimant = *subject;
                    } else {
                        resp.claimant = arg_of_tokens(verb, i + 1, "claim:" + std::string(w_[verb]) +
                                                                       "-responsibility");
                    }
                }
                responsibility_.push_back(std::move(resp));
            }
            other_claims(s);
            // "ISIS-claimed double bombing".
            for (std::size_t i = first_[s] + 2; i < last_[s]; ++i) {
                if (!(w_.is(i, "claimed") && w_.is(i - 1, "-") && w_.glued(i) && w_.glued(i - 1)))
                    continue;
                const std::size_t r = ref_at_[i - 2];
                if (r == kNone || !is_group(r)) continue;
                Responsibility resp;
                resp.sentence = s;
                resp.verb = i;
                resp.claimant = arg_of_ref(r, "claim:group-claimed");
                responsibility_.push_back(std::move(resp));
            }
        }
    }

    /// Claims made without the word "responsibility": "the group stated that it carried out
    /// the attack", "admitted carrying out", "confessing to the crime", and pamphlets or notes
    /// left at the scene by a group (coders count those as claims).
    void other_claims(std::uint32_t s) {
        for (std::size_t i = first_[s]; i < last_[s]; ++i) {
            std::string rule;
            if (w_.any(i, {"stated", "said", "announced", "declared", "says", "states"}) &&
                w_.is(i + 1, "that")) {
                for (std::size_t k = i + 2; k < last_[s] && k < i + 7; ++k)
                    if (w_.any(k, {"carried", "conducted", "perpetrated", "staged", "executed"}) ||
                        (w_.is(k, "was") && w_.is(k + 1, "behind"))) {
                        if (w_.any(i + 2, {"it", "he", "they", "she", "the", "its", "their"}) ||
                            group_after(s, i + 2, 3) != kNone)
                            rule = "claim:stated-it-carried-out";
                        break;
                    }
            } else if (w_.any(i, {"admitted", "admits", "confessed", "confessing", "confesses"}) &&
                       (w_.any(i + 1, {"carrying", "to", "that", "having"}) ||
                        w_.is(i + 1, "responsibility"))) {
                if (!w_.is(i + 1, "responsibility")) rule = "claim:admitted";
            } else if (w_.any(i, {"pamphlets", "leaflets", "flyers", "fliers", "notes", "banners",
                                  "communique", "graffiti", "pamphlet", "leaflet", "note",
                                  "posters", "propaganda"}) &&
                       !has_word(s, {"supposedly", "purportedly", "allegedly", "reportedly"})) {
                // "pamphlets from FAIRE", "left pamphlets at the scene".
                const bool scene = has_word(s, {"scene", "site"}) &&
                                   has_word(s, {"left", "found", "scattered", "discovered"});
                std::size_t g = group_after(s, i + 1, 6);
                if (g == kNone) g = group_before(s, i, 8);
                if (g != kNone && (scene || w_.any(i + 1, {"from", "signed", "by", "of", "bearing",
                                                            "claiming"})))
                    rule = "claim:note-left-by-group";
                else if (scene && g == kNone && !has_word(s, {"no", "not"}))
                    rule = "claim:note-left-at-scene";
            }
            if (rule.empty()) continue;
            bool negated = false;
            for (std::size_t k = i; k > first_[s] && i - k < 5; --k)
                negated = negated || w_.any(k - 1, {"no", "not", "never", "denied", "nobody"});
            if (negated) continue;
            Responsibility resp;
            resp.sentence = s;
            resp.verb = i;
            std::size_t g = group_before(s, i, 14);
            if (g == kNone) g = group_after(s, i + 1, 8);
            if (g != kNone) {
                resp.claimant = arg_of_ref(g, rule);
            } else if (auto subject = subject_before(s, i, rule)) {
                resp.claimant = *subject;
            } else {
                resp.claimant = arg_of_tokens(i, i + 1, rule);
            }
            responsibility_.push_back(std::move(resp));
        }
    }

    // ---------------------------------------------------------------- groups and drafts

    /// The chain "City, Region, Country" that starts with place mention `r`.
    std::vector<std::size_t> chain_from(std::size_t r) const {
        std::vector<std::size_t> chain{r};
        const std::uint32_t s = refs_[r].sentence;
        std::size_t i = refs_[r].last;
        for (;;) {
            std::size_t j = i;
            // "Salerno (District), Afghanistan", "Guayas province, Ecuador".
            if (w_.is(j, "(")) {
                std::size_t k = j + 1;
                while (k < last_[s] && k < j + 4 && w_.token(k).word && is_admin_word(w_[k])) ++k;
                if (w_.is(k, ")")) j = k + 1;
            }
            // "the Nahal Oz crossing in Gaza Strip", "the Petare metro station, Caracas".
            if (chain.size() == 1)
                while (j < last_[s] && j < i + 2 && w_.token(j).word &&
                       w_.any(j, {"police", "metro", "railway", "train", "bus", "station", "stop",
                                  "post", "depot", "crossing", "checkpoint", "junction"}))
                    ++j;
            // "Jubu village in Solukhumbu": a settlement in the place that follows.
            const bool settlement_in =
                w_.token(j).word && w_.any(j, {"village", "town", "hamlet"}) && w_.is(j + 1, "in");
            while (j < last_[s] && j < i + 3 && w_.token(j).word && is_admin_word(w_[j])) ++j;
            // Links: "Kabul, Afghanistan", "Zinjibar in Abyan", "Thessaloniki, in Greece",
            // "Kaspiysk city, Republic of Dagestan".
            if (w_.any(j, {",", "("})) {
                ++j;
                if (w_.is(j, "in")) ++j;
            } else if (w_.is(j, "in")) {
                ++j;
            } else {
                break;
            }
            const std::size_t link_end = j;
            while (j < last_[s] && j < link_end + 3 && place_at(j) == kNone && w_.token(j).word &&
                   is_admin_word(w_[j]))
                ++j;
            const std::size_t next = place_at(j);
            if (next == kNone || refs_[next].demonym) break;
            const std::size_t prev = chain.back();
            if (actor(next).id == actor(prev).id) {  // "Greece, Greece"
                i = refs_[next].last;
                continue;
            }
            // Two towns of one country followed by what holds them ("Cielo, Cusco, Peru",
            // "Kanyosha, Bujumbura, Burundi"): the text goes from small to large, so the first
            // lies in the second (a district, suburb or village the gazetteer files as a town).
            if (!holds(next, prev) &&
                (town_inside_town(prev, next) ||
                 (settlement_in && chain.size() == 1 && specificity(next) == 2 &&
                  actor(prev).place_type == "city" &&
                  !actor(prev).country_code.empty() &&
                  actor(prev).country_code == actor(next).country_code))) {
                chain.push_back(next);
                i = refs_[next].last;
                continue;
            }
            // A chain goes from small to large: the next place holds the previous one. A country
            // that closes the chain but does not hold it says the smaller name was misread.
            if (!holds(next, prev)) {
                if (specificity(next) == 0 && specificity(prev) > 0 && !w_.is(refs_[next].last, ",")) {
                    std::vector<std::size_t> kept;
                    for (std::size_t c : chain)
                        if (holds(next, c)) kept.push_back(c);
                    kept.push_back(next);
                    return kept;
                }
                break;
            }
            chain.push_back(next);
            i = refs_[next].last;
        }
        return chain;
    }

    /// For place `r` in "between r and q, <region>, <country>": r followed by the places that
    /// hold both; nullopt when `r` stands elsewhere or nothing holds it.
    std::optional<std::vector<std::size_t>> between_first(std::size_t r) const {
        const std::size_t begin = first_[refs_[r].sentence];
        std::size_t k = refs_[r].first;
        // "between the municipalities of X and Y"
        if (k >= begin + 4 && w_.is(k - 1, "of") && w_.is(k - 3, "the") && w_.is(k - 4, "between"))
            k -= 3;
        if (k <= begin || !w_.is(k - 1, "between")) return std::nullopt;
        const std::size_t j = refs_[r].last;
        if (!w_.is(j, "and")) return std::nullopt;
        const std::size_t q = place_at(j + 1);
        if (q == kNone || refs_[q].demonym) return std::nullopt;
        std::vector<std::size_t> chain = chain_from(q);
        if (chain.size() < 2) return std::nullopt;
        std::vector<std::size_t> held{r};
        for (std::size_t c = 1; c < chain.size(); ++c)
            if (holds(chain[c], r)) held.push_back(chain[c]);
        if (held.size() < 2) return std::nullopt;
        return held;
    }

    /// Place `r` only says where the place before it lies: "in Netanya, near Tel Aviv", "the
    /// town of Mahmoudiyah, south of Baghdad", "Zorva, 20 km outside Kabul".
    bool reference_point(std::size_t r) const {
        const std::size_t begin = first_[refs_[r].sentence];
        std::size_t k = refs_[r].first;
        if (k > begin && w_.is(k - 1, "of") && k - 1 > begin &&
            w_.any(k - 2, {"north", "south", "east", "west", "northeast", "northwest", "southeast",
                           "southwest", "outside"}))
            k -= 2;
        else if (k > begin && w_.any(k - 1, {"near", "outside"}))
            k -= 1;
        else
            return false;
        // "20 km", "30 miles" before the direction.
        if (k > begin + 1 && w_.any(k - 1, {"km", "kilometres", "kilometers", "miles", "mi"})) {
            k -= 1;
            if (read_number(w_, k - 1, k)) k -= 1;
        }
        if (k <= begin + 1 || !w_.is(k - 1, ",")) return false;
        const std::size_t q = ref_at_[k - 2];
        return q != kNone && is_place(q) && refs_[q].last == k - 1 && !refs_[q].demonym;
    }

    /// The place mention that holds place `r` and stands before it in the possessive, with at
    /// most two lower-case words between ("Turkey's southeastern Bingol province"), or kNone.
    std::size_t possessive_holder(std::size_t r) const {
        std::size_t k = refs_[r].first;
        const std::size_t begin = first_[refs_[r].sentence];
        for (int skipped = 0; skipped < 2 && k > begin && w_.token(k - 1).word &&
                              !w_.name_cased(k - 1) && !w_.is(k - 1, "s");
             ++skipped)
            --k;
        if (k < begin + 3 || !w_.is(k - 1, "s") || !w_.is(k - 2, "'") || !w_.glued(k - 1) ||
            !w_.glued(k - 2))
            return kNone;
        if (k - 2 >= ref_at_.size() || ref_at_[k - 3] == kNone) return kNone;
        const std::size_t q = ref_at_[k - 3];
        if (!is_place(q) || refs_[q].last != k - 2 || q == r || !holds(q, r) ||
            actor(q).id == actor(r).id)
            return kNone;
        return q;
    }

    /// True when place `outer` contains (or is) place `inner`.
    bool holds(std::size_t outer, std::size_t inner) const {
        const Actor& o = actor(outer);
        const Actor& n = actor(inner);
        if (o.id == n.id) return true;
        if (o.country_code.empty() || o.country_code != n.country_code) return false;
        return specificity(outer) < specificity(inner);
    }

    /// "inner, outer, <country>" where outer is a town that shares its name with a region of
    /// its country ("Cielo, Cusco, Peru", "Valera, Trujillo, Venezuela"): the text goes from
    /// small to large, so outer names the region and inner is the town. A town inside a city
    /// that is no region ("Zuhur, Mosul, Iraq") keeps the city, as coders do.
    bool town_inside_town(std::size_t inner, std::size_t outer) const {
        if (specificity(inner) != 2 || specificity(outer) != 2 || marked_part(inner)) return false;
        const std::string& cc = actor(inner).country_code;
        if (cc.empty() || cc != actor(outer).country_code) return false;
        const std::uint32_t s = refs_[outer].sentence;
        std::size_t j = refs_[outer].last;
        if (j < last_[s] && w_.token(j).word && is_admin_word(w_[j])) return false;  // "Athens city"
        if (!w_.is(j, ",")) return false;
        const std::size_t after = place_at(j + 1);
        if (after == kNone || refs_[after].demonym || specificity(after) >= 2 || !holds(after, outer))
            return false;
        const std::string& name = actors_[refs_[outer].actor].mentions[refs_[outer].mention].text;
        for (const AliasRef& a : r_.names.lookup(name)) {
            const Entry& e = r_.names.entry(a.entry);
            if (e.place_type == "region" && e.country_code == cc) return true;
        }
        return false;
    }

    /// "Zuhur neighborhood", "Alvalade district": the mention is followed by a word that makes
    /// it a part of something larger.
    bool marked_part(std::size_t r) const {
        const std::size_t j = refs_[r].last;
        return j < last_[refs_[r].sentence] && w_.token(j).word && is_part_word(w_[j]);
    }

    /// Two places that can be where one event happened.
    bool compatible(std::size_t a, std::size_t b) const { return holds(a, b) || holds(b, a); }

    /// The place a hit reports: "the Dhaka attack", "attack in Bangladesh", or none.
    std::optional<PlaceChoice> place_of_hit(const Hit& h) const {
        const std::uint32_t s = h.sentence;
        // Modifier: a place right before the trigger ("the Baghdad bombing").
        if (h.first > first_[s]) {
            std::size_t k = h.first - 1;
            if (w_.is(k, "'") || w_.is(k, "s")) k = k > first_[s] ? k - 1 : k;
            const std::size_t r = ref_at_[k];
            if (r != kNone && is_place(r) && !refs_[r].demonym)
                return PlaceChoice{chain_from(r), "place:modifier"};
        }
        // After the trigger: "attack in Bangladesh", "exploded outside a school in Kabul".
        for (std::size_t i = h.last; i < last_[s] && i < h.last + 12; ++i) {
            if (w_.any(i, {";", "when", "while", "after", "but", "killing", "wounding", "injuring"}))
                break;
            const std::size_t r = place_at(i);
            if (r == kNone || refs_[r].demonym) continue;
            if (i > h.last && w_.any(i - 1, {"in", "at", "near", "outside", "inside", "on", "of",
                                              "across", "throughout", "between", "around", ","}))
                return PlaceChoice{chain_from(r), "place:after-trigger"};
            if (i == h.last) return PlaceChoice{chain_from(r), "place:after-trigger"};
        }
        return std::nullopt;
    }

    /// The place of a group of triggers in one sentence: every place the sentence names is
    /// scored by how it is tied to a trigger (modifier, "in X" after it), by whether it is given
    /// with its country ("Kirkuk, Kirkuk Governorate, Iraq") and by how specific it is.
    std::optional<PlaceChoice> best_place(std::uint32_t s, const std::vector<std::size_t>& hits,
                                          double* score_out = nullptr) const {
        std::optional<PlaceChoice> best;
        double best_score = -1e9;
        for (std::size_t i = first_[s]; i < last_[s]; ++i) {
            const std::size_t r = place_at(i);
            if (r == kNone || refs_[r].demonym || attributive_country(r)) continue;
            // A place that is part of a chain started earlier was scored with that chain.
            bool inside = false;
            if (best)
                for (std::size_t c : best->refs) inside = inside || c == r;
            if (inside) continue;
            PlaceChoice choice{chain_from(r), "place:in-sentence"};
            double score = 0;
            // "between Bachi-Yurt and Tsentoroi, Chechnya, Russia": the first place, held by
            // what holds the second, as coders take it.
            if (choice.refs.size() == 1) {
                if (std::optional<std::vector<std::size_t>> held = between_first(r)) {
                    choice.refs = std::move(*held);
                    score += 1;
                }
            }
            // A place given with what holds it ("Kabul, Afghanistan") is the place of a report.
            if (choice.refs.size() >= 2 && specificity(choice.refs.back()) == 0) score += 3;
            else if (choice.refs.size() >= 2) score += 2;
            if (i > first_[s] && w_.any(i - 1, {"in", "at", "near", "outside", "inside", "across",
                                                "throughout", "of", "into"}))
                score += 2;
            if (i > first_[s] && w_.any(i - 1, {"from", "to", "for", "with", "by", "against"}))
                score -= 1;
            std::size_t nearest = kNone;
            for (std::size_t k : hits) {
                const Hit& h = hits_[k];
                if (refs_[r].last == h.first ||
                    (refs_[r].last + 1 == h.first && w_.any(h.first - 1, {"'", "s"}))) {
                    score += 4;
                    choice.rule = "place:modifier";
                }
                const std::size_t d = i >= h.last ? i - h.last : h.first - std::min(h.first, refs_[r].last);
                nearest = std::min(nearest, d);
                if (i >= h.last && choice.rule == "place:in-sentence") choice.rule = "place:after-trigger";
            }
            if (nearest != kNone) score -= static_cast<double>(std::min<std::size_t>(nearest, 40)) / 20.0;
            if (reference_point(r)) score -= 3;
            // "in Afghanistan's eastern Paktika province": the place inside the possessive
            // one, placed as precisely as a chain would place it.
            if (const std::size_t q = possessive_holder(r); q != kNone) {
                score += 2;
                if (refs_[q].first > first_[s] &&
                    w_.any(refs_[q].first - 1, {"in", "at", "near", "outside", "inside", "across",
                                                "throughout", "into"}))
                    score += 2;
            }
            score += 0.3 * specificity(choice.refs.front());
            if (score > best_score) {
                best_score = score;
                best = std::move(choice);
            }
        }
        if (score_out != nullptr) *score_out = best_score;
        return best;
    }

    /// A country named as an attribute of a noun: "a U.S. intelligence officer", "from the
    /// U.S. diplomatic mission" (an article before it, no preposition of place before that,
    /// and a lower-case word after it) says whose, not where.
    bool attributive_country(std::size_t r) const {
        if (specificity(r) != 0) return false;
        const std::size_t f = refs_[r].first;
        std::size_t l = refs_[r].last;
        const std::uint32_t s = refs_[r].sentence;
        if (l < last_[s] && w_.is(l, ".") && w_.glued(l)) ++l;  // "U.S." ends with its stop
        if (f <= first_[s] || l >= last_[s] || !w_.any(f - 1, {"a", "an", "the"})) return false;
        if (f - 1 > first_[s] && w_.any(f - 2, {"in", "at", "near", "outside", "inside", "across",
                                                "throughout", "into", "to", "of"}))
            return false;
        if (!w_.token(l).word || w_.name_cased(l) || ref_at_[l] != kNone) return false;
        const std::string_view next = w_[l];
        return !(next[0] >= '0' && next[0] <= '9') && !is_function_word(next);
    }

    /// The first place named in a sentence (GTD: "In Caracas, Venezuela, ... was killed").
    /// `allow_demonym`: a demonym may name it; `allow_owner`: so may a country named as an
    /// owner ("US troops").
    std::optional<PlaceChoice> place_of_sentence(std::uint32_t s, bool allow_demonym,
                                                 bool allow_owner = false) const {
        for (std::size_t i = first_[s]; i < last_[s]; ++i) {
            const std::size_t r = place_at(i);
            if (r == kNone || (refs_[r].demonym && !allow_demonym) || refs_[r].border ||
                (refs_[r].owner && !allow_owner))
                continue;
            return PlaceChoice{chain_from(r), refs_[r].demonym ? "place:demonym-in-sentence"
                                                                : "place:in-sentence"};
        }
        return std::nullopt;
    }

    /// The coordinated places after a plural trigger: "first in Yemen, then Turkey, Bangladesh
    /// and Iraq" -> four places. Hierarchies ("Kabul, Afghanistan") count once.
    std::vector<std::size_t> place_list(const Hit& h) const {
        const std::uint32_t s = h.sentence;
        std::vector<std::size_t> list;
        std::size_t i = h.last;
        // The list starts just after the trigger ("attacks, first in Yemen, then ...",
        // "attacks are not new - Brussels, Paris ...").
        while (i < last_[s] && i < h.last + 6 && place_at(i) == kNone) ++i;
        while (i < last_[s]) {
            const std::size_t r = place_at(i);
            if (r == kNone || refs_[r].demonym) break;
            const std::vector<std::size_t> chain = chain_from(r);
            list.push_back(r);
            std::size_t j = refs_[chain.back()].last;
            // Gap words allowed between coordinated places.
            std::size_t gap = 0;
            while (j < last_[s] && gap < 4 &&
                   w_.any(j, {",", "and", "or", "then", "first", "finally", "perhaps", "even",
                              "later", "in", "as", "well", "also", "-", "and"})) {
                ++j;
                ++gap;
            }
            if (gap == 0) break;
            i = j;
        }
        return list;
    }

    /// Whether a generic trigger is used of a violent event here.
    bool supported(const Hit& h) const {
        const std::uint32_t s = h.sentence;
        for (std::size_t k : hits_in_[s])
            if (!hits_[k].not_incident && !(hits_[k].info->flags & (kTriggerGeneric | kTriggerAnaphor)))
                return true;
        for (const CasualtyFigure& f : figures_[s])
            if (!f.zero) return true;
        for (std::size_t a : args_in_[s]) {
            const ArgMatch& m = arg_matches_[a];
            const ArgInfo& info = lex_.arg_info[m.entry];
            if (info.slot == ArgSlot::weapon) return true;
            if (info.slot == ArgSlot::perpetrator && m.last <= h.first && h.first - m.last < 20)
                return true;
            if (info.slot == ArgSlot::target && m.first >= h.last && m.first < h.last + 5) return true;
        }
        if (group_in(s)) return true;
        for (const Responsibility& r : responsibility_)
            if (r.sentence == s) return true;
        return place_of_hit(h).has_value();
    }

    /// "recent attacks", "these types of attacks", "such attacks": talk about attacks in general.
    bool generic_talk(const Hit& h) const {
        for (std::size_t k = h.first; k > first_[h.sentence] && h.first - k < 4; --k) {
            const std::size_t i = k - 1;
            if (w_.any(i, {"recent", "these", "those", "such", "future", "more", "further",
                           "previous", "similar", "past", "other", "many", "several", "frequent",
                           "possible", "potential", "any", "new", "deadly", "terrorist"}))
                return !w_.is(i, "terrorist") || generic_talk_before(i);
            if (w_.is(i, "of") && i > first_[h.sentence] &&
                w_.any(i - 1, {"one", "series", "wave", "string", "spate", "two", "three", "four"}))
                return false;
        }
        return false;
    }

    bool generic_talk_before(std::size_t i) const {
        return i > 0 && w_.any(i - 1, {"recent", "these", "those", "such", "future", "more"});
    }

    /// "four separate attacks": the count before a plural trigger.
    std::size_t count_before(const Hit& h) const {
        for (std::size_t k = h.first; k > first_[h.sentence] && h.first - k < 3; --k) {
            if (auto n = read_number(w_, k - 1, h.first); n && n->last <= h.first) return n->value;
        }
        return kNone;
    }

    /// Words of harm a disaster causes as well as an attack ("killed", "injured", "destroyed").
    bool harm_word(const Hit& h) const {
        return (h.info->flags & kTriggerGeneric) &&
               w_.any(h.first, {"killed", "killing", "killings", "slain", "wounded", "injured",
                                "wounding", "injuring", "damaged", "destroyed"});
    }

    /// Something in sentence `s` says violence was done: a trigger that is no generic word, an
    /// attacker or a weapon, an armed group, a claim of responsibility.
    bool clear_violence(std::uint32_t s) const {
        for (std::size_t k : hits_in_[s]) {
            const Hit& o = hits_[k];
            if (!o.not_incident &&
                !(o.info->flags & (kTriggerGeneric | kTriggerAnaphor | kTriggerPlural)))
                return true;
        }
        for (std::size_t a : args_in_[s]) {
            const ArgSlot slot = lex_.arg_info[arg_matches_[a].entry].slot;
            if (slot == ArgSlot::weapon || slot == ArgSlot::perpetrator) return true;
        }
        if (group_in(s)) return true;
        if (claim_in(s)) return true;
        return false;
    }

    /// A death or injury in a fire, a disaster or an accident: a generic word of harm in a
    /// sentence that names a blaze or a disaster ("a fire at a cafe killed 25 people"), or in a
    /// document that names three ("more than 5,000 people were killed" in a report on a
    /// tsunami), with nothing violent in its sentence. The `disaster` rows of
    /// event_blockers.tsv; "set fire", "torched" and other arson triggers are violence.
    bool disaster_harm(const Hit& h) const {
        if (!harm_word(h)) return false;
        const std::uint32_t s = h.sentence;
        if (!disaster_sentences_[s] && disaster_words_ < kDomainWords) return false;
        // "A fire at a hotel killed 17. A group later claimed it."; "X claimed two fires.
        // The first fire destroyed a lab."
        if (disaster_sentences_[s] && ((s + 1 < t_.sentences.size() && clear_violence(s + 1)) ||
                                       (s > 0 && clear_violence(s - 1))))
            return false;
        return !clear_violence(s);
    }

    static bool is_month(std::string_view w) {
        static const WordSet kMonths = {
            "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december"};
        return kMonths.contains(w);
    }

    bool digits_at(std::size_t i) const {
        const std::string_view w = w_[i];
        return !w.empty() && std::isdigit(static_cast<unsigned char>(w[0]));
    }

    /// A day-level date in sentence `s`: a weekday, "yesterday", or a month with its day.
    bool day_date(std::uint32_t s) const {
        for (std::size_t i = first_[s]; i < last_[s]; ++i) {
            if (w_.any(i, {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                           "sunday", "yesterday", "today", "tonight", "overnight"}))
                return true;
            if (is_month(w_[i]) && ((digits_at(i + 1) && w_[i + 1].size() <= 2) ||
                                    (i > first_[s] && digits_at(i - 1) && w_[i - 1].size() <= 2)))
                return true;
        }
        return false;
    }

    /// How sentence `s` spans a period: 2 for a period that holds many incidents ("since 2009",
    /// "between January 2018 and April 2019", "in the past five years", "each year",
    /// "in recent years"), 1 for one that may hold one ("last year", "this year", "during the
    /// war", "under the regime"), 0 for none. "the deadliest since 2015" compares one incident.
    int period(const Hit& h) const {
        const std::uint32_t s = h.sentence;
        // The clause of the trigger: "; however ... in recent months" tells of other things.
        const auto boundary = [&](std::size_t i) {
            return w_.any(i, {";", ":", "however", "but", "although", "whereas", "while", "though"});
        };
        std::size_t from = h.first, to = h.last;
        while (from > first_[s] && !boundary(from - 1)) --from;
        while (to < last_[s] && !boundary(to)) ++to;
        int found = 0;
        const auto unit = [&](std::size_t j) {
            return w_.any(j, {"years", "months", "decades", "decade", "weeks", "year", "half",
                              "quarter"});
        };
        for (std::size_t i = from; i < to; ++i) {
            if (w_.is(i, "since") && (digits_at(i + 1) || is_month(w_[i + 1]) ||
                                      (w_.is(i + 1, "the") &&
                                       w_.any(i + 2, {"start", "beginning", "turn"})))) {
                bool compared = false;
                for (std::size_t k = i; k > first_[s] && i - k < 4; --k)
                    compared = compared ||
                               w_.any(k - 1, {"deadliest", "worst", "bloodiest", "biggest",
                                              "largest", "first", "highest", "most", "major",
                                              "serious", "deadly", "latest"});
                if (!compared) return 2;
            }
            if (w_.is(i, "between") && (digits_at(i + 1) || is_month(w_[i + 1])))
                for (std::size_t j = i + 2; j < last_[s] && j < i + 5; ++j)
                    if (w_.is(j, "and") && (digits_at(j + 1) || is_month(w_[j + 1]))) return 2;
            if (w_.is(i, "from") && digits_at(i + 1) && w_[i + 1].size() == 4 &&
                w_.any(i + 2, {"to", "through", "until", "-"}))
                return 2;
            if (w_.any(i, {"past", "last", "previous", "first"}) && i > first_[s] &&
                w_.is(i - 1, "the")) {
                std::size_t j = i + 1;
                if (auto n = read_number(w_, j, last_[s])) j = n->last;
                if (unit(j) && !(w_.any(j, {"year", "half", "quarter"}) && w_.is(i, "first")))
                    return 2;
            }
            if (w_.is(i, "recent") && i > first_[s] && w_.is(i - 1, "in") &&
                w_.any(i + 1, {"years", "months", "decades"}))
                return 2;
            if (w_.any(i, {"per", "each", "every"}) && w_.any(i + 1, {"year", "month", "day", "week"}))
                return 2;
            if (w_.any(i, {"annually", "yearly"})) return 2;
            if (w_.is(i, "so") && w_.is(i + 1, "far") &&
                (w_.is(i + 2, "this") || (w_.is(i + 2, "in") && (digits_at(i + 3) || w_.is(i + 3, "this")))))
                return 2;
            if (w_.any(i, {"last", "this"}) && w_.is(i + 1, "year")) found = 1;
            if (w_.any(i, {"regime", "dictatorship", "war", "genocide", "holocaust", "era"})) found = 1;
        }
        return found;
    }

    /// A noun near a trigger noun that makes it a statistic: "a rise in kidnappings", "the
    /// number of killings", "killings rose", "murders per year".
    bool statistic(const Hit& h) const {
        if (h.info->verb) return false;
        const std::uint32_t s = h.sentence;
        for (std::size_t k = h.first; k > first_[s] && h.first - k < 4; --k)
            if (w_.any(k - 1, {"rise", "rises", "increase", "increases", "spike", "surge", "drop",
                               "decline", "fall", "reduction", "number", "numbers", "rate",
                               "rates", "statistics", "data", "tally", "total", "average",
                               "percentage", "proportion", "levels", "level", "figures"}) &&
                w_.any(k, {"in", "of", "on"}))
                return true;
        for (std::size_t k = h.last; k < last_[s] && k < h.last + 6 && !w_.any(k, {",", ";", "(", "that", "which", "who"}); ++k)
            if (w_.any(k, {"rose", "risen", "rise", "rises", "rising", "increased", "increase",
                           "fell", "fallen", "falling", "dropped", "declined", "decreased",
                           "doubled", "tripled", "halved", "soared", "jumped", "climbed", "per",
                           "rate", "rates", "statistics"}))
                return true;
        return false;
    }

    /// A single incident named in sentence `s` besides the figures: violence told
    /// (clear_violence), a day-level date, or an incident noun with its article ("an attack",
    /// "the bombing", "a single ambush").
    bool one_incident(std::uint32_t s) const {
        if (clear_violence(s) || day_date(s)) return true;
        for (std::size_t k : hits_in_[s]) {
            const Hit& o = hits_[k];
            if (o.first == first_[s]) continue;
            // "..., killing 52 people": the outcome of one act told before it.
            if (o.info->verb && w_.is(o.first - 1, ",") && w_[o.first].size() > 3 &&
                w_[o.first].substr(w_[o.first].size() - 3) == "ing")
                return true;
            if (o.info->verb || (o.info->flags & kTriggerPlural)) continue;
            if (w_.any(o.first - 1, {"the", "this", "that", "a", "an", "single", "one"})) return true;
        }
        // A place attacked: "a casino", "the police station".
        for (std::size_t a : args_in_[s]) {
            const ArgMatch& m = arg_matches_[a];
            if (lex_.arg_info[m.entry].slot == ArgSlot::target && m.first > first_[s] &&
                w_.any(m.first - 1, {"a", "an", "the"}))
                return true;
        }
        return false;
    }

    /// A count over a period or a population, not one incident: "since 2009, 2,000 youths have
    /// been killed", "700 women were killed last year", "a rise in kidnappings". Only generic
    /// and plural triggers; an incident the sentence names ("the deadliest attack since 2015",
    /// "on Monday") keeps them.
    bool aggregate(const Hit& h) const {
        if (!(h.info->flags & (kTriggerGeneric | kTriggerPlural))) return false;
        const std::uint32_t s = h.sentence;
        for (std::size_t k = h.first; k > first_[s] && h.first - k < 3; --k)
            if (w_.any(k - 1, {"deadliest", "worst", "bloodiest", "biggest", "largest", "first",
                               "latest", "single", "most"}))
                return false;
        if (statistic(h)) return !one_incident(s);
        const int p = period(h);
        // "the rebels admitted responsibility for the murder of a farmer ... since 2004": one
        // incident.
        const bool one = !h.info->verb && !(h.info->flags & kTriggerPlural) && h.first > first_[s] &&
                         w_.any(h.first - 1, {"the", "this", "that", "a", "an"});
        const bool claimed = claim_in(s);
        // "A mayor was shot dead in X, the third such murder in the past six weeks":
        // one victim.
        bool one_victim = false;
        for (const CasualtyFigure& f : figures_[s])
            one_victim = one_victim || (!f.zero && f.toll == Toll::killed && f.figure.value == 1);
        if (p == 2) return !day_date(s) && !has_word(s, {"single"}) && !one && !claimed && !one_victim;
        if (p == 1 && !one_incident(s)) {
            // "this year, two killings in Honduras" are two incidents; "90 kidnappings" a count.
            if (h.info->flags & kTriggerPlural) {
                const std::size_t n = count_before(h);
                return n != kNone && n >= 10;
            }
            for (const CasualtyFigure& f : figures_[s])
                if (!f.zero && f.figure.value >= 10) return true;
        }
        return false;
    }

    /// The object of a weak trigger is a thing no one can harm (a `thing` row of
    /// event_blockers.tsv): "attacked the plan as unfair", "attacked government red tape",
    /// "an attack on the budget", "launched a new website". The row must end its noun phrase
    /// ("attacked the campaign office" is no such object); the object is looked for in the few
    /// words after the trigger, before punctuation or a preposition of place.
    bool thing_object(const Hit& h) const {
        const std::uint32_t s = h.sentence;
        // The thing as the subject of a passive: "the speed record was beaten", "the plan has been
        // attacked".
        if (h.info->verb) {
            std::size_t k = h.first;
            while (k > first_[s] && h.first - k < 3 &&
                   w_.any(k - 1, {"was", "were", "been", "be", "is", "are", "has", "have", "had"}))
                --k;
            if (k < h.first && k > first_[s]) {
                for (std::size_t b = k - 1; b + 3 > k && b >= first_[s]; --b) {
                    // Not inside a name: "a clerk at the Ministry of Land Reform was shot
                    // at".
                    if (thing_end_[b] == k) return ref_at_[b] == kNone && !w_.name_cased(b);
                    if (b == first_[s]) break;
                }
            }
        }
        // An attack on someone for what they say or fail to do: "attacked the minister for
        // failing to act" (not "placed the bomb to retaliate for allowing...").
        if (w_.any(h.first, {"attack", "attacked", "attacking", "attacks"})) {
            for (std::size_t j = h.last; j + 1 < last_[s] && j < h.last + 6; ++j) {
                if (!w_.token(j).word) break;
                if (w_.is(j, "for") && w_.any(j + 1, {"failing", "saying", "allowing", "ignoring",
                                                      "neglecting", "mishandling"}))
                    return true;
            }
        }
        for (std::size_t j = h.last; j < last_[s] && j < h.last + 6; ++j) {
            if (thing_end_[j] != 0 && ref_at_[j] == kNone && !w_.name_cased(j)) {
                const std::size_t e = thing_end_[j];
                return e >= last_[s] || !w_.token(e).word ||
                       w_.any(e, {"of", "to", "for", "as", "and", "or", "but", "in", "on", "at",
                                  "by", "with", "over", "that", "which", "because", "while",
                                  "after", "before", "than", "from", "since", "amid", "despite",
                                  "last", "this", "is", "was", "were", "are", "has", "had",
                                  "would", "could", "will", "saying", "calling", "dubbing",
                                  "describing", "branding"});
            }
            if (!w_.token(j).word) {
                if (w_.any(j, {"'", "\u2019"})) continue;  // "the government's record"
                return false;
            }
            if (w_.any(j, {"in", "at", "near", "outside", "inside", "into", "with", "by", "from",
                           "and", "or", "but", "who", "which", "killing", "wounding", "injuring",
                           "after", "before", "during", "while", "when", "where", "people",
                           "men", "women", "children", "civilians", "soldiers", "police"}))
                return false;
        }
        return false;
    }

    /// "beat" as winning: a result follows in the sentence ("beat three bands for best live
    /// act", "was beaten to the title", "beaten in the final", "beat them on penalties", "beaten
    /// by 12 points").
    bool contest_result(const Hit& h) const {
        if (!w_.any(h.first, {"beat", "beats", "beaten", "beating"})) return false;
        const std::uint32_t s = h.sentence;
        for (std::size_t j = h.last; j + 1 < last_[s] && j < h.last + 10; ++j) {
            if (w_.any(j, {";", "."})) break;
            if (w_.is(j, "for") && w_.is(j + 1, "best")) return true;
            if (w_.is(j, "to") && w_.any(j + 1, {"the", "a"}) &&
                w_.any(j + 2, {"title", "prize", "award", "crown", "gold", "trophy", "cup", "medal",
                               "championship", "nomination", "finish", "line", "post"}))
                return true;
            if (w_.is(j, "in") && w_.is(j + 1, "the") &&
                w_.any(j + 2, {"final", "semi", "semis", "semifinal", "quarter", "quarterfinal",
                               "race", "vote", "ballot", "polls", "playoff", "playoffs", "league"}))
                return true;
            if (w_.is(j, "on") && w_.any(j + 1, {"penalties", "points", "aggregate"})) return true;
            if (w_.is(j, "by")) {
                std::size_t k = j + 1;
                if (auto n = read_number(w_, k, last_[s])) k = n->last;
                else continue;
                if (w_.any(k, {"points", "goals", "runs", "wickets", "seconds", "votes", "strokes",
                               "lengths", "sets", "games", "frames"}))
                    return true;
            }
        }
        return false;
    }

    /// A raid by law enforcement (a `police` row of event_blockers.tsv just before the trigger,
    /// "police raided", "a police raid", "officers have raided", or after it, "a raid by
    /// detectives"): a search or an arrest, not an attack, unless its sentence holds violence.
    bool police_raid(const Hit& h) const {
        const std::uint32_t s = h.sentence;
        // "police launched raids against the gang": the raid is the object of the trigger.
        const bool raid = w_.any(h.first, {"raid", "raided", "raids", "raiding"}) ||
                          (w_.any(h.first, {"launched", "launch", "launching"}) &&
                           (w_.any(h.last, {"raid", "raids"}) ||
                            (w_.any(h.last, {"a", "several", "new"}) && w_.any(h.last + 1, {"raid", "raids"}))));
        if (!raid) return false;
        // "In a raid in Salta, authorities arrested four people": an arrest or a search
        // told with the raid makes it police work.
        for (std::size_t i = first_[s]; i < last_[s]; ++i)
            if (w_.any(i, {"arrested", "arresting", "arrests", "detained", "detaining", "searched",
                           "searching", "warrant", "warrants", "confiscated", "confiscating"}))
                return true;
        for (std::size_t k = h.first; k > first_[s] && h.first - k < 4; --k) {
            if (police_word_[k - 1]) return !w_.any(k, {"uniform", "uniforms"});
            if (!w_.token(k - 1).word ||
                w_.any(k - 1, {"said", "say", "says", "told", "that", "who", "when", "after",
                               "as", "while"}) ||
                (tags_[k - 1] & kTagPerpetrator))
                return false;
        }
        return w_.is(h.last, "by") && h.last + 1 < last_[s] &&
               (police_word_[h.last + 1] || (w_.is(h.last + 1, "the") && police_word_[h.last + 2]));
    }

    /// A casualty figure that is poor evidence in sport or business text: its number lies far
    /// from its keyword ("three saves ... a low shot") or it counts named people with no
    /// number ("injured Jones and Brown").
    bool loose_figure(const CasualtyFigure& f, std::uint32_t s) const {
        std::size_t first = kNone, words = 0;
        for (std::size_t i = first_[s]; i < last_[s]; ++i) {
            const Span& sp = t_.tokens[i].span;
            if (sp.begin < f.figure.span.begin) continue;
            if (sp.end > f.figure.span.end) break;
            if (first == kNone) first = i;
            if (w_.token(i).word) ++words;
        }
        if (first == kNone) return false;
        // "two friends ... were shot", "both he and the rapper have been shot": people counted.
        for (std::size_t i = first; i < last_[s] && t_.tokens[i].span.end <= f.figure.span.end; ++i)
            if ((tags_[i] & (kTagPerson | kTagProminent)) ||
                w_.any(i, {"he", "she", "they", "both", "him", "them", "friends", "brothers",
                           "sisters", "sons", "daughters", "family"}))
                return false;
        if (words > 6) return true;
        return f.toll == Toll::wounded && !read_number(w_, first, last_[s]);
    }

    /// Whether a weak trigger ("beat", "shot", "explosion", "injured") is used in a non-violent
    /// sense: its sentence or its document talks of sport, film, music, markets or party
    /// politics ("beat Italy 2-1", "the injured striker", "an explosion in broadband use"), or
    /// its sentence gives a match score, and nothing in the sentence is clearly violent. Its
    /// object may also be a thing no one can harm ("attacked the plan": thing_object), or it
    /// may be a police raid (police_raid).
    bool non_violent_sense(const Hit& h) const {
        if (!(h.info->flags & kTriggerWeak)) return false;
        const std::uint32_t s = h.sentence;
        const auto strong_trigger = [&] {
            for (std::size_t k : hits_in_[s])
                if (!hits_[k].not_incident &&
                    !(hits_[k].info->flags & (kTriggerGeneric | kTriggerAnaphor | kTriggerWeak)))
                    return true;
            return false;
        };
        // Criticism or an undertaking, not violence, whatever else the sentence says of armed
        // groups ("the ministry launched a campaign with former ELN members").
        if (thing_object(h) || contest_result(h)) return !strong_trigger();
        // Growth, not a blast: "an explosion of violence", "the explosion of unemployed graduates";
        // a blast names what blew up with an article or a number ("the explosion of a car bomb").
        if (w_.any(h.first, {"explosion", "explosions"}) && h.last == h.first + 1 && w_.is(h.last, "of") &&
            w_.token(h.last + 1).word && !read_number(w_, h.last + 1, last_[s]) &&
            !w_.any(h.last + 1, {"a", "an", "the", "this", "that", "its", "his", "her", "their",
                                 "one", "several", "two", "three", "four", "five", "undetermined",
                                 "unknown", "unexplained", "unidentified", "suspicious",
                                 "mysterious", "explosives", "dynamite", "gas"})) {
            bool weapon = false;
            for (std::size_t a : args_in_[s]) {
                const ArgMatch& m = arg_matches_[a];
                weapon = weapon || (lex_.arg_info[m.entry].slot == ArgSlot::weapon && m.first == h.last + 1);
            }
            if (!weapon) return !strong_trigger();
        }
        // A summary that opens with its date reports an incident: "beat" is violence there.
        const bool strict = (h.info->flags & kTriggerStrict) && !leading_;
        const bool domain = domain_sentences_[s] || domain_words_ >= kDomainWords || has_score(s);
        const bool raid = police_raid(h);
        if (!strict && !domain && !raid) return false;
        if (strong_trigger()) return false;
        // A death or several victims ("shot two people"); one injured player is no evidence.
        for (const CasualtyFigure& f : figures_[s])
            if (!f.zero && !f.perpetrators && (f.toll == Toll::killed || f.figure.value >= 2) &&
                !((domain || strict) && loose_figure(f, s)))
                return false;
        for (std::size_t a : args_in_[s]) {
            const ArgMatch& m = arg_matches_[a];
            const ArgSlot slot = lex_.arg_info[m.entry].slot;
            // The trigger's own word ("bomb") is no evidence for itself.
            if (slot == ArgSlot::weapon && (m.last <= h.first || m.first >= h.last)) return false;
            if (slot == ArgSlot::perpetrator) return false;
        }
        // A police raid on a group's house is still a search ("police raided the home of a
        // gang member").
        if (raid) return true;
        if (group_in(s)) return false;
        if (claim_in(s)) return false;
        return true;
    }

    /// Domain words in a document that make its weak triggers suspect everywhere.
    static constexpr std::size_t kDomainWords = 3;

    /// A match score in sentence `s` ("won 3-1", "6-4 6-4", "26-21").
    bool has_score(std::uint32_t s) const {
        for (std::size_t i = first_[s]; i + 2 < last_[s]; ++i) {
            if (!w_.is(i + 1, "-") || !w_.glued(i + 1) || !w_.glued(i + 2)) continue;
            const std::string_view a = w_[i], b = w_[i + 2];
            if (a.empty() || b.empty() || a.size() > 2 || b.size() > 2) continue;
            if (std::isdigit(static_cast<unsigned char>(a[0])) &&
                std::isdigit(static_cast<unsigned char>(b[0])) &&
                std::isdigit(static_cast<unsigned char>(a.back())) &&
                std::isdigit(static_cast<unsigned char>(b.back())))
                return true;
        }
        return false;
    }

    void build_groups() {
        for (Hit& h : hits_) h.not_incident = disaster_harm(h);
        for (Hit& h : hits_)
            if (aggregate(h)) {
                h.not_incident = true;
                aggregate_sentences_.insert(h.sentence);
            }
        for (Hit& h : hits_) {
            h.supported = !h.not_incident && (!(h.info->flags & kTriggerGeneric) || supported(h));
            if (h.supported && non_violent_sense(h)) h.supported = false;
            h.generic_talk = (h.info->flags & kTriggerPlural) && generic_talk(h);
            if (h.info->flags & kTriggerPlural) h.count = count_before(h);
        }
        std::size_t i = 0;
        while (i < hits_.size()) {
            const std::uint32_t s = hits_[i].sentence;
            std::size_t end = i;
            while (end < hits_.size() && hits_[end].sentence == s) ++end;
            std::vector<Group> split;
            Group whole;
            whole.sentence = s;
            for (std::size_t k = i; k < end; ++k) {
                const Hit& h = hits_[k];
                if (h.not_incident) continue;
                if ((h.info->flags & kTriggerPlural) && h.teaser) continue;
                if ((h.info->flags & kTriggerPlural) && !h.supported && non_violent_sense(h)) continue;
                if (h.info->flags & kTriggerPlural) {
                    const std::vector<std::size_t> places = place_list(h);
                    if (places.size() >= 2 || (h.count != kNone && h.count >= 2 && places.size() >= 2)) {
                        for (std::size_t r : places) {
                            Group g;
                            g.sentence = s;
                            g.hits.push_back(k);
                            g.place = PlaceChoice{chain_from(r), "place:coordination"};
                            g.split = true;
                            split.push_back(std::move(g));
                        }
                        continue;
                    }
                    if (h.generic_talk) continue;
                    // A plural trigger names an event only with its own place ("the bombings
                    // in Brussels") or a count ("two attacks").
                    if (!place_of_hit(h) && h.count == kNone) continue;
                }
                if (!h.supported) continue;
                whole.hits.push_back(k);
            }
            // When a sentence splits into several events, its generic words ("killing over 300")
            // describe them together and make no event of their own.
            if (!split.empty()) {
                std::vector<std::size_t> kept;
                for (std::size_t k : whole.hits)
                    if (!(hits_[k].info->flags & kTriggerGeneric)) kept.push_back(k);
                whole.hits = kept;
            }
            if (!whole.hits.empty()) {
                if (hits_[whole.hits.front()].teaser) {
                    for (std::size_t k : whole.hits)
                        if (!whole.place)
                            if (auto p = place_of_hit(hits_[k])) whole.place = p;
                } else if (split.empty()) {
                    // A place only mentioned ("United States soldiers were killed") places a
                    // later mention only when tied to it: after "in", in a chain, as modifier.
                    double score = 0;
                    whole.place = best_place(s, whole.hits, &score);
                    if (whole.place && !groups_.empty() && score < 1.0) whole.place.reset();
                }
                groups_.push_back(std::move(whole));
            }
            for (Group& g : split) groups_.push_back(std::move(g));
            i = end;
        }
    }

    const EventType& type_of_hit(std::size_t k) const { return lex_.types[hits_[k].info->type]; }

    /// The family a group reports: the best-ranked type among its hits.
    std::string family_of(const Group& g) const {
        const EventType* best = nullptr;
        for (std::size_t k : g.hits) {
            const EventType& t = type_of_hit(k);
            if (best == nullptr || t.rank < best->rank) best = &t;
        }
        return best ? best->family : "attack";
    }

    bool anchored(const Group& g) const {
        if (g.place) return true;
        for (const CasualtyFigure& f : figures_[g.sentence])
            if (!f.zero) return true;
        if (!dates_of(g.sentence).empty()) return true;
        for (const Responsibility& r : responsibility_)
            if (r.sentence == g.sentence && !r.negated) return true;
        return false;
    }

    /// "the incident", "the attack", "this blast": refers back to an event told before.
    bool anaphoric(const Group& g) const {
        for (std::size_t k : g.hits) {
            const Hit& h = hits_[k];
            if (h.info->flags & kTriggerAnaphor) return true;
            if (!h.info->verb && !(h.info->flags & kTriggerPlural) && h.first > first_[h.sentence] &&
                w_.any(h.first - 1, {"the", "this", "that"}) && !w_.is(h.last, "of"))
                return true;
        }
        return false;
    }

    static bool families_fit(const std::string& a, const std::string& b) {
        return a == b || a == "attack" || b == "attack";
    }

    void resolve_drafts() {
        for (std::size_t gi = 0; gi < groups_.size(); ++gi) {
            const Group& g = groups_[gi];
            const std::string family = family_of(g);
            std::size_t target = kNone;
            const bool teaser = hits_[g.hits.front()].teaser;
            // A summary that opens with its date reports one incident: every later mention is
            // of the first event (other incidents it names are context, "one of two attacks").
            if (leading_ && !drafts_.empty() && !g.split && !teaser) target = 0;
            // Most recent draft first.
            for (std::size_t d = drafts_.size(); d > 0 && target == kNone; --d) {
                Draft& dr = drafts_[d - 1];
                const std::uint32_t distance = g.sentence - std::min(g.sentence, dr.last_sentence);
                const bool near = distance <= 1;
                if (teaser) {
                    // A teaser ("READ MORE: ...") only adds to an event of the same place.
                    if (g.place && dr.place &&
                        compatible(g.place->refs.front(), dr.place->refs.front()) &&
                        families_fit(family, dr.family))
                        target = d - 1;
                    continue;
                }
                if (g.place && dr.place) {
                    if (!compatible(g.place->refs.front(), dr.place->refs.front())) continue;
                    if (!families_fit(family, dr.family) && !near) continue;
                    if (g.split && !dr.place) continue;
                    target = d - 1;
                } else if (g.place && !dr.place) {
                    if (g.split || distance > 2) continue;
                    if (!families_fit(family, dr.family) && !near) continue;
                    target = d - 1;
                } else if (!g.place) {
                    // Unplaced: join the event being talked about.
                    const bool all_split = std::all_of(dr.groups.begin(), dr.groups.end(),
                                                       [&](std::size_t x) { return groups_[x].split; });
                    if (all_split && !anaphoric(g)) continue;
                    if (distance > 2 && !anaphoric(g)) break;
                    if (!families_fit(family, dr.family) && !near && !anaphoric(g)) break;
                    target = d - 1;
                }
                if (target != kNone) break;
                if (!g.place) break;
            }
            if (target == kNone) {
                // An anaphor or a teaser never starts an event.
                if (teaser) continue;
                bool starts = false;
                for (std::size_t k : g.hits)
                    if (!(hits_[k].info->flags & kTriggerAnaphor)) starts = true;
                if (!starts) continue;
                drafts_.push_back(Draft{});
                target = drafts_.size() - 1;
                drafts_[target].family = family;
            }
            Draft& dr = drafts_[target];
            dr.groups.push_back(gi);
            dr.last_sentence = std::max(dr.last_sentence, g.sentence);
            if (!g.split) dr.sentences.insert(g.sentence);
            if (dr.family == "attack") dr.family = family;
            if (g.place && (!dr.place || specificity(g.place->refs.front()) >
                                             specificity(dr.place->refs.front())))
                dr.place = g.place;
        }
        // Facts in sentences without a trigger belong to the event talked about just before.
        std::vector<std::size_t> owner(t_.sentences.size(), kNone);
        for (std::size_t d = 0; d < drafts_.size(); ++d)
            for (std::uint32_t s : drafts_[d].sentences) owner[s] = d;
        std::set<std::uint32_t> split_sentences;
        for (const Group& g : groups_)
            if (g.split) split_sentences.insert(g.sentence);
        std::size_t current = kNone;
        std::uint32_t current_since = 0;
        for (std::uint32_t s = 0; s < t_.sentences.size(); ++s) {
            if (owner[s] != kNone) {
                current = owner[s];
                current_since = s;
                continue;
            }
            if (split_sentences.count(s) || boilerplate(s)) {
                if (split_sentences.count(s)) current = kNone;
                continue;
            }
            if (aggregate_sentences_.count(s)) continue;  // statistics tell of no one event
            if (current != kNone && s - current_since <= 4) drafts_[current].sentences.insert(s);
        }
        // Sentences before the first event (a headline-style opening) go to the first event.
        if (!drafts_.empty()) {
            std::uint32_t first_owned = static_cast<std::uint32_t>(t_.sentences.size());
            for (std::uint32_t s = 0; s < t_.sentences.size(); ++s)
                if (owner[s] != kNone) {
                    first_owned = s;
                    break;
                }
            // No draft owns a sentence (every one was dropped): there is no first event.
            for (std::uint32_t s = 0; first_owned < owner.size() && s < first_owned; ++s)
                if (!boilerplate(s) && !split_sentences.count(s) && !aggregate_sentences_.count(s)) {
                    bool figures = false;
                    for (const CasualtyFigure& f : figures_[s]) figures = figures || !f.zero;
                    if (figures) drafts_[owner[first_owned]].sentences.insert(s);
                }
        }
    }

    // ---------------------------------------------------------------- events

    /// The name of the subdivision a gazetteer city lies in ("" when unknown). Cities name it
    /// by ISO 3166-2 code where one exists.
    std::string region_of_city(const std::string& city_id) const {
        const auto e = r_.names.find_id(city_id);
        if (!e) return {};
        const std::string& region = r_.names.entry(*e).region;
        if (const auto reg = r_.names.find_id("region:" + region)) return r_.names.entry(*reg).name;
        return region;
    }

    Place make_place(const PlaceChoice& choice) const {
        // Most specific member of the chain names the place; the others fill region/country.
        std::size_t best = choice.refs.front();
        for (std::size_t r : choice.refs)
            if (specificity(r) > specificity(best)) best = r;
        const Actor& a = actor(best);
        Place p;
        p.name = a.mentions[refs_[best].mention].text;
        p.actor = a.id;
        p.country_code = a.country_code;
        p.lat = a.lat;
        p.lon = a.lon;
        p.span = a.mentions[refs_[best].mention].span;
        p.rule = choice.rule;
        const int spec = specificity(best);
        if (spec == 2) p.city = a.name;
        // A part of a city ("the Mirpur neighbourhood of Dhaka", rule kCityPartRule + city id):
        // the city is the city that holds it; the name stays the part's.
        if (spec == 2 && a.rule.rfind(kCityPartRule, 0) == 0)
            if (const auto holder = r_.names.find_id(std::string_view(a.rule).substr(kCityPartRule.size())))
                p.city = r_.names.entry(*holder).name;
        if (spec == 1) p.region = a.name;
        if (spec == 0) p.country = a.name;
        for (std::size_t r : choice.refs) {
            const Actor& o = actor(r);
            if (specificity(r) == 1 && p.region.empty()) p.region = o.name;
            if (specificity(r) == 0 && p.country.empty()) p.country = o.name;
        }
        if (spec == 2 && p.region.empty()) p.region = region_of_city(a.id);
        if (p.country.empty() && !p.country_code.empty())
            if (const auto e = r_.names.find_id("country:" + p.country_code))
                p.country = r_.names.entry(*e).name;
        // "in Pidima, Malleco, Araucania, Chile": a town the gazetteer lacks, named at the head
        // of a chain of known places, is the city (as written; no coordinates of its own).
        if (spec < 2)
            if (const auto town = unresolved_before(choice.refs.front())) {
                p.city = std::string(w_.text(town->first, town->second));
                p.name = p.city;
                p.span = w_.span(town->first, town->second);
                p.rule += "+unresolved-town";
            }
        // "in Orio, a coastal town in Basque Country, Spain", "in Maicao the state of La
        // Guajira": a region or country chosen while the same sentence names a town inside it
        // says where, more precisely.
        if (spec < 2 && p.city.empty())
            if (const auto town = town_inside(best)) {
                const Actor& t = actor(*town);
                p.name = t.mentions[refs_[*town].mention].text;
                p.actor = t.id;
                p.city = t.name;
                p.lat = t.lat;
                p.lon = t.lon;
                p.span = t.mentions[refs_[*town].mention].span;
                if (spec == 0 && p.region.empty()) p.region = region_of_city(t.id);
                p.rule += "+town-in-sentence";
            }
        return p;
    }

    /// The town mention nearest to region or country mention `r` in its sentence that lies
    /// inside it, when exactly one town of the sentence does.
    std::optional<std::size_t> town_inside(std::size_t r) const {
        const std::uint32_t s = refs_[r].sentence;
        std::optional<std::size_t> found;
        for (std::size_t i = first_[s]; i < last_[s]; ++i) {
            const std::size_t t = place_at(i);
            if (t == kNone || refs_[t].demonym || specificity(t) != 2 || !holds(r, t)) continue;
            if (found && actor(*found).id != actor(t).id) return std::nullopt;
            if (!found) found = t;
        }
        return found;
    }

    /// Capitalised words that end just before ", <known place>" and name no known actor:
    /// token range of the town, or nullopt.
    std::optional<std::pair<std::size_t, std::size_t>> unresolved_before(std::size_t r) const {
        const std::uint32_t s = refs_[r].sentence;
        const std::size_t k = refs_[r].first;
        if (k <= first_[s] + 1 || !w_.is(k - 1, ",")) return std::nullopt;
        std::size_t e = k - 1;
        while (e > first_[s] && w_.token(e - 1).word && !w_.name_cased(e - 1) &&
               is_admin_word(w_[e - 1]) && !w_.any(e - 1, {"of", "the"}))
            --e;  // "Tacuati town, San Pedro department"
        std::size_t b = e;
        while (b > first_[s] && e - b < 5) {
            const std::size_t i = b - 1;
            if (ref_at_[i] != kNone) break;
            if (w_.name_cased(i) || (b < e && w_.any(i, {"-", "'"})) ||
                (b < e && w_.any(i, {"de", "del", "al", "el", "la", "di", "da", "do", "dos", "das"}))) {
                --b;
                continue;
            }
            break;
        }
        if (b == e || !w_.name_cased(b) || is_function_word(w_[b])) return std::nullopt;
        for (std::size_t i = b; i < e; ++i)
            if (tags_[i] & (kTagPerson | kTagPerpetrator)) return std::nullopt;
        if (b > first_[s] &&
            !w_.any(b - 1, {"in", "near", "at", "of", "outside", "inside", "around", ":", ","}))
            return std::nullopt;
        return std::make_pair(b, e);
    }

    Arg hit_arg(std::size_t k) const {
        const Hit& h = hits_[k];
        return Arg{std::string(w_.text(h.first, h.last)), w_.span(h.first, h.last), {},
                   "trigger:" + h.info->source};
    }

    /// Combines the figures of one toll over the event's sentences: the first stated figure,
    /// plus later ones that say "also" or "in addition to"; zero only when nothing else.
    std::optional<Figure> combine(const Draft& d, Toll toll) const {
        std::optional<Figure> base, zero;
        bool base_attackers = false;
        std::int64_t added = 0;
        std::string added_rules;
        bool attackers_counted = false;
        for (std::uint32_t s : d.sentences) {
            for (const CasualtyFigure& f : figures_[s]) {
                if (f.toll != toll) continue;
                if (f.zero) {
                    if (!zero) zero = f.figure;
                    continue;
                }
                if (f.perpetrators) attackers_counted = true;
                if (!base && !f.additive) {
                    base = f.figure;
                    base_attackers = f.perpetrators;
                } else if (f.additive || (toll == Toll::killed && f.perpetrators != base_attackers)) {
                    // "also killed", "in addition to the assailant", and the attackers' dead
                    // told apart from their victims ("Six of the assailants were killed").
                    added += f.figure.value;
                    added_rules += "+" + f.figure.rule;
                }
            }
        }
        // "21 people, including the bomber, were killed".
        for (std::uint32_t s : d.sentences)
            for (std::size_t i = first_[s]; i + 1 < last_[s]; ++i)
                if (w_.is(i, "including"))
                    for (std::size_t x = i + 1; x < last_[s] && x < i + 5; ++x)
                        if (tags_[x] & kTagPerpetrator) attackers_counted = true;
        // Coders count suicide bombers among the dead: add them when no figure did.
        if (toll == Toll::killed && !attackers_counted && suicide_bombers(d) > 0) {
            const std::int64_t bombers = suicide_bombers(d);
            if (!base && zero) {
                base = zero;
                zero.reset();
            }
            added += bombers;
            added_rules += "+figure:suicide-bombers";
        }
        if (!base && added > 0) {
            Figure f;
            f.value = 0;
            base = f;
            for (std::uint32_t s : d.sentences)
                for (const CasualtyFigure& c : figures_[s])
                    if (c.toll == toll && c.additive && base->text.empty()) {
                        base->text = c.figure.text;
                        base->span = c.figure.span;
                        base->rule = "figure:sum";
                    }
        }
        if (base) {
            base->value += added;
            base->rule += added_rules;
            return base;
        }
        return zero;
    }

    /// How many suicide bombers died in the event: "two suicide bombers" -> 2, "a suicide
    /// bomber", "blew himself up" -> 1; 0 when the event is no suicide bombing or was foiled.
    std::int64_t suicide_bombers(const Draft& d) const {
        std::int64_t bombers = 0;
        bool suicide = false, foiled = false;
        for (std::size_t gi : d.groups)
            for (std::size_t k : groups_[gi].hits) {
                const Hit& h = hits_[k];
                if (lex_.types[h.info->type].name != "suicide_bombing") continue;
                suicide = true;
                const std::string_view last = w_[h.last - 1];
                std::int64_t n = 1;
                if (last == "bombers" || last == "attackers") {
                    n = 2;
                    if (h.first > first_[h.sentence]) {
                        for (std::size_t b = h.first; b > first_[h.sentence] && h.first - b < 3; --b)
                            if (auto num = read_number(w_, b - 1, h.first); num && num->last == h.first) {
                                n = num->value;
                                break;
                            }
                    }
                }
                if (h.info->verb || last == "bomber" || last == "bombers") bombers = std::max(bombers, n);
            }
        for (std::uint32_t s : d.sentences)
            if (has_word(s, {"arrested", "apprehended", "detained", "captured", "foiled", "thwarted",
                             "defused", "surrendered", "shot", "before"}))
                foiled = foiled || has_word(s, {"bomber", "bombers", "assailant", "attacker"});
        if (!suicide || foiled) return 0;
        return std::max<std::int64_t>(bombers, 1);
    }

    void add_unique(std::vector<Arg>& args, Arg arg) const {
        for (const Arg& a : args) {
            if (!arg.actor.empty() && a.actor == arg.actor) return;
            if (a.span == arg.span) return;
        }
        args.push_back(std::move(arg));
    }

    /// Extends an argument noun back over its modifiers ("the Guar Chempedak police station").
    std::size_t modifiers_before(std::size_t first, std::uint32_t s) const {
        std::size_t b = first;
        while (b > first_[s] && first - b < 4 && w_.token(b - 1).word &&
               (w_.name_cased(b - 1) || (tags_[b - 1] & kTagPerson)) &&
               !w_.any(b - 1, {"the", "a", "an", "in", "at", "on", "of"}) && b - 1 != first_[s])
            --b;
        return b;
    }

    Event make_event(const Draft& d) const {
        Event e;
        // Type: the best-ranked trigger; generic attacks refined by weapons.
        std::size_t best = kNone;
        std::vector<std::size_t> hit_list;
        for (std::size_t gi : d.groups)
            for (std::size_t k : groups_[gi].hits)
                if (std::find(hit_list.begin(), hit_list.end(), k) == hit_list.end()) hit_list.push_back(k);
        std::sort(hit_list.begin(), hit_list.end());
        for (std::size_t k : hit_list) {
            if (best == kNone) {
                best = k;
                continue;
            }
            const EventType& a = type_of_hit(k);
            const EventType& b = type_of_hit(best);
            if (a.rank < b.rank || (a.rank == b.rank && hits_[k].info->type < hits_[best].info->type))
                best = k;
        }
        const EventType* type = &type_of_hit(best);
        std::map<std::string, int> weapon_classes;
        std::set<std::uint32_t> group_sentences;
        for (std::size_t gi : d.groups) group_sentences.insert(groups_[gi].sentence);
        for (const auto& m : arg_matches_) {
            const std::uint32_t s = sentence_of_[m.first];
            if (!d.sentences.count(s) && !group_sentences.count(s)) continue;
            const ArgInfo& info = lex_.arg_info[m.entry];
            if (info.slot == ArgSlot::weapon) ++weapon_classes[info.weapon_class];
        }
        bool all_generic = true;
        for (std::size_t k : hit_list)
            if (!(hits_[k].info->flags & (kTriggerGeneric | kTriggerAnaphor))) all_generic = false;
        if (type->family == "attack" || all_generic) {
            const char* refined = nullptr;
            if (weapon_classes.count("Explosives")) refined = "bombing";
            else if (weapon_classes.count("Firearms")) refined = "armed_assault";
            else if (weapon_classes.count("Incendiary")) refined = "arson";
            else if (weapon_classes.count("Melee")) refined = "armed_assault";
            else if (weapon_classes.count("Blunt") || weapon_classes.count("Chemical"))
                refined = "unarmed_assault";
            if (refined != nullptr)
                if (const EventType* t = lex_.type(refined)) type = t;
        }
        std::string type_rule;
        const bool split_only = std::all_of(d.groups.begin(), d.groups.end(),
                                            [&](std::size_t gi) { return groups_[gi].split; });
        if (type->family == "attack" && !split_only && armed_people(group_sentences)) {
            // Coders code an attack by gunmen, assailants or militants as an armed assault.
            if (const EventType* t = lex_.type("armed_assault")) {
                type = t;
                type_rule = " armed-attackers:" + t->source;
            }
        }
        if ((type->family == "assault" || type->family == "bombing" || type->family == "attack") &&
            type->name != "suicide_bombing" && type->name != "massacre" &&
            prominent_victim(hit_list, group_sentences)) {
            // An attack aimed at a named or prominent person is an assassination (attempt).
            bool died = false;
            for (std::size_t k : hit_list) died = died || (hits_[k].info->flags & kTriggerKills);
            const auto killed = combine(d, Toll::killed);
            if (killed && killed->value > 0) died = true;
            if (!killed || killed->value <= 10)
                if (const EventType* t = lex_.type(died ? "assassination" : "assassination_attempt")) {
                    type = t;
                    type_rule = " prominent-victim:" + t->source;
                }
        }
        e.type = type->name;
        e.cameo = type->cameo;
        e.gtd_attack_type = type->gtd_attack_type;
        e.trigger = hit_arg(best);
        if (!type_rule.empty()) e.trigger.rule += type_rule;
        else if (type->name != type_of_hit(best).name) e.trigger.rule += " weapon-refined:" + type->source;
        for (std::size_t k : hit_list) e.mentions.push_back(hit_arg(k));
        e.sentence = hits_[hit_list.front()].sentence;
        e.span = t_.sentences[e.sentence].span;
        if (d.place) e.place = make_place(*d.place);

        // Date: stated with the event, else the date the summary opens with.
        for (std::uint32_t s : group_sentences) {
            for (const DateMention& m : dates_of(s)) {
                if (e.date.empty() || (e.date_rule == "date:year" && m.rule != "date:year")) {
                    e.date = to_iso(m.date);
                    e.date_rule = m.rule;
                }
            }
            if (!e.date.empty() && e.date_rule != "date:year") break;
        }
        // The summary's leading date wins over none, a bare year, or a month before it (a
        // background date: "his accomplice was jailed in June 2003").
        if (leading_ && (e.date.empty() || e.date_rule == "date:year" ||
                         group_sentences.count(sentence_of_[leading_->first]) ||
                         (e.date.size() == 7 && e.date < to_iso(leading_->date).substr(0, 7)))) {
            e.date = to_iso(leading_->date);
            e.date_rule = leading_->rule;
        }

        e.killed = combine(d, Toll::killed);
        e.wounded = combine(d, Toll::wounded);

        // Claims of responsibility and perpetrators.
        std::set<std::uint32_t> fact_sentences = d.sentences;
        fact_sentences.insert(group_sentences.begin(), group_sentences.end());
        for (const Responsibility& r : responsibility_) {
            if (!fact_sentences.count(r.sentence) || r.negated || r.claimant.text.empty()) continue;
            add_unique(e.claimed_by, r.claimant);
            if (!r.claimant.actor.empty()) {
                Arg p = r.claimant;
                p.rule = "perpetrator:claimed-responsibility";
                add_unique(e.perpetrators, p);
            }
        }
        for (std::uint32_t s : fact_sentences) {
            const bool own = group_sentences.count(s) > 0;
            const bool blame = has_word(s, {"responsibility", "responsible", "suspected", "suspect",
                                             "blamed", "blame", "blames", "blaming", "attributed",
                                             "behind", "carried", "claimed", "affiliated",
                                             "members", "member", "militants", "rebels",
                                             "belonging", "accused", "linked"});
            if (!own && !blame) continue;
            for (std::size_t i = first_[s]; i < last_[s]; ++i) {
                const std::size_t r = ref_at_[i];
                if (r == kNone || refs_[r].first != i || !is_group(r) || negative_context(r) ||
                    other_incidents_before(s, i))
                    continue;
                std::size_t end = refs_[r].last;
                if (end < last_[s] && (tags_[end] & kTagPerpetrator)) {
                    while (end < last_[s] && (tags_[end] & kTagPerpetrator)) ++end;
                    Arg a = arg_of_tokens(i, end, "perpetrator:group-noun");
                    a.actor = actor(r).id;
                    add_unique(e.perpetrators, a);
                } else {
                    add_unique(e.perpetrators,
                               arg_of_ref(r, own ? "perpetrator:group-in-event-sentence"
                                                 : "perpetrator:group-blamed"));
                }
            }
        }
        // Perpetrators named by what they are ("gunmen", "the suicide bomber"), victims,
        // targets and weapons from the event's own sentences.
        for (const auto& m : arg_matches_) {
            const std::uint32_t s = sentence_of_[m.first];
            if (!group_sentences.count(s)) continue;
            const ArgInfo& info = lex_.arg_info[m.entry];
            const std::string rule = std::string(to_slot_name(info.slot)) + ":" + info.source;
            switch (info.slot) {
                case ArgSlot::perpetrator: {
                    if (info.phrase == "members" || info.phrase == "supporters" ||
                        info.phrase == "fighters")
                        break;  // only with a group name, handled above
                    if (m.first > first_[s] && ref_at_[m.first - 1] != kNone &&
                        is_group(ref_at_[m.first - 1]))
                        break;  // "Taliban militants": the group is the perpetrator
                    if (!near_trigger(m.first, m.last, s, 10, hit_list)) break;
                    add_unique(e.perpetrators, arg_of_tokens(modifiers_before(m.first, s), m.last, rule));
                    break;
                }
                case ArgSlot::person:
                case ArgSlot::prominent: {
                    if (split_only) break;
                    if (!victim_context(m.first, m.last, s)) break;
                    add_unique(e.victims, arg_of_tokens(modifiers_before(m.first, s), m.last, rule));
                    break;
                }
                case ArgSlot::target:
                    if (e.targets.size() < 4 && near_hit(m.first, s))
                        add_unique(e.targets, arg_of_tokens(modifiers_before(m.first, s), m.last, rule));
                    break;
                case ArgSlot::weapon:
                    add_unique(e.weapons, arg_of_tokens(m.first, m.last,
                                                        rule + ":" + info.weapon_class));
                    break;
            }
        }
        double confidence = 0.35;
        if (!(hits_[best].info->flags & kTriggerGeneric)) confidence += 0.15;
        if (e.place) confidence += 0.15;
        if (!e.date.empty()) confidence += 0.1;
        if (e.killed || e.wounded) confidence += 0.1;
        if (!e.perpetrators.empty()) confidence += 0.1;
        e.confidence = std::min(confidence, 0.95);
        return e;
    }

    /// Attackers named by what they are, or a known group, in the event's sentences.
    bool armed_people(const std::set<std::uint32_t>& sentences) const {
        for (const auto& m : arg_matches_)
            if (sentences.count(sentence_of_[m.first]) &&
                lex_.arg_info[m.entry].slot == ArgSlot::perpetrator)
                return true;
        for (std::uint32_t s : sentences)
            if (group_in(s)) return true;
        return false;
    }

    /// A named person or a prominent one ("the mayor", "a journalist") right after a trigger
    /// ("shot and killed Luis Romero", "opened fire on the mayor") or among the event's dead
    /// and wounded.
    bool prominent_victim(const std::vector<std::size_t>& hit_list,
                          const std::set<std::uint32_t>& sentences) const {
        const auto victim_at = [&](std::size_t x) {
            if (tags_[x] & kTagProminent) return true;
            const std::size_t r = ref_at_[x];
            // A person named by at least two words ("Luis Romero", not a stray "Palace").
            return r != kNone && actor(r).kind == ActorKind::person &&
                   refs_[r].last - refs_[r].first >= 2;
        };
        for (std::size_t k : hit_list) {
            const Hit& h = hits_[k];
            if (h.info->flags & kTriggerAnaphor || !h.info->verb) continue;
            const std::string& family = lex_.types[h.info->type].family;
            if (family != "assault" && family != "attack") continue;
            for (std::size_t x = h.last; x < last_[h.sentence] && x < h.last + 5; ++x) {
                if (w_.any(x, {".", ";", "when", "while", "and", "killing", "wounding", "injuring"}))
                    break;
                if (victim_at(x)) return true;
            }
        }
        // "The device was targeting Alvaro Uribe".
        for (std::uint32_t s : sentences)
            for (std::size_t i = first_[s]; i < last_[s]; ++i)
                if (w_.any(i, {"targeting", "targeted", "target"}))
                    for (std::size_t x = i + 1; x < last_[s] && x < i + 5; ++x)
                        if (victim_at(x)) return true;
        for (std::uint32_t s : sentences)
            for (const CasualtyFigure& f : figures_[s]) {
                if (f.zero || f.figure.value != 1) continue;
                for (std::size_t x = first_[s]; x < last_[s]; ++x)
                    if (t_.tokens[x].span.begin >= f.figure.span.begin &&
                        t_.tokens[x].span.end <= f.figure.span.end && victim_at(x))
                        return true;
            }
        return false;
    }

    static const char* to_slot_name(ArgSlot slot) {
        switch (slot) {
            case ArgSlot::perpetrator: return "perpetrator";
            case ArgSlot::person: return "victim";
            case ArgSlot::prominent: return "victim";
            case ArgSlot::target: return "target";
            case ArgSlot::weapon: return "weapon";
        }
        return "?";
    }

    /// An argument within `distance` words of a trigger of its sentence, and no part of one
    /// ("terrorist" in "terrorist attacks").
    bool near_trigger(std::size_t first, std::size_t last, std::uint32_t s, std::size_t distance,
                      const std::vector<std::size_t>& hit_list) const {
        bool near = false;
        for (std::size_t k : hits_in_[s])
            if (first < hits_[k].last && hits_[k].first < last) return false;
        for (std::size_t k : hit_list) {
            const Hit& h = hits_[k];
            if (h.sentence != s) continue;
            if (first < h.last && h.first < last) return false;
            if ((h.last <= first && first - h.last <= distance) ||
                (last <= h.first && h.first - last <= distance))
                near = true;
        }
        return near;
    }

    /// An argument within a few words after a trigger, or after "targeting", "at", "outside".
    bool near_hit(std::size_t first, std::uint32_t s) const {
        for (std::size_t k : hits_in_[s])
            if (hits_[k].last <= first && first - hits_[k].last <= 8) return true;
        for (std::size_t k = first; k > first_[s] && first - k < 5; --k)
            if (w_.any(k - 1, {"targeting", "targeted", "at", "outside", "inside", "near", "on",
                               "into", "against"}))
                return true;
        return false;
    }

    /// A person noun names a victim when a casualty figure covers it or it follows a trigger.
    bool victim_context(std::size_t first, std::size_t last, std::uint32_t s) const {
        const Span span = w_.span(first, last);
        for (const CasualtyFigure& f : figures_[s])
            if (!f.zero && f.figure.span.begin <= span.begin && span.end <= f.figure.span.end &&
                !f.perpetrators)
                return true;
        for (std::size_t k : hits_in_[s])
            if (hits_[k].last <= first && first - hits_[k].last <= 4 &&
                !(hits_[k].info->flags & kTriggerAnaphor))
                return true;
        return false;
    }

    std::vector<Event> make_events() {
        std::vector<Event> events;
        std::vector<double> scores;
        for (const Draft& d : drafts_) {
            Event e = make_event(d);
            // Mentions nothing anchors (no place, date, figure or perpetrator) in a document
            // that reports other events are talk, not events ("the massacre of soldiers").
            const bool anchored_event = e.place || (e.killed && e.killed->value > 0) ||
                                        (e.wounded && e.wounded->value > 0) ||
                                        !e.perpetrators.empty() || !e.claimed_by.empty() ||
                                        (!e.date.empty() && e.date_rule != "date:leading");
            if (!anchored_event && drafts_.size() > 1) continue;
            double score = 0;
            score += 1.0 * static_cast<double>(d.groups.size());
            if (e.killed && e.killed->value > 0) score += 2;
            if (e.wounded && e.wounded->value > 0) score += 1;
            if (e.place) score += 1;
            if (lex_.type(e.type) && lex_.type(e.type)->family != "attack") score += 1;
            if (!e.claimed_by.empty()) score += 1;
            bool lead = false, split = true;
            for (std::size_t gi : d.groups) {
                if (groups_[gi].sentence <= 1) lead = true;
                if (!groups_[gi].split) split = false;
            }
            if (lead) score += 2;
            if (split) score -= 1;
            events.push_back(std::move(e));
            scores.push_back(score);
        }
        if (events.empty()) return events;
        std::size_t main = 0;
        for (std::size_t i = 1; i < events.size(); ++i)
            if (scores[i] > scores[main]) main = i;
        if (main != 0) std::rotate(events.begin(), events.begin() + static_cast<long>(main),
                                   events.begin() + static_cast<long>(main) + 1);
        // The main event of a summary is where the document says, even when its sentence
        // names no place.
        if (!events[0].place) {
            for (std::uint32_t s = 0; s < t_.sentences.size() && !events[0].place; ++s)
                if (!boilerplate(s))
                    if (auto p = place_of_sentence(s, false)) {
                        events[0].place = make_place(*p);
                        events[0].place->rule = "place:document-first";
                    }
        }
        if (!events[0].place) {
            for (std::uint32_t s = 0; s < t_.sentences.size() && !events[0].place; ++s)
                if (!boilerplate(s))
                    if (auto p = place_of_sentence(s, true)) {
                        events[0].place = make_place(*p);
                        events[0].place->rule = "place:document-demonym";
                    }
        }
        if (!events[0].place) events[0].place = home_country_place(events[0]);
        // Last, a country named only as the owner of troops or an embassy.
        if (!events[0].place) {
            for (std::uint32_t s = 0; s < t_.sentences.size() && !events[0].place; ++s)
                if (!boilerplate(s))
                    if (auto p = place_of_sentence(s, true, true)) {
                        events[0].place = make_place(*p);
                        events[0].place->rule = "place:document-owner";
                    }
        }
        // A main event placed no closer than a country or region, in a document whose first
        // sentence names a town of that country: the town ("In Caracas, Venezuela, ... Later,
        // pamphlets at the scene of this attack read 'Bolivarian Republic of Venezuela'").
        if (events[0].place && events[0].place->city.empty() && !events[0].place->country_code.empty()) {
            for (std::uint32_t s = 0; s < t_.sentences.size(); ++s) {
                if (boilerplate(s)) continue;
                if (auto p = place_of_sentence(s, false)) {
                    Place lead = make_place(*p);
                    if (!lead.city.empty() && lead.country_code == events[0].place->country_code) {
                        lead.rule = "place:document-first-town";
                        events[0].place = std::move(lead);
                    }
                }
                break;
            }
        }
        if (events[0].date.empty() && leading_) {
            events[0].date = to_iso(leading_->date);
            events[0].date_rule = leading_->rule;
        }
        for (std::size_t i = 0; i < events.size(); ++i)
            events[i].id = t_.document.id + ":e" + std::to_string(i + 1);
        return events;
    }

    /// A document that names no place at all ("rebels of the Communist Party of Nepal
    /// attacked a convoy"): the country where the armed groups it names are based, when they
    /// share one; the perpetrators of the event first. The place names no actor of the text;
    /// its span is the group's mention.
    /// A document that names no place at all ("rebels of the Communist Party of Nepal
    /// attacked a convoy", "Indian police said"): the country where the armed groups it names
    /// are based, when they share one, the event's perpetrators first; failing groups, the
    /// country whose government bodies it names. The place names no actor of the text; its
    /// span is the mention of the group or body.
    std::optional<Place> home_country_place(const Event& e) const {
        // The one actor of `kind` accepted by `accept` whose country all such actors share.
        const auto shared = [&](ActorKind kind, auto&& accept) -> const Actor* {
            const Actor* found = nullptr;
            for (const Actor& a : actors_) {
                if (a.kind != kind || a.country_code.empty() || a.mentions.empty() || !accept(a))
                    continue;
                if (found != nullptr && found->country_code != a.country_code) return nullptr;
                if (found == nullptr) found = &a;
            }
            return found;
        };
        const auto any = [](const Actor&) { return true; };
        const Actor* holder = shared(ActorKind::group, [&](const Actor& a) {
            return std::any_of(e.perpetrators.begin(), e.perpetrators.end(),
                               [&](const Arg& p) { return p.actor == a.id; });
        });
        if (holder == nullptr) holder = shared(ActorKind::group, any);
        if (holder == nullptr) holder = shared(ActorKind::government, any);
        if (holder == nullptr) return std::nullopt;
        const auto c = r_.names.find_id("country:" + holder->country_code);
        if (!c) return std::nullopt;
        const Entry& country = r_.names.entry(*c);
        Place p;
        p.name = country.name;
        p.country = country.name;
        p.country_code = holder->country_code;
        p.lat = country.lat;
        p.lon = country.lon;
        p.span = holder->mentions.front().span;
        p.rule = "place:home-country-of " + holder->id;
        return p;
    }

    struct ArgMatch {
        std::size_t first = 0, last = 0;
        std::uint32_t entry = 0;
    };

    const AnalysedText& t_;
    const Resources& r_;
    const EventLexicon& lex_;
    const std::vector<Actor>& actors_;
    Words w_;
    std::vector<std::size_t> first_, last_;      ///< token range per sentence
    std::vector<std::uint32_t> sentence_of_;     ///< sentence per token
    std::vector<ActorRef> refs_;
    std::vector<std::size_t> ref_at_;            ///< ActorRef per token, kNone outside mentions
    std::vector<std::uint8_t> tags_;
    std::vector<ArgMatch> arg_matches_;
    std::vector<std::vector<std::size_t>> hits_in_;  ///< hit indices per sentence
    std::vector<std::vector<std::size_t>> args_in_;  ///< argument matches per sentence
    std::vector<Hit> hits_;
    std::vector<std::vector<CasualtyFigure>> figures_;
    mutable std::vector<std::optional<std::vector<DateMention>>> dates_;  ///< per sentence, lazily
    std::optional<DateMention> leading_;
    std::optional<CivilDate> anchor_;
    std::vector<Responsibility> responsibility_;
    std::vector<std::uint32_t> thing_end_;  ///< per token: end of a "thing" row starting there, or 0
    std::vector<bool> police_word_;         ///< per token: part of a "police" row
    std::vector<bool> domain_sentences_;  ///< per sentence: a sport, film, market... word
    std::size_t domain_words_ = 0;        ///< such words in the whole document
    std::vector<bool> disaster_sentences_;  ///< per sentence: a blaze, disaster or accident word
    std::size_t disaster_words_ = 0;        ///< such words in the whole document
    std::vector<bool> crime_word_;          ///< per token: part of a crime named as a category
    std::set<std::uint32_t> aggregate_sentences_;  ///< sentences that give statistics
    std::vector<Group> groups_;
    std::vector<Draft> drafts_;
};

std::uint8_t parse_flags(const std::string& field, const std::string& where) {
    std::uint8_t flags = 0;
    for (const std::string& f : split_list(field, ',')) {
        if (f == "generic") flags |= kTriggerGeneric;
        else if (f == "plural") flags |= kTriggerPlural;
        else if (f == "anaphor") flags |= kTriggerAnaphor;
        else if (f == "kills") flags |= kTriggerKills;
        else if (f == "attempt") flags |= kTriggerAttempt;
        else if (f == "weak") flags |= kTriggerWeak;
        else if (f == "strict") flags |= kTriggerWeak | kTriggerStrict;
        else throw Error(ExitCode::data, where + ": unknown trigger flag \"" + f + "\"");
    }
    return flags;
}

}  // namespace

namespace {

/// The folded words of a lexicon phrase (alias_key: hyphens and case ignored); empty if none.
std::vector<std::string> phrase_words(std::string_view phrase) {
    const std::string key = alias_key(phrase);
    std::vector<std::string> words;
    if (key.empty()) return words;
    for (std::size_t start = 0;;) {
        const std::size_t space = key.find(' ', start);
        words.push_back(key.substr(start, space == std::string::npos ? std::string::npos : space - start));
        if (space == std::string::npos) break;
        start = space + 1;
    }
    return words;
}

}  // namespace

bool PhraseIndex::add(std::string_view phrase, std::uint32_t value) {
    Phrase p;
    p.value = value;
    p.words = phrase_words(phrase);
    if (p.words.empty()) return false;
    filter_.add(p.words.front());
    auto& list = by_first_[p.words.front()];
    // Longest first; among equals the first added wins.
    const auto at = std::find_if(list.begin(), list.end(), [&](const Phrase& o) {
        return o.words.size() < p.words.size();
    });
    list.insert(at, std::move(p));
    return true;
}

std::optional<std::uint32_t> PhraseIndex::value_of(std::string_view phrase) const {
    const std::vector<std::string> words = phrase_words(phrase);
    if (words.empty()) return std::nullopt;
    const auto it = by_first_.find(words.front());
    if (it == by_first_.end()) return std::nullopt;
    for (const Phrase& p : it->second)
        if (p.words == words) return p.value;
    return std::nullopt;
}

std::vector<PhraseIndex::Match> PhraseIndex::match(const FoldedText& folded,
                                                   const std::vector<Token>& tokens) const {
    std::vector<Match> out;
    const std::string_view text = folded.text;
    const auto word = [&](std::size_t i) {
        return text.substr(tokens[i].fbegin, tokens[i].fend - tokens[i].fbegin);
    };
    for (std::size_t i = 0; i < tokens.size();) {
        if (!tokens[i].word || !filter_.may_contain(word(i))) {
            ++i;
            continue;
        }
        const auto it = by_first_.find(word(i));
        if (it == by_first_.end()) {
            ++i;
            continue;
        }
        std::size_t end = 0;
        std::uint32_t value = 0;
        for (const Phrase& p : it->second) {
            std::size_t j = i + 1;
            bool ok = true;
            for (std::size_t w = 1; w < p.words.size() && ok; ++w) {
                while (j < tokens.size() && word(j) == "-") ++j;  // hyphens do not count
                ok = j < tokens.size() && word(j) == p.words[w];
                ++j;
            }
            if (ok) {
                end = j;
                value = p.value;
                break;
            }
        }
        if (end == 0) {
            ++i;
            continue;
        }
        out.push_back({i, end, value});
        i = end;
    }
    return out;
}

const EventType* EventLexicon::type(std::string_view name) const {
    for (const EventType& t : types)
        if (t.name == name) return &t;
    return nullptr;
}

void load_event_lexicon(EventLexicon& lexicon, const std::string& data_dir) {
    {
        const std::string path = data_dir + "/event_types.tsv";
        for (const DataRow& row : read_tsv(path)) {
            const std::string where = path + ":" + std::to_string(row.line);
            if (row.fields.size() < 5)
                throw Error(ExitCode::data, where + ": expected type, cameo, gtd_attack_type, family, rank");
            EventType t;
            t.name = row.fields[0];
            t.cameo = row.fields[1];
            t.gtd_attack_type = row.fields[2];
            t.family = row.fields[3];
            try {
                t.rank = std::stoi(row.fields[4]);
            } catch (const std::exception&) {
                throw Error(ExitCode::data, where + ": rank is not a number");
            }
            t.source = "event_types.tsv:" + std::to_string(row.line);
            if (lexicon.type(t.name)) throw Error(ExitCode::data, where + ": duplicate type " + t.name);
            lexicon.types.push_back(std::move(t));
        }
    }
    {
        const std::string path = data_dir + "/event_triggers.tsv";
        for (const DataRow& row : read_tsv(path)) {
            const std::string where = path + ":" + std::to_string(row.line);
            if (row.fields.size() < 3 || row.fields.size() > 4 || row.fields[0].empty())
                throw Error(ExitCode::data, where + ": expected phrase, type, pos and flags");
            const EventType* type = lexicon.type(row.fields[1]);
            if (type == nullptr)
                throw Error(ExitCode::data, where + ": unknown event type \"" + row.fields[1] + "\"");
            const std::string& pos = row.fields[2];
            if (pos != "verb" && pos != "noun" && pos != "adj")
                throw Error(ExitCode::data, where + ": pos must be verb, noun or adj");
            TriggerInfo info;
            info.type = static_cast<std::uint32_t>(type - lexicon.types.data());
            info.verb = pos == "verb";
            info.flags = row.fields.size() > 3 ? parse_flags(row.fields[3], where) : 0;
            info.source = "event_triggers.tsv:" + std::to_string(row.line);
            info.phrase = row.fields[0];
            if (const auto first = lexicon.triggers.value_of(info.phrase))
                throw Error(ExitCode::data, where + ": \"" + info.phrase + "\" is listed already (" +
                                                lexicon.trigger_info[*first].source + ")");
            if (!lexicon.triggers.add(info.phrase, static_cast<std::uint32_t>(lexicon.trigger_info.size())))
                throw Error(ExitCode::data, where + ": the phrase has no words");
            lexicon.trigger_info.push_back(std::move(info));
        }
        for (std::uint32_t k = 0; k < lexicon.trigger_info.size(); ++k) {
            if (lexicon.trigger_info[k].phrase == "took hostage") lexicon.took_hostage = k;
            if (lexicon.trigger_info[k].phrase == "held hostage") lexicon.held_hostage = k;
        }
    }
    {
        const std::string path = data_dir + "/event_blockers.tsv";
        std::vector<std::size_t> blocker_lines;  // per blocker, its line
        for (const DataRow& row : read_tsv(path)) {
            const std::string where = path + ":" + std::to_string(row.line);
            std::uint8_t kind = 0;
            if (row.fields.size() == 2) {
                for (const std::string& k : split_list(row.fields[1], ',')) {
                    if (k == "phrase") kind |= kBlockPhrase;
                    else if (k == "context") kind |= kBlockContext;
                    else if (k == "domain") kind |= kBlockDomain;
                    else if (k == "disaster") kind |= kBlockDisaster;
                    else if (k == "crime") kind |= kBlockCrime;
                    else if (k == "thing") kind |= kBlockThing;
                    else if (k == "police") kind |= kBlockPolice;
                    else kind = 0xff;
                }
            }
            if (kind == 0 || kind == 0xff)
                throw Error(ExitCode::data,
                            where + ": expected phrase and kind (phrase, context, domain, disaster, crime, thing or police)");
            if (const auto first = lexicon.blockers.value_of(row.fields[0]))
                throw Error(ExitCode::data, where + ": \"" + row.fields[0] + "\" is listed already (line " +
                                                std::to_string(blocker_lines[*first]) +
                                                "): give one row its kinds, as \"phrase,domain\"");
            blocker_lines.push_back(row.line);
            if (!lexicon.blockers.add(row.fields[0],
                                      static_cast<std::uint32_t>(lexicon.blocker_kind.size())))
                throw Error(ExitCode::data, where + ": the phrase has no words");
            lexicon.blocker_kind.push_back(kind);
        }
    }
    {
        const std::string path = data_dir + "/event_args.tsv";
        for (const DataRow& row : read_tsv(path)) {
            const std::string where = path + ":" + std::to_string(row.line);
            if (row.fields.size() < 3 || row.fields.size() > 4)
                throw Error(ExitCode::data, where + ": expected phrase, slot, number and class");
            ArgInfo info;
            const std::string& slot = row.fields[1];
            if (slot == "perpetrator") info.slot = ArgSlot::perpetrator;
            else if (slot == "person") info.slot = ArgSlot::person;
            else if (slot == "prominent") info.slot = ArgSlot::prominent;
            else if (slot == "target") info.slot = ArgSlot::target;
            else if (slot == "weapon") info.slot = ArgSlot::weapon;
            else throw Error(ExitCode::data, where + ": unknown slot \"" + slot + "\"");
            if (row.fields[2] != "sg" && row.fields[2] != "pl")
                throw Error(ExitCode::data, where + ": number must be sg or pl");
            info.singular = row.fields[2] == "sg";
            if (row.fields.size() > 3) info.weapon_class = row.fields[3];
            if (info.slot == ArgSlot::weapon && info.weapon_class.empty())
                throw Error(ExitCode::data, where + ": a weapon needs its class");
            info.source = "event_args.tsv:" + std::to_string(row.line);
            info.phrase = row.fields[0];
            if (const auto first = lexicon.args.value_of(info.phrase))
                throw Error(ExitCode::data, where + ": \"" + info.phrase + "\" is listed already (" +
                                                lexicon.arg_info[*first].source + ")");
            if (!lexicon.args.add(info.phrase, static_cast<std::uint32_t>(lexicon.arg_info.size())))
                throw Error(ExitCode::data, where + ": the phrase has no words");
            lexicon.arg_info.push_back(std::move(info));
        }
    }
}

std::vector<Event> find_events(const AnalysedText& text, const Resources& resources,
                               const std::vector<Actor>& actors,
                               std::vector<Diagnostic>& /*diagnostics*/) {
    return Extractor(text, resources, actors).run();
}

}  // namespace ekg::extract
