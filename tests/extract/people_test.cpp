#include "people.h"

#include <catch2/catch.hpp>
#include <fstream>

#include "error.h"
#include "support.h"

using namespace ekg;

namespace {

const Actor* find(const Extraction& x, const std::string& id) {
    for (const Actor& a : x.actors)
        if (a.id == id) return &a;
    return nullptr;
}

const Actor* find_named(const Extraction& x, const std::string& name) {
    for (const Actor& a : x.actors)
        if (a.name == name) return &a;
    return nullptr;
}

std::size_t count_kind(const Extraction& x, ActorKind kind) {
    std::size_t n = 0;
    for (const Actor& a : x.actors) n += a.kind == kind;
    return n;
}

/// Every mention's text is the stored text at its span.
void check_spans(const Extraction& x) {
    for (const Actor& a : x.actors)
        for (const Mention& m : a.mentions) {
            REQUIRE(m.span.end <= x.document.text.size());
            CHECK(x.document.text.substr(m.span.begin, m.span.end - m.span.begin) == m.text);
        }
}

}  // namespace

TEST_CASE("a name before or after a speech verb is a person with a stable id",
          "[extract][people]") {
    SECTION("X said") {
        const Extraction x =
            test::extract_text("Mara Okonkwo said the bridge would reopen in the spring.");
        const Actor* p = find(x, "person:mara-okonkwo");
        REQUIRE(p != nullptr);
        CHECK(p->kind == ActorKind::person);
        CHECK(p->name == "Mara Okonkwo");
        CHECK(p->mentions.front().rule == "context:speech-after:said");
    }
    SECTION("said X, according to X") {
        const Extraction x = test::extract_text(
            "The bridge will reopen, said Mara Okonkwo. According to Ivo Lantz, the repairs cost "
            "little.");
        CHECK(find(x, "person:mara-okonkwo") != nullptr);
        CHECK(find(x, "person:ivo-lantz") != nullptr);
    }
    SECTION("the same name gets the same id in another document") {
        const Extraction a = test::extract_text("Mara Okonkwo said it rained.");
        const Extraction b = test::extract_text("Officials met on Friday, said Mara Okonkwo.");
        REQUIRE(find(a, "person:mara-okonkwo") != nullptr);
        CHECK(find(b, "person:mara-okonkwo") != nullptr);
    }
}

TEST_CASE("capitalised words without a person's context are not people", "[extract][people]") {
    const Extraction x = test::extract_text(
        "Despite the rain, Ana Duarte said the match would go ahead. Green Valley looked calm.");
    CHECK(find(x, "person:ana-duarte") != nullptr);
    CHECK(count_kind(x, ActorKind::person) == 1);
}

TEST_CASE("a title is stripped from the name and kept as a role", "[extract][people]") {
    const Extraction x =
        test::extract_text("Gen. Tomas Vireo inspected the depot on Tuesday. Vireo left at noon.");
    const Actor* p = find(x, "person:tomas-vireo");
    REQUIRE(p != nullptr);
    CHECK(p->name == "Tomas Vireo");
    REQUIRE(p->roles.size() == 1);
    CHECK(p->roles[0].title == "General");
    CHECK(p->roles[0].organization.empty());
    CHECK(x.document.text.substr(p->roles[0].span.begin,
                                 p->roles[0].span.end - p->roles[0].span.begin) == "Gen.");
    CHECK(p->mentions.size() == 2);
}

TEST_CASE("an honorific is stripped from the name and not kept as a role", "[extract][people]") {
    const Extraction x = test::extract_text("Mr. Ilya Brandt said the river was rising.");
    const Actor* p = find(x, "person:ilya-brandt");
    REQUIRE(p != nullptr);
    CHECK(p->mentions.front().text == "Ilya Brandt");
    CHECK(p->roles.empty());
}

TEST_CASE("a title after a country names the country as the role's organisation",
          "[extract][people]") {
    const Extraction x =
        test::extract_text("Peruvian President Ana Torres said the port would reopen.");
    const Actor* p = find(x, "person:ana-torres");
    REQUIRE(p != nullptr);
    REQUIRE(p->roles.size() == 1);
    CHECK(p->roles[0].title == "President");
    CHECK(p->roles[0].organization == "country:PE");
}

TEST_CASE("a lower-case role before a name is a role", "[extract][people]") {
    const Extraction x =
        test::extract_text("Agency spokesman Omar Castell said the roads were open.");
    const Actor* p = find(x, "person:omar-castell");
    REQUIRE(p != nullptr);
    REQUIRE(p->roles.size() == 1);
    CHECK(p->roles[0].title == "spokesman");
}

