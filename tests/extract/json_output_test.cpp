#include <catch2/catch.hpp>

#include "json_output.h"
#include "json_read.h"
#include "support.h"

using namespace ekg;

namespace {

Extraction hand_made() {
    Extraction x = test::extract_text("Bombers struck Iraq. Officials in Iraq said 12 died.", "2016-07-03");
    Event e;
    e.id = x.document.id + ":e1";
    e.type = "bombing";
    e.cameo = "183";
    e.gtd_attack_type = "Bombing/Explosion";
    e.trigger = {"struck", {8, 14}, "", "trigger:struck"};
    e.date = "2016-07-03";
    e.place = Place{"Iraq", "", "", "Iraq", "IQ", 33.0, 44.0, "country:IQ", {15, 19}, "place:in"};
    e.killed = Figure{12, Qualifier::at_least, "12", {44, 46}, "figure"};
    e.perpetrators.push_back({"Bombers", {0, 7}, "", "perp:noun"});
    x.events.push_back(e);
    Claim c;
    c.id = x.document.id + ":c1";
    c.kind = ClaimKind::figure;
    c.text = "12 died";
    c.span = {44, 51};
    c.event = e.id;
    c.value = 12;
    c.rule = "figure-claim";
    c.confidence = 0.5;
    x.claims.push_back(c);
    return x;
}

}  // namespace

TEST_CASE("a document object has every field of the contract", "[extract][json]") {
    const auto j = extract::document_to_json(hand_made(), false);
    for (const char* key : {"id", "title", "date", "source", "actors", "events", "claims"})
        CHECK(j.contains(key));
    const auto& actor = j.at("actors").at(0);
    for (const char* key : {"id", "name", "kind", "aliases", "country_code", "lat", "lon", "roles", "mentions"})
        CHECK(actor.contains(key));
    CHECK(actor.at("mentions").at(0).contains("start"));
    const auto& event = j.at("events").at(0);
    for (const char* key : {"id", "type", "cameo", "gtd_attack_type", "trigger", "date", "place", "killed",
                            "wounded", "perpetrators", "victims", "targets", "weapons", "claimed_by",
                            "sentence", "start", "end", "confidence"})
        CHECK(event.contains(key));
    CHECK(event.at("killed").at("qualifier") == "at_least");
    CHECK(event.at("wounded").is_null());
    for (const char* key : {"name", "city", "region", "country", "country_code", "lat", "lon", "actor"})
        CHECK(event.at("place").contains(key));
    const auto& claim = j.at("claims").at(0);
    for (const char* key : {"id", "kind", "speaker", "text", "start", "end", "about", "event", "value", "confidence"})
        CHECK(claim.contains(key));
}

TEST_CASE("rules appear only with explain", "[extract][json]") {
    const Extraction x = hand_made();
    CHECK_FALSE(extract::document_to_json(x, false).at("events").at(0).at("trigger").contains("rule"));
    CHECK(extract::document_to_json(x, true).at("events").at(0).at("trigger").at("rule") == "trigger:struck");
}

TEST_CASE("a document read back from its explained JSON gives the same JSON", "[extract][json]") {
    const Extraction x = hand_made();
    const auto j = extract::document_to_json(x, true);
    const Extraction back = extract::document_from_json(j.dump(), x.document);
    CHECK(extract::document_to_json(back, true) == j);
}

TEST_CASE("mention offsets index the stored text", "[extract][json]") {
    const Extraction x = hand_made();
    for (const Actor& a : x.actors)
        for (const Mention& m : a.mentions)
            CHECK(x.document.text.substr(m.span.begin, m.span.end - m.span.begin) == m.text);
}

TEST_CASE("the direct writer prints canonical compact JSON: parsing and dumping it changes nothing",
          "[extract][json]") {
    Extraction x = hand_made();
    x.document.meta = {{"feed", "wire"}, {"rank", 2}};
    x.actors.at(0).lat = 33.0;       // integral doubles keep their ".0"
    x.actors.at(0).lon = -0.000125;  // small ones their exponent
    x.claims.at(0).text = "tab\there \"quoted\" back\\slash \b\f\x01 caf\xC3\xA9";
    for (const bool explain : {false, true}) {
        const std::string fast = extract::document_json(x, explain, /*with_schema=*/true);
        const auto parsed = nlohmann::ordered_json::parse(fast);
        CHECK(parsed.dump() == fast);
        CHECK(parsed.begin().key() == "schema");
        CHECK(parsed.at("actors").at(0).at("lat").is_number_float());
        CHECK(parsed.at("claims").at(0).at("text") == x.claims.at(0).text);
    }
}

TEST_CASE("the indented form equals nlohmann's dump(2) of the compact JSON", "[extract][json]") {
    Extraction x = hand_made();
    x.document.meta = {{"feed", "wire"}, {"tags", nlohmann::json::array()}, {"nested", {{"a", {1, 2}}}}};
    x.claims.at(0).text = "brackets [x], braces {y}, a colon: and \"quoted, \\\" text\"";
    for (const bool explain : {false, true}) {
        const std::string compact = extract::document_json(x, explain, /*with_schema=*/false);
        std::string pretty;
        extract::append_indented_json(pretty, compact, 2);
        CHECK(pretty == nlohmann::ordered_json::parse(compact).dump(2));
    }
    std::string empty;
    extract::append_indented_json(empty, R"({"a":[],"b":{},"c":[{}]})", 4);
    CHECK(empty == nlohmann::ordered_json::parse(R"({"a":[],"b":{},"c":[{}]})").dump(4));
}

TEST_CASE("the writer repairs invalid UTF-8 instead of printing it", "[extract][json]") {
    std::string out;
    extract::append_json_string(out, std::string("ok \xFF end", 8));
    CHECK(out == "\"ok \xEF\xBF\xBD end\"");
    CHECK_NOTHROW(nlohmann::json::parse(out));
}

TEST_CASE("reading a stored document or event rejects what it cannot use", "[extract][json]") {
    const Extraction x = hand_made();
    const std::string good = extract::document_json(x, true, true);
    CHECK(extract::document_from_json(good, x.document).events.size() == 1);
    // Cut short, a number where a string belongs, a span offset below zero, no claims array.
    const std::string cut = good.substr(0, good.find("\"events\"") + 20);
    std::string typed = good;
    typed.replace(typed.find("\"type\":\"bombing\""), 16, "\"type\":7");
    std::string negative = good;
    negative.replace(negative.find("\"start\":8"), 8, "\"start\":-");  // the trigger
    std::string no_claims = good;
    no_claims.replace(no_claims.find("\"claims\""), 8, "\"claimz\"");
    for (const std::string& bad : {cut, typed, negative, no_claims})
        CHECK_THROWS_AS(extract::document_from_json(bad, x.document), extract::MalformedJson);
    // One event object, as the event reports keep it; an event without id is no event.
    const auto event = nlohmann::json::parse(good).at("events").at(0);
    CHECK(extract::event_from_json(event.dump()).killed->value == 12);
    auto anonymous = event;
    anonymous.erase("id");
    CHECK_THROWS_AS(extract::event_from_json(anonymous.dump()), extract::MalformedJson);
    CHECK_THROWS_AS(extract::event_from_json(event.dump() + " {}"), extract::MalformedJson);
}
