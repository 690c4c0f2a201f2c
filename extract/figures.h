// Numbers as news writes them ("1,400", "twenty-five", "at least five") and casualty figures:
// how many were killed and how many wounded, with qualifiers and sums.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <vector>

#include "model.h"
#include "text.h"

namespace ekg::extract {

/// Read access to the folded words of a tokenized text, by token index.
class Words {
public:
    Words(std::string_view original, const FoldedText& folded, const std::vector<Token>& tokens,
          const std::vector<std::uint8_t>* caps = nullptr)
        : original_(original), folded_(folded), tokens_(tokens), caps_(caps) {}

    std::size_t size() const { return tokens_.size(); }
    /// The folded text of token i; empty past the end.
    std::string_view operator[](std::size_t i) const {
        if (i >= tokens_.size()) return {};
        const Token& t = tokens_[i];  // tokens lie inside the folded text: no bounds check
        return {folded_.text.data() + t.fbegin, static_cast<std::size_t>(t.fend - t.fbegin)};
    }
    bool is(std::size_t i, std::string_view w) const { return same_word((*this)[i], w); }
    [[gnu::always_inline]] bool any(std::size_t i, std::initializer_list<std::string_view> ws) const {
        return one_of((*this)[i], ws);
    }
    /// Token i; past the end, an empty non-word token (like operator[] gives an empty word).
    const Token& token(std::size_t i) const {
        static const Token kNoToken{};
        return i < tokens_.size() ? tokens_[i] : kNoToken;
    }
    /// True when token i follows token i-1 with no space between ("1" "," "400").
    bool glued(std::size_t i) const {
        return i > 0 && i < tokens_.size() && tokens_[i - 1].span.end == tokens_[i].span.begin;
    }
    /// True when token i is a word whose first letter is upper case in the original.
    bool capitalized(std::size_t i) const;
    /// True when token i reads as (part of) a name: capitalized() in mixed-case text; in
    /// ALL-CAPS text, a word that is no common word (the `caps` given, see capitals()).
    bool name_cased(std::size_t i) const {
        if (caps_ == nullptr || i >= caps_->size()) return capitalized(i);
        return (*caps_)[i] != 0;
    }
    /// The original bytes of tokens [first, last).
    std::string_view text(std::size_t first, std::size_t last) const {
        const Span s = span(first, last);
        return original_.substr(s.begin, s.end - s.begin);
    }
    Span span(std::size_t first, std::size_t last) const {
        return {tokens_[first].span.begin, tokens_[last - 1].span.end};
    }
    std::string_view original() const { return original_; }

private:
    std::string_view original_;
    const FoldedText& folded_;
    const std::vector<Token>& tokens_;
    const std::vector<std::uint8_t>* caps_ = nullptr;
};

/// A number read from tokens [first, last), qualifier words included.
struct Number {
    std::size_t first = 0;
    std::size_t last = 0;
    std::int64_t value = 0;
    Qualifier qualifier = Qualifier::exact;
    std::size_t digits_first = 0;  ///< where the number proper starts (after the qualifier)
    bool spelled = false;          ///< written in words ("five"), not digits
};

/// Reads the number that starts at token i (not reading past `end`): digits with thousands
/// separators ("1,400"), number words ("twenty-five", "two hundred", "a dozen"), "dozens"
/// (24, about) and a leading qualifier ("at least", "over", "more than", "about", "up to",
/// "as many as"). Ordinals ("second") and a bare "a" are no numbers.
std::optional<Number> read_number(const Words& words, std::size_t i, std::size_t end);

/// Tags the event stage puts on tokens for the figure finder (bit set per token).
enum TokenTag : std::uint8_t {
    kTagPerson = 1,       ///< part of a noun for people ("police officer", "civilians")
    kTagSingular = 2,     ///< head of a singular noun for one person ("policeman")
    kTagPerpetrator = 4,  ///< part of a noun for attackers ("assailant", "gunmen")
    kTagPersonName = 8,   ///< part of a person's name (a person actor)
    kTagProminent = 16,   ///< part of a noun for a prominent person ("mayor", "journalist")
};

/// Which toll a figure counts.
enum class Toll { killed, wounded };

/// A casualty figure found in one sentence.
struct CasualtyFigure {
    Toll toll = Toll::killed;
    Figure figure;              ///< value, qualifier, text, span, rule
    std::size_t keyword = 0;    ///< token of the word that says killed or wounded
    bool additive = false;      ///< adds to another figure ("also killed", "in addition to")
    bool zero = false;          ///< "no one was injured", "no casualties"
    bool perpetrators = false;  ///< counts attackers ("the assailant was also killed")
};

/// Finds casualty figures in the tokens [first, last) of one sentence. `tags` holds a TokenTag
/// mask per token of the whole text. Sums coordinated counts ("two soldiers and three civilians
/// were killed" -> 5), counts a singular victim as one ("a policeman was killed"), reads
/// "death toll rose to N" and zero statements ("no one was hurt"), and never reads a count
/// from years, ages, durations or distances ("1,400 years old").
std::vector<CasualtyFigure> find_casualties(const Words& words, std::size_t first,
                                            std::size_t last,
                                            const std::vector<std::uint8_t>& tags);

}  // namespace ekg::extract
