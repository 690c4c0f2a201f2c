#include "claims.h"

#include <algorithm>
#include <optional>
#include <set>
#include <sstream>

#include "actors.h"
#include "error.h"
#include "figures.h"
#include "resources.h"

namespace ekg::extract {
namespace {

constexpr double kTeaserFactor = 0.6;  // a teaser headline still speaks for the source, less surely

std::string cue_source(const std::string& path, std::size_t line) {
    const std::size_t slash = path.find_last_of('/');
    return (slash == std::string::npos ? path : path.substr(slash + 1)) + ":" + std::to_string(line);
}

/// One mention of an actor that may speak or claim.
struct MentionRef {
    Span span;
    std::size_t first = 0, last = 0;  ///< token range [first, last)
    const Actor* actor = nullptr;
    std::string text;
};

/// A quotation: the bytes between its marks.
struct Quote {
    Span inner;                      ///< text between the marks
    std::size_t open = 0, close = 0; ///< byte offsets of the marks (close = end when open-ended)
    std::size_t paragraph = 0;
    bool open_ended = false;  ///< no closing mark before the paragraph ends
    bool continues = false;   ///< opens a paragraph right after an open-ended quote
};

bool speaker_kind(ActorKind k) { return k != ActorKind::place && k != ActorKind::other; }

class ClaimFinder {
public:
    ClaimFinder(const AnalysedText& t, const Resources& r, const std::vector<Actor>& actors,
                std::vector<Event>& events)
        : t_(t), r_(r), events_(events), w_(t.document.text, t.folded, t.tokens) {
        const std::string& text = t.document.text;
        // Sentence of each token.
        tok_sentence_.assign(t.tokens.size(), 0);
        std::size_t s = 0;
        for (std::size_t i = 0; i < t.tokens.size(); ++i) {
            while (s + 1 < t.sentences.size() && t.sentences[s].span.end <= t.tokens[i].span.begin) ++s;
            tok_sentence_[i] = static_cast<std::uint32_t>(s);
        }
        // Paragraphs: the lines that hold more than space.
        for (std::size_t b = 0; b < text.size();) {
            std::size_t e = text.find('\n', b);
            if (e == std::string::npos) e = text.size();
            if (text.find_first_not_of(" \t\r", b) < e) para_start_.push_back(b), para_end_.push_back(e);
            b = e + 1;
        }
        if (para_start_.empty()) para_start_.push_back(0), para_end_.push_back(text.size());
        // Mentions that may speak, by token.
        tok_mention_.assign(t.tokens.size(), -1);
        for (const Actor& a : actors) {
            for (const Mention& m : a.mentions) {
                MentionRef ref{m.span, 0, 0, &a, m.text};
                auto lo = std::lower_bound(t.tokens.begin(), t.tokens.end(), m.span.begin,
                                           [](const Token& k, std::uint32_t b) { return k.span.end <= b; });
                ref.first = static_cast<std::size_t>(lo - t.tokens.begin());
                ref.last = ref.first;
                while (ref.last < t.tokens.size() && t.tokens[ref.last].span.begin < m.span.end) ++ref.last;
                if (ref.first == ref.last) continue;
                mentions_.push_back(ref);
            }
        }
        std::sort(mentions_.begin(), mentions_.end(),
                  [](const MentionRef& a, const MentionRef& b) { return a.span.begin < b.span.begin; });
        for (std::size_t m = 0; m < mentions_.size(); ++m)
            for (std::size_t i = mentions_[m].first; i < mentions_[m].last; ++i)
                if (tok_mention_[i] < 0) tok_mention_[i] = static_cast<int>(m);
        used_.assign(t.tokens.size(), false);
    }

    std::vector<Claim> run() {
        find_quotes();
        find_cues();
        find_statements();
        std::stable_sort(claims_.begin(), claims_.end(),
                         [](const Claim& a, const Claim& b) { return a.span.begin < b.span.begin; });
        for (std::size_t i = 0; i < claims_.size(); ++i)
            claims_[i].id = t_.document.id + ":c" + std::to_string(i + 1);
        return std::move(claims_);
    }

