#include "json_output.h"

namespace ekg::extract {
namespace {

using ojson = nlohmann::ordered_json;

ojson opt_number(const std::optional<double>& v) { return v ? ojson(*v) : ojson(nullptr); }
ojson opt_string(const std::string& s) { return s.empty() ? ojson(nullptr) : ojson(s); }

void put_rule(ojson& j, const std::string& rule, bool explain) {
    if (explain) j["rule"] = rule;
}

ojson arg_json(const Arg& a, bool explain) {
    ojson j{{"text", a.text}, {"start", a.span.begin}, {"end", a.span.end},
            {"actor", opt_string(a.actor)}};
    put_rule(j, a.rule, explain);
    return j;
}

ojson args_json(const std::vector<Arg>& args, bool explain) {
    ojson out = ojson::array();
    for (const Arg& a : args) out.push_back(arg_json(a, explain));
    return out;
}

ojson figure_json(const std::optional<Figure>& f, bool explain) {
    if (!f) return nullptr;
    ojson j{{"value", f->value}, {"qualifier", to_string(f->qualifier)}, {"text", f->text},
            {"start", f->span.begin}, {"end", f->span.end}};
    put_rule(j, f->rule, explain);
    return j;
}

ojson place_json(const std::optional<Place>& p, bool explain) {
    if (!p) return nullptr;
    ojson j{{"name", p->name},       {"city", opt_string(p->city)},
            {"region", opt_string(p->region)}, {"country", opt_string(p->country)},
            {"country_code", opt_string(p->country_code)}, {"lat", opt_number(p->lat)},
            {"lon", opt_number(p->lon)}, {"actor", opt_string(p->actor)},
            {"start", p->span.begin}, {"end", p->span.end}};
    put_rule(j, p->rule, explain);
    return j;
}

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

}  // namespace

nlohmann::ordered_json document_to_json(const Extraction& x, bool explain) {
    const Document& d = x.document;
    ojson doc{{"id", d.id},         {"title", opt_string(d.title)}, {"date", opt_string(d.date)},
              {"source", opt_string(d.source)}, {"url", opt_string(d.url)},
              {"path", opt_string(d.path)},      {"content_hash", d.content_hash},
              {"length", d.text.size()}};
    if (!d.meta.empty()) doc["meta"] = d.meta;

    ojson sentences = ojson::array();
    for (const Sentence& s : x.sentences) {
        ojson j{{"start", s.span.begin}, {"end", s.span.end}};
        if (s.boilerplate) j["boilerplate"] = true;
        sentences.push_back(std::move(j));
    }
    doc["sentences"] = std::move(sentences);

    ojson actors = ojson::array();
    for (const Actor& a : x.actors) {
        ojson roles = ojson::array();
        for (const Role& r : a.roles)
            roles.push_back({{"title", r.title}, {"organization", opt_string(r.organization)},
                             {"former", r.former}, {"start", r.span.begin}, {"end", r.span.end}});
        ojson mentions = ojson::array();
        for (const Mention& m : a.mentions) {
            ojson mj{{"start", m.span.begin}, {"end", m.span.end}, {"text", m.text},
                     {"sentence", m.sentence}};
            put_rule(mj, m.rule, explain);
            mentions.push_back(std::move(mj));
        }
        ojson j{{"id", a.id},
                {"name", a.name},
                {"kind", to_string(a.kind)},
                {"aliases", a.aliases},
                {"country_code", opt_string(a.country_code)},
                {"lat", opt_number(a.lat)},
                {"lon", opt_number(a.lon)},
                {"place_type", opt_string(a.place_type)},
                {"roles", std::move(roles)},
                {"mentions", std::move(mentions)}};
        put_rule(j, a.rule, explain);
        actors.push_back(std::move(j));
    }
    doc["actors"] = std::move(actors);

    ojson events = ojson::array();
    for (const Event& e : x.events) {
        ojson j{{"id", e.id},
                {"type", e.type},
                {"cameo", e.cameo},
                {"gtd_attack_type", e.gtd_attack_type},
                {"trigger", arg_json(e.trigger, explain)},
                {"date", opt_string(e.date)},
                {"place", place_json(e.place, explain)},
                {"killed", figure_json(e.killed, explain)},
                {"wounded", figure_json(e.wounded, explain)},
                {"perpetrators", args_json(e.perpetrators, explain)},
                {"victims", args_json(e.victims, explain)},
                {"targets", args_json(e.targets, explain)},
                {"weapons", args_json(e.weapons, explain)},
                {"claimed_by", args_json(e.claimed_by, explain)},
                {"mentions", args_json(e.mentions, explain)},
                {"sentence", e.sentence},
                {"start", e.span.begin},
                {"end", e.span.end},
                {"confidence", e.confidence}};
        if (explain) j["date_rule"] = e.date_rule;
        events.push_back(std::move(j));
    }
    doc["events"] = std::move(events);

    ojson claims = ojson::array();
    for (const Claim& c : x.claims) {
        ojson j{{"id", c.id},
                {"kind", to_string(c.kind)},
                {"speaker", opt_string(c.speaker)},
                {"text", c.text},
                {"start", c.span.begin},
                {"end", c.span.end},
                {"about", c.about},
                {"event", opt_string(c.event)},
                {"value", c.value ? ojson(*c.value) : ojson(nullptr)},
                {"confidence", c.confidence}};
        put_rule(j, c.rule, explain);
        claims.push_back(std::move(j));
    }
    doc["claims"] = std::move(claims);

    if (explain) {
        ojson diags = ojson::array();
        for (const Diagnostic& g : x.diagnostics)
            diags.push_back({{"severity", to_string(g.severity)}, {"code", g.code},
                             {"message", g.message}, {"line", g.line}});
        doc["diagnostics"] = std::move(diags);
    }
    return doc;
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
