#include "actors.h"

#include <algorithm>
#include <map>

#include "lexicon.h"
#include "people.h"
#include "places.h"
#include "sentences.h"

namespace ekg::extract {

std::vector<Actor> find_actors(const AnalysedText& text, const Resources& resources,
                               std::vector<Diagnostic>& /*diagnostics*/) {
    const std::string& original = text.document.text;
    std::map<std::string, Actor> by_id;
    std::vector<NameMatch> matches =
        resources.names.match(original, text.tokens, text.folded, text.style, &text.caps);
    // Weak aliases ("IS", "LeT") count only where the document also names the entity in full.
    drop_unsupported(matches, resources.lexicon, original, text.tokens);
    // One place per name, chosen by context; towns no data file lists, found by address.
    std::vector<Actor> unlisted = resolve_places(text, resources, matches);
    for (Actor& a : unlisted) by_id.try_emplace(a.id, std::move(a));
    // No actor from an injected fragment (a spam line, a run of a foreign script).
    std::erase_if(matches, [&](const NameMatch& m) {
        return std::any_of(text.suspicious.begin(), text.suspicious.end(), [&](const Span& s) {
            return m.span.begin < s.end && s.begin < m.span.end;
        });
    });
    for (const NameMatch& m : matches) {
        // Prefer a non-demonym reading, then the entry seen first in the data.
        const AliasRef* best = &m.candidates.front();
        for (const AliasRef& c : m.candidates)
            if (best->demonym && !c.demonym) best = &c;
        const Entry& e = resources.names.entry(best->entry);
        Actor& a = by_id[e.id];
        if (a.id.empty()) {
            a.id = e.id;
            a.name = e.name;
            a.kind = e.kind;
            a.country_code = e.country_code;
            a.lat = e.lat;
            a.lon = e.lon;
            a.place_type = e.place_type;
            a.rule = "gazetteer:" + e.source;
        }
        Mention mention;
        mention.span = m.span;
        mention.sentence = sentence_at(text.sentences, m.span.begin);
        mention.text = original.substr(m.span.begin, m.span.end - m.span.begin);
        mention.rule = std::string(best->demonym ? "demonym:" : "alias:") + best->form;
        if (mention.text != a.name &&
            std::find(a.aliases.begin(), a.aliases.end(), mention.text) == a.aliases.end())
            a.aliases.push_back(mention.text);
        a.mentions.push_back(std::move(mention));
    }
    std::vector<Actor> actors;
    actors.reserve(by_id.size());
    for (auto& [id, actor] : by_id) actors.push_back(std::move(actor));
    // People and organisations found by context; surnames and acronyms resolved.
    find_people_and_organizations(text, resources.people, resources.names, actors);
    std::sort(actors.begin(), actors.end(), [](const Actor& a, const Actor& b) {
        return a.mentions.front().span.begin < b.mentions.front().span.begin;
    });
    return actors;
}

}  // namespace ekg::extract
