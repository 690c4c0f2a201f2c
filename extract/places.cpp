#include "places.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <iterator>
#include <string_view>
#include <unordered_map>

#include "actors.h"
#include "error.h"
#include "hash.h"
#include "resources.h"
#include "sentences.h"

namespace ekg::extract {
namespace {

// ---------------------------------------------------------------------------------------------
// Loading

std::vector<std::string_view> split_view(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    for (;;) {
        const std::size_t pos = s.find(sep);
        out.push_back(s.substr(0, pos));
        if (pos == std::string_view::npos) break;
        s.remove_prefix(pos + 1);
    }
    return out;
}

std::optional<double> to_double(std::string_view s) {
    double v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v;
}

std::optional<std::int64_t> to_int(std::string_view s) {
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v;
}

/// "US-TX", "GB-ENG", "FR-20R": an ISO 3166-2 code rather than a subdivision's name.
bool is_iso_region_code(std::string_view s) {
    if (s.size() < 4 || s.size() > 6 || s[2] != '-') return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (i == 2) continue;
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
    }
    return true;
}

/// One row of a tab-separated data file, fields viewing the file's bytes; missing trailing
/// fields read as empty.
class Row {
  public:
    static constexpr std::size_t kMax = 12;
    Row(const std::string& file, std::size_t line, std::string_view text)
        : file_(file), line_(line) {
        for (;;) {
            if (count_ == kMax) fail("more than " + std::to_string(kMax) + " fields");
            const std::size_t tab = text.find('\t');
            fields_[count_++] = text.substr(0, tab);
            if (tab == std::string_view::npos) break;
            text.remove_prefix(tab + 1);
        }
    }
    std::size_t size() const { return count_; }
    std::string_view operator[](std::size_t i) const { return i < count_ ? fields_[i] : ""; }
    std::string where() const { return file_ + ":" + std::to_string(line_); }
    std::size_t line() const { return line_; }

    [[noreturn]] void fail(const std::string& what) const {
        throw Error(ExitCode::data, where() + ": " + what);
    }
    std::optional<double> coordinate(std::size_t i, double limit, const char* name) const {
        if ((*this)[i].empty()) return std::nullopt;
        const auto v = to_double((*this)[i]);
        if (!v || std::abs(*v) > limit) fail(std::string(name) + " is not a number in range");
        return v;
    }
    std::int64_t population(std::size_t i) const {
        if ((*this)[i].empty()) return 0;
        const auto v = to_int((*this)[i]);
        if (!v || *v < 0) fail("population is not a non-negative integer");
        return *v;
    }

  private:
    const std::string& file_;
    std::size_t line_;
    std::array<std::string_view, kMax> fields_{};
    std::size_t count_ = 0;
};

/// Calls `fn(Row)` for each row of a data file, skipping '#' comments and blank lines.
/// Reads the whole file at once: the place files are large and read on every start.
template <class Fn>
void for_each_row(const std::string& path, Fn fn) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ExitCode::data, path + ": cannot open data file");
    std::string bytes;
    in.seekg(0, std::ios::end);
    bytes.resize(static_cast<std::size_t>(std::max<std::streamoff>(in.tellg(), 0)));
    in.seekg(0, std::ios::beg);
    if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size())))
        throw Error(ExitCode::data, path + ": cannot read data file");
    std::string_view rest = bytes;
    std::size_t line = 0;
    while (!rest.empty()) {
        const std::size_t nl = rest.find('\n');
        std::string_view text = rest.substr(0, nl);
        rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
        ++line;
        if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
        if (text.empty() || text[0] == '#') continue;
        fn(Row(path, line, text));
    }
}

std::uint64_t key_hash(std::string_view key) {
    return fnv1a64(key);
}

PlaceInfo& info_at(PlaceIndex& index, std::uint32_t entry) {
    if (index.info.size() <= entry) index.info.resize(entry + 1);
    return index.info[entry];
}

void add_aliases(Gazetteer& names, std::uint32_t entry, std::string_view field) {
    if (field.empty()) return;
    for (const std::string_view a : split_view(field, '|'))
        if (!a.empty()) names.add_alias(entry, a);
}

void load_regions(Gazetteer& names, PlaceIndex& index, const std::string& data_dir) {
    for_each_row(data_dir + "/regions.tsv", [&](const Row& f) {
        // code, country, name, type, lat, lon, population, flags, aliases
        if (f.size() < 3 || f.size() > 9)
            f.fail("expected 3 to 9 tab-separated fields: code, country, name, ...");
        if (!is_iso_region_code(f[0]) || f[0].substr(0, 2) != f[1])
            f.fail("'" + std::string(f[0]) + "' is not an ISO 3166-2 code of country '" +
                   std::string(f[1]) + "'");
        if (f[2].empty()) f.fail("the name is empty");
        Entry e;
        e.id = "region:" + std::string(f[0]);
        e.name = f[2];
        e.kind = ActorKind::place;
        e.place_type = "region";
        e.country_code = f[1];
        e.lat = f.coordinate(4, 90, "latitude");
        e.lon = f.coordinate(5, 180, "longitude");
        e.population = f.population(6);
        e.source = "regions.tsv:" + std::to_string(f.line());
        if (names.find_id(e.id)) f.fail("duplicate region " + std::string(f[0]));
        const std::uint32_t entry = names.add_entry(std::move(e));
        names.add_alias(entry, f[2]);
        add_aliases(names, entry, f[8]);
        info_at(index, entry).common_word = f[7].find('W') != std::string_view::npos;
        ++index.regions;
    });
}

void load_cities(Gazetteer& names, PlaceIndex& index, const std::string& data_dir) {
    for_each_row(data_dir + "/cities.tsv", [&](const Row& f) {
        // geonameid, name, country, region, lat, lon, population, flags, aliases
        if (f.size() < 3 || f.size() > 9)
            f.fail("expected 3 to 9 tab-separated fields: geonameid, name, country, ...");
        if (f[0].empty() || !to_int(f[0])) f.fail("the geonameid is not a number");
        if (f[1].empty()) f.fail("the name is empty");
        if (f[2].size() != 2) f.fail("the country is not an alpha-2 code");
        PlaceInfo info;
        bool district = false;
        for (const char flag : f[7]) {
            switch (flag) {
                case 'C':
                    info.capital = true;
                    break;
                case 'A':
                    info.seat = true;
                    break;
                case 'S':
                    info.small = true;
                    break;
                case 'W':
                    info.common_word = true;
                    break;
                case 'X':
                    district = true;
                    break;
                default:
                    f.fail(std::string("unknown flag '") + flag + "'");
            }
        }
        std::string region_name;
        if (is_iso_region_code(f[3])) {
            const auto found = names.find_id("region:" + std::string(f[3]));
            if (!found) f.fail("unknown region " + std::string(f[3]));
            info.region = *found;
            region_name = names.entry(*found).name;
        } else {
            region_name = f[3];
        }
        if (info.small) {
            // The second tier stays out of the gazetteer: addresses look it up (see Town).
            Town t;
            t.id = "city:" + std::string(f[0]);
            t.name = f[1];
            t.country_code = f[2];
            t.region = info.region;
            t.lat = f.coordinate(4, 90, "latitude").value_or(0.0);
            t.lon = f.coordinate(5, 180, "longitude").value_or(0.0);
            t.population = f.population(6);
            t.line = static_cast<std::uint32_t>(f.line());
            t.common_word = info.common_word;
            const auto town = static_cast<std::uint32_t>(index.towns.size());
            index.towns.push_back(std::move(t));
            index.town_keys.emplace_back(key_hash(place_key(f[1])), town);
            if (!f[8].empty())
                for (const std::string_view a : split_view(f[8], '|'))
                    if (!a.empty()) index.town_keys.emplace_back(key_hash(place_key(a)), town);
            return;
        }
        Entry e;
        e.id = "city:" + std::string(f[0]);
        e.name = f[1];
        e.kind = ActorKind::place;
        e.place_type = district ? "district" : "city";
        e.country_code = f[2];
        e.lat = f.coordinate(4, 90, "latitude");
        e.lon = f.coordinate(5, 180, "longitude");
        e.population = f.population(6);
        e.source = "cities.tsv:" + std::to_string(f.line());
        e.region = std::move(region_name);
        const std::uint32_t entry = names.add_entry(std::move(e));
        names.add_alias(entry, f[1]);
        add_aliases(names, entry, f[8]);
        info_at(index, entry) = info;
        ++index.cities;
    });
}

