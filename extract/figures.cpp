#include "figures.h"

#include <array>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace ekg::extract {
namespace {

bool all_digits(std::string_view w) {
    if (w.empty()) return false;
    for (char c : w)
        if (c < '0' || c > '9') return false;
    return true;
}

struct NumberWord {
    std::string_view word;
    std::int64_t value;
};

constexpr std::array<NumberWord, 28> kSmall{{
    {"zero", 0},      {"one", 1},        {"two", 2},        {"three", 3},     {"four", 4},
    {"five", 5},      {"six", 6},        {"seven", 7},      {"eight", 8},     {"nine", 9},
    {"ten", 10},      {"eleven", 11},    {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15},  {"sixteen", 16},   {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
    {"twenty", 20},   {"thirty", 30},    {"forty", 40},     {"fifty", 50},    {"sixty", 60},
    {"seventy", 70},  {"eighty", 80},    {"ninety", 90},
}};

std::optional<std::int64_t> small_number(std::string_view w) {
    for (const NumberWord& n : kSmall)
        if (w == n.word) return n.value;
    return std::nullopt;
}

std::optional<std::int64_t> scale_word(std::string_view w) {
    if (w == "hundred") return 100;
    if (w == "thousand") return 1000;
    if (w == "million") return 1000000;
    return std::nullopt;
}

/// Qualifier phrases that may precede a number, longest first within each first word.
struct QualifierPhrase {
    std::array<std::string_view, 3> words;
    Qualifier qualifier;
};

constexpr std::array<QualifierPhrase, 25> kQualifiers{{
    {{"at", "least", ""}, Qualifier::at_least},
    {{"a", "minimum", "of"}, Qualifier::at_least},
    {{"more", "than", ""}, Qualifier::more_than},
    {{"over", "", ""}, Qualifier::more_than},
    {{"upwards", "of", ""}, Qualifier::more_than},
    {{"in", "excess", "of"}, Qualifier::more_than},
    {{"as", "many", "as"}, Qualifier::at_most},
    {{"up", "to", ""}, Qualifier::at_most},
    {{"at", "most", ""}, Qualifier::at_most},
    {{"no", "more", "than"}, Qualifier::at_most},
    {{"not", "more", "than"}, Qualifier::at_most},
    {{"less", "than", ""}, Qualifier::at_most},
    {{"fewer", "than", ""}, Qualifier::at_most},
    {{"about", "", ""}, Qualifier::about},
    {{"around", "", ""}, Qualifier::about},
    {{"approximately", "", ""}, Qualifier::about},
    {{"roughly", "", ""}, Qualifier::about},
    {{"some", "", ""}, Qualifier::about},
    {{"nearly", "", ""}, Qualifier::about},
    {{"almost", "", ""}, Qualifier::about},
    {{"close", "to", ""}, Qualifier::about},
    {{"an", "estimated", ""}, Qualifier::about},
    {{"estimated", "", ""}, Qualifier::about},
    {{"a", "total", "of"}, Qualifier::exact},
    {{"approx", "", ""}, Qualifier::about},
}};

/// Words that can begin a number or its qualifier.
bool number_start(std::string_view w) {
    static const std::unordered_set<std::string_view> kStarts = [] {
        std::unordered_set<std::string_view> set = {"a", "half", "both", "dozens", "hundreds",
                                                    "thousands"};
        for (const NumberWord& n : kSmall) set.insert(n.word);
        for (const QualifierPhrase& q : kQualifiers) set.insert(q.words[0]);
        return set;
    }();
    return kStarts.count(w) > 0;
}

/// No figure is larger: a bigger number is not a count of people, and the cap keeps every
/// product and sum of figures far from int64 overflow (found by fuzz_extract_document).
constexpr std::int64_t kMaxFigure = 1'000'000'000'000;

/// Reads the number proper (no qualifier) at token i.
std::optional<Number> read_core(const Words& w, std::size_t i, std::size_t end) {
    if (i >= end) return std::nullopt;
    Number n;
    n.first = n.digits_first = i;
    const std::string_view first = w[i];
    if (all_digits(first)) {
        // Part of a date, a time, a code or a model name ("1/4/2001", "10:30", "AK-47").
        if (w.glued(i) && w.any(i - 1, {"/", ":", "-", "."})) return std::nullopt;
        if (i + 2 < end && w.glued(i + 1) && w.any(i + 1, {"/", ":"}) && all_digits(w[i + 2]))
            return std::nullopt;
        if (i + 1 < end && w.glued(i + 1) && w.token(i + 1).word) return std::nullopt;  // "9mm"
        if (first.size() > 12) return std::nullopt;
        std::int64_t value = 0;
        for (char c : first) value = value * 10 + (c - '0');
        std::size_t j = i + 1;
        // Thousands separators: "1,400", "12,000,000".
        while (j + 1 < end && w.is(j, ",") && w.glued(j) && w.glued(j + 1) && w[j + 1].size() == 3 &&
               all_digits(w[j + 1]) && first.size() <= 3) {
            for (char c : w[j + 1]) value = value * 10 + (c - '0');
            if (value > kMaxFigure) return std::nullopt;
            j += 2;
        }
        double fraction = 0.0;
        if (j + 1 < end && w.is(j, ".") && w.glued(j) && w.glued(j + 1) && all_digits(w[j + 1])) {
            // "1.5 million": only with a scale word after it.
            if (!scale_word(w[j + 2])) return std::nullopt;
            double f = 0.1;
            for (char c : w[j + 1]) {
                fraction += f * (c - '0');
                f /= 10;
            }
            j += 2;
        }
        if (const auto scale = scale_word(w[j]); scale && j < end) {
            const double scaled = (static_cast<double>(value) + fraction) * static_cast<double>(*scale);
            if (scaled > static_cast<double>(kMaxFigure)) return std::nullopt;
            value = static_cast<std::int64_t>(scaled);
            ++j;
        }
        n.last = j;
        n.value = value;
        return n;
    }
    // Number words.
    std::int64_t total = 0, current = 0;
    bool any = false, last_was_hundred = false;
    std::size_t j = i;
    if (w.is(j, "half") && w.is(j + 1, "a") && w.is(j + 2, "dozen")) {
        n.last = j + 3;
        n.value = 6;
        n.spelled = true;
        return n;
    }
    if (w.is(j, "a") && (w.is(j + 1, "dozen") || scale_word(w[j + 1]))) {
        current = 1;
        any = true;
        ++j;
    }
    if (w.is(j, "both") && !any) {
        n.last = j + 1;
        n.value = 2;
        n.spelled = true;
        return n;
    }
    if (w.any(j, {"dozens", "hundreds", "thousands"}) && !any) {
        n.last = j + 1;
        n.value = w.is(j, "dozens") ? 24 : w.is(j, "hundreds") ? 200 : 2000;
        n.qualifier = Qualifier::about;
        n.spelled = true;
        if (w.is(n.last, "of")) ++n.last;
        return n;
    }
    while (j < end) {
        const std::string_view word = w[j];
        if (const auto v = small_number(word)) {
            // "twenty five" / "twenty-five" but not "five twenty".
            if (any && (current % 100) != 0 && !(current % 10 == 0 && *v < 10 && current % 100 >= 20))
                break;
            current += *v;
            any = true;
            last_was_hundred = false;
            ++j;
            if (w.is(j, "-") && small_number(w[j + 1]) && *v >= 20) ++j;
            continue;
        }
        if (current > kMaxFigure || total > kMaxFigure) return std::nullopt;
        if (word == "dozen" && any) {
            current = (current == 0 ? 1 : current) * 12;
            ++j;
            continue;
        }
        if (const auto scale = scale_word(word); scale && any) {
            if (*scale == 100) {
                current = (current == 0 ? 1 : current) * 100;
                last_was_hundred = true;
            } else {
                total += (current == 0 ? 1 : current) * *scale;
                current = 0;
                last_was_hundred = false;
            }
            ++j;
            continue;
        }
        if (word == "and" && last_was_hundred && small_number(w[j + 1])) {
            ++j;
            continue;
        }
        break;
    }
    if (!any || current > kMaxFigure || total > kMaxFigure) return std::nullopt;
    n.last = j;
    n.value = total + current;
    n.spelled = true;
    return n;
}

constexpr std::array<std::string_view, 24> kMonths = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"};

bool is_month(std::string_view w) {
    for (std::string_view m : kMonths)
        if (w == m) return true;
    return false;
}

/// True when the number is used as a count of something, not a year, time, age or measure.
bool is_count(const Words& w, const Number& n) {
    const std::string_view next = w[n.last];
    if (one_of(next, {"year", "years", "yr", "yrs", "month", "months", "week", "weeks", "day", "days",
                      "hour", "hours", "hrs", "minute", "minutes", "mins", "second", "seconds", "am",
                      "pm", "a", "gmt", "utc", "local", "meter", "meters", "metre", "metres", "m",
                      "km", "kms", "kilometer", "kilometers", "kilometre", "kilometres", "mile",
                      "miles", "feet", "foot", "ft", "yards", "kg", "kgs", "kilogram", "kilograms",
                      "kilo", "kilos", "pound", "pounds", "lbs", "ton", "tons", "tonnes", "gram",
                      "grams", "percent", "per", "%", "times", "o", "mm", "cm", "inch", "inches",
                      "liters", "litres", "gallons", "rounds", "bullets", "shots", "storey",
                      "story", "floors", "th", "st", "nd", "rd", "old", "dollars", "usd", "euros",
                      "rupees", "hundredths", "fold", "'"}))
        return false;
    if (is_month(next) || (n.first > 0 && is_month(w[n.first - 1]))) return false;
    if (next == "-" && w.any(n.last + 1, {"year", "years", "month", "months", "day", "week", "hour",
                                          "minute", "kg", "km", "meter", "metre", "foot", "pound",
                                          "ton", "storey", "story", "mile", "yard", "metres",
                                          "meters", "mph", "inch", "second", "point", "man",
                                          "strong", "member", "page"}))
        return false;  // "24-year-old", "500-kg", "a 20-yard shot", "a 15-man squad"
    // "at 1300", "No. 5", "Route 60": digits after these words are no counts.
    if (!n.spelled && n.first > 0 &&
        w.any(n.first - 1, {"at", "$", "no", "number", "route", "highway", "rs", "page", "section",
                            "article", "resolution", "flight", "-", "#"}))
        return false;
    if (!n.spelled && n.value >= 1900 && n.value <= 2100 && w[n.digits_first].size() == 4) return false;
    // "a father of three".
    if (n.first > 1 && w.is(n.first - 1, "of") &&
        w.any(n.first - 2, {"father", "mother", "parent", "grandfather", "grandmother"}))
        return false;
    // An age after a name: "Meshaal al-Tamo, 53, a rights activist", "Sofer 39, of Beersheba".
    if (!n.spelled && n.first > 0 && n.value < 120 && w.is(n.last, ",") &&
        (w.is(n.first - 1, ",") || w.name_cased(n.first - 1)))
        return false;
    if (w.is(n.last, ",") && n.last + 1 < w.size() && all_digits(w[n.last + 1]) &&
        w[n.last + 1].size() == 4)
        return false;  // "July 3, 2016"
    return true;
}

/// Words between a subject and its casualty verb: auxiliaries, adverbs, "shot and".
bool is_filler(std::string_view w) {
    return one_of(w, {"were", "was", "been", "have", "has", "had", "are", "is", "be", "being", "also",
                      "reportedly", "allegedly", "later", "subsequently", "all", "both", "critically",
                      "seriously", "slightly", "severely", "fatally", "mortally", "gravely", "badly",
                      "lightly", "instantly", "immediately", "shot", "stabbed", "beaten", "who",
                      "reported", "confirmed", "believed", "to", "said", "say", "then", "eventually",
                      "initially", "apparently", "each", "either", "not", "only", "injured",
                      "wounded", "hacked", "burned", "burnt", "gunned", "down", "allegedly",
                      "sustained", "suffered", "received", "minor", "serious", "severe", "critical",
                      "multiple", "gunshot", "bullet", "shrapnel", "fatal", "life", "threatening"});
}

/// Words that end a backward search for a subject.
bool is_stop(const Words& w, std::size_t i) {
    const Token& t = w.token(i);
    if (!t.word) return !w.any(i, {",", "-", "'", "(", ")"});
    return w.any(i, {"when", "while", "after", "before", "because", "since", "but", "which",
                     "where", "killing", "wounding", "injuring", "leaving", "killed", "wounded",
                     "injured", "died", "dead", "said", "says", "by", "with", "from", "than",
                     "whereas", "although", "though", "if", "however", "whom", "whose", "during",
                     "following", "later", "then", "hurt", "deaths"});
}

/// The verb forms that take the victims as object ("killing two soldiers").
enum class Form { active, either, passive, noun, toll };

struct Keyword {
    std::string_view word;
    Toll toll;
    Form form;
};

constexpr std::array<Keyword, 41> kKeywords{{
    {"killed", Toll::killed, Form::either},   {"kills", Toll::killed, Form::active},
    {"killing", Toll::killed, Form::active},  {"died", Toll::killed, Form::passive},
    {"dead", Toll::killed, Form::either},    {"deaths", Toll::killed, Form::noun},
    {"death", Toll::killed, Form::noun},      {"fatalities", Toll::killed, Form::noun},
    {"murdered", Toll::killed, Form::either}, {"slain", Toll::killed, Form::passive},
    {"perished", Toll::killed, Form::passive}, {"executed", Toll::killed, Form::either},
    {"beheaded", Toll::killed, Form::either}, {"massacred", Toll::killed, Form::active},
    {"lives", Toll::killed, Form::noun},      {"toll", Toll::killed, Form::toll},
    {"killings", Toll::killed, Form::noun},   {"martyred", Toll::killed, Form::passive},
    {"wounded", Toll::wounded, Form::either}, {"wounding", Toll::wounded, Form::active},
    {"wounds", Toll::wounded, Form::passive}, {"injured", Toll::wounded, Form::either},
    {"injuring", Toll::wounded, Form::active}, {"injuries", Toll::wounded, Form::noun},
    {"injury", Toll::wounded, Form::noun},    {"hurt", Toll::wounded, Form::either},
    {"hurting", Toll::wounded, Form::active}, {"hospitalized", Toll::wounded, Form::passive},
    {"hospitalised", Toll::wounded, Form::passive}, {"injures", Toll::wounded, Form::active},
    {"dies", Toll::killed, Form::passive},    {"casualties", Toll::wounded, Form::noun},
    {"harmed", Toll::wounded, Form::passive}, {"kill", Toll::killed, Form::active},
    {"injure", Toll::wounded, Form::active},  {"wound", Toll::wounded, Form::active},
    {"assassinated", Toll::killed, Form::either}, {"decapitated", Toll::killed, Form::either},
    {"shot", Toll::wounded, Form::either},    {"beaten", Toll::wounded, Form::passive},
    {"die", Toll::killed, Form::passive},
}};

const Keyword* keyword_of(std::string_view w) {
    static const std::unordered_map<std::string_view, const Keyword*> kByWord = [] {
        std::unordered_map<std::string_view, const Keyword*> m;
        for (const Keyword& k : kKeywords) m.emplace(k.word, &k);
        return m;
    }();
    static const WordFilter kFilter = [] {
        WordFilter f;
        for (const Keyword& k : kKeywords) f.add(k.word);
        return f;
    }();
    if (!kFilter.may_contain(w)) return nullptr;  // most words: no hashing
    const auto it = kByWord.find(w);
    return it == kByWord.end() ? nullptr : it->second;
}

bool is_keyword(std::string_view w) { return keyword_of(w) != nullptr; }

Qualifier merge(Qualifier a, Qualifier b) { return a == Qualifier::exact ? b : a; }

/// Nouns after a determiner that name no person ("killed the day before").
bool is_non_person(std::string_view w) {
    return one_of(w, {"day", "night", "morning", "evening", "afternoon", "attack", "blast", "explosion",
                      "incident", "area", "city", "town", "village", "building", "vehicle", "car",
                      "bus", "road", "time", "same", "following", "next", "previous", "first",
                      "second", "last", "process", "bomb", "device", "fire", "way", "scene", "spot",
                      "place", "site", "operation", "clash", "clashes", "attacks", "week", "month",
                      "year", "hour", "hours", "house", "home", "station", "market", "region",
                      "district", "province", "country", "government", "state", "group", "army",
                      "police", "military", "forces", "other", "others", "rest", "majority", "total",
                      "number", "nation", "people", "world", "deal", "project", "plan", "idea"});
}

/// Words after "to" that make an infinitive an intention, not a fact ("tried to kill").
bool is_intention(std::string_view w) {
    return one_of(w, {"attempt", "attempted", "attempting", "attempts", "tried", "trying", "try",
                      "tries", "plot", "plotted", "plotting", "plan", "planned", "planning", "plans",
                      "intended", "intending", "threatened", "threatening", "threat", "vowed",
                      "wanted", "sought", "aim", "aimed", "order", "ordered", "failed", "conspiracy",
                      "conspiring", "order", "bid"});
}

class Finder {
public:
    Finder(const Words& w, std::size_t first, std::size_t last, const std::vector<std::uint8_t>& tags)
        : w_(w), first_(first), last_(last), tags_(tags) {
        // Most sentences say nothing of casualties: read numbers only where one might.
        for (std::size_t i = first; i < last && !any_keyword_; ++i)
            any_keyword_ = keyword_of(w[i]) != nullptr;
        if (!any_keyword_) return;
        ends_.assign(last - first, kNone);
        starts_.assign(last - first, kNone);
        for (std::size_t i = first; i < last;) {
            auto n = read_number(w, i, last);
            if (!n || !is_count(w, *n)) {
                ++i;
                continue;
            }
            const auto index = numbers_.size();
            numbers_.push_back(*n);
            starts_[n->first - first] = index;
            ends_[n->last - 1 - first] = index;
            // "and the two militants": the number proper may start after its determiner.
            if (n->digits_first != n->first) starts_[n->digits_first - first] = index;
            i = n->last;
        }
    }

    std::vector<CasualtyFigure> run() {
        if (!any_keyword_) return {};
        for (std::size_t k = first_; k < last_; ++k) {
            const Keyword* kw = keyword_of(w_[k]);
            if (kw == nullptr) continue;
            Toll toll = kw->toll;
            Form form = kw->form;
            if (toll == Toll::wounded && k > first_ && w_.any(k - 1, {"fatally", "mortally"}))
                toll = Toll::killed;
            if (kw->word == "death") {
                if (k > first_ && w_.is(k - 1, "to")) form = Form::passive;  // "beaten to death"
                else if (!w_.is(k + 1, "of")) continue;
            }
            if (kw->word == "lives" && !(k > first_ && w_.any(k - 1, {"their", "the"}))) continue;
            if (one_of(kw->word, {"shot", "beaten"})) {
                // "shot a policeman" wounds; "shot and killed", "shot dead" are counted as deaths.
                bool dies = false;
                for (std::size_t x = k + 1; x < last_ && x < k + 8; ++x)
                    dies = dies || w_.any(x, {"killed", "killing", "dead", "death", "died", "dies"});
                if (dies || w_.any(k + 1, {"at", "down", "up", "by"})) continue;
            }
            if (one_of(kw->word, {"kill", "injure", "wound"})) {
                // "detonated a car bomb to kill 23 civilians"; not "tried to kill".
                if (!(k > first_ && w_.is(k - 1, "to"))) continue;
                bool intention = false;
                for (std::size_t b = k - 1; b > first_ && k - b < 5; --b)
                    intention = intention || is_intention(w_[b - 1]);
                if (intention) continue;
            }
            if (zero_statement(k, toll)) continue;
            switch (form) {
                case Form::toll: death_toll(k); break;
                case Form::active: object_figure(k, toll); break;
                case Form::either:
                    if (!object_figure(k, toll)) subject_figure(k, toll, true);
                    break;
                case Form::passive: subject_figure(k, toll, false); break;
                case Form::noun: noun_figure(k, toll); break;
            }
        }
        in_addition_to_attackers();
        return std::move(out_);
    }

private:
    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

    const Number* number_at(std::size_t i) const {
        if (i < first_ || i >= last_ || starts_[i - first_] == kNone) return nullptr;
        return &numbers_[starts_[i - first_]];
    }
    const Number* number_ending_at(std::size_t i) const {
        if (i < first_ || i >= last_ || ends_[i - first_] == kNone) return nullptr;
        return &numbers_[ends_[i - first_]];
    }
    std::uint8_t tag(std::size_t i) const { return i < tags_.size() ? tags_[i] : 0; }
    bool is_determiner(std::size_t i) const {
        return w_.any(i, {"a", "an", "the", "his", "her", "their", "its", "another", "one"});
    }

    void emit(Toll toll, std::int64_t value, Qualifier q, std::size_t from, std::size_t to,
              std::size_t keyword, const std::string& rule, bool additive = false, bool zero = false,
              bool perpetrators = false) {
        CasualtyFigure f;
        f.toll = toll;
        f.figure.value = value;
        f.figure.qualifier = q;
        f.figure.span = w_.span(from, to);
        f.figure.text = std::string(w_.text(from, to));
        f.figure.rule = rule;
        f.keyword = keyword;
        f.additive = additive;
        f.zero = zero;
        f.perpetrators = perpetrators;
        out_.push_back(std::move(f));
    }

    /// "no one was hurt", "no casualties were reported", "without injuries".
    bool zero_statement(std::size_t k, Toll toll) {
        std::size_t j = k;
        while (j > first_ && is_filler(w_[j - 1]) && k - j < 4) --j;
        if (j > first_ && w_.any(j - 1, {"nobody", "none", "noone"})) {
            emit(toll, 0, Qualifier::exact, j - 1, k + 1, k, "figure:zero:nobody", false, true);
            return true;
        }
        if (j > first_ + 1 && w_.is(j - 1, "one") && w_.any(j - 2, {"no", "not"})) {
            emit(toll, 0, Qualifier::exact, j - 2, k + 1, k, "figure:zero:no-one", false, true);
            return true;
        }
        if (j > first_ && j < k && w_.is(j - 1, "no")) {  // "No was injured": a dropped "one"
            emit(toll, 0, Qualifier::exact, j - 1, k + 1, k, "figure:zero:no-one", false, true);
            return true;
        }
        // "no casualties", "no reported injuries", "no damage or casualties", "without casualties".
        for (std::size_t b = k; b > first_ && k - b < 5; --b) {
            const std::string_view p = w_[b - 1];
            if (p == "no" || p == "without" || p == "zero") {
                if (w_.is(k + 1, "of") || w_.any(b, {"one", "sign", "word", "claim"})) break;
                const bool both = w_.is(k, "casualties");
                emit(toll, 0, Qualifier::exact, b - 1, k + 1, k, "figure:zero:no-casualties", false,
                     true);
                if (both) emit(Toll::killed, 0, Qualifier::exact, b - 1, k + 1, k,
                               "figure:zero:no-casualties", false, true);
                return true;
            }
            if ((!w_.token(b - 1).word && p != ",") || one_of(p, {"and", "but", "however", "while"}))
                break;
        }
        return false;
    }

    /// "death toll rose to 157", "a toll of 12".
    void death_toll(std::size_t k) {
        for (std::size_t j = k + 1; j < last_ && j < k + 7; ++j) {
            if (const Number* n = number_at(j)) {
                emit(Toll::killed, n->value, n->qualifier, k > first_ && w_.is(k - 1, "death") ? k - 1 : k,
                     n->last, k, "figure:death-toll");
                return;
            }
            if (!w_.any(j, {"has", "had", "have", "rose", "risen", "reached", "reaches", "climbed",
                            "climbs", "stood", "stands", "is", "was", "now", "jumped", "increased",
                            "to", "at", "of", "rises", "hit", "hits", "touched", "further",
                            "officially", "climbing", "rising", "reaching"}))
                return;
        }
    }

    /// One counted item of an object list at `j`: a number with its noun ("two soldiers"), a
    /// singular person ("a policeman", "the assailant", "his bodyguard") or a name.
    /// Returns the token after the item, or kNone.
    std::size_t object_item(std::size_t j, std::int64_t& value, Qualifier& q, bool& attackers) const {
        std::size_t start = j;
        if (is_determiner(j) && !w_.is(j, "one") && number_at(j + 1)) ++start;  // "the two assailants"
        if (const Number* n = number_at(start)) {
            value = n->value;
            q = n->qualifier;
            return skip_noun_phrase(n->last, attackers);
        }
        if (w_.any(j, {"himself", "herself"})) {  // "killed himself and eight others"
            value = 1;
            attackers = true;
            return j + 1;
        }
        if (tag(j) & kTagPersonName) {
            std::size_t next = j;
            while (next < last_ && (tag(next) & kTagPersonName)) ++next;
            value = 1;
            return next;
        }
        const bool det = is_determiner(j);
        const std::size_t h = det ? j + 1 : j;
        // The head: the last word of the noun phrase, before a preposition, comma or clause word.
        std::size_t head = kNone;
        for (std::size_t x = h; x < last_ && x < h + 4; ++x) {
            if (!w_.token(x).word || w_.any(x, {"and", "or", "in", "at", "on", "near", "of", "who",
                                                "when", "while", "with", "as", "inside", "outside",
                                                "from", "by", "during", "after", "before", "to",
                                                "including", "along", "but", "were", "was"}) ||
                is_keyword(w_[x]))
                break;
            if (tag(x) & kTagPersonName) {
                head = x;
                while (head + 1 < last_ && (tag(head + 1) & kTagPersonName)) ++head;
                break;
            }
            head = x;
            if (tag(x) & kTagSingular) break;
        }
        if (head == kNone) return kNone;
        const bool person = (tag(head) & (kTagSingular | kTagPersonName)) != 0;
        if (!person) {
            // Any noun after a determiner counts as one person only when nothing says otherwise.
            if (!det || (tag(head) & kTagPerson) || is_non_person(w_[head]) ||
                w_.any(j, {"their", "its"}))
                return kNone;
            const std::string_view hw = w_[head];
            if (hw.size() > 1 && hw.back() == 's' && !w_.any(head, {"boss", "actress", "hostess"}))
                return kNone;  // a plural noun: no count
        }
        attackers = (tag(head) & kTagPerpetrator) != 0;
        value = 1;
        q = Qualifier::exact;
        return head + 1;
    }

    /// A coordinated list of counted people from `j`: "two soldiers and three civilians",
    /// "the assailant and two security members". Items joined only by commas count when an
    /// "and" closes the list ("killed Mario, a journalist" is one person).
    bool object_list(std::size_t j, std::int64_t& total, Qualifier& q, std::size_t& end,
                     bool& perpetrators) {
        // Items after a comma stay pending until an item after "and" closes the list.
        std::int64_t confirmed = 0, pending = 0;
        std::size_t items = 0, confirmed_end = j;
        bool after_comma = false, after_and = false;
        while (j < last_) {
            std::int64_t value = 0;
            Qualifier item_q = Qualifier::exact;
            bool attackers = false;
            const std::size_t next = object_item(j, value, item_q, attackers);
            if (next == kNone) break;
            // "killed two people and three were wounded": the second item opens a new clause.
            if (items > 0 && w_.any(next, {"were", "was", "are", "have", "had"})) break;
            q = merge(q, item_q);
            perpetrators = perpetrators || attackers;
            ++items;
            if (after_comma && !after_and) {
                pending += value;
            } else {
                confirmed += pending + value;
                pending = 0;
                confirmed_end = next;
                after_comma = false;
            }
            after_and = false;
            if (w_.is(next, "and")) {
                after_and = true;
                j = next + 1;
                continue;
            }
            if (w_.is(next, ",") && !w_.any(next + 1, {"including", "among"})) {
                j = next + 1;
                after_comma = true;
                if (w_.is(j, "and")) {
                    ++j;
                    after_and = true;
                }
                continue;
            }
            break;
        }
        if (items == 0) return false;
        total += confirmed;
        end = confirmed_end;
        // "along with four of his family members and a bodyguard".
        std::size_t a = end;
        if (w_.is(a, ",")) ++a;
        if (w_.is(a, "along") && w_.is(a + 1, "with")) {
            std::int64_t more = 0;
            Qualifier mq = Qualifier::exact;
            std::size_t more_end = a + 2;
            bool more_attackers = false;
            if (object_list(a + 2, more, mq, more_end, more_attackers)) {
                total += more;
                end = more_end;
            }
        }
        return true;
    }

    /// Skips the noun phrase after a number ("security members", "other people").
    std::size_t skip_noun_phrase(std::size_t j, bool& attackers) const {
        std::size_t n = 0;
        while (j < last_ && n < 5 && w_.token(j).word && !is_keyword(w_[j]) &&
               !w_.any(j, {"and", "or", "in", "at", "on", "near", "when", "while", "after",
                           "including", "were", "was", "are", "had", "have", "as", "during",
                           "inside", "outside", "from", "with", "by", "who", "to", "of", "since",
                           "instantly", "immediately", "later", "along"})) {
            if (tag(j) & kTagPerpetrator) attackers = true;
            ++j;
            ++n;
        }
        // "two of the attackers".
        if (w_.is(j, "of") && w_.any(j + 1, {"the", "them", "their", "whom"})) {
            std::size_t x = j + 2;
            while (x < last_ && x < j + 6 && w_.token(x).word && !is_keyword(w_[x]) &&
                   !w_.any(x, {"and", "were", "was", "in", "at"})) {
                if (tag(x) & kTagPerpetrator) attackers = true;
                ++x;
            }
            j = x;
        }
        return j;
    }

    /// "killing two people", "wounded 14 others".
    bool object_figure(std::size_t k, Toll toll) {
        std::int64_t total = 0;
        Qualifier q = Qualifier::exact;
        std::size_t end = k + 1;
        bool attackers = false;
        if (!object_list(k + 1, total, q, end, attackers)) return false;
        emit(toll, total, q, k, end, k, "figure:object", false, false, attackers);
        return true;
    }

    /// The singular people named before `end`, joined by "and" ("the driver and body guard",
    /// "Monis"): how many, or 0. Commas set off appositives of one person ("The officer,
    /// Manop Chaichana, was killed" is one).
    std::size_t singular_heads(std::size_t end, std::size_t& from, bool& attackers) const {
        std::size_t count = 0;
        std::size_t commas = 0;
        bool group_has_head = false;
        for (std::size_t x = end; x > first_ && end - x < 14; --x) {
            const std::size_t i = x - 1;
            if (w_.is(i, ",")) {
                if (++commas > 2) break;
                continue;
            }
            if (w_.is(i, "and")) {
                if (!group_has_head) break;
                ++count;
                group_has_head = false;
                continue;
            }
            if (is_stop(w_, i) || is_keyword(w_[i])) break;
            if ((tag(i) & kTagPerson) && !(tag(i) & kTagSingular) && !(tag(i) & kTagPersonName) &&
                !group_has_head && count == 0 && commas == 0)
                return 0;  // a plural noun for people: no count
            const bool head = (tag(i) & (kTagSingular | kTagPersonName)) || w_.any(i, {"he", "she"});
            if (head) {
                group_has_head = true;
                from = i;
                attackers = attackers || (tag(i) & kTagPerpetrator);
            } else if (group_has_head && commas == 0 && !w_.token(i).word) {
                break;
            }
        }
        if (group_has_head) ++count;
        return count;
    }

    /// "two soldiers and three civilians were killed", "a policeman was wounded".
    void subject_figure(std::size_t k, Toll toll, bool either) {
        std::size_t j = k;
        bool singular = false, plural = false, also = false, passive = false;
        while (j > first_ && k - j < 7) {
            const std::string_view f = w_[j - 1];
            if (f == "and" && j > first_ + 1 &&
                w_.any(j - 2, {"shot", "stabbed", "beaten", "tortured", "attacked", "abducted",
                               "kidnapped", "hacked", "injured", "wounded", "robbed"})) {
                j -= 1;
                continue;
            }
            if (!is_filler(f)) break;
            if (one_of(f, {"was", "is", "has"})) singular = true;
            if (one_of(f, {"were", "are", "have"})) plural = true;
            if (one_of(f, {"was", "is", "were", "are", "been", "sustained", "suffered", "received",
                           "being"}))
                passive = true;
            if (f == "also") also = true;
            --j;
        }
        // An active verb with its subject before it ("three men murdered a leader") names the
        // killers: only a passive or a bare "N killed in ..." counts the subject.
        if (either && !passive && w_.token(k + 1 < last_ ? k + 1 : k).word &&
            !w_.any(k + 1, {"in", "at", "on", "and", "when", "as", "after", "during", "by",
                            "while", "near", "inside", "outside", "including", "overnight",
                            "today", "yesterday"}))
            return;
        const std::size_t np_end = j;  // exclusive
        if (np_end == first_) return;
        // "The mayor suffered six gunshot wounds": the count is of wounds, not of people.
        const bool heads_only = w_.is(k, "wounds");
        std::int64_t total = 0;
        Qualifier q = Qualifier::exact;
        std::size_t from = kNone;
        bool attackers = false;
        std::size_t commas = 0;
        std::size_t p = np_end;
        std::size_t budget = 20;
        bool continuation = false;
        while (p > first_ && budget-- > 0 && !heads_only) {
            const std::size_t i = p - 1;
            if (const Number* n = number_ending_at(i)) {
                // "15 people, including two soldiers, were killed": the inner count is a part.
                std::size_t before = n->first;
                if (before > first_ && w_.any(before - 1, {"the"})) --before;
                // "six people, including a mother, her child, and three police officers, were
                // wounded": a count inside an "including" list is a part of the count before it.
                std::size_t including = kNone;
                for (std::size_t x = before; x > first_ && before - x < 12; --x) {
                    if (w_.any(x - 1, {"including", "among"})) {
                        including = x - 1;
                        break;
                    }
                    if (is_stop(w_, x - 1) || number_ending_at(x - 1)) break;
                }
                if (including != kNone) {
                    total = 0;
                    from = kNone;
                    q = Qualifier::exact;
                    continuation = false;
                    p = including;
                    budget = 6;
                    continue;
                }
                bool person_noun = true;
                bool item_attackers = false;
                for (std::size_t x = n->last; x < np_end && x < n->last + 6; ++x) {
                    if (is_non_person(w_[x]) && !(tag(x) & kTagPerson)) person_noun = false;
                    if (tag(x) & kTagPerpetrator) item_attackers = true;
                    if (w_.any(x, {"and", ","})) break;
                }
                if (continuation && !person_noun) break;
                // "In addition to the three bombers, 90 people were killed": that count is
                // the attackers', added apart.
                if (continuation) {
                    std::size_t b = before;
                    if (b > first_ && is_determiner(b - 1)) --b;
                    if (b > first_ + 1 && w_.is(b - 1, "to") && w_.is(b - 2, "addition")) break;
                }
                total += n->value;
                q = merge(q, n->qualifier);
                from = n->first;
                attackers = attackers || item_attackers;
                // "two police officers and a civilian were killed": the singular person after
                // the "and" counts too.
                if (!continuation) {
                    std::size_t x = n->last;
                    while (x < np_end && !w_.is(x, "and")) ++x;
                    if (x + 1 < np_end && w_.any(x + 1, {"a", "an", "one", "another"})) {
                        bool head = false;
                        for (std::size_t y = x + 2; y < np_end && y < x + 6; ++y)
                            head = head || (tag(y) & kTagSingular);
                        if (head) total += 1;
                    }
                }
                p = before;
                // Coordination: "14 soldiers and as many as 15 perpetrators".
                if (p > first_ && w_.any(p - 1, {"and", ","})) {
                    const bool with_and = w_.is(p - 1, "and");
                    p -= 1;
                    if (p > first_ && w_.is(p - 1, ",")) --p;
                    budget = 7;
                    continuation = true;
                    // "Monis and two hostages": a singular person before the "and".
                    std::size_t name_from = kNone;
                    bool name_attackers = false;
                    const std::size_t heads =
                        with_and ? singular_heads(p, name_from, name_attackers) : 0;
                    if (heads > 0 && name_from != kNone && p - name_from <= 4) {
                        total += static_cast<std::int64_t>(heads);
                        from = name_from;
                        attackers = attackers || name_attackers;
                        break;
                    }
                    continue;
                }
                break;
            }
            if (is_stop(w_, i) || is_keyword(w_[i])) break;
            if (w_.is(i, ",") && ++commas > 3) break;
            --p;
        }
        if (from != kNone) {
            emit(toll, total, q, from, k + 1, k, "figure:subject", also, false, attackers);
            return;
        }
        // No count: singular people ("a policeman was killed", "He died", "the driver and body
        // guard were killed").
        if (!(singular || plural || passive || w_.any(k, {"died", "dies", "sustained"}))) return;
        std::size_t head_from = kNone;
        bool head_attackers = false;
        std::size_t heads = singular_heads(np_end, head_from, head_attackers);
        if (heads == 0 && !plural && np_end > first_ && w_.any(np_end - 1, {"another", "one"})) {
            heads = 1;  // "another was wounded"
            head_from = np_end - 1;
        }
        if (heads == 0 && !plural) {
            // "The brigadier was wounded": a determiner and a singular noun.
            std::size_t d = np_end;
            while (d > first_ && np_end - d < 4 && w_.token(d - 1).word && !is_determiner(d - 1) &&
                   !is_stop(w_, d - 1))
                --d;
            const std::string_view hw = w_[np_end - 1];
            if (d > first_ && d < np_end && w_.any(d - 1, {"a", "an", "the", "his", "her"}) &&
                !is_non_person(hw) && !(hw.size() > 1 && hw.back() == 's')) {
                heads = 1;
                head_from = d - 1;
            }
        }
        if (heads == 0 || (heads == 1 && plural) || (heads > 1 && singular)) return;
        std::size_t start = head_from;
        while (start > first_ && is_determiner(start - 1)) --start;
        emit(toll, static_cast<std::int64_t>(heads), Qualifier::exact, start, k + 1, k,
             heads == 1 ? "figure:singular-subject" : "figure:coordinated-subjects", also, false,
             head_attackers);
    }

    /// "seven injuries", "the deaths of two guards", "claimed the lives of 12".
    void noun_figure(std::size_t k, Toll toll) {
        if (w_.is(k, "casualties")) return;  // killed and wounded together: no figure
        if (w_.is(k + 1, "of") || w_.is(k + 1, "to")) {
            std::int64_t total = 0;
            Qualifier q = Qualifier::exact;
            std::size_t end = k + 2;
            bool attackers = false;
            if (object_list(k + 2, total, q, end, attackers)) {
                emit(toll, total, q, k, end, k, "figure:noun-of", false, false, attackers);
                return;
            }
        }
        // A count right before the noun, adjectives allowed: "seven serious injuries".
        for (std::size_t x = k; x > first_ && k - x < 3; --x) {
            if (const Number* n = number_ending_at(x - 1)) {
                emit(toll, n->value, n->qualifier, n->first, k + 1, k, "figure:count-noun");
                return;
            }
            if (!w_.token(x - 1).word || is_stop(w_, x - 1)) return;
        }
    }

    /// "in addition to the assailant": the attacker's death counts too.
    void in_addition_to_attackers() {
        for (std::size_t i = first_; i + 3 < last_; ++i) {
            if (!(w_.is(i, "in") && w_.is(i + 1, "addition") && w_.is(i + 2, "to"))) continue;
            std::size_t j = i + 3;
            if (w_.any(j, {"the", "a", "an"})) ++j;
            std::int64_t value = 1;
            if (const Number* n = number_at(j)) {
                value = n->value;
                j = n->last;
            }
            bool attacker = false;
            std::size_t end = j;
            for (std::size_t x = j; x < last_ && x < j + 3; ++x)
                if (tag(x) & kTagPerpetrator) {
                    attacker = true;
                    end = x + 1;
                }
            if (!attacker) continue;
            // Only where the sentence counts the dead.
            bool killed = false;
            for (const CasualtyFigure& f : out_)
                if (f.toll == Toll::killed && !f.zero) killed = true;
            if (!killed) continue;
            emit(Toll::killed, value, Qualifier::exact, i, end, i, "figure:in-addition-to-attacker",
                 true, false, true);
        }
    }

    const Words& w_;
    std::size_t first_, last_;
    const std::vector<std::uint8_t>& tags_;
    bool any_keyword_ = false;
    std::vector<Number> numbers_;
    std::vector<std::size_t> starts_, ends_;
    std::vector<CasualtyFigure> out_;
};

}  // namespace

bool Words::capitalized(std::size_t i) const {
    if (i >= tokens_.size() || !tokens_[i].word) return false;
    const char c = original_[tokens_[i].span.begin];
    return c >= 'A' && c <= 'Z';
}

std::optional<Number> read_number(const Words& words, std::size_t i, std::size_t end) {
    if (i >= end) return std::nullopt;
    // Most tokens cannot start a number: decide from the first letter before any lookup.
    const std::string_view first = words[i];
    if (first.empty()) return std::nullopt;
    if (!(first[0] >= '0' && first[0] <= '9') && !number_start(first)) return std::nullopt;
    for (const QualifierPhrase& qp : kQualifiers) {
        std::size_t j = i;
        bool ok = true;
        for (std::string_view part : qp.words) {
            if (part.empty()) break;
            if (j >= end || words[j] != part) {
                ok = false;
                break;
            }
            ++j;
        }
        if (!ok) continue;
        if (auto n = read_core(words, j, end)) {
            n->first = i;
            if (n->qualifier == Qualifier::exact) n->qualifier = qp.qualifier;
            return n;
        }
    }
    if (i > 0 && words.is(i - 1, "-") && words.glued(i) && i > 1 && words.token(i - 2).word &&
        words.glued(i - 1))
        return std::nullopt;  // "F-16", "AK-47"
    return read_core(words, i, end);
}

std::vector<CasualtyFigure> find_casualties(const Words& words, std::size_t first, std::size_t last,
                                            const std::vector<std::uint8_t>& tags) {
    if (first >= last) return {};
    return Finder(words, first, last, tags).run();
}

}  // namespace ekg::extract
