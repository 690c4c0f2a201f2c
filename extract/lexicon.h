// Lexicons of named organisations: armed groups (data/groups.tsv) and governments, agencies,
// international bodies, platforms, companies, NGOs and news agencies (data/organizations.tsv).
// Their names go into the one alias index (Resources::names); what the index cannot hold
// (parents, GTD names, aliases that need support) is kept here.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "gazetteer.h"

namespace ekg::extract {

/// What a lexicon row says beyond the alias index.
struct LexiconEntry {
    std::string id;                      ///< "group:aqap"
    std::string parent;                  ///< id of the group it is a branch of, or empty
    std::vector<std::string> gtd_names;  ///< names the Global Terrorism Database codes it under
    std::string source;                  ///< "groups.tsv:12"
};

/// The lexicons' facts beyond names, and the aliases that need support.
struct Lexicon {
    std::vector<LexiconEntry> entries;                   ///< in file order
    std::unordered_map<std::string, std::size_t> by_id;  ///< id -> index into entries
    /// Aliases written "~IS" in the data, as (gazetteer entry, alias form): acronyms that are
    /// also words, trusted only where the document names the same entry by another alias.
    std::set<std::pair<std::uint32_t, std::string>> weak_aliases;

    /// The entry with that id, or nullptr.
    const LexiconEntry* find(std::string_view id) const;
};

/// Loads one lexicon file. Rows are
///   id  kind  name  country  parent  gtd_name  aliases
/// (tab-separated; the last four may be empty; lists separated by '|'; an alias starting with
/// '~' is weak). The name and every alias go through Gazetteer::add_alias.
/// Requires: ids unique across `names`; kinds group (id "group:…"), government ("gov:…"),
/// organization or platform ("org:…"). Throws Error(ExitCode::data) naming file:line.
void load_lexicon(Gazetteer& names, Lexicon& lexicon, const std::string& path);

/// Loads data_dir/groups.tsv then data_dir/organizations.tsv, then checks that every parent is
/// a lexicon id. Throws Error(ExitCode::data) naming file:line.
void load_lexicons(Gazetteer& names, Lexicon& lexicon, const std::string& data_dir);

/// Removes the weak-alias readings of `matches` (found by Gazetteer::match over `tokens` of
/// `original`) that lack support: the same entry is not also named by a strong alias in the
/// document, or a neighbouring word is ALL-CAPS ("NOTE: THE DATE IS UNKNOWN"). Matches left
/// without candidates are dropped; the order of the rest is kept.
void drop_unsupported(std::vector<NameMatch>& matches, const Lexicon& lexicon,
                      std::string_view original, const std::vector<Token>& tokens);

}  // namespace ekg::extract
