#include "events.h"

#include <catch2/catch.hpp>
#include <fstream>

#include "actors.h"
#include "error.h"
#include "sentences.h"
#include "support.h"

using namespace ekg;

namespace {

/// The events of a short text (with an optional document date).
std::vector<Event> events_of(const std::string& text, const std::string& date = {}) {
    return test::extract_text(text, date).events;
}

bool has_arg(const std::vector<Arg>& args, const std::string& text) {
    for (const Arg& a : args)
        if (a.text == text) return true;
    return false;
}

bool has_actor(const std::vector<Arg>& args, const std::string& id) {
    for (const Arg& a : args)
        if (a.actor == id) return true;
    return false;
}

}  // namespace

TEST_CASE("every event type of the ontology has a CAMEO code and a GTD attack type",
          "[extract][events]") {
    const extract::EventLexicon& lex = test::resources().events;
    REQUIRE(lex.types.size() >= 11);
    for (const char* name : {"suicide_bombing", "bombing", "armed_assault", "assassination",
                             "kidnapping", "hijacking", "arson", "unarmed_assault", "massacre",
                             "air_strike", "attack"}) {
        const extract::EventType* t = lex.type(name);
        REQUIRE(t != nullptr);
        CHECK_FALSE(t->cameo.empty());
        CHECK_FALSE(t->gtd_attack_type.empty());
    }
    CHECK(lex.type("suicide_bombing")->cameo == "1831");
    CHECK(lex.type("hijacking")->gtd_attack_type == "Hijacking");
}

TEST_CASE("triggers give the event its type", "[extract][events]") {
    struct Case {
        const char* text;
        const char* type;
        const char* gtd;
    };
    const Case cases[] = {
        {"A bomb exploded near a market in Chad.", "bombing", "Bombing/Explosion"},
        {"Gunmen opened fire on a bus in Peru.", "armed_assault", "Armed Assault"},
        {"Armed men abducted two engineers in Niger.", "kidnapping", "Hostage Taking (Kidnapping)"},
        {"Four men hijacked a plane over Kenya.", "hijacking", "Hijacking"},
        {"Assailants set fire to a school in Chile.", "arson", "Facility/Infrastructure Attack"},
        {"An air strike hit a village in Yemen.", "air_strike", "Bombing/Explosion"},
        {"A suicide bomber struck a checkpoint in Mali.", "suicide_bombing", "Bombing/Explosion"},
        {"Militants stormed a police post in Niger.", "armed_assault", "Armed Assault"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        const auto events = events_of(c.text);
        REQUIRE(events.size() == 1);
        CHECK(events[0].type == c.type);
        CHECK(events[0].gtd_attack_type == c.gtd);
        CHECK_FALSE(events[0].cameo.empty());
        CHECK(events[0].trigger.rule.rfind("trigger:event_triggers.tsv:", 0) == 0);
    }
}

TEST_CASE("firing or launching rockets and missiles is a bombing", "[extract][events]") {
    for (const char* text : {"The group claimed responsibility for firing a rocket at a town.",
                             "Militants launched two missiles at a border post.",
                             "Rebels launched rockets at the airport overnight."}) {
        const auto events = events_of(text);
        REQUIRE(events.size() == 1);
        CHECK(events[0].type == "bombing");
        CHECK(events[0].gtd_attack_type == "Bombing/Explosion");
    }
}

TEST_CASE("one incident told with several triggers takes the type that ranks first",
          "[extract][events]") {
    const auto events = events_of(
        "Gunmen attacked a village in Niger and abducted three teachers. The attackers also "
        "opened fire on a clinic.");
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == "kidnapping");
    CHECK(events[0].mentions.size() >= 3);
}

TEST_CASE("a generic attack takes its type from the weapon", "[extract][events]") {
    const auto events = events_of("Militants attacked a convoy in Somalia with rifles.");
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == "armed_assault");
    CHECK(events[0].trigger.rule.find("weapon-refined") != std::string::npos);
}

TEST_CASE("words for attack in sport, medicine and online talk make no event", "[extract][events]") {
    CHECK(events_of("The striker's late attack on goal won the match for the visitors.").empty());
    CHECK(events_of("The minister suffered a heart attack in Chad on Monday.").empty());
    CHECK(events_of("Volunteers are attacking fake social media accounts every day.").empty());
    CHECK(events_of("Recent attacks have raised concern among analysts.").empty());
    CHECK(events_of("Two people were killed in a car crash in Peru.").empty());
}

TEST_CASE("casualty figures of the event are kept with their rule", "[extract][events]") {
    const auto events = events_of(
        "Gunmen opened fire on a bus in Peru, killing four passengers and wounding at least "
        "nine others.");
    REQUIRE(events.size() == 1);
    REQUIRE(events[0].killed);
    CHECK(events[0].killed->value == 4);
    CHECK(events[0].killed->rule == "figure:object");
    REQUIRE(events[0].wounded);
    CHECK(events[0].wounded->value == 9);
    CHECK(events[0].wounded->qualifier == Qualifier::at_least);
    CHECK(has_arg(events[0].perpetrators, "Gunmen"));
}

TEST_CASE("coders count dead attackers: in addition to the assailant, a suicide bomber",
          "[extract][events]") {
    const auto a = events_of(
        "A gunman attacked a hotel in Mali. In addition to the assailant, four people were "
        "killed.");
    REQUIRE(a.size() == 1);
    REQUIRE(a[0].killed);
    CHECK(a[0].killed->value == 5);
    const auto b = events_of(
        "A suicide bomber blew himself up at a checkpoint in Mali, killing three soldiers.");
    REQUIRE(b.size() == 1);
    REQUIRE(b[0].killed);
    CHECK(b[0].killed->value == 4);
    CHECK(b[0].killed->rule.find("suicide-bombers") != std::string::npos);
    const auto c = events_of(
        "A suicide bomber struck a market in Chad. Ten people, including the bomber, were killed.");
    REQUIRE(c.size() == 1);
    REQUIRE(c[0].killed);
    CHECK(c[0].killed->value == 10);
}

TEST_CASE("nobody hurt gives a zero figure, a later count wins over it", "[extract][events]") {
    const auto a = events_of("A bomb exploded outside a bank in Chile. No one was injured.");
    REQUIRE(a.size() == 1);
    REQUIRE(a[0].wounded);
    CHECK(a[0].wounded->value == 0);
    CHECK(!a[0].killed);
}

