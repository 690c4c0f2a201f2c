// Limits that keep memory and time bounded on hostile or broken inputs (docs/limits.md).
// Each one is enforced where the input is read, and crossing it always yields a diagnostic.
#pragma once

#include <cstddef>

namespace ekg::extract {

struct Limits {
    /// Bytes of one document as read: a .txt or .html file, the text read from stdin, or one
    /// line of a JSON Lines file. A larger input is rejected (error "too-large") without being
    /// read into memory.
    std::size_t max_document_bytes = std::size_t{32} << 20;
    /// Bytes of one sentence: a longer run without a sentence end is cut at the last space
    /// before the limit (warning "long-sentence"), so matchers never see a sentence longer.
    std::size_t max_sentence_bytes = 8192;
    /// Bytes of one word (a run of letters and digits): a longer one is not a token, so no
    /// lexicon or pattern sees it (warning "long-token"); the text keeps it.
    std::size_t max_token_bytes = 256;
    /// Element nesting of an HTML page: start tags that would nest deeper are removed before
    /// parsing, their text kept (warning "html-too-deep").
    std::size_t max_html_depth = 256;
};

/// The limits in force: the defaults above, except that the environment variable
/// EKG_MAX_DOCUMENT_BYTES (a positive number of bytes) replaces max_document_bytes.
/// Read once, on first use.
const Limits& limits();

}  // namespace ekg::extract
