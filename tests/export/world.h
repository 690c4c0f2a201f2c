// A small invented world of hand-made extractions for the graph, merge and export tests:
// four reports from two publishers about attacks in a fictional country.
#pragma once

#include <string>
#include <vector>

#include "model.h"

namespace ekg::test {

/// The span of the first `needle` in `text`.
inline Span span_of(const std::string& text, const std::string& needle) {
    const auto at = text.find(needle);
    if (at == std::string::npos) return {};
    return {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + needle.size())};
}

inline Extraction document(const std::string& id, const std::string& source, const std::string& date,
                           const std::string& text) {
    Extraction x;
    x.document.id = id;
    x.document.source = source;
    x.document.date = date;
    x.document.title = "Report " + id;
    x.document.url = "https://example.org/" + id;
    x.document.text = text;
    x.document.content_hash = "hash-" + id;
    x.document.path = "<test>";
    std::uint32_t begin = 0;
    for (std::uint32_t i = 0; begin < text.size(); ++i) {
        auto end = text.find(". ", begin);
        end = end == std::string::npos ? text.size() : end + 1;
        x.sentences.push_back(Sentence{i, {begin, static_cast<std::uint32_t>(end)}, false});
        begin = static_cast<std::uint32_t>(end + 1);
    }
    return x;
}

inline Actor actor(const Extraction& x, const std::string& id, const std::string& name, ActorKind kind,
                   const std::string& country = {}) {
    Actor a;
    a.id = id;
    a.name = name;
    a.kind = kind;
    a.country_code = country;
    a.rule = "test";
    const Span s = span_of(x.document.text, name);
    a.mentions.push_back(Mention{s, 0, name, "test"});
    return a;
}

inline Actor place(const Extraction& x, const std::string& id, const std::string& name,
                   const std::string& type, double lat, double lon) {
    Actor a = actor(x, id, name, ActorKind::place, "FD");
    a.place_type = type;
    a.lat = lat;
    a.lon = lon;
    return a;
}

inline Arg arg(const Extraction& x, const std::string& text, const std::string& actor_id = {}) {
    return Arg{text, span_of(x.document.text, text), actor_id, "test"};
}

inline Figure figure(const Extraction& x, std::int64_t value, const std::string& text) {
    return Figure{value, Qualifier::exact, text, span_of(x.document.text, text), "test"};
}

inline Event event(const Extraction& x, int n, const std::string& type, const std::string& cameo,
                   const std::string& gtd, const std::string& date, const std::string& trigger) {
    Event e;
    e.id = x.document.id + ":e" + std::to_string(n);
    e.type = type;
    e.cameo = cameo;
    e.gtd_attack_type = gtd;
    e.trigger = arg(x, trigger);
    e.mentions = {e.trigger};
    e.date = date;
    e.date_rule = "test";
    for (const Sentence& s : x.sentences)  // the sentence that states it
        if (s.span.begin <= e.trigger.span.begin && e.trigger.span.end <= s.span.end) {
            e.span = s.span;
            e.sentence = s.index;
        }
    e.confidence = 0.8;
    return e;
}

inline Place harbor_city(const Extraction& x) {
    Place p;
    p.name = "Harbor City";
    p.city = "Harbor City";
    p.country = "Freedonia";
    p.country_code = "FD";
    p.lat = 10.5;
    p.lon = -20.25;
    p.actor = "city:fd-harbor";
    p.span = span_of(x.document.text, "Harbor City");
    p.rule = "test";
    return p;
}

