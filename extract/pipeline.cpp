#include "pipeline.h"

#include "actors.h"
#include "boilerplate.h"
#include "claims.h"
#include "events.h"
#include "sentences.h"
#include "text.h"

namespace ekg::extract {

Extraction extract_document(Document document, const Resources& resources) {
    Extraction x;
    x.document = std::move(document);
    const std::string& text = x.document.text;

    // 1. Sentences with byte spans; boilerplate flagged, injected fragments found.
    x.sentences = split_sentences(text);
    std::vector<Span> suspicious =
        mark_boilerplate(x.document, x.sentences, resources.boilerplate, x.diagnostics);
    // 2. Folded text and tokens, shared by every matcher below.
    const FoldedText folded = fold(text);
    const std::vector<Token> tokens = tokenize(folded);
    const AnalysedText analysed{x.document, x.sentences, folded, tokens, case_style(text),
                                std::move(suspicious)};
    // 3. Actors: places, groups, organisations, people.
    x.actors = find_actors(analysed, resources, x.diagnostics);
    // 4. Events: typed attacks with place, date, casualties, perpetrators; events[0] is main.
    x.events = find_events(analysed, resources, x.actors, x.diagnostics);
    // 5. Claims: quotes, statements, responsibility, denials and figures, linked to events.
    x.claims = find_claims(analysed, resources, x.actors, x.events);
    return x;
}

}  // namespace ekg::extract
