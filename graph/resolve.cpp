#include "resolve.h"

#include <algorithm>
#include <cctype>

namespace ekg::graph {
namespace {

/// Lexicon and gazetteer entries cite their file and line ("gazetteer:groups.tsv:20"); actors
/// found by pattern or context do not.
bool found_by_pattern(const Actor& a) {
    return !a.rule.empty() && a.rule.find(".tsv") == std::string::npos &&
           a.id.rfind("country:", 0) != 0 && a.id.rfind("region:", 0) != 0 &&
           a.id.rfind("city:", 0) != 0;
}

bool organisation_like(ActorKind k) { return k != ActorKind::person && k != ActorKind::place; }

std::string lower_ascii(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool alnum_ascii(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

/// "VFMA", "NDMA2": three or more capitals and digits, starting with a capital.
bool is_acronym(const std::string& s) {
    if (s.size() < 3 || !std::isupper(static_cast<unsigned char>(s[0]))) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c));
    });
}

/// The words of a name, split at spaces.
std::vector<std::string> words_of(const std::string& name) {
    std::vector<std::string> out;
    std::string w;
    for (char c : name) {
        if (c == ' ') {
            if (!w.empty()) out.push_back(std::move(w));
            w.clear();
        } else {
            w += c;
        }
    }
    if (!w.empty()) out.push_back(std::move(w));
    return out;
}

void add_unique(std::vector<std::string>& list, const std::string& value) {
    if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

}  // namespace

const std::string& ActorResolution::canonical(const std::string& id) const {
    const auto it = merged.find(id);
    return it == merged.end() ? id : it->second.id;
}

void ActorResolver::add(const Extraction& x) {
    for (const Actor& a : x.actors) add(x.document.id, a);
}

void ActorResolver::add(const std::string& doc, const Actor& a) {
    Seen& s = actors_[a.id];
    const bool first = s.names.empty();
    if (first || doc < s.first_document) {
        s.first_document = doc;
        s.name = a.name;
        s.kind = a.kind;
        s.rule = a.rule;
    }
    // An id any document takes from a lexicon is a lexicon entity.
    s.pattern = (first || s.pattern) && found_by_pattern(a);
    s.names.insert(a.name);
    s.aliases.insert(a.aliases.begin(), a.aliases.end());
}

ActorResolution ActorResolver::finish() const {
    ActorResolution out;
    // Names and aliases of lexicon entities are theirs: never an alias of a pattern actor.
    std::set<std::string> lexical;
    // Alias -> pattern organisations carrying it; surname -> people whose full name ends so.
    std::map<std::string, std::set<std::string>> alias_owners, surname_owners;
    for (const auto& [id, s] : actors_) {
        if (!s.pattern) {
            lexical.insert(s.names.begin(), s.names.end());
            lexical.insert(s.aliases.begin(), s.aliases.end());
        }
        if (s.kind == ActorKind::person) {
            for (const std::string& name : s.names)
                if (const auto w = words_of(name); w.size() >= 2) surname_owners[lower_ascii(w.back())].insert(id);
            for (const std::string& alias : s.aliases)
                if (words_of(alias).size() == 1 && words_of(s.name).size() >= 2)
                    surname_owners[lower_ascii(alias)].insert(id);
        } else if (s.pattern && organisation_like(s.kind)) {
            for (const std::string& alias : s.aliases) alias_owners[alias].insert(id);
        }
    }
    const auto only_other = [](const std::set<std::string>& owners, const std::string& self) {
        std::string other;
        for (const std::string& o : owners) {
            if (o == self) continue;
            if (!other.empty()) return std::string();  // two or more: ambiguous
            other = o;
        }
        return other;
    };
    for (const auto& [id, s] : actors_) {
        if (!s.pattern) continue;
        std::set<std::string> targets;
        std::string rule;
        if (organisation_like(s.kind)) {
            for (const std::string& name : s.names) {
                if (lexical.count(name)) continue;
                const auto it = alias_owners.find(name);
                if (it == alias_owners.end()) continue;
                const std::string target = only_other(it->second, id);
                if (target.empty()) continue;
                targets.insert(target);
                if (rule.empty()) rule = "resolve:alias:" + name;
            }
        } else if (s.kind == ActorKind::person) {
            for (const std::string& name : s.names) {
                if (words_of(name).size() != 1) {
                    targets.clear();  // named in full somewhere: a person of its own
                    rule.clear();
                    break;
                }
                const auto it = surname_owners.find(lower_ascii(name));
                if (it == surname_owners.end()) continue;
                const std::string target = only_other(it->second, id);
                if (target.empty()) continue;
                targets.insert(target);
                if (rule.empty()) rule = "resolve:surname:" + name;
            }
        }
        if (targets.size() == 1) out.merged.emplace(id, ActorResolution::Target{*targets.begin(), rule});
    }
    // A target that is itself merged away would make a chain: keep only merges into actors
    // that stay.
    for (auto it = out.merged.begin(); it != out.merged.end();)
        it = out.merged.count(it->second.id) ? out.merged.erase(it) : std::next(it);
    for (const auto& [alias, owners] : alias_owners)
        if (owners.size() == 1 && is_acronym(alias) && !lexical.count(alias)) {
            const std::string& id = out.canonical(*owners.begin());
            out.acronyms.emplace(alias, id);
        }
    const auto identify = [&](const std::string& id) {
        const Seen& s = actors_.at(id);
        out.identities.emplace(id, ActorResolution::Identity{s.name, s.kind, s.rule});
    };
    for (const auto& [from, target] : out.merged) identify(target.id);
    for (const auto& [acronym, id] : out.acronyms) identify(id);
    return out;
}

