#include "gazetteer.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "error.h"

namespace ekg::extract {
namespace {

/// Acronyms that are also common English words: never matched in ALL-CAPS or lower-case text.
bool is_common_word(std::string_view key) {
    static const char* const kWords[] = {"is", "us", "it", "in", "on", "at", "as", "an", "or",
                                         "no", "so", "to", "he", "we", "me", "my", "be", "do",
                                         "go", "am", "id", "oh", "ok", "hi", "if", "of", "by",
                                         "up", "and", "the", "was", "are", "all", "can", "who",
                                         "aim", "arm", "art", "car", "cat", "man", "may", "net",
                                         "one", "our", "out", "per", "saw", "sun", "war", "win"};
    for (const char* w : kWords)
        if (key == w) return true;
    return false;
}

bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower_ascii(char c) { return c >= 'a' && c <= 'z'; }

/// Mask of the word positions whose first letter is upper case in `original`.
std::uint32_t capital_mask(std::string_view original, const std::vector<Token>& tokens,
                           std::size_t first, std::size_t last, const std::string& folded) {
    std::uint32_t mask = 0;
    std::uint32_t word = 0;
    for (std::size_t i = first; i < last && word < 32; ++i) {
        const Token& t = tokens[i];
        if (!t.word) {
            if (folded.compare(t.fbegin, t.fend - t.fbegin, "-") != 0) ++word;
            continue;
        }
        if (t.span.begin < original.size() && is_upper_ascii(original[t.span.begin]))
            mask |= 1u << word;
        ++word;
    }
    return mask;
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t pos = s.find(sep, start);
        out.push_back(s.substr(start, pos == std::string::npos ? std::string::npos : pos - start));
        if (pos == std::string::npos) break;
        start = pos + 1;
    }
    return out;
}

std::optional<double> parse_double(const std::string& s) {
    if (s.empty()) return std::nullopt;
    try {
        std::size_t used = 0;
        const double v = std::stod(s, &used);
        if (used != s.size()) return std::nullopt;
        return v;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

}  // namespace

std::string alias_key(std::string_view name) {
    const FoldedText folded = fold(name);
    std::string key;
    for (const Token& t : tokenize(folded)) {
        const std::string_view piece(folded.text.data() + t.fbegin, t.fend - t.fbegin);
        if (piece == "-") continue;
        if (!key.empty()) key += ' ';
        key += piece;
    }
    return key;
}

std::uint32_t Gazetteer::add_entry(Entry entry) {
    const auto index = static_cast<std::uint32_t>(entries_.size());
    by_id_.emplace(entry.id, index);
    entries_.push_back(std::move(entry));
    return index;
}

std::optional<std::uint32_t> Gazetteer::find_id(std::string_view id) const {
    const auto it = by_id_.find(id);
    if (it == by_id_.end()) return std::nullopt;
    return it->second;
}

void Gazetteer::add_alias(std::uint32_t index, std::string_view alias, bool demonym) {
    const FoldedText folded = fold(alias);
    const std::vector<Token> tokens = tokenize(folded);
    std::string key;
    std::size_t words = 0;
    std::size_t uppers = 0, lowers = 0;
    for (char c : alias) {
        if (is_upper_ascii(c)) ++uppers;
        else if (is_lower_ascii(c)) ++lowers;
    }
    for (const Token& t : tokens) {
        const std::string_view piece(folded.text.data() + t.fbegin, t.fend - t.fbegin);
        if (piece == "-") continue;
        if (!key.empty()) key += ' ';
        key += piece;
        ++words;
    }
    if (key.empty()) return;
    AliasRef ref;
    ref.entry = index;
    ref.demonym = demonym;
    ref.form = std::string(alias);
    ref.capitals = capital_mask(alias, tokens, 0, tokens.size(), folded.text);
    // An acronym (no lower-case letters, at most six capitals) must match case exactly.
    if (lowers == 0 && uppers >= 2 && uppers <= 6) ref.case_rule = AliasCase::exact;
    else if (uppers == 0) ref.case_rule = AliasCase::any;
    const bool lower_first = ref.case_rule == AliasCase::any ||
                             (ref.case_rule == AliasCase::capitalized && (ref.capitals & 1u) == 0);
    auto& refs = aliases_[key];
    const bool duplicate = std::any_of(refs.begin(), refs.end(), [&](const AliasRef& r) {
        return r.entry == index && r.case_rule == ref.case_rule && r.demonym == demonym;
    });
    if (!duplicate) refs.push_back(std::move(ref));
    for (std::size_t space = key.find(' '); space != std::string::npos; space = key.find(' ', space + 1)) {
        const std::uint64_t fp = FingerprintSet::of(std::string_view(key).substr(0, space));
        prefixes_.insert(fp);
        if (lower_first) lower_prefixes_.insert(fp);
    }
    const std::uint64_t fp = FingerprintSet::of(key);
    prefixes_.insert(fp);
    if (lower_first) lower_prefixes_.insert(fp);
    keys_.insert(fp);
    max_words_ = std::max(max_words_, words);
}

std::vector<AliasRef> Gazetteer::lookup(std::string_view name) const {
    const auto it = aliases_.find(alias_key(name));
    if (it == aliases_.end()) return {};
    return it->second;
}

std::vector<NameMatch> Gazetteer::match(std::string_view original, const std::vector<Token>& tokens,
                                        const FoldedText& folded, CaseStyle style,
                                        const std::vector<std::uint8_t>* caps) const {
    std::vector<NameMatch> matches;
    const std::string& ft = folded.text;
    std::vector<std::size_t> ends;  // end tokens of the runs that are whole alias keys
    std::string key;
    const auto piece = [&](std::size_t j) {
        return std::string_view(ft.data() + tokens[j].fbegin, tokens[j].fend - tokens[j].fbegin);
    };
    for (std::size_t i = 0; i < tokens.size();) {
        const Token& first = tokens[i];
        // In mixed-case text a word that does not start with a capital can begin only the
        // aliases that need none.
        const FingerprintSet& prefixes = style == CaseStyle::mixed && first.span.begin < original.size() &&
                                                 !is_upper_ascii(original[first.span.begin])
                                             ? lower_prefixes_
                                             : prefixes_;
        if (!first.word) {
            ++i;
            continue;
        }
        std::uint64_t h = FingerprintSet::extend(FingerprintSet::start(), piece(i));
        std::uint64_t fp = FingerprintSet::finish(h);
        if (!prefixes.contains(fp)) {
            ++i;
            continue;
        }
        ends.clear();
        if (keys_.contains(fp)) ends.push_back(i + 1);
        std::size_t words = 1;
        for (std::size_t j = i + 1; j < tokens.size() && words < max_words_; ++j) {
            const std::string_view p = piece(j);
            if (p == "-") continue;
            h = FingerprintSet::extend(FingerprintSet::extend(h, ' '), p);
            fp = FingerprintSet::finish(h);
            ++words;
            if (!prefixes.contains(fp)) break;  // no alias goes on this way
            if (keys_.contains(fp)) ends.push_back(j + 1);
        }
        bool found = false;
        for (auto k = ends.rbegin(); k != ends.rend() && !found; ++k) {
            const std::size_t last = *k;
            key.clear();
            for (std::size_t j = i; j < last; ++j) {
                const std::string_view p = piece(j);
                if (p == "-") continue;
                if (!key.empty()) key += ' ';
                key += p;
            }
            const auto it = aliases_.find(key);
            if (it == aliases_.end()) continue;  // a fingerprint collision
            const Span span{tokens[i].span.begin, tokens[last - 1].span.end};
            const std::string_view text = original.substr(span.begin, span.end - span.begin);
            NameMatch m{i, last, span, {}};
            for (const AliasRef& ref : it->second) {
                bool ok = true;
                switch (ref.case_rule) {
                    case AliasCase::any: break;
                    case AliasCase::exact:
                        if (style == CaseStyle::mixed) ok = text == ref.form;
                        else ok = !is_common_word(key);
                        break;
                    case AliasCase::capitalized:
                        if (style == CaseStyle::mixed) {
                            const std::uint32_t have = capital_mask(original, tokens, i, last, ft);
                            ok = (ref.capitals & have) == ref.capitals;
                        } else if (style != CaseStyle::mixed && caps != nullptr &&
                                   last == i + 1 && i < caps->size() && !ref.demonym &&
                                   ref.form != entries_[ref.entry].name) {
                            ok = (*caps)[i] != 0;  // another name that is a common word
                        }
                        break;
                }
                if (ok) m.candidates.push_back(ref);
            }
            if (m.candidates.empty()) continue;
            matches.push_back(std::move(m));
            i = last;
            found = true;
        }
        if (!found) ++i;
    }
    return matches;
}

std::vector<DataRow> read_tsv(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ExitCode::data, path + ": cannot open data file");
    std::vector<DataRow> rows;
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        rows.push_back({number, split(line, '\t')});
    }
    return rows;
}

