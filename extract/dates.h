// Dates in text: absolute ("12/31/2016", "July 3, 2016", "3 July 2016", "July 2016") and
// relative to the document's date ("yesterday", "on Monday", "last night").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "figures.h"

namespace ekg::extract {

/// A calendar date; month and day are 0 when the text does not give them.
struct CivilDate {
    int year = 0;
    int month = 0;
    int day = 0;
    friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

/// "2016-07-03", "2016-07" or "2016" (ISO 8601 at the precision known); empty when no year.
std::string to_iso(const CivilDate& date);

/// Reads a document date as inputs give it: ISO 8601 ("2016-07-04", "2016-07-04T10:00:00Z",
/// "2016-07", "2016"). Returns nullopt for anything else.
std::optional<CivilDate> parse_iso_date(std::string_view text);

/// The date `days` days after (or before, when negative) a full date.
CivilDate add_days(const CivilDate& date, int days);

/// Day of the week of a full date, 0 = Monday ... 6 = Sunday.
int weekday(const CivilDate& date);

/// A date expression found in the text.
struct DateMention {
    std::size_t first = 0;  ///< token range [first, last)
    std::size_t last = 0;
    CivilDate date;
    bool relative = false;  ///< resolved against the anchor date
    std::string rule;       ///< "date:m/d/y", "date:month-day-year", "date:weekday", ...
};

/// Finds the date expressions in tokens [first, last). Relative ones ("yesterday", "on Monday",
/// "July 4" without a year) are resolved against `anchor` (the document's date, or the date a
/// summary opens with) and skipped when there is no anchor; they never resolve to a date after
/// the anchor. A bare year counts only after "in", "of" or "since" ("in 2005").
std::vector<DateMention> find_dates(const Words& words, std::size_t first, std::size_t last,
                                    const std::optional<CivilDate>& anchor);

/// The date a summary opens with, followed by a colon: "01/15/2014: Assailants ...".
std::optional<DateMention> leading_date(const Words& words);

}  // namespace ekg::extract
