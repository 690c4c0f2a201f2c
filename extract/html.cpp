#include "html.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <optional>
#include <set>

#include "input_limits.h"
#include "text.h"

namespace ekg::extract {
namespace {

/// Elements whose content is never article text.
bool is_dropped(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_HEAD:
        case GUMBO_TAG_TITLE:
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_FORM:
        case GUMBO_TAG_BUTTON:
        case GUMBO_TAG_SELECT:
        case GUMBO_TAG_TEXTAREA:
        case GUMBO_TAG_INPUT:
        case GUMBO_TAG_OPTION:
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_OBJECT:
        case GUMBO_TAG_EMBED:
        case GUMBO_TAG_SVG:
        case GUMBO_TAG_CANVAS:
        case GUMBO_TAG_MATH:
        case GUMBO_TAG_VIDEO:
        case GUMBO_TAG_AUDIO:
        case GUMBO_TAG_MAP:
        case GUMBO_TAG_MENU:
        case GUMBO_TAG_FRAMESET:
        case GUMBO_TAG_NOFRAMES:
        case GUMBO_TAG_IMG:
        case GUMBO_TAG_IMAGE:
            return true;
        default:
            return false;
    }
}

/// Elements that begin and end a paragraph of the extracted text.
bool is_block(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_P:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
        case GUMBO_TAG_HGROUP:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_MAIN:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_HR:
        case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_TABLE:
        case GUMBO_TAG_TR:
        case GUMBO_TAG_CAPTION:
        case GUMBO_TAG_DETAILS:
        case GUMBO_TAG_SUMMARY:
        case GUMBO_TAG_FIELDSET:
        case GUMBO_TAG_CENTER:
        case GUMBO_TAG_BODY:
            return true;
        default:
            return false;
    }
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

const char* attribute(const GumboElement& e, const char* name) {
    const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
    return a == nullptr ? nullptr : a->value;
}

/// Words of class and id values that mark site furniture ("related-posts", "share_bar").
bool furniture_name(std::string_view value) {
    static const std::set<std::string> kParts = {
        "sidebar",    "related",       "share",  "sharing", "social",     "comments", "comment",
        "advert",     "advertisement", "ads",    "ad",      "newsletter", "cookie",   "cookies",
        "breadcrumb", "breadcrumbs",   "promo",  "navbar",  "nav",        "menu",     "subscribe",
        "popup",      "modal",         "widget", "footer",  "masthead"};
    std::string part;
    const std::string v = lower_ascii(value) + " ";
    for (char c : v) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            part += c;
            continue;
        }
        if (kParts.count(part)) return true;
        part.clear();
    }
    return false;
}

/// An element the reader never sees, or that the page marks as furniture.
bool is_hidden(const GumboElement& e) {
    if (gumbo_get_attribute(&e.attributes, "hidden") != nullptr) return true;
    if (const char* v = attribute(e, "aria-hidden"); v != nullptr && lower_ascii(v) == "true")
        return true;
    if (const char* v = attribute(e, "style")) {
        std::string s = lower_ascii(v);
        s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
        if (s.find("display:none") != std::string::npos ||
            s.find("visibility:hidden") != std::string::npos)
            return true;
    }
    if (const char* v = attribute(e, "role")) {
        const std::string r = lower_ascii(v);
        if (r == "navigation" || r == "banner" || r == "contentinfo" || r == "complementary" ||
            r == "search" || r == "menu" || r == "dialog")
            return true;
    }
    if (e.tag == GUMBO_TAG_ARTICLE || e.tag == GUMBO_TAG_MAIN || e.tag == GUMBO_TAG_BODY ||
        e.tag == GUMBO_TAG_HTML)
        return false;
    for (const char* name : {"class", "id"})
        if (const char* v = attribute(e, name); v != nullptr && furniture_name(v)) return true;
    return false;
}

/// Collects text with HTML white-space rules and paragraph breaks between blocks.
class TextBuilder {
  public:
    void text(std::string_view s, bool pre) {
        for (char c : s) {
            const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
            if (space && !pre) {
                pending_ = std::max(pending_, 1);
                continue;
            }
            flush();
            out_ += c;
        }
    }
    void block() { pending_ = std::max(pending_, 3); }
    void line() { pending_ = std::max(pending_, 2); }
    void bullet() { bullet_ = true; }
    std::string take() { return std::move(out_); }
    bool too_deep = false;  ///< the tree was deeper than its backstop; deeper content dropped