    /// The actors the claims name that find_actors did not have; call after run().
    std::vector<Actor> take_added() { return std::move(added_); }

private:
    std::size_t paragraph_of(std::size_t byte) const {
        const auto it = std::upper_bound(para_start_.begin(), para_start_.end(), byte);
        return it == para_start_.begin() ? 0 : static_cast<std::size_t>(it - para_start_.begin()) - 1;
    }
    /// First token starting at or after byte b.
    std::size_t token_at(std::size_t b) const {
        auto it = std::lower_bound(t_.tokens.begin(), t_.tokens.end(), b,
                                   [](const Token& k, std::size_t x) { return k.span.begin < x; });
        return static_cast<std::size_t>(it - t_.tokens.begin());
    }
    bool boilerplate(std::size_t tok) const {
        const std::uint32_t s = tok < tok_sentence_.size() ? tok_sentence_[tok] : 0;
        return s < t_.sentences.size() && t_.sentences[s].boilerplate;
    }
    const MentionRef* speaker_at(std::size_t tok) const {
        if (tok >= tok_mention_.size() || tok_mention_[tok] < 0) return nullptr;
        const MentionRef& m = mentions_[static_cast<std::size_t>(tok_mention_[tok])];
        return speaker_kind(m.actor->kind) ? &m : nullptr;
    }

    /// The speech verb starting at token i: its length in tokens and position, longest first.
    std::optional<std::pair<std::size_t, SpeechPosition>> speech_verb(std::size_t i) const {
        const auto& verbs = r_.people.speech_verbs;
        std::string key;
        std::uint64_t h = FingerprintSet::start();
        std::optional<std::pair<std::size_t, SpeechPosition>> best;
        for (std::size_t n = 0; n < r_.people.max_words && i + n < w_.size(); ++n) {
            if (!t_.tokens[i + n].word) break;
            if (n) h = FingerprintSet::extend(h, ' ');
            h = FingerprintSet::extend(h, w_[i + n]);
            // No speech verb goes on this way: most words stop here, before any key is built.
            if (!r_.people.speech_prefixes.contains(FingerprintSet::finish(h))) break;
            if (n) key += ' ';
            key += w_[i + n];
            auto it = verbs.find(key);
            if (it != verbs.end()) best = std::make_pair(n + 1, it->second);
        }
        return best;
    }
    bool adverb(std::size_t i) const {
        auto v = speech_verb(i);
        return (v && v->second == SpeechPosition::adverb) ||
               w_.any(i, {"also", "has", "have", "had", "later", "then", "further", "previously"});
    }

    /// The speaker of a speech verb at [vb, ve): a mention just before (adverbs between, or an
    /// appositive set off by commas) or just after it. `lo`/`hi` bound the search.
    const MentionRef* speaker_of(std::size_t vb, std::size_t ve, SpeechPosition pos, std::size_t lo,
                                 std::size_t hi, std::string& how) const {
        if (pos == SpeechPosition::adverb) return nullptr;
        auto before = [&]() -> const MentionRef* {
            if (pos == SpeechPosition::before || pos == SpeechPosition::source || vb <= lo) return nullptr;
            std::size_t k = vb - 1;
            for (int skip = 0; skip < 2 && k > lo && adverb(k); ++skip) --k;
            if (const MentionRef* m = speaker_at(k)) {
                how = "speaker-verb";
                return m;
            }
            // "X, a former official of Y, believes": an appositive between commas.
            if (!w_.is(k, ",")) return nullptr;
            const std::uint32_t s = tok_sentence_[k];
            for (std::size_t j = k; j > lo && j + 40 > k; --j) {
                if (tok_sentence_[j - 1] != s) break;
                if (!w_.is(j - 1, ",") || j - 1 == k) continue;
                if (j >= 2) {
                    if (const MentionRef* m = speaker_at(j - 2); m && m->first >= lo) {
                        how = "speaker-appositive-verb";
                        return m;
                    }
                }
                break;
            }
            return nullptr;
        };
        auto after = [&]() -> const MentionRef* {
            if (pos == SpeechPosition::after || ve >= hi) return nullptr;
            std::size_t k = ve;
            if (k < hi && w_.any(k, {"the"})) ++k;
            // Not a possessive: "believes ISIS's days are over" names no speaker.
            const MentionRef* m = speaker_at(k);
            if (m == nullptr || m->first < ve || (w_.is(m->last, "'") && w_.is(m->last + 1, "s"))) return nullptr;
            how = pos == SpeechPosition::source ? "according-to" : "verb-speaker";
            return m;
        };
        // "..., admits X": after a comma the speaker follows the verb; otherwise the speaker
        // before the verb comes first ("X, a former official, believes Y ...").
        if (vb > lo && w_.is(vb - 1, ",")) {
            if (const MentionRef* m = after()) return m;
        }
        if (const MentionRef* m = before()) return m;
        return after();
    }

