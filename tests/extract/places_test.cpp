#include "places.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>

#include "error.h"
#include "support.h"

using namespace ekg::extract;
using ekg::Actor;
using ekg::Extraction;

namespace {

/// The actor with `id`, or nullptr.
const Actor* find_actor(const Extraction& x, const std::string& id) {
    for (const Actor& a : x.actors)
        if (a.id == id) return &a;
    return nullptr;
}

/// Ids of the place actors of `x`, in order of first mention.
std::vector<std::string> place_ids(const Extraction& x) {
    std::vector<std::string> ids;
    for (const Actor& a : x.actors)
        if (a.kind == ekg::ActorKind::place) ids.push_back(a.id);
    return ids;
}

bool has_place_named(const Extraction& x, const std::string& name) {
    return std::any_of(x.actors.begin(), x.actors.end(), [&](const Actor& a) {
        return a.kind == ekg::ActorKind::place && a.name == name;
    });
}

/// Writes a small data directory with the three place files.
void write_place_files(const ekg::test::TempDir& dir, const std::string& regions,
                       const std::string& cities, const std::string& extras = "") {
    std::ofstream(dir.path / "regions.tsv", std::ios::binary) << "# regions\n" << regions;
    std::ofstream(dir.path / "cities.tsv", std::ios::binary) << "# cities\n" << cities;
    std::ofstream(dir.path / "places_extra.tsv", std::ios::binary) << "# extras\n" << extras;
}

/// The message of the Error(data) that loading the files throws, from the file name on.
std::string load_error(const std::string& regions, const std::string& cities,
                       const std::string& extras = "") {
    ekg::test::TempDir dir;
    write_place_files(dir, regions, cities, extras);
    Gazetteer names;
    PlaceIndex index;
    try {
        load_places(names, index, dir.path.string());
    } catch (const ekg::Error& e) {
        CHECK(e.code() == ekg::ExitCode::data);
        const std::string message = e.what();
        const std::size_t slash = message.rfind('/');
        return slash == std::string::npos ? message : message.substr(slash + 1);
    }
    return {};
}

}  // namespace

TEST_CASE("a capital alone is the capital, with its country and coordinates", "[extract][places]") {
    const Extraction x = ekg::test::extract_text("Thousands marched through Paris on Sunday.");
    const Actor* paris = find_actor(x, "city:2988507");
    REQUIRE(paris != nullptr);
    CHECK(paris->name == "Paris");
    CHECK(paris->country_code == "FR");
    CHECK(paris->place_type == "city");
    REQUIRE(paris->lat.has_value());
    REQUIRE(paris->lon.has_value());
    CHECK(*paris->lat == Approx(48.85).margin(0.05));
    CHECK(*paris->lon == Approx(2.35).margin(0.05));
}

TEST_CASE("a city followed by its state is the city in that state", "[extract][places]") {
    const Extraction x =
        ekg::test::extract_text("A storm flooded the main road of Paris, Texas, overnight.");
    const Actor* paris = find_actor(x, "city:4717560");
    REQUIRE(paris != nullptr);
    CHECK(paris->country_code == "US");
    CHECK(find_actor(x, "city:2988507") == nullptr);
    CHECK(find_actor(x, "region:US-TX") != nullptr);
}

TEST_CASE("a country named in the same sentence picks the place in that country",
          "[extract][places]") {
    const Extraction x = ekg::test::extract_text(
        "The county fair in Paris drew visitors from across the United States.");
    CHECK(find_actor(x, "city:2988507") == nullptr);
    const auto us_paris = std::find_if(x.actors.begin(), x.actors.end(), [](const Actor& a) {
        return a.name == "Paris" && a.country_code == "US";
    });
    CHECK(us_paris != x.actors.end());
}

TEST_CASE("a demonym before a noun names its country as a place", "[extract][places]") {
    const Extraction x = ekg::test::extract_text("Iraqi officials met the delegation.");
    const Actor* iraq = find_actor(x, "country:IQ");
    REQUIRE(iraq != nullptr);
    CHECK(iraq->place_type == "country");
    CHECK(iraq->mentions.front().text == "Iraqi");
}

TEST_CASE("a first-level subdivision is a region actor with its country and coordinates",
          "[extract][places]") {
    const Extraction x =
        ekg::test::extract_text("Schools reopened across Borno State after the rains.");
    const Actor* borno = find_actor(x, "region:NG-BO");
    REQUIRE(borno != nullptr);
    CHECK(borno->name == "Borno");
    CHECK(borno->place_type == "region");
    CHECK(borno->country_code == "NG");
    CHECK(borno->lat.has_value());
    CHECK(borno->lon.has_value());
}

