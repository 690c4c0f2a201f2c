// The seed article against its hand annotation (tests/fixtures/seed_actors.tsv): prints
// precision and recall of the actors and requires the annotation's required actors.
#include <catch2/catch.hpp>
#include <cmath>
#include <iostream>
#include <set>

#include "boilerplate.h"
#include "gazetteer.h"
#include "ingest.h"
#include "people.h"
#include "pipeline.h"
#include "sentences.h"
#include "support.h"

using namespace ekg;

namespace {

struct Expected {
    std::string name;
    std::string kind;
    bool required = false;
    std::string country;
    std::optional<double> lat, lon;
    std::set<std::string> names;  ///< word keys of the name and its aliases
    std::vector<std::pair<std::string, bool>> affiliations;  ///< organisation name, former
};

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    if (s.empty()) return out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t pos = s.find(sep, start);
        out.push_back(s.substr(start, pos == std::string::npos ? std::string::npos : pos - start));
        if (pos == std::string::npos) return out;
        start = pos + 1;
    }
}

std::vector<Expected> load_annotation() {
    std::vector<Expected> out;
    for (const auto& row :
         extract::read_tsv((test::source_dir() / "tests/fixtures/seed_actors.tsv").string())) {
        std::vector<std::string> f = row.fields;
        f.resize(8);
        Expected e;
        e.name = f[0];
        e.kind = f[1];
        e.required = f[2] == "yes";
        e.country = f[3];
        if (!f[4].empty()) e.lat = std::stod(f[4]);
        if (!f[5].empty()) e.lon = std::stod(f[5]);
        e.names.insert(extract::word_key(f[0]));
        for (const std::string& a : split(f[6], '|')) e.names.insert(extract::word_key(a));
        for (const std::string& a : split(f[7], '|')) {
            const bool former = a.rfind("former:", 0) == 0;
            e.affiliations.emplace_back(former ? a.substr(7) : a, former);
        }
        out.push_back(std::move(e));
    }
    return out;
}

bool names_match(const Actor& a, const std::set<std::string>& names) {
    if (names.count(extract::word_key(a.name))) return true;
    for (const std::string& alias : a.aliases)
        if (names.count(extract::word_key(alias))) return true;
    return false;
}

/// The seed article with every letter from `first` to `last` moved to the range starting at `to`
/// ('a', 'z', 'A': upper-cased), extracted.
Extraction recased_seed(char first, char last, char to) {
    std::string text = test::read_file(test::source_dir() / "samples/isis-social-media-war.txt");
    for (char& c : text)
        if (c >= first && c <= last) c = static_cast<char>(c - first + to);
    return test::extract_text(text);
}

/// Quotes and statements the seed attributes to its three analysts.
std::size_t analysts_claims(const Extraction& x) {
    std::size_t n = 0;
    for (const Claim& c : x.claims)
        if ((c.kind == ClaimKind::quote || c.kind == ClaimKind::statement) &&
            (c.speaker == "person:alberto-fernandez" || c.speaker == "person:laith-alkhouri" ||
             c.speaker == "person:scott-neil"))
            ++n;
    return n;
}

}  // namespace

