#include "text.h"

#include "input_limits.h"

#include <utf8proc.h>

namespace ekg::extract {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

/// Code points folded to fixed ASCII before Unicode folding; 0 means "drop".
bool special_fold(char32_t cp, char32_t& out) {
    switch (cp) {
        case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
            out = '\''; return true;
        case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB:
        case 0x00BB:
            out = '"'; return true;
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
        case 0x2212:
            out = '-'; return true;
        case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
            out = 0; return true;
        case '\t': case '\n': case '\r': case '\f': case '\v':
            out = ' '; return true;
        default: break;
    }
    if (cp >= 0x80 && utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_ZS) {
        out = ' ';
        return true;
    }
    return false;
}

}  // namespace

std::size_t valid_sequence_length(std::string_view s, std::size_t pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char b0 = byte(pos);
    const std::size_t left = s.size() - pos;
    if (b0 < 0x80) return 1;
    const auto cont = [&](std::size_t i) { return (byte(pos + i) & 0xC0) == 0x80; };
    if (b0 >= 0xC2 && b0 <= 0xDF) return left >= 2 && cont(1) ? 2 : 0;
    if (b0 >= 0xE0 && b0 <= 0xEF) {
        if (left < 3 || !cont(1) || !cont(2)) return 0;
        const unsigned char b1 = byte(pos + 1);
        if (b0 == 0xE0 && b1 < 0xA0) return 0;   // overlong
        if (b0 == 0xED && b1 >= 0xA0) return 0;  // surrogate
        return 3;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4) {
        if (left < 4 || !cont(1) || !cont(2) || !cont(3)) return 0;
        const unsigned char b1 = byte(pos + 1);
        if (b0 == 0xF0 && b1 < 0x90) return 0;   // overlong
        if (b0 == 0xF4 && b1 >= 0x90) return 0;  // above U+10FFFF
        return 4;
    }
    return 0;
}

std::string repair_utf8(std::string_view bytes, RepairReport& report) {
    std::size_t start = 0;
    // Every leading byte-order mark: a doubled one (re-encoded files) would survive one repair
    // and be dropped by the next, so repair would not be idempotent.
    while (bytes.substr(start, 3) == "\xEF\xBB\xBF") start += 3;
    std::string out;
    out.reserve(bytes.size() - start);
    for (std::size_t pos = start; pos < bytes.size();) {
        std::size_t run = pos;  // ASCII other than NUL is copied in one go
        while (run < bytes.size() && static_cast<unsigned char>(bytes[run]) - 1u < 0x7Fu) ++run;
        if (run > pos) {
            out.append(bytes.substr(pos, run - pos));
            pos = run;
            continue;
        }
        const std::size_t n = valid_sequence_length(bytes, pos);
        if (n == 0) {
            ++report.invalid_sequences;
            append_utf8(out, kReplacement);
            ++pos;
        } else if (bytes[pos] == '\0') {
            ++report.nul_bytes;
            append_utf8(out, kReplacement);
            ++pos;
        } else {
            out.append(bytes.substr(pos, n));
            pos += n;
        }
    }
    return out;
}

