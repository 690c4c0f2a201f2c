#include "json_read.h"

#include <array>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <system_error>

#include "text.h"

namespace ekg::extract {
namespace {

std::size_t skip_space(std::string_view s, std::size_t i) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) ++i;
    return i;
}

/// Four hex digits at s[i] (advancing i), or -1.
long hex4(std::string_view s, std::size_t& i) {
    if (i + 4 > s.size()) return -1;
    long v = 0;
    for (std::size_t k = 0; k < 4; ++k) {
        const char c = s[i + k];
        const int d = c >= '0' && c <= '9'   ? c - '0'
                      : c >= 'a' && c <= 'f' ? c - 'a' + 10
                      : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                             : -1;
        if (d < 0) return -1;
        v = v * 16 + d;
    }
    i += 4;
    return v;
}

/// The first index from i on, in steps of eight bytes, of a word that may hold a byte a JSON
/// string cannot take as it is: a quote, a backslash, a control byte or a non-ASCII byte (the
/// caller checks those one at a time).
std::size_t plain_ascii_run(std::string_view s, std::size_t i) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    const auto zero_byte = [](std::uint64_t v) { return (v - ones) & ~v & highs; };
    while (i + 8 <= s.size()) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        const std::uint64_t special = (w & highs) | ((w - 0x20 * ones) & ~w & highs) |
                                      zero_byte(w ^ ('"' * ones)) | zero_byte(w ^ ('\\' * ones));
        if (special) break;
        i += 8;
    }
    return i;
}

/// Decodes the JSON string whose opening quote is before s[i] into `out`, leaving i past the
/// closing quote. False on what a strict parser rejects (control characters, ill-formed UTF-8,
/// bad escapes, lone surrogates) or an unterminated string.
bool read_json_string(std::string_view s, std::size_t& i, std::string& out) {
    for (;;) {
        const std::size_t start = i;
        i = plain_ascii_run(s, i);
        while (i < s.size()) {
            const auto c = static_cast<unsigned char>(s[i]);
            if (c == '"' || c == '\\' || c < 0x20) break;
            if (c < 0x80) {
                ++i;
                continue;
            }
            const std::size_t n = valid_sequence_length(s, i);  // the ranges nlohmann checks too
            if (n == 0) return false;
            i += n;
        }
        out.append(s.substr(start, i - start));
        if (i >= s.size() || s[i] != '\\') {
            if (i >= s.size() || s[i] != '"') return false;  // unterminated, or a control byte
            ++i;
            return true;
        }
        if (++i >= s.size()) return false;
        switch (s[i++]) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                long cp = hex4(s, i);
                if (cp < 0 || (cp >= 0xDC00 && cp <= 0xDFFF)) return false;
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    if (s.substr(i, 2) != "\\u") return false;
                    i += 2;
                    const long low = hex4(s, i);
                    if (low < 0xDC00 || low > 0xDFFF) return false;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                }
                append_utf8(out, static_cast<char32_t>(cp));
                break;
            }
            default:
                return false;
        }
    }
}

constexpr int kMaxDepth = 256;

/// A recursive reader over one text; every function leaves `i` past what it read.
class Reader {
public:
    explicit Reader(std::string_view s) : s_(s) {}

    bool document(nlohmann::json& out) {
        i_ = skip_space(s_, 0);
        if (!value(out, 0)) return false;
        return skip_space(s_, i_) == s_.size();
    }

private:
    bool value(nlohmann::json& out, int depth) {
        if (i_ >= s_.size()) return false;
        switch (s_[i_]) {
            case '"': {
                ++i_;
                std::string text;
                if (!read_json_string(s_, i_, text)) return false;
                out = std::move(text);
                return true;
            }
            case '{':
                return depth < kMaxDepth && object(out, depth);
            case '[':
                return depth < kMaxDepth && array(out, depth);
            case 't':
                return literal("true", out, true);
            case 'f':
                return literal("false", out, false);
            case 'n':
                return literal("null", out, nullptr);
            default:
                return number(out);
        }
    }

    bool object(nlohmann::json& out, int depth) {
        out = nlohmann::json::object();
        i_ = skip_space(s_, i_ + 1);
        if (i_ < s_.size() && s_[i_] == '}') {
            ++i_;
            return true;
        }
        std::string key;
        for (;;) {
            if (i_ >= s_.size() || s_[i_] != '"') return false;
            ++i_;
            key.clear();
            if (!read_json_string(s_, i_, key)) return false;
            i_ = skip_space(s_, i_);
            if (i_ >= s_.size() || s_[i_] != ':') return false;
            i_ = skip_space(s_, i_ + 1);
            // A repeated key keeps its last value, as with nlohmann's parser.
            if (!value(out[key], depth + 1)) return false;
            i_ = skip_space(s_, i_);
            if (i_ >= s_.size()) return false;
            if (s_[i_] == '}') {
                ++i_;
                return true;
            }
            if (s_[i_] != ',') return false;
            i_ = skip_space(s_, i_ + 1);
        }
    }

    bool array(nlohmann::json& out, int depth) {
        out = nlohmann::json::array();
        i_ = skip_space(s_, i_ + 1);
        if (i_ < s_.size() && s_[i_] == ']') {
            ++i_;
            return true;
        }
        for (;;) {
            out.push_back(nullptr);
            if (!value(out.back(), depth + 1)) return false;
            i_ = skip_space(s_, i_);
            if (i_ >= s_.size()) return false;
            if (s_[i_] == ']') {
                ++i_;
                return true;
            }
            if (s_[i_] != ',') return false;
            i_ = skip_space(s_, i_ + 1);
        }
    }