TEST_CASE("places are found in ALL-CAPS wire copy", "[extract][places]") {
    const Extraction x =
        ekg::test::extract_text("A CAR BOMB EXPLODED IN A CROWDED MARKET IN BAGHDAD ON MONDAY.");
    const Actor* baghdad = find_actor(x, "city:98182");
    REQUIRE(baghdad != nullptr);
    CHECK(baghdad->country_code == "IQ");
    CHECK(baghdad->mentions.front().text == "BAGHDAD");
    // "POLICE" is a Polish town and a common word: not without Poland in the sentence.
    const Extraction y = ekg::test::extract_text(
        "POLICE SAID THE MARKET IN BAGHDAD WAS CLOSED AFTER THE BLAST ON MONDAY.");
    CHECK(find_actor(y, "city:3088461") == nullptr);
    CHECK(find_actor(y, "city:98182") != nullptr);
}

TEST_CASE("a place name that is a common word is not matched in lower case in mixed text",
          "[extract][places]") {
    const Extraction x =
        ekg::test::extract_text("Local police said the road to the harbour was closed.");
    CHECK(find_actor(x, "city:3088461") == nullptr);
    CHECK(place_ids(x).empty());
    // Capitalised at the start of a sentence it is still no place without its country.
    const Extraction y = ekg::test::extract_text("Police said the road was closed.");
    CHECK(find_actor(y, "city:3088461") == nullptr);
}

TEST_CASE("a place name used in a person's name is no place", "[extract][places]") {
    const Extraction x = ekg::test::extract_text(
        "President Obama met the delegation. Later Hassan Rouhani said the talks went well.");
    CHECK(find_actor(x, "city:1854849") == nullptr);  // Obama, Japan
    CHECK(find_actor(x, "city:1270239") == nullptr);  // Hassan, India
}

TEST_CASE("a small town is found when its country or region is named, or its name is unique",
          "[extract][places]") {
    const Extraction named =
        ekg::test::extract_text("Shots were fired near Bachi-Yurt, Chechnya, Russia.");
    const Actor* town = find_actor(named, "city:579831");
    REQUIRE(town != nullptr);
    CHECK(town->country_code == "RU");
    CHECK(town->lat.has_value());
    // A document that names no country: only one town of the world is called Bachi-Yurt.
    const Extraction alone = ekg::test::extract_text("Shots were fired near Bachi-Yurt.");
    const Actor* lone = find_actor(alone, "city:579831");
    REQUIRE(lone != nullptr);
    CHECK(lone->country_code == "RU");
    // Another country named: the town is not assumed to lie elsewhere.
    const Extraction elsewhere =
        ekg::test::extract_text("Shots were fired near Bachi-Yurt, police in Kenya said.");
    CHECK(find_actor(elsewhere, "city:579831") == nullptr);
    // A town named like a month or an everyday word is no place after "in".
    const Extraction month = ekg::test::extract_text("The talks resumed in March.");
    for (const Actor& a : month.actors) CHECK(a.kind != ekg::ActorKind::place);
}

TEST_CASE("a town no data file lists is found by its address", "[extract][places]") {
    const Extraction x = ekg::test::extract_text(
        "Gunmen attacked a checkpoint in Zorvandi, Kandahar, Afghanistan, on Friday.");
    const Actor* town = find_actor(x, "place:AF:zorvandi");
    REQUIRE(town != nullptr);
    CHECK(town->name == "Zorvandi");
    CHECK(town->place_type == "city");
    CHECK(town->country_code == "AF");
    CHECK(town->lat.has_value());  // the subdivision's
    CHECK(town->rule.rfind("address:", 0) == 0);
    // Without an address a capitalised word is no place.
    const Extraction y = ekg::test::extract_text("Zorvandi said the checkpoint was attacked.");
    CHECK(find_actor(y, "place:AF:zorvandi") == nullptr);
}

