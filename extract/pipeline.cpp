#include "pipeline.h"

#include "actors.h"
#include "sentences.h"
#include "text.h"

namespace ekg::extract {

Extraction extract_document(Document document, const Resources& resources) {
    Extraction x;
    x.document = std::move(document);
    const std::string& text = x.document.text;

    // 1. Sentences with byte spans.
    x.sentences = split_sentences(text);
    // 2. Folded text and tokens, shared by every matcher below.
    const FoldedText folded = fold(text);
    const std::vector<Token> tokens = tokenize(folded);
    const AnalysedText analysed{x.document, x.sentences, folded, tokens, case_style(text)};
    // 3. Actors: places, groups, organisations, people.
    x.actors = find_actors(analysed, resources, x.diagnostics);
    // 4. Events and 5. claims come with the event-extraction stage.
    return x;
}

}  // namespace ekg::extract