    template <class V>
    bool literal(std::string_view word, nlohmann::json& out, V v) {
        if (s_.substr(i_, word.size()) != word) return false;
        i_ += word.size();
        out = v;
        return true;
    }

    /// JSON's number grammar; integers become unsigned (no sign) or signed 64-bit numbers and
    /// the rest doubles, as nlohmann's lexer makes them. Out of range: not certain.
    bool number(nlohmann::json& out) {
        const std::size_t start = i_;
        const auto digit = [&] { return i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9'; };
        const auto digits = [&] {
            if (!digit()) return false;
            while (digit()) ++i_;
            return true;
        };
        const bool negative = i_ < s_.size() && s_[i_] == '-';
        if (negative) ++i_;
        if (i_ < s_.size() && s_[i_] == '0') {
            ++i_;
        } else if (!digits()) {
            return false;
        }
        bool integer = true;
        if (i_ < s_.size() && s_[i_] == '.') {
            ++i_;
            if (!digits()) return false;
            integer = false;
        }
        if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
            ++i_;
            if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
            if (!digits()) return false;
            integer = false;
        }
        const char* first = s_.data() + start;
        const char* last = s_.data() + i_;
        if (integer && negative) return convert<std::int64_t>(first, last, out);
        if (integer) return convert<std::uint64_t>(first, last, out);
        return convert<double>(first, last, out);
    }

    template <class N>
    static bool convert(const char* first, const char* last, nlohmann::json& out) {
        N n{};
        const auto r = std::from_chars(first, last, n);
        if (r.ec != std::errc() || r.ptr != last) return false;
        out = n;
        return true;
    }

    std::string_view s_;
    std::size_t i_ = 0;
};

}  // namespace

char JsonCursor::peek() {
    i_ = skip_space(s_, i_);
    return i_ < s_.size() ? s_[i_] : '\0';
}

bool JsonCursor::enter(char open) {
    if (failed_ || peek() != open) return fail();
    ++i_;
    return true;
}

bool JsonCursor::more(char close) {
    if (failed_) return false;
    char c = peek();
    if (c == ',') {
        ++i_;
        c = peek();
    }
    if (c == close) {
        ++i_;
        return false;
    }
    return c != '\0' || fail();
}

bool JsonCursor::next_key(std::string& key) {
    if (!more('}')) return false;
    if (peek() != '"') return fail();
    ++i_;
    key.clear();
    if (!read_json_string(s_, i_, key) || peek() != ':') return fail();
    ++i_;
    return true;
}

bool JsonCursor::string(std::string& out) {
    out.clear();
    const char c = peek();
    if (c == 'n') return skip();
    if (c != '"') return fail();
    ++i_;
    return read_json_string(s_, i_, out) || fail();
}

namespace {

/// Bytes a skip must stop at: in a string the quote and the backslash (1), outside it also the
/// brackets (2).
constexpr std::array<unsigned char, 256> kStops = [] {
    std::array<unsigned char, 256> t{};
    t['"'] = t['\\'] = 1;
    t['{'] = t['}'] = t['['] = t[']'] = 2;
    return t;
}();

bool scalar_byte(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-' || c == '+' || c == '.' ||
           c == 'E';
}

}  // namespace

bool JsonCursor::skip_string() {
    const std::size_t n = s_.size();
    for (;;) {
        while (i_ < n && kStops[static_cast<unsigned char>(s_[i_])] != 1) ++i_;
        if (i_ >= n) return fail();
        if (s_[i_++] == '"') return true;
        ++i_;  // the escaped byte
    }
}

std::string_view JsonCursor::scalar() {
    const std::size_t start = i_;
    while (i_ < s_.size() && scalar_byte(s_[i_])) ++i_;
    return s_.substr(start, i_ - start);
}

bool JsonCursor::skip() {
    if (failed_) return false;
    const char c = peek();
    if (c == '"') {
        ++i_;
        return skip_string();
    }
    if (c == '{' || c == '[') {
        std::size_t depth = 0;
        const std::size_t n = s_.size();
        while (i_ < n) {
            while (i_ < n && kStops[static_cast<unsigned char>(s_[i_])] == 0) ++i_;
            if (i_ >= n) break;
            const char d = s_[i_++];
            if (d == '"') {
                if (!skip_string()) return false;
            } else if (d == '{' || d == '[') {
                ++depth;
            } else if (d == '}' || d == ']') {
                if (--depth == 0) return true;
            }  // a backslash outside a string: lenient, as before
        }
        return fail();
    }
    return !scalar().empty() || fail();
}

template <class N>
bool JsonCursor::number(N& out) {
    if (failed_) return false;
    peek();
    const std::string_view v = scalar();
    const auto r = std::from_chars(v.data(), v.data() + v.size(), out);
    return (!v.empty() && r.ec == std::errc() && r.ptr == v.data() + v.size()) || fail();
}

bool JsonCursor::integer(std::int64_t& out) { return number(out); }

bool JsonCursor::real(double& out) { return number(out); }

bool JsonCursor::boolean(bool& out) {
    if (failed_) return false;
    peek();
    const std::string_view v = scalar();
    if (v == "true" || v == "false") {
        out = v == "true";
        return true;
    }
    return fail();
}

bool JsonCursor::null() {
    if (failed_ || peek() != 'n') return false;
    if (scalar() == "null") return true;
    return fail();
}

bool parse_json_fast(std::string_view text, nlohmann::json& out) {
    return Reader(text).document(out);
}

nlohmann::json parse_json(std::string_view text) {
    nlohmann::json j;
    if (parse_json_fast(text, j)) return j;
    return nlohmann::json::parse(text);
}

}  // namespace ekg::extract