    /// Looks for an attribution in tokens [lo, hi), nearest to `anchor` first.
    struct Attribution {
        const MentionRef* speaker = nullptr;
        std::size_t verb = 0, verb_end = 0;
        std::string how;
        bool pronoun = false;
    };
    std::optional<Attribution> attribution(std::size_t lo, std::size_t hi, bool forward) const {
        std::vector<std::size_t> order;
        for (std::size_t i = lo; i < hi; ++i) order.push_back(i);
        if (!forward) std::reverse(order.begin(), order.end());
        std::size_t seen = 0;
        for (std::size_t i : order) {
            if (!t_.tokens[i].word) continue;
            if (++seen > 8) break;
            auto v = speech_verb(i);
            if (!v || v->second == SpeechPosition::adverb) continue;
            Attribution a;
            a.verb = i;
            a.verb_end = i + v->first;
            if ((a.speaker = speaker_of(i, i + v->first, v->second, lo, hi, a.how))) return a;
            if ((i > lo && w_.any(i - 1, {"he", "she"})) || (i + 1 < hi && w_.any(i + 1, {"he", "she"}))) {
                a.pronoun = true;
                a.how = "pronoun";
                return a;
            }
        }
        return std::nullopt;
    }

    void find_quotes() {
        const std::string& text = t_.document.text;
        std::vector<Quote> quotes;
        std::optional<std::size_t> open;
        auto close_at = [&](std::size_t close, std::size_t end, bool open_ended) {
            Quote q;
            q.open = *open;
            q.close = close;
            q.paragraph = paragraph_of(*open);
            q.open_ended = open_ended;
            const std::size_t mark = text.compare(*open, 3, "\xE2\x80\x9C") == 0 ? 3 : 1;
            q.inner = {static_cast<std::uint32_t>(*open + mark), static_cast<std::uint32_t>(end)};
            while (q.inner.end > q.inner.begin && (text[q.inner.end - 1] == ' ' || text[q.inner.end - 1] == '\r'))
                --q.inner.end;
            // An open-ended quote runs on into a quote that opens the next paragraph.
            q.continues = !quotes.empty() && quotes.back().open_ended &&
                          quotes.back().paragraph + 1 == q.paragraph &&
                          text.find_first_not_of(" \t", para_start_[q.paragraph]) == q.open;
            quotes.push_back(q);
            open.reset();
        };
        for (std::size_t i = 0; i < text.size(); ++i) {
            const char c = text[i];
            if (c == '\n') {
                if (open) close_at(i, i, true);  // no closing mark in its paragraph
                continue;
            }
            const bool straight = c == '"';
            if (!straight && c != '\xE2') continue;  // every quotation mark starts so
            const bool curly_open = !straight && text.compare(i, 3, "\xE2\x80\x9C") == 0;
            const bool curly_close = !straight && text.compare(i, 3, "\xE2\x80\x9D") == 0;
            if (!curly_open && !curly_close && !straight) continue;
            if (!open && (curly_open || straight)) {
                open = i;
            } else if (open && (curly_close || straight)) {
                close_at(i, i, false);
            } else if (open && curly_open) {
                open = i;  // an unbalanced opening mark: start again here
            }
            if (curly_open || curly_close) i += 2;
        }
        if (open) close_at(text.size(), text.size(), true);

        const MentionRef* last_speaker = nullptr;
        std::size_t last_para = SIZE_MAX;
        for (std::size_t qi = 0; qi < quotes.size(); ++qi) {
            const Quote& q = quotes[qi];
            const std::size_t tb = token_at(q.inner.begin), te = token_at(q.inner.end);
            std::size_t words = 0;
            for (std::size_t i = tb; i < te; ++i) words += t_.tokens[i].word ? 1 : 0;
            const std::size_t pstart = para_start_[q.paragraph];
            // Tokens after the quote up to the next quote or the paragraph's end, and before it
            // back to the previous quote or the paragraph's start.
            const std::size_t after_lo = token_at(q.close + 1);
            std::size_t after_hi = token_at(para_end_[q.paragraph]);
            if (qi + 1 < quotes.size()) after_hi = std::min(after_hi, token_at(quotes[qi + 1].open));
            std::size_t before_lo = token_at(pstart);
            if (qi > 0 && quotes[qi - 1].close >= pstart) before_lo = std::max(before_lo, token_at(quotes[qi - 1].close + 1));
            const std::size_t before_hi = token_at(q.open);
            std::optional<Attribution> a;
            if (!q.open_ended || after_lo < after_hi) a = attribution(after_lo, after_hi, true);
            if (!a || !a->speaker) {
                auto b = attribution(before_lo, before_hi, false);
                if (b && (b->speaker || !a)) a = b;
            }
            Claim c;
            c.kind = ClaimKind::quote;
            c.span = q.inner;
            c.text = text.substr(q.inner.begin, q.inner.end - q.inner.begin);
            const MentionRef* speaker = nullptr;
            // A quote takes over the last speaker when it opens its paragraph or shares one with it.
            const bool opens_paragraph = text.find_first_not_of(" \t", para_start_[q.paragraph]) == q.open;
            const bool follows = last_speaker && (last_para == q.paragraph ||
                                                  (last_para + 1 == q.paragraph && opens_paragraph));
            if (a && a->speaker) {
                speaker = a->speaker;
                c.rule = "claims:quote:" + a->how;
                c.confidence = 0.9;
                for (std::size_t i = a->verb; i < a->verb_end; ++i) used_[i] = true;
            } else if (q.continues && follows) {
                speaker = last_speaker;
                c.rule = "claims:quote:continued";
                c.confidence = 0.8;
            } else if (follows && (!a || a->pronoun)) {
                speaker = last_speaker;
                c.rule = a ? "claims:quote:pronoun" : "claims:quote:same-speaker";
                c.confidence = 0.7;
            } else if (const MentionRef* near = person_just_before(before_lo, before_hi)) {
                speaker = near;  // "what X describes as “...”"
                c.rule = "claims:quote:person-before";
                c.confidence = 0.6;
            } else {
                if (words < 4) continue;  // scare quotes and titles, not speech
                c.rule = "claims:quote:unattributed";
                c.confidence = 0.5;
            }
            if (speaker == nullptr && words < 4) continue;
            if (a && a->pronoun)
                for (std::size_t i = a->verb; i < a->verb_end; ++i) used_[i] = true;
            if (speaker) {
                c.speaker = speaker->actor->id;
                last_speaker = speaker;
                last_para = q.paragraph;
            } else {
                last_speaker = nullptr;
            }
            for (std::size_t i = tb; i < te; ++i) used_[i] = true;
            if (boilerplate(tb)) c.confidence *= kTeaserFactor;
            add_about(c, tb, te);
            claims_.push_back(std::move(c));
        }
    }