TEST_CASE("the place of an event is the one tied to its trigger, with its country",
          "[extract][events]") {
    const auto events = events_of(
        "Officials from Kenya said a bomb exploded in a market in Somalia on Friday.");
    REQUIRE(events.size() == 1);
    REQUIRE(events[0].place);
    CHECK(events[0].place->country_code == "SO");
    CHECK(events[0].place->country == "Somalia");
    CHECK_FALSE(events[0].place->rule.empty());
}

TEST_CASE("a country named only as the owner of an embassy or troops is not the event's place",
          "[extract][events]") {
    const auto events = events_of(
        "A grenade was thrown at the U.S. Embassy in Ruritania, wounding two guards. Later, US "
        "troops guarded a US-based charity in Kenya.");
    REQUIRE_FALSE(events.empty());
    REQUIRE(events[0].place);
    CHECK(events[0].place->country_code == "KE");

    // Named alone, such a country is still the best the text offers.
    const auto alone = events_of("Gunmen fired on a US Marines convoy, killing two soldiers.");
    REQUIRE(alone.size() == 1);
    REQUIRE(alone[0].place);
    CHECK(alone[0].place->country_code == "US");
    CHECK(alone[0].place->rule == "place:document-owner");

    // A demonym or a group's home country says more than an owner does.
    const auto afghan = events_of(
        "Gunmen fired on US troops and Afghan soldiers at a checkpoint, killing two.");
    REQUIRE(afghan.size() == 1);
    REQUIRE(afghan[0].place);
    CHECK(afghan[0].place->country_code == "AF");
    // A nationality says nothing of where its holder was.
    const auto citizen = events_of(
        "A Kenyan citizen was kidnapped by gunmen of the Lord's Resistance Army.");
    REQUIRE(citizen.size() == 1);
    REQUIRE(citizen[0].place);
    CHECK(citizen[0].place->country_code == "UG");
}

TEST_CASE("a province after its country in the possessive is the event's place",
          "[extract][events]") {
    const auto events =
        events_of("A roadside bomb in Afghanistan's eastern Paktika province killed three soldiers.");
    REQUIRE(events.size() == 1);
    REQUIRE(events[0].place);
    CHECK(events[0].place->region == "Paktika");
    CHECK(events[0].place->country_code == "AF");
    // A possessive that does not hold the place changes nothing.
    const auto other = events_of("A bomb in Kenya's view of Paktika killed three soldiers.");
    REQUIRE(other.size() == 1);
    REQUIRE(other[0].place);
    CHECK(other[0].place->country_code == "KE");
}

TEST_CASE("a place given as a reference point is not where the event happened",
          "[extract][events]") {
    for (const char* text :
         {"A bomb exploded at a market in the town of Qarvat, near Kirkuk, killing nine people.",
          "A bomb exploded at a market in the town of Qarvat, 20 km south of Kirkuk, killing nine "
          "people."}) {
        const auto events = events_of(text);
        REQUIRE(events.size() == 1);
        REQUIRE(events[0].place);
        CHECK(events[0].place->city == "Qarvat");
        CHECK(events[0].place->country_code == "IQ");
    }
    // Without the town before it, the reference point is the best place there is.
    const auto near = events_of("A bomb exploded at a market near Kirkuk, killing nine people.");
    REQUIRE(near.size() == 1);
    REQUIRE(near[0].place);
    CHECK(near[0].place->city == "Kirkuk");
}

TEST_CASE("an event in a text that names no place lies in its groups' home country",
          "[extract][events]") {
    const auto events = events_of(
        "Rebels of the Revolutionary Armed Forces of Colombia ambushed a convoy, killing two "
        "soldiers.");
    REQUIRE(events.size() == 1);
    REQUIRE(events[0].place);
    CHECK(events[0].place->country_code == "CO");
    CHECK(events[0].place->actor.empty());
    CHECK(events[0].place->rule == "place:home-country-of group:farc");
    // Groups of two countries: no place.
    const auto two = events_of(
        "Rebels of the Revolutionary Armed Forces of Colombia and the Liberation Tigers of Tamil "
        "Eelam ambushed a convoy, killing two soldiers.");
    REQUIRE(two.size() == 1);
    CHECK_FALSE(two[0].place);
    // A place named in the text wins.
    const auto named = events_of(
        "Rebels of the Revolutionary Armed Forces of Colombia ambushed a convoy in Ecuador.");
    REQUIRE(named.size() == 1);
    REQUIRE(named[0].place);
    CHECK(named[0].place->country_code == "EC");
}

TEST_CASE("a country named for its border is not where the event happened", "[extract][events]") {
    const auto events = events_of(
        "Gunmen opened fire on a police post near the Pakistani border, killing three Indian "
        "soldiers.");
    REQUIRE(events.size() == 1);
    REQUIRE(events[0].place);
    CHECK(events[0].place->country_code == "IN");
    const auto with = events_of(
        "A bomb killed two soldiers close to the border with Kenya. Ethiopian officials blamed "
        "rebels.");
    REQUIRE(with.size() == 1);
    REQUIRE(with[0].place);
    CHECK(with[0].place->country_code == "ET");
    // Crossing the border goes into the country.
    const auto crossed = events_of(
        "Gunmen crossed the Brazilian border and attacked a military post, killing two soldiers.");
    REQUIRE(crossed.size() == 1);
    REQUIRE(crossed[0].place);
    CHECK(crossed[0].place->country_code == "BR");
}

TEST_CASE("an event between two towns is placed at the first, held by what holds both",
          "[extract][events]") {
    const auto events = events_of(
        "03/04/2011: A bomb exploded near a convoy on the road between Gudermes and Argun, "
        "Chechnya, Russia.");
    REQUIRE(events.size() == 1);
    REQUIRE(events[0].place);
    CHECK(events[0].place->city == "Gudermes");
    CHECK(events[0].place->country_code == "RU");
    const auto municipalities = events_of(
        "Rebels kidnapped tourists at a site between the municipalities of Quibdo and Istmina, "
        "Choco department, Colombia.");
    REQUIRE_FALSE(municipalities.empty());
    REQUIRE(municipalities[0].place);
    CHECK(municipalities[0].place->city == "Quibdó");
}