TEST_CASE("the town of X lies in the one country the document is about", "[extract][places]") {
    // The sentence names no country: the document names one elsewhere.
    const Extraction x = ekg::test::extract_text(
        "A bomb went off near the small town of Zorvandi. Officials in Kandahar blamed militants.");
    const Actor* town = find_actor(x, "place:AF:zorvandi");
    REQUIRE(town != nullptr);
    CHECK(town->place_type == "city");
    // "the city of X" with its country later in the sentence.
    CHECK(find_actor(ekg::test::extract_text(
                         "A car bomb exploded near the city of Qarvat in southern Yemen."),
                     "place:YE:qarvat") != nullptr);
    // No place at all: the home country of the group the document names.
    const Extraction g = ekg::test::extract_text(
        "Rebels of the Revolutionary Armed Forces of Colombia attacked the village of Moravita.");
    CHECK(find_actor(g, "place:CO:moravita") != nullptr);
    // "near the X hamlet", "in the X village of Y district".
    CHECK(find_actor(ekg::test::extract_text(
                         "Rebels of the Revolutionary Armed Forces of Colombia detonated a bomb "
                         "near the Moravita hamlet."),
                     "place:CO:moravita") != nullptr);
    const Extraction of = ekg::test::extract_text(
        "Five people were killed in the Korvapur village of Jhenaidah district, Bangladesh.");
    CHECK(find_actor(of, "place:BD:korvapur") != nullptr);
    // A sentence may open with the town and say what it is.
    CHECK(find_actor(ekg::test::extract_text(
                         "Korvapur, a resort town on the coast of Egypt, was hit by three bombs."),
                     "place:EG:korvapur") != nullptr);
    // "the Basque town of X": the adjective is no town.
    const Extraction adj = ekg::test::extract_text(
        "A bomb exploded in the Basque town of Trapagaran, near Bilbao.");
    CHECK(find_actor(adj, "place:ES:trapagaran") != nullptr);
    CHECK(find_actor(adj, "place:ES:basque") == nullptr);
    // Two countries: no guess.
    const Extraction two = ekg::test::extract_text(
        "A bomb went off in the town of Zorvandi. Officials in Kenya and Peru condemned it.");
    for (const std::string& id : place_ids(two)) CHECK(id.find("zorvandi") == std::string::npos);
    // A capitalised word without a settlement word stays no place.
    const Extraction bare = ekg::test::extract_text(
        "Officials from Zorvandi spoke in Kandahar on Monday.");
    CHECK(find_actor(bare, "place:AF:zorvandi") == nullptr);
}

TEST_CASE("an unlisted name after 'in' is a town of the one country the document is about",
          "[extract][places]") {
    const Extraction x = ekg::test::extract_text(
        "Rebels of the Liberation Tigers of Tamil Eelam threw a grenade at a police post in "
        "Velankor. One officer was hurt.");
    const Actor* town = find_actor(x, "place:LK:velankor");
    REQUIRE(town != nullptr);
    CHECK(town->place_type == "city");
    REQUIRE_FALSE(x.events.empty());
    REQUIRE(x.events[0].place);
    CHECK(x.events[0].place->city == "Velankor");
    // Not without a country, not for acronyms, buildings, possessives or beside a listed city.
    CHECK(place_ids(ekg::test::extract_text("A grenade was thrown at a police post in Velankor."))
              .empty());
    for (const char* text :
         {"Rebels of the Liberation Tigers of Tamil Eelam spoke at UNHCR offices.",
          "Rebels of the Liberation Tigers of Tamil Eelam attacked a post in Velankor Temple.",
          "Rebels of the Liberation Tigers of Tamil Eelam attacked a post in Velankor's centre.",
          "Rebels of the Liberation Tigers of Tamil Eelam attacked a house in Velankor, Colombo."}) {
        const Extraction y = ekg::test::extract_text(text);
        for (const std::string& id : place_ids(y)) CHECK(id.rfind("place:", 0) != 0);
    }
}

TEST_CASE("a demonym names the sovereign state, and 'Jewish' names no place",
          "[extract][places]") {
    const Extraction x = ekg::test::extract_text("A Dutch politician was attacked at his home.");
    CHECK(find_actor(x, "country:NL") != nullptr);
    CHECK(find_actor(x, "country:BQ") == nullptr);
    const Extraction y = ekg::test::extract_text("A Jewish school was attacked at night.");
    CHECK(place_ids(y).empty());
}

