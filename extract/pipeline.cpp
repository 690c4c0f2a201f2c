#include "pipeline.h"

#include "actors.h"
#include "boilerplate.h"
#include "claims.h"
#include "events.h"
#include "input_limits.h"
#include "sentences.h"
#include "text.h"

namespace ekg::extract {

Extraction extract_document(Document document, const Resources& resources) {
    Extraction x;
    x.document = std::move(document);
    const std::string& text = x.document.text;

    // 1. Sentences with byte spans.
    std::size_t cuts = 0, long_words = 0;
    const CaseStyle style = case_style(text);  // mixed, ALL-CAPS or lower case: the rules differ
    x.sentences = split_sentences(text, style, &cuts);
    if (cuts > 0)
        x.diagnostics.push_back(Diagnostic{
            Severity::warning, x.document.path, x.document.line, "long-sentence",
            std::to_string(cuts) + " sentence(s) longer than " +
                std::to_string(limits().max_sentence_bytes) + " bytes cut at the limit"});
    // 2. Folded text and tokens, shared by every matcher below; boilerplate flagged and
    //    injected fragments found.
    const FoldedText folded = fold(text);
    std::vector<Span> suspicious =
        mark_boilerplate(x.document, folded, x.sentences, resources.boilerplate, x.diagnostics);
    const std::vector<Token> tokens = tokenize(folded, &long_words);
    if (long_words > 0)
        x.diagnostics.push_back(Diagnostic{
            Severity::warning, x.document.path, x.document.line, "long-token",
            std::to_string(long_words) + " word(s) longer than " +
                std::to_string(limits().max_token_bytes) + " bytes ignored by every matcher"});
    const AnalysedText analysed{x.document, x.sentences, folded, tokens, style,
                                std::move(suspicious),
                                capitals(text, folded, tokens, style, resources.common_words)};
    // 3. Actors: places, groups, organisations, people.
    x.actors = find_actors(analysed, resources, x.diagnostics);
    // 4. Events: typed attacks with place, date, casualties, perpetrators; events[0] is main.
    x.events = find_events(analysed, resources, x.actors, x.diagnostics);
    // 5. Claims: quotes, statements, responsibility, denials and figures, linked to events.
    x.claims = find_claims(analysed, resources, x.actors, x.events);
    return x;
}

}  // namespace ekg::extract
