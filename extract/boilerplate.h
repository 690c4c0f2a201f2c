// Site furniture, link teasers and injected fragments: text that is not the article's.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "model.h"
#include "text.h"

namespace ekg::extract {

/// What data/boilerplate.tsv lists, folded (case, accents, quotes, spaces).
struct BoilerplateRules {
    std::vector<std::string> prefixes;  ///< a sentence beginning so is furniture
    std::unordered_set<std::string>
        lines;  ///< a sentence that is exactly this (final stop dropped)
    std::vector<std::string> short_prefixes;  ///< an unpunctuated line of <= 8 words beginning so
};

/// Loads data_dir/boilerplate.tsv. Throws Error(ExitCode::data) naming file:line.
BoilerplateRules load_boilerplate(const std::string& data_dir);

/// The folded form rules and sentences are compared in: folded, runs of space made one space,
/// leading bullets and spaces and trailing spaces dropped.
std::string boilerplate_key(std::string_view text);

/// Flags sentences that are not article text (Sentence::boilerplate):
///  - sentences the rules list ("READ MORE: ...", "Related Posts", "Comments are closed.");
///  - a run of two or more short unpunctuated lines (lists of headlines), the title excepted;
///  - injected lines: a title-case line of two to six words standing alone, not the title,
///    that shares no content word with the rest of a document of at least 50 words.
/// Returns the spans of injected fragments — those lines, and runs of a script foreign to the
/// document (Han characters inside English prose; Latin is never foreign, a parenthesised gloss
/// is not injected) — each reported as a "suspicious-fragment" warning. No actor may come
/// from a returned span.
std::vector<Span> mark_boilerplate(const Document& document, std::vector<Sentence>& sentences,
                                   const BoilerplateRules& rules,
                                   std::vector<Diagnostic>& diagnostics);
/// The same, given the document text folded (fold(document.text)), as the pipeline has it.
std::vector<Span> mark_boilerplate(const Document& document, const FoldedText& folded,
                                   std::vector<Sentence>& sentences, const BoilerplateRules& rules,
                                   std::vector<Diagnostic>& diagnostics);

}  // namespace ekg::extract
