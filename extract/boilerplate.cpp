#include "boilerplate.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>

#include "error.h"
#include "gazetteer.h"
#include "text.h"

namespace ekg::extract {
namespace {

/// Leading marks of list items, as they are after folding.
bool is_bullet_cp(char32_t cp) {
    switch (cp) {
        case 0x2022:
        case 0x2023:
        case 0x25CF:
        case 0x25AA:
        case 0x25A0:
        case 0x25BA:
        case 0x25E6:
        case 0x00B7:
        case 0x2043:
        case 0x2219:
        case '*':
        case '-':
        case '>':
        case ' ':
            return true;
        default:
            return false;
    }
}

bool is_space_byte(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f';
}

/// Final punctuation after which a line is a sentence, not a headline.
bool ends_with_stop(std::string_view s) {
    std::size_t e = s.size();
    // Closing quotes and brackets stand after the stop.
    while (e > 0) {
        const char c = s[e - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']' || is_space_byte(c)) {
            --e;
            continue;
        }
        if (e >= 3 &&
            (s.substr(e - 3, 3) == "\xE2\x80\x9D" || s.substr(e - 3, 3) == "\xE2\x80\x99")) {
            e -= 3;
            continue;
        }
        break;
    }
    if (e == 0) return false;
    const char c = s[e - 1];
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' ||
           (e >= 3 && s.substr(e - 3, 3) == "\xE2\x80\xA6");
}

std::string strip_final_punctuation(std::string s) {
    while (!s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == ':' || s.back() == ' '))
        s.pop_back();
    return s;
}

bool starts_with_rule(std::string_view key, std::string_view rule) {
    if (key.substr(0, rule.size()) != rule) return false;
    if (key.size() == rule.size()) return true;
    const unsigned char last = static_cast<unsigned char>(rule.back());
    const unsigned char next = static_cast<unsigned char>(key[rule.size()]);
    const bool last_alnum = std::isalnum(last) != 0;
    return !last_alnum || std::isalnum(next) == 0;
}

/// A sentence that fills its own line(s): only spaces and bullets before it on its first line,
/// only spaces after it on its last.
bool is_line(std::string_view text, const Span& span) {
    std::size_t b = span.begin;
    while (b > 0 && text[b - 1] != '\n') {
        std::size_t p = b - 1;
        // Step back over one code point.
        while (p > 0 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
        std::size_t q = p;
        const char32_t cp = next_code_point(text, q);
        if (!is_bullet_cp(cp) && cp != '\t' && cp != '\r' && cp != 0xA0) return false;
        b = p;
    }
    std::size_t e = span.end;
    while (e < text.size() && text[e] != '\n') {
        if (is_space_byte(text[e])) {
            ++e;
        } else if (text.substr(e, 2) == "\xC2\xA0") {
            e += 2;
        } else {
            return false;
        }
    }
    return true;
}

std::size_t count_words(std::string_view folded) {
    std::size_t words = 0;
    bool in_word = false;
    for (std::size_t pos = 0; pos < folded.size();) {
        const bool alnum = is_alnum_cp(next_code_point(folded, pos));
        if (alnum && !in_word) ++words;
        in_word = alnum;
    }
    return words;
}

/// Words too common to show that a line belongs to its article.
bool is_function_word(std::string_view w) {
    static const WordSet kWords = {
        "the",  "and",   "for",   "with", "from", "into",  "onto", "over", "under", "this",
        "that", "these", "those", "are",  "was",  "were",  "has",  "have", "had",   "its",
        "our",  "your",  "their", "not",  "but",  "all",   "any",  "new",  "more",  "most",
        "how",  "why",   "what",  "who",  "when", "where", "you",  "they", "she",   "his",
        "her",  "him",   "will",  "can",  "out",  "off",   "per",  "via"};
    return kWords.contains(w);
}

/// A crude English stem, enough to tell that "attacks" and "attack" are one word.
std::string stem(std::string w) {
    if (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0) w.resize(w.size() - 2);
    const auto cut = [&](std::string_view suffix, std::size_t min_left) {
        if (w.size() >= suffix.size() + min_left &&
            w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0) {
            w.resize(w.size() - suffix.size());
            return true;
        }
        return false;
    };
    if (cut("ies", 3))
        w += 'y';
    else if (cut("ing", 3) || cut("ed", 3) || cut("es", 3) || cut("s", 3)) {
    }
    return w;
}

/// Folded words of at least three letters, stemmed, with their byte offsets in `text`.
std::vector<std::pair<std::string, std::uint32_t>> content_words(std::string_view text) {
    std::vector<std::pair<std::string, std::uint32_t>> out;
    const FoldedText f = fold(text);
    for (const Token& t : tokenize(f)) {
        if (!t.word || t.fend - t.fbegin < 3) continue;
        const std::string w = f.text.substr(t.fbegin, t.fend - t.fbegin);
        if (is_function_word(w)) continue;
        if (std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
        out.emplace_back(stem(w), t.span.begin);
    }
    return out;
}

/// True when every word of the line begins with a capital letter ("Foo Bar Baz").
bool title_case(std::string_view line) {
    std::size_t words = 0;
    bool at_word_start = true;
    for (std::size_t pos = 0; pos < line.size();) {
        const char32_t cp = next_code_point(line, pos);
        const bool alnum = is_alnum_cp(cp);
        if (alnum && at_word_start) {
            ++words;
            const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
            if (cat != UTF8PROC_CATEGORY_LU && cat != UTF8PROC_CATEGORY_LT) return false;
        }
        at_word_start = !alnum && cp != '\'' && cp != 0x2019 && cp != '-';
    }
    return words > 0;
}

enum class Script {
    none,
    latin,
    greek,
    cyrillic,
    armenian,
    hebrew,
    arabic,
    indic,
    thai,
    georgian,
    hangul,
    kana,
    han,
    other
};

const char* script_name(Script s) {
    switch (s) {
        case Script::latin:
            return "Latin";
        case Script::greek:
            return "Greek";
        case Script::cyrillic:
            return "Cyrillic";
        case Script::armenian:
            return "Armenian";
        case Script::hebrew:
            return "Hebrew";
        case Script::arabic:
            return "Arabic";
        case Script::indic:
            return "Indic";
        case Script::thai:
            return "Thai";
        case Script::georgian:
            return "Georgian";
        case Script::hangul:
            return "Hangul";
        case Script::kana:
            return "Japanese kana";
        case Script::han:
            return "Han";
        default:
            return "unknown";
    }
}

/// The script of a letter; Script::none for anything that is not a letter.
Script script_of(char32_t cp) {
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ? Script::latin : Script::none;
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    if (cat != UTF8PROC_CATEGORY_LU && cat != UTF8PROC_CATEGORY_LL && cat != UTF8PROC_CATEGORY_LT &&
        cat != UTF8PROC_CATEGORY_LM && cat != UTF8PROC_CATEGORY_LO)
        return Script::none;
    if (cp <= 0x024F || (cp >= 0x1E00 && cp <= 0x1EFF)) return Script::latin;
    if (cp >= 0x0370 && cp <= 0x03FF) return Script::greek;
    if (cp >= 0x0400 && cp <= 0x052F) return Script::cyrillic;
    if (cp >= 0x0530 && cp <= 0x058F) return Script::armenian;
    if (cp >= 0x0590 && cp <= 0x05FF) return Script::hebrew;
    if ((cp >= 0x0600 && cp <= 0x077F) || (cp >= 0x08A0 && cp <= 0x08FF) ||
        (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF))
        return Script::arabic;
    if (cp >= 0x0900 && cp <= 0x0DFF) return Script::indic;
    if (cp >= 0x0E00 && cp <= 0x0E7F) return Script::thai;
    if (cp >= 0x10A0 && cp <= 0x10FF) return Script::georgian;
    if ((cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
        (cp >= 0x3130 && cp <= 0x318F))
        return Script::hangul;
    if (cp >= 0x3040 && cp <= 0x30FF) return Script::kana;
    if ((cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
        (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FA1F))
        return Script::han;
    return Script::other;
}

bool is_mark(char32_t cp) {
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC ||
           cat == UTF8PROC_CATEGORY_ME;
}

Diagnostic suspicious(const Document& d, const Span& span, const std::string& why) {
    return Diagnostic{Severity::warning, d.path, d.line, "suspicious-fragment",
                      "bytes " + std::to_string(span.begin) + "-" + std::to_string(span.end) +
                          ": " + why + "; not used as a name"};
}

/// Runs of a script foreign to the document: letters of a script other than the dominant one
/// (Latin excepted), in a document where the dominant script holds >= 90% of the letters.
void foreign_script_runs(const Document& d, std::vector<Span>& out,
                         std::vector<Diagnostic>& diagnostics) {
    const std::string& text = d.text;
    std::array<std::size_t, static_cast<std::size_t>(Script::other) + 1> counts{};
    std::size_t letters = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const auto c = static_cast<unsigned char>(text[pos]);
        if (c < 0x80) {  // ASCII needs no decoding
            ++pos;
            if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ++counts[static_cast<std::size_t>(Script::latin)];
            continue;
        }
        const Script s = script_of(next_code_point(text, pos));
        if (s == Script::none) continue;
        ++counts[static_cast<std::size_t>(s)];
    }
    for (std::size_t i = 1; i < counts.size(); ++i) letters += counts[i];
    if (letters == 0) return;
    // The first script with the most letters (ties go to the lower enumerator, as before).
    std::size_t best = 1;
    for (std::size_t i = 2; i < counts.size(); ++i)
        if (counts[i] > counts[best]) best = i;
    if (counts[best] * 10 < letters * 9) return;
    const auto main = static_cast<Script>(best);
    if (counts[best] == letters) return;  // one script only: nothing foreign
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        const Script s = script_of(next_code_point(text, pos));
        if (s == Script::none || s == main || s == Script::latin) continue;
        // Extend over letters of the same script, with spaces or marks between them.
        std::size_t end = pos, scan = pos;
        std::size_t count = 1;
        while (scan < text.size()) {
            std::size_t next = scan;
            const char32_t cp = next_code_point(text, next);
            const Script t = script_of(cp);
            if (t == s) {
                end = scan = next;
                ++count;
            } else if (cp == ' ' || is_mark(cp)) {
                scan = next;  // a space or a combining mark inside the run
            } else {
                break;
            }
        }
        pos = end;
        if (count < 2) continue;
        // A gloss in parentheses after a name is the writer's, not injected.
        std::size_t before = start;
        while (before > 0 && text[before - 1] == ' ') --before;
        std::size_t after = end;
        while (after < text.size() && text[after] == ' ') ++after;
        if (before > 0 && text[before - 1] == '(' && after < text.size() && text[after] == ')')
            continue;
        const Span span{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)};
        out.push_back(span);
        diagnostics.push_back(suspicious(d, span,
                                         std::string("a run of ") + script_name(s) +
                                             " script inside " + script_name(main) + " text"));
    }
}

}  // namespace

namespace {

/// boilerplate_key of text already folded.
std::string key_of_folded(std::string_view folded) {
    std::size_t pos = 0;
    // Skip leading bullets and spaces.
    while (pos < folded.size()) {
        std::size_t next = pos;
        if (!is_bullet_cp(next_code_point(folded, next))) break;
        pos = next;
    }
    // Spaces collapsed to one, none at either end: written in place, then cut to length.
    std::string out(folded.size() - pos, ' ');
    std::size_t n = 0;
    for (; pos < folded.size(); ++pos) {
        const char c = folded[pos];
        if (c == ' ' && (n == 0 || out[n - 1] == ' ')) continue;
        out[n++] = c;
    }
    while (n > 0 && out[n - 1] == ' ') --n;
    out.resize(n);
    return out;
}

}  // namespace

std::string boilerplate_key(std::string_view text) {
    return key_of_folded(fold_string(text));
}

BoilerplateRules load_boilerplate(const std::string& data_dir) {
    const std::string path = data_dir + "/boilerplate.tsv";
    BoilerplateRules rules;
    for (const DataRow& row : read_tsv(path)) {
        const std::string where = path + ":" + std::to_string(row.line);
        if (row.fields.size() != 2) throw Error(ExitCode::data, where + ": expected: text, match");
        const std::string key = boilerplate_key(row.fields[0]);
        if (key.empty()) throw Error(ExitCode::data, where + ": empty text");
        const std::string& match = row.fields[1];
        if (match == "prefix")
            rules.prefixes.push_back(key);
        else if (match == "line")
            rules.lines.insert(strip_final_punctuation(key));
        else if (match == "short")
            rules.short_prefixes.push_back(key);
        else
            throw Error(ExitCode::data, where + ": unknown match \"" + match +
                                            "\" (expected prefix, line or short)");
    }
    return rules;
}

/// Bytes of a long sentence's opening that the prefix rules are matched against.
constexpr std::size_t kKeyBytes = 256;

std::vector<Span> mark_boilerplate(const Document& document, std::vector<Sentence>& sentences,
                                   const BoilerplateRules& rules,
                                   std::vector<Diagnostic>& diagnostics) {
    return mark_boilerplate(document, fold(document.text), sentences, rules, diagnostics);
}

std::vector<Span> mark_boilerplate(const Document& document, const FoldedText& folded,
                                   std::vector<Sentence>& sentences, const BoilerplateRules& rules,
                                   std::vector<Diagnostic>& diagnostics) {
    const std::string& text = document.text;
    // The folded bytes of original bytes [b, e) (both at code point boundaries): folding goes
    // a code point at a time, so that is fold_string of the original slice.
    const auto folded_slice = [&](std::size_t b, std::size_t e) {
        const auto first = std::lower_bound(folded.begin.begin(), folded.begin.end(), b);
        const auto last = std::lower_bound(first, folded.begin.end(), e);
        return std::string_view(folded.text).substr(static_cast<std::size_t>(first - folded.begin.begin()),
                                                    static_cast<std::size_t>(last - first));
    };
    std::vector<Span> injected;
    const auto sentence_text = [&](const Sentence& s) {
        return std::string_view(text).substr(s.span.begin, s.span.end - s.span.begin);
    };
    // The title line of a .txt document is the first sentence; it is never furniture.
    const bool first_is_title = !sentences.empty() && !document.title.empty() &&
                                sentence_text(sentences.front()) == document.title;
    std::vector<char> headline(sentences.size(), 0);  // an unpunctuated short line
    for (std::size_t i = 0; i < sentences.size(); ++i) {
        Sentence& s = sentences[i];
        const std::string_view raw = sentence_text(s);
        const bool line = is_line(text, s.span);
        const bool unpunctuated = line && !ends_with_stop(raw);
        // Rules name short openings and short lines: a long sentence needs only its opening
        // folded (cut at a code point boundary).
        const bool whole = unpunctuated || raw.size() <= kKeyBytes;
        std::size_t cut = raw.size();
        if (!whole) {
            cut = kKeyBytes;
            while (cut > 0 && (static_cast<unsigned char>(raw[cut]) & 0xC0) == 0x80) --cut;
        }
        const std::string key = key_of_folded(folded_slice(s.span.begin, s.span.begin + cut));
        for (const std::string& p : rules.prefixes)
            if (starts_with_rule(key, p)) s.boilerplate = true;
        if (whole && rules.lines.count(strip_final_punctuation(key))) s.boilerplate = true;
        const std::size_t words = unpunctuated ? count_words(key) : 0;
        if (unpunctuated && words <= 8)
            for (const std::string& p : rules.short_prefixes)
                if (starts_with_rule(key, p)) s.boilerplate = true;
        headline[i] = unpunctuated && words > 0 && words <= 25 && !(i == 0 && first_is_title);
    }
    // Runs of two or more headline lines: lists of teasers.
    for (std::size_t i = 0; i < sentences.size();) {
        std::size_t j = i;
        while (j < sentences.size() && headline[j]) ++j;
        if (j - i >= 2)
            for (std::size_t k = i; k < j; ++k) sentences[k].boilerplate = true;
        i = j == i ? i + 1 : j;
    }
    // A title-case line sharing no content word with the rest of the document is injected.
    // The document's words are needed only when such a line exists.
    std::optional<std::vector<std::pair<std::string, std::uint32_t>>> document_words;
    for (std::size_t i = 0; i < sentences.size(); ++i) {
        Sentence& s = sentences[i];
        const std::string_view raw = sentence_text(s);
        if ((i == 0 && first_is_title) || !is_line(text, s.span) || ends_with_stop(raw)) continue;
        if (!rules.lines.empty() &&
            rules.lines.count(strip_final_punctuation(boilerplate_key(raw))))
            continue;
        const std::size_t n = count_words(boilerplate_key(raw));
        if (n < 2 || n > 6 || !title_case(raw)) continue;
        std::set<std::string> own;
        for (const auto& [w, at] : content_words(raw)) own.insert(w);
        if (own.empty()) continue;
        std::size_t others = 0;
        bool shared = false;
        if (!document_words) document_words = content_words(text);
        for (const auto& [w, at] : *document_words) {
            if (at >= s.span.begin && at < s.span.end) continue;
            ++others;
            if (own.count(w)) shared = true;
        }
        if (shared || others < 50) continue;
        s.boilerplate = true;
        injected.push_back(s.span);
        diagnostics.push_back(suspicious(
            document, s.span, "a title-case line standing alone shares no word with the article"));
    }
    foreign_script_runs(document, injected, diagnostics);
    std::sort(injected.begin(), injected.end(),
              [](const Span& a, const Span& b) { return a.begin < b.begin; });
    return injected;
}

}  // namespace ekg::extract