  private:
    void flush() {
        if (!out_.empty()) {
            if (pending_ == 1)
                out_ += ' ';
            else if (pending_ == 2)
                out_ += '\n';
            else if (pending_ == 3)
                out_ += "\n\n";
        }
        if (bullet_) out_ += "\xE2\x80\xA2 ";
        pending_ = 0;
        bullet_ = false;
    }
    std::string out_;
    int pending_ = 0;  ///< 0 nothing, 1 a space, 2 a line break, 3 a blank line
    bool bullet_ = false;
};

void walk(const GumboNode* node, TextBuilder& out, bool pre, std::size_t depth = 0) {
    if (depth > 4 * limits().max_html_depth) {
        out.too_deep = true;
        return;
    }
    switch (node->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA:
        case GUMBO_NODE_WHITESPACE:
            out.text(node->v.text.text, pre);
            return;
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE:
            break;
        default:
            return;
    }
    const GumboElement& e = node->v.element;
    if (is_dropped(e.tag) || node->type == GUMBO_NODE_TEMPLATE || is_hidden(e)) return;
    if (e.tag == GUMBO_TAG_BR) {
        out.line();
        return;
    }
    const bool block = is_block(e.tag);
    if (block) out.block();
    if (e.tag == GUMBO_TAG_LI) out.bullet();
    if (e.tag == GUMBO_TAG_TD || e.tag == GUMBO_TAG_TH) out.text(" ", false);
    for (unsigned i = 0; i < e.children.length; ++i)
        walk(static_cast<const GumboNode*>(e.children.data[i]), out, pre || e.tag == GUMBO_TAG_PRE,
             depth + 1);
    if (block) out.block();
    if (e.tag == GUMBO_TAG_TD || e.tag == GUMBO_TAG_TH) out.text(" ", false);
}

/// Every element with `tag` under `node`, in document order, outside dropped elements.
void find_all(const GumboNode* node, GumboTag tag, std::vector<const GumboNode*>& out,
              std::size_t depth = 0) {
    if (node->type != GUMBO_NODE_ELEMENT || depth > 4 * limits().max_html_depth) return;
    const GumboElement& e = node->v.element;
    if (e.tag == tag) {
        out.push_back(node);
        return;  // not nested ones
    }
    if (is_dropped(e.tag) && e.tag != GUMBO_TAG_HEAD) return;
    for (unsigned i = 0; i < e.children.length; ++i)
        find_all(static_cast<const GumboNode*>(e.children.data[i]), tag, out, depth + 1);
}