char32_t next_code_point(std::string_view text, std::size_t& pos) {
    const auto b0 = static_cast<unsigned char>(text[pos]);
    if (b0 < 0x80) {
        ++pos;
        return b0;
    }
    const std::size_t n = valid_sequence_length(text, pos);
    if (n == 0) {
        ++pos;
        return kReplacement;
    }
    char32_t cp = b0 & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
    for (std::size_t i = 1; i < n; ++i) cp = (cp << 6) | (static_cast<unsigned char>(text[pos + i]) & 0x3F);
    pos += n;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

namespace {

/// fold() and fold_string() in one: with `Offsets`, every output byte records the original
/// code point it came from.
template <bool Offsets>
void fold_into(std::string_view original, FoldedText& f) {
    f.text.reserve(original.size());
    if constexpr (Offsets) {
        f.begin.reserve(original.size());
        f.end.reserve(original.size());
    }
    const auto emit = [&](char32_t cp, std::uint32_t b, std::uint32_t e) {
        const std::size_t before = f.text.size();
        append_utf8(f.text, cp);
        if constexpr (Offsets) {
            for (std::size_t i = before; i < f.text.size(); ++i) {
                f.begin.push_back(b);
                f.end.push_back(e);
            }
        }
    };
    for (std::size_t pos = 0; pos < original.size();) {
        // Fast path: a run of printable ASCII (space included) folds byte for byte.
        std::size_t run = pos;
        while (run < original.size() && static_cast<unsigned char>(original[run]) >= 0x20 &&
               static_cast<unsigned char>(original[run]) < 0x80)
            ++run;
        if (run > pos) {
            const std::size_t at = f.text.size(), n = run - pos;
            f.text.resize(at + n);
            char* out = f.text.data() + at;
            for (std::size_t i = 0; i < n; ++i) {
                const char c = original[pos + i];
                out[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
            }
            if constexpr (Offsets) {
                f.begin.resize(at + n);
                f.end.resize(at + n);
                std::uint32_t* begin = f.begin.data() + at;
                std::uint32_t* end = f.end.data() + at;
                for (std::size_t i = 0; i < n; ++i) {
                    begin[i] = static_cast<std::uint32_t>(pos + i);
                    end[i] = static_cast<std::uint32_t>(pos + i + 1);
                }
            }
            pos = run;
            if (pos == original.size()) break;
        }
        const auto b = static_cast<std::uint32_t>(pos);
        const char32_t cp = next_code_point(original, pos);
        const auto e = static_cast<std::uint32_t>(pos);
        char32_t mapped = 0;
        if (special_fold(cp, mapped) || cp < 0x80) {
            if (cp < 0x80 && mapped == 0 && cp != 0) mapped = cp;
            if (mapped != 0) emit(mapped, b, e);
            continue;
        }
        utf8proc_int32_t buf[16];
        int last_boundclass = 0;
        const auto n = utf8proc_decompose_char(
            static_cast<utf8proc_int32_t>(cp), buf, 16,
            static_cast<utf8proc_option_t>(UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT |
                                           UTF8PROC_STRIPMARK),
            &last_boundclass);
        if (n < 0 || n > 16) {
            emit(cp, b, e);
            continue;
        }
        for (utf8proc_ssize_t i = 0; i < n; ++i) {
            char32_t out = static_cast<char32_t>(buf[i]);
            char32_t again = 0;
            if (special_fold(out, again)) {
                if (again == 0) continue;
                out = again;
            }
            emit(out, b, e);
        }
    }
}

}  // namespace

FoldedText fold(std::string_view original) {
    FoldedText f;
    fold_into<true>(original, f);
    return f;
}


std::string fold_string(std::string_view s) {
    FoldedText f;
    fold_into<false>(s, f);
    return std::move(f.text);
}

bool is_alnum_cp(char32_t cp) {
    if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
        case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
        case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
        case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: case UTF8PROC_CATEGORY_MN:
        case UTF8PROC_CATEGORY_MC:
            return true;
        default:
            return false;
    }
}

std::vector<Token> tokenize(const FoldedText& folded, std::size_t* dropped) {
    std::vector<Token> tokens;
    const std::size_t max = limits().max_token_bytes;
    const std::string_view t = folded.text;
    tokens.reserve(t.size() / 5 + 1);
    const auto ascii_alnum = [](unsigned char c) {
        return static_cast<unsigned>(c - '0') < 10u || static_cast<unsigned>((c | 0x20) - 'a') < 26u;
    };
    std::size_t pos = 0;
    while (pos < t.size()) {
        const std::size_t start = pos;
        if (t[pos] == ' ') {  // the folded text has only plain spaces
            ++pos;
            continue;
        }
        const char32_t cp = next_code_point(t, pos);
        if (cp == ' ') continue;
        if (!is_alnum_cp(cp)) {
            Token tok{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(pos), {}, false};
            tok.span = folded.to_original(start, pos);
            tokens.push_back(tok);
            continue;
        }
        std::size_t end = pos;
        while (end < t.size()) {
            const auto c = static_cast<unsigned char>(t[end]);
            if (c < 0x80) {
                if (!ascii_alnum(c)) break;
                ++end;
                continue;
            }
            std::size_t next = end;
            if (!is_alnum_cp(next_code_point(t, next))) break;
            end = next;
        }
        pos = end;
        if (end - start > max) {  // no word is this long: a run of junk no matcher should scan
            if (dropped != nullptr) ++*dropped;
            continue;
        }
        Token tok{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end), {}, true};
        tok.span = folded.to_original(start, end);
        tokens.push_back(tok);
    }
    return tokens;
}

CaseStyle case_style(std::string_view text) {
    std::size_t upper = 0, lower = 0;
    for (const char ch : text) {  // branch-free, so the compiler can vectorise it
        const auto c = static_cast<unsigned char>(ch);
        upper += static_cast<unsigned>(c - 'A') < 26u;
        lower += static_cast<unsigned>(c - 'a') < 26u;
    }
    const std::size_t letters = upper + lower;
    if (letters < 20) return CaseStyle::mixed;
    if (upper * 100 >= letters * 85) return CaseStyle::upper;
    if (upper * 200 < letters) return CaseStyle::lower;
    return CaseStyle::mixed;
}

bool starts_upper(std::string_view original, const Token& token) {
    if (token.span.begin >= original.size()) return false;
    const auto c = static_cast<unsigned char>(original[token.span.begin]);
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    std::size_t pos = token.span.begin;
    const char32_t cp = next_code_point(original, pos);
    return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_LU;
}

std::vector<std::uint8_t> capitals(std::string_view original, const FoldedText& folded,
                                   const std::vector<Token>& tokens, CaseStyle style,
                                   const FingerprintSet& common) {
    std::vector<std::uint8_t> out(tokens.size(), 0);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        if (!t.word) continue;
        if (style == CaseStyle::mixed) {
            out[i] = starts_upper(original, t);
            continue;
        }
        const std::string_view w(folded.text.data() + t.fbegin, t.fend - t.fbegin);
        const auto c = static_cast<unsigned char>(w.front());
        if (c >= '0' && c <= '9') continue;
        if (style == CaseStyle::lower) {
            // A single letter is an initial only with its stop ("alberto m. fernandez"), not
            // the "s" of "iraq's".
            const bool initial = w.size() == 1 && w != "a" && w != "i" && i + 1 < tokens.size() &&
                                 tokens[i + 1].span.begin == t.span.end &&
                                 original[t.span.end] == '.';
            out[i] = starts_upper(original, t) || initial ||
                     (w.size() > 1 && !common.contains(FingerprintSet::of(w)));
            continue;
        }
        // A single letter other than "a" is an initial ("ALBERTO M. FERNANDEZ").
        out[i] = starts_upper(original, t) &&
                 ((w.size() == 1 && w != "a") || !common.contains(FingerprintSet::of(w)));
    }
    return out;
}

}  // namespace ekg::extract