/// Hand-kept corrections: a better preferred name and aliases for an existing place.
void load_place_extras(Gazetteer& names, PlaceIndex& index, const std::string& data_dir) {
    for_each_row(data_dir + "/places_extra.tsv", [&](const Row& f) {
        // id, name, aliases
        if (f.size() < 2 || f.size() > 3)
            f.fail("expected 2 or 3 tab-separated fields: id, name, aliases");
        if (const auto entry = names.find_id(f[0])) {
            if (!f[1].empty()) {
                names.entry(*entry).name = f[1];
                names.add_alias(*entry, f[1]);
            }
            add_aliases(names, *entry, f[2]);
            return;
        }
        const auto town = std::find_if(index.towns.begin(), index.towns.end(),
                                       [&](const Town& t) { return t.id == f[0]; });
        if (town == index.towns.end()) f.fail("unknown place id '" + std::string(f[0]) + "'");
        const auto number = static_cast<std::uint32_t>(town - index.towns.begin());
        if (!f[1].empty()) {
            town->name = f[1];
            index.town_keys.emplace_back(key_hash(place_key(f[1])), number);
        }
        for (const std::string_view a : split_view(f[2], '|'))
            if (!a.empty()) index.town_keys.emplace_back(key_hash(place_key(a)), number);
    });
}

// ---------------------------------------------------------------------------------------------
// Resolution

/// Titles and honorifics that precede a person's name ("President Obama", "Mr. Jordan").
bool is_title(std::string_view w) {
    static const WordSet kWords{"mr",        "mrs",        "ms",         "miss",       "dr",
                     "sir",       "gen",        "general",    "president",  "pres",
                     "minister",  "senator",    "sen",        "rep",        "representative",
                     "governor",  "gov",        "sheikh",     "shaikh",     "sheik",
                     "mullah",    "maulana",    "prince",     "princess",   "king",
                     "queen",     "lord",       "lady",       "judge",      "justice",
                     "colonel",   "col",        "lt",         "lieutenant", "capt",
                     "captain",   "sgt",        "sergeant",   "commander",  "cmdr",
                     "maj",       "major",      "brig",       "brigadier",  "admiral",
                     "adm",       "prof",       "professor",  "rev",        "reverend",
                     "father",    "bishop",     "pope",       "cardinal",   "ayatollah",
                     "emir",      "amir",       "chancellor", "premier",    "mayor",
                     "secretary", "ambassador", "deputy",     "spokesman",  "spokeswoman",
                     "chief",     "hajji",      "haji",       "mister",     "madam",
                     "coach",     "officer",    "inspector",  "detective",  "constable"};
    return kWords.contains(w);
}

/// Capitalised words that may follow a place name inside a longer name of a place or of
/// something located there ("Kandahar Airport", "Mosul Dam", "Karachi Press Club").
bool is_place_head(std::string_view w) {
    static const WordSet kWords{"city",        "town",      "village",      "district",      "province",     "governorate",
         "state",       "region",    "department",   "county",        "municipality", "prefecture",
         "oblast",      "area",      "neighborhood", "neighbourhood", "suburb",       "township",
         "subdistrict", "division",  "zone",         "valley",        "river",        "airport",
         "university",  "police",    "press",        "club",          "hotel",        "market",
         "bazaar",      "mosque",    "church",       "temple",        "shrine",       "road",
         "street",      "highway",   "bridge",       "camp",          "prison",       "jail",
         "station",     "hospital",  "school",       "college",       "bank",         "stadium",
         "port",        "harbor",    "harbour",      "dam",           "mall",         "square",
         "park",        "council",   "court",        "embassy",       "consulate",    "office",
         "chamber",     "base",      "airbase",      "cantonment",    "barracks",     "checkpoint",
         "border",      "crossing",  "gate",         "international", "central",      "municipal",
         "provincial",  "regional",  "metropolitan", "national",      "governor",     "islands",
         "island",      "mountains", "mountain",     "lake",          "bay",          "gulf",
         "coast",       "strip",     "monday",       "tuesday",       "wednesday",    "thursday",
         "friday",      "saturday",  "sunday",       "january",       "february",     "march",
         "april",       "may",       "june",         "july",          "august",       "september",
         "october",     "november",  "december",     "times",         "post",         "tribune",
         "herald",      "daily",     "news"};
    return kWords.contains(w);
}

/// Capitalised words that may stand before a place name ("Northern Baghdad").
bool is_place_modifier(std::string_view w) {
    static const WordSet kWords{"north",     "south",        "east",         "west",         "northern",     "southern",
         "eastern",   "western",      "central",      "northeast",    "northwest",    "southeast",
         "southwest", "northeastern", "northwestern", "southeastern", "southwestern", "greater",
         "downtown",  "old",          "new",          "upper",        "lower",        "outer",
         "inner",     "rural",        "urban",        "metropolitan", "the",          "suburban",
         "occupied",  "coastal"};
    return kWords.contains(w);
}

/// Sentence-initial words that are not the first half of a person's name.
bool is_function_word(std::string_view w) {
    static const WordSet kWords{"in",         "at",     "near",      "from",        "to",        "on",        "the",
         "a",          "an",     "outside",   "inside",      "into",      "across",    "around",
         "throughout", "for",    "both",      "only",        "even",      "since",     "until",
         "after",      "before", "during",    "when",        "while",     "meanwhile", "also",
         "and",        "but",    "yesterday", "today",       "last",      "this",      "then",
         "however",    "later",  "earlier",   "elsewhere",   "like",      "unlike",    "as",
         "about",      "over",   "under",     "by",          "with",      "without",   "where",
         "if",         "so",     "all",       "some",        "many",      "most",      "police",
         "officials",  "troops", "residents", "authorities", "militants", "gunmen",    "assailants",
         "attackers"};
    return kWords.contains(w);
}

/// Lower-case words inside place names ("San Jose de Secce", "Khan al Asal").
bool is_name_particle(std::string_view w) {
    static const WordSet kWords{"de",  "del", "la",  "las", "los", "el",  "al",  "ad",  "as", "ash", "an",
                     "ar",  "du",  "des", "do",  "da",  "dos", "das", "di",  "e",  "y",   "bin",
                     "ibn", "wa",  "ul",  "i",   "ez",  "es",  "en",  "ech", "et"};
    return kWords.contains(w);
}

/// Verbs after which a name is where something happened ("attacked Kabul").
bool is_locative_verb(std::string_view w) {
    static const WordSet kWords{"attacked", "struck", "hit", "bombed", "shelled", "raided", "stormed",
                     "visited", "entered", "left", "reached", "besieged", "captured", "seized"};
    return kWords.contains(w);
}

/// Words after a name that say it is a subdivision ("Borno State") or a settlement.
int type_hint(std::string_view w) {
    static const WordSet kSubdivisions{"province",   "governorate", "state",  "region",
                                       "department", "oblast",      "county", "prefecture",
                                       "provinces",  "states",      "regions"};
    static const WordSet kSettlements{"city", "town", "village", "municipality"};
    if (kSubdivisions.contains(w)) return 1;
    if (kSettlements.contains(w)) return 2;
    return 0;
}

bool is_place_type(const Entry& e, std::string_view type) {
    return e.kind == ActorKind::place && e.place_type == type;
}

/// What one match tells about the document's countries and subdivisions: strong when it
/// names them, weak when it names a city that lies there.
struct Evidence {
    std::vector<std::string> countries;
    std::vector<std::uint32_t> regions;
    bool strong = true;
};

/// How close a country or subdivision is named to a match: by another match of the same
/// sentence or of the document, by name or only through one of its cities.
enum Level { none = 0, weak_document, weak_sentence, document, sentence };

/// Countries and subdivisions named in the document and in each sentence, with the matches
/// that named them, so a match does not count as its own context.
class Context {
  public:
    void add(std::size_t match, std::uint32_t sentence, const Evidence& e) {
        for (const std::string& c : e.countries)
            countries_[c].push_back({match, sentence, e.strong});
        for (std::uint32_t r : e.regions) regions_[r].push_back({match, sentence, e.strong});
    }
    Level country(const std::string& code, std::size_t match, std::uint32_t sentence) const {
        return level(countries_, code, match, sentence);
    }
    Level region(std::uint32_t entry, std::size_t match, std::uint32_t sentence) const {
        return level(regions_, entry, match, sentence);
    }

  private:
    struct Seen {
        std::size_t match;
        std::uint32_t sentence;
        bool strong;
    };
    template <class Map, class Key>
    static Level level(const Map& map, const Key& key, std::size_t match, std::uint32_t sentence) {
        const auto it = map.find(key);
        if (it == map.end()) return none;
        Level best = none;
        for (const Seen& s : it->second) {
            if (s.match == match) continue;
            const bool same = s.sentence == sentence;
            const Level l = s.strong ? (same ? Level::sentence : document)
                                     : (same ? weak_sentence : weak_document);
            best = std::max(best, l);
        }
        return best;
    }
    std::unordered_map<std::string, std::vector<Seen>> countries_;
    std::unordered_map<std::uint32_t, std::vector<Seen>> regions_;
};

/// Score for a place whose country or subdivision is named at `level`.
double context_bonus(Level level) {
    switch (level) {
        case Level::sentence:
            return 4.0;
        case document:
            return 2.5;
        case weak_sentence:
            return 1.5;
        case weak_document:
            return 1.0;
        case none:
            break;
    }
    return 0.0;
}

