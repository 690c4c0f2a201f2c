#include "json_output.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <cstdint>
#include <limits>
#include <optional>

#include "json_read.h"
#include "text.h"

namespace ekg::extract {
namespace {

/// Writes the contract's compact JSON straight into a string, byte for byte what
/// nlohmann::ordered_json::dump() printed for the same object: no tree of nodes, one buffer.
class Writer {
public:
    Writer(std::string& out, bool explain) : out_(out), explain_(explain) {}

    void open() { out_ += '{'; first_ = true; }
    void close() { out_ += '}'; first_ = false; }
    void open_array() { out_ += '['; first_ = true; }
    void close_array() { out_ += ']'; first_ = false; }
    /// Starts a member ("key":) or, with an empty key, an array element.
    void key(std::string_view k) {
        if (k.empty()) {
            if (!first_) out_ += ',';
            first_ = false;
            return;
        }
        // One append of `,"key":` (keys are short names): the writer's commonest call.
        char buf[64];
        if (k.size() + 4 > sizeof buf) {
            if (!first_) out_ += ',';
            first_ = false;
            out_ += '"';
            out_ += k;
            out_ += "\":";
            return;
        }
        out_.append(buf, key_into(buf, k));
    }
    void value(std::string_view s) { append_json_string(out_, s); }
    void value(const char* s) { value(std::string_view(s)); }
    void value(bool b) { out_ += b ? "true" : "false"; }
    void value(std::int64_t n) { integer(n); }
    void value(std::uint64_t n) { integer(n); }
    void value(std::uint32_t n) { integer(n); }
    void value(double d) {
        if (!std::isfinite(d)) {
            out_ += "null";
            return;
        }
        char buf[64];
        char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, d);
        out_.append(buf, end);
    }
    void null() { out_ += "null"; }
    void raw(std::string_view json) { out_ += json; }

    void field(std::string_view k, std::string_view s) { key(k); value(s); }
    void field(std::string_view k, const char* s) { key(k); value(s); }
    void field(std::string_view k, bool b) { key(k); value(b); }
    void field(std::string_view k, std::int64_t n) { integer_field(k, n); }
    void field(std::string_view k, std::uint64_t n) { integer_field(k, n); }
    void field(std::string_view k, std::uint32_t n) { integer_field(k, n); }
    void field(std::string_view k, double d) { key(k); value(d); }
    /// An empty string is written as null.
    void opt_field(std::string_view k, const std::string& s) {
        key(k);
        if (s.empty()) null();
        else value(s);
    }
    void opt_field(std::string_view k, const std::optional<double>& d) {
        key(k);
        if (d) value(*d);
        else null();
    }
    void span(const Span& s) {
        field("start", s.begin);
        field("end", s.end);
    }
    void rule(const std::string& r) {
        if (explain_) field("rule", r);
    }
    bool explain() const { return explain_; }

private:
    /// Writes `,"k":` (no comma first in an object or array) into `buf`, which has room for
    /// k.size() + 4 bytes; returns the length.
    std::size_t key_into(char* buf, std::string_view k) {
        std::size_t n = 0;
        if (!first_) buf[n++] = ',';
        first_ = false;
        buf[n++] = '"';
        std::memcpy(buf + n, k.data(), k.size());
        n += k.size();
        buf[n++] = '"';
        buf[n++] = ':';
        return n;
    }
    /// `,"k":n` in one append (spans and counts: the numbers of every mention).
    template <typename N>
    void integer_field(std::string_view k, N n) {
        char buf[64];
        if (k.empty() || k.size() + 4 + 24 > sizeof buf) {
            key(k);
            integer(n);
            return;
        }
        const std::size_t at = key_into(buf, k);
        const auto r = std::to_chars(buf + at, buf + sizeof buf, n);
        out_.append(buf, r.ptr);
    }
    template <typename N>
    void integer(N n) {
        char buf[24];
        const auto r = std::to_chars(buf, buf + sizeof buf, n);
        out_.append(buf, r.ptr);
    }