    /// A person named within the last four words of [lo, hi).
    const MentionRef* person_just_before(std::size_t lo, std::size_t hi) const {
        std::size_t words = 0;
        for (std::size_t i = hi; i > lo && words < 4; --i) {
            if (!t_.tokens[i - 1].word) continue;
            ++words;
            if (const MentionRef* m = speaker_at(i - 1); m && m->actor->kind == ActorKind::person) return m;
        }
        return nullptr;
    }

    /// The cue of data/claim_cues.tsv starting at token i, if any.
    const ClaimCue* cue_at(std::size_t i, std::size_t end) const {
        if (!r_.claims.first_words.may_contain(w_[i])) return nullptr;
        const auto bucket = r_.claims.by_first.find(w_[i]);
        if (bucket == r_.claims.by_first.end()) return nullptr;
        for (const std::uint32_t index : bucket->second) {
            const ClaimCue& cue = r_.claims.cues[index];
            if (i + cue.words.size() > end) continue;
            bool ok = true;
            for (std::size_t k = 0; k < cue.words.size() && ok; ++k) ok = w_.is(i + k, cue.words[k]);
            if (ok) return &cue;
        }
        return nullptr;
    }

    /// The sentence's token range.
    std::pair<std::size_t, std::size_t> sentence_tokens(std::uint32_t s) const {
        const Span sp = t_.sentences[s].span;
        return {token_at(sp.begin), token_at(sp.end)};
    }