std::string collapse(std::string s) {
    std::string out;
    for (char c : s) {
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
        if (space) {
            if (!out.empty() && out.back() != ' ') out += ' ';
            continue;
        }
        out += c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string text_of(const GumboNode* node) {
    TextBuilder b;
    walk(node, b, false);
    return collapse(b.take());
}

/// The raw text of an element that walk() drops (<title>).
std::string raw_text(const GumboNode* node, std::size_t depth = 0) {
    std::string out;
    if (depth > 4 * limits().max_html_depth) return out;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA)
        return node->v.text.text;
    if (node->type != GUMBO_NODE_ELEMENT) return out;
    for (unsigned i = 0; i < node->v.element.children.length; ++i)
        out += raw_text(static_cast<const GumboNode*>(node->v.element.children.data[i]), depth + 1);
    return out;
}

/// "2016-07-04T10:00:00Z" -> "2016-07-04"; anything else -> "".
std::string iso_date(std::string_view s) {
    const auto digits = [&](std::size_t from, std::size_t n) {
        if (s.size() < from + n) return false;
        for (std::size_t i = from; i < from + n; ++i)
            if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
        return true;
    };
    if (digits(0, 4) && s.size() >= 10 && s[4] == '-' && digits(5, 2) && s[7] == '-' &&
        digits(8, 2))
        return std::string(s.substr(0, 10));
    return {};
}

struct Meta {
    std::string og_title, url, site, date;
};

void read_meta(const GumboNode* node, Meta& m, std::string& title, std::size_t depth = 0) {
    if (node->type != GUMBO_NODE_ELEMENT || depth > 4 * limits().max_html_depth) return;
    const GumboElement& e = node->v.element;
    if (e.tag == GUMBO_TAG_TITLE && title.empty()) title = collapse(raw_text(node));
    if (e.tag == GUMBO_TAG_META) {
        const char* key = attribute(e, "property");
        if (key == nullptr) key = attribute(e, "name");
        if (key == nullptr) key = attribute(e, "itemprop");
        const char* content = attribute(e, "content");
        if (key != nullptr && content != nullptr) {
            const std::string k = lower_ascii(key);
            if (k == "og:title" && m.og_title.empty())
                m.og_title = collapse(content);
            else if (k == "og:url" && m.url.empty())
                m.url = content;
            else if (k == "og:site_name" && m.site.empty())
                m.site = collapse(content);
            else if ((k == "article:published_time" || k == "datepublished" || k == "date" ||
                      k == "pubdate" || k == "dc.date" || k == "dc.date.issued") &&
                     m.date.empty())
                m.date = iso_date(content);
        }
    }
    if (e.tag == GUMBO_TAG_LINK) {
        const char* rel = attribute(e, "rel");
        const char* href = attribute(e, "href");
        if (rel != nullptr && href != nullptr && lower_ascii(rel) == "canonical") m.url = href;
    }
    if (e.tag == GUMBO_TAG_TIME && m.date.empty())
        if (const char* dt = attribute(e, "datetime")) m.date = iso_date(dt);
    for (unsigned i = 0; i < e.children.length; ++i)
        read_meta(static_cast<const GumboNode*>(e.children.data[i]), m, title, depth + 1);
}

/// Windows-1252 bytes 0x80-0x9F as code points (0 where undefined).
constexpr std::array<char16_t, 32> kCp1252 = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

std::string from_cp1252(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        char32_t cp = c;
        if (c >= 0x80 && c < 0xA0) cp = kCp1252[c - 0x80] == 0 ? 0xFFFD : kCp1252[c - 0x80];
        append_utf8(out, cp);
    }
    return out;
}

/// The charset a page declares in its first bytes, lower case, or "".
std::string declared_charset(std::string_view bytes) {
    const std::string head = lower_ascii(bytes.substr(0, 4096));
    const std::size_t at = head.find("charset=");
    if (at == std::string::npos) return {};
    std::size_t b = at + 8;
    while (b < head.size() && (head[b] == '"' || head[b] == '\'' || head[b] == ' ')) ++b;
    std::size_t e = b;
    while (e < head.size() &&
           (std::isalnum(static_cast<unsigned char>(head[e])) || head[e] == '-' || head[e] == '_'))
        ++e;
    return head.substr(b, e - b);
}

bool ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// The lower-case tag name at `pos` (letters, digits, '-', ':'), advancing `pos` past it.
std::string tag_name(std::string_view html, std::size_t& pos) {
    std::string name;
    while (pos < html.size() && (std::isalnum(static_cast<unsigned char>(html[pos])) ||
                                 html[pos] == '-' || html[pos] == ':')) {
        if (name.size() < 32) name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[pos])));
        ++pos;
    }
    return name;
}