TEST_CASE("an age or a relative clause after a name marks a person", "[extract][people]") {
    const Extraction x = test::extract_text(
        "Nadia Ferro, 45, was injured. Sven Holm, who leads the team, declined to comment.");
    CHECK(find(x, "person:nadia-ferro") != nullptr);
    CHECK(find(x, "person:sven-holm") != nullptr);
}

TEST_CASE("an appositive gives a role with its title and organisation", "[extract][people]") {
    const Extraction x = test::extract_text(
        "\"The levee held,\" said Jana Holt, director of field research at Quillfeather, an "
        "organization "
        "specializing in river surveys.");
    const Actor* org = find(x, "org:quillfeather");
    REQUIRE(org != nullptr);
    CHECK(org->kind == ActorKind::organization);
    CHECK(org->mentions.front().rule == "pattern:appositive");
    const Actor* p = find(x, "person:jana-holt");
    REQUIRE(p != nullptr);
    REQUIRE(p->roles.size() == 1);
    CHECK(p->roles[0].title == "director of field research");
    CHECK(p->roles[0].organization == "org:quillfeather");
    CHECK_FALSE(p->roles[0].former);
}

TEST_CASE("a former official and vice-president of an institute holds two roles, the first former",
          "[extract][people]") {
    const Extraction x = test::extract_text(
        "Piet Varga, a former Tarnow Transport Ministry official and vice-president of the "
        "Lakeside "
        "Policy Research Institute, believes the plan will fail.");
    const Actor* p = find(x, "person:piet-varga");
    REQUIRE(p != nullptr);
    const Actor* ministry = find_named(x, "Tarnow Transport Ministry");
    const Actor* institute = find_named(x, "Lakeside Policy Research Institute");
    REQUIRE(ministry != nullptr);
    REQUIRE(institute != nullptr);
    CHECK(ministry->kind == ActorKind::government);
    CHECK(institute->kind == ActorKind::organization);
    REQUIRE(p->roles.size() == 2);
    CHECK(p->roles[0].title == "official");
    CHECK(p->roles[0].organization == ministry->id);
    CHECK(p->roles[0].former);
    CHECK(p->roles[1].title == "vice-president");
    CHECK(p->roles[1].organization == institute->id);
    CHECK_FALSE(p->roles[1].former);
}

TEST_CASE("a surname alone resolves to the full name met earlier", "[extract][people]") {
    const Extraction x = test::extract_text(
        "Lena Marsh, a hydrologist, measured the flow. Marsh said the water was clean. Later, "
        "Marsh left.");
    const Actor* p = find(x, "person:lena-marsh");
    REQUIRE(p != nullptr);
    REQUIRE(p->mentions.size() == 3);
    CHECK(p->mentions[1].text == "Marsh");
    CHECK(p->mentions[1].rule == "resolve:surname");
    CHECK(p->mentions[1].sentence == 1);
    CHECK(p->aliases == std::vector<std::string>{"Marsh"});
    CHECK(find(x, "person:marsh") == nullptr);
    check_spans(x);
}

TEST_CASE("a name and the organisation after it are two actors, the second an affiliation",
          "[extract][people]") {
    const Extraction x =
        test::extract_text("Rhea Pinto of the Harbor Safety Council said the harbour was closed.");
    const Actor* p = find(x, "person:rhea-pinto");
    const Actor* council = find_named(x, "Harbor Safety Council");
    REQUIRE(p != nullptr);
    REQUIRE(council != nullptr);
    CHECK(council->kind == ActorKind::organization);
    // "of the Harbor Safety Council" is an affiliation: a role without a title.
    REQUIRE(p->roles.size() == 1);
    CHECK(p->roles[0].title.empty());
    CHECK(p->roles[0].organization == council->id);
}

TEST_CASE("organisations are found by their head word with the head's kind", "[extract][people]") {
    const Extraction x = test::extract_text(
        "The Harlow Fenwick Institute and the Red Lantern Brigade met the Ministry of Water Works "
        "and "
        "the Blue Heron Party.");
    const Actor* institute = find(x, "org:harlow-fenwick-institute");
    const Actor* brigade = find(x, "group:red-lantern-brigade");
    const Actor* ministry = find(x, "gov:ministry-of-water-works");
    const Actor* party = find(x, "org:blue-heron-party");
    REQUIRE(institute != nullptr);
    REQUIRE(brigade != nullptr);
    REQUIRE(ministry != nullptr);
    REQUIRE(party != nullptr);
    CHECK(institute->kind == ActorKind::organization);
    CHECK(brigade->kind == ActorKind::group);
    CHECK(ministry->kind == ActorKind::government);
    CHECK(institute->mentions.front().rule == "pattern:head:institute");
    CHECK(count_kind(x, ActorKind::person) == 0);
}

TEST_CASE("a place inside an organisation's name is not a place of the document",
          "[extract][people]") {
    const Extraction x =
        test::extract_text("The Peru Coastal Authority closed the port on Monday.");
    const Actor* authority = find(x, "gov:peru-coastal-authority");
    REQUIRE(authority != nullptr);
    CHECK(authority->kind == ActorKind::government);
    CHECK(find(x, "country:PE") == nullptr);
}