    /// The event a claim in tokens [first, last) speaks of: one whose place is named there,
    /// else one whose trigger is there, else the main event.
    std::pair<Event*, std::string> event_for(std::size_t first, std::size_t last) {
        if (events_.empty()) return {nullptr, ""};
        if (first >= last) return {&events_.front(), "main"};
        const Span sp = w_.span(first, last);
        std::set<std::string> places;
        for (std::size_t i = first; i < last; ++i)
            if (tok_mention_[i] >= 0) {
                const Actor* a = mentions_[static_cast<std::size_t>(tok_mention_[i])].actor;
                if (a->kind == ActorKind::place) places.insert(a->id);
            }
        for (Event& e : events_)
            if (e.place && places.count(e.place->actor)) return {&e, "place"};
        for (Event& e : events_)
            for (const Arg& m : e.mentions)
                if (m.span.begin >= sp.begin && m.span.end <= sp.end) return {&e, "trigger"};
        for (Event& e : events_)
            if (e.trigger.span.begin >= sp.begin && e.trigger.span.end <= sp.end) return {&e, "trigger"};
        return {&events_.front(), "main"};
    }

    void find_cues() {
        for (std::uint32_t s = 0; s < t_.sentences.size(); ++s) {
            const auto [sb, se] = sentence_tokens(s);
            bool negated = false;
            for (std::size_t i = sb; i < se; ++i) {
                const ClaimCue* cue = cue_at(i, se);
                if (cue == nullptr) continue;
                const std::size_t ce = i + cue->words.size();
                switch (cue->kind) {
                case ClaimCueKind::negation: negated = true; break;
                case ClaimCueKind::responsibility:
                    if (!negated) responsibility(*cue, s, sb, se, i, ce);
                    for (std::size_t k = i; k < ce; ++k) used_[k] = true;
                    break;
                case ClaimCueKind::denial:
                    denial(*cue, s, sb, se, i, ce);
                    break;
                case ClaimCueKind::toll: figure(*cue, sb, se, i, ce); break;
                }
                i = ce - 1;
            }
        }
    }

    /// The nearest speaker mention before token `at` in [sb, at), preferring `kinds`.
    const MentionRef* actor_before(std::size_t sb, std::size_t at, std::initializer_list<ActorKind> kinds) const {
        for (std::size_t j = at; j > sb && j + 15 > at; --j) {
            const MentionRef* m = speaker_at(j - 1);
            if (m == nullptr) continue;
            for (ActorKind k : kinds)
                if (m->actor->kind == k) return m;
        }
        return nullptr;
    }