/// Where a match stands among its words.
struct Position {
    std::uint32_t sentence = 0;
    bool initial = false;        ///< first word of its sentence
    std::string_view prev;       ///< folded previous word of the sentence ("" when none)
    bool prev_upper = false;     ///< previous word capitalised
    bool prev_is_match = false;  ///< previous word ends another match
    std::string_view next;       ///< folded next word of the sentence ("" when none)
    bool next_upper = false;
    bool next_is_match = false;  ///< next word starts another match
    std::string_view next_next;  ///< folded word after that
    bool next_next_upper = false;
    bool after_particle = false;  ///< "Diario de los Andes": a particle after a capitalised word
    bool prefixed = false;        ///< "pro-Moscow", "Kabul-based"
    bool adjacent_prev = false;   ///< the previous word is the token just before
};

/// What a word after a name says the name is: a settlement ("Tacuati town"), a part of a
/// settlement or a district ("Dang District", "Alvalade neighborhood"), or, for "village" and
/// "area", a settlement unless a larger one follows ("Palosai village of Peshawar").
enum class Locality { none, settlement, part, small };

Locality locality_word(std::string_view w) {
    static const WordSet kSettlements{"city", "town", "municipality", "township", "commune"};
    static const WordSet kSmall{"village",  "hamlet",  "settlement", "locality",
                                "area",     "kibbutz", "moshav",     "chiefdom"};
    static const WordSet kParts{"district", "subdistrict", "suburb",  "neighborhood",
                                "neighbourhood", "quarter", "sector", "borough",
                                "ward",     "barangay",    "county",  "precinct"};
    if (kSettlements.contains(w)) return Locality::settlement;
    if (kSmall.contains(w)) return Locality::small;
    if (kParts.contains(w)) return Locality::part;
    return Locality::none;
}

/// A match as the address finder sees it.
struct Located {
    const Entry* entry = nullptr;  ///< the place chosen, if any
    bool municipality = false;     ///< a city that is not also a subdivision named here
};

/// Month and day names, which a capitalised word after "in" or "on" usually is.
bool is_calendar_word(std::string_view w) {
    static const WordSet kWords = {
        "january", "february", "march",    "april",   "may",     "june",     "july",
        "august",  "september", "october", "november", "december", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday",  "spring", "summer",
        "autumn",  "winter"};
    return kWords.contains(w);
}

/// Places no data file lists, and parts of cities, found where an address names them:
/// "in Ouled Aissa, Boumerdes, Algeria", "Tacuati town, San Pedro department, Paraguay",
/// "near Sihauta village in Gaya, Bihar", "in Pourabi Nunggoi, Imphal, Manipur" (a part of
/// Imphal: place_type "district"). An unlisted place gets the coordinates of the place that
/// holds it (rule "address:<type> in <id>").
class AddressFinder {
  public:
    AddressFinder(const AnalysedText& text, const Resources& resources,
                  const std::vector<NameMatch>& matches, const std::vector<Located>& located)
        : text_(text),
          names_(resources.names),
          places_(resources.places),
          matches_(matches),
          located_(located),
          match_at_(text.tokens.size(), -1) {
        for (std::size_t i = 0; i < matches.size(); ++i)
            for (std::size_t t = matches[i].first_token; t < matches[i].last_token; ++t)
                match_at_[t] = static_cast<std::int32_t>(i);
    }

    std::vector<Actor> find() {
        for (std::size_t j = 0; j < matches_.size(); ++j) walk_address(j);
        find_named_settlements();
        find_named_parts();
        find_towns_in_text();
        find_city_sentences();
        find_facility_places();
        find_bare_towns();
        for (Actor& a : found_)
            std::sort(a.mentions.begin(), a.mentions.end(), [](const Mention& x, const Mention& y) {
                return x.span.begin < y.span.begin;
            });
        return std::move(found_);
    }

    /// Adds a part of a city named by a listed place ("Alvalade neighborhood of Lisbon"):
    /// tokens [first, last) name `entry`, which lends its coordinates.
    void add_part(std::size_t first, std::size_t last, const Entry& entry) {
        add(first, last, "district", entry, std::string(kCityPartRule) + entry.id);
    }
    /// Adds the town of the second tier that tokens [first, last) name inside `holder`.
    void add_town(std::size_t first, std::size_t last, const Entry& holder) {
        add(first, last, "city", holder, "address");
    }

  private:
    std::string_view word(std::size_t t) const {
        const Token& token = text_.tokens[t];
        return {text_.folded.text.data() + token.fbegin, token.fend - token.fbegin};
    }
    /// Capitalised; in ALL-CAPS and lower-case text also no word for a kind of place
    /// ("KOLOFATA CHIEFDOM").
    bool upper(std::size_t t) const {
        return text_.capitalised(t) &&
               (text_.style == CaseStyle::mixed ||
                (locality_word(word(t)) == Locality::none && type_hint(word(t)) == 0));
    }
    /// Two capitals in a row ("NATO", "UN"); ALL-CAPS text shows no acronyms by case.
    bool acronym(std::size_t t) const {
        const Span sp = text_.tokens[t].span;
        const std::string& original = text_.document.text;
        return text_.style == CaseStyle::mixed && sp.end - sp.begin >= 2 &&
               std::isupper(static_cast<unsigned char>(original[sp.begin])) &&
               std::isupper(static_cast<unsigned char>(original[sp.begin + 1]));
    }
    std::uint32_t sentence_of(std::size_t t) const {
        return sentence_at(text_.sentences, text_.tokens[t].span.begin);
    }
    bool joined(std::size_t t) const {  // "-" or "'" inside a word: "Bachi-Yurt", "M'rahnia"
        const std::vector<Token>& tokens = text_.tokens;
        return !tokens[t].word && (word(t) == "-" || word(t) == "'") && t > 0 &&
               t + 1 < tokens.size() && tokens[t - 1].word && tokens[t + 1].word &&
               tokens[t - 1].span.end == tokens[t].span.begin &&
               tokens[t].span.end == tokens[t + 1].span.begin;
    }

    /// Where an address frames the name ("in X, <subdivision>", "in X village"), ALL-CAPS
    /// and lower-case text may spell it with common words ("IN BLOOMING GROVE, PENNSYLVANIA"): any word but a
    /// function word, a verb of place or a word for a kind of place.
    bool framed_name_word(std::size_t t) const {
        if (upper(t)) return true;
        if (text_.style == CaseStyle::mixed || !text_.tokens[t].word) return false;
        const std::string_view w = word(t);
        return !(w[0] >= '0' && w[0] <= '9') && !is_function_word(w) && !is_locative_verb(w) &&
               !is_calendar_word(w) && !is_title(w) && !is_place_head(w) &&
               locality_word(w) == Locality::none && type_hint(w) == 0 &&
               !one_of(w, {"a", "an", "the", "his", "her", "their", "its", "our", "my", "your",
                           "this", "that", "these", "those", "some", "several", "two", "three"});
    }

    /// First token of the run of capitalised words (particles and joiners inside) that ends
    /// just before `end`; `end` when there is none. `framed`: the address frames the run
    /// (see framed_name_word).
    std::size_t name_run(std::size_t end, bool framed = false) const {
        std::size_t b = end, words = 0;
        const auto name_word = [&](std::size_t t) { return framed ? framed_name_word(t) : upper(t); };
        while (b > 0 && words < (framed && text_.style != CaseStyle::mixed ? 4u : 5u)) {
            const std::size_t t = b - 1;
            if (match_at_[t] >= 0) break;
            if (text_.tokens[t].word && name_word(t)) {
                b = t;
                ++words;
            } else if (b < end && (joined(t) || (text_.tokens[t].word && !upper(t) &&
                                                 is_name_particle(word(t)) && t > 0 &&
                                                 text_.tokens[t - 1].word))) {
                b = t;
            } else {
                break;
            }
        }
        while (b < end && (!text_.tokens[b].word || !name_word(b))) ++b;  // start on a capital
        return b;
    }

    /// Last token (exclusive) of the run of capitalised words that starts at `begin`.
    std::size_t name_run_forward(std::size_t begin) const {
        std::size_t e = begin;
        while (e < text_.tokens.size() && e - begin < 8 && match_at_[e] < 0) {
            if (text_.tokens[e].word && upper(e))
                ++e;
            else if (e > begin && joined(e))
                e += 2;
            else
                break;
        }
        return e;
    }

    bool introduced_by(std::size_t begin) const {
        if (begin == 0) return false;
        const std::string_view w = word(begin - 1);
        static const WordSet kWords{"in",      "near",   "at",      "outside", "between", "from",
                                    "to",      "into",   "toward",  "towards", "of",      "and",
                                    "around",  "inside", "through", "across",  "past"};
        return is_locative_verb(w) || kWords.contains(w);
    }