TEST_CASE("an acronym and its expansion are one actor", "[extract][people]") {
    const Extraction x = test::extract_text(
        "Fighters of the Southern Reed Liberation Front (SRLF) crossed the river. SRLF commanders "
        "said "
        "nothing.");
    const Actor* front = find(x, "group:southern-reed-liberation-front");
    REQUIRE(front != nullptr);
    REQUIRE(front->mentions.size() == 3);
    CHECK(front->mentions[1].text == "SRLF");
    CHECK(front->mentions[2].rule == "resolve:acronym");
    check_spans(x);
}

TEST_CASE("an acronym spelling a pattern organisation's initials names it", "[extract][people]") {
    const Extraction x = test::extract_text(
        "The Northern Water Safety Institute issued a warning. A NWSI report followed.");
    const Actor* institute = find(x, "org:northern-water-safety-institute");
    REQUIRE(institute != nullptr);
    CHECK(institute->mentions.size() == 2);
}

TEST_CASE("a lexicon name wins over an organisation pattern", "[extract][people]") {
    const Extraction x = test::extract_text("Telegram, a messaging app, was blocked on Monday.");
    REQUIRE(find(x, "org:telegram") != nullptr);
    std::size_t named_telegram = 0;
    for (const Actor& a : x.actors) named_telegram += a.name == "Telegram";
    CHECK(named_telegram == 1);
}

TEST_CASE("curly quotes, non-breaking spaces and soft hyphens keep spans on the stored text",
          "[extract][people]") {
    // "Sol\u00ADberg" holds a soft hyphen; "Dr.\u00A0" a non-breaking space.
    const Extraction x = test::extract_text(
        "\xE2\x80\x9CWe will rebuild,\xE2\x80\x9D said Dr.\xC2\xA0"
        "Amara Sol\xC2\xAD"
        "berg, director of "
        "the Delta Flood Agency.");
    const Actor* p = find(x, "person:amara-solberg");
    REQUIRE(p != nullptr);
    CHECK(p->mentions.front().text ==
          "Amara Sol\xC2\xAD"
          "berg");
    REQUIRE(p->roles.size() == 2);
    CHECK(p->roles[0].title == "Dr.");
    CHECK(p->roles[1].title == "director");
    const Actor* agency = find_named(x, "Delta Flood Agency");
    REQUIRE(agency != nullptr);
    CHECK(p->roles[1].organization == agency->id);
    check_spans(x);
}

TEST_CASE("in all-capitals wire copy a name is words that are no common words",
          "[extract][people]") {
    const Extraction x = test::extract_text(
        "MARA OKONKWO SAID THE BRIDGE WOULD REOPEN IN THE SPRING. \"WE ARE READY,\" SAID "
        "OKONKWO.");
    REQUIRE(count_kind(x, ActorKind::person) == 1);
    const Actor* p = find_named(x, "MARA OKONKWO");
    REQUIRE(p != nullptr);
    CHECK(p->mentions.size() == 2);  // the surname alone resolves to the full name
    // Common words in capitals make no name.
    const Extraction y = test::extract_text(
        "THE BRIDGE WOULD REOPEN IN THE SPRING, OFFICIALS SAID ON MONDAY.");
    CHECK(count_kind(y, ActorKind::person) == 0);
}

TEST_CASE("word keys and id slugs fold case, accents, dots and hyphens", "[extract][people]") {
    CHECK(extract::word_key("Lt. Gen.") == "lt gen");
    CHECK(extract::word_key("Vice-President") == "vice president");
    CHECK(extract::id_slug("U.S. State Department") == "us-state-department");
    CHECK(extract::id_slug("Jos\xC3\xA9 O'Neil") == "jose-oneil");
    CHECK(extract::id_slug("Abu Bakr al-Baghdadi") == "abu-bakr-al-baghdadi");
}

TEST_CASE("a malformed word list row is reported with its file and line", "[extract][people]") {
    test::TempDir dir;
    std::ofstream(dir.path / "titles.tsv") << "# comment\nGen.\ttitle\tGeneral\nDr.\tdoctorate\n";
    try {
        extract::load_people_lexicon(dir.path.string());
        FAIL("no error thrown");
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::data);
        CHECK(std::string(e.what()) ==
              (dir.path / "titles.tsv").string() +
                  ":3: unknown class \"doctorate\" (expected honorific, title, "
                  "role or modifier)");
    }
}