    void responsibility(const ClaimCue& cue, std::uint32_t s, std::size_t sb, std::size_t se,
                        std::size_t cb, std::size_t ce) {
        const MentionRef* who = actor_before(sb, cb, {ActorKind::group, ActorKind::organization});
        std::string how = "subject";
        if (who == nullptr) {
            for (std::size_t j = ce; j + 1 < se; ++j)
                if (w_.is(j, "by")) {
                    if ((who = speaker_at(j + 1))) how = "by";
                    break;
                }
        }
        Claim c;
        c.kind = ClaimKind::responsibility;
        const std::size_t from = who ? std::min(who->first, cb) : sb;
        const Span sp = w_.span(from, se);
        c.span = sp;
        c.text = t_.document.text.substr(sp.begin, sp.end - sp.begin);
        auto [event, link] = event_for(ce, se);
        if (event == nullptr) std::tie(event, link) = event_for(sb, se);
        c.rule = "claims:responsibility:" + how + ":" + cue.source + ":event-" + link;
        c.confidence = who ? 0.85 : 0.5;
        if (who) c.speaker = who->actor->id;
        if (event) {
            c.event = event->id;
            c.about.push_back(event->id);
            if (who && std::none_of(event->claimed_by.begin(), event->claimed_by.end(),
                                    [&](const Arg& a) { return a.actor == who->actor->id; })) {
                event->claimed_by.push_back(Arg{who->text, who->span, who->actor->id, c.rule});
            }
        }
        if (t_.sentences[s].boilerplate) c.confidence *= kTeaserFactor;
        claims_.push_back(std::move(c));
    }

    void denial(const ClaimCue& cue, std::uint32_t s, std::size_t sb, std::size_t se, std::size_t cb,
                std::size_t ce) {
        // "the government says it was ...": a generic subject right before the cue; else the
        // nearest actor before it in its clause (not the group of a claim just before).
        const bool generic = cb > sb && w_.any(cb - 1, {"government", "authorities", "officials", "police"});
        std::size_t clause = sb;
        for (std::size_t j = cb; j > sb; --j)
            if (w_.any(j - 1, {",", ";", ":"}) || used_[j - 1]) {
                clause = j;
                break;
            }
        const MentionRef* who = cb > sb ? speaker_at(cb - 1) : nullptr;  // "the Kenyan government"
        if (who == nullptr && !generic)
            who = actor_before(clause, cb, {ActorKind::government, ActorKind::organization, ActorKind::group,
                                            ActorKind::person});
        std::string how = who ? "subject" : "none";
        std::size_t from = who ? who->first : cb;
        if (generic && who == nullptr) {
            from = cb - 1;
            how = "generic-" + std::string(w_[cb - 1]);
        }
        // The clause: from the speaker (or the cue) to the sentence's end.
        Claim c;
        c.kind = ClaimKind::denial;
        const Span sp = w_.span(from, se);
        c.span = sp;
        c.text = t_.document.text.substr(sp.begin, sp.end - sp.begin);
        auto [event, link] = event_for(sb, se);
        if (who) c.speaker = who->actor->id;
        else if (event && event->place && !event->place->country_code.empty() && how == "generic-government")
            c.speaker = generic_government(event->place->country_code, from);
        c.rule = "claims:denial:" + how + ":" + cue.source + ":event-" + link;
        c.confidence = c.speaker.empty() ? 0.5 : 0.8;
        if (event) {
            c.event = event->id;
            c.about.push_back(event->id);
        }
        for (std::size_t i = ce; i < se; ++i)
            if (const MentionRef* m = speaker_at(i); m && m->actor->id != c.speaker &&
                                                     std::find(c.about.begin(), c.about.end(), m->actor->id) == c.about.end())
                c.about.push_back(m->actor->id);
        for (std::size_t k = cb; k < ce; ++k) used_[k] = true;
        if (t_.sentences[s].boilerplate) c.confidence *= kTeaserFactor;
        claims_.push_back(std::move(c));
    }

