#include "dates.h"

#include <array>
#include <charconv>
#include <unordered_map>
#include <cstdio>

namespace ekg::extract {
namespace {

struct MonthName {
    std::string_view name;
    int month;
};

constexpr std::array<MonthName, 24> kMonths{{
    {"january", 1}, {"february", 2}, {"march", 3},    {"april", 4},    {"may", 5},
    {"june", 6},    {"july", 7},     {"august", 8},   {"september", 9}, {"october", 10},
    {"november", 11}, {"december", 12}, {"jan", 1},   {"feb", 2},      {"mar", 3},
    {"apr", 4},     {"jun", 6},      {"jul", 7},      {"aug", 8},      {"sep", 9},
    {"sept", 9},    {"oct", 10},     {"nov", 11},     {"dec", 12},
}};

constexpr std::array<std::string_view, 7> kWeekdays = {"monday", "tuesday", "wednesday", "thursday",
                                                       "friday", "saturday", "sunday"};

int month_of(std::string_view w) {
    if (w.size() < 3 || w.size() > 9 || w[0] < 'a' || w[0] > 'z') return 0;
    static const std::unordered_map<std::string_view, int> kByName = [] {
        std::unordered_map<std::string_view, int> m;
        for (const MonthName& n : kMonths) m.emplace(n.name, n.month);
        return m;
    }();
    const auto it = kByName.find(w);
    return it == kByName.end() ? 0 : it->second;
}

int weekday_of(std::string_view w) {
    if (w.size() < 6 || w.size() > 9 || w.back() != 'y') return -1;
    for (std::size_t i = 0; i < kWeekdays.size(); ++i)
        if (w == kWeekdays[i]) return static_cast<int>(i);
    return -1;
}

/// The value of an all-digit word (with an optional ordinal suffix when `ordinal`), or -1.
int digits(std::string_view w, bool ordinal = false) {
    std::size_t n = 0;
    while (n < w.size() && w[n] >= '0' && w[n] <= '9') ++n;
    if (n == 0 || n > 4) return -1;
    if (n != w.size()) {
        const std::string_view rest = w.substr(n);
        if (!ordinal || !(rest == "st" || rest == "nd" || rest == "rd" || rest == "th")) return -1;
    }
    int v = 0;
    std::from_chars(w.data(), w.data() + n, v);
    return v;
}

int days_in_month(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
    return kDays[month - 1];
}

bool valid(int y, int m, int d) {
    return y >= 1000 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

/// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long y = yoe + era * 400;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const long d = doy - (153 * mp + 2) / 5 + 1;
    const long m = mp + (mp < 10 ? 3 : -9);
    return {static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

bool full(const CivilDate& d) { return d.year != 0 && d.month != 0 && d.day != 0; }

bool after(const CivilDate& a, const CivilDate& b) {
    return days_from_civil(a.year, a.month, a.day) > days_from_civil(b.year, b.month, b.day);
}

int expand_year(int y, std::size_t written_digits) {
    if (written_digits == 2) return y >= 50 ? 1900 + y : 2000 + y;
    return y;
}

class Scanner {
public:
    Scanner(const Words& w, std::size_t first, std::size_t last,
            const std::optional<CivilDate>& anchor)
        : w_(w), first_(first), last_(last), anchor_(anchor) {}

    /// Tries every pattern at token i; returns the match or nullopt.
    std::optional<DateMention> at(std::size_t i) const {
        // Dates start with a digit, a month, a weekday, "yesterday", "today", "tonight", "this"
        // or "last": skip every other token at once.
        const std::string_view w = w_[i];
        if (w.empty()) return std::nullopt;
        const char c = w[0];
        if (!(c >= '0' && c <= '9') && month_of(w) == 0 && weekday_of(w) < 0 &&
            !(w == "yesterday" || w == "today" || w == "tonight" || w == "this" || w == "last"))
            return std::nullopt;
        if (auto m = numeric(i)) return m;
        if (auto m = month_first(i)) return m;
        if (auto m = day_first(i)) return m;
        if (auto m = relative(i)) return m;
        if (auto m = bare_year(i)) return m;
        return std::nullopt;
    }

private:
    bool glued_punct(std::size_t i, std::string_view p) const {
        return i < last_ && w_.is(i, p) && w_.glued(i) && w_.glued(i + 1);
    }

    /// "12/31/2016", "1/4/01", "2016-07-03", "31.12.2016".
    std::optional<DateMention> numeric(std::size_t i) const {
        const int a = digits(w_[i]);
        if (a < 0 || i + 4 >= last_) return std::nullopt;
        if (i > first_ && w_.glued(i) && !w_.token(i - 1).word) return std::nullopt;
        for (std::string_view sep : {"/", "-", "."}) {
            if (!(glued_punct(i + 1, sep) && glued_punct(i + 3, sep))) continue;
            const int b = digits(w_[i + 2]);
            const int c = digits(w_[i + 4]);
            if (b < 0 || c < 0) continue;
            DateMention m;
            m.first = i;
            m.last = i + 5;
            if (sep == "-" && w_[i].size() == 4) {  // ISO
                if (!valid(a, b, c)) return std::nullopt;
                m.date = {a, b, c};
                m.rule = "date:iso";
                return m;
            }
            const int year = expand_year(c, w_[i + 4].size());
            if (w_[i + 4].size() != 2 && w_[i + 4].size() != 4) return std::nullopt;
            if (sep != "." && valid(year, a, b)) {
                m.date = {year, a, b};
                m.rule = "date:m/d/y";
            } else if (valid(year, b, a)) {
                m.date = {year, b, a};
                m.rule = "date:d/m/y";
            } else {
                return std::nullopt;
            }
            return m;
        }
        return std::nullopt;
    }

    /// Skips a "." after an abbreviated month ("Dec. 24").
    std::size_t after_month(std::size_t i) const {
        std::size_t j = i + 1;
        if (w_.is(j, ".") && w_[i].size() <= 4) ++j;
        return j;
    }

    /// "July 3, 2016", "July 3 2016", "July 2016", "July 3" (year from the anchor).
    std::optional<DateMention> month_first(std::size_t i) const {
        const int month = month_of(w_[i]);
        if (month == 0) return std::nullopt;
        // "may", "march" are also verbs: in lower case such a month needs a year after it.
        const bool needs_year = !w_.capitalized(i) && !w_.name_cased(i);
        std::size_t j = after_month(i);
        DateMention m;
        m.first = i;
        int day = digits(w_[j], true);
        if (day >= 1 && day <= 31 && w_[j].size() <= 4) {
            std::size_t k = j + 1;
            if (w_.is(k, ",")) ++k;
            const int year = digits(w_[k]);
            if (year >= 1000 && w_[k].size() == 4) {
                if (!valid(year, month, day)) return std::nullopt;
                m.last = k + 1;
                m.date = {year, month, day};
                m.rule = "date:month-day-year";
                return m;
            }
            if (needs_year) return std::nullopt;
            m.last = j + 1;
            return with_anchor_year(m, month, day, "date:month-day");
        }
        if (w_.is(j, ",")) ++j;
        if (w_.is(j, "of")) ++j;
        const int year = digits(w_[j]);
        if (year >= 1000 && w_[j].size() == 4) {
            m.last = j + 1;
            m.date = {year, month, 0};
            m.rule = "date:month-year";
            return m;
        }
        return std::nullopt;
    }

    /// "3 July 2016", "19 February", "the 3rd of July".
    std::optional<DateMention> day_first(std::size_t i) const {
        const int day = digits(w_[i], true);
        if (day < 1 || day > 31) return std::nullopt;
        std::size_t j = i + 1;
        if (w_.is(j, "of")) ++j;
        const int month = month_of(w_[j]);
        if (month == 0) return std::nullopt;
        const bool needs_year = !w_.capitalized(j) && !w_.name_cased(j);
        std::size_t k = after_month(j);
        if (w_.is(k, ",")) ++k;
        DateMention m;
        m.first = i;
        const int year = digits(w_[k]);
        if (year >= 1000 && w_[k].size() == 4) {
            if (!valid(year, month, day)) return std::nullopt;
            m.last = k + 1;
            m.date = {year, month, day};
            m.rule = "date:day-month-year";
            return m;
        }
        if (needs_year) return std::nullopt;
        m.last = j + 1;
        return with_anchor_year(m, month, day, "date:day-month");
    }

    std::optional<DateMention> with_anchor_year(DateMention m, int month, int day,
                                                const char* rule) const {
        if (!anchor_ || anchor_->year == 0) return std::nullopt;
        int year = anchor_->year;
        if (!valid(year, month, day) && !(month == 2 && day == 29)) return std::nullopt;
        CivilDate d{year, month, day};
        if (full(*anchor_) && valid(year, month, day) && after(d, add_days(*anchor_, 1))) --year;
        if (!valid(year, month, day)) return std::nullopt;
        m.date = {year, month, day};
        m.relative = true;
        m.rule = rule;
        return m;
    }

    /// "yesterday", "today", "last night", "on Monday", "last Monday", "Monday night".
    std::optional<DateMention> relative(std::size_t i) const {
        if (!anchor_ || !full(*anchor_)) return std::nullopt;
        DateMention m;
        m.first = i;
        m.last = i + 1;
        m.relative = true;
        if (w_.is(i, "yesterday")) {
            m.date = add_days(*anchor_, -1);
            m.rule = "date:yesterday";
            return m;
        }
        if (w_.any(i, {"today", "tonight"})) {
            m.date = *anchor_;
            m.rule = "date:today";
            return m;
        }
        if (w_.is(i, "this") && w_.any(i + 1, {"morning", "afternoon", "evening"})) {
            m.last = i + 2;
            m.date = *anchor_;
            m.rule = "date:today";
            return m;
        }
        if (w_.is(i, "last") && w_.is(i + 1, "night")) {
            m.last = i + 2;
            m.date = add_days(*anchor_, -1);
            m.rule = "date:last-night";
            return m;
        }
        const bool last = w_.is(i, "last");
        const std::size_t d = last ? i + 1 : i;
        const int wd = weekday_of(w_[d]);
        if (wd < 0) return std::nullopt;
        int back = (weekday(*anchor_) - wd + 7) % 7;
        if (last && back == 0) back = 7;
        m.last = d + 1;
        m.date = add_days(*anchor_, -back);
        m.rule = last ? "date:last-weekday" : "date:weekday";
        return m;
    }

    /// "in 2005", "since 1998": a year alone.
    std::optional<DateMention> bare_year(std::size_t i) const {
        const int year = digits(w_[i]);
        if (year < 1900 || year > 2100 || w_[i].size() != 4) return std::nullopt;
        if (!(i > first_ && w_.any(i - 1, {"in", "of", "during"}))) return std::nullopt;
        DateMention m;
        m.first = i;
        m.last = i + 1;
        m.date = {year, 0, 0};
        m.rule = "date:year";
        return m;
    }

    const Words& w_;
    std::size_t first_, last_;
    const std::optional<CivilDate>& anchor_;
};

}  // namespace

std::string to_iso(const CivilDate& date) {
    if (date.year == 0) return {};
    char buf[16];
    if (date.month == 0) std::snprintf(buf, sizeof buf, "%04d", date.year);
    else if (date.day == 0) std::snprintf(buf, sizeof buf, "%04d-%02d", date.year, date.month);
    else std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buf;
}

std::optional<CivilDate> parse_iso_date(std::string_view text) {
    const auto number = [&](std::size_t pos, std::size_t len) -> int {
        if (text.size() < pos + len) return -1;
        int v = 0;
        for (std::size_t i = pos; i < pos + len; ++i) {
            if (text[i] < '0' || text[i] > '9') return -1;
            v = v * 10 + (text[i] - '0');
        }
        return v;
    };
    const int y = number(0, 4);
    if (y < 1000) return std::nullopt;
    if (text.size() == 4) return CivilDate{y, 0, 0};
    if (text.size() < 7 || text[4] != '-') return std::nullopt;
    const int m = number(5, 2);
    if (m < 1 || m > 12) return std::nullopt;
    if (text.size() == 7) return CivilDate{y, m, 0};
    if (text[7] != '-') return std::nullopt;
    const int d = number(8, 2);
    if (!valid(y, m, d)) return std::nullopt;
    if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return std::nullopt;
    return CivilDate{y, m, d};
}

CivilDate add_days(const CivilDate& date, int days) {
    return civil_from_days(days_from_civil(date.year, date.month, date.day) + days);
}

int weekday(const CivilDate& date) {
    const long z = days_from_civil(date.year, date.month, date.day);
    // 1970-01-01 was a Thursday (3 with Monday = 0).
    return static_cast<int>(((z % 7) + 7 + 3) % 7);
}

std::vector<DateMention> find_dates(const Words& words, std::size_t first, std::size_t last,
                                    const std::optional<CivilDate>& anchor) {
    std::vector<DateMention> out;
    const Scanner scanner(words, first, last, anchor);
    for (std::size_t i = first; i < last;) {
        if (auto m = scanner.at(i); m && m->last <= last) {
            i = m->last;
            out.push_back(std::move(*m));
        } else {
            ++i;
        }
    }
    return out;
}

std::optional<DateMention> leading_date(const Words& words) {
    const std::size_t end = std::min<std::size_t>(words.size(), 8);
    const std::optional<CivilDate> none;
    const Scanner scanner(words, 0, end, none);
    auto m = scanner.at(0);
    if (!m || m->relative || !words.any(m->last, {":", "-"})) return std::nullopt;
    m->rule = "date:leading";
    return m;
}

}  // namespace ekg::extract
