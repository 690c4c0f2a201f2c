// Text hygiene that never loses offsets: UTF-8 repair, folding for matching, tokens.
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "fingerprint.h"
#include "model.h"

namespace ekg::extract {

/// Hashes std::string and std::string_view alike: lexicons keyed by std::string are looked up
/// with views of the folded text, no copy.
struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <class V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

/// What repair_utf8 changed.
struct RepairReport {
    std::size_t invalid_sequences = 0;  ///< ill-formed sequences replaced by U+FFFD
    std::size_t nul_bytes = 0;          ///< NUL bytes replaced by U+FFFD
};

/// Returns `bytes` as valid UTF-8: each ill-formed sequence and each NUL becomes U+FFFD.
/// Leading byte-order marks are dropped. Valid input is returned unchanged.
std::string repair_utf8(std::string_view bytes, RepairReport& report);

/// Decodes the code point at `pos` of valid UTF-8 and advances `pos` past it.
char32_t next_code_point(std::string_view text, std::size_t& pos);

/// Length of the well-formed UTF-8 sequence at `pos` (< s.size()), or 0 when it is ill-formed
/// (RFC 3629: no overlong forms, surrogates or code points above U+10FFFF).
std::size_t valid_sequence_length(std::string_view s, std::size_t pos);

/// Appends the UTF-8 encoding of `cp`.
void append_utf8(std::string& out, char32_t cp);

/// Text folded for matching: case-folded, diacritics stripped, curly quotes and dashes made
/// ASCII, every Unicode space a plain space, soft hyphens and zero-width characters removed.
/// Each folded byte remembers the original code point it came from, so a match in the folded
/// text maps back to a span of the original.
struct FoldedText {
    std::string text;                   ///< the folded bytes
    std::vector<std::uint32_t> begin;   ///< begin[i]: original offset of the source of byte i
    std::vector<std::uint32_t> end;     ///< end[i]: original end of the source of byte i

    /// The original span covering folded bytes [fb, fe); requires fb < fe <= text.size().
    Span to_original(std::size_t fb, std::size_t fe) const { return {begin[fb], end[fe - 1]}; }
};

/// Folds `original` (valid UTF-8).
FoldedText fold(std::string_view original);

/// Folds a short string (a lexicon name) without keeping offsets.
std::string fold_string(std::string_view s);

/// A word or punctuation mark of the folded text.
struct Token {
    std::uint32_t fbegin = 0;  ///< folded offsets
    std::uint32_t fend = 0;
    Span span;                 ///< original offsets
    bool word = false;         ///< letters/digits (true) or a punctuation mark (false)
};

/// Splits folded text into words (runs of letters and digits, any non-ASCII code point
/// counting as a letter) and single punctuation marks; spaces separate and are dropped. A word
/// longer than limits().max_token_bytes (folded) yields no token; `dropped`, when given, counts
/// those words.
std::vector<Token> tokenize(const FoldedText& folded, std::size_t* dropped = nullptr);

/// How the writer used case: ordinary mixed case, ALL-CAPS wire copy, or all lower case.
enum class CaseStyle { mixed, upper, lower };

/// Classifies `text` by the share of upper-case letters among ASCII letters.
CaseStyle case_style(std::string_view text);

/// True when the token's first letter is an upper-case one in `original`.
bool starts_upper(std::string_view original, const Token& token);

/// Per token, 1 when the word reads as capitalised, the mark of a name. In mixed-case text
/// that is its first letter being upper case. In ALL-CAPS text, where every word starts with a
/// capital, it is a word that is no lower-case English word of `common` (fingerprints of
/// data/common_words.tsv) and no number: "IN MAGE, BRAZIL" reads like "in Mage, Brazil".
/// In all-lower-case text, where no word does, it is the same test (a single letter only with
/// its stop: "m." is an initial, the "s" of "iraq's" none), or a capital the writer kept.
std::vector<std::uint8_t> capitals(std::string_view original, const FoldedText& folded,
                                   const std::vector<Token>& tokens, CaseStyle style,
                                   const FingerprintSet& common);

/// True when the code point is a Unicode letter or digit.
bool is_alnum_cp(char32_t cp);

/// a == b for the short words rules ask about: most unequal pairs are told apart by their
/// length and first byte, without a call to memcmp.
[[gnu::always_inline]] inline bool same_word(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    if (a.empty()) return true;
    return a[0] == b[0] && std::char_traits<char>::compare(a.data() + 1, b.data() + 1, a.size() - 1) == 0;
}

/// True when `w` is one of `words` (a rule's short list, written out where it is used).
/// Inlined at each call, where the list is constant: the loop unrolls into a test of each
/// word's length and first byte.
[[gnu::always_inline]] inline bool one_of(std::string_view w, std::initializer_list<std::string_view> words) {
    for (const std::string_view x : words)
        if (same_word(w, x)) return true;
    return false;
}

/// A filter of words by their first two letters and length, for the matchers that look up
/// every token of a text: may_contain() is false for most words never added (a few
/// instructions, no hashing of the whole word) and true for every word added.
class WordFilter {
public:
    void add(std::string_view w) {
        if (!w.empty()) bits_[key(w)] = true;
    }
    bool may_contain(std::string_view w) const { return !w.empty() && bits_[key(w)]; }

private:
    static std::size_t key(std::string_view s) {
        const auto c0 = static_cast<std::size_t>(static_cast<unsigned char>(s[0]) & 31u);
        const auto c1 = s.size() > 1 ? static_cast<std::size_t>(static_cast<unsigned char>(s[1]) & 31u) : 0u;
        return (c0 << 9) | (c1 << 4) | (s.size() & 15u);
    }
    std::bitset<1u << 14> bits_;
};

/// A fixed set of words for membership tests on hot paths (a rule's keyword list, tested on
/// every token): a word is checked against the lengths the set holds, then against the few
/// words of its own length, first byte first. Holds views: the words must outlive it (string
/// literals do).
class WordSet {
public:
    WordSet(std::initializer_list<std::string_view> words) {
        for (const std::string_view w : words) {
            if (w.empty() || w.size() >= kMaxLength) continue;  // never asked for
            lengths_ |= std::uint64_t{1} << w.size();
            by_length_[w.size()].push_back(w);
        }
    }
    [[gnu::always_inline]] bool contains(std::string_view w) const {
        if (w.size() >= kMaxLength || !((lengths_ >> w.size()) & 1)) return false;
        for (const std::string_view x : by_length_[w.size()])
            if (x[0] == w[0] && x == w) return true;
        return false;
    }

private:
    static constexpr std::size_t kMaxLength = 64;
    std::uint64_t lengths_ = 0;
    std::array<std::vector<std::string_view>, kMaxLength> by_length_;
};

}  // namespace ekg::extract