    void figure(const ClaimCue& cue, std::size_t sb, std::size_t se, std::size_t cb, std::size_t ce) {
        // "death toll reaches 157", "the toll has climbed to 149", "toll stands at 12".
        std::size_t k = ce;
        for (int skip = 0; skip < 4 && k < se; ++skip) {
            if (auto n = read_number(w_, k, se)) {
                Claim c;
                c.kind = ClaimKind::figure;
                c.value = n->value;
                const Span sp = w_.span(cb, n->last);
                c.span = sp;
                c.text = t_.document.text.substr(sp.begin, sp.end - sp.begin);
                auto [event, link] = event_for(sb, se);
                c.rule = "claims:figure:" + cue.source + ":event-" + link;
                c.confidence = 0.8;
                if (event) {
                    c.event = event->id;
                    c.about.push_back(event->id);
                }
                if (boilerplate(cb)) c.confidence *= kTeaserFactor;
                claims_.push_back(std::move(c));
                return;
            }
            if (!t_.tokens[k].word) return;
            ++k;
        }
    }

    /// "the government" of an event's country: the lexicon's government of that country, with
    /// a mention at token `tok`; the actor is added when the document has not named it.
    std::string generic_government(const std::string& country_code, std::size_t tok) {
        std::string id = "gov:";
        for (char ch : country_code) id += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
        const auto entry = r_.names.find_id(id);
        if (!entry) return {};
        const Entry& e = r_.names.entry(*entry);
        Actor a;
        a.id = e.id;
        a.name = e.name;
        a.kind = e.kind;
        a.country_code = e.country_code;
        a.rule = "claims:generic-government:" + e.source;
        Mention m;
        m.span = t_.tokens[tok].span;
        m.sentence = tok_sentence_[tok];
        m.text = t_.document.text.substr(m.span.begin, m.span.end - m.span.begin);
        m.rule = "claims:generic-government";
        a.mentions.push_back(std::move(m));
        added_.push_back(std::move(a));
        return id;
    }

    /// Indirect statements: a speech verb with its speaker outside quotes.
    void find_statements() {
        for (std::uint32_t s = 0; s < t_.sentences.size(); ++s) {
            const auto [sb, se] = sentence_tokens(s);
            for (std::size_t i = sb; i < se; ++i) {
                if (used_[i] || !t_.tokens[i].word) continue;
                auto v = speech_verb(i);
                if (!v || v->second == SpeechPosition::adverb) continue;
                bool taken = false;
                for (std::size_t k = i; k < i + v->first; ++k) taken = taken || used_[k];
                if (taken) continue;
                std::string how;
                const MentionRef* who = speaker_of(i, i + v->first, v->second, sb, se, how);
                if (who == nullptr) continue;
                Claim c;
                c.kind = ClaimKind::statement;
                c.speaker = who->actor->id;
                c.span = t_.sentences[s].span;
                c.text = t_.document.text.substr(c.span.begin, c.span.end - c.span.begin);
                c.rule = "claims:statement:" + how + ":" + std::string(w_.text(i, i + v->first));
                c.confidence = t_.sentences[s].boilerplate ? 0.75 * kTeaserFactor : 0.75;
                add_about(c, sb, se);
                claims_.push_back(std::move(c));
                break;  // one statement a sentence
            }
        }
    }