    bool acceptable(std::size_t begin, std::size_t end) const {
        if (begin >= end || is_function_word(word(begin)) || is_title(word(begin))) return false;
        const Span span{text_.tokens[begin].span.begin, text_.tokens[end - 1].span.end};
        return std::none_of(text_.suspicious.begin(), text_.suspicious.end(), [&](const Span& s) {
            return span.begin < s.end && s.begin < span.end;
        });
    }

    /// "X, [Y,] <subdivision or country>" or "X, <city>, <subdivision or country>".
    void walk_address(std::size_t j) {
        const Located& anchor = located_[j];
        if (anchor.entry == nullptr || anchor.entry->place_type == "district") return;
        const std::vector<Token>& tokens = text_.tokens;
        if (anchor.entry->place_type == "city") {
            // A city is an anchor only when the address goes on past it.
            std::size_t end = matches_[j].last_token;
            if (end < tokens.size() && tokens[end].word &&
                (locality_word(word(end)) != Locality::none || type_hint(word(end)) != 0))
                ++end;  // "Santiago city, Santiago Metropolitan region"
            const Entry* next = j + 1 < matches_.size() ? located_[j + 1].entry : nullptr;
            if (end >= tokens.size() || word(end) != "," || next == nullptr ||
                matches_[j + 1].first_token != end + 1 || next->place_type == "city" ||
                next->place_type == "district" || next->country_code != anchor.entry->country_code)
                return;
        }
        std::size_t t = matches_[j].first_token;
        const Entry* holder = anchor.entry;
        bool holder_municipal = anchor.municipality;
        std::size_t unknown = 0, begin = 0, end = 0;
        Locality said = Locality::none;
        while (t >= 2 && word(t - 1) == "," && unknown < 3) {
            std::size_t e = t - 1;
            if (match_at_[e - 1] >= 0) {  // "X, Borno, Nigeria": X lies in Borno
                const std::size_t k = static_cast<std::size_t>(match_at_[e - 1]);
                const Entry* inner = located_[k].entry;
                if (inner == nullptr || inner->place_type != "region" ||
                    inner->country_code != holder->country_code || unknown > 0)
                    return;
                holder = inner;
                holder_municipal = false;
                t = matches_[k].first_token;
                continue;
            }
            Locality w = Locality::none;
            if (tokens[e - 1].word) {
                w = locality_word(word(e - 1));
                if (w != Locality::none || type_hint(word(e - 1)) == 1) --e;
            }
            const std::size_t b = name_run(e, true);
            if (b >= e) break;
            if (unknown > 0) holder_municipal = false;  // "Duk, Junqali, Sudan"
            ++unknown;
            begin = b;
            end = e;
            said = w;
            t = b;
        }
        if (end == 0 || !acceptable(begin, end)) return;
        if (said == Locality::none && !introduced_by(begin)) return;
        if (sentence_of(begin) != sentence_of(matches_[j].first_token)) return;
        const bool part = said == Locality::part ||
                          ((said == Locality::none || said == Locality::small) && holder_municipal);
        add(begin, end, part ? "district" : "city", *holder, "address");
    }

    /// "near Sihauta village in Gaya, Bihar", "the village of Wunkiir-Anyang in Pigi county".
    void find_named_settlements() {
        const std::vector<Token>& tokens = text_.tokens;
        for (std::size_t t = 1; t + 1 < tokens.size(); ++t) {
            if (!tokens[t].word || match_at_[t] >= 0 || upper(t)) continue;
            const Locality w = locality_word(word(t));
            if (w != Locality::settlement && w != Locality::small) continue;
            const bool the_of = the_before(t) && word(t + 1) == "of";  // "the town of X"
            if ((word(t) == "city" && !the_of) || word(t) == "area") continue;
            std::size_t begin = 0, end = 0, after = 0;
            if (word(t) != "city" && tokens[t - 1].word && match_at_[t - 1] < 0) {  // "X village"
                begin = name_run(t, true);
                end = t;
                after = t + 1;
                // "in X village", "near the X hamlet"
                // "the Kutidurgapur village of Jhenidah", not "the Basque town of Orio".
                bool of_known = !the_of || (t + 2 < tokens.size() && match_at_[t + 2] >= 0);
                if (!of_known && t + 2 < tokens.size()) {  // "... village of Jhenidah district"
                    const std::size_t e = name_run_forward(t + 2);
                    of_known = e > t + 2 && e < tokens.size() && tokens[e].word &&
                               (locality_word(word(e)) == Locality::part || type_hint(word(e)) == 1);
                }
                const bool the = begin < end && begin > 0 && of_known &&
                                 word(begin - 1) == "the" && introduced_by(begin - 1);
                if (begin >= end || (!introduced_by(begin) && !the)) begin = end = 0;
            }
            if (end == 0 && t + 2 < tokens.size() && the_of) {  // "the southern town of X"
                begin = t + 2;
                end = name_run_forward(begin);
                after = end;
            }
            if (end == 0) {  // "in Orio, a coastal town in Basque Country"
                std::size_t b = t;
                while (b > 0 && t - b < 4 && text_.tokens[b - 1].word && word(b - 1) != "a" &&
                       word(b - 1) != "an")
                    --b;
                if (b >= 3 && (word(b - 1) == "a" || word(b - 1) == "an") && word(b - 2) == ",") {
                    end = b - 2;
                    begin = name_run(end);
                    after = t + 1;
                    // "Dahab, a resort town on the coast, was hit": the subject may open it.
                    const bool opens =
                        begin < end && (begin == 0 || sentence_of(begin - 1) != sentence_of(begin));
                    if (!introduced_by(begin) && !opens) begin = end = 0;
                }
            }
            if (end <= begin || !acceptable(begin, end)) continue;
            // Held by the next subdivision or country of the sentence; a part of the city
            // that follows at once ("Koil village in Pulwama").
            const std::uint32_t sentence = sentence_of(t);
            const Entry* holder = nullptr;
            bool part = false;
            for (std::size_t j = 0; j < matches_.size() && holder == nullptr; ++j) {
                if (matches_[j].first_token < after || located_[j].entry == nullptr ||
                    sentence_of(matches_[j].first_token) != sentence)
                    continue;
                const Entry* e = located_[j].entry;
                const bool next_to = matches_[j].first_token == after + 1 &&
                                     one_of(word(after), {"in", "of", ","});
                if (next_to && located_[j].municipality && w == Locality::small) part = true;
                if (e->place_type == "region" || e->place_type == "country") holder = e;
            }
            // The word says it is a settlement; where the sentence names nothing that holds
            // it, the one country the document is about does ("the village of X" in a report
            // that names only a town of that country, or a group based there).
            if (holder == nullptr) holder = document_country();
            if (holder != nullptr) add(begin, end, part ? "district" : "city", *holder, "address");
        }
    }

    /// "in the Vedeno district of Chechnya", "near the Mirpur neighbourhood of Dhaka": a part
    /// no data file lists, named before a word for a district and held by the listed place
    /// right after "of" (a part of that city, or a district of that region or country).
    void find_named_parts() {
        const std::vector<Token>& tokens = text_.tokens;
        for (std::size_t t = 1; t + 2 < tokens.size(); ++t) {
            if (!tokens[t].word || match_at_[t] >= 0 || upper(t) || word(t + 1) != "of" ||
                locality_word(word(t)) != Locality::part)
                continue;
            const std::int32_t j = match_at_[t + 2];
            if (j < 0 || matches_[static_cast<std::size_t>(j)].first_token != t + 2) continue;
            const Entry* holder = located_[static_cast<std::size_t>(j)].entry;
            if (holder == nullptr) continue;
            // A holder in another country than the one the document is about is more likely
            // a misread name than a district abroad.
            if (const Entry* country = document_country();
                country != nullptr && country->country_code != holder->country_code)
                continue;
            // The name: capitalised words (without case, no common words), or a listed name
            // the document did not place there ("the Mirpur neighbourhood of Dhaka": Mirpur is
            // also a town of Pakistan).
            std::size_t begin = name_run(t);
            const std::size_t end = t;
            if (const std::int32_t m = match_at_[t - 1]; m >= 0) {
                const auto mi = static_cast<std::size_t>(m);
                if (located_[mi].entry != nullptr || matches_[mi].last_token != t) continue;
                begin = matches_[mi].first_token;
            }
            // "in the X district of", "in X district of": a place the sentence locates.
            const bool the = begin > 0 && word(begin - 1) == "the" && introduced_by(begin - 1);
            if (begin >= end || (!introduced_by(begin) && !the) || !acceptable(begin, end)) continue;
            if (holder->place_type == "city")
                add_part(begin, end, *holder);
            else if (holder->place_type == "region" || holder->place_type == "country")
                add(begin, end, "district", *holder, "address");
        }
    }

