// Actors: every person, organisation, group, government, platform and place named in a document.
#pragma once

#include <vector>

#include "model.h"
#include "resources.h"
#include "text.h"

namespace ekg::extract {

/// What the actor stage reads: the document and its analysed text.
struct AnalysedText {
    const Document& document;
    const std::vector<Sentence>& sentences;
    const FoldedText& folded;
    const std::vector<Token>& tokens;
    CaseStyle style;
    std::vector<Span> suspicious = {};  ///< injected fragments: no actor comes from these
    std::vector<std::uint8_t> caps = {};  ///< per token, from capitals(); empty: first letters

    /// Whether token t reads as capitalised (see capitals() in text.h).
    bool capitalised(std::size_t t) const {
        return t < caps.size() ? caps[t] != 0 : starts_upper(document.text, tokens[t]);
    }
};

/// Finds the actors of a document, one per entity, each with all its mentions in text order.
/// Actors are returned sorted by first mention.
std::vector<Actor> find_actors(const AnalysedText& text, const Resources& resources,
                               std::vector<Diagnostic>& diagnostics);

}  // namespace ekg::extract
