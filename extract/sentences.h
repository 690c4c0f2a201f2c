// Sentence segmentation with byte spans.
#pragma once

#include <string_view>
#include <vector>

#include "model.h"
#include "text.h"

namespace ekg::extract {

/// Splits `text` into sentences. A blank line or a bullet always ends a sentence (headlines
/// and teasers carry no final stop); otherwise a sentence ends at . ! ? (with any closing
/// quotes or brackets) followed by space and a plausible sentence start, except after
/// abbreviations (U.S., Gen., Jan., No.), initials and inside decimals.
/// Spans are trimmed of surrounding white space; empty sentences are dropped. A sentence longer
/// than limits().max_sentence_bytes is cut at the last space before the limit (at a code point
/// boundary when there is none); `cuts`, when given, is incremented once per cut.
std::vector<Sentence> split_sentences(std::string_view text, std::size_t* cuts = nullptr);
/// The same, given case_style(text) (which the pipeline needs too).
std::vector<Sentence> split_sentences(std::string_view text, CaseStyle style, std::size_t* cuts);

/// Index of the sentence holding byte `offset` (sentences sorted, as split_sentences returns).
std::uint32_t sentence_at(const std::vector<Sentence>& sentences, std::uint32_t offset);

}  // namespace ekg::extract