TEST_CASE("a village in a district is the event's place", "[extract][events]") {
    const auto events = events_of(
        "9/19/2012: Rebels attacked a bus in Korvapur village in Zarvani district, Nepal.");
    REQUIRE(events.size() == 1);
    REQUIRE(events[0].place);
    CHECK(events[0].place->city == "Korvapur");
    CHECK(events[0].place->country_code == "NP");
}

TEST_CASE("the two Congos are told apart by their capital in brackets", "[extract][events]") {
    const auto events = events_of(
        "Gunmen attacked an aid office in Kiwanja town, North Kivu province, Congo (Kinshasa).");
    REQUIRE(events.size() == 1);
    REQUIRE(events[0].place);
    CHECK(events[0].place->country_code == "CD");
    const auto west = events_of("A bomb exploded at a market in Congo (Brazzaville).");
    REQUIRE(west.size() == 1);
    REQUIRE(west[0].place);
    CHECK(west[0].place->country_code == "CG");
}

TEST_CASE("a summary's chain of city, region and country gives the most specific place",
          "[extract][events]") {
    const auto events = events_of(
        "03/05/2012: Assailants detonated an explosive device in Kabul city, Kabul province, "
        "Afghanistan.");
    REQUIRE(events.size() == 1);
    REQUIRE(events[0].place);
    CHECK(events[0].place->country_code == "AF");
    CHECK(events[0].place->city == "Kabul");
}

TEST_CASE("coordinated places split one mention into one event per place", "[extract][events]") {
    const auto events = events_of(
        "In three separate attacks, first in Kenya, then Uganda and Somalia, militants killed "
        "ten people.");
    REQUIRE(events.size() == 3);
    std::set<std::string> codes;
    for (const Event& e : events) {
        REQUIRE(e.place);
        codes.insert(e.place->country_code);
        CHECK(e.place->rule == "place:coordination");
        CHECK(!e.killed);  // the ten are the three attacks' together
    }
    CHECK(codes == std::set<std::string>{"KE", "UG", "SO"});
}

TEST_CASE("mentions of one attack by city and by country are one event", "[extract][events]") {
    const auto events = events_of(
        "A double bombing in Baghdad killed 30 people on Sunday. Officials said the attack in "
        "Iraq was planned for weeks.");
    REQUIRE(events.size() == 1);
    CHECK(events[0].mentions.size() >= 2);
    REQUIRE(events[0].place);
    CHECK(events[0].place->city == "Baghdad");
}

TEST_CASE("a place before the trigger names the attack's place", "[extract][events]") {
    const auto events = events_of("Police are still investigating the Nairobi bombing.");
    REQUIRE(events.size() == 1);
    REQUIRE(events[0].place);
    CHECK(events[0].place->rule == "place:modifier");
    CHECK(events[0].place->country_code == "KE");
}

TEST_CASE("attacks in two places of different countries are two events", "[extract][events]") {
    const auto events = events_of(
        "A bomb exploded in a market in Chad on Monday, killing five people. On Tuesday, gunmen "
        "opened fire on a bus in Peru, killing two passengers.");
    REQUIRE(events.size() == 2);
    CHECK(events[0].place->country_code != events[1].place->country_code);
}

TEST_CASE("the date of a summary is the date it opens with", "[extract][events]") {
    const auto events = events_of("03/05/2012: A bomb exploded near a school in Chad on Monday.");
    REQUIRE(events.size() == 1);
    CHECK(events[0].date == "2012-03-05");
    CHECK(events[0].date_rule == "date:leading");
    // A month named in the text before the summary's date is background, not the event's.
    const auto background = events_of(
        "04/16/2012: A man was arrested while placing gas canisters under a car in Chad. No "
        "group claimed responsibility for the attack, but police suspected that the men had "
        "been involved in other attacks in the area since a summit in March 2011.");
    REQUIRE_FALSE(background.empty());
    CHECK(background[0].date == "2012-04-16");
}

TEST_CASE("a relative date resolves against the document date", "[extract][events]") {
    const auto events = events_of("Gunmen stormed a hotel in Mali on Monday.", "2016-07-06");
    REQUIRE(events.size() == 1);
    CHECK(events[0].date == "2016-07-04");
    CHECK(events[0].date_rule == "date:weekday");
    const auto abs = events_of("Gunmen stormed a hotel in Mali on July 3, 2016.");
    REQUIRE(abs.size() == 1);
    CHECK(abs[0].date == "2016-07-03");
}

TEST_CASE("a group the authorities are blaming in a later sentence is the perpetrator",
          "[extract][events]") {
    const auto blamed = events_of(
        "A bomb exploded at a postal centre in London. Authorities are blaming the Real Irish "
        "Republican Army for trying to derail the peace process.");
    REQUIRE(blamed.size() == 1);
    CHECK(has_actor(blamed[0].perpetrators, "group:rira"));
    const auto named = events_of(
        "A bomb exploded at a postal centre in London. The Real Irish Republican Army held a "
        "rally for the peace process.");
    REQUIRE(named.size() == 1);
    CHECK(named[0].perpetrators.empty());
}

TEST_CASE("a group whose members were killed or kidnapped is no perpetrator", "[extract][events]") {
    const auto victims = events_of("Gunmen kidnapped two members of Hamas in Gaza.");
    REQUIRE(victims.size() == 1);
    CHECK_FALSE(has_actor(victims[0].perpetrators, "group:hamas"));
    const auto attackers = events_of("Two members of Hamas killed a soldier in Gaza.");
    REQUIRE(attackers.size() == 1);
    CHECK(has_actor(attackers[0].perpetrators, "group:hamas"));
}

TEST_CASE("a group that claimed responsibility is claimant and perpetrator", "[extract][events]") {
    const auto events = events_of(
        "A car bomb exploded in a market in Somalia. Al-Shabaab claimed responsibility for the "
        "attack.");
    REQUIRE(events.size() == 1);
    REQUIRE(events[0].claimed_by.size() == 1);
    CHECK(events[0].claimed_by[0].actor.rfind("group:", 0) == 0);
    CHECK(has_actor(events[0].perpetrators, events[0].claimed_by[0].actor));
}