    /// The actors named and the events mentioned in tokens [first, last), speaker excluded.
    void add_about(Claim& c, std::size_t first, std::size_t last) const {
        for (std::size_t i = first; i < last; ++i) {
            if (tok_mention_[i] < 0) continue;
            const std::string& id = mentions_[static_cast<std::size_t>(tok_mention_[i])].actor->id;
            if (id != c.speaker && std::find(c.about.begin(), c.about.end(), id) == c.about.end())
                c.about.push_back(id);
        }
        if (first >= last) return;
        const Span sp = w_.span(first, last);
        for (const Event& e : events_)
            for (const Arg& m : e.mentions)
                if (m.span.begin >= sp.begin && m.span.end <= sp.end &&
                    std::find(c.about.begin(), c.about.end(), e.id) == c.about.end())
                    c.about.push_back(e.id);
    }

    const AnalysedText& t_;
    const Resources& r_;
    std::vector<Event>& events_;
    Words w_;
    std::vector<std::uint32_t> tok_sentence_;
    std::vector<std::size_t> para_start_, para_end_;  ///< non-blank lines
    std::vector<MentionRef> mentions_;
    std::vector<int> tok_mention_;
    std::vector<bool> used_;  ///< tokens inside quotes or used by a cue or an attribution
    std::vector<Claim> claims_;
    std::vector<Actor> added_;  ///< governments named only as "the government"
};

}  // namespace

ClaimLexicon load_claim_lexicon(const std::string& data_dir) {
    const std::string path = data_dir + "/claim_cues.tsv";
    ClaimLexicon lex;
    for (const DataRow& row : read_tsv(path)) {
        if (row.fields.size() != 2)
            throw Error(ExitCode::data, path + ":" + std::to_string(row.line) + ": expected: form, kind");
        ClaimCue cue;
        std::istringstream words(fold_string(row.fields[0]));
        for (std::string w; words >> w;) cue.words.push_back(w);
        const std::string& kind = row.fields[1];
        if (kind == "responsibility") cue.kind = ClaimCueKind::responsibility;
        else if (kind == "denial") cue.kind = ClaimCueKind::denial;
        else if (kind == "toll") cue.kind = ClaimCueKind::toll;
        else if (kind == "negation") cue.kind = ClaimCueKind::negation;
        else
            throw Error(ExitCode::data, path + ":" + std::to_string(row.line) + ": unknown kind \"" + kind +
                                            "\" (expected responsibility, denial, toll or negation)");
        if (cue.words.empty())
            throw Error(ExitCode::data, path + ":" + std::to_string(row.line) + ": empty form");
        cue.source = cue_source(path, row.line);
        lex.cues.push_back(std::move(cue));
    }
    std::stable_sort(lex.cues.begin(), lex.cues.end(), [](const ClaimCue& a, const ClaimCue& b) {
        return a.words.size() > b.words.size();
    });
    for (std::size_t i = 0; i < lex.cues.size(); ++i) {
        lex.by_first[lex.cues[i].words.front()].push_back(static_cast<std::uint32_t>(i));
        lex.first_words.add(lex.cues[i].words.front());
    }
    return lex;
}

std::vector<Claim> find_claims(const AnalysedText& text, const Resources& resources,
                               std::vector<Actor>& actors, std::vector<Event>& events) {
    std::vector<Actor> added;
    std::vector<Claim> claims;
    {
        ClaimFinder finder(text, resources, actors, events);
        claims = finder.run();
        added = finder.take_added();
    }
    if (added.empty()) return claims;
    for (Actor& a : added) {
        auto it = std::find_if(actors.begin(), actors.end(), [&](const Actor& x) { return x.id == a.id; });
        if (it == actors.end()) {
            actors.push_back(std::move(a));
            continue;
        }
        for (Mention& m : a.mentions) it->mentions.push_back(std::move(m));
        std::sort(it->mentions.begin(), it->mentions.end(),
                  [](const Mention& x, const Mention& y) { return x.span.begin < y.span.begin; });
    }
    std::stable_sort(actors.begin(), actors.end(), [](const Actor& a, const Actor& b) {
        return a.mentions.front().span.begin < b.mentions.front().span.begin;
    });
    return claims;
}

}  // namespace ekg::extract
