#include "json_output.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "text.h"

namespace ekg::extract {
namespace {

Span span_of(const nlohmann::json& j) {
    return {j.at("start").get<std::uint32_t>(), j.at("end").get<std::uint32_t>()};
}

std::string str_or_empty(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return {};
    return it->get<std::string>();
}

std::optional<double> opt_double(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    return it->get<double>();
}

Arg arg_from(const nlohmann::json& j) {
    return Arg{j.at("text").get<std::string>(), span_of(j), str_or_empty(j, "actor"),
               str_or_empty(j, "rule")};
}

std::vector<Arg> args_from(const nlohmann::json& j, const char* key) {
    std::vector<Arg> out;
    if (const auto it = j.find(key); it != j.end())
        for (const auto& a : *it) out.push_back(arg_from(a));
    return out;
}

std::optional<Figure> figure_from(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    Figure f;
    f.value = it->at("value").get<std::int64_t>();
    f.qualifier = qualifier_from_string(it->at("qualifier").get<std::string>()).value_or(Qualifier::exact);
    f.text = it->at("text").get<std::string>();
    f.span = span_of(*it);
    f.rule = str_or_empty(*it, "rule");
    return f;
}

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
        if (!first_) out_ += ',';
        first_ = false;
        if (k.empty()) return;
        out_ += '"';
        out_ += k;
        out_ += "\":";
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
    void field(std::string_view k, std::int64_t n) { key(k); value(n); }
    void field(std::string_view k, std::uint64_t n) { key(k); value(n); }
    void field(std::string_view k, std::uint32_t n) { key(k); value(n); }
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

Extraction document_from_json(const nlohmann::json& j, Document document) {
    Extraction x;
    x.document = std::move(document);
    std::uint32_t index = 0;
    for (const auto& s : j.at("sentences")) {
        Sentence sentence;
        sentence.index = index++;
        sentence.span = span_of(s);
        sentence.boilerplate = s.value("boilerplate", false);
        x.sentences.push_back(sentence);
    }
    for (const auto& a : j.at("actors")) {
        Actor actor;
        actor.id = a.at("id").get<std::string>();
        actor.name = a.at("name").get<std::string>();
        actor.kind = actor_kind_from_string(a.at("kind").get<std::string>()).value_or(ActorKind::other);
        actor.aliases = a.at("aliases").get<std::vector<std::string>>();
        actor.country_code = str_or_empty(a, "country_code");
        actor.lat = opt_double(a, "lat");
        actor.lon = opt_double(a, "lon");
        actor.place_type = str_or_empty(a, "place_type");
        actor.rule = str_or_empty(a, "rule");
        for (const auto& r : a.at("roles"))
            actor.roles.push_back(Role{r.at("title").get<std::string>(),
                                       str_or_empty(r, "organization"), r.value("former", false),
                                       span_of(r)});
        for (const auto& m : a.at("mentions"))
            actor.mentions.push_back(Mention{span_of(m), m.value("sentence", 0u),
                                             m.at("text").get<std::string>(), str_or_empty(m, "rule")});
        x.actors.push_back(std::move(actor));
    }
    for (const auto& e : j.at("events")) {
        Event event;
        event.id = e.at("id").get<std::string>();
        event.type = e.at("type").get<std::string>();
        event.cameo = e.at("cameo").get<std::string>();
        event.gtd_attack_type = e.at("gtd_attack_type").get<std::string>();
        event.trigger = arg_from(e.at("trigger"));
        event.date = str_or_empty(e, "date");
        event.date_rule = str_or_empty(e, "date_rule");
        if (const auto p = e.find("place"); p != e.end() && !p->is_null()) {
            Place place;
            place.name = p->at("name").get<std::string>();
            place.city = str_or_empty(*p, "city");
            place.region = str_or_empty(*p, "region");
            place.country = str_or_empty(*p, "country");
            place.country_code = str_or_empty(*p, "country_code");
            place.lat = opt_double(*p, "lat");
            place.lon = opt_double(*p, "lon");
            place.actor = str_or_empty(*p, "actor");
            place.span = span_of(*p);
            place.rule = str_or_empty(*p, "rule");
            event.place = std::move(place);
        }
        event.killed = figure_from(e, "killed");
        event.wounded = figure_from(e, "wounded");
        event.perpetrators = args_from(e, "perpetrators");
        event.victims = args_from(e, "victims");
        event.targets = args_from(e, "targets");
        event.weapons = args_from(e, "weapons");
        event.claimed_by = args_from(e, "claimed_by");
        event.mentions = args_from(e, "mentions");
        event.sentence = e.value("sentence", 0u);
        event.span = span_of(e);
        event.confidence = e.value("confidence", 0.0);
        x.events.push_back(std::move(event));
    }
    for (const auto& c : j.at("claims")) {
        Claim claim;
        claim.id = c.at("id").get<std::string>();
        claim.kind = claim_kind_from_string(c.at("kind").get<std::string>()).value_or(ClaimKind::statement);
        claim.speaker = str_or_empty(c, "speaker");
        claim.text = c.at("text").get<std::string>();
        claim.span = span_of(c);
        claim.about = c.at("about").get<std::vector<std::string>>();
        claim.event = str_or_empty(c, "event");
        if (const auto v = c.find("value"); v != c.end() && !v->is_null())
            claim.value = v->get<std::int64_t>();
        claim.rule = str_or_empty(c, "rule");
        claim.confidence = c.value("confidence", 0.0);
        x.claims.push_back(std::move(claim));
    }
    if (const auto d = j.find("diagnostics"); d != j.end())
        for (const auto& g : *d)
            x.diagnostics.push_back(Diagnostic{
                g.at("severity").get<std::string>() == "error" ? Severity::error
                : g.at("severity").get<std::string>() == "info" ? Severity::info
                                                                 : Severity::warning,
                x.document.path, g.value("line", std::int64_t{0}), g.at("code").get<std::string>(),
                g.at("message").get<std::string>()});
    return x;
}

}  // namespace ekg::extract