    /// Whether "the" stands before the locality word at `t`, at most two words before it ("the
    /// village of", "the southern town of", "the small Basque town of").
    bool the_before(std::size_t t) const {
        for (std::size_t k = 1; k <= 3 && k <= t; ++k) {
            const std::size_t b = t - k;
            if (!text_.tokens[b].word) return false;
            if (word(b) == "the") return true;
            if (match_at_[b] >= 0 && located_[static_cast<std::size_t>(match_at_[b])].entry &&
                located_[static_cast<std::size_t>(match_at_[b])].entry->place_type != "country")
                return false;  // "the Kabul city of"
            if (is_function_word(word(b))) return false;
        }
        return false;
    }

    /// The country the document is about when it names one only: every place matched (a
    /// country, a demonym, a region or city) lies in it; failing any place, the home country
    /// shared by every armed group or organisation it names. nullptr when there is none or
    /// more than one.
    const Entry* document_country() {
        if (document_country_done_) return document_country_;
        document_country_done_ = true;
        std::string code;
        bool many = false;
        const auto see = [&](const std::string& cc) {
            if (cc.empty()) return;
            if (code.empty()) code = cc;
            else if (code != cc) many = true;
        };
        for (const Located& l : located_)
            if (l.entry != nullptr) see(l.entry->country_code);
        if (code.empty())
            for (const NameMatch& m : matches_)
                for (const AliasRef& c : m.candidates) {
                    const Entry& e = names_.entry(c.entry);
                    if (e.kind == ActorKind::group) see(e.country_code);
                }
        if (code.empty() || many) return nullptr;
        if (const auto c = names_.find_id("country:" + code)) document_country_ = &names_.entry(*c);
        return document_country_;
    }

    /// The town of the second tier that tokens [begin, end) name inside `holder`, if any;
    /// one in the holder's subdivision first, then the largest.
    /// The key of the town index for tokens [begin, end): folded words, hyphens dropped.
    std::string town_key(std::size_t begin, std::size_t end) const {
        std::string key;
        for (std::size_t k = begin; k < end; ++k) {
            if (word(k) == "-") continue;
            if (!key.empty()) key += ' ';
            key += word(k);
        }
        return key;
    }

    const Town* town(std::size_t begin, std::size_t end, const Entry& holder) const {
        const Town* best = nullptr;
        for (const Town* t : places_.find_towns(town_key(begin, end))) {
            if (t->country_code != holder.country_code) continue;
            const bool inside =
                t->region != PlaceInfo::kNone && names_.entry(t->region).id == holder.id;
            const bool best_inside = best != nullptr && best->region != PlaceInfo::kNone &&
                                     names_.entry(best->region).id == holder.id;
            if (best == nullptr || (inside && !best_inside) ||
                (inside == best_inside && t->population > best->population))
                best = t;
        }
        return best;
    }

    /// True when some match of the document names a country or a subdivision.
    bool names_holder() const {
        return std::any_of(located_.begin(), located_.end(), [](const Located& l) {
            return l.entry != nullptr && l.entry->place_type != "city" &&
                   l.entry->place_type != "district";
        });
    }

    /// The one town of the second tier that tokens [begin, end) name, when no other town,
    /// of any country, bears that name.
    const Town* only_town(std::size_t begin, std::size_t end) const {
        const std::string key = town_key(begin, end);
        const auto towns = places_.find_towns(key);
        if (towns.size() != 1 || towns.front()->common_word || is_calendar_word(key)) return nullptr;
        return towns.front();
    }

    /// "fighting near Bachi-Yurt": a town of the second tier after a locative word, in a
    /// country (or subdivision) the document names.
    void find_towns_in_text() {
        const std::vector<Token>& tokens = text_.tokens;
        for (std::size_t t = 1; t < tokens.size(); ++t) {
            if (!tokens[t].word || match_at_[t] >= 0 || !upper(t) || !tokens[t - 1].word ||
                !one_of(word(t - 1), {"in", "near", "at", "outside", "from", "into", "toward",
                                      "towards", "around", "inside", "through", "village", "town",
                                      "of", "between"}))
                continue;
            const std::size_t end = name_run_forward(t);
            if (!acceptable(t, end) || by_span(t, end)) continue;
            // Held by a subdivision the document names, else by a country it names.
            const Entry* holder = nullptr;
            const Town* best = nullptr;
            for (const Located& l : located_) {
                if (l.entry == nullptr || l.entry->place_type == "city" ||
                    l.entry->place_type == "district")
                    continue;
                const Town* found = town(t, end, *l.entry);
                if (found == nullptr) continue;
                const bool inside = l.entry->place_type == "region";
                if (holder == nullptr || (inside && holder->place_type != "region")) {
                    holder = l.entry;
                    best = found;
                }
            }
            // A document that names no country or subdivision at all ("a post office in
            // Lekeitio"): a name that only one town of the world bears is that town.
            if (best == nullptr && !names_holder())
                if (const Town* lone = only_town(t, end))
                    if (const auto c = names_.find_id("country:" + lone->country_code)) {
                        holder = &names_.entry(*c);
                        best = lone;
                    }
            // "Providencia district of Santiago": a part of a city.
            const bool part = end < tokens.size() && tokens[end].word &&
                              locality_word(word(end)) == Locality::part;
            if (best != nullptr) add(t, end, part ? "district" : "city", *holder, "address");
            t = end;
        }
    }

    /// "a grenade blast near a mosque in Banihal", in a document about one country only: a
    /// name no data file lists and nothing else claims, after "in", "near", "outside" or
    /// "at", is a town of that country. Names followed by a word for a building or feature
    /// ("in Koricancha Temple"), acronyms, calendar words and possessives are not.
    void find_bare_towns() {
        const Entry* holder = document_country();
        if (holder == nullptr) return;
        const std::vector<Token>& tokens = text_.tokens;
        for (std::size_t t = 1; t < tokens.size(); ++t) {
            if (!tokens[t].word || match_at_[t] >= 0 || !upper(t) || !tokens[t - 1].word ||
                !one_of(word(t - 1), {"in", "near", "outside", "at"}))
                continue;
            const std::size_t end = name_run_forward(t);
            if (end - t > 3 || !acceptable(t, end) || !bare_name(t, end) || by_span(t, end)) {
                t = std::max(t, end);
                continue;
            }
            add(t, end, "city", *holder, "address");
            t = end;
        }
    }

    /// Length of the facility phrase that starts at token t ("police station", "bus stop",
    /// "crossing"), 0 when there is none.
    std::size_t facility_at(std::size_t t) const {
        const std::vector<Token>& tokens = text_.tokens;
        if (t >= tokens.size() || !tokens[t].word) return 0;
        const std::string_view w = word(t);
        if (one_of(w, {"depot", "crossing", "checkpoint", "junction"})) return 1;
        if (t + 1 >= tokens.size()) return 0;
        const std::string_view n = word(t + 1);
        if (w == "police" && one_of(n, {"station", "post", "checkpoint"})) return 2;
        if (one_of(w, {"metro", "railway", "train", "bus"}) && one_of(n, {"station", "stop"}))
            return 2;
        return 0;
    }

    /// "the Guar Chempedak police station", "the Nahal Oz crossing in Gaza Strip": a name no
    /// data file lists, before a police station, stop, depot, crossing or checkpoint, names the
    /// locality it serves; it lies in the next subdivision or country of its sentence, else in
    /// the one country the document is about.
    void find_facility_places() {
        const std::vector<Token>& tokens = text_.tokens;
        for (std::size_t e = 2; e < tokens.size(); ++e) {
            const std::size_t len = facility_at(e);
            if (len == 0 || match_at_[e - 1] >= 0) continue;
            const std::size_t begin = name_run(e);
            if (begin >= e || e - begin > 3 || !acceptable(begin, e)) continue;
            if (begin == 0 || (word(begin - 1) != "the" && !introduced_by(begin))) continue;
            bool plain = true;
            for (std::size_t k = begin; k < e && plain; ++k) {
                if (!tokens[k].word) continue;
                const std::string_view w = word(k);
                plain = !is_calendar_word(w) && !is_place_head(w) && !is_function_word(w) &&
                        !is_title(w) && !acronym(k);
            }
            if (!plain || by_span(begin, e)) continue;
            const std::uint32_t sentence = sentence_of(e);
            const Entry* holder = nullptr;
            for (std::size_t j = 0; j < matches_.size() && holder == nullptr; ++j) {
                if (matches_[j].first_token < e || located_[j].entry == nullptr ||
                    sentence_of(matches_[j].first_token) != sentence)
                    continue;
                const Entry* x = located_[j].entry;
                if (x->place_type == "region" || x->place_type == "country") holder = x;
            }
            if (holder == nullptr) holder = document_country();
            if (holder != nullptr) add(begin, e, "city", *holder, "address");
        }
    }