ActorResolution resolve_actors(const std::vector<const Extraction*>& extractions) {
    ActorResolver resolver;
    for (const Extraction* x : extractions) resolver.add(*x);
    return resolver.finish();
}

void apply_resolution(Extraction& x, const ActorResolution& r) {
    if (r.merged.empty() && r.acronyms.empty()) return;
    const auto rename = [&](std::string& id) {
        if (id.empty()) return;
        const auto it = r.merged.find(id);
        if (it != r.merged.end()) id = it->second.id;
    };
    // 1. Canonical ids everywhere.
    std::vector<bool> renamed(x.actors.size(), false);
    for (std::size_t i = 0; i < x.actors.size(); ++i) {
        Actor& a = x.actors[i];
        for (Role& role : a.roles) rename(role.organization);
        const auto it = r.merged.find(a.id);
        if (it == r.merged.end()) continue;
        const ActorResolution::Identity& who = r.identities.at(it->second.id);
        if (a.name != who.name) add_unique(a.aliases, a.name);
        a.id = it->second.id;
        a.name = who.name;
        a.kind = who.kind;
        renamed[i] = true;
    }
    for (Event& e : x.events) {
        rename(e.trigger.actor);
        for (auto* args : {&e.perpetrators, &e.victims, &e.targets, &e.weapons, &e.claimed_by, &e.mentions})
            for (Arg& a : *args) rename(a.actor);
        if (e.place) rename(e.place->actor);
    }
    for (Claim& c : x.claims) {
        rename(c.speaker);
        for (std::string& a : c.about) rename(a);
        std::vector<std::string> unique;
        for (const std::string& a : c.about) add_unique(unique, a);
        c.about = std::move(unique);
    }
    // 2. Actors that became one id in this document are one actor, where the first stood.
    std::vector<Actor> joined;
    std::vector<bool> joined_renamed;
    std::map<std::string, std::size_t> at;
    bool any_joined = false;
    for (std::size_t i = 0; i < x.actors.size(); ++i) {
        Actor& a = x.actors[i];
        const auto [it, fresh] = at.emplace(a.id, joined.size());
        if (fresh) {
            joined.push_back(std::move(a));
            joined_renamed.push_back(renamed[i]);
            continue;
        }
        any_joined = true;
        Actor& into = joined[it->second];
        if (joined_renamed[it->second] && !renamed[i]) {
            // The document's own actor of that id gives the name and rule.
            add_unique(a.aliases, into.name);
            std::swap(into.name, a.name);
            into.rule = a.rule;
            joined_renamed[it->second] = false;
        }
        for (const std::string& alias : a.aliases)
            if (alias != into.name) add_unique(into.aliases, alias);
        for (Mention& m : a.mentions) into.mentions.push_back(std::move(m));
        for (Role& role : a.roles) into.roles.push_back(std::move(role));
    }
    if (any_joined)
        for (Actor& a : joined) {
            std::stable_sort(a.mentions.begin(), a.mentions.end(), [](const Mention& m, const Mention& n) {
                return m.span.begin < n.span.begin;
            });
            a.aliases.erase(std::remove(a.aliases.begin(), a.aliases.end(), a.name), a.aliases.end());
        }
    x.actors = std::move(joined);

    // 3. Bare acronyms the corpus declared elsewhere, where no actor of this document is named.
    if (r.acronyms.empty()) return;
    const std::string& text = x.document.text;
    std::vector<Span> taken;
    for (const Actor& a : x.actors)
        for (const Mention& m : a.mentions) taken.push_back(m.span);
    std::sort(taken.begin(), taken.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
    const auto overlaps = [&](Span s) {
        for (const Span& t : taken)
            if (t.begin < s.end && s.begin < t.end) return true;
        return false;
    };
    const auto sentence_of = [&](std::uint32_t offset) {
        std::uint32_t index = 0;
        for (const Sentence& s : x.sentences)
            if (s.span.begin <= offset) index = s.index;
        return index;
    };
    for (std::size_t i = 0; i < text.size();) {
        if (!alnum_ascii(text[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < text.size() && alnum_ascii(text[j])) ++j;
        const bool bounded = (i == 0 || static_cast<unsigned char>(text[i - 1]) < 0x80) &&
                             (j == text.size() || static_cast<unsigned char>(text[j]) < 0x80);
        const auto it = bounded && j - i >= 3 && std::isupper(static_cast<unsigned char>(text[i]))
                            ? r.acronyms.find(text.substr(i, j - i))
                            : r.acronyms.end();
        const Span span{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j)};
        if (it != r.acronyms.end() && !overlaps(span)) {
            auto found = std::find_if(x.actors.begin(), x.actors.end(),
                                      [&](const Actor& a) { return a.id == it->second; });
            if (found == x.actors.end()) {
                const ActorResolution::Identity& who = r.identities.at(it->second);
                Actor a;
                a.id = it->second;
                a.name = who.name;
                a.kind = who.kind;
                a.rule = "resolve:corpus-acronym";
                x.actors.push_back(std::move(a));
                found = x.actors.end() - 1;
            }
            Mention m;
            m.span = span;
            m.sentence = sentence_of(span.begin);
            m.text = it->first;
            m.rule = "resolve:corpus-acronym";
            add_unique(found->aliases, m.text);
            found->mentions.push_back(std::move(m));
        }
        i = j;
    }
}

}  // namespace ekg::graph
