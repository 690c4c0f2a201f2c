#include "xml.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "text.h"

namespace ekg::exporter {

void append_xml_escaped(std::string& out, std::string_view text) {
    // Most text is plain printable ASCII with nothing to escape: copy it whole.
    const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b >= 0x20 && b < 0x7F && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'';
    });
    if (plain) {
        out += text;
        return;
    }
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t start = pos;
        const char32_t cp = extract::next_code_point(text, pos);
        switch (cp) {
            case '&': out += "&amp;"; continue;
            case '<': out += "&lt;"; continue;
            case '>': out += "&gt;"; continue;
            case '"': out += "&quot;"; continue;
            case '\'': out += "&apos;"; continue;
            case '\t': case '\n': case '\r': out += ' '; continue;
            default: break;
        }
        if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            continue;
        out.append(text.substr(start, pos - start));
    }
}

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    append_xml_escaped(out, text);
    return out;
}

std::optional<std::string> format_double(double value) {
    if (!std::isfinite(value)) return std::nullopt;
    char buf[64];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
    if (ec != std::errc()) return std::nullopt;
    std::string s(buf, end);
    // Gephi and JS readers want a plain decimal; to_chars may pick exponent form.
    if (s.find('e') != std::string::npos) {
        const auto [end2, ec2] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed);
        if (ec2 == std::errc()) s.assign(buf, end2);
    }
    return s;
}

bool is_safe_xml_id(std::string_view id) {
    if (id.empty()) return false;
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        c == '.' || c == '-' || c == '_' || c == ':';
        if (!ok) return false;
    }
    return true;
}

void flush_buffer(std::string& buffer, std::ostream& os, bool force) {
    if (force || buffer.size() > (std::size_t{1} << 20)) {
        os.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        buffer.clear();
    }
}

double node_size(std::size_t degree) { return 5.0 + 3.0 * std::sqrt(static_cast<double>(degree)); }

}  // namespace ekg::exporter