TEST_CASE("no group claiming responsibility names no claimant", "[extract][events]") {
    const auto events = events_of(
        "A bomb exploded in a market in Chad. No group claimed responsibility for the attack.");
    REQUIRE(events.size() == 1);
    CHECK(events[0].claimed_by.empty());
}

TEST_CASE("a claimant that is no known group is kept as text", "[extract][events]") {
    const auto events = events_of(
        "Assailants set fire to a clinic in Chile. An individual calling himself the Night Owl "
        "claimed responsibility for the incident.");
    REQUIRE(events.size() == 1);
    REQUIRE(events[0].claimed_by.size() == 1);
    CHECK(events[0].claimed_by[0].actor.empty());
    CHECK(events[0].claimed_by[0].text.find("Night Owl") != std::string::npos);
}

TEST_CASE("a group-claimed trigger names the claimant", "[extract][events]") {
    const auto events =
        events_of("The death toll reached 40 in an ISIS-claimed double bombing in Baghdad.");
    REQUIRE(events.size() == 1);
    CHECK(has_actor(events[0].claimed_by, "group:isis"));
    REQUIRE(events[0].killed);
    CHECK(events[0].killed->value == 40);
}

TEST_CASE("a group with a noun for its members is one perpetrator argument", "[extract][events]") {
    const auto events = events_of("ISIS supporters opened fire on a crowd in Syria.");
    REQUIRE(events.size() == 1);
    REQUIRE_FALSE(events[0].perpetrators.empty());
    CHECK(events[0].perpetrators[0].text == "ISIS supporters");
    CHECK(events[0].perpetrators[0].actor == "group:isis");
}

TEST_CASE("a suspected group is a perpetrator even when nobody claimed", "[extract][events]") {
    const auto events = events_of(
        "A bomb exploded outside a police station in Somalia. No group claimed responsibility; "
        "however, officials suspected Al-Shabaab.");
    REQUIRE(events.size() == 1);
    CHECK(events[0].claimed_by.empty());
    REQUIRE_FALSE(events[0].perpetrators.empty());
    CHECK(events[0].perpetrators[0].actor.rfind("group:", 0) == 0);
}

TEST_CASE("weapons and targets are arguments with their lexicon entry", "[extract][events]") {
    const auto events =
        events_of("Militants attacked a police station in Niger with rifles and grenades.");
    REQUIRE(events.size() == 1);
    CHECK(has_arg(events[0].weapons, "rifles"));
    CHECK(has_arg(events[0].weapons, "grenades"));
    CHECK(events[0].weapons[0].rule.rfind("weapon:event_args.tsv:", 0) == 0);
    CHECK_FALSE(events[0].targets.empty());
}

TEST_CASE("the main event comes first and ids follow that order", "[extract][events]") {
    const auto events = events_of(
        "Residents recalled a shooting in Peru years ago. On Monday a car bomb killed 12 people "
        "in Colombia, and a group claimed responsibility for the bombing.");
    REQUIRE(events.size() == 2);
    CHECK(events[0].type == "bombing");
    CHECK(events[0].id.ends_with(":e1"));
    CHECK(events[1].id.ends_with(":e2"));
}

TEST_CASE("a trigger in a quote with no place, date or figure is no event of its own",
          "[extract][events]") {
    const auto events = events_of(
        "A bomb exploded in a market in Chad, killing five people. \"They used to boast about the "
        "massacre of captured soldiers,\" said an analyst.");
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == "bombing");
}

TEST_CASE("a boilerplate teaser adds to an event but never starts one", "[extract][events]") {
    const std::string text =
        "In two attacks, first in Chad, then Niger, militants killed nine people.\n\n"
        "READ MORE: Death toll climbs to 12 in bombing in Niger\n\n"
        "READ MORE: Bombing in Peru kills 4\n";
    Document doc;
    doc.id = std::string("teaser-doc");
    doc.text = text;
    std::vector<Sentence> sentences = extract::split_sentences(text);
    REQUIRE(sentences.size() == 3);
    sentences[1].boilerplate = true;
    sentences[2].boilerplate = true;
    const extract::FoldedText folded = extract::fold(text);
    const std::vector<extract::Token> tokens = extract::tokenize(folded);
    const extract::AnalysedText analysed{doc, sentences, folded, tokens, extract::case_style(text)};
    std::vector<Diagnostic> diagnostics;
    const std::vector<Actor> actors = extract::find_actors(analysed, test::resources(), diagnostics);
    const std::vector<Event> events =
        extract::find_events(analysed, test::resources(), actors, diagnostics);
    REQUIRE(events.size() == 2);
    const Event& niger = events[0].place->country_code == "NE" ? events[0] : events[1];
    REQUIRE(niger.killed);
    CHECK(niger.killed->value == 12);
    for (const Event& e : events) CHECK(e.place->country_code != "PE");
}

TEST_CASE("every value of an event carries the rule that produced it", "[extract][events]") {
    const auto events = events_of(
        "01/15/2014: Gunmen opened fire on a bus in Peru, killing four passengers. The Shining "
        "Path claimed responsibility.");
    REQUIRE(events.size() == 1);
    const Event& e = events[0];
    CHECK_FALSE(e.trigger.rule.empty());
    CHECK_FALSE(e.date_rule.empty());
    REQUIRE(e.place);
    CHECK_FALSE(e.place->rule.empty());
    REQUIRE(e.killed);
    CHECK_FALSE(e.killed->rule.empty());
    REQUIRE_FALSE(e.perpetrators.empty());
    REQUIRE_FALSE(e.claimed_by.empty());
    REQUIRE_FALSE(e.mentions.empty());
    for (const Arg& a : e.perpetrators) CHECK_FALSE(a.rule.empty());
    for (const Arg& a : e.claimed_by) CHECK_FALSE(a.rule.empty());
    for (const Arg& a : e.mentions) CHECK_FALSE(a.rule.empty());
    CHECK(e.confidence > 0.5);
}

namespace {

/// A data directory holding the project's event lexicons (types, triggers, blockers, args).
void copy_event_lexicons(const test::TempDir& dir) {
    for (const char* name : {"event_types.tsv", "event_triggers.tsv", "event_blockers.tsv", "event_args.tsv"}) {
        std::ifstream in(test::source_dir() / "data" / name, std::ios::binary);
        std::ofstream(dir.path / name, std::ios::binary) << in.rdbuf();
    }
}

}  // namespace

