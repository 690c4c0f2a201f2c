#include "people.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "actors.h"
#include "error.h"
#include "gazetteer.h"
#include "sentences.h"
#include "text.h"

namespace ekg::extract {
namespace {

// ---------------------------------------------------------------- loading the word lists

std::size_t key_words(const std::string& key) {
    return key.empty() ? 0 : static_cast<std::size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
}

std::string field(const DataRow& row, std::size_t i) {
    return i < row.fields.size() ? row.fields[i] : std::string();
}

[[noreturn]] void bad_row(const std::string& path, const DataRow& row, const std::string& what) {
    throw Error(ExitCode::data, path + ":" + std::to_string(row.line) + ": " + what);
}

/// True when `form` has at least two letters and no lower-case one ("CEO").
bool written_in_capitals(std::string_view form) {
    std::size_t upper = 0;
    for (char c : form) {
        if (c >= 'a' && c <= 'z') return false;
        if (c >= 'A' && c <= 'Z') ++upper;
    }
    return upper >= 2;
}

void load_titles(PeopleLexicon& lex, const std::string& path) {
    for (const DataRow& row : read_tsv(path)) {
        const std::string form = field(row, 0), cls = field(row, 1), canonical = field(row, 2);
        const std::string key = word_key(form);
        if (key.empty() || row.fields.size() > 3)
            bad_row(path, row, "expected: form, class[, canonical]");
        TitleWord& w = lex.titles[key];
        if (cls == "honorific") {
            w.honorific = true;
        } else if (cls == "title") {
            w.title = w.role = true;
        } else if (cls == "role") {
            w.role = true;
        } else if (cls == "modifier") {
            w.modifier = true;
            w.former = w.former || canonical == "former";
        } else {
            bad_row(path, row,
                    "unknown class \"" + cls + "\" (expected honorific, title, role or modifier)");
        }
        if (cls != "modifier" && (w.canonical.empty() || cls == "title"))
            w.canonical = canonical.empty() ? form : canonical;
        w.cased = w.cased || written_in_capitals(form);
        lex.max_words = std::max(lex.max_words, key_words(key));
    }
}

void load_speech_verbs(PeopleLexicon& lex, const std::string& path) {
    for (const DataRow& row : read_tsv(path)) {
        const std::string key = word_key(field(row, 0)), pos = field(row, 1);
        if (key.empty() || row.fields.size() != 2) bad_row(path, row, "expected: form, position");
        SpeechPosition p;
        if (pos == "after")
            p = SpeechPosition::after;
        else if (pos == "before")
            p = SpeechPosition::before;
        else if (pos == "both")
            p = SpeechPosition::both;
        else if (pos == "adverb")
            p = SpeechPosition::adverb;
        else if (pos == "source")
            p = SpeechPosition::source;
        else
            bad_row(path, row,
                    "unknown position \"" + pos +
                        "\" (expected after, before, both, adverb or source)");
        lex.speech_verbs[key] = p;
        for (std::size_t space = key.find(' '); space != std::string::npos; space = key.find(' ', space + 1))
            lex.speech_prefixes.insert(FingerprintSet::of(std::string_view(key).substr(0, space)));
        lex.speech_prefixes.insert(FingerprintSet::of(key));
        lex.max_words = std::max(lex.max_words, key_words(key));
    }
}

std::optional<ActorKind> organisation_kind(const std::string& s) {
    const auto kind = actor_kind_from_string(s);
    if (kind == ActorKind::organization || kind == ActorKind::group ||
        kind == ActorKind::government || kind == ActorKind::platform)
        return kind;
    return std::nullopt;
}

void load_org_heads(PeopleLexicon& lex, const std::string& path) {
    for (const DataRow& row : read_tsv(path)) {
        const std::string key = word_key(field(row, 0)), use = field(row, 2);
        const auto kind = organisation_kind(field(row, 1));
        if (key.empty() || row.fields.size() < 3 || row.fields.size() > 4)
            bad_row(path, row, "expected: word, kind, use[, kind_after_country]");
        if (!kind) bad_row(path, row, "kind must be organization, group, government or platform");
        const std::string after = field(row, 3);
        const auto kind_after = after.empty() ? kind : organisation_kind(after);
        if (!kind_after)
            bad_row(path, row,
                    "kind_after_country must be organization, group, government or platform");
        if (use != "head" && use != "noun" && use != "both" && use != "suffix")
            bad_row(path, row, "unknown use \"" + use + "\" (expected head, noun, both or suffix)");
        OrgHead& h = lex.org_heads[key];
        h.kind = *kind;
        h.kind_after_country = *kind_after;
        h.head = h.head || use != "noun";
        h.noun = h.noun || use == "noun" || use == "both";
        h.suffix = h.suffix || use == "suffix";
        lex.max_words = std::max(lex.max_words, key_words(key));
    }
}

void load_stopwords(PeopleLexicon& lex, const std::string& path) {
    for (const DataRow& row : read_tsv(path)) {
        const std::string key = word_key(field(row, 0));
        if (key.empty() || row.fields.size() != 1 || key.find(' ') != std::string::npos)
            bad_row(path, row, "expected one word");
        lex.stopwords.insert(key);
    }
}

// ---------------------------------------------------------------- small word classes

/// Lower-case name particles that may stand inside a name ("Abu Bakr al-Baghdadi").
bool is_particle(std::string_view w) {
    static const WordSet kParticles = {
        "al", "el",  "ul",  "bin", "ibn", "bint", "binti", "ben", "de",  "del", "della", "di",
        "da", "dos", "das", "du",  "des", "la",   "le",    "van", "von", "der", "den",   "ter"};
    return kParticles.contains(w);
}

/// Prepositions that join an organisation's head to its field ("Ministry of Interior").
bool is_weak_connector(std::string_view w) {
    return w == "of" || w == "for" || w == "on";
}

/// Prepositions that attach a role to its organisation ("director of", "official at").
bool is_role_preposition(std::string_view w) {
    return w == "of" || w == "at" || w == "for" || w == "with" || w == "in" || w == "from";
}

bool is_article(std::string_view w) {
    return w == "a" || w == "an" || w == "the";
}

bool is_determiner(std::string_view w) {
    return is_article(w) || w == "his" || w == "her" || w == "their" || w == "its" || w == "our";
}

/// Words that end an appositive phrase: a relative clause or a verb begins.
bool ends_appositive(std::string_view w) {
    return w == "who" || w == "which" || w == "whose" || w == "that" || w == "where" || w == "when";
}

/// Endings of nouns for people by occupation or origin ("hydrologist", "historian",
/// "investigator", "chairwoman"), for appositives that no role noun heads.
bool occupation_ending(std::string_view w) {
    static constexpr std::array<std::string_view, 6> kEndings = {"ist", "ian",   "or",
                                                                 "man", "woman", "person"};
    if (w.size() < 5) return false;
    for (std::string_view end : kEndings)
        if (w.size() > end.size() && w.substr(w.size() - end.size()) == end) return true;
    return false;
}

/// A name as written, without soft hyphens and zero-width characters, its spaces and line
/// breaks made single plain spaces.
std::string clean_name(std::string_view s) {
    std::string out;
    for (std::size_t pos = 0; pos < s.size();) {
        const char32_t cp = next_code_point(s, pos);
        if (cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF) continue;
        const bool space = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
                           (cp >= 0x80 && utf8proc_category(static_cast<utf8proc_int32_t>(cp)) ==
                                              UTF8PROC_CATEGORY_ZS);
        if (space) {
            if (!out.empty() && out.back() != ' ') out += ' ';
            continue;
        }
        append_utf8(out, cp);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

bool is_upper_cp(char32_t cp) {
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
    const auto c = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool is_lower_cp(char32_t cp) {
    if (cp < 0x80) return cp >= 'a' && cp <= 'z';
    return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_LL;
}

// ---------------------------------------------------------------- the finder

/// A gazetteer mention already found, as the context rules see it.
struct KnownMention {
    Span span;
    std::size_t actor = 0;  ///< index into the actor list
    bool place = false;
};

/// A capitalised name in the text, titles already stripped.
struct Unit {
    std::size_t b = 0, e = 0;  ///< token range of the name
    std::size_t sentence = 0;
    bool article = true;  ///< in an article sentence (not boilerplate): may found a new actor
    bool clause_initial = false;
    // A title or honorific written before the name ("Gen.", "U.S. President").
    bool has_title = false;
    std::size_t title_b = 0, title_e = 0;  ///< token range of the title words
    std::string title;                     ///< canonical title, empty for honorifics
    bool former = false;
    std::size_t qualifier_b = 0, qualifier_e = 0;  ///< tokens naming the title's organisation
    std::size_t nick_b = 0, nick_e = 0;  ///< a quoted nickname inside the name (Jo "Ace" Bloggs)
    bool after_lexicon = false;          ///< a lexicon name stands right before, in the same chunk
    std::size_t lexicon_b = 0;           ///< its first token
    bool founding = true;  ///< may found a new actor: article text, not a title-case headline
};

enum class Evidence { none, title, speech, source, appositive, age, who };

/// An organisation head found at the end of a name.
struct HeadMatch {
    ActorKind kind = ActorKind::organization;
    std::string word;     ///< the head as a key, for the rule
    bool suffix = false;  ///< a legal form ("Inc.")
};

/// Everything the context rules learn about one unit.
struct Reading {
    Evidence person = Evidence::none;
    std::string person_rule;
    bool org = false;
    ActorKind org_kind = ActorKind::organization;
    std::string org_rule;
    std::string acronym;  ///< a parenthesised acronym right after the name
    std::optional<std::pair<std::size_t, std::size_t>> appositive;   ///< role phrase tokens
    std::optional<std::pair<std::size_t, std::size_t>> lower_title;  ///< "spokesman" before
    std::string lower_title_text;
    bool lower_title_former = false;
    std::optional<std::pair<std::size_t, std::size_t>> affiliation;  ///< "of the Acme Council"
};

/// A person or pattern organisation being built.
struct NewActor {
    Actor actor;
    std::string key;                 ///< folded words of the name
    std::vector<std::string> words;  ///< folded words of the name, for initials
};

/// A role still to be resolved once every organisation is known.
struct RoleRequest {
    std::string person;        ///< key into people_
    std::size_t b = 0, e = 0;  ///< tokens of the role phrase (a conjunct of an appositive)
    bool former = false;
    std::string title;                             ///< set for titles before names
    std::size_t qualifier_b = 0, qualifier_e = 0;  ///< tokens that may name the organisation
    bool affiliation = false;  ///< "X of the Acme Council": a role without a title
};

class Finder {
  public:
    Finder(const AnalysedText& text, const PeopleLexicon& lex, const Gazetteer& names,
           std::vector<Actor>& actors)
        : text_(text.document.text),
          t_(text.tokens),
          folded_(text.folded),
          sentences_(text.sentences),
          suspicious_(text.suspicious),
          style_(text.style),
          upper_(text.style != CaseStyle::mixed && text.caps.size() == text.tokens.size()),
          caps_(text.caps),
          lex_(lex),
          names_(names),
          actors_(actors) {}

    void run();

  private:
    // token predicates
    std::string_view fw(std::size_t i) const {
        return std::string_view(folded_.text).substr(t_[i].fbegin, t_[i].fend - t_[i].fbegin);
    }
    std::string_view orig(std::size_t i) const {
        return std::string_view(text_).substr(t_[i].span.begin, t_[i].span.end - t_[i].span.begin);
    }
    char32_t first_cp(std::size_t i) const {
        std::size_t pos = t_[i].span.begin;
        return next_code_point(text_, pos);
    }
    // In ALL-CAPS and all-lower-case text a word reads as capitalised when it is no common word
    // (capitals() in text.h) and as lower case when it is one, so the rules below read it like
    // mixed case.
    bool cap(std::size_t i) const {
        if (upper_) return t_[i].word && caps_[i] != 0;
        return t_[i].word && is_upper_cp(first_cp(i));
    }
    bool lower(std::size_t i) const {
        if (upper_)
            return t_[i].word && caps_[i] == 0 && !(fw(i)[0] >= '0' && fw(i)[0] <= '9');
        return t_[i].word && is_lower_cp(first_cp(i));
    }
    bool punct(std::size_t i, std::string_view p) const { return !t_[i].word && fw(i) == p; }
    bool touching(std::size_t i) const { return i > 0 && t_[i - 1].span.end == t_[i].span.begin; }
    bool single_capital(std::size_t i) const { return cap(i) && t_[i].fend - t_[i].fbegin == 1; }
    bool all_caps(std::size_t i) const;
    /// A word of two to five letters without a vowel ("bjp"): an acronym, never a name.
    bool vowelless(std::size_t i) const {
        const std::string_view w = fw(i);
        return t_[i].word && w.size() >= 2 && w.size() <= 5 &&
               std::all_of(w.begin(), w.end(), [](char c) {
                   return c >= 'b' && c <= 'z' && c != 'e' && c != 'i' && c != 'o' && c != 'u' &&
                          c != 'y';
               });
    }
    bool is_number(std::size_t i) const;
    bool nonplace_owner(std::size_t i) const {
        return owner_[i] >= 0 && !known_[static_cast<std::size_t>(owner_[i])].place;
    }
    bool place_owner(std::size_t i) const {
        return owner_[i] >= 0 && known_[static_cast<std::size_t>(owner_[i])].place;
    }

    /// Words of [b, e) joined as a key (dots, hyphens and apostrophes dropped).
    std::string key_of(std::size_t b, std::size_t e) const;
    /// The key and the name of a unit, without its nickname.
    std::string unit_key(const Unit& u) const {
        if (u.nick_e <= u.nick_b) return key_of(u.b, u.e);
        return key_of(u.b, u.nick_b) + " " + key_of(u.nick_e, u.e);
    }
    std::string unit_name(const Unit& u) const {
        if (u.nick_e <= u.nick_b) return clean_name(text_of(u.b, u.e));
        return clean_name(text_of(u.b, u.nick_b) + " " + text_of(u.nick_e, u.e));
    }
    /// The "s" of a possessive "'s".
    bool possessive_s(std::size_t i) const {
        return t_[i].word && fw(i) == "s" && i > 0 && punct(i - 1, "'");
    }
    std::string text_of(std::size_t b, std::size_t e) const {
        return text_.substr(t_[b].span.begin, t_[e - 1].span.end - t_[b].span.begin);
    }
    Span span_of(std::size_t b, std::size_t e) const {
        return {t_[b].span.begin, t_[e - 1].span.end};
    }

    /// The longest word-list key starting at token i over at most max_words words (dots and
    /// hyphens skipped); returns the token end of the match, or i when none.
    template <class Map>
    std::size_t match_forward(const Map& map, std::size_t i, std::size_t end,
                              const typename Map::mapped_type** found) const;
    /// The longest key ending just before token `end` (words only, contiguous).
    template <class Map>
    std::size_t match_backward(const Map& map, std::size_t end, std::size_t begin,
                               const typename Map::mapped_type** found) const;

    void index_tokens();
    void find_units();
    void add_unit(std::size_t b, std::size_t e, std::size_t sentence, std::size_t sb);
    Reading read(const Unit& u) const;
    std::optional<std::pair<std::size_t, std::size_t>> appositive_at(std::size_t comma,
                                                                     std::size_t se) const;
    /// Classifies an appositive: Evidence::appositive (role), age, or an organisation noun.
    Evidence classify_appositive(std::size_t b, std::size_t e, std::optional<ActorKind>& org) const;
    /// The organisation head that ends the unit's name, if it is an organisation's.
    std::optional<HeadMatch> org_head_kind(const Unit& u) const;
    /// "of the Acme Council", "from Acme Corp.": the end of an affiliation after a name at token
    /// `a` (and its name's first token in *org_b), or `a` when none follows.
    std::size_t affiliation_end(std::size_t a, std::size_t se, std::size_t* org_b) const;
    bool person_shape(const Unit& u, Evidence evidence) const;
    bool acronym_of(std::string_view acronym, std::size_t b, std::size_t e) const;

    /// The token at original offset `offset` (the first that starts there or after).
    std::size_t token_at(std::uint32_t offset) const {
        return static_cast<std::size_t>(
            std::lower_bound(t_.begin(), t_.end(), offset,
                             [](const Token& t, std::uint32_t o) { return t.span.begin < o; }) -
            t_.begin());
    }
    /// "X claimed responsibility", "X has claimed credit", "X took responsibility": the name
    /// ending before token `after` claims an attack.
    bool claims_after(std::size_t after) const;
    /// "a group calling itself X", "an organisation known as X": the name starting at token
    /// `first` is what a group calls itself.
    bool self_named(std::size_t first) const;

    NewActor& person(const Unit& u, const std::string& rule);
    NewActor& organisation(const Unit& u, ActorKind kind, const std::string& rule);
    void add_mention(NewActor& a, std::size_t b, std::size_t e, const std::string& rule);
    void resolve();
    void resolve_acronyms();
    void make_roles();
    void role_from_phrase(NewActor& p, std::size_t b, std::size_t e, bool former);
    std::string organisation_at(std::size_t b, std::size_t e, std::size_t* mb, std::size_t* me,
                                bool* place = nullptr) const;
    void finish();

    const std::string& text_;
    const std::vector<Token>& t_;
    const FoldedText& folded_;
    const std::vector<Sentence>& sentences_;
    const std::vector<Span>& suspicious_;
    CaseStyle style_;
    bool upper_;  ///< ALL-CAPS or all-lower-case text with its capitals() known
    const std::vector<std::uint8_t>& caps_;   ///< per token, from capitals()
    const PeopleLexicon& lex_;
    const Gazetteer& names_;
    std::vector<Actor>& actors_;

    std::vector<std::size_t> sentence_of_;            ///< per token
    std::vector<std::size_t> sent_begin_, sent_end_;  ///< token range per sentence
    std::vector<char> usable_;                        ///< per token: outside suspicious spans
    std::vector<KnownMention> known_;                 ///< gazetteer mentions, in text order
    std::vector<int> owner_;                          ///< per token: index into known_, or -1
    std::unordered_map<std::string_view, int> lower_words_;  ///< folded words written in lower case (views of folded_), and how often
    std::vector<char> headline_;              ///< per sentence: written in title case
    std::vector<std::pair<std::size_t, std::size_t>> nicknames_;  ///< quoted nicknames in names
    std::vector<Unit> units_;
    std::vector<Reading> readings_;

    std::map<std::string, NewActor> people_;  ///< by key
    std::map<std::string, NewActor> orgs_;    ///< by key
    std::vector<RoleRequest> roles_;
    std::map<std::string, std::string> acronyms_;  ///< acronym -> actor id
};

bool Finder::all_caps(std::size_t i) const {
    if (!t_[i].word || upper_) return false;  // ALL-CAPS text shows no acronyms by case
    std::size_t upper = 0;
    for (char c : orig(i)) {
        if (c >= 'a' && c <= 'z') return false;
        if (c >= 'A' && c <= 'Z') ++upper;
    }
    return upper >= 2;
}

bool Finder::is_number(std::size_t i) const {
    const std::string_view w = fw(i);
    return t_[i].word && !w.empty() &&
           std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string Finder::key_of(std::size_t b, std::size_t e) const {
    std::string key;
    for (std::size_t i = b; i < e; ++i) {
        if (!t_[i].word) continue;
        if (!key.empty()) key += ' ';
        key += fw(i);
    }
    return key;
}

template <class Map>
std::size_t Finder::match_forward(const Map& map, std::size_t i, std::size_t end,
                                  const typename Map::mapped_type** found) const {
    std::string key;
    std::size_t words = 0, best = i;
    for (std::size_t j = i; j < end && words < lex_.max_words; ++j) {
        if (!t_[j].word) {
            if ((punct(j, ".") || punct(j, "-")) && j > i) continue;
            break;
        }
        if (!key.empty()) key += ' ';
        key += fw(j);
        ++words;
        if (const auto it = map.find(key); it != map.end()) {
            best = j + 1;
            *found = &it->second;
        }
    }
    if (best < end && best > i && punct(best, ".") && touching(best)) ++best;  // "Gen."
    return best;
}

template <class Map>
std::size_t Finder::match_backward(const Map& map, std::size_t end, std::size_t begin,
                                   const typename Map::mapped_type** found) const {
    std::string key;
    std::size_t best = end;
    std::size_t words = 0;
    for (std::size_t j = end; j > begin && words < lex_.max_words; --j) {
        const std::size_t k = j - 1;
        if (!t_[k].word) {
            if (punct(k, "-") && touching(k)) continue;
            break;
        }
        key = key.empty() ? std::string(fw(k)) : std::string(fw(k)) + " " + key;
        ++words;
        if (const auto it = map.find(key); it != map.end()) {
            best = k;
            *found = &it->second;
        }
    }
    return best;
}

void Finder::index_tokens() {
    const std::size_t n = t_.size();
    sentence_of_.assign(n, 0);
    usable_.assign(n, 1);
    owner_.assign(n, -1);
    sent_begin_.assign(sentences_.size(), 0);
    sent_end_.assign(sentences_.size(), 0);
    std::size_t s = 0;
    for (std::size_t i = 0; i < n; ++i) {
        while (s + 1 < sentences_.size() && t_[i].span.begin >= sentences_[s + 1].span.begin) ++s;
        sentence_of_[i] = s;
    }
    for (std::size_t si = 0; si < sentences_.size(); ++si) {
        const auto lo =
            std::lower_bound(t_.begin(), t_.end(), sentences_[si].span.begin,
                             [](const Token& t, std::uint32_t o) { return t.span.begin < o; });
        const auto hi =
            std::lower_bound(lo, t_.end(), sentences_[si].span.end,
                             [](const Token& t, std::uint32_t o) { return t.span.begin < o; });
        sent_begin_[si] = static_cast<std::size_t>(lo - t_.begin());
        sent_end_[si] = static_cast<std::size_t>(hi - t_.begin());
    }
    for (const Span& s2 : suspicious_)
        for (std::size_t i = 0; i < n; ++i)
            if (t_[i].span.begin < s2.end && t_[i].span.end > s2.begin) usable_[i] = 0;
    for (std::size_t a = 0; a < actors_.size(); ++a)
        for (const Mention& m : actors_[a].mentions)
            known_.push_back({m.span, a, actors_[a].kind == ActorKind::place});
    std::sort(known_.begin(), known_.end(), [](const KnownMention& x, const KnownMention& y) {
        return x.span.begin < y.span.begin;
    });
    for (std::size_t k = 0; k < known_.size(); ++k) {
        const auto lo =
            std::lower_bound(t_.begin(), t_.end(), known_[k].span.begin,
                             [](const Token& t, std::uint32_t o) { return t.span.begin < o; });
        for (auto it = lo; it != t_.end() && it->span.end <= known_[k].span.end; ++it)
            owner_[static_cast<std::size_t>(it - t_.begin())] = static_cast<int>(k);
    }
    lower_words_.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        if (lower(i)) ++lower_words_[fw(i)];
    // A sentence in title case (a headline) says little about which words are names: most of
    // its words are capitalised, common words among them (written in lower case elsewhere).
    headline_.assign(sentences_.size(), 0);
    for (std::size_t si = 0; si < sentences_.size(); ++si) {
        std::size_t words = 0, caps = 0, common = 0;
        for (std::size_t i = sent_begin_[si]; i < sent_end_[si]; ++i) {
            if (!t_[i].word || t_[i].fend - t_[i].fbegin < 4 || is_number(i)) continue;
            ++words;
            if (!cap(i)) continue;
            ++caps;
            const std::string_view w = fw(i);
            if (i > sent_begin_[si] && (lower_words_.count(w) || lex_.stopwords.count(w))) ++common;
        }
        headline_[si] = words >= 4 && caps * 10 >= words * 7 && common >= 2;
    }
}

/// Chunks of capitalised words (with initials, dotted acronyms, name particles and the
/// prepositions of organisation names) become units, split at lexicon names.
void Finder::find_units() {
    for (std::size_t si = 0; si < sentences_.size(); ++si) {
        const std::size_t sb = sent_begin_[si], se = sent_end_[si];
        std::size_t i = sb;
        while (i < se) {
            if (!cap(i) || !usable_[i]) {
                ++i;
                continue;
            }
            std::size_t last = i;
            std::size_t j = i + 1;
            while (j < se && usable_[j]) {
                if (cap(j) || (t_[j].word && nonplace_owner(j) && owner_[j] == owner_[last])) {
                    last = j++;
                    continue;
                }
                if (punct(j, ".") && touching(j) &&
                    (single_capital(j - 1) ||
                     (cap(j - 1) && lex_.titles.count(fw(j - 1))))) {
                    last = j++;
                    continue;
                }
                if ((punct(j, "-") || punct(j, "'")) && touching(j) && j + 1 < se &&
                    touching(j + 1) && cap(j + 1)) {
                    ++j;
                    continue;
                }
                if (punct(j, "&") && j + 1 < se && cap(j + 1)) {
                    ++j;
                    continue;
                }
                // A quoted nickname inside a name: Jo "Ace" Bloggs.
                if (punct(j, "\"") && j + 1 < se && cap(j + 1) && owner_[last] < 0) {
                    std::size_t k = j + 1;
                    while (k < se && k - j <= 4 && (cap(k) || (lower(k) && is_particle(fw(k)))))
                        ++k;
                    if (k + 1 < se && punct(k, "\"") && cap(k + 1) && usable_[k + 1] &&
                        owner_[k + 1] < 0) {
                        nicknames_.emplace_back(j, k + 1);
                        j = k + 1;
                        continue;
                    }
                }
                // A possessive inside an organisation's name: "People's Liberation Army".
                if (punct(j, "'") && touching(j) && j + 2 < se && t_[j + 1].word &&
                    fw(j + 1) == "s" && touching(j + 1) && cap(j + 2) && owner_[last] < 0) {
                    std::size_t k = j + 2, last_cap = j + 2;
                    while (k < se && (cap(k) || (lower(k) && is_weak_connector(fw(k)) &&
                                                 k + 1 < se && cap(k + 1)))) {
                        if (cap(k)) last_cap = k;
                        ++k;
                    }
                    const OrgHead* head = nullptr;
                    const std::size_t hb =
                        match_backward(lex_.org_heads, last_cap + 1, j + 2, &head);
                    if (head != nullptr && head->head && hb <= last_cap) {
                        j += 2;
                        continue;
                    }
                }
                if (lower(j) && is_particle(fw(j))) {
                    std::size_t k = j + 1;
                    if (k < se && punct(k, "-") && touching(k)) ++k;
                    if (k < se && cap(k) && usable_[k]) {
                        j = k;
                        continue;
                    }
                }
                if (lower(j) && is_weak_connector(fw(j)) && j + 1 < se) {
                    // Only an organisation name ("Ministry of Interior") or a title ("Secretary
                    // of State") goes on past "of": "Jo Bloggs of Acme" is two names.
                    std::size_t k = j + 1;
                    if (k < se && t_[k].word && fw(k) == "the") ++k;
                    const OrgHead* head = nullptr;
                    const std::size_t hb = match_backward(lex_.org_heads, j, i, &head);
                    bool go_on = head != nullptr && hb < j && head->head && cap(hb);
                    for (std::size_t start = j - 1; !go_on && start + 2 >= j && start >= i;
                         --start) {
                        const TitleWord* tw = nullptr;
                        go_on = match_forward(lex_.titles, start, se, &tw) > j + 1 &&
                                tw != nullptr && tw->title;
                        if (start == 0) break;
                    }
                    if (go_on && k < se && cap(k) && usable_[k] &&
                        !lex_.stopwords.count(fw(k))) {
                        j = k;
                        continue;
                    }
                }
                // "Bureau of Alcohol and Firearms": "and" inside an organisation's field.
                if (lower(j) && fw(j) == "and" && j + 1 < se && cap(j + 1) && usable_[j + 1] &&
                    owner_[j + 1] < 0 && !lex_.stopwords.count(fw(j + 1))) {
                    bool org_field = false;
                    for (std::size_t k = i + 1; k < j && !org_field; ++k) {
                        if (!(lower(k) && is_weak_connector(fw(k)))) continue;
                        const OrgHead* head = nullptr;
                        const std::size_t hb = match_backward(lex_.org_heads, k, i, &head);
                        org_field = head != nullptr && hb < k && head->head;
                    }
                    if (org_field) {
                        j = j + 1;
                        continue;
                    }
                }
                // Without case a surname may be a common word ("chancellor gordon brown said"):
                // after a title, one closes a one-word name that a speech verb, a possessive or
                // a stop follows.
                if (upper_ && last == i && j == i + 1 && i > sb && lower(j) &&
                    lex_.titles.count(fw(i - 1)) && !lex_.stopwords.count(fw(j)) &&
                    !is_particle(fw(j)) && !is_weak_connector(fw(j)) &&
                    !fw(j).ends_with("self")) {
                    const std::size_t k = j + 1;
                    if (k >= se || punct(k, ",") || punct(k, ".") || punct(k, "'") ||
                        (t_[k].word && fw(k) == "s") ||
                        lex_.speech_verbs.count(std::string(fw(k))) > 0)
                        last = j;
                }
                break;
            }
            add_unit(i, last + 1, si, sb);
            i = last + 1;
        }
    }
}

/// Splits a chunk at non-place lexicon names, trims words that do not begin names, strips
/// titles, and keeps what is left as units.
void Finder::add_unit(std::size_t cb, std::size_t ce, std::size_t si, std::size_t sb) {
    std::size_t p = cb;
    bool after_lexicon = false;
    std::size_t lexicon_b = 0;
    while (p < ce) {
        if (nonplace_owner(p)) {
            const int m = owner_[p];
            after_lexicon = true;
            lexicon_b = p;
            while (p < ce && owner_[p] == m) ++p;
            continue;
        }
        std::size_t q = p;
        while (q < ce && !nonplace_owner(q)) ++q;
        std::size_t b = p, e = q;
        const std::size_t piece_start = b;
        p = q;
        Unit u;
        u.sentence = si;
        u.article = !sentences_[si].boilerplate;
        u.founding = u.article && !headline_[si];
        u.after_lexicon = after_lexicon;
        u.lexicon_b = lexicon_b;
        after_lexicon = false;
        for (const auto& [nb, ne] : nicknames_)
            if (nb > b && ne < e) {
                u.nick_b = nb;
                u.nick_e = ne;
            }
        // Trim what does not begin a name.
        bool former = false;
        bool trimmed = false;
        while (b < e) {
            const bool initial = trimmed || b == sb ||
                                 (!t_[b - 1].word && fw(b - 1) != "." && fw(b - 1) != "-") ||
                                 punct(b - 1, "-");
            if (!t_[b].word) {
                ++b;
                continue;
            }
            const std::string_view w = fw(b);
            if (is_article(w)) {
                ++b;
                continue;
            }
            const auto title = lex_.titles.find(w);
            if (title != lex_.titles.end() && title->second.modifier) {
                former = former || title->second.former;
                ++b;
                continue;
            }
            if (initial && !place_owner(b) && !nonplace_owner(b) &&
                (lex_.stopwords.count(w) ||
                 (lower_words_.count(w) && title == lex_.titles.end()))) {
                ++b;
                trimmed = true;
                continue;
            }
            break;
        }
        if (b != piece_start) u.after_lexicon = false;  // the lexicon name and this are apart
        while (e > b &&
               (!t_[e - 1].word || is_particle(fw(e - 1)) || is_weak_connector(fw(e - 1))) &&
               !(punct(e - 1, ".") && e - 1 > b && single_capital(e - 2)))
            --e;
        if (b >= e) continue;
        u.clause_initial = b == sb || !t_[b - 1].word;
        u.former = former;
        // A place before a title is the title's organisation ("U.S. President").
        std::size_t t = b;
        if (place_owner(t)) {
            const int m = owner_[t];
            std::size_t after = t;
            while (after < e && owner_[after] == m) ++after;
            const TitleWord* tw = nullptr;
            const std::size_t te = after < e ? match_forward(lex_.titles, after, e, &tw) : after;
            if (tw != nullptr && te > after && te < e && (tw->title || tw->honorific)) {
                u.qualifier_b = t;
                u.qualifier_e = after;
                t = after;
            }
        }
        // An occupation opening a sentence before a name: "Criminologist Jo Bloggs said". Only
        // "-ist": first names end in "-ian", "-or" and "-man" too (Christian, Victor, Norman).
        if (u.clause_initial && t == b && cap(t) && fw(t).size() > 5 &&
            fw(t).substr(fw(t).size() - 3) == "ist" && !place_owner(t) && e - t >= 3 &&
            cap(t + 1) && cap(e - 1) && !lex_.titles.count(fw(t))) {
            u.has_title = true;
            u.title_b = t;
            u.title_e = t + 1;
            u.title = std::string(orig(t));
            ++t;
        }
        // Titles and honorifics before the name.
        while (t < e) {
            const TitleWord* tw = nullptr;
            const std::size_t te = match_forward(lex_.titles, t, e, &tw);
            if (tw == nullptr || te >= e || !cap(t)) break;
            if (tw->modifier && !tw->title && !tw->honorific) {
                u.former = u.former || tw->former;
                t = te;
                continue;
            }
            if (!tw->title && !tw->honorific) break;
            if (!u.has_title) {
                u.has_title = true;
                u.title_b = t;
                u.title = tw->title ? tw->canonical : std::string();
            }
            u.title_e = te;
            t = te;
        }
        // A title inside the name's words: "Public Security Minister Jo Bloggs".
        if (!u.has_title) {
            for (std::size_t m = t + 1; m < e; ++m) {
                const TitleWord* tw = nullptr;
                const std::size_t te = cap(m) ? match_forward(lex_.titles, m, e, &tw) : m;
                if (tw == nullptr || te <= m || te >= e || !(tw->title || tw->role)) continue;
                std::size_t rest = 0;
                for (std::size_t k = te; k < e; ++k) rest += cap(k);
                if (rest < 2) break;
                std::size_t tb = t;
                if (place_owner(t)) {
                    const int owner = owner_[t];
                    std::size_t after = t;
                    while (after < m && owner_[after] == owner) ++after;
                    u.qualifier_b = t;
                    u.qualifier_e = after;
                    tb = after;
                }
                if (tb >= te) break;
                u.has_title = true;
                u.title_b = tb;
                u.title_e = te;
                u.title = clean_name(text_of(tb, te));
                t = te;
                break;
            }
        }
        if (u.has_title && !(t < e && cap(t))) continue;
        u.b = t;
        u.e = e;
        if (u.qualifier_e == 0 && u.qualifier_b == 0 && b > cb && nonplace_owner(b - 1)) {
            // "ISIS Spokesman Abu X": the lexicon name before the title qualifies it.
            std::size_t qb = b - 1;
            while (qb > cb && owner_[qb - 1] == owner_[b - 1]) --qb;
            if (u.has_title) {
                u.qualifier_b = qb;
                u.qualifier_e = b;
            }
        }
        units_.push_back(u);
    }
}

std::optional<std::pair<std::size_t, std::size_t>> Finder::appositive_at(std::size_t comma,
                                                                         std::size_t se) const {
    if (comma >= se || !punct(comma, ",")) return std::nullopt;
    const std::size_t b = comma + 1;
    std::size_t e = b;
    while (e < se && e - b < 40) {
        if (!t_[e].word) {
            if ((punct(e, "-") || punct(e, "'")) && touching(e) && e + 1 < se && touching(e + 1)) {
                ++e;
                continue;
            }
            if (punct(e, ".") && e > b && single_capital(e - 1) && touching(e)) {
                ++e;
                continue;
            }
            if (punct(e, "&")) {
                ++e;
                continue;
            }
            break;
        }
        if (lower(e) && ends_appositive(fw(e))) break;
        if (lower(e) && e > b) {
            const auto sv = lex_.speech_verbs.find(fw(e));
            if (sv != lex_.speech_verbs.end() && sv->second != SpeechPosition::adverb &&
                sv->second != SpeechPosition::before)
                break;
        }
        ++e;
    }
    if (e == b) return std::nullopt;
    return std::make_pair(b, e);
}

Evidence Finder::classify_appositive(std::size_t b, std::size_t e,
                                     std::optional<ActorKind>& org) const {
    if (e - b == 1 && is_number(b)) {
        // "Jo Bloggs, 45, ...": an age closed by a comma, not a year or a count.
        const bool closed = e < t_.size() && punct(e, ",");
        return closed && fw(b).size() <= 3 && std::stoi(std::string(fw(b))) < 120 ? Evidence::age
                                                                                  : Evidence::none;
    }
    // A role phrase opens with a determiner, a modifier, a role noun or a name qualifying it.
    {
        const std::string first(fw(b));
        const auto tw = lex_.titles.find(first);
        const bool opens = cap(b) || is_determiner(first) ||
                           (tw != lex_.titles.end() && (tw->second.modifier || tw->second.role)) ||
                           lex_.org_heads.count(first);
        if (!opens) return Evidence::none;
    }
    std::size_t words = 0;
    for (std::size_t i = b; i < e; ++i) {
        if (!t_[i].word) continue;
        ++words;
        if (!lower(i) && !all_caps(i)) continue;  // names inside the phrase
        const OrgHead* head = nullptr;
        const std::size_t he = match_forward(lex_.org_heads, i, e, &head);
        const TitleWord* tw = nullptr;
        const std::size_t te = match_forward(lex_.titles, i, e, &tw);
        const bool role = tw != nullptr && te > i && tw->role && (lower(i) || tw->cased);
        const bool noun = head != nullptr && he > i && head->noun && lower(i);
        if (noun && (!role || he > te)) {
            if (words > 6 || !is_article(fw(b))) return Evidence::none;
            org = head->kind;
            return Evidence::none;
        }
        if (role) return Evidence::appositive;
    }
    // "a hydrologist", "a historian", "a former investigator": the phrase's head noun (its last
    // word, or the word before "of"/"at") has the ending of a person's occupation.
    std::size_t head = e;
    for (std::size_t i = b; i < e; ++i)
        if (lower(i) && is_role_preposition(fw(i))) {
            head = i;
            break;
        }
    while (head > b && !t_[head - 1].word) --head;
    if (head > b && lower(head - 1) && occupation_ending(fw(head - 1))) return Evidence::appositive;
    return Evidence::none;
}

std::optional<HeadMatch> Finder::org_head_kind(const Unit& u) const {
    std::size_t words = 0;
    std::size_t first_connector = u.e;
    for (std::size_t i = u.b; i < u.e; ++i) {
        if (!t_[i].word) continue;
        if (is_weak_connector(fw(i)) && first_connector == u.e) first_connector = i;
        ++words;
    }
    // "Co-operation": a capitalised word in a hyphenated compound heads nothing.
    if (u.e < t_.size() && punct(u.e, "-") && touching(u.e)) return std::nullopt;
    std::string word;
    const auto head_before = [&](std::size_t end) -> const OrgHead* {
        const OrgHead* head = nullptr;
        const std::size_t hb = match_backward(lex_.org_heads, end, u.b, &head);
        if (head == nullptr || hb >= end || !head->head || !cap(hb)) return nullptr;
        word = key_of(hb, end);
        return head;
    };
    const OrgHead* head = words >= 2 ? head_before(u.e) : nullptr;
    if (head == nullptr && first_connector < u.e) head = head_before(first_connector);
    if (head == nullptr) return std::nullopt;
    HeadMatch m{head->kind, word, head->suffix};
    if (place_owner(u.b) &&
        actors_[known_[static_cast<std::size_t>(owner_[u.b])].actor].place_type == "country")
        m.kind = head->kind_after_country;
    return m;
}

std::size_t Finder::affiliation_end(std::size_t a, std::size_t se, std::size_t* org_b) const {
    if (a >= se || !lower(a) || (fw(a) != "of" && fw(a) != "from" && fw(a) != "at")) return a;
    std::size_t k = a + 1;
    if (k < se && t_[k].word && fw(k) == "the") ++k;
    if (k >= se) return a;
    *org_b = k;
    if (place_owner(k)) return a;  // "The Times of India": a place is not an affiliation
    if (owner_[k] >= 0) {
        const int m = owner_[k];
        while (k < se && owner_[k] == m) ++k;
        return k;
    }
    std::size_t m = k, last = k;
    while (m < se && (cap(m) || (punct(m, ".") && touching(m)) ||
                      (lower(m) && is_weak_connector(fw(m)) && m + 1 < se && cap(m + 1)))) {
        if (cap(m)) last = m;
        ++m;
    }
    if (m == k) return a;
    const OrgHead* head = nullptr;
    const std::size_t hb = match_backward(lex_.org_heads, last + 1, k, &head);
    if (head == nullptr || !head->head || hb > last) return a;
    return last + 1;
}

bool Finder::person_shape(const Unit& u, Evidence evidence) const {
    std::size_t words = 0;
    bool all_place = true;
    for (std::size_t i = u.b; i < u.e; ++i) {
        if (!t_[i].word) continue;
        if (is_weak_connector(fw(i)) || is_number(i)) return false;
        if (all_caps(i) && t_[i].fend - t_[i].fbegin > 1) return false;
        // Without case "vhp" is an acronym, no name; two initials may open one ("lk advani").
        if (upper_ && vowelless(i) && !(i == u.b && fw(i).size() == 2 && i + 1 < u.e))
            return false;
        if (!place_owner(i)) all_place = false;
        if (!is_particle(fw(i))) ++words;
    }
    if (words == 0 || words > 5 || all_place) return false;
    const std::string first(fw(u.b));
    if (lex_.stopwords.count(first)) return false;
    // A title alone ("Attorney General"), or a name ending in one, names an office.
    {
        const TitleWord* tw = nullptr;
        if (match_forward(lex_.titles, u.b, u.e, &tw) >= u.e && tw != nullptr) return false;
        std::size_t last = u.e;
        while (last > u.b && !t_[last - 1].word) --last;
        const auto end_title = lex_.titles.find(fw(last - 1));
        if (end_title != lex_.titles.end() && (end_title->second.title || end_title->second.role))
            return false;
        // A publication or a place named with an article ("El Diario", "La Prensa").
        static const WordSet kArticles = {
            "el", "la", "los", "las", "le", "les", "il", "lo", "o", "der", "die", "das"};
        if (kArticles.contains(first) && u.e > u.b + 1 && !punct(u.b + 1, "'")) return false;
        // One word after a lower-case particle is the end of a longer name ("Ideas para la Paz").
        if (words == 1 && u.b > 0 && lower(u.b - 1) && is_particle(fw(u.b - 1))) return false;
        if (words >= 2) {
            // A common noun ends it ("Wilson Report").
            const auto lw = lower_words_.find(fw(last - 1));
            if (lw != lower_words_.end() && lw->second >= 2) return false;
            // A place of two or more words inside it ("U-T San Diego").
            std::size_t place_words = 0;
            for (std::size_t i = u.b; i < u.e; ++i) place_words += t_[i].word && place_owner(i);
            if (place_words >= 2) return false;
        }
    }
    if (words == 1) {
        if (first.size() < 2) return false;  // an initial alone
        const auto head = lex_.org_heads.find(first);
        if (head != lex_.org_heads.end()) return false;
        if (lower_words_.count(first)) return false;
        if (evidence != Evidence::title && evidence != Evidence::speech &&
            evidence != Evidence::appositive && evidence != Evidence::who)
            return false;
    }
    return true;
}

bool Finder::acronym_of(std::string_view acronym, std::size_t b, std::size_t e) const {
    std::string initials;
    for (std::size_t i = b; i < e; ++i) {
        if (!t_[i].word || is_article(fw(i)) || is_weak_connector(fw(i)) || fw(i) == "and" ||
            is_particle(fw(i)) || possessive_s(i))
            continue;
        initials += fw(i)[0];
    }
    std::string folded(acronym);
    for (char& c : folded) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    if (initials == folded) return true;
    // Allow one word without its letter ("Islamic State of Iraq and the Levant" -> ISIL).
    if (folded.size() >= 3 && initials.size() == folded.size() + 1 && initials[0] == folded[0]) {
        for (std::size_t skip = 1; skip < initials.size(); ++skip) {
            std::string t = initials;
            t.erase(skip, 1);
            if (t == folded) return true;
        }
    }
    return false;
}

Reading Finder::read(const Unit& u) const {
    Reading r;
    const std::size_t sb = sent_begin_[u.sentence], se = sent_end_[u.sentence];
    const std::size_t pre =
        u.has_title ? (u.qualifier_e > u.qualifier_b ? u.qualifier_b : u.title_b) : u.b;
    if (u.has_title) {
        r.person = Evidence::title;
        r.person_rule = "context:title";
    }
    // Before: a speech verb ("said X", "according to X") or a lower-case role noun.
    if (pre > sb) {
        const SpeechPosition* sp = nullptr;
        const std::size_t vb = match_backward(lex_.speech_verbs, pre, sb, &sp);
        // Lower case, or opening the sentence ("According to"): "Said" is also a name.
        const bool verb_case =
            sp != nullptr && vb < pre && (lower(vb) || (vb == sb && *sp == SpeechPosition::source));
        if (verb_case && (*sp == SpeechPosition::before || *sp == SpeechPosition::both ||
                          *sp == SpeechPosition::source)) {
            if (r.person == Evidence::none) {
                r.person = *sp == SpeechPosition::source ? Evidence::source : Evidence::speech;
                r.person_rule = "context:speech-before:" + key_of(vb, pre);
            }
        }
        const TitleWord* tw = nullptr;
        const std::size_t tb = match_backward(lex_.titles, pre, sb, &tw);
        if (!u.has_title && tw != nullptr && tb < pre && tw->role && (lower(tb) || tw->cased)) {
            r.lower_title = std::make_pair(tb, pre);
            r.lower_title_text = text_of(tb, pre);
            const TitleWord* mod = nullptr;
            const std::size_t mb = match_backward(lex_.titles, tb, sb, &mod);
            r.lower_title_former = mod != nullptr && mb < tb && mod->former;
            r.person = Evidence::title;
            r.person_rule = "context:role-before:" + key_of(tb, pre);
        }
    }
    // After: "X said", "X, who", an appositive, a parenthesised acronym.
    std::size_t a = u.e;
    if (a < se && punct(a, ".") && t_[a - 1].word && single_capital(a - 1)) ++a;
    // "X of the Acme Council said": the speech verb follows the affiliation.
    std::size_t org_b = a;
    if (const std::size_t aff = affiliation_end(a, se, &org_b); aff > a) {
        r.affiliation = std::make_pair(org_b, aff);
        a = aff;
    }
    {
        std::size_t k = a;
        for (int n = 0; n < 2 && k < se; ++n) {
            const SpeechPosition* sp = nullptr;
            const std::size_t ke = match_forward(lex_.speech_verbs, k, se, &sp);
            if (sp == nullptr || ke == k || !lower(k)) break;
            if (*sp == SpeechPosition::adverb) {
                k = ke;
                continue;
            }
            // "tories say", "mps say": the plain form follows many, not one person.
            if ((*sp == SpeechPosition::after || *sp == SpeechPosition::both) &&
                r.person != Evidence::title && !(ke == k + 1 && fw(k) == "say")) {
                r.person = Evidence::speech;
                r.person_rule = "context:speech-after:" + key_of(k, ke);
            }
            break;
        }
    }
    if (a + 1 < se && punct(a, ",") && lower(a + 1) && fw(a + 1) == "who" &&
        r.person == Evidence::none) {
        r.person = Evidence::who;
        r.person_rule = "context:who";
    }
    if (const auto app = appositive_at(a, se)) {
        std::optional<ActorKind> org;
        const Evidence ev = classify_appositive(app->first, app->second, org);
        if (ev == Evidence::appositive) {
            r.appositive = app;
            if (r.person == Evidence::none || r.person == Evidence::who) {
                r.person = ev;
                r.person_rule = "context:appositive";
            }
        } else if (ev == Evidence::age && r.person == Evidence::none) {
            r.person = ev;
            r.person_rule = "context:age";
        } else if (org) {
            r.org = true;
            r.org_kind = *org;
            r.org_rule = "pattern:appositive";
        }
    }
    {
        std::size_t k = a;
        if (k + 1 < se && punct(k, "'") && fw(k + 1) == "s") k += 2;
        if (k + 2 < se && punct(k, "(") && all_caps(k + 1) && punct(k + 2, ")"))
            r.acronym = std::string(orig(k + 1));
    }
    return r;
}

void Finder::add_mention(NewActor& a, std::size_t b, std::size_t e, const std::string& rule) {
    const Span span = span_of(b, e);
    for (const Mention& m : a.actor.mentions)
        if (m.span == span) return;
    Mention m;
    m.span = span;
    m.sentence = sentence_at(sentences_, span.begin);
    m.text = text_of(b, e);
    m.rule = rule;
    if (m.text != a.actor.name &&
        std::find(a.actor.aliases.begin(), a.actor.aliases.end(), m.text) == a.actor.aliases.end())
        a.actor.aliases.push_back(m.text);
    a.actor.mentions.push_back(std::move(m));
}

NewActor& Finder::person(const Unit& u, const std::string& rule) {
    const std::string key = unit_key(u);
    NewActor& p = people_[key];
    if (p.key.empty()) {
        p.key = key;
        p.actor.name = unit_name(u);
        p.actor.kind = ActorKind::person;
        p.actor.id = "person:" + id_slug(p.actor.name);
        p.actor.rule = rule;
    }
    add_mention(p, u.b, u.e, rule);
    if (u.nick_e > u.nick_b + 2) {
        const std::string nickname = clean_name(text_of(u.nick_b + 1, u.nick_e - 1));
        if (std::find(p.actor.aliases.begin(), p.actor.aliases.end(), nickname) ==
            p.actor.aliases.end())
            p.actor.aliases.push_back(nickname);
    }
    return p;
}

NewActor& Finder::organisation(const Unit& u, ActorKind kind, const std::string& rule) {
    const std::string key = unit_key(u);
    NewActor& o = orgs_[key];
    if (o.key.empty()) {
        o.key = key;
        o.actor.name = unit_name(u);
        o.actor.kind = kind;
        const char* prefix = kind == ActorKind::group        ? "group:"
                             : kind == ActorKind::government ? "gov:"
                                                             : "org:";
        std::string id = prefix + id_slug(o.actor.name);
        if (names_.find_id(id)) id += "-2";  // a lexicon entity of another name holds it
        o.actor.id = id;
        o.actor.rule = rule;
        for (std::size_t i = u.b; i < u.e; ++i)
            if (t_[i].word && !is_article(fw(i)) && !is_weak_connector(fw(i)) && fw(i) != "and" &&
                !is_particle(fw(i)) && !possessive_s(i))
                o.words.emplace_back(fw(i));
    }
    add_mention(o, u.b, u.e, rule);
    return o;
}

void Finder::run() {
    if ((style_ != CaseStyle::mixed && !upper_) || t_.empty()) return;  // no name signal
    index_tokens();
    find_units();
    readings_.reserve(units_.size());
    for (const Unit& u : units_) readings_.push_back(read(u));

    // 1. Organisations by head word, appositive or acronym; people by context.
    std::vector<std::size_t> single_people;
    for (std::size_t k = 0; k < units_.size(); ++k) {
        const Unit& u = units_[k];
        const Reading& r = readings_[k];
        if (!u.founding) continue;
        const std::string key = unit_key(u);
        if (key_words(key) == 1 && lex_.stopwords.count(key)) continue;
        if (!u.has_title) {
            if (const auto head = org_head_kind(u)) {
                if (u.after_lexicon && head->suffix) continue;  // "Acme Inc." is the lexicon's Acme
                // "United Nations Office on Drugs": a body named after a known organisation.
                Unit named = u;
                if (u.after_lexicon) named.b = u.lexicon_b;
                NewActor& o = organisation(named, head->kind, "pattern:head:" + head->word);
                if (!r.acronym.empty() && acronym_of(r.acronym, named.b, named.e))
                    acronyms_[r.acronym] = o.actor.id;
                continue;
            }
        }
        // "A group calling itself X", "The X Nuclei claimed responsibility": whoever claims
        // an attack, named as a body rather than a person, is an armed group.
        if (!u.has_title && (r.person == Evidence::none || r.person == Evidence::speech) &&
            !r.org && org_head_kind(u) == std::nullopt &&
            (self_named(u.b) ||
             (claims_after(u.e) && u.b > 1 && fw(u.b - 1) == "the" && key_words(key) >= 2 &&
              fw(u.b - 2) != "himself" && fw(u.b - 2) != "herself"))) {
            organisation(u, ActorKind::group, "pattern:claimant");
            continue;
        }
        const bool personal = r.person != Evidence::none && person_shape(u, r.person);
        if (!personal && !u.has_title && r.acronym.size() >= 3 && acronym_of(r.acronym, u.b, u.e) &&
            key_words(unit_key(u)) >= 2 && !place_owner(u.b)) {
            NewActor& o =
                organisation(u, r.org ? r.org_kind : ActorKind::organization, "pattern:acronym");
            acronyms_[r.acronym] = o.actor.id;
            continue;
        }
        if (!personal && r.org && !u.has_title && !place_owner(u.b)) {
            organisation(u, r.org_kind, r.org_rule);
            continue;
        }
        if (!personal) continue;
        if (key_words(unit_key(u)) == 1 && r.person != Evidence::title) {
            single_people.push_back(k);  // decided once every full name is known
            continue;
        }
        person(u, r.person_rule);
    }
    // 2. A one-word name with a speech verb is a surname met in full, or a person of one name.
    for (std::size_t k : single_people) {
        const std::string key = unit_key(units_[k]);
        bool known = false;
        for (const auto& [full, p] : people_) {
            const std::size_t space = full.rfind(' ');
            if (space != std::string::npos && full.substr(space + 1) == key) known = true;
        }
        if (!known) person(units_[k], readings_[k].person_rule);
    }
    resolve();
    resolve_acronyms();
    make_roles();
    finish();
}

/// Every unit naming a known person or organisation, by full name or by surname, becomes a
/// mention of it; title and appositive roles are requested for the person.
void Finder::resolve() {
    // Surnames: every proper tail of a full name ("Molina", "Perez Molina", "al Baghdadi"), and
    // of a name of three words or more its first surname too ("Perez" of "Otto Perez Molina").
    std::map<std::string, std::set<std::string>> surnames;  // surname -> full keys
    for (const auto& [key, p] : people_) {
        std::vector<std::string> words;
        for (std::size_t start = 0;;) {
            const std::size_t space = key.find(' ', start);
            words.push_back(
                key.substr(start, space == std::string::npos ? std::string::npos : space - start));
            if (space == std::string::npos) break;
            start = space + 1;
        }
        if (words.size() < 2) continue;
        std::string tail;
        for (std::size_t i = words.size(); i-- > 1;) {
            tail = tail.empty() ? words[i] : words[i] + " " + tail;
            if (!is_particle(words[i])) surnames[tail].insert(key);
        }
        if (words.size() >= 3 && !is_particle(words[words.size() - 2]))
            surnames[words[words.size() - 2]].insert(key);
    }
    for (std::size_t k = 0; k < units_.size(); ++k) {
        const Unit& u = units_[k];
        const Reading& r = readings_[k];
        const std::string key = unit_key(u);
        if (orgs_.count(key)) {
            organisation(u, orgs_[key].actor.kind, "resolve:name");
            continue;
        }
        std::string target;
        std::string rule = "resolve:name";
        if (people_.count(key)) {
            target = key;
        } else if (const auto s = surnames.find(key);
                   s != surnames.end() && s->second.size() == 1) {
            // A surname alone that a place or lexicon entry also claims stays theirs.
            bool claimed = true;
            for (std::size_t i = u.b; i < u.e; ++i)
                if (t_[i].word && owner_[i] < 0) claimed = false;
            if (claimed && r.person == Evidence::none) continue;
            target = *s->second.begin();
            rule = "resolve:surname";
        }
        if (target.empty()) continue;
        NewActor& p = people_[target];
        add_mention(p, u.b, u.e, rule);
        if (!u.article) continue;
        if (u.has_title && !u.title.empty()) {
            RoleRequest req;
            req.person = target;
            req.b = u.title_b;
            req.e = u.title_e;
            req.title = u.title;
            req.former = u.former;
            req.qualifier_b = u.qualifier_b;
            req.qualifier_e = u.qualifier_e;
            roles_.push_back(req);
        } else if (r.lower_title) {
            RoleRequest req;
            req.person = target;
            req.b = r.lower_title->first;
            req.e = r.lower_title->second;
            req.title = r.lower_title_text;
            req.former = r.lower_title_former;
            roles_.push_back(req);
        }
        if (r.affiliation) {
            RoleRequest req;
            req.person = target;
            req.affiliation = true;
            req.qualifier_b = r.affiliation->first;
            req.qualifier_e = r.affiliation->second;
            roles_.push_back(req);
        }
        if (r.appositive) {
            // Conjuncts joined by "and" are separate roles when the later one names a role.
            std::vector<std::pair<std::size_t, std::size_t>> parts;
            std::size_t start = r.appositive->first;
            for (std::size_t i = start; i < r.appositive->second; ++i) {
                if (!(lower(i) && fw(i) == "and")) continue;
                bool role_follows = false;
                for (std::size_t j = i + 1; j < r.appositive->second; ++j) {
                    const TitleWord* tw = nullptr;
                    const std::size_t te = match_forward(lex_.titles, j, r.appositive->second, &tw);
                    if (tw != nullptr && te > j && tw->role && (lower(j) || tw->cased))
                        role_follows = true;
                    if (lower(j) && fw(j) == "and") break;
                }
                if (!role_follows) continue;
                parts.emplace_back(start, i);
                start = i + 1;
            }
            parts.emplace_back(start, r.appositive->second);
            for (const auto& [pb, pe] : parts) {
                if (pb >= pe) continue;
                RoleRequest req;
                req.person = target;
                req.b = pb;
                req.e = pe;
                roles_.push_back(req);
            }
        }
    }
}

/// Parenthesised acronyms name their expansion everywhere in the document; an acronym in
/// capitals that spells a pattern organisation's initials names it too.
void Finder::resolve_acronyms() {
    // Acronyms after a lexicon name ("the Foo Front (FF)") where only the name is known.
    for (std::size_t k = 0; k < known_.size(); ++k) {
        const KnownMention& m = known_[k];
        if (m.place) continue;
        const auto after =
            std::lower_bound(t_.begin(), t_.end(), m.span.end,
                             [](const Token& t, std::uint32_t o) { return t.span.begin < o; });
        std::size_t i = static_cast<std::size_t>(after - t_.begin());
        std::size_t b = i;
        while (b > 0 && t_[b - 1].span.begin >= m.span.begin) --b;
        if (i + 1 < t_.size() && punct(i, "'") && fw(i + 1) == "s") i += 2;
        if (i + 2 < t_.size() && punct(i, "(") && all_caps(i + 1) && punct(i + 2, ")") &&
            usable_[i + 1] &&
            acronym_of(orig(i + 1), b, static_cast<std::size_t>(after - t_.begin())))
            acronyms_.emplace(std::string(orig(i + 1)), actors_[m.actor].id);
    }
    std::map<std::string, NewActor*> by_id;
    for (auto& [key, o] : orgs_) by_id[o.actor.id] = &o;
    for (std::size_t i = 0; i < t_.size(); ++i) {
        if (!usable_[i] || !all_caps(i)) continue;
        const std::string form(orig(i));
        std::string id;
        if (const auto a = acronyms_.find(form); a != acronyms_.end()) {
            id = a->second;
        } else if (form.size() >= 3 && owner_[i] < 0) {
            std::string letters = std::string(fw(i));
            for (auto& [key, o] : orgs_) {
                std::string initials;
                for (const std::string& w : o.words) initials += w[0];
                if (o.words.size() >= 3 && initials == letters) id = o.actor.id;
            }
        }
        if (id.empty()) continue;
        if (owner_[i] >= 0) {
            // The acronym is a lexicon name: a pattern expansion of it joins the lexicon actor.
            Actor& lexical = actors_[known_[static_cast<std::size_t>(owner_[i])].actor];
            const auto o = by_id.find(id);
            if (o != by_id.end() && lexical.kind != ActorKind::place) {
                for (Mention& m : o->second->actor.mentions) {
                    m.rule = "resolve:acronym:" + form;
                    if (std::find(lexical.aliases.begin(), lexical.aliases.end(), m.text) ==
                            lexical.aliases.end() &&
                        m.text != lexical.name)
                        lexical.aliases.push_back(m.text);
                    lexical.mentions.push_back(std::move(m));
                }
                o->second->actor.mentions.clear();
            }
            continue;
        }
        if (const auto o = by_id.find(id); o != by_id.end()) {
            add_mention(*o->second, i, i + 1, "resolve:acronym");
            continue;
        }
        for (Actor& a : actors_) {
            if (a.id != id) continue;
            Mention m;
            m.span = t_[i].span;
            m.sentence = sentence_at(sentences_, m.span.begin);
            m.text = form;
            m.rule = "resolve:acronym";
            if (std::find(a.aliases.begin(), a.aliases.end(), form) == a.aliases.end())
                a.aliases.push_back(form);
            a.mentions.push_back(std::move(m));
        }
    }
}

/// The organisation (any actor but a person) named inside tokens [b, e): the last non-place
/// one, else the last place. Returns its id and token range, or an empty id.
std::string Finder::organisation_at(std::size_t b, std::size_t e, std::size_t* mb, std::size_t* me,
                                    bool* place_out) const {
    const Span span = span_of(b, e);
    std::string best;
    bool best_place = true;
    Span best_span{};
    const auto consider = [&](const Actor& a, const Mention& m) {
        if (a.kind == ActorKind::person || m.span.begin < span.begin || m.span.end > span.end)
            return;
        const bool place = a.kind == ActorKind::place;
        if (!best.empty() && !best_place && place) return;
        if (!best.empty() && best_place == place && m.span.begin < best_span.begin) return;
        best = a.id;
        best_place = place;
        best_span = m.span;
    };
    for (const Actor& a : actors_)
        for (const Mention& m : a.mentions) consider(a, m);
    for (const auto& [key, o] : orgs_)
        for (const Mention& m : o.actor.mentions) consider(o.actor, m);
    if (place_out != nullptr) *place_out = best_place;
    if (!best.empty()) {
        *mb = b;
        while (*mb < e && t_[*mb].span.begin < best_span.begin) ++*mb;
        *me = *mb;
        while (*me < e && t_[*me].span.end <= best_span.end) ++*me;
    }
    return best;
}

void Finder::role_from_phrase(NewActor& p, std::size_t b, std::size_t e, bool former) {
    // Drop the article and modifiers that say nothing of the role; keep "deputy", "senior".
    while (b < e && (!t_[b].word || is_determiner(fw(b)))) ++b;
    while (b < e) {
        const TitleWord* tw = nullptr;
        const std::size_t te = match_forward(lex_.titles, b, e, &tw);
        if (tw == nullptr || te == b || !tw->former) break;
        former = true;
        b = te;
        while (b < e && !t_[b].word) ++b;
    }
    if (b >= e) return;
    Role role;
    role.former = former;
    role.span = span_of(b, e);
    std::size_t mb = 0, me = 0;
    role.organization = organisation_at(b, e, &mb, &me);
    std::size_t tb = b, te = e;
    if (!role.organization.empty()) {
        std::size_t before = mb;
        while (before > b && t_[before - 1].word && fw(before - 1) == "the") --before;
        if (before > b && t_[before - 1].word && is_role_preposition(fw(before - 1))) {
            te = before - 1;  // "director of research at Flashpoint"
        } else if (mb == b || me < e) {
            tb = me;  // "Flashpoint's director", "a State Department official"
            if (tb + 1 < e && punct(tb, "'") && fw(tb + 1) == "s") tb += 2;
        }
    }
    while (tb < te && !t_[tb].word) ++tb;
    while (te > tb && !t_[te - 1].word) --te;
    role.title = tb < te ? text_of(tb, te) : text_of(b, e);
    for (const Role& r : p.actor.roles)
        if (r.title == role.title && r.organization == role.organization) return;
    p.actor.roles.push_back(std::move(role));
}

void Finder::make_roles() {
    for (const RoleRequest& req : roles_) {
        NewActor& p = people_[req.person];
        if (req.affiliation) {
            std::size_t mb = 0, me = 0;
            bool place = true;
            Role role;
            role.organization = organisation_at(req.qualifier_b, req.qualifier_e, &mb, &me, &place);
            role.span = span_of(req.qualifier_b, req.qualifier_e);
            bool duplicate = role.organization.empty() || place;
            for (const Role& r : p.actor.roles)
                duplicate = duplicate || r.organization == role.organization;
            if (!duplicate) p.actor.roles.push_back(std::move(role));
            continue;
        }
        if (req.title.empty()) {
            role_from_phrase(p, req.b, req.e, req.former);
            continue;
        }
        Role role;
        role.title = req.title;
        role.former = req.former;
        role.span = span_of(req.qualifier_e > req.qualifier_b ? req.qualifier_b : req.b, req.e);
        std::size_t mb = 0, me = 0;
        if (req.qualifier_e > req.qualifier_b) {
            role.organization = organisation_at(req.qualifier_b, req.qualifier_e, &mb, &me);
        } else if (req.b > 0) {
            // "Flashpoint director Jo Bloggs", "the Acme Institute's director Jo Bloggs".
            std::size_t end = req.b;
            if (end >= 2 && fw(end - 1) == "s" && punct(end - 2, "'")) end -= 2;
            for (std::size_t start = end; start > 0 && end - start < 8; --start) {
                std::size_t b2 = 0, e2 = 0;
                const std::string id = organisation_at(start - 1, end, &b2, &e2);
                if (!id.empty() && e2 == end && b2 == start - 1) {
                    role.organization = id;
                    role.span.begin = t_[start - 1].span.begin;
                    break;
                }
            }
        }
        bool duplicate = false;
        for (const Role& r : p.actor.roles)
            duplicate = duplicate || (r.title == role.title && r.organization == role.organization);
        if (!duplicate) p.actor.roles.push_back(std::move(role));
    }
}

/// Drops gazetteer place mentions inside the new names, and appends the new actors.
bool Finder::claims_after(std::size_t after) const {
    std::size_t i = after;
    // "X militants claimed", "X (XY) both claimed", "X has claimed".
    if (i < t_.size() && t_[i].word &&
        (fw(i) == "militants" || fw(i) == "rebels" || fw(i) == "members" || fw(i) == "both" ||
         fw(i) == "jointly" || fw(i) == "also" || fw(i) == "later"))
        ++i;
    if (i < t_.size() && t_[i].word && (fw(i) == "has" || fw(i) == "have" || fw(i) == "had")) ++i;
    if (i >= t_.size() || !t_[i].word ||
        !(fw(i) == "claimed" || fw(i) == "claims" || fw(i) == "took" || fw(i) == "accepted" ||
          fw(i) == "assumed"))
        return false;
    for (std::size_t j = i + 1; j < t_.size() && j < i + 4; ++j)
        if (fw(j) == "responsibility" || fw(j) == "credit") return true;
    return false;
}

bool Finder::self_named(std::size_t first) const {
    std::size_t k = first;
    if (k > 0 && fw(k - 1) == "the") --k;
    if (k < 3) return false;
    const std::string_view a = fw(k - 1), b = fw(k - 2);
    // "sources attributed the attack to the X": coders name X the perpetrator.
    if (a == "to" && k < first && k >= 4 &&
        (fw(k - 3) == "attributed" || fw(k - 4) == "attributed" ||
         (k >= 5 && fw(k - 5) == "attributed")))
        return true;
    if ((a == "itself" || a == "themselves") && (b == "calling" || b == "calls" || b == "called"))
        return true;
    const bool naming = a == "named" || a == "called" || (a == "as" && b == "known");
    if (!naming) return false;
    for (std::size_t j = k - 1; j > 0 && k - j < 4; --j) {
        const std::string_view w = fw(j - 1);
        if (w == "group" || w == "organization" || w == "organisation" || w == "cell" ||
            w == "movement" || w == "faction" || w == "outfit")
            return true;
    }
    return false;
}

void Finder::finish() {
    // A pattern organisation that claims an attack ("the Acme Union claimed responsibility")
    // is an armed group; governments stay governments.
    for (auto& [key, a] : orgs_) {
        if (a.actor.kind != ActorKind::organization || a.actor.id.rfind("org:", 0) != 0) continue;
        const bool claims = std::any_of(
            a.actor.mentions.begin(), a.actor.mentions.end(), [&](const Mention& m) {
                std::size_t after = token_at(m.span.end);
                // "the Acme Union (AU) claimed": skip a bracketed acronym.
                if (after + 2 < t_.size() && punct(after, "(") && punct(after + 2, ")"))
                    after += 3;
                return claims_after(after) || self_named(token_at(m.span.begin));
            });
        if (!claims) continue;
        std::string id = "group:" + a.actor.id.substr(4);
        if (names_.find_id(id)) continue;  // a lexicon group of another name holds the slug
        a.actor.kind = ActorKind::group;
        a.actor.id = std::move(id);
        a.actor.rule += " + pattern:claimant";
    }
    std::vector<Span> names;
    for (const auto* group : {&people_, &orgs_})
        for (const auto& [key, a] : *group)
            for (const Mention& m : a.actor.mentions) names.push_back(m.span);
    for (Actor& a : actors_) {
        if (a.kind != ActorKind::place) continue;
        a.mentions.erase(std::remove_if(a.mentions.begin(), a.mentions.end(),
                                        [&](const Mention& m) {
                                            return std::any_of(
                                                names.begin(), names.end(), [&](const Span& s) {
                                                    return s.begin <= m.span.begin &&
                                                           m.span.end <= s.end && !(s == m.span);
                                                });
                                        }),
                         a.mentions.end());
    }
    for (auto* group : {&people_, &orgs_})
        for (auto& [key, a] : *group) {
            if (a.actor.mentions.empty()) continue;
            // Two names with one slug ("U.S. Army", "US Army") are one actor.
            const std::string& id = a.actor.id;  // clang 14 cannot capture a structured binding
            auto same = std::find_if(actors_.begin(), actors_.end(),
                                     [&](const Actor& x) { return x.id == id; });
            if (same == actors_.end()) {
                actors_.push_back(std::move(a.actor));
                continue;
            }
            for (Mention& m : a.actor.mentions) same->mentions.push_back(std::move(m));
            for (Role& r : a.actor.roles) same->roles.push_back(std::move(r));
        }
    actors_.erase(std::remove_if(actors_.begin(), actors_.end(),
                                 [](const Actor& a) { return a.mentions.empty(); }),
                  actors_.end());
    for (Actor& a : actors_) {
        std::sort(a.mentions.begin(), a.mentions.end(),
                  [](const Mention& x, const Mention& y) { return x.span.begin < y.span.begin; });
        a.mentions.erase(
            std::unique(a.mentions.begin(), a.mentions.end(),
                        [](const Mention& x, const Mention& y) { return x.span == y.span; }),
            a.mentions.end());
    }
}

}  // namespace

std::string word_key(std::string_view words) {
    const FoldedText f = fold(words);
    std::string key;
    for (const Token& t : tokenize(f)) {
        if (!t.word) continue;
        if (!key.empty()) key += ' ';
        key.append(f.text, t.fbegin, t.fend - t.fbegin);
    }
    return key;
}

std::string id_slug(std::string_view name) {
    const std::string f = fold_string(name);
    std::string out;
    bool gap = false;
    for (std::size_t pos = 0; pos < f.size();) {
        const std::size_t start = pos;
        const char32_t cp = next_code_point(f, pos);
        if (cp == '.' || cp == '\'') continue;
        if (!is_alnum_cp(cp)) {
            gap = true;
            continue;
        }
        if (gap && !out.empty()) out += '-';
        gap = false;
        out.append(f, start, pos - start);
    }
    return out;
}

PeopleLexicon load_people_lexicon(const std::string& data_dir) {
    PeopleLexicon lex;
    load_titles(lex, data_dir + "/titles.tsv");
    load_speech_verbs(lex, data_dir + "/speech_verbs.tsv");
    load_org_heads(lex, data_dir + "/org_heads.tsv");
    load_stopwords(lex, data_dir + "/name_stopwords.tsv");
    return lex;
}

void find_people_and_organizations(const AnalysedText& text, const PeopleLexicon& lexicon,
                                   const Gazetteer& names, std::vector<Actor>& actors) {
    Finder(text, lexicon, names, actors).run();
}

}  // namespace ekg::extract