bool one_of(const std::string& name, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

/// Returns `html` with the start tags that would nest deeper than `max_depth` removed (their
/// content stays), or nothing when no tag nests that deep. gumbo's work per tag grows with the
/// depth of the open elements, so 100,000 nested <div>s (500 KB) would take minutes; this
/// bounds it. The depth is estimated from the markup alone and never below gumbo's: an end tag
/// closes only the innermost element of its name (a block container's end tag also closes
/// inline elements left open inside it), and a self-closing "/>" counts as an open element
/// outside <svg> and <math>, as gumbo does. Void elements and raw-text elements
/// (<script>, <style>, ...; their content is skipped) never nest; a <p>, <li>, <td>, ... right
/// after one of its kind replaces it.
std::optional<std::string> flatten_deep_markup(std::string_view html, std::size_t max_depth) {
    std::vector<std::string> open;
    std::size_t foreign = 0;  // open <svg> and <math> elements
    std::string out;
    std::size_t copied = 0;
    bool dropped = false;
    std::size_t i = 0;
    while ((i = html.find('<', i)) != std::string_view::npos) {
        const std::size_t start = i;
        if (html.substr(i, 4) == "<!--") {
            const std::size_t end = html.find("-->", i + 4);
            i = end == std::string_view::npos ? html.size() : end + 3;
            continue;
        }
        if (i + 1 < html.size() && (html[i + 1] == '!' || html[i + 1] == '?')) {
            const std::size_t end = html.find('>', i);
            i = end == std::string_view::npos ? html.size() : end + 1;
            continue;
        }
        if (html.substr(i, 2) == "</") {
            std::size_t p = i + 2;
            if (p < html.size() && ascii_alpha(html[p])) {
                const std::string name = tag_name(html, p);
                // The innermost element of that name; a block container also closes what was
                // left open inside it ("<div><span>x</div>"), as gumbo does, but never across
                // a scope boundary.
                const bool container = one_of(
                    name, {"div", "section", "article", "main", "aside", "nav", "header", "footer",
                           "ul", "ol", "dl", "center", "blockquote", "figure", "h1", "h2", "h3",
                           "h4", "h5", "h6", "details", "address", "fieldset", "pre"});
                for (std::size_t k = open.size(); k > 0 && k + 8 > open.size(); --k) {
                    if (open[k - 1] == name) {
                        for (std::size_t j = k - 1; j < open.size(); ++j)
                            if (open[j] == "svg" || open[j] == "math") --foreign;
                        open.resize(k - 1);
                        break;
                    }
                    if (!container ||
                        one_of(open[k - 1], {"applet", "caption", "table", "td", "th", "marquee", "object",
                                             "template", "svg", "math", "button", "select", "tr",
                                             "tbody", "thead", "tfoot"}))
                        break;
                }
            }
            const std::size_t end = html.find('>', i);
            i = end == std::string_view::npos ? html.size() : end + 1;
            continue;
        }
        if (i + 1 >= html.size() || !ascii_alpha(html[i + 1])) {
            ++i;
            continue;
        }
        std::size_t p = i + 1;
        const std::string name = tag_name(html, p);
        // Attributes up to '>', with quoted values that may hold '>'.
        bool self_closing = false;
        while (p < html.size() && html[p] != '>') {
            if (html[p] == '=') {
                ++p;
                while (p < html.size() && std::isspace(static_cast<unsigned char>(html[p]))) ++p;
                if (p >= html.size()) break;
                if (html[p] == '"' || html[p] == '\'') {
                    const std::size_t close = html.find(html[p], p + 1);
                    p = close == std::string_view::npos ? html.size() : close + 1;
                    continue;
                }
            }
            self_closing = html[p] == '/';
            ++p;
        }
        i = std::min(p + 1, html.size());
        if (one_of(name, {"html", "head", "body", "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                          "param", "source", "track", "wbr", "basefont", "bgsound", "frame",
                          "keygen", "image"}) ||
            (self_closing && foreign > 0))
            continue;
        if (foreign == 0 && one_of(name, {"script", "style", "textarea", "title", "xmp", "iframe",
                                          "noembed", "noframes", "plaintext"})) {
            // Raw text: skip to the end tag (case-insensitive); nothing inside nests.
            if (name == "plaintext") break;
            const std::string close = "</" + name;
            std::size_t q = i;
            while ((q = html.find("</", q)) != std::string_view::npos &&
                   lower_ascii(html.substr(q, close.size())) != close)
                q += 2;
            i = q == std::string_view::npos ? html.size() : q;
            continue;
        }
        if (!open.empty()) {
            const std::string& top = open.back();
            const bool same_kind =
                top == name || (one_of(name, {"dt", "dd"}) && one_of(top, {"dt", "dd"})) ||
                (one_of(name, {"td", "th"}) && one_of(top, {"td", "th"}));
            if (same_kind && one_of(name, {"p", "li", "dt", "dd", "option", "tr", "td", "th"})) {
                open.back() = name;
                continue;
            }
        }
        if (open.size() >= max_depth) {
            out.append(html.substr(copied, start - copied));
            copied = i;
            dropped = true;
            continue;
        }
        if (name == "svg" || name == "math") ++foreign;
        open.push_back(name);
    }
    if (!dropped) return std::nullopt;
    out.append(html.substr(copied));
    return out;
}

}  // namespace

bool looks_like_html(std::string_view bytes) {
    std::size_t i = 0;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    while (i < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[i]))) ++i;
    if (i + 1 >= bytes.size() || bytes[i] != '<') return false;
    const char c = bytes[i + 1];
    return c == '!' || std::isalpha(static_cast<unsigned char>(c));
}