TEST_CASE("a malformed event lexicon row is an error naming file and line", "[extract][events]") {
    test::TempDir dir;
    copy_event_lexicons(dir);
    std::ofstream(dir.path / "event_triggers.tsv", std::ios::binary)
        << "# test\nbomb\tbombing\tnoun\t\nblast\tno_such_type\tnoun\t\n";
    extract::EventLexicon lexicon;
    try {
        extract::load_event_lexicon(lexicon, dir.path.string());
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::data);
        CHECK(std::string(e.what()).find("event_triggers.tsv:3: unknown event type") !=
              std::string::npos);
    }
}

TEST_CASE("a phrase listed twice in an event lexicon is an error naming both rows", "[extract][events]") {
    // The second row would never match: the first would silently win.
    test::TempDir dir;
    copy_event_lexicons(dir);
    std::ofstream(dir.path / "event_blockers.tsv", std::ios::binary)
        << "# test\nbox office\tphrase\nstadium\tdomain\nBox-Office\tdomain\n";
    extract::EventLexicon lexicon;
    try {
        extract::load_event_lexicon(lexicon, dir.path.string());
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::data);
        const std::string what = e.what();
        CHECK(what.find("event_blockers.tsv:4:") != std::string::npos);
        CHECK(what.find("listed already (line 2)") != std::string::npos);
    }
    std::ofstream(dir.path / "event_blockers.tsv", std::ios::binary) << "box office\tphrase,domain\n";
    std::ofstream(dir.path / "event_triggers.tsv", std::ios::binary)
        << "bomb\tbombing\tnoun\t\nbombs\tbombing\tnoun\t\nbomb\tattack\tnoun\t\n";
    try {
        extract::EventLexicon again;
        extract::load_event_lexicon(again, dir.path.string());
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(std::string(e.what()).find("event_triggers.tsv:3: \"bomb\" is listed already (event_triggers.tsv:1)") !=
              std::string::npos);
    }
}

TEST_CASE("a town before a region of the same name is the town", "[extract][events]") {
    // Arequipa is a city and the region around it: "Camaná, Arequipa, Peru" is the town of
    // Camaná in Arequipa region.
    const auto events = events_of(
        "06/02/2014: Gunmen opened fire on a fishing cooperative in Camana, Arequipa, Peru. Two "
        "guards were wounded.");
    REQUIRE(events.size() == 1);
    REQUIRE(events[0].place);
    CHECK(events[0].place->country_code == "PE");
    CHECK(events[0].place->city == "Camaná");
}

TEST_CASE("a district of a city before it gives the city, even when the city names a region",
          "[extract][events]") {
    // Lisbon is a city and a district of Portugal; "Benfica district" marks Benfica as a part
    // of it, so the town-before-region rule does not apply.
    const auto part = events_of(
        "06/02/2014: Anarchists threw a firebomb at a tax office in Benfica district, Lisbon, "
        "Portugal.");
    REQUIRE(part.size() == 1);
    REQUIRE(part[0].place);
    CHECK(part[0].place->city == "Lisbon");
    // A town before its region and country keeps the town.
    const auto town = events_of(
        "03/11/2015: A roadside bomb exploded near a bakery in Tallkayf, Nineveh, Iraq.");
    REQUIRE(town.size() == 1);
    REQUIRE(town[0].place);
    CHECK(town[0].place->city == "Tallkayf");
}

TEST_CASE("a region chosen while its sentence names one town inside it gives the town",
          "[extract][events]") {
    const auto events = events_of(
        "08/19/2013: The Nineveh bombing hit a crowded market near the old bridge of Mosul, "
        "killing four people.");
    REQUIRE(events.size() == 1);
    REQUIRE(events[0].place);
    CHECK(events[0].place->city == "Mosul");
    CHECK(events[0].place->country_code == "IQ");
    CHECK(events[0].place->rule == "place:modifier+town-in-sentence");
}

TEST_CASE("a main event placed by country takes the town of the first sentence", "[extract][events]") {
    // The first sentence names the town but no trigger; the attack is told in the second,
    // where the only place is the country.
    const auto events = events_of(
        "In Cusco, Peru, a shopkeeper died on Monday at his shop near the main market. Leaflets "
        "left at the scene of the attack praised the Republic of Peru.");
    REQUIRE_FALSE(events.empty());
    REQUIRE(events[0].place);
    CHECK(events[0].place->country_code == "PE");
    CHECK(events[0].place->city == "Cusco");
    CHECK(events[0].place->rule == "place:document-first-town");
}

TEST_CASE("a group whose office or leader was attacked is no perpetrator", "[extract][events]") {
    const auto office = events_of(
        "A bomb exploded at the entrance of the headquarters of the Kurdistan Workers' Party in "
        "Diyarbakir, Turkey, wounding two guards.");
    REQUIRE_FALSE(office.empty());
    CHECK_FALSE(has_actor(office[0].perpetrators, "group:pkk"));
    const auto leader = events_of(
        "Gunmen shot dead a local leader of Hamas outside his home in Rafah.");
    REQUIRE_FALSE(leader.empty());
    CHECK_FALSE(has_actor(leader[0].perpetrators, "group:hamas"));
    // The same group as the subject of the attack is the perpetrator.
    const auto subject = events_of(
        "Kurdistan Workers' Party militants detonated a bomb near a police station in Diyarbakir, "
        "Turkey.");
    REQUIRE_FALSE(subject.empty());
    CHECK(has_actor(subject[0].perpetrators, "group:pkk"));
}

TEST_CASE("a place that ends the text ends its place chain there", "[extract][events]") {
    // The chain looks at the words after a place ("Kandahar village in ...", "Kandahar, ...");
    // here there are none, and nothing past the last token is read (UBSan caught such a read).
    for (const std::string text : {"A roadside bomb killed two soldiers in Kandahar",
                                   "A roadside bomb killed two soldiers in Kandahar,",
                                   "A roadside bomb killed two soldiers near the Kandahar police"}) {
        const auto events = events_of(text);
        REQUIRE_FALSE(events.empty());
        REQUIRE(events[0].place);
        CHECK(events[0].place->city == "Kandahar");
        CHECK(events[0].place->country_code == "AF");
    }
}