TEST_CASE("the seed article's actors match the hand annotation", "[extract][seed]") {
    const std::string path = (test::source_dir() / "samples/isis-social-media-war.txt").string();
    Document doc = extract::text_document(test::read_file(path), path, [](const Diagnostic&) {});
    const Extraction x = extract::extract_document(doc, test::resources());
    const std::vector<Expected> expected = load_annotation();
    REQUIRE(expected.size() > 20);

    // Each annotated actor takes the first produced actor of its kind that bears one of its names;
    // a second one is a duplicate (ISIS must be one actor for all its names).
    std::vector<const Actor*> match(expected.size(), nullptr);
    std::size_t true_positives = 0;
    std::vector<std::string> spurious;
    for (const Actor& a : x.actors) {
        bool matched = false;
        for (std::size_t i = 0; i < expected.size() && !matched; ++i) {
            if (to_string(a.kind) != expected[i].kind || !names_match(a, expected[i].names))
                continue;
            matched = true;
            if (match[i] == nullptr) {
                match[i] = &a;
                ++true_positives;
            } else {
                spurious.push_back(a.id + " (duplicate of " + expected[i].name + ")");
            }
        }
        if (!matched) spurious.push_back(a.id + " \"" + a.name + "\"");
    }
    const double precision =
        x.actors.empty() ? 0.0 : double(true_positives) / double(x.actors.size());
    const double recall = double(true_positives) / double(expected.size());
    std::cout << "seed actors: precision " << precision << " (" << true_positives << "/"
              << x.actors.size() << "), recall " << recall << " (" << true_positives << "/"
              << expected.size() << ")\n";
    for (const std::string& s : spurious) std::cout << "  not in the annotation: " << s << "\n";
    for (std::size_t i = 0; i < expected.size(); ++i)
        if (match[i] == nullptr) std::cout << "  missed: " << expected[i].name << "\n";

    for (std::size_t i = 0; i < expected.size(); ++i) {
        const Expected& e = expected[i];
        INFO("annotated actor: " << e.name);
        if (!e.required) continue;
        REQUIRE(match[i] != nullptr);
        const Actor& a = *match[i];
        if (!e.country.empty()) CHECK(a.country_code == e.country);
        if (e.kind == "place") {
            CHECK(a.lat.has_value());
            CHECK(a.lon.has_value());
        }
        if (e.lat && a.lat) CHECK(std::abs(*a.lat - *e.lat) < 0.5);
        if (e.lon && a.lon) CHECK(std::abs(*a.lon - *e.lon) < 0.5);
        if (e.kind == "person") CHECK(extract::word_key(a.name) == extract::word_key(e.name));
        for (const auto& [org, former] : e.affiliations) {
            INFO("affiliation: " << org);
            bool found = false;
            for (const Role& r : a.roles)
                for (const Actor& o : x.actors)
                    if (o.id == r.organization && r.former == former &&
                        names_match(o, {extract::word_key(org)}))
                        found = true;
            CHECK(found);
        }
        // No duplicates of a required actor (one actor for all the names of ISIS).
        for (const Actor& other : x.actors)
            if (&other != &a && to_string(other.kind) == e.kind)
                CHECK_FALSE(names_match(other, e.names));
    }

    // No actor comes from boilerplate or spam: none is named only in flagged sentences unless
    // the annotation holds it, and no mention touches an injected fragment.
    std::vector<Sentence> sentences = extract::split_sentences(x.document.text);
    std::vector<Diagnostic> diagnostics;
    const std::vector<Span> injected = extract::mark_boilerplate(
        x.document, sentences, test::resources().boilerplate, diagnostics);
    CHECK(injected.size() >= 2);  // the lone spam line and the foreign-script runs
    for (const Actor& a : x.actors) {
        INFO("actor: " << a.id);
        bool in_article = false;
        for (const Mention& m : a.mentions) {
            in_article = in_article || !x.sentences[m.sentence].boilerplate;
            for (const Span& s : injected)
                CHECK_FALSE((m.span.begin < s.end && s.begin < m.span.end));
        }
        bool annotated = false;
        for (const Expected& e : expected) annotated = annotated || names_match(a, e.names);
        CHECK((in_article || annotated));
    }
    CHECK(recall >= 0.9);
    CHECK(precision >= 0.8);
}

TEST_CASE("the seed article in ALL-CAPS keeps its eight attacks and its quotes' speakers",
          "[extract][seed]") {
    const Extraction x = recased_seed('a', 'z', 'A');
    CHECK(x.events.size() == 8);
    REQUIRE_FALSE(x.events.empty());
    REQUIRE(x.events[0].killed);
    CHECK(x.events[0].killed->value == 157);
    CHECK(analysts_claims(x) >= 9);
}

TEST_CASE("the seed article lower-cased keeps its eight attacks and its quotes' speakers",
          "[extract][seed]") {
    const Extraction x = recased_seed('A', 'Z', 'a');
    CHECK(x.events.size() == 8);
    REQUIRE_FALSE(x.events.empty());
    REQUIRE(x.events[0].killed);
    CHECK(x.events[0].killed->value == 157);
    REQUIRE(x.events[0].place);
    CHECK(x.events[0].place->city == "Baghdad");
    CHECK(analysts_claims(x) >= 9);
}
