#include "dates.h"

#include <catch2/catch.hpp>

using namespace ekg::extract;

namespace {

/// The dates of `text`, as ISO strings with their rules.
std::vector<std::pair<std::string, std::string>> dates_in(const std::string& text,
                                                          std::optional<CivilDate> anchor = {}) {
    const FoldedText folded = fold(text);
    const std::vector<Token> tokens = tokenize(folded);
    const Words words(text, folded, tokens);
    std::vector<std::pair<std::string, std::string>> out;
    for (const DateMention& m : find_dates(words, 0, tokens.size(), anchor))
        out.emplace_back(to_iso(m.date), m.rule);
    return out;
}

std::string first_date(const std::string& text, std::optional<CivilDate> anchor = {}) {
    const auto all = dates_in(text, anchor);
    return all.empty() ? std::string() : all.front().first;
}

}  // namespace

TEST_CASE("numeric dates read month first, or day first when the month cannot be first",
          "[extract][dates]") {
    CHECK(first_date("It happened on 12/31/2016 in the city.") == "2016-12-31");
    CHECK(first_date("It happened on 1/4/2001.") == "2001-01-04");
    CHECK(first_date("It happened on 25/12/2015.") == "2015-12-25");
    CHECK(first_date("Filed 2016-07-03 by the desk.") == "2016-07-03");
    CHECK(dates_in("on 12/31/2016")[0].second == "date:m/d/y");
}

TEST_CASE("written dates read in both orders and at the precision given", "[extract][dates]") {
    CHECK(first_date("The attack on July 3, 2016 was the worst.") == "2016-07-03");
    CHECK(first_date("The attack on 3 July 2016 was the worst.") == "2016-07-03");
    CHECK(first_date("The attack in July 2016 was the worst.") == "2016-07");
    CHECK(first_date("The attack on Dec. 24, 2004 was the worst.") == "2004-12-24");
    CHECK(first_date("Officials may 5 times review it.").empty());
}

TEST_CASE("dates without a year take the anchor's year and never lie after it", "[extract][dates]") {
    CHECK(first_date("The mayor was killed on the evening of Dec 24.", CivilDate{2004, 12, 30}) ==
          "2004-12-24");
    CHECK(first_date("It was claimed on 19 February.", CivilDate{2003, 2, 21}) == "2003-02-19");
    CHECK(first_date("The vote on July 4 went ahead.", CivilDate{2016, 1, 10}) == "2015-07-04");
    CHECK(first_date("The vote on July 4 went ahead.").empty());
}

TEST_CASE("relative dates resolve against the document date", "[extract][dates]") {
    const CivilDate wednesday{2016, 7, 6};
    CHECK(first_date("Gunmen attacked the post on Monday.", wednesday) == "2016-07-04");
    CHECK(first_date("Gunmen attacked the post yesterday.", wednesday) == "2016-07-05");
    CHECK(first_date("Gunmen attacked the post last night.", wednesday) == "2016-07-05");
    CHECK(first_date("Gunmen attacked the post last Wednesday.", wednesday) == "2016-06-29");
    CHECK(first_date("Gunmen attacked the post today.", wednesday) == "2016-07-06");
    CHECK(dates_in("on Monday", wednesday)[0].second == "date:weekday");
    CHECK(first_date("Gunmen attacked the post on Monday.").empty());
}

TEST_CASE("a year alone counts only after in, of or during", "[extract][dates]") {
    CHECK(first_date("The group was founded in 2005.") == "2005");
    CHECK(first_date("Route 2005 was closed.").empty());
}

TEST_CASE("a summary that opens with a date and a colon has a leading date", "[extract][dates]") {
    const std::string text = "01/15/2014: Assailants attacked a post.";
    const FoldedText folded = fold(text);
    const std::vector<Token> tokens = tokenize(folded);
    const auto lead = leading_date(Words(text, folded, tokens));
    REQUIRE(lead);
    CHECK(to_iso(lead->date) == "2014-01-15");
    CHECK(lead->rule == "date:leading");
    const std::string plain = "Assailants attacked a post on 01/15/2014.";
    const FoldedText f2 = fold(plain);
    const std::vector<Token> t2 = tokenize(f2);
    CHECK_FALSE(leading_date(Words(plain, f2, t2)));
}

TEST_CASE("document dates parse at any ISO precision", "[extract][dates]") {
    CHECK(parse_iso_date("2016-07-04") == CivilDate{2016, 7, 4});
    CHECK(parse_iso_date("2016-07-04T10:00:00Z") == CivilDate{2016, 7, 4});
    CHECK(parse_iso_date("2016-07") == CivilDate{2016, 7, 0});
    CHECK(parse_iso_date("2016") == CivilDate{2016, 0, 0});
    CHECK_FALSE(parse_iso_date("July 4"));
    CHECK_FALSE(parse_iso_date("2016-02-30"));
    CHECK(to_iso(CivilDate{2016, 7, 0}) == "2016-07");
}

TEST_CASE("calendar arithmetic crosses months, years and leap days", "[extract][dates]") {
    CHECK(add_days(CivilDate{2016, 3, 1}, -1) == CivilDate{2016, 2, 29});
    CHECK(add_days(CivilDate{2016, 12, 31}, 1) == CivilDate{2017, 1, 1});
    CHECK(weekday(CivilDate{2016, 7, 4}) == 0);  // a Monday
    CHECK(weekday(CivilDate{2000, 1, 1}) == 5);  // a Saturday
}

TEST_CASE("in all-lower-case text months read as dates, and may or march only with a year",
          "[extract][dates]") {
    FingerprintSet common;
    for (const char* w : {"the", "on", "may", "march", "they", "troops", "miles", "more", "in"})
        common.insert(FingerprintSet::of(w));
    const auto lower_dates = [&](const std::string& text) {
        const FoldedText folded = fold(text);
        const std::vector<Token> tokens = tokenize(folded);
        const std::vector<std::uint8_t> caps =
            capitals(text, folded, tokens, CaseStyle::lower, common);
        const Words words(text, folded, tokens, &caps);
        std::vector<std::string> out;
        for (const DateMention& m : find_dates(words, 0, tokens.size(), CivilDate{2016, 7, 4}))
            out.push_back(to_iso(m.date));
        return out;
    };
    CHECK(lower_dates("the attack on july 3, 2016 in the north") ==
          std::vector<std::string>{"2016-07-03"});
    CHECK(lower_dates("the attack on may 3, 2016 in the north") ==
          std::vector<std::string>{"2016-05-03"});
    CHECK(lower_dates("the attack in march 2015 in the north") ==
          std::vector<std::string>{"2015-03"});
    CHECK(lower_dates("the attack on july 3 in the north") ==
          std::vector<std::string>{"2016-07-03"});
    CHECK(lower_dates("they may 3 more, troops march 5 miles").empty());
}