void load_countries(Gazetteer& gazetteer, const std::string& data_dir) {
    for (const char* file : {"countries.tsv", "countries_extra.tsv"}) {
        const std::string path = data_dir + "/" + file;
        for (const DataRow& row : read_tsv(path)) {
            const auto where = path + ":" + std::to_string(row.line);
            if (row.fields.size() < 3 || row.fields.size() > 7 || row.fields[0].size() != 2)
                throw Error(ExitCode::data,
                            where + ": expected 3 to 7 tab-separated fields starting with an "
                                    "alpha-2 code");
            std::vector<std::string> f = row.fields;
            f.resize(7);
            const std::string& code = f[0];
            const std::string id = "country:" + code;
            std::uint32_t index;
            if (const auto existing = gazetteer.find_id(id)) {
                index = *existing;
            } else {
                Entry e;
                e.id = id;
                e.kind = ActorKind::place;
                e.place_type = "country";
                e.country_code = code;
                e.source = std::string(file) + ":" + std::to_string(row.line);
                index = gazetteer.add_entry(std::move(e));
            }
            Entry& e = gazetteer.entry(index);
            const std::string& name = f[2];
            if (!name.empty()) {
                e.name = name;
                gazetteer.add_alias(index, name);
            }
            if (const auto lat = parse_double(f[3])) e.lat = lat;
            if (const auto lon = parse_double(f[4])) e.lon = lon;
            if (!f[3].empty() && !parse_double(f[3]))
                throw Error(ExitCode::data, where + ": latitude is not a number");
            for (const std::string& a : split(f[5], '|'))
                if (!a.empty()) gazetteer.add_alias(index, a);
            for (const std::string& d : split(f[6], '|'))
                if (!d.empty()) gazetteer.add_alias(index, d, true);
        }
    }
}

}  // namespace ekg::extract
