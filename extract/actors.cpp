#include "actors.h"

#include <algorithm>
#include <map>

#include "sentences.h"

namespace ekg::extract {

std::vector<Actor> find_actors(const AnalysedText& text, const Resources& resources,
                               std::vector<Diagnostic>& /*diagnostics*/) {
    const std::string& original = text.document.text;
    std::map<std::string, Actor> by_id;
    for (const NameMatch& m : resources.names.match(original, text.tokens, text.folded, text.style)) {
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
    std::sort(actors.begin(), actors.end(), [](const Actor& a, const Actor& b) {
        return a.mentions.front().span.begin < b.mentions.front().span.begin;
    });
    return actors;
}

}  // namespace ekg::extract