    std::string& out_;
    bool explain_;
    bool first_ = true;
};

void write_arg(Writer& w, const Arg& a) {
    w.open();
    w.field("text", a.text);
    w.span(a.span);
    w.opt_field("actor", a.actor);
    w.rule(a.rule);
    w.close();
}

void write_args(Writer& w, std::string_view k, const std::vector<Arg>& args) {
    w.key(k);
    w.open_array();
    for (const Arg& a : args) {
        w.key({});
        write_arg(w, a);
    }
    w.close_array();
}

void write_figure(Writer& w, std::string_view k, const std::optional<Figure>& f) {
    w.key(k);
    if (!f) return w.null();
    w.open();
    w.field("value", f->value);
    w.field("qualifier", to_string(f->qualifier));
    w.field("text", f->text);
    w.span(f->span);
    w.rule(f->rule);
    w.close();
}

void write_place(Writer& w, const std::optional<Place>& p) {
    w.key("place");
    if (!p) return w.null();
    w.open();
    w.field("name", p->name);
    w.opt_field("city", p->city);
    w.opt_field("region", p->region);
    w.opt_field("country", p->country);
    w.opt_field("country_code", p->country_code);
    w.opt_field("lat", p->lat);
    w.opt_field("lon", p->lon);
    w.opt_field("actor", p->actor);
    w.span(p->span);
    w.rule(p->rule);
    w.close();
}

void write_actor(Writer& w, const Actor& a) {
    w.open();
    w.field("id", a.id);
    w.field("name", a.name);
    w.field("kind", to_string(a.kind));
    w.key("aliases");
    w.open_array();
    for (const std::string& alias : a.aliases) {
        w.key({});
        w.value(alias);
    }
    w.close_array();
    w.opt_field("country_code", a.country_code);
    w.opt_field("lat", a.lat);
    w.opt_field("lon", a.lon);
    w.opt_field("place_type", a.place_type);
    w.key("roles");
    w.open_array();
    for (const Role& r : a.roles) {
        w.key({});
        w.open();
        w.field("title", r.title);
        w.opt_field("organization", r.organization);
        w.field("former", r.former);
        w.span(r.span);
        w.close();
    }
    w.close_array();
    w.key("mentions");
    w.open_array();
    for (const Mention& m : a.mentions) {
        w.key({});
        w.open();
        w.span(m.span);
        w.field("text", m.text);
        w.field("sentence", m.sentence);
        w.rule(m.rule);
        w.close();
    }
    w.close_array();
    w.rule(a.rule);
    w.close();
}

void write_event(Writer& w, const Event& e) {
    w.open();
    w.field("id", e.id);
    w.field("type", e.type);
    w.field("cameo", e.cameo);
    w.field("gtd_attack_type", e.gtd_attack_type);
    w.key("trigger");
    write_arg(w, e.trigger);
    w.opt_field("date", e.date);
    write_place(w, e.place);
    write_figure(w, "killed", e.killed);
    write_figure(w, "wounded", e.wounded);
    write_args(w, "perpetrators", e.perpetrators);
    write_args(w, "victims", e.victims);
    write_args(w, "targets", e.targets);
    write_args(w, "weapons", e.weapons);
    write_args(w, "claimed_by", e.claimed_by);
    write_args(w, "mentions", e.mentions);
    w.field("sentence", e.sentence);
    w.span(e.span);
    w.field("confidence", e.confidence);
    if (w.explain()) w.field("date_rule", e.date_rule);
    w.close();
}

void write_claim(Writer& w, const Claim& c) {
    w.open();
    w.field("id", c.id);
    w.field("kind", to_string(c.kind));
    w.opt_field("speaker", c.speaker);
    w.field("text", c.text);
    w.span(c.span);
    w.key("about");
    w.open_array();
    for (const std::string& a : c.about) {
        w.key({});
        w.value(a);
    }
    w.close_array();
    w.opt_field("event", c.event);
    w.key("value");
    if (c.value) w.value(*c.value);
    else w.null();
    w.field("confidence", c.confidence);
    w.rule(c.rule);
    w.close();
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
    out += '"';
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t run = pos;  // plain ASCII is copied in one go
        while (run < text.size() && static_cast<unsigned char>(text[run]) >= 0x20 &&
               static_cast<unsigned char>(text[run]) < 0x80 && text[run] != '"' && text[run] != '\\')
            ++run;
        out.append(text.data() + pos, run - pos);
        pos = run;
        if (pos == text.size()) break;
        const auto byte = static_cast<unsigned char>(text[pos]);
        if (byte >= 0x80) {
            append_utf8(out, next_code_point(text, pos));
            continue;
        }
        ++pos;
        switch (byte) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default: {
                static constexpr char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[byte >> 4];
                out += hex[byte & 0xF];
            }
        }
    }
    out += '"';
}

