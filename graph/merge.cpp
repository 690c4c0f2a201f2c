#include "merge.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <tuple>

namespace ekg::graph {
namespace {

bool parse_int(std::string_view s, int& out) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return std::from_chars(s.data(), s.data() + s.size(), out).ec == std::errc();
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

std::string two_digits(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

std::string lower_ascii(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

/// Perpetrator actor ids of a report, sorted.
std::vector<std::string> perpetrator_ids(const Event& e) {
    std::vector<std::string> ids;
    for (const Arg& a : e.perpetrators)
        if (!a.actor.empty()) ids.push_back(a.actor);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

struct Cluster {
    std::int64_t first_day = 0;
    std::string family;  ///< empty while every member is a generic attack
    std::vector<const MergeCandidate*> members;
    std::set<std::string> documents;
    std::set<std::string> perpetrators;
};

bool perpetrators_conflict(const std::set<std::string>& cluster, const std::vector<std::string>& report) {
    if (cluster.empty() || report.empty()) return false;
    for (const std::string& p : report)
        if (cluster.count(p)) return false;
    return true;
}

/// Low/best/high over the reports that state the figure.
std::optional<FigureRange> figure_range(const std::vector<Report>& reports,
                                        const std::optional<Figure> Event::*slot) {
    std::map<std::int64_t, int> votes;
    std::int64_t latest_value = 0;
    std::tuple<std::string, std::string> latest;  // (document date, event id) of the latest report
    bool any = false, latest_set = false;
    for (const Report& r : reports) {
        const std::optional<Figure>& f = r.event->*slot;
        // A toll the event's own figure does not give is a conflicting figure of the same
        // report (UCDP keeps such ranges as low/high).
        if (slot == &Event::killed) {
            std::set<std::int64_t> other(r.tolls.begin(), r.tolls.end());
            if (f) other.erase(f->value);
            for (const std::int64_t v : other) ++votes[v];
            any = any || !other.empty();
        }
        if (!f) continue;
        ++votes[f->value];
        const auto key = std::make_tuple(r.document->date, r.event->id);
        if (!latest_set || key > latest) {
            latest = key;
            latest_value = f->value;
            latest_set = true;
        }
        any = true;
    }
    if (!any) return std::nullopt;
    FigureRange range;
    range.low = votes.begin()->first;
    range.high = votes.rbegin()->first;
    range.conflicting = votes.size() > 1;
    int most = 0;
    for (const auto& [value, count] : votes) most = std::max(most, count);
    for (const auto& [value, count] : votes)
        if (count == most) range.best = value;  // ascending: ends at the highest
    if (const auto it = votes.find(latest_value); it != votes.end() && it->second == most && latest_set)
        range.best = latest_value;
    return range;
}

void summarise(MergedEvent& m) {
    std::sort(m.reports.begin(), m.reports.end(),
              [](const Report& a, const Report& b) { return a.event->id < b.event->id; });
    m.id = m.reports.front().event->id;
    std::vector<std::string> full_dates;
    std::set<std::string> sources;
    for (const Report& r : m.reports) {
        if (days_from_iso(r.event->date)) full_dates.push_back(r.event->date);
        m.mentions += static_cast<std::int64_t>(std::max<std::size_t>(1, r.event->mentions.size()));
        sources.insert(r.document->source.empty() ? "doc:" + r.document->id : r.document->source);
        if (!m.place && r.event->place) m.place = &*r.event->place;
    }
    std::sort(full_dates.begin(), full_dates.end());
    m.date = full_dates.empty() ? m.reports.front().event->date : full_dates.front();
    m.date_last = full_dates.empty() ? m.date : full_dates.back();
    m.documents = static_cast<std::int64_t>(m.reports.size());
    m.sources = static_cast<std::int64_t>(sources.size());
    m.killed = figure_range(m.reports, &Event::killed);
    m.wounded = figure_range(m.reports, &Event::wounded);
}

}  // namespace

std::optional<std::int64_t> days_from_iso(std::string_view date) {
    if (date.size() != 10 || date[4] != '-' || date[7] != '-') return std::nullopt;
    int y = 0, m = 0, d = 0;
    if (!parse_int(date.substr(0, 4), y) || !parse_int(date.substr(5, 2), m) ||
        !parse_int(date.substr(8, 2), d))
        return std::nullopt;
    if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
    return days_from_civil(y, m, d);
}

std::optional<std::pair<std::string, std::string>> date_interval(std::string_view date) {
    if (days_from_iso(date)) return std::make_pair(std::string(date), std::string(date));
    int y = 0, m = 0;
    if (date.size() == 4 && parse_int(date, y))
        return std::make_pair(std::string(date) + "-01-01", std::string(date) + "-12-31");
    if (date.size() == 7 && date[4] == '-' && parse_int(date.substr(0, 4), y) &&
        parse_int(date.substr(5, 2), m) && m >= 1 && m <= 12)
        return std::make_pair(std::string(date) + "-01",
                              std::string(date) + "-" + two_digits(days_in_month(y, m)));
    return std::nullopt;
}

std::string type_family(const Event& e) {
    if (e.gtd_attack_type == "Unknown" || e.type == "attack") return {};
    if (!e.gtd_attack_type.empty()) return "gtd:" + e.gtd_attack_type;
    if (e.cameo.size() >= 2) return "cameo:" + e.cameo.substr(0, 2);
    return "type:" + e.type;
}

std::string place_key(const Event& e) {
    if (!e.place) return {};
    const Place& p = *e.place;
    if (!p.actor.empty()) return p.actor;
    if (p.country_code.empty()) return {};
    return p.country_code + "|" + lower_ascii(p.city.empty() ? p.name : p.city);
}

const std::string& EventMerge::node_of(const std::string& event_id) const {
    const auto it = index.find(event_id);
    return it == index.end() ? event_id : events[it->second].id;
}

const MergedEvent* EventMerge::find(const std::string& event_id) const {
    const auto it = index.find(event_id);
    return it == index.end() ? nullptr : &events[it->second];
}

std::optional<std::pair<std::string, MergeCandidate>> merge_candidate(const Event& e,
                                                                      const std::string& document_id) {
    const auto days = days_from_iso(e.date);
    if (!days) return std::nullopt;
    std::string place = place_key(e);
    if (place.empty()) return std::nullopt;
    return std::make_pair(std::move(place),
                          MergeCandidate{e.id, document_id, *days, type_family(e), perpetrator_ids(e)});
}

void cluster_block(std::vector<MergeCandidate>& candidates, const MergeOptions& options,
                   const std::function<void(const std::vector<const MergeCandidate*>&)>& emit) {
    // Visit reports by date, then id: the outcome cannot depend on the input order.
    std::sort(candidates.begin(), candidates.end(), [](const MergeCandidate& a, const MergeCandidate& b) {
        return std::tie(a.days, a.event_id) < std::tie(b.days, b.event_id);
    });
    std::vector<Cluster> clusters;
    std::size_t open = 0;  // clusters before `open` start too early to take later reports
    for (const MergeCandidate& c : candidates) {
        while (open < clusters.size() && c.days - clusters[open].first_day > options.max_days_apart)
            ++open;
        Cluster* home = nullptr;
        for (std::size_t i = open; i < clusters.size() && !home; ++i) {
            Cluster& k = clusters[i];
            if (c.days - k.first_day <= options.max_days_apart &&
                (c.family.empty() || k.family.empty() || c.family == k.family) &&
                !k.documents.count(c.document_id) && !perpetrators_conflict(k.perpetrators, c.perpetrators))
                home = &k;
        }
        if (!home) {
            clusters.push_back(Cluster{c.days, {}, {}, {}, {}});
            home = &clusters.back();
        }
        if (home->family.empty()) home->family = c.family;
        home->members.push_back(&c);
        home->documents.insert(c.document_id);
        home->perpetrators.insert(c.perpetrators.begin(), c.perpetrators.end());
    }
    for (const Cluster& k : clusters) emit(k.members);
}

MergedEvent summarise_reports(std::vector<Report> reports) {
    MergedEvent m;
    m.reports = std::move(reports);
    summarise(m);
    return m;
}

EventMerge merge_events(const std::vector<const Extraction*>& extractions, const MergeOptions& options) {
    // Block reports by place; reports that cannot be compared stay alone.
    std::map<std::string, std::vector<MergeCandidate>> blocks;
    std::unordered_map<std::string, Report> reports;  // by event id
    std::vector<MergedEvent> merged;
    for (const Extraction* x : extractions) {
        std::unordered_map<std::string_view, std::vector<std::int64_t>> tolls;  // by event id
        for (const Claim& c : x->claims)
            if (c.kind == ClaimKind::figure && c.value && !c.event.empty())
                tolls[c.event].push_back(*c.value);
        for (const Event& e : x->events) {
            Report report{&e, &x->document};
            if (const auto t = tolls.find(e.id); t != tolls.end()) report.tolls = t->second;
            auto candidate = merge_candidate(e, x->document.id);
            if (!candidate) {
                merged.push_back(summarise_reports({report}));
                continue;
            }
            reports.emplace(e.id, std::move(report));
            blocks[candidate->first].push_back(std::move(candidate->second));
        }
    }
    for (auto& [key, candidates] : blocks)
        cluster_block(candidates, options, [&](const std::vector<const MergeCandidate*>& members) {
            std::vector<Report> cluster;
            for (const MergeCandidate* c : members) cluster.push_back(reports.at(c->event_id));
            merged.push_back(summarise_reports(std::move(cluster)));
        });
    std::sort(merged.begin(), merged.end(),
              [](const MergedEvent& a, const MergedEvent& b) { return a.id < b.id; });
    EventMerge out;
    out.events = std::move(merged);
    for (std::size_t i = 0; i < out.events.size(); ++i)
        for (const Report& r : out.events[i].reports) out.index.emplace(r.event->id, i);
    return out;
}

std::vector<FigureClaim> figure_conflict_claims(const MergedEvent& m) {
    std::vector<FigureClaim> out;
    const auto add = [&](const char* name, const std::optional<FigureRange>& range,
                         const std::optional<Figure> Event::*slot) {
        if (!range || !range->conflicting) return;
        for (const Report& r : m.reports) {
            const std::optional<Figure>& f = r.event->*slot;
            if (!f) continue;
            Claim c;
            c.id = r.event->id + ":" + name;
            c.kind = ClaimKind::figure;
            c.text = std::string(name) + ": " + (f->text.empty() ? std::to_string(f->value) : f->text);
            c.span = f->span;
            c.about = {m.id};
            c.event = r.event->id;
            c.value = f->value;
            c.rule = "merge:figure-conflict";
            c.confidence = r.event->confidence;
            out.push_back(FigureClaim{r.document, name, std::move(c)});
        }
    };
    add("killed", m.killed, &Event::killed);
    add("wounded", m.wounded, &Event::wounded);
    return out;
}

}  // namespace ekg::graph