TEST_CASE("ALL-CAPS copy: a victim named by a name that is no common word counts as one killed",
          "[extract][events]") {
    const auto events = events_of(
        "GUNMEN SHOT AND KILLED TOMAS VERLAN, A LOCAL TRADER, IN KANDAHAR, AFGHANISTAN.");
    REQUIRE_FALSE(events.empty());
    REQUIRE(events[0].killed);
    CHECK(events[0].killed->value == 1);
    CHECK(events[0].gtd_attack_type == "Armed Assault");
}

TEST_CASE("a group named only for other incidents or for its jailed members is no perpetrator",
          "[extract][events]") {
    const auto perps_of = [](const std::string& text) {
        std::vector<std::string> ids;
        for (const Event& e : events_of(text))
            for (const Arg& a : e.perpetrators)
                if (!a.actor.empty()) ids.push_back(a.actor);
        return ids;
    };
    CHECK(perps_of("A bomb exploded outside a court in Kenya. No group claimed the attack. "
                   "Similar attacks were carried out last year by al-Shabaab militants.")
              .empty());
    CHECK(perps_of("A bomb exploded outside a court in Kenya after the conviction of four "
                   "former members of al-Shabaab.")
              .empty());
    // Blame after the event's own words still counts.
    const auto blamed = perps_of(
        "A bomb exploded outside a court in Kenya. Police believe al-Shabaab militants were "
        "responsible for the attack and have targeted courts in the past.");
    CHECK(std::find(blamed.begin(), blamed.end(), "group:al-shabaab") != blamed.end());
}

TEST_CASE("a country named as an attribute of a noun is not where the event happened",
          "[extract][events]") {
    const auto events = events_of(
        "A U.S. aid worker was shot dead while driving to his office. The attack happened in "
        "Kandahar.");
    REQUIRE(events.size() == 1);
    REQUIRE(events[0].place);
    CHECK(events[0].place->city == "Kandahar");
    // After a preposition of place the country is the place.
    const auto in = events_of("A bomb exploded in the United States embassy district on Monday.");
    REQUIRE_FALSE(in.empty());
    REQUIRE(in[0].place);
    CHECK(in[0].place->country_code == "US");
}

TEST_CASE("all-lower-case text: an event keeps its town, date and a named victim",
          "[extract][events]") {
    const auto events = events_of(
        "gunmen shot and killed tomas verlan, a local trader, in kandahar, afghanistan, on "
        "july 3, 2016.");
    REQUIRE_FALSE(events.empty());
    REQUIRE(events[0].place);
    CHECK(events[0].place->city == "Kandahar");
    CHECK(events[0].date == "2016-07-03");
    REQUIRE(events[0].killed);
    CHECK(events[0].killed->value == 1);
}

TEST_CASE("sport, film and market senses of weak triggers make no event", "[extract][events]") {
    SECTION("a team beats another, with a score") {
        CHECK(events_of("Northvale beat Eastport 3-1 in Madrid on Saturday.").empty());
        CHECK(events_of("the home side were well beaten in the cup semi-final in Lyon.").empty());
    }
    SECTION("a shot at goal and an injured player") {
        CHECK(events_of("Karlsson curled a low shot past the goalkeeper in Milan.").empty());
        CHECK(events_of("The coach replaced the injured Petrov at half-time in Porto.").empty());
    }
    SECTION("a film shot on location, a market explosion, a politician blasting plans") {
        CHECK(events_of("Most of the film was shot in Prague last spring.").empty());
        CHECK(events_of("Sales of gadgets exploded in Japan as consumers bought new handsets.").empty());
        CHECK(events_of("Harlow blasts Tory spending plans in London.").empty());
    }
    SECTION("a dismissal on a date") {
        CHECK(events_of("The presenter said she had been fired on 3 March in Dublin.").empty());
    }
}

TEST_CASE("clear violence in a sport or film setting still makes an event", "[extract][events]") {
    SECTION("a death toll") {
        const auto events = events_of("A bomb exploded outside the stadium during the football match in "
                                      "Kabul, killing four fans.");
        REQUIRE(events.size() == 1);
        CHECK(events[0].type == "bombing");
    }
    SECTION("an attacker and several victims") {
        const auto events = events_of("Gunmen shot three people at a cinema in Mogadishu during a film.");
        REQUIRE(events.size() == 1);
        CHECK(events[0].type == "armed_assault");
    }
    SECTION("a strong trigger") {
        CHECK(events_of("Gunmen opened fire on the team bus in Lahore after the cricket match.").size() == 1);
    }
}

TEST_CASE("beating a rival is no assault without clear violence", "[extract][events]") {
    CHECK(events_of("The quartet beat three other bands to the prize in Oslo.").empty());
    CHECK(events_of("Her new phone beat off the challenge of cheaper models in Seoul.").empty());
    const auto events = events_of("A mob beat two traders to death in Kano on Monday.");
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == "unarmed_assault");
}

TEST_CASE("deaths in a natural disaster make no attack", "[extract][events]") {
    CHECK(events_of("The tsunami killed more than 4,000 people in the region of Aceh.").empty());
}

TEST_CASE("weapon names, rates and launched inquiries make no event", "[extract][events]") {
    CHECK(events_of("The gang sold assault rifles in Cali, police said.").empty());
    CHECK(events_of("The government declared a state of siege in the province of Lara.").empty());
    CHECK(events_of("The murder rate in Cali fell last year.").empty());
    CHECK(events_of("Prosecutors launched an inquiry in Lima on Monday.").empty());
    const auto events = events_of("Rebels launched an attack on a police post in Lara, killing two officers.");
    REQUIRE(events.size() == 1);
}

TEST_CASE("a weak trigger in a document about sport needs clear violence in its sentence",
          "[extract][events]") {
    // The domain words ("tennis", "tournament", "title") are in other sentences.
    CHECK(events_of("The tennis season opened in Doha. The tournament drew a big crowd. "
                    "Her first serve was shot to pieces in Doha, and she lost the title.")
              .empty());
    CHECK(events_of("The midfielder was booked for killing the ball in Turin.").empty());
}