TEST_CASE("an unlisted name before a police station, stop or crossing names a locality",
          "[extract][places]") {
    const Extraction x = ekg::test::extract_text(
        "Four masked men stormed the Korvan Tengah police station, in Malaysia, and shot a "
        "policeman.");
    const Actor* town = find_actor(x, "place:MY:korvan-tengah");
    REQUIRE(town != nullptr);
    CHECK(town->place_type == "city");
    REQUIRE_FALSE(x.events.empty());
    REQUIRE(x.events[0].place);
    CHECK(x.events[0].place->city == "Korvan Tengah");
    const Extraction crossing = ekg::test::extract_text(
        "Militants fired mortars at the Tal Ashur crossing in Gaza Strip, Palestine.");
    CHECK(find_actor(crossing, "place:PS:tal-ashur") != nullptr);
    // Acronyms and words for parts of a town are no names.
    const Extraction no = ekg::test::extract_text(
        "Gunmen attacked the Central police station and the UN checkpoint in Malaysia.");
    for (const std::string& id : place_ids(no)) CHECK(id.rfind("place:", 0) != 0);
}

TEST_CASE("common English spellings of large cities name them", "[extract][places]") {
    CHECK(find_actor(ekg::test::extract_text("Talks were held in Sana'a on Monday."),
                     "city:71137") != nullptr);
    CHECK(find_actor(ekg::test::extract_text("Talks were held in Ekaterinburg on Monday."),
                     "city:1486209") != nullptr);
    CHECK(find_actor(ekg::test::extract_text("Talks were held in Lashkargah on Monday."),
                     "city:1134720") != nullptr);
}

TEST_CASE("a named part of a city is a district and the city stays the city", "[extract][places]") {
    const Extraction x = ekg::test::extract_text(
        "A shop was burned in the Alvalade neighborhood of Lisbon, Portugal.");
    CHECK(has_place_named(x, "Lisbon"));
    const Actor* part = find_actor(x, "place:PT:alvalade");
    REQUIRE(part != nullptr);
    CHECK(part->place_type == "district");
}

TEST_CASE("an adjective glued to a place name is no place of an event", "[extract][places]") {
    const Extraction x = ekg::test::extract_text("A pro-Moscow official spoke to reporters.");
    CHECK_FALSE(has_place_named(x, "Moscow"));
}

TEST_CASE("place files load into the gazetteer and the town index", "[extract][places]") {
    ekg::test::TempDir dir;
    write_place_files(dir, "XA-N\tXA\tNorthland\tProvince\t10.5\t20.5\t500000\t\tNorth Land\n",
                      "1\tAlphaville\tXA\tXA-N\t10\t20\t250000\tC\tAlpha City\n"
                      "2\tBetatown\tXA\tSome Admin\t11\t21\t6000\tS\tBeta\n",
                      "city:1\tAlpha\tAlfaville\n"
                      "city:2\t\tBetaburg\n");
    Gazetteer names;
    PlaceIndex index;
    load_places(names, index, dir.path.string());
    CHECK(index.regions == 1);
    CHECK(index.cities == 1);
    REQUIRE(index.towns.size() == 1);
    const auto alpha = names.find_id("city:1");
    REQUIRE(alpha);
    CHECK(names.entry(*alpha).name == "Alpha");
    CHECK(names.entry(*alpha).region == "Northland");
    CHECK(index.of(*alpha).capital);
    CHECK(names.entry(index.of(*alpha).region).id == "region:XA-N");
    CHECK_FALSE(names.lookup("Alfaville").empty());
    CHECK_FALSE(names.lookup("north land").empty());
    CHECK_FALSE(names.find_id("city:2"));  // a town is not a gazetteer entry
    CHECK(index.find_towns("betaburg").size() == 1);
    CHECK(index.find_towns("beta").size() == 1);
    CHECK(index.towns[0].id == "city:2");
}

TEST_CASE("malformed place rows are reported with file and line", "[extract][places]") {
    CHECK(load_error("XA-N\tXA\tNorthland\n", "1\tAlphaville\tXA\t\t100\t20\n") ==
          "cities.tsv:2: latitude is not a number in range");
    CHECK(load_error("XA-N\tXA\tNorthland\n", "x\tAlphaville\tXA\n") ==
          "cities.tsv:2: the geonameid is not a number");
    CHECK(load_error("XA-N\tXA\tNorthland\n", "1\tAlphaville\tXA\tXA-Q\n") ==
          "cities.tsv:2: unknown region XA-Q");
    CHECK(load_error("XB-N\tXA\tNorthland\n", "") ==
          "regions.tsv:2: 'XB-N' is not an ISO 3166-2 code of country 'XA'");
    CHECK(load_error("", "1\tAlphaville\tXA\t\t1\t2\t3\tQ\n") == "cities.tsv:2: unknown flag 'Q'");
    CHECK(load_error("", "", "city:9\tNowhere\n") ==
          "places_extra.tsv:2: unknown place id 'city:9'");
    CHECK(load_error("", "1\tAlphaville\tXA\n").empty());
}