    /// Tokens [begin, end) can be the bare name of a town: see find_bare_towns.
    bool bare_name(std::size_t begin, std::size_t end) const {
        const std::vector<Token>& tokens = text_.tokens;
        if (end - begin >= 3 && word(end - 1) == "s" && word(end - 2) == "'") return false;
        if (end < tokens.size()) {
            const std::string_view next = word(end);
            if (next == "'" || next == "(" || match_at_[end] >= 0 ||
                (tokens[end].word && (is_place_head(next) || is_name_particle(next))))
                return false;  // "in New Multan", "in Djemaa el Fna square"
        }
        for (std::size_t k = begin; k < end; ++k) {
            if (!tokens[k].word) continue;
            const std::string_view w = word(k);
            if (is_calendar_word(w) || is_place_head(w) || is_function_word(w) || is_title(w) ||
                one_of(w, {"islam", "christianity", "parliament", "congress", "god", "allah",
                           "christmas", "ramadan", "easter", "eid", "internet", "twitter",
                           "facebook", "youtube", "english", "arabic"}))
                return false;
            if (acronym(k)) return false;  // "in NATO", "at UN"
        }
        // Beside a listed city of its sentence the name is more likely a part of that city
        // ("in Llansamlet, Swansea") than a town of its own.
        return !std::binary_search(city_sentences_.begin(), city_sentences_.end(),
                                   sentence_of(begin));
    }

    /// Sentences that name a listed city, sorted (for bare_name).
    void find_city_sentences() {
        for (std::size_t j = 0; j < matches_.size(); ++j)
            if (located_[j].entry != nullptr && located_[j].entry->place_type == "city")
                city_sentences_.push_back(sentence_of(matches_[j].first_token));
        std::sort(city_sentences_.begin(), city_sentences_.end());
    }

    /// Whether an actor already has a mention at tokens [begin, end).
    bool by_span(std::size_t begin, std::size_t end) const {
        const Span span{text_.tokens[begin].span.begin, text_.tokens[end - 1].span.end};
        return std::any_of(found_.begin(), found_.end(), [&](const Actor& a) {
            return std::any_of(a.mentions.begin(), a.mentions.end(), [&](const Mention& m) {
                return m.span.begin < span.end && span.begin < m.span.end;
            });
        });
    }

    void add(std::size_t begin, std::size_t end, const std::string& type, const Entry& holder,
             const std::string& how) {
        const std::string& original = text_.document.text;
        const Span span{text_.tokens[begin].span.begin, text_.tokens[end - 1].span.end};
        const Town* listed = how == "address" ? town(begin, end, holder) : nullptr;
        std::string key;
        for (std::size_t k = begin; k < end; ++k) {
            if (!text_.tokens[k].word) continue;
            if (!key.empty()) key += '-';
            key += word(k);
        }
        const std::string id =
            listed != nullptr ? listed->id : "place:" + holder.country_code + ":" + key;
        auto [it, fresh] = by_id_.try_emplace(id, found_.size());
        if (fresh) {
            Actor a;
            a.id = id;
            a.name = listed != nullptr ? listed->name
                                       : original.substr(span.begin, span.end - span.begin);
            a.kind = ActorKind::place;
            a.country_code = holder.country_code;
            a.lat = listed != nullptr ? listed->lat : holder.lat;
            a.lon = listed != nullptr ? listed->lon : holder.lon;
            a.place_type = type;
            a.rule = how == "address" ? "address:" + type + " in " + holder.id : how;
            if (listed != nullptr) a.rule += " = cities.tsv:" + std::to_string(listed->line);
            found_.push_back(std::move(a));
        }
        Actor& a = found_[it->second];
        if (std::any_of(a.mentions.begin(), a.mentions.end(),
                        [&](const Mention& m) { return m.span == span; }))
            return;
        Mention mention;
        mention.span = span;
        mention.sentence = sentence_of(begin);
        mention.text = original.substr(span.begin, span.end - span.begin);
        mention.rule = a.rule;
        a.mentions.push_back(std::move(mention));
    }

    const AnalysedText& text_;
    const Gazetteer& names_;
    const PlaceIndex& places_;
    const std::vector<NameMatch>& matches_;
    const std::vector<Located>& located_;
    std::vector<std::int32_t> match_at_;  ///< token -> index of the match covering it, or -1
    std::vector<Actor> found_;
    std::unordered_map<std::string, std::size_t> by_id_;
    std::vector<std::uint32_t> city_sentences_;
    const Entry* document_country_ = nullptr;
    bool document_country_done_ = false;
};

}  // namespace

const PlaceInfo& PlaceIndex::of(std::uint32_t entry) const {
    static const PlaceInfo kDefault;
    return entry < info.size() ? info[entry] : kDefault;
}

std::vector<const Town*> PlaceIndex::find_towns(std::string_view key) const {
    std::vector<const Town*> out;
    const std::uint64_t h = key_hash(key);
    auto it = std::lower_bound(town_keys.begin(), town_keys.end(),
                               std::pair<std::uint64_t, std::uint32_t>{h, 0});
    for (; it != town_keys.end() && it->first == h; ++it) {
        const Town* t = &towns[it->second];
        if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
    }
    return out;
}

std::string place_key(std::string_view name) {
    std::string key;
    key.reserve(name.size());
    bool in_word = false;
    for (const char ch : name) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80) return alias_key(name);  // needs Unicode folding
        const bool alnum =
            (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (alnum) {
            if (!in_word && !key.empty()) key += ' ';
            key += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
            in_word = true;
            continue;
        }
        in_word = false;
        if (c <= ' ' || c == '-' || c == 0x7F) continue;  // space, or a dropped hyphen
        if (!key.empty()) key += ' ';
        key += static_cast<char>(c);
    }
    return key;
}

void load_places(Gazetteer& names, PlaceIndex& index, const std::string& data_dir) {
    load_regions(names, index, data_dir);
    load_cities(names, index, data_dir);
    load_place_extras(names, index, data_dir);
    std::sort(index.town_keys.begin(), index.town_keys.end());
    index.info.resize(names.size());
}

namespace {

/// Chooses the place each match names; see resolve_places.
class PlaceResolver {
  public:
    PlaceResolver(const AnalysedText& text, const Resources& resources,
                  const std::vector<NameMatch>& matches)
        : text_(text),
          names_(resources.names),
          places_(resources.places),
          matches_(matches),
          mixed_(text.style == CaseStyle::mixed) {
        locate();
        find_chains();
    }

    /// The chosen place candidate of every match (nullptr: none), in two rounds: the second
    /// takes its context from the first round's choices ("Punjab" -> Pakistan once
    /// "Punjab, Pakistan" is read, so "Bela" nearby is the Pakistani one).
    std::vector<const AliasRef*> choose() {
        std::vector<const AliasRef*> chosen(matches_.size(), nullptr);
        Context first;
        for (std::size_t i = 0; i < matches_.size(); ++i) add_candidates(first, i);
        for (std::size_t i = 0; i < matches_.size(); ++i) chosen[i] = choose(first, i);
        Context second;
        for (std::size_t i = 0; i < matches_.size(); ++i)
            if (chosen[i] != nullptr) add_choice(second, i, *chosen[i]);
        for (std::size_t i = 0; i < matches_.size(); ++i) chosen[i] = choose(second, i);
        return chosen;
    }

  private:
    std::string_view word(std::size_t t) const {
        const Token& token = text_.tokens[t];
        return {text_.folded.text.data() + token.fbegin, token.fend - token.fbegin};
    }
    std::uint32_t sentence_of(std::size_t t) const {
        return sentence_at(text_.sentences, text_.tokens[t].span.begin);
    }
    bool upper(std::size_t t) const { return text_.capitalised(t); }
    bool is_place(const AliasRef& ref) const {
        return names_.entry(ref.entry).kind == ActorKind::place;
    }
    /// Whether token t begins its sentence, a heading, a quote or a bracket, where capitals
    /// say nothing about names.
    bool starts_sentence(std::size_t t) const {
        if (t == 0 || sentence_of(t - 1) != sentence_of(t)) return true;
        if (text_.tokens[t - 1].word) return false;
        const std::string_view w = word(t - 1);
        return w == ":" || w == "\"" || w == "'" || w == "(" || w == "[" || w == "-" || w == "*" ||
               w == ";";
    }

