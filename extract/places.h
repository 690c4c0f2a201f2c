// Places: cities, towns and first-level subdivisions from data/, and the choice among places
// that share a name ("Paris" in France or in Texas) by what else the document names.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gazetteer.h"
#include "model.h"

namespace ekg::extract {

struct AnalysedText;
struct Resources;

/// Facts about a place entry of the gazetteer that the Entry record does not carry.
struct PlaceInfo {
    static constexpr std::uint32_t kNone = 0xFFFFFFFF;
    std::uint32_t region = kNone;  ///< gazetteer index of the subdivision holding a city
    bool capital = false;          ///< national capital (GeoNames PPLC)
    bool seat = false;             ///< seat of a first-level subdivision (PPLA)
    bool small = false;            ///< second tier: named only with its country or region
    bool common_word = false;      ///< the name is also a common English word ("Police", "Of")
};

/// A town of the second tier (flag S in cities.tsv). Towns stay out of the gazetteer, so they
/// cost little to load and never match on their own: an address that names one ("in X,
/// <subdivision>, <country>") looks it up by name.
struct Town {
    std::string id;  ///< "city:<geonameid>"
    std::string name;
    std::string country_code;                 ///< ISO 3166-1 alpha-2
    std::uint32_t region = PlaceInfo::kNone;  ///< gazetteer index of its subdivision
    double lat = 0, lon = 0;
    std::int64_t population = 0;
    std::uint32_t line = 0;  ///< line in cities.tsv
    bool common_word = false;  ///< flag W: the name is also an everyday word ("March")
};

/// PlaceInfo for every gazetteer entry (entries that are not cities or regions get defaults),
/// and the towns of the second tier.
struct PlaceIndex {
    std::vector<PlaceInfo> info;  ///< indexed like the gazetteer's entries; may be shorter
    std::size_t cities = 0;       ///< entries loaded from cities.tsv
    std::size_t regions = 0;      ///< entries loaded from regions.tsv
    std::vector<Town> towns;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> town_keys;  ///< sorted (key hash, town)

    const PlaceInfo& of(std::uint32_t entry) const;
    /// Towns with a name or alias whose place_key is `key`.
    std::vector<const Town*> find_towns(std::string_view key) const;
};

/// The key a name is indexed under, equal to alias_key(name) (words folded and joined by
/// single spaces, punctuation marks kept as words, hyphens dropped) but fast for ASCII names.
std::string place_key(std::string_view name);

/// Loads data/regions.tsv, data/cities.tsv and data/places_extra.tsv into `names` (ids
/// "region:<ISO 3166-2 code>" and "city:<geonameid>") and fills `index`.
/// Requires: load_countries has run (cities link to their country by code only).
/// Throws Error(data) naming file:line on malformed rows.
void load_places(Gazetteer& names, PlaceIndex& index, const std::string& data_dir);

/// The rule of a part of a city found where an address names it ("the Mirpur neighbourhood of
/// Dhaka"): this prefix, then the id of the city that holds it.
inline constexpr std::string_view kCityPartRule = "section:";

/// Chooses, for every match that can name a place, the one place it names in this document, or
/// none: a place in the country or subdivision named beside it ("Paris, Texas") wins, then one
/// in a country named in the same sentence or the document, then the largest. Second-tier
/// towns and names that are common words need their country named; a name used as part of a
/// person's name ("President Obama", "Hassan Rouhani") is no place.
/// Returns the places that no data file lists but an address names ("in Ouled Aissa,
/// Boumerdes, Algeria"), ids "place:<country code>:<folded-name>", place_type "city" or
/// "district", with the coordinates of the subdivision or country that holds them.
/// Ensures: each match keeps at most one place candidate and its other candidates unchanged;
/// matches left without candidates are removed; order is kept.
std::vector<Actor> resolve_places(const AnalysedText& text, const Resources& resources,
                                  std::vector<NameMatch>& matches);

}  // namespace ekg::extract