TEST_CASE("a person who kills or harms only themself makes no attack", "[extract][events]") {
    CHECK(events_of("The banker killed himself at his home in Leeds on Friday.").empty());
    CHECK(events_of("A soldier shot himself at a base near Tikrit on Monday.").empty());
    CHECK(events_of("A farmer set himself on fire outside the council office in Tunis.").empty());
    SECTION("others killed with them keep the attack") {
        const auto events = events_of("A suicide bomber blew himself up at a market in Kano, killing 12 people.");
        REQUIRE(events.size() == 1);
        CHECK(events[0].type == "suicide_bombing");
        REQUIRE(events[0].killed);
        CHECK(events[0].killed->value >= 12);
    }
    SECTION("a gunman who kills others and then himself") {
        const auto events = events_of("A gunman shot dead four workers at a factory in Ohio before killing himself.");
        REQUIRE(events.size() == 1);
        CHECK(events[0].type == "armed_assault");
    }
}

TEST_CASE("a fire, an accident or a disaster that kills is no attack unless someone set it",
          "[extract][events]") {
    CHECK(events_of("A fire at a nightclub in Porto killed 25 people on Saturday.").empty());
    CHECK(events_of("A bus crash in the hills near Cusco killed 14 passengers.").empty());
    CHECK(events_of("A gas explosion at a block of flats in Kiev killed six residents.").empty());
    // Three disaster words in the document; the sentence with the toll names none.
    CHECK(events_of("The earthquake struck the coast at dawn. A tsunami followed within the hour. "
                    "Aid groups fear the quake's toll will rise. More than 300 people were killed "
                    "in Padang.")
              .empty());
    SECTION("arson cues make the fire an attack") {
        const auto events = events_of("Militants set fire to a school in Borno, killing 3 pupils.");
        REQUIRE(events.size() == 1);
        CHECK(events[0].type == "arson");
        REQUIRE(events[0].killed);
        CHECK(events[0].killed->value == 3);
        CHECK(events_of("Rioters set a fire at a hotel in Aden that killed two guests.").size() == 1);
    }
    SECTION("fire from weapons is no blaze") {
        const auto events = events_of("Two soldiers were killed by sniper fire near Donetsk on Monday.");
        REQUIRE(events.size() == 1);
        REQUIRE(events[0].killed);
        CHECK(events[0].killed->value == 2);
    }
    SECTION("a claim in the next sentence makes the fire an attack") {
        CHECK(events_of("A fire destroyed a bank branch in Athens on Sunday. An anarchist group "
                        "claimed responsibility for the attack.")
                  .size() == 1);
    }
}

TEST_CASE("statistics over a period or a population are no event", "[extract][events]") {
    CHECK(events_of("Some 700 women were killed in Mexico last year, the report said.").empty());
    CHECK(events_of("Since 2009, more than 2,000 young men have been killed in Medellin.").empty());
    CHECK(events_of("Between January and April, 74 community leaders were killed in Colombia.").empty());
    CHECK(events_of("Kidnappings in Caracas have risen sharply, a new report says.").empty());
    SECTION("one incident told with a period stays") {
        const auto events =
            events_of("Gunmen killed 12 people at a wedding in Juarez on Saturday, the deadliest "
                      "attack in the city since 2015.");
        REQUIRE(events.size() == 1);
        REQUIRE(events[0].killed);
        CHECK(events[0].killed->value == 12);
        CHECK(events_of("Once gunmen torched a bar in Puebla last year, killing 31 "
                        "guests, the governor asked for soldiers.")
                  .size() == 1);
    }
    SECTION("a statistic gives no figure to the event before it") {
        const auto events = events_of("A bomb exploded at a bus stop in Quetta on Monday, killing "
                                      "three people. Since 2010, some 900 people have been killed "
                                      "in the province.");
        REQUIRE(events.size() == 1);
        REQUIRE(events[0].killed);
        CHECK(events[0].killed->value == 3);
    }
}

TEST_CASE("crimes named as a category or a charge are no incident", "[extract][events]") {
    CHECK(events_of("The gang in Tegucigalpa lives from extortion and kidnapping.").empty());
    CHECK(events_of("Police in Lima arrested a man wanted for drug trafficking, kidnapping and theft.").empty());
    CHECK(events_of("Kidnapping rates in Caracas are among the highest in the region.").empty());
    CHECK(events_of("The former mayor of Cali was convicted of murder on Tuesday.").empty());
    const auto events = events_of("Armed men abducted a trader in Cali on Monday; police blamed a "
                                  "gang known for robbery and kidnapping.");
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == "kidnapping");
}

TEST_CASE("hypothetical, threatened, feared, foiled and negated attacks are no event",
          "[extract][events]") {
    CHECK(events_of("Officials warned that militants could attack the airport in Mombasa.").empty());
    CHECK(events_of("The group threatened to bomb the embassy in Nairobi.").empty());
    CHECK(events_of("Police said the men planned to attack a church in Lahore.").empty());
    CHECK(events_of("Residents of Mosul live in fear of an attack.").empty());
    CHECK(events_of("The minister said a bombing could happen in Madrid at any time.").empty());
    CHECK(events_of("Police in Kano said there was no attack on the village.").empty());
    CHECK(events_of("Security forces foiled a suicide bombing in Kabul on Friday.").empty());
    CHECK(events_of("If the port of Aden were attacked, the ships would leave.").empty());
    SECTION("a real attack reported with such words elsewhere stays") {
        const auto events = events_of("Gunmen attacked a police post in Kirkuk on Monday, killing two "
                                      "officers; it is unclear if the attackers were local.");
        REQUIRE(events.size() == 1);
        REQUIRE(events[0].killed);
        CHECK(events[0].killed->value == 2);
    }
    SECTION("no one killed is a zero figure of a real event") {
        const auto events = events_of("A bomb exploded outside a bank in Athens on Sunday. No one was killed.");
        REQUIRE(events.size() == 1);
        CHECK(events[0].type == "bombing");
    }
    SECTION("a device that did not explode is a failed bombing") {
        const auto events = events_of("Militants planted a bomb at a bridge in Swat, but it did not explode.");
        REQUIRE(events.size() == 1);
        CHECK(events[0].type == "bombing");
    }
    SECTION("a guess about what happened stays") {
        CHECK(events_of("The reporter may have been assassinated by gunmen in Tijuana on Monday.").size() == 1);
    }
}

TEST_CASE("a plot of a film or a novel told in the present tense is no event", "[extract][events]") {
    CHECK(events_of("The film opens in Vienna. After his brother is killed, the hero joins the "
                    "police. The novel was a bestseller and the movie stars a famous actor.")
              .empty());
}