    void locate() {
        const std::vector<Token>& tokens = text_.tokens;
        std::vector<std::uint8_t> edge(tokens.size(), 0);  // 1: starts a match, 2: ends one
        for (const NameMatch& m : matches_) {
            edge[m.first_token] |= 1;
            edge[m.last_token - 1] |= 2;
        }
        pos_.resize(matches_.size());
        for (std::size_t i = 0; i < matches_.size(); ++i) {
            const NameMatch& m = matches_[i];
            Position& p = pos_[i];
            const std::size_t k = m.first_token;
            p.sentence = sentence_of(k);
            p.initial = starts_sentence(k);
            std::size_t w = k;  // the previous word: just before, or before the stop of "Mr."
            if (k > 0 && tokens[k - 1].word)
                w = k - 1;
            else if (k > 1 && word(k - 1) == "." && tokens[k - 2].word && is_title(word(k - 2)))
                w = k - 2;
            if (w != k && sentence_of(w) == p.sentence) {
                p.prev = word(w);
                p.prev_upper = upper(w);
                p.prev_is_match = (edge[w] & 2) != 0;
                p.adjacent_prev = w + 1 == k;
            }
            // "Diario de los Andes": a capitalised word, particles, then this name.
            for (std::size_t b = k; b > 0 && k - b < 3;) {
                --b;
                if (!tokens[b].word || sentence_of(b) != p.sentence) break;
                if (is_name_particle(word(b)) && !upper(b)) continue;
                p.after_particle = b + 1 < k && upper(b) && edge[b] == 0 &&
                                   !is_function_word(word(b)) && !is_locative_verb(word(b));
                break;
            }
            const std::size_t n = m.last_token;
            if (n < tokens.size() && tokens[n].word && sentence_of(n) == p.sentence) {
                p.next = word(n);
                p.next_upper = upper(n);
                p.next_is_match = (edge[n] & 1) != 0;
                std::size_t nn = n + 1;  // "al-Tawhid": skip the hyphen
                if (nn + 1 < tokens.size() && word(nn) == "-") ++nn;
                if (nn < tokens.size() && tokens[nn].word) {
                    p.next_next = word(nn);
                    p.next_next_upper = upper(nn);
                }
            }
            // "pro-Moscow", "Extreme-North", "Kabul-based": part of a compound word, not a
            // place where something happened.
            p.prefixed = k >= 2 && word(k - 1) == "-" &&
                         tokens[k - 1].span.begin == tokens[k - 2].span.end &&
                         tokens[k - 1].span.end == tokens[k].span.begin && tokens[k - 2].word;
            p.prefixed = p.prefixed || (n + 1 < tokens.size() && word(n) == "-" &&
                                        tokens[n].span.begin == tokens[n - 1].span.end &&
                                        tokens[n].span.end == tokens[n + 1].span.begin &&
                                        tokens[n + 1].word && !upper(n + 1));
        }
    }

    /// "Kohlu, Balochistan, Pakistan": a place followed by a comma and the subdivision or
    /// country holding it. chain_[i] lists the candidates of match i that fit a neighbour.
    void find_chains() {
        const auto holds = [&](std::uint32_t outer, std::uint32_t inner) {
            const Entry& o = names_.entry(outer);
            const Entry& in = names_.entry(inner);
            if (is_place_type(o, "country"))
                return !is_place_type(in, "country") && in.country_code == o.country_code;
            if (is_place_type(o, "region") && !is_place_type(in, "country") &&
                !is_place_type(in, "region")) {
                const std::uint32_t r = places_.of(inner).region;
                return r == outer || (r == PlaceInfo::kNone && in.country_code == o.country_code);
            }
            return false;
        };
        chain_.resize(matches_.size());
        for (std::size_t i = 0; i + 1 < matches_.size(); ++i) {
            std::size_t t = matches_[i].last_token;
            if (t < text_.tokens.size() && text_.tokens[t].word && type_hint(word(t)) != 0) ++t;
            if (t >= text_.tokens.size() || word(t) != "," || matches_[i + 1].first_token != t + 1)
                continue;
            for (const AliasRef& a : matches_[i].candidates) {
                if (!is_place(a)) continue;
                for (const AliasRef& b : matches_[i + 1].candidates) {
                    if (!is_place(b) || !holds(b.entry, a.entry)) continue;
                    chain_[i].push_back(a.entry);
                    chain_[i + 1].push_back(b.entry);
                }
            }
        }
    }

    /// Round one: every reading of a match counts, a city only when it is the only one.
    void add_candidates(Context& context, std::size_t i) const {
        const NameMatch& m = matches_[i];
        Evidence named, implied;
        implied.strong = false;
        std::size_t place_candidates = 0;
        for (const AliasRef& c : m.candidates) place_candidates += is_place(c) ? 1 : 0;
        for (const AliasRef& c : m.candidates) {
            const Entry& e = names_.entry(c.entry);
            const PlaceInfo& info = places_.of(c.entry);
            if (is_place_type(e, "country")) {
                named.countries.push_back(e.country_code);
                if (!c.demonym) explicit_[pos_[i].sentence].push_back(e.country_code);
            } else if (is_place_type(e, "region") && !info.common_word) {
                named.countries.push_back(e.country_code);
                named.regions.push_back(c.entry);
            } else if (!is_place_type(e, "region") && place_candidates == 1 && !info.small &&
                       !info.common_word) {
                implied.countries.push_back(e.country_code);
                if (info.region != PlaceInfo::kNone) implied.regions.push_back(info.region);
            }
        }
        context.add(i, pos_[i].sentence, named);
        context.add(i, pos_[i].sentence, implied);
    }

    /// Round two: only what round one chose.
    void add_choice(Context& context, std::size_t i, const AliasRef& c) const {
        const Entry& e = names_.entry(c.entry);
        Evidence evidence;
        evidence.countries.push_back(e.country_code);
        if (is_place_type(e, "region")) {
            evidence.regions.push_back(c.entry);
        } else if (!is_place_type(e, "country")) {
            evidence.strong = false;
            if (places_.of(c.entry).region != PlaceInfo::kNone)
                evidence.regions.push_back(places_.of(c.entry).region);
        }
        context.add(i, pos_[i].sentence, evidence);
    }

    /// Part of a person's or an organisation's name: after a title, or beside a capitalised
    /// word that is neither a place nor part of a longer place or facility name ("david
    /// rubin" in lower case: capitals() reads "rubin" as a name).
    bool in_name(std::size_t i) const {
        const NameMatch& m = matches_[i];
        const Position& p = pos_[i];
        if (m.last_token - m.first_token != 1) return false;
        if (p.next_upper && !p.next_is_match && !is_place_head(p.next) &&
            !(p.next_next_upper && is_place_head(p.next_next)))
            return true;
        if (is_name_particle(p.next) && !p.next_upper && p.next_next_upper) return true;
        if (p.after_particle) return true;
        // "Qasim Bela": two names in a row make one longer name.
        if (p.prev_is_match && p.prev_upper && p.adjacent_prev &&
            !std::any_of(m.candidates.begin(), m.candidates.end(), [&](const AliasRef& c) {
                return is_place_type(names_.entry(c.entry), "country");
            }))
            return true;
        return p.prev_upper && !p.prev_is_match && !is_place_modifier(p.prev) &&
               !is_title(p.prev) && !is_function_word(p.prev);
    }

    /// Another country is named outright in the same sentence and nothing speaks for this one.
    bool contradicted(std::size_t i, const Entry& e) const {
        const auto it = explicit_.find(pos_[i].sentence);
        if (it == explicit_.end()) return false;
        return std::any_of(it->second.begin(), it->second.end(),
                           [&](const std::string& code) { return code != e.country_code; });
    }

    /// Below this population a town named alone in lower-case text needs a place word.
    static constexpr std::int64_t kLoneTownPopulation = 100000;

