// HTML input: the article text of a web page, taken with an HTML5 parser (gumbo).
#pragma once

#include <string>
#include <string_view>

#include "ingest.h"
#include "model.h"

namespace ekg::extract {

/// What a page yields.
struct HtmlText {
    std::string text;    ///< the article text: blocks separated by blank lines, list items bulleted
    std::string title;   ///< the page's <h1>, else og:title, else <title>; may be empty
    std::string date;    ///< YYYY-MM-DD from article:published_time, datePublished or <time>
    std::string url;     ///< canonical link or og:url
    std::string source;  ///< og:site_name
    bool too_deep = false;  ///< markup nested deeper than limits().max_html_depth was flattened
};

/// Extracts the text of `html` (valid UTF-8). Scripts, styles, forms, navigation, headers,
/// footers, asides and hidden elements are dropped, and so are elements whose class or id
/// marks them as furniture (sidebar, related, share, comments, advert, ...); when the page has
/// an <article> (else a <main>), only it is read. Block elements become paragraph breaks (a
/// blank line), <br> a line break, <li> a bulleted paragraph; white space inside a block
/// collapses to one space, except inside <pre>. Character references are decoded.
HtmlText html_to_text(std::string_view html);

/// True when `bytes` look like an HTML page: the first non-blank byte opens a tag, a comment
/// or a doctype.
bool looks_like_html(std::string_view bytes);

/// Builds a document from the raw bytes of a page: repairs UTF-8 (transcoding declared
/// windows-1252 / ISO-8859-1 pages that are not valid UTF-8), extracts the text, and takes
/// title, date, url and source from the page. The stored text begins with the title when the
/// page body does not. Diagnostics about the bytes go to `on_diagnostic`.
Document html_document(std::string bytes, const std::string& path,
                       const DiagnosticHandler& on_diagnostic);

}  // namespace ekg::extract
