// Names of known entities (countries, cities, groups, platforms...) and a matcher that finds
// them in folded text, longest match first.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "fingerprint.h"
#include "model.h"
#include "text.h"

namespace ekg::extract {

/// One known entity.
struct Entry {
    std::string id;    ///< stable actor id, e.g. "country:IQ"
    std::string name;  ///< preferred name
    ActorKind kind = ActorKind::other;
    std::string place_type;    ///< "country", "region", "city" for places
    std::string country_code;  ///< ISO 3166-1 alpha-2
    std::string region;        ///< first-level subdivision name, for cities
    std::optional<double> lat, lon;
    std::int64_t population = 0;
    std::string source;  ///< data file and line, for --explain: "countries.tsv:12"
};

/// How an alias must appear in the text.
enum class AliasCase {
    capitalized,  ///< words capitalised in the alias must be capitalised in the text
    exact,        ///< acronyms: letter case must match exactly (US, IS)
    any,          ///< no case constraint
};

/// An alias of an entry.
struct AliasRef {
    std::uint32_t entry = 0;
    AliasCase case_rule = AliasCase::capitalized;
    bool demonym = false;      ///< "Iraqi" for Iraq
    std::string form;          ///< the alias as written in the data file
    std::uint32_t capitals = 0;  ///< bit i set: word i of the alias starts with a capital
};

/// A match of an alias in a text.
struct NameMatch {
    std::size_t first_token = 0;  ///< token range [first_token, last_token)
    std::size_t last_token = 0;
    Span span;                    ///< original bytes
    std::vector<AliasRef> candidates;  ///< every entry with that alias that fits the case rule
};

/// A set of entries and the aliases that name them.
class Gazetteer {
public:
    /// Adds an entry; returns its index.
    std::uint32_t add_entry(Entry entry);
    /// Registers an alias of entry `index`; the case rule is inferred from its spelling.
    void add_alias(std::uint32_t index, std::string_view alias, bool demonym = false);

    const Entry& entry(std::uint32_t index) const { return entries_[index]; }
    Entry& entry(std::uint32_t index) { return entries_[index]; }
    std::size_t size() const { return entries_.size(); }
    std::optional<std::uint32_t> find_id(std::string_view id) const;

    /// Finds non-overlapping alias matches, longest first, left to right.
    /// `original` is the document text the tokens index; `style` relaxes case rules for
    /// ALL-CAPS and all-lower-case text. `caps` (capitals() of text.h), when given for such
    /// text, keeps a one-word alias (not the entry's own name) that needs a capital from
    /// matching a common word there: "ISLAND" is no Iceland.
    std::vector<NameMatch> match(std::string_view original, const std::vector<Token>& tokens,
                                 const FoldedText& folded, CaseStyle style,
                                 const std::vector<std::uint8_t>* caps = nullptr) const;

    /// Looks up one name (folded, hyphens ignored) without case rules.
    std::vector<AliasRef> lookup(std::string_view name) const;

private:
    template <class V>
    using Map = StringMap<V>;

    std::vector<Entry> entries_;
    Map<std::uint32_t> by_id_;
    Map<std::vector<AliasRef>> aliases_;
    /// Fingerprints of every word prefix of every alias key ("al", "al qaeda", "al qaeda in",
    /// ...): matching extends a run of words only while it can still become an alias.
    FingerprintSet prefixes_;
    /// The same for aliases whose first word may be written in lower case ("the government",
    /// "al-Qaeda"): in mixed-case text a word that starts lower-case can only begin these,
    /// and most words of a text are such words.
    FingerprintSet lower_prefixes_;
    /// Fingerprints of whole alias keys: a run is looked up in aliases_ only when it hits here.
    FingerprintSet keys_;
    std::size_t max_words_ = 1;
};

/// The key an alias or a token run is indexed under: folded words joined by single spaces,
/// hyphens dropped ("al-Qaeda" and "Al Qaeda" share "al qaeda").
std::string alias_key(std::string_view name);

/// Loads data/countries.tsv and then data/countries_extra.tsv into `gazetteer`.
/// Throws Error(data) naming file:line on malformed rows.
void load_countries(Gazetteer& gazetteer, const std::string& data_dir);

/// Splits a tab-separated data file into rows, skipping '#' comments and blank lines.
/// Each row keeps its 1-based line number for error messages.
struct DataRow {
    std::size_t line = 0;
    std::vector<std::string> fields;
};
std::vector<DataRow> read_tsv(const std::string& path);

}  // namespace ekg::extract