void append_document_json(std::string& out, const Extraction& x, bool explain, bool with_schema) {
    const Document& d = x.document;
    Writer w(out, explain);
    w.open();
    if (with_schema) w.field("schema", kSchema);
    w.field("id", d.id);
    w.opt_field("title", d.title);
    w.opt_field("date", d.date);
    w.opt_field("source", d.source);
    w.opt_field("url", d.url);
    w.opt_field("path", d.path);
    w.field("content_hash", d.content_hash);
    w.field("length", static_cast<std::uint64_t>(d.text.size()));
    if (!d.meta.empty()) {
        w.key("meta");
        w.raw(d.meta.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }

    w.key("sentences");
    w.open_array();
    for (const Sentence& s : x.sentences) {
        w.key({});
        w.open();
        w.span(s.span);
        if (s.boilerplate) w.field("boilerplate", true);
        w.close();
    }
    w.close_array();

    w.key("actors");
    w.open_array();
    for (const Actor& a : x.actors) {
        w.key({});
        write_actor(w, a);
    }
    w.close_array();

    w.key("events");
    w.open_array();
    for (const Event& e : x.events) {
        w.key({});
        write_event(w, e);
    }
    w.close_array();

    w.key("claims");
    w.open_array();
    for (const Claim& c : x.claims) {
        w.key({});
        write_claim(w, c);
    }
    w.close_array();

    if (explain) {
        w.key("diagnostics");
        w.open_array();
        for (const Diagnostic& g : x.diagnostics) {
            w.key({});
            w.open();
            w.field("severity", to_string(g.severity));
            w.field("code", g.code);
            w.field("message", g.message);
            w.field("line", g.line);
            w.close();
        }
        w.close_array();
    }
    w.close();
}

void append_indented_json(std::string& out, std::string_view in, int step) {
    out.reserve(out.size() + in.size() + in.size() / 2);
    std::size_t depth = 0;
    const auto newline = [&] {
        out += '\n';
        out.append(depth * static_cast<std::size_t>(step), ' ');
    };
    std::size_t i = 0;
    while (i < in.size()) {
        // Numbers, literals: copied up to the next structural character or string.
        const std::size_t plain = in.find_first_of("\"{}[],:", i);
        if (plain == std::string_view::npos) {
            out.append(in.substr(i));
            break;
        }
        out.append(in.substr(i, plain - i));
        i = plain;
        const char c = in[i];
        switch (c) {
        case '"': {  // a string literal, copied whole (an escaped quote does not end it)
            std::size_t j = i + 1;
            while (j < in.size()) {
                j = in.find_first_of("\"\\", j);
                if (j == std::string_view::npos || in[j] == '"') break;
                j += 2;
            }
            j = std::min(j, in.size() - 1);
            out.append(in.substr(i, j + 1 - i));
            i = j + 1;
            continue;
        }
        case '{':
        case '[':
            out += c;
            if (i + 1 < in.size() && (in[i + 1] == '}' || in[i + 1] == ']')) {  // {} and []
                out += in[i + 1];
                i += 2;
                continue;
            }
            ++depth;
            newline();
            break;
        case '}':
        case ']':
            if (depth > 0) --depth;
            newline();
            out += c;
            break;
        case ',':
            out += ',';
            newline();
            break;
        default:  // ':'
            out += ": ";
            break;
        }
        ++i;
    }
}

std::string document_json(const Extraction& x, bool explain, bool with_schema) {
    std::string out;
    out.reserve(4096 + x.document.text.size() / 2);
    append_document_json(out, x, explain, with_schema);
    return out;
}

nlohmann::ordered_json document_to_json(const Extraction& x, bool explain) {
    return nlohmann::ordered_json::parse(document_json(x, explain, false));
}

namespace {

/// Reads the contract's objects with a JsonCursor, building no tree: the rebuild reads every
/// stored extraction, and a tree of nodes cost twice the parse. Unknown members are stepped
/// over; a member of the wrong type, or a document cut short, throws MalformedJson.
class ExtractionReader {
public:
    explicit ExtractionReader(std::string_view text) : c_(text) {}

    /// Calls member(key) for each member of the object at the cursor; member must consume the value.
    template <class Member>
    void object(Member member) {
        std::string key;
        if (!c_.enter('{')) fault("an object");
        while (c_.next_key(key)) member(std::string_view(key));
        if (c_.failed()) fault("an object");
    }
    template <class Element>
    void array(Element element) {
        if (!c_.enter('[')) fault("an array");
        while (c_.next_element()) element();
        if (c_.failed()) fault("an array");
    }
    void skip() {
        if (!c_.skip()) fault("a value");
    }
    /// A string; null reads as "".
    std::string string() {
        std::string out;
        if (!c_.string(out)) fault("a string");
        return out;
    }
    std::int64_t integer() {
        std::int64_t n = 0;
        if (!c_.integer(n)) fault("an integer");
        return n;
    }
    std::uint32_t offset() {
        const std::int64_t n = integer();
        if (n < 0 || n > std::numeric_limits<std::uint32_t>::max()) fault("an offset");
        return static_cast<std::uint32_t>(n);
    }
    double real() {
        double d = 0;
        if (!c_.real(d)) fault("a number");
        return d;
    }
    std::optional<double> optional_real() {
        if (c_.null()) return std::nullopt;
        return real();
    }
    bool boolean() {
        bool b = false;
        if (!c_.boolean(b)) fault("true or false");
        return b;
    }
    bool null() { return c_.null(); }
    std::vector<std::string> strings() {
        std::vector<std::string> out;
        array([&] { out.push_back(string()); });
        return out;
    }
    /// start and end of a span; false for any other key.
    bool span(std::string_view key, Span& span) {
        if (key == "start") span.begin = offset();
        else if (key == "end") span.end = offset();
        else return false;
        return true;
    }
    Arg arg() {
        Arg a;
        object([&](std::string_view key) {
            if (key == "text") a.text = string();
            else if (key == "actor") a.actor = string();
            else if (key == "rule") a.rule = string();
            else if (!span(key, a.span)) skip();
        });
        return a;
    }
    std::vector<Arg> args() {
        std::vector<Arg> out;
        array([&] { out.push_back(arg()); });
        return out;
    }
    std::optional<Figure> figure() {
        if (null()) return std::nullopt;
        Figure f;
        object([&](std::string_view key) {
            if (key == "value") f.value = integer();
            else if (key == "qualifier") f.qualifier = qualifier_from_string(string()).value_or(Qualifier::exact);
            else if (key == "text") f.text = string();
            else if (key == "rule") f.rule = string();
            else if (!span(key, f.span)) skip();
        });
        return f;
    }
    std::optional<Place> place() {
        if (null()) return std::nullopt;
        Place p;
        object([&](std::string_view key) {
            if (key == "name") p.name = string();
            else if (key == "city") p.city = string();
            else if (key == "region") p.region = string();
            else if (key == "country") p.country = string();
            else if (key == "country_code") p.country_code = string();
            else if (key == "lat") p.lat = optional_real();
            else if (key == "lon") p.lon = optional_real();
            else if (key == "actor") p.actor = string();
            else if (key == "rule") p.rule = string();
            else if (!span(key, p.span)) skip();
        });
        return p;
    }
    Actor actor() {
        Actor a;
        object([&](std::string_view key) {
            if (key == "id") a.id = string();
            else if (key == "name") a.name = string();
            else if (key == "kind") a.kind = actor_kind_from_string(string()).value_or(ActorKind::other);
            else if (key == "aliases") a.aliases = strings();
            else if (key == "country_code") a.country_code = string();
            else if (key == "lat") a.lat = optional_real();
            else if (key == "lon") a.lon = optional_real();
            else if (key == "place_type") a.place_type = string();
            else if (key == "rule") a.rule = string();
            else if (key == "roles") array([&] { a.roles.push_back(role()); });
            else if (key == "mentions") array([&] { a.mentions.push_back(mention()); });
            else skip();
        });
        required(a.id, "actor");
        return a;
    }
    Role role() {
        Role r;
        object([&](std::string_view key) {
            if (key == "title") r.title = string();
            else if (key == "organization") r.organization = string();
            else if (key == "former") r.former = boolean();
            else if (!span(key, r.span)) skip();
        });
        return r;
    }
    Mention mention() {
        Mention m;
        object([&](std::string_view key) {
            if (key == "sentence") m.sentence = offset();
            else if (key == "text") m.text = string();
            else if (key == "rule") m.rule = string();
            else if (!span(key, m.span)) skip();
        });
        return m;
    }
    Event event() {
        Event e;
        object([&](std::string_view key) {
            if (key == "id") e.id = string();
            else if (key == "type") e.type = string();
            else if (key == "cameo") e.cameo = string();
            else if (key == "gtd_attack_type") e.gtd_attack_type = string();
            else if (key == "trigger") e.trigger = arg();
            else if (key == "date") e.date = string();
            else if (key == "date_rule") e.date_rule = string();
            else if (key == "place") e.place = place();
            else if (key == "killed") e.killed = figure();
            else if (key == "wounded") e.wounded = figure();
            else if (key == "perpetrators") e.perpetrators = args();
            else if (key == "victims") e.victims = args();
            else if (key == "targets") e.targets = args();
            else if (key == "weapons") e.weapons = args();
            else if (key == "claimed_by") e.claimed_by = args();
            else if (key == "mentions") e.mentions = args();
            else if (key == "sentence") e.sentence = offset();
            else if (key == "confidence") e.confidence = real();
            else if (!span(key, e.span)) skip();
        });
        required(e.id, "event");
        return e;
    }
    Claim claim() {
        Claim c;
        object([&](std::string_view key) {
            if (key == "id") c.id = string();
            else if (key == "kind") c.kind = claim_kind_from_string(string()).value_or(ClaimKind::statement);
            else if (key == "speaker") c.speaker = string();
            else if (key == "text") c.text = string();
            else if (key == "about") c.about = strings();
            else if (key == "event") c.event = string();
            else if (key == "value") {
                if (!null()) c.value = integer();
            } else if (key == "rule") c.rule = string();
            else if (key == "confidence") c.confidence = real();
            else if (!span(key, c.span)) skip();
        });
        required(c.id, "claim");
        return c;
    }
    Sentence sentence(std::uint32_t index) {
        Sentence s;
        s.index = index;
        object([&](std::string_view key) {
            if (key == "boilerplate") s.boilerplate = boolean();
            else if (!span(key, s.span)) skip();
        });
        return s;
    }
    void document(Extraction& x) {
        bool sentences = false, actors = false, events = false, claims = false;
        object([&](std::string_view key) {
            if (key == "sentences") {
                sentences = true;
                array([&] { x.sentences.push_back(sentence(static_cast<std::uint32_t>(x.sentences.size()))); });
            } else if (key == "actors") {
                actors = true;
                array([&] { x.actors.push_back(actor()); });
            } else if (key == "events") {
                events = true;
                array([&] { x.events.push_back(event()); });
            } else if (key == "claims") {
                claims = true;
                array([&] { x.claims.push_back(claim()); });
            } else {
                skip();
            }
        });
        if (!sentences || !actors || !events || !claims)
            throw MalformedJson("a document object lacks one of sentences, actors, events, claims");
        end();
    }
    /// Only white space may follow the value read.
    void end() {
        if (c_.peek() != '\0') fault("the end of the text");
    }

private:
    [[noreturn]] void fault(const char* expected) const {
        throw MalformedJson(std::string("malformed JSON: expected ") + expected);
    }
    static void required(const std::string& id, const char* what) {
        if (id.empty()) throw MalformedJson(std::string("an ") + what + " object has no id");
    }

    JsonCursor c_;
};

}  // namespace

Extraction document_from_json(std::string_view json, Document document) {
    Extraction x;
    x.document = std::move(document);
    ExtractionReader(json).document(x);
    return x;
}

Event event_from_json(std::string_view json) {
    ExtractionReader r(json);
    Event e = r.event();
    r.end();
    return e;
}

}  // namespace ekg::extract