TEST_CASE("the fast place key equals the gazetteer's alias key", "[extract][places]") {
    // ASCII names take place_key's own path (non-ASCII ones are handed to alias_key itself):
    // case, hyphens, apostrophes, dots, commas and runs of spaces.
    for (const char* name : {"Bachi-Yurt", "M'rahnia", "San Jose de Secce", "Tall 'Afar",
                             "TALL AFAR", "Washington, D.C.", "  Kohlu  ", "St. John's",
                             "Ras al-Ayn", "Kohlu   District", "Al - Qaim", "Area 51"})
        CHECK(place_key(name) == alias_key(name));
}

TEST_CASE("ALL-CAPS wire copy: an address names an unlisted town, and common words are none",
          "[extract][places]") {
    const Extraction x = ekg::test::extract_text(
        "GUNMEN ATTACKED A CHECKPOINT IN ZORVANDI, KANDAHAR, AFGHANISTAN, ON FRIDAY.");
    const Actor* town = find_actor(x, "place:AF:zorvandi");
    REQUIRE(town != nullptr);
    CHECK(town->place_type == "city");
    REQUIRE_FALSE(x.events.empty());
    REQUIRE(x.events[0].place);
    CHECK(x.events[0].place->city == "ZORVANDI");
    // "X village, <subdivision>": the locality word is no part of the name.
    const Extraction v = ekg::test::extract_text(
        "A BOMB EXPLODED NEAR A SCHOOL IN KORVAPUR VILLAGE, KANDAHAR PROVINCE, AFGHANISTAN.");
    CHECK(find_actor(v, "place:AF:korvapur") != nullptr);
    CHECK(find_actor(v, "place:AF:korvapur-village") == nullptr);
    // Common words after "in" are no town: "OUTSIDE HIS HOME IN ..." reads as lower case.
    const Extraction w = ekg::test::extract_text(
        "GUNMEN SHOT A POLICEMAN OUTSIDE HIS HOME IN KANDAHAR, AFGHANISTAN, ON MONDAY.");
    for (const std::string& id : place_ids(w)) CHECK(id.rfind("place:", 0) != 0);
}

TEST_CASE("ALL-CAPS copy: an address frames a town named with common words",
          "[extract][places]") {
    const Extraction x = ekg::test::extract_text(
        "GUNMEN FIRED AT A POLICE POST IN SILVER HOLLOW, PENNSYLVANIA, UNITED STATES.");
    const Actor* town = find_actor(x, "place:US:silver-hollow");
    REQUIRE(town != nullptr);
    CHECK(town->place_type == "city");
    // Without the frame of "in", an article or a possessive keeps common words no name.
    const Extraction y = ekg::test::extract_text(
        "A BOMB EXPLODED IN A CROWDED MARKET, KANDAHAR PROVINCE, AFGHANISTAN, ON FRIDAY.");
    for (const std::string& id : place_ids(y)) CHECK(id.rfind("place:", 0) != 0);
}

TEST_CASE("ALL-CAPS copy: another name of a country that is a common word names no country",
          "[extract][places]") {
    const Extraction x = ekg::test::extract_text(
        "A BOMB EXPLODED AT A HOTEL ON A SMALL ISLAND NEAR PHUKET, THAILAND, ON FRIDAY.");
    CHECK(find_actor(x, "country:IS") == nullptr);
    CHECK(find_actor(x, "country:TH") != nullptr);
    // Its own name still matches, common word or not.
    const Extraction y = ekg::test::extract_text(
        "A BOMB EXPLODED AT A HOTEL IN ANKARA, TURKEY, ON FRIDAY, KILLING TWO PEOPLE.");
    CHECK(find_actor(y, "country:TR") != nullptr);
}