/// doc-a and doc-b report one bombing in Harbor City (5 vs 7 killed, the same perpetrator);
/// doc-c reports a bombing there a day later by another group (a different event); doc-d an
/// armed assault in the country two months later. Publishers: doc-a and doc-c "Wire One",
/// doc-b and doc-d "Daily Two".
inline std::vector<Extraction> make_world() {
    std::vector<Extraction> world;
    {
        Extraction x = document("doc-a", "Wire One", "2021-03-02",
                                "A bomb exploded in a market in Harbor City on Monday. The Red Hand "
                                "Brigade claimed the blast. Five people died and twelve were hurt. "
                                "Ana Costa, spokeswoman of Relief Watch, said: \"We condemn this.\"");
        x.actors.push_back(place(x, "country:FD", "Freedonia", "country", 11.0, -21.0));
        x.actors.back().mentions.clear();
        x.actors.push_back(place(x, "city:fd-harbor", "Harbor City", "city", 10.5, -20.25));
        x.actors.push_back(actor(x, "group:red-hand", "Red Hand Brigade", ActorKind::group));
        x.actors.push_back(actor(x, "person:ana-costa", "Ana Costa", ActorKind::person));
        x.actors.push_back(actor(x, "org:relief", "Relief Watch", ActorKind::organization));
        x.actors[3].roles.push_back(
            Role{"spokeswoman", "org:relief", false, span_of(x.document.text, "spokeswoman")});
        Event e = event(x, 0, "bombing", "183", "Bombing/Explosion", "2021-03-01", "exploded");
        e.place = harbor_city(x);
        e.killed = figure(x, 5, "Five");
        e.wounded = figure(x, 12, "twelve");
        e.perpetrators = {arg(x, "Red Hand Brigade", "group:red-hand")};
        e.claimed_by = {arg(x, "Red Hand Brigade", "group:red-hand")};
        e.targets = {arg(x, "a market")};
        x.events.push_back(e);
        Claim c;
        c.id = "doc-a:c0";
        c.kind = ClaimKind::quote;
        c.speaker = "person:ana-costa";
        c.text = "We condemn this.";
        c.span = span_of(x.document.text, c.text);
        c.about = {"group:red-hand"};
        c.event = e.id;
        c.rule = "test";
        c.confidence = 0.9;
        x.claims.push_back(c);
        world.push_back(std::move(x));
    }
    {
        Extraction x = document("doc-b", "Daily Two", "2021-03-03",
                                "A suicide bomber struck Harbor City on Monday, killing seven. "
                                "Police blamed the Red Hand Brigade.");
        x.actors.push_back(place(x, "city:fd-harbor", "Harbor City", "city", 10.5, -20.25));
        x.actors.push_back(actor(x, "group:red-hand", "Red Hand Brigade", ActorKind::group));
        Event e = event(x, 0, "suicide_bombing", "1831", "Bombing/Explosion", "2021-03-02", "suicide bomber");
        e.place = harbor_city(x);
        e.killed = figure(x, 7, "seven");
        e.perpetrators = {arg(x, "Red Hand Brigade", "group:red-hand")};
        x.events.push_back(e);
        world.push_back(std::move(x));
    }
    {
        Extraction x = document("doc-c", "Wire One", "2021-03-04",
                                "Another bomb went off in Harbor City on Tuesday. The Blue Fist Front "
                                "was blamed. The Government of Freedonia denied any warning.");
        x.actors.push_back(place(x, "city:fd-harbor", "Harbor City", "city", 10.5, -20.25));
        x.actors.push_back(actor(x, "group:blue-fist", "Blue Fist Front", ActorKind::group));
        x.actors.push_back(actor(x, "gov:fd", "Government of Freedonia", ActorKind::government, "FD"));
        Event e = event(x, 0, "bombing", "183", "Bombing/Explosion", "2021-03-02", "bomb went off");
        e.place = harbor_city(x);
        e.perpetrators = {arg(x, "Blue Fist Front", "group:blue-fist")};
        x.events.push_back(e);
        Claim c;
        c.id = "doc-c:c0";
        c.kind = ClaimKind::denial;
        c.speaker = "gov:fd";
        c.text = "denied any warning";
        c.span = span_of(x.document.text, c.text);
        c.about = {"group:blue-fist"};
        c.event = e.id;
        c.rule = "test";
        c.confidence = 0.7;
        x.claims.push_back(c);
        world.push_back(std::move(x));
    }
    {
        Extraction x = document("doc-d", "Daily Two", "2021-05-20",
                                "Gunmen attacked a checkpoint in Freedonia, killing two. "
                                "The Blue Fist Front said it carried out the attack.");
        x.actors.push_back(place(x, "country:FD", "Freedonia", "country", 11.0, -21.0));
        x.actors.push_back(actor(x, "group:blue-fist", "Blue Fist Front", ActorKind::group));
        Event e = event(x, 0, "armed_assault", "193", "Armed Assault", "2021-05-19", "attacked");
        Place p;
        p.name = "Freedonia";
        p.country = "Freedonia";
        p.country_code = "FD";
        p.actor = "country:FD";
        p.span = span_of(x.document.text, "Freedonia");
        e.place = p;
        e.killed = figure(x, 2, "two");
        e.perpetrators = {arg(x, "Gunmen"), arg(x, "Blue Fist Front", "group:blue-fist")};
        e.claimed_by = {arg(x, "Blue Fist Front", "group:blue-fist")};
        e.targets = {arg(x, "a checkpoint")};
        x.events.push_back(e);
        Claim c;
        c.id = "doc-d:c0";
        c.kind = ClaimKind::responsibility;
        c.speaker = "group:blue-fist";
        c.text = "said it carried out the attack";
        c.span = span_of(x.document.text, c.text);
        c.event = e.id;
        c.rule = "test";
        c.confidence = 0.9;
        x.claims.push_back(c);
        world.push_back(std::move(x));
    }
    return world;
}

inline std::vector<const Extraction*> pointers(const std::vector<Extraction>& xs) {
    std::vector<const Extraction*> p;
    for (const Extraction& x : xs) p.push_back(&x);
    return p;
}

}  // namespace ekg::test
