#include "sentences.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "input_limits.h"
#include "text.h"

namespace ekg::extract {
namespace {

/// Words that, followed by a period, do not end a sentence (compared case-insensitively).
constexpr std::array<std::string_view, 68> kAbbreviations = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl",
    "pvt", "adm", "cmdr", "gov", "sen", "rep", "rev", "fr", "sr", "jr", "st", "mt", "ft",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "no", "nos", "vs", "etc", "inc", "corp", "ltd", "co", "bros", "dept", "univ", "assn",
    "approx", "est", "fig", "vol", "pp", "op", "al", "ave", "blvd", "rd", "hon", "pres",
    "supt", "insp", "brig", "messrs",
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

bool is_abbreviation(std::string_view word) {
    std::string lower(word);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return std::find(kAbbreviations.begin(), kAbbreviations.end(), lower) != kAbbreviations.end();
}

/// Abbreviations that may also end a sentence ("Acme Inc. The firm ..."): they split before a
/// word that usually opens one.
constexpr std::array<std::string_view, 9> kMayEnd = {"inc", "corp", "ltd", "co", "bros", "jr", "sr",
                                                     "etc", "al"};

/// Words that usually open a sentence: after "U.S." or "Inc." they mean a new one began.
constexpr std::array<std::string_view, 58> kStarters = {
    "he", "she", "it", "they", "we", "i", "you", "there", "this", "that", "these", "those",
    "the", "a", "an", "but", "and", "or", "so", "yet", "however", "in", "on", "at", "after",
    "before", "when", "while", "if", "as", "his", "her", "their", "its", "our", "my", "some",
    "many", "most", "all", "one", "two", "three", "police", "officials", "authorities",
    "meanwhile", "then", "now", "later", "earlier", "both", "each", "such", "what", "who",
    "why", "how"};

bool lower_in(std::string_view word, const auto& list) {
    std::string lower(word);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return std::find(list.begin(), list.end(), lower) != list.end();
}

/// The word of ASCII letters starting at `pos`.
std::string_view word_at(std::string_view text, std::size_t pos) {
    std::size_t end = pos;
    while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
    return text.substr(pos, end - pos);
}

/// Follows quotation marks through a paragraph; asked at increasing offsets, it reads each
/// byte once.
class QuoteTracker {
public:
    explicit QuoteTracker(std::string_view text) : text_(text) {}
    /// True when a quotation is open at `pos` (not before the last offset asked).
    bool open_at(std::size_t pos) {
        for (; pos_ < pos && pos_ < text_.size(); ++pos_) {
            const char c = text_[pos_];
            if (c != '\n' && c != '\xE2' && c != '"') continue;  // what every mark starts with
            if (text_.substr(pos_, 2) == "\n\n") open_ = false;  // quotes never span paragraphs
            else if (text_.substr(pos_, 3) == "\xE2\x80\x9C") open_ = true;
            else if (text_.substr(pos_, 3) == "\xE2\x80\x9D") open_ = false;
            else if (text_[pos_] == '"') open_ = !open_;
        }
        return open_;
    }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
    bool open_ = false;
};

/// True when the stop at `pos` lies inside a quotation that closes with a comma later in the
/// paragraph (\u201cWe stay. We fight,\u201d he said.): the quotation and its attribution
/// are one sentence.
bool inside_attributed_quote(std::string_view text, std::size_t pos, QuoteTracker& quotes) {
    if (!quotes.open_at(pos)) return false;
    const std::size_t limit = std::min(text.size(), pos + 1500);
    for (std::size_t i = pos; i < limit; ++i) {
        if (text.substr(i, 2) == "\n\n") return false;
        const bool closes = text.substr(i, 3) == "\xE2\x80\x9D" || text[i] == '"';
        if (!closes) continue;
        std::size_t b = i;
        while (b > pos && text[b - 1] == ' ') --b;
        return b > pos && text[b - 1] == ',';
    }
    return false;
}

/// The word (letters and dots) that ends just before `pos`.
std::string_view word_before(std::string_view text, std::size_t pos) {
    std::size_t start = pos;
    while (start > 0 && (std::isalpha(static_cast<unsigned char>(text[start - 1])) ||
                         text[start - 1] == '.'))
        --start;
    return text.substr(start, pos - start);
}

/// Length of a bullet or closing quote/bracket code point at `pos`, 0 if none.
std::size_t closing_mark(std::string_view text, std::size_t pos) {
    static constexpr std::array<std::string_view, 8> kClosers = {
        "\"", "'", ")", "]", "\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB", "\xE2\x80\xBA"};
    for (std::string_view c : kClosers)
        if (text.substr(pos, c.size()) == c) return c.size();
    return 0;
}

bool starts_with_bullet(std::string_view text, std::size_t pos) {
    static constexpr std::array<std::string_view, 6> kBullets = {
        "\xE2\x80\xA2", "\xE2\x80\xA3", "\xE2\x97\x8F", "\xE2\x96\xAA", "* ", "- "};
    for (std::string_view b : kBullets)
        if (text.substr(pos, b.size()) == b) return true;
    return false;
}

/// True when the text at `pos` can begin a sentence: a capital, a digit, an opening quote or
/// bracket, or any non-ASCII letter (lower-case wire copy is handled by the caller).
bool plausible_start(std::string_view text, std::size_t pos) {
    if (pos >= text.size()) return true;
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    if (std::isupper(c) || std::isdigit(c)) return true;
    if (c == '"' || c == '\'' || c == '(' || c == '[') return true;
    if (c >= 0x80) {
        std::size_t p = pos;
        const char32_t cp = next_code_point(text, p);
        // opening quotes and any letter outside ASCII
        return cp == 0x201C || cp == 0x2018 || cp == 0xAB || is_alnum_cp(cp);
    }
    return false;
}

}  // namespace

std::vector<Sentence> split_sentences(std::string_view text, std::size_t* cuts) {
    return split_sentences(text, case_style(text), cuts);
}

std::vector<Sentence> split_sentences(std::string_view text, CaseStyle style, std::size_t* cuts) {
    std::vector<Sentence> out;
    const std::size_t max = std::max<std::size_t>(limits().max_sentence_bytes, 16);
    const auto push = [&](std::size_t b, std::size_t e) {
        Sentence s;
        s.index = static_cast<std::uint32_t>(out.size());
        s.span = {static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)};
        out.push_back(s);
    };
    const bool lower_case_text = style == CaseStyle::lower;
    std::size_t start = 0;
    const auto emit = [&](std::size_t b, std::size_t e) {
        while (b < e && is_space(text[b])) ++b;
        while (e > b && is_space(text[e - 1])) --e;
        // Drop non-breaking spaces at the edges too (U+00A0 is C2 A0).
        while (e >= b + 2 && text.substr(e - 2, 2) == "\xC2\xA0") e -= 2;
        while (b + 2 <= e && text.substr(b, 2) == "\xC2\xA0") b += 2;
        if (b >= e) return;
        // Too long: cut at the last space before the limit (else at a code point boundary).
        while (e - b > max) {
            std::size_t cut = b + max;
            while (cut > b + max / 2 && !is_space(text[cut])) --cut;
            if (!is_space(text[cut]))
                for (cut = b + max; cut > b + 1 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80;)
                    --cut;
            std::size_t piece_end = cut;
            while (piece_end > b && is_space(text[piece_end - 1])) --piece_end;
            if (piece_end > b) push(b, piece_end);
            b = cut;
            while (b < e && is_space(text[b])) ++b;
            if (cuts != nullptr) ++*cuts;
        }
        if (b < e) push(b, e);
    };
    QuoteTracker quotes(text);
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '\n') {
            // A blank line (only spaces between two newlines) or a bullet ends the sentence.
            std::size_t j = i + 1;
            while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r'))
                ++j;
            std::size_t k = j;
            while (k + 1 < text.size() && text.substr(k, 2) == "\xC2\xA0") k += 2;
            if (j >= text.size() || text[j] == '\n' || starts_with_bullet(text, k)) {
                emit(start, i);
                start = i + 1;
            }
            ++i;
            continue;
        }
        if (c != '.' && c != '!' && c != '?' && (c != '\xE2' || text.substr(i, 3) != "\xE2\x80\xA6")) {
            ++i;
            continue;
        }
        // Take the whole run of terminal marks ("?!", "...", "…") and closing quotes.
        std::size_t end = i;
        bool ellipsis = false;
        while (end < text.size()) {
            if (text[end] == '.' || text[end] == '!' || text[end] == '?') {
                ++end;
            } else if (text.substr(end, 3) == "\xE2\x80\xA6") {
                end += 3;
                ellipsis = true;
            } else if (const std::size_t n = closing_mark(text, end)) {
                end += n;
            } else {
                break;
            }
        }
        if (end - i >= 3 && text.substr(i, 3) == "...") ellipsis = true;
        if (end < text.size() && !is_space(text[end]) && text.substr(end, 2) != "\xC2\xA0") {
            i = end;  // "3.5", "U.S.-led", "e.g.," and the like
            continue;
        }
        std::size_t next = end;
        while (next < text.size() && (is_space(text[next]))) ++next;
        while (next + 1 < text.size() && text.substr(next, 2) == "\xC2\xA0") next += 2;
        bool split = true;
        if (c == '.') {
            const std::string_view word = word_before(text, i);
            const std::string_view bare = word.substr(word.rfind('.') == std::string_view::npos
                                                          ? 0
                                                          : word.rfind('.') + 1);
            const bool stop_only = text[end - 1] == '.';
            const bool starter = lower_in(word_at(text, next), kStarters);
            if (!bare.empty() && is_abbreviation(bare) && stop_only) {
                if (lower_in(bare, std::array<std::string_view, 2>{"no", "nos"}))
                    split = !(next < text.size() &&
                              std::isdigit(static_cast<unsigned char>(text[next])));
                else if (lower_in(bare, kMayEnd))
                    split = starter;  // "Acme Inc. The firm ..."
                else
                    split = false;  // titles and months: "Gen. Smith", "Jan. 5"
            }
            const bool dotted = word.find('.') != std::string_view::npos;  // "U.S", "p.m"
            const bool letter =
                bare.size() == 1 && std::isalpha(static_cast<unsigned char>(bare[0]));
            if (letter && stop_only) {
                if (word == "e.g" || word == "i.e" || word == "E.g" || word == "I.e")
                    split = false;
                else if (dotted)
                    split = starter;  // "the U.S. He left" splits, "the U.S. State Department" not
                else if (std::isupper(static_cast<unsigned char>(bare[0])))
                    split = false;  // an initial: "John F. Kennedy"
                else if (lower_case_text && !starter && bare[0] != 'a' && bare[0] != 'i')
                    split = false;  // "john f. kennedy" in lower-cased text
            }
        }
        if (split && !lower_case_text && !plausible_start(text, next)) split = false;
        if (split && inside_attributed_quote(text, i, quotes)) split = false;
        if (ellipsis && next < text.size() && std::islower(static_cast<unsigned char>(text[next])))
            split = false;
        if (split) {
            emit(start, end);
            start = end;
        }
        i = end;
    }
    emit(start, text.size());
    return out;
}

std::uint32_t sentence_at(const std::vector<Sentence>& sentences, std::uint32_t offset) {
    auto it = std::upper_bound(sentences.begin(), sentences.end(), offset,
                               [](std::uint32_t o, const Sentence& s) { return o < s.span.begin; });
    if (it == sentences.begin()) return 0;
    return static_cast<std::uint32_t>(std::prev(it) - sentences.begin());
}

}  // namespace ekg::extract