TEST_CASE("all-lower-case text: listed places, addresses and names inside people's names",
          "[extract][places]") {
    const Extraction x = ekg::test::extract_text(
        "a car bomb exploded in a crowded market in baghdad on monday. police said the market "
        "was closed.");
    CHECK(find_actor(x, "city:98182") != nullptr);
    CHECK(find_actor(x, "city:3088461") == nullptr);  // "police" is no Polish town
    // An address names a town no data file lists, as in mixed case.
    const Extraction y = ekg::test::extract_text(
        "gunmen attacked a checkpoint in zorvandi, kandahar, afghanistan, on friday.");
    CHECK(find_actor(y, "place:AF:zorvandi") != nullptr);
    // Beside a word that is no common word, a place name is part of a person's name.
    const Extraction z = ekg::test::extract_text(
        "president obama met the delegation. later hassan rouhani said the talks went well.");
    CHECK(find_actor(z, "city:1854849") == nullptr);  // Obama, Japan
    CHECK(find_actor(z, "city:1270239") == nullptr);  // Hassan, India
}

TEST_CASE("without case, a town named by a common word or a speaker's first name is no place",
          "[extract][places]") {
    // "centre" is a British spelling: a common word, in capitals as in lower case.
    for (const char* text : {"the new sports centre will open in june, the council said.",
                             "THE NEW SPORTS CENTRE WILL OPEN IN JUNE, THE COUNCIL SAID."})
        CHECK(place_ids(ekg::test::extract_text(text)).empty());
    // A town's name right after "said" is the speaker's first name.
    const Extraction x = ekg::test::extract_text(
        "the demands should be resisted, said david frost, the director general.");
    CHECK(place_ids(x).empty());
}

TEST_CASE("a town's name before a verb of speech is a speaker unless the text places it",
          "[extract][places]") {
    CHECK_FALSE(has_place_named(ekg::test::extract_text("Houston said the plan was fair."), "Houston"));
    CHECK(has_place_named(ekg::test::extract_text("Officials in Houston said the plan was fair."),
                          "Houston"));
    CHECK(has_place_named(
        ekg::test::extract_text("Houston said the plan was fair, and Texas agreed."), "Houston"));
}

TEST_CASE("in lower-case text a smaller town named alone needs a place word", "[extract][places]") {
    CHECK_FALSE(has_place_named(
        ekg::test::extract_text("the film was directed by howard and opened last week."), "Howard"));
    CHECK_FALSE(has_place_named(
        ekg::test::extract_text("a new film starring eastwood opened this week."), "Eastwood"));
    CHECK(has_place_named(
        ekg::test::extract_text("crowds gathered in howard on friday for the fair."), "Howard"));
    CHECK(has_place_named(ekg::test::extract_text("the talks were held in eastwood on friday."),
                          "Eastwood"));
}

TEST_CASE("the X district of a listed place is a district held by that place", "[extract][places]") {
    // A region or country holds it: a district with the holder's coordinates.
    const Extraction region = ekg::test::extract_text(
        "Rebels attacked a convoy in the Vedeno district of Chechnya on Tuesday.");
    const Actor* vedeno = find_actor(region, "place:RU:vedeno");
    REQUIRE(vedeno != nullptr);
    CHECK(vedeno->place_type == "district");
    CHECK(vedeno->lat.has_value());
    // A city holds it: a part of that city, even where the name is also a town elsewhere.
    const Extraction city = ekg::test::extract_text("A bomb went off in the Mirpur neighbourhood of Dhaka.");
    const Actor* mirpur = find_actor(city, "place:BD:mirpur");
    REQUIRE(mirpur != nullptr);
    CHECK(mirpur->place_type == "district");
    CHECK(has_place_named(city, "Dhaka"));
    // A listed town abroad with the same name is not where the part lies: one actor, in Jakarta.
    const Extraction abroad = ekg::test::extract_text("Shops burned in the Kalyan quarter of Jakarta, Indonesia.");
    const Actor* kalyan = find_actor(abroad, "place:ID:kalyan");
    REQUIRE(kalyan != nullptr);
    CHECK(kalyan->place_type == "district");
    for (const Actor& a : abroad.actors) CHECK(a.country_code != "IN");
    // Not a name: "the southern district of Kandahar" adds no place; nor does a district word
    // with nothing listed after "of".
    CHECK(ekg::test::extract_text("A bomb went off in the southern district of Kandahar.").actors.size() == 1);
    const Extraction unlisted = ekg::test::extract_text("Police searched the Bluefield district of Nowhereland.");
    for (const Actor& a : unlisted.actors) CHECK(a.kind != ekg::ActorKind::place);
}