TEST_CASE("a body that claims an attack or calls itself a name is an armed group",
          "[extract][people]") {
    const auto group_of = [](const std::string& text, const std::string& id) {
        const ekg::Extraction x = ekg::test::extract_text(text);
        for (const ekg::Actor& a : x.actors)
            if (a.id == id) return a.kind == ekg::ActorKind::group;
        return false;
    };
    CHECK(group_of("A bomb damaged an office in Valdora, Chile. A group calling itself Iron "
                   "Lantern claimed responsibility for the attack.",
                   "group:iron-lantern"));
    CHECK(group_of("A bomb damaged an office in Valdora, Chile. The Iron Lantern Cell claimed "
                   "responsibility for the attack.",
                   "group:iron-lantern-cell"));
    CHECK(group_of("A bomb damaged an office in Valdora, Chile. No group claimed the attack; "
                   "however, sources attributed the attack to the Iron Lantern.",
                   "group:iron-lantern"));
    // A pattern organisation becomes a group when it claims an attack.
    CHECK(group_of("A bomb damaged a bank in Valdora, Chile. The Valdora Workers Union claimed "
                   "responsibility for the blast.",
                   "group:valdora-workers-union"));
    // An individual stays no group, and a union that claims nothing stays an organisation.
    CHECK_FALSE(group_of("A fire damaged a clinic in Chile. An individual calling himself the "
                         "Night Owl claimed responsibility for the fire.",
                         "group:night-owl"));
    CHECK_FALSE(group_of("The Valdora Workers Union called a strike in Chile on Monday.",
                         "group:valdora-workers-union"));
}

TEST_CASE("a pattern organisation whose militants claim an attack is an armed group",
          "[extract][people]") {
    const ekg::Extraction x = ekg::test::extract_text(
        "A bomb damaged a bank in Valdora, Chile. Valdora Workers Union militants claimed "
        "responsibility for the blast.");
    bool group = false;
    for (const ekg::Actor& a : x.actors)
        if (a.id == "group:valdora-workers-union") group = a.kind == ekg::ActorKind::group;
    CHECK(group);
}

TEST_CASE("in all-lower-case text a name is words that are no common words",
          "[extract][people]") {
    const Extraction x = test::extract_text(
        "mara okonkwo said the bridge would reopen in the spring. \"we are ready,\" said "
        "okonkwo.");
    REQUIRE(count_kind(x, ActorKind::person) == 1);
    const Actor* p = find_named(x, "mara okonkwo");
    REQUIRE(p != nullptr);
    CHECK(p->mentions.size() == 2);  // the surname alone resolves to the full name
    // An initial keeps its stop: "m." joins the name, the "s" of a possessive does not.
    const Extraction i = test::extract_text(
        "\"the bridge will reopen,\" said tomas r. verlan, the mayor. verlan's office agreed.");
    CHECK(find_named(i, "tomas r. verlan") != nullptr);
    const Extraction y = test::extract_text(
        "the bridge would reopen in the spring, officials said on monday.");
    CHECK(count_kind(y, ActorKind::person) == 0);
}

TEST_CASE("without case a word with no vowel is an acronym, no person, but initials open a name",
          "[extract][people]") {
    const Extraction x = test::extract_text(
        "the vote will be held on monday, the kdp said. the vote was fair, said the prn.");
    CHECK(count_kind(x, ActorKind::person) == 0);
    const Extraction u = test::extract_text(
        "THE VOTE WILL BE HELD ON MONDAY, THE KDP SAID. THE VOTE WAS FAIR, SAID THE PRN.");
    CHECK(count_kind(u, ActorKind::person) == 0);
    const Extraction y = test::extract_text(
        "the vote will be held on monday, said mk okonkwo, the mayor. okonkwo left at noon.");
    CHECK(find_named(y, "mk okonkwo") != nullptr);
}

TEST_CASE("without case a surname that is a common word closes a name after a title",
          "[extract][people]") {
    for (const char* text : {"mayor tomas baker said the bridge would reopen in the spring.",
                             "MAYOR TOMAS BAKER SAID THE BRIDGE WOULD REOPEN IN THE SPRING."}) {
        const Extraction x = test::extract_text(text);
        REQUIRE(count_kind(x, ActorKind::person) == 1);
        CHECK(x.actors[0].id == "person:tomas-baker");
    }
    // A pronoun is no surname.
    const Extraction y =
        test::extract_text("mayor tomas himself said the bridge would reopen in the spring.");
    CHECK(find_named(y, "tomas himself") == nullptr);
}

TEST_CASE("a word before the plain form \"say\" speaks for many and is no person",
          "[extract][people]") {
    for (const char* text : {"The Varnists say the bridge should reopen in the spring.",
                             "the varnists say the bridge should reopen in the spring."})
        CHECK(count_kind(test::extract_text(text), ActorKind::person) == 0);
    const Extraction x =
        test::extract_text("Okonkwo says the bridge should reopen in the spring.");
    CHECK(count_kind(x, ActorKind::person) == 1);
}
