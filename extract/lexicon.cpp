#include "lexicon.h"

#include <algorithm>
#include <unordered_set>

#include "error.h"

namespace ekg::extract {
namespace {

/// Splits `s` at every `sep`; an empty string gives no pieces.
std::vector<std::string> split_list(const std::string& s, char sep) {
    std::vector<std::string> out;
    if (s.empty()) return out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t pos = s.find(sep, start);
        out.push_back(s.substr(start, pos == std::string::npos ? std::string::npos : pos - start));
        if (pos == std::string::npos) break;
        start = pos + 1;
    }
    return out;
}

bool is_upper_ascii(char c) {
    return c >= 'A' && c <= 'Z';
}
bool is_lower_ascii(char c) {
    return c >= 'a' && c <= 'z';
}
bool is_digit_ascii(char c) {
    return c >= '0' && c <= '9';
}

/// The id prefix a kind requires.
std::string_view prefix_for(ActorKind kind) {
    switch (kind) {
        case ActorKind::group:
            return "group:";
        case ActorKind::government:
            return "gov:";
        case ActorKind::organization:
        case ActorKind::platform:
            return "org:";
        default:
            return {};
    }
}

/// "group:al-qaeda": a known prefix, then lower-case letters, digits and inner hyphens.
bool well_formed_id(std::string_view id) {
    const std::size_t colon = id.find(':');
    if (colon == std::string_view::npos) return false;
    const std::string_view prefix = id.substr(0, colon + 1);
    if (prefix != "group:" && prefix != "gov:" && prefix != "org:") return false;
    const std::string_view slug = id.substr(colon + 1);
    if (slug.empty() || slug.front() == '-' || slug.back() == '-') return false;
    return std::all_of(slug.begin(), slug.end(),
                       [](char c) { return is_lower_ascii(c) || is_digit_ascii(c) || c == '-'; });
}

/// True when the token is a word of at least two letters, none of them lower case.
bool all_caps_word(std::string_view original, const Token& t) {
    if (!t.word) return false;
    std::size_t uppers = 0;
    for (std::uint32_t i = t.span.begin; i < t.span.end && i < original.size(); ++i) {
        if (is_lower_ascii(original[i])) return false;
        if (is_upper_ascii(original[i])) ++uppers;
    }
    return uppers >= 2;
}

std::string file_name(const std::string& path) {
    const std::size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

/// A parent reference to check once every file is loaded.
struct ParentRef {
    std::string where;  ///< "path:line"
    std::string id;
    std::string parent;
};

void load_file(Gazetteer& names, Lexicon& lexicon, const std::string& path,
               std::vector<ParentRef>& parents) {
    const std::string file = file_name(path);
    for (const DataRow& row : read_tsv(path)) {
        const std::string where = path + ":" + std::to_string(row.line);
        const auto fail = [&](const std::string& message) {
            throw Error(ExitCode::data, where + ": " + message);
        };
        if (row.fields.size() < 3 || row.fields.size() > 7)
            fail(
                "expected 3 to 7 tab-separated fields (id, kind, name, country, parent, "
                "gtd_name, aliases), got " +
                std::to_string(row.fields.size()));
        std::vector<std::string> f = row.fields;
        f.resize(7);
        const std::string& id = f[0];
        const std::string& kind_name = f[1];
        const std::string& name = f[2];
        const std::string& country = f[3];
        const std::string& parent = f[4];

        if (!well_formed_id(id))
            fail("malformed id '" + id +
                 "': expected group:, gov: or org: and then lower-case letters, digits and "
                 "hyphens");
        const auto kind = actor_kind_from_string(kind_name);
        if (!kind || prefix_for(*kind).empty())
            fail("unknown kind '" + kind_name +
                 "': expected group, government, organization or platform");
        if (id.rfind(prefix_for(*kind), 0) != 0)
            fail("id '" + id + "' does not fit kind '" + kind_name + "' (expected prefix '" +
                 std::string(prefix_for(*kind)) + "')");
        if (name.empty() || alias_key(name).empty()) fail("empty name");
        if (!country.empty() &&
            (country.size() != 2 || !is_upper_ascii(country[0]) || !is_upper_ascii(country[1])))
            fail("country '" + country + "' is not an ISO 3166-1 alpha-2 code");
        if (const auto existing = names.find_id(id))
            fail("duplicate id '" + id + "' (first defined at " + names.entry(*existing).source +
                 ")");
        if (!parent.empty()) {
            if (parent == id) fail("'" + id + "' is its own parent");
            parents.push_back({where, id, parent});
        }

        // Check every list before touching the index, so a bad row adds nothing.
        std::vector<std::string> gtd_names;
        for (const std::string& g : split_list(f[5], '|')) {
            if (g.empty()) fail("empty gtd_name in '" + f[5] + "'");
            gtd_names.push_back(g);
        }
        std::vector<std::pair<std::string, bool>> aliases{{name, false}};  // form, weak
        for (const std::string& a : split_list(f[6], '|')) {
            const bool weak = !a.empty() && a.front() == '~';
            const std::string form = weak ? a.substr(1) : a;
            if (form.empty() || alias_key(form).empty()) fail("empty alias in '" + f[6] + "'");
            aliases.emplace_back(form, weak);
        }
        // Gazetteer keeps the first spelling of a key, so register the least capitalised one
        // first: "anti-Muslim extremists" must not need a capital A because the name has one.
        std::stable_sort(aliases.begin(), aliases.end(), [](const auto& x, const auto& y) {
            return std::count_if(x.first.begin(), x.first.end(), is_upper_ascii) <
                   std::count_if(y.first.begin(), y.first.end(), is_upper_ascii);
        });

        Entry e;
        e.id = id;
        e.name = name;
        e.kind = *kind;
        e.country_code = country;
        e.source = file + ":" + std::to_string(row.line);
        const std::uint32_t index = names.add_entry(std::move(e));
        for (const auto& [form, weak] : aliases) {
            names.add_alias(index, form);
            if (weak) lexicon.weak_aliases.emplace(index, form);
        }
        lexicon.by_id.emplace(id, lexicon.entries.size());
        lexicon.entries.push_back(
            {id, parent, std::move(gtd_names), file + ":" + std::to_string(row.line)});
    }
}

void check_parents(const Lexicon& lexicon, const std::vector<ParentRef>& parents) {
    for (const ParentRef& p : parents)
        if (!lexicon.find(p.parent))
            throw Error(ExitCode::data, p.where + ": parent '" + p.parent + "' of '" + p.id +
                                            "' is not a lexicon id");
}

}  // namespace

const LexiconEntry* Lexicon::find(std::string_view id) const {
    const auto it = by_id.find(std::string(id));
    return it == by_id.end() ? nullptr : &entries[it->second];
}

void load_lexicon(Gazetteer& names, Lexicon& lexicon, const std::string& path) {
    std::vector<ParentRef> parents;
    load_file(names, lexicon, path, parents);
    check_parents(lexicon, parents);
}

void load_lexicons(Gazetteer& names, Lexicon& lexicon, const std::string& data_dir) {
    std::vector<ParentRef> parents;
    for (const char* file : {"groups.tsv", "organizations.tsv"})
        load_file(names, lexicon, data_dir + "/" + file, parents);
    check_parents(lexicon, parents);
}

void drop_unsupported(std::vector<NameMatch>& matches, const Lexicon& lexicon,
                      std::string_view original, const std::vector<Token>& tokens) {
    if (lexicon.weak_aliases.empty()) return;
    const auto weak = [&](const AliasRef& r) {
        return lexicon.weak_aliases.count({r.entry, r.form}) > 0;
    };
    std::unordered_set<std::uint32_t> named;  // entries named by a strong alias somewhere
    for (const NameMatch& m : matches)
        for (const AliasRef& c : m.candidates)
            if (!weak(c)) named.insert(c.entry);
    for (NameMatch& m : matches) {
        const bool caps_beside =
            (m.first_token > 0 && all_caps_word(original, tokens[m.first_token - 1])) ||
            (m.last_token < tokens.size() && all_caps_word(original, tokens[m.last_token]));
        std::erase_if(m.candidates, [&](const AliasRef& c) {
            return weak(c) && (caps_beside || !named.count(c.entry));
        });
    }
    std::erase_if(matches, [](const NameMatch& m) { return m.candidates.empty(); });
}

}  // namespace ekg::extract