HtmlText html_to_text(std::string_view html) {
    HtmlText result;
    const std::optional<std::string> flat = flatten_deep_markup(html, limits().max_html_depth);
    if (flat) {
        html = *flat;
        result.too_deep = true;
    }
    // gumbo keeps a copy of the open elements with every parse error: record none.
    static const GumboOptions kOptions = [] {
        GumboOptions o = kGumboDefaultOptions;
        o.max_errors = 0;
        return o;
    }();
    std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
        gumbo_parse_with_options(&kOptions, html.data(), html.size()),
        [](GumboOutput* o) { gumbo_destroy_output(&kOptions, o); });
    Meta meta;
    std::string page_title;
    read_meta(output->root, meta, page_title);
    // Read the article when the page marks one: the longest <article>, else <main>, else all.
    std::vector<const GumboNode*> roots;
    find_all(output->root, GUMBO_TAG_ARTICLE, roots);
    if (roots.empty()) find_all(output->root, GUMBO_TAG_MAIN, roots);
    const GumboNode* root = output->root;
    std::string best;
    for (const GumboNode* r : roots) {
        TextBuilder b;
        walk(r, b, false);
        result.too_deep = result.too_deep || b.too_deep;
        std::string t = b.take();
        if (t.size() > best.size()) {
            best = std::move(t);
            root = r;
        }
    }
    if (roots.empty() || best.empty()) {
        TextBuilder b;
        walk(output->root, b, false);
        result.too_deep = result.too_deep || b.too_deep;
        best = b.take();
        root = output->root;
    }
    result.text = std::move(best);
    std::vector<const GumboNode*> h1;
    find_all(root, GUMBO_TAG_H1, h1);
    if (h1.empty() && root != output->root) find_all(output->root, GUMBO_TAG_H1, h1);
    for (const GumboNode* h : h1) {
        result.title = text_of(h);
        if (!result.title.empty()) break;
    }
    if (result.title.empty()) result.title = meta.og_title;
    if (result.title.empty()) result.title = page_title;
    result.date = meta.date;
    result.url = meta.url;
    result.source = meta.site;
    return result;
}

Document html_document(std::string bytes, const std::string& path,
                       const DiagnosticHandler& on_diagnostic) {
    RepairReport report;
    std::string text = repair_utf8(bytes, report);
    if (report.invalid_sequences > 0) {
        const std::string charset = declared_charset(bytes);
        if (charset == "windows-1252" || charset == "cp1252" || charset == "iso-8859-1" ||
            charset == "latin1" || charset == "iso-8859-15" || charset == "latin-1") {
            RepairReport again;
            text = repair_utf8(from_cp1252(bytes), again);
            report = again;
        }
    }
    if (report.invalid_sequences > 0)
        on_diagnostic(Diagnostic{Severity::warning, path, 0, "invalid-utf8",
                                 std::to_string(report.invalid_sequences) +
                                     " invalid UTF-8 sequence(s) replaced by U+FFFD"});
    HtmlText page = html_to_text(text);
    // A byte-order mark inside the page (a character reference, an included file) that begins
    // the text or title is dropped, as a leading one is from any input (found by fuzz_html_reader).
    // gumbo can emit an ill-formed sequence for some malformed character references (found by
    // fuzz_html_reader, corpus/html/crash-92a1f9...): the text is repaired again.
    for (std::string* s : {&page.text, &page.title}) {
        RepairReport again;
        *s = repair_utf8(*s, again);
        while (s->starts_with("\xEF\xBB\xBF")) s->erase(0, 3);
    }
    if (page.too_deep)
        on_diagnostic(Diagnostic{Severity::warning, path, 0, "html-too-deep",
                                 "elements nested deeper than " +
                                     std::to_string(limits().max_html_depth) + " levels flattened"});
    Document doc;
    doc.path = path;
    doc.title = page.title.size() <= 300 ? page.title : std::string();
    doc.date = page.date;
    doc.url = page.url;
    doc.source = page.source;
    doc.text = std::move(page.text);
    if (!doc.title.empty() && !doc.text.empty() &&
        doc.text.compare(0, doc.title.size(), doc.title) != 0)
        doc.text = doc.title + "\n\n" + doc.text;
    finish_document(doc);
    return doc;
}

}  // namespace ekg::extract