    const AliasRef* choose(const Context& context, std::size_t i) const {
        const NameMatch& m = matches_[i];
        const Position& p = pos_[i];
        const bool after_title = !p.prev.empty() && is_title(p.prev);
        const bool named_part = in_name(i);
        const int hint = type_hint(p.next);
        const AliasRef* best = nullptr;
        double best_score = 0;
        for (const AliasRef& c : m.candidates) {
            if (!is_place(c)) continue;
            const Entry& e = names_.entry(c.entry);
            const PlaceInfo& info = places_.of(c.entry);
            const bool is_country = is_place_type(e, "country");
            const bool is_region = is_place_type(e, "region");
            if (after_title || ((named_part || p.prefixed) && !is_country)) continue;
            const bool chained =
                std::find(chain_[i].begin(), chain_[i].end(), c.entry) != chain_[i].end();
            const Level country = context.country(e.country_code, i, p.sentence);
            const Level region =
                info.region == PlaceInfo::kNone ? none : context.region(info.region, i, p.sentence);
            // Towns of the second tier need their country or subdivision named; names that are
            // common words need it named in the same sentence.
            if (info.small && !chained && country == none && region == none) continue;
            // Without case, a name that reads as a common word (capitals() in text.h: British
            // spellings the data's flag misses, "centre") is one too.
            const bool common_word =
                info.common_word || (!mixed_ && !is_country && m.last_token == m.first_token + 1 &&
                                     !upper(m.first_token));
            if (common_word && !chained) {
                if (!mixed_) continue;
                const bool big_city = !is_region && e.population >= 100000 && !p.initial;
                if (!big_city && country != Level::sentence && region < document) continue;
            }
            // Without case, a lone town name right after a verb of speech is the speaker's
            // first name ("said david frost") unless its country is named.
            if (!mixed_ && !is_country && !is_region && !chained && country == none &&
                region == none && m.last_token == m.first_token + 1 &&
                one_of(p.prev, {"said", "says", "told", "added", "asked", "explained", "stated"}))
                continue;
            const bool lone_town = !is_country && !is_region && !chained && country == none &&
                                   region == none && m.last_token == m.first_token + 1;
            // "Oakridge said", "Oakridge told": a speaker, not a town, unless the document
            // names the town's country or region.
            const bool place_word_before = one_of(
                p.prev,
                {"in", "at", "near", "from", "to", "outside", "across", "around", "into", "towards",
                 "toward", "via", "of", "between", "through", "downtown", "central", "northern",
                 "southern", "eastern", "western", "neighbouring", "neighboring"});
            if (lone_town && !place_word_before &&
                one_of(p.next, {"said", "says", "told", "added", "argued", "warned", "insisted",
                                "claimed", "believes", "thinks", "wrote", "explained", "stated",
                                "admitted"}))
                continue;
            // Without case, a smaller town's name alone is as likely a person's ("a film with
            // howard", "gary scored") or a firm's: it needs a place word before it ("in", "near",
            // "from") or its country or region named.
            if (!mixed_ && lone_town && hint == 0 && e.population < kLoneTownPopulation &&
                locality_word(p.next) == Locality::none && !place_word_before &&
                !one_of(p.next, {"bombing", "bombings", "attack", "attacks", "blast", "blasts",
                           "massacre", "shooting", "explosion", "explosions", "district", "capital",
                           "province", "region", "airport", "police", "border"}))
                continue;
            // "in Salerno (District), Afghanistan": not the Italian city.
            if (!is_country && !chained && country == none && region == none && !info.capital &&
                e.population < 1000000 && contradicted(i, e))
                continue;
            double score = 8.0;
            if (!is_country) {
                score = std::log10(static_cast<double>(std::max<std::int64_t>(e.population, 100)));
                if (info.capital) score += 1.0;
                if (info.seat) score += 0.3;
                if (is_region) score -= 0.5;
            }
            if (chained) score += 6;
            // A named subdivision says a little more than its country.
            score += std::max(context_bonus(country),
                              region == none ? 0.0 : context_bonus(region) + 0.5);
            if ((hint == 1 && is_region) || (hint == 2 && !is_region && !is_country)) score += 3;
            if (best == nullptr || score > best_score) {
                best = &c;
                best_score = score;
            }
        }
        return best;
    }

    const AnalysedText& text_;
    const Gazetteer& names_;
    const PlaceIndex& places_;
    const std::vector<NameMatch>& matches_;
    const bool mixed_;
    std::vector<Position> pos_;
    std::vector<std::vector<std::uint32_t>> chain_;
    mutable std::unordered_map<std::uint32_t, std::vector<std::string>> explicit_;
};

}  // namespace

std::vector<Actor> resolve_places(const AnalysedText& text, const Resources& resources,
                                  std::vector<NameMatch>& matches) {
    const Gazetteer& names = resources.names;
    const auto is_place = [&](const AliasRef& c) {
        return names.entry(c.entry).kind == ActorKind::place;
    };
    const std::vector<const AliasRef*> chosen = PlaceResolver(text, resources, matches).choose();
    // What each match names, and whether a city named is only a part of the next one
    // ("Alvalade neighborhood of Lisbon", "Taragunia, Kushtia, Bangladesh").
    std::vector<Located> located(matches.size());
    for (std::size_t i = 0; i < matches.size(); ++i) {
        if (chosen[i] == nullptr) continue;
        const Entry& e = names.entry(chosen[i]->entry);
        located[i].entry = &e;
        const bool also_region = std::any_of(
            matches[i].candidates.begin(), matches[i].candidates.end(), [&](const AliasRef& c) {
                const Entry& r = names.entry(c.entry);
                return r.place_type == "region" && r.country_code == e.country_code;
            });
        const std::size_t n = matches[i].last_token;
        const bool region_word =
            n < text.tokens.size() && text.tokens[n].word &&
            type_hint(std::string_view(text.folded.text.data() + text.tokens[n].fbegin,
                                       text.tokens[n].fend - text.tokens[n].fbegin)) == 1;
        located[i].municipality = e.place_type == "city" && !also_region && !region_word;
    }
    const auto folded_word = [&](std::size_t t) {
        return std::string_view(text.folded.text.data() + text.tokens[t].fbegin,
                                text.tokens[t].fend - text.tokens[t].fbegin);
    };
    // A city whose country the document does not name, where a town of the second tier with
    // the same name lies in a country it does name ("the village of San Antonio, Neiva,
    // Huila, Colombia"): the town.
    std::vector<const Entry*> town_holder(matches.size(), nullptr);
    for (std::size_t i = 0; i < matches.size(); ++i) {
        if (located[i].entry == nullptr || located[i].entry->place_type != "city") continue;
        const Entry* holder = nullptr;
        bool own_country = false;
        for (std::size_t j = 0; j < matches.size(); ++j) {
            const Entry* e = located[j].entry;
            if (j == i || e == nullptr || e->place_type == "city" || e->place_type == "district")
                continue;
            if (e->country_code == located[i].entry->country_code)
                own_country = true;
            else if (holder == nullptr || e->place_type == "region")
                holder = e;
        }
        if (own_country || holder == nullptr) continue;
        const std::string key = alias_key(
            std::string_view(text.document.text)
                .substr(matches[i].span.begin, matches[i].span.end - matches[i].span.begin));
        for (const Town* t : resources.places.find_towns(key))
            if (t->country_code == holder->country_code) town_holder[i] = holder;
    }
    std::vector<bool> part(matches.size(), false);
    std::vector<const Entry*> part_of(matches.size(), nullptr);  ///< when not the match's own city
    if (text.style != CaseStyle::lower) {
        for (std::size_t i = 0; i < matches.size(); ++i) {
            if (!located[i].municipality) continue;
            const std::size_t n = matches[i].last_token;
            if (n < text.tokens.size() && text.tokens[n].word &&
                locality_word(folded_word(n)) == Locality::part) {
                part[i] = true;  // "El Rosal District", "Alvalade neighborhood"
                // "the Kalyan quarter of Jakarta": a part of the city named after "of", not of
                // the town abroad that has the same name.
                if (i + 1 < matches.size() && n + 2 < text.tokens.size() &&
                    folded_word(n + 1) == "of" && matches[i + 1].first_token == n + 2 &&
                    located[i + 1].entry != nullptr && located[i + 1].entry->place_type == "city" &&
                    located[i + 1].entry->country_code != located[i].entry->country_code)
                    part_of[i] = located[i + 1].entry;
            }
            // "A, B, <subdivision or country>" with B a larger city of the same country.
            if (i + 2 < matches.size() && located[i + 1].municipality &&
                located[i + 2].entry != nullptr && n < text.tokens.size() &&
                folded_word(n) == "," && matches[i + 1].first_token == n + 1) {
                const Entry& a = *located[i].entry;
                const Entry& b = *located[i + 1].entry;
                const std::size_t m = matches[i + 1].last_token;
                const bool address_goes_on = m < text.tokens.size() && folded_word(m) == "," &&
                                             matches[i + 2].first_token == m + 1 &&
                                             located[i + 2].entry->place_type != "city" &&
                                             located[i + 2].entry->country_code == b.country_code;
                if (a.country_code == b.country_code && a.population < b.population &&
                    address_goes_on)
                    part[i] = true;
            }
        }
    }
    struct Part {
        std::size_t first, last;
        const Entry* entry;  ///< the city it is a part of, or the holder of a town
        bool town;
    };
    std::vector<Part> parts;
    std::vector<NameMatch> kept;
    std::vector<Located> kept_located;
    kept.reserve(matches.size());
    for (std::size_t i = 0; i < matches.size(); ++i) {
        NameMatch& m = matches[i];
        if (town_holder[i] != nullptr) part[i] = false;
        if (part[i])
            parts.push_back({m.first_token, m.last_token, part_of[i] ? part_of[i] : located[i].entry, false});
        if (town_holder[i] != nullptr)
            parts.push_back({m.first_token, m.last_token, town_holder[i], true});
        const bool moved = part[i] || town_holder[i] != nullptr;
        std::vector<AliasRef> candidates;
        for (const AliasRef& c : m.candidates)
            if (!is_place(c) || (&c == chosen[i] && !moved)) candidates.push_back(c);
        if (candidates.empty()) continue;
        m.candidates = std::move(candidates);
        kept.push_back(std::move(m));
        kept_located.push_back(moved ? Located{} : located[i]);
    }
    matches = std::move(kept);
    AddressFinder finder(text, resources, matches, kept_located);
    for (const Part& p : parts) {
        if (p.town)
            finder.add_town(p.first, p.last, *p.entry);
        else
            finder.add_part(p.first, p.last, *p.entry);
    }
    return finder.find();
}

}  // namespace ekg::extract
