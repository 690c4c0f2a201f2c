#include "html.h"

#include <catch2/catch.hpp>
#include <fstream>

#include "ingest.h"
#include "pipeline.h"
#include "support.h"

using namespace ekg;
using extract::html_to_text;

namespace {

std::vector<Document> read_all(const std::vector<std::string>& inputs,
                               std::vector<Diagnostic>* diags = nullptr) {
    std::vector<Document> docs;
    extract::read_inputs(
        inputs, [&](Document&& d) { docs.push_back(std::move(d)); },
        [&](const Diagnostic& d) {
            if (diags != nullptr) diags->push_back(d);
        });
    return docs;
}

}  // namespace

TEST_CASE("scripts, styles, navigation, headers, footers and asides are dropped",
          "[extract][html]") {
    const auto page = html_to_text(
        "<!doctype html><html><head><title>T</title><style>p{color:red}</style>"
        "<script>var x = 'Nope';</script></head><body>"
        "<header>Site name</header><nav><a href='/'>Home</a> <a href='/w'>World</a></nav>"
        "<p>The dam held.</p><aside>Most read</aside><noscript>Enable scripts</noscript>"
        "<p>Crews stayed.</p><footer>Contact us</footer></body></html>");
    CHECK(page.text == "The dam held.\n\nCrews stayed.");
}

TEST_CASE("block elements become paragraphs, white space collapses, references are decoded",
          "[extract][html]") {
    const auto page = html_to_text(
        "<body><h2>Water  levels</h2><div>Rain &amp; wind<br>at\n  night</div>"
        "<p>Caf&eacute; &ldquo;Riverside&rdquo;&nbsp;closed.</p><ul><li>One "
        "item</li><li>Two</li></ul>"
        "<pre>a  b\nc</pre></body>");
    CHECK(page.text ==
          "Water levels\n\nRain & wind\nat night\n\nCaf\xC3\xA9 "
          "\xE2\x80\x9CRiverside\xE2\x80\x9D\xC2\xA0"
          "closed.\n\n\xE2\x80\xA2 One item\n\n\xE2\x80\xA2 Two\n\na  b\nc");
}

TEST_CASE("the article element is read without the page around it", "[extract][html]") {
    const auto page = html_to_text(
        "<body><div class='menu'>Sections</div><p>Cookie notice text.</p>"
        "<article><h1>Bridge reopens</h1><p>The bridge reopened on Monday.</p>"
        "<div class='related-posts'><a>Other story</a></div>"
        "<p hidden>Hidden text.</p><p style='display: none'>Also hidden.</p></article>"
        "<article><p>Short.</p></article></body>");
    CHECK(page.text == "Bridge reopens\n\nThe bridge reopened on Monday.");
    CHECK(page.title == "Bridge reopens");
}

TEST_CASE("title, date, url and source come from the page's metadata", "[extract][html]") {
    const auto page = html_to_text(
        "<html><head><title>Page title | Site</title>"
        "<meta property='og:site_name' content='The River Post'>"
        "<meta property='article:published_time' content='2021-05-04T08:00:00Z'>"
        "<link rel='canonical' href='https://example.org/a'></head>"
        "<body><p>Text.</p></body></html>");
    CHECK(page.title == "Page title | Site");
    CHECK(page.date == "2021-05-04");
    CHECK(page.url == "https://example.org/a");
    CHECK(page.source == "The River Post");
}

TEST_CASE("an HTML document stores the extracted text, title first, and spans index it",
          "[extract][html]") {
    const std::string html =
        "<html><head><title>Dam report</title></head><body><script>no()</script>"
        "<p>The dam held, said Mara Okonkwo, an engineer.</p></body></html>";
    Document d = extract::html_document(html, "page.html", [](const Diagnostic&) {});
    CHECK(d.title == "Dam report");
    CHECK(d.text == "Dam report\n\nThe dam held, said Mara Okonkwo, an engineer.");
    CHECK_FALSE(d.content_hash.empty());
    const Extraction x = extract::extract_document(std::move(d), test::resources());
    bool found = false;
    for (const Actor& a : x.actors)
        for (const Mention& m : a.mentions) {
            CHECK(x.document.text.substr(m.span.begin, m.span.end - m.span.begin) == m.text);
            found = found || a.id == "person:mara-okonkwo";
        }
    CHECK(found);
}

TEST_CASE("a page declared windows-1252 that is not UTF-8 is transcoded", "[extract][html]") {
    std::vector<Diagnostic> diags;
    const Document d = extract::html_document(
        "<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xE9 "
        "\x93open\x94</p></body></html>",
        "old.html", [&](const Diagnostic& g) { diags.push_back(g); });
    CHECK(d.text == "Caf\xC3\xA9 \xE2\x80\x9Copen\xE2\x80\x9D");
    CHECK(diags.empty());
}

TEST_CASE("HTML files are read from directories and stdin-like sniffing", "[extract][html]") {
    test::TempDir dir;
    std::ofstream(dir.path / "a.html") << "<html><body><p>First page.</p></body></html>";
    std::ofstream(dir.path / "b.htm") << "<p>Second page.</p>";
    std::ofstream(dir.path / "c.page") << "<!DOCTYPE html><p>Named page.</p>";
    std::ofstream(dir.path / "empty.html") << "<html><body><script>x()</script></body></html>";
    std::vector<Diagnostic> diags;
    const auto docs = read_all({dir.path.string(), (dir.path / "c.page").string()}, &diags);
    REQUIRE(docs.size() == 3);
    CHECK(docs[0].text == "First page.");
    CHECK(docs[1].text == "Second page.");
    CHECK(docs[2].text == "Named page.");
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].code == "empty-input");
    CHECK(extract::looks_like_html("  \n<!doctype html>"));
    CHECK(extract::looks_like_html("<p>x</p>"));
    CHECK_FALSE(extract::looks_like_html("Text < more text"));
}

TEST_CASE("the ekg binary extracts an HTML page from stdin", "[extract][html]") {
    const auto r = test::run_ekg("extract -", "<html><body><p>Alone on stdin.</p></body></html>");
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("\"length\": 15") != std::string::npos);
}