TEST_CASE("a weak trigger whose object is a thing no one can harm makes no event",
          "[extract][events]") {
    CHECK(events_of("Opposition leaders attacked the budget in London on Monday.").empty());
    CHECK(events_of("Critics attacked the plan as unfair in Dublin.").empty());
    CHECK(events_of("The senator attacked the government's record on crime in Ohio.").empty());
    CHECK(events_of("Union members have attacked earlier privatisations in Quito.").empty());
    CHECK(events_of("Members of the senate launched an initiative in Lima on Monday to reform the tax code.").empty());
    CHECK(events_of("The ministry launched a pilot campaign in Cauca with the help of former ELN members.").empty());
    SECTION("people and places attacked stay events") {
        CHECK(events_of("Gunmen attacked a police station in Kano on Monday.").size() == 1);
        CHECK(events_of("Rebels attacked the campaign office of the mayor in Goma, killing 3.").size() == 1);
    }
}

TEST_CASE("a raid by law enforcement is a search, not an attack, without clear violence",
          "[extract][events]") {
    CHECK(events_of("Police raided a house in Leeds and arrested two men.").empty());
    CHECK(events_of("Detectives raided three homes in Bristol on Tuesday and seized documents.").empty());
    CHECK(events_of("On 4 March, investigators raided the offices of a bank in Quito.").empty());
    CHECK(events_of("The offices were searched in a raid by police in Lima on Monday.").empty());
    SECTION("a raid with deaths or by attackers stays an event") {
        const auto events = events_of("Troops raided a village in Darfur, killing 4.");
        REQUIRE(events.size() == 1);
        CHECK(events[0].type == "armed_assault");
        CHECK(events_of("Gunmen raided a bank in Lagos, killing two guards.").size() == 1);
        CHECK(events_of("Police raided a hideout in Cali, killing three gunmen.").size() == 1);
    }
}

TEST_CASE("in sport text a figure far from its weak trigger is no evidence of violence",
          "[extract][events]") {
    // "two fine saves" is no count of people shot; "injured Jones and Brown" counts players.
    CHECK(events_of("During the match the home keeper made two fine saves within a minute of the "
                    "restart - turning away Smith's low shot.")
              .empty());
    CHECK(events_of("The match in Leeds was tense. The coach praised the players after the "
                    "game. Smith was superb in midfield after replacing injured Jones and Brown "
                    "said he played well.")
              .empty());
    SECTION("people shot in a music story stay an event") {
        CHECK(events_of("The singer released an album and a single. Her tour begins in May. "
                        "Two friends, Ann Reed and Mary Cole, were shot in Cardiff in June.")
                  .size() == 1);
    }
}

TEST_CASE("criticism, a passive thing, a metaphorical explosion and idioms make no event",
          "[extract][events]") {
    CHECK(events_of("The party leader attacked the minister for failing to fund hospitals in Leeds.").empty());
    CHECK(events_of("Its speed record was beaten by a rival car in Utah last year.").empty());
    CHECK(events_of("The prisons in Recife suffered repeated explosions of violence.").empty());
    CHECK(events_of("Critics blamed poverty in Peru and the explosion of unemployed graduates.").empty());
    CHECK(events_of("The smugglers in Malaga used a well beaten path to the coast.").empty());
    CHECK(events_of("Dozens of candidates in Quito think they have a shot at winning.").empty());
    CHECK(events_of("The minister made a scathing attack on the mayor of Lyon on Monday.").empty());
    CHECK(events_of("Bolivia's assault on unlicensed mining in Potosi has stalled.").empty());
    SECTION("a blast of a named device stays an event") {
        const auto events = events_of("The explosion of a car bomb in Kabul killed 12 people.");
        REQUIRE(events.size() == 1);
        CHECK(events[0].type == "bombing");
        CHECK(events_of("Gunmen attacked the minister in Kano, killing his driver.").size() == 1);
    }
}

TEST_CASE("a raid told with arrests or launched by police is police work", "[extract][events]") {
    CHECK(events_of("In a raid in Salta on 3 May, authorities arrested four suspects.").empty());
    CHECK(events_of("Last year the federal police launched raids against the gang in Turin.").empty());
    SECTION("a raid with a weapon or a death stays an event") {
        CHECK(events_of("Militants raided a checkpoint in Kirkuk with rifles and grenades on Monday.").size() == 1);
        CHECK(events_of("Soldiers raided a house in Hebron and arrested two men, killing a third.").size() == 1);
    }
}

TEST_CASE("things that can be harmed, names and bombs keep their events", "[extract][events]") {
    CHECK(events_of("Armed men attacked a building project in Jos on Monday.").size() == 1);
    CHECK(events_of("A clerk at the Ministry of Land Reform was shot at in Jaffna by rebels.").size() == 1);
    CHECK(events_of("An explosion of unknown origin damaged the embassy gate in Sofia.").size() == 1);
    CHECK(events_of("A bomb exploded at the embassy in Lusaka. The group said it set the bomb to "
                    "punish the country for allowing foreign troops in.")
              .size() == 1);
}

TEST_CASE("beating a rival followed by a result is winning, not an assault", "[extract][events]") {
    CHECK(events_of("The quartet, whose members met in Hull, beat four rival bands for best new "
                    "act in London.")
              .empty());
    CHECK(events_of("The runner was beaten to the title by a teammate in Oslo.").empty());
    CHECK(events_of("The mayor was beaten by 300 votes in Leeds on Thursday.").empty());
    SECTION("a beating with a result of harm stays an event") {
        CHECK(events_of("A mob beat two traders to death in Kano on Monday.").size() == 1);
    }
}

TEST_CASE("an event in a named part of a city has that city as its city", "[extract][events]") {
    // The event's own sentence names no place: the document's first, the part, is its place.
    const auto events = events_of("A family held a prayer meeting in the Kalyan district of Jakarta, "
                                  "Indonesia. Hours later, assailants armed with iron bars attacked "
                                  "the guests, injuring six.");
    REQUIRE_FALSE(events.empty());
    REQUIRE(events[0].place);
    CHECK(events[0].place->name == "Kalyan");
    CHECK(events[0].place->city == "Jakarta");
}
