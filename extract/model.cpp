#include "model.h"

#include <array>
#include <utility>

namespace ekg {
namespace {

template <typename E, std::size_t N>
std::optional<E> lookup(const std::array<std::pair<E, const char*>, N>& table,
                        std::string_view name) {
    for (const auto& [value, text] : table)
        if (name == text) return value;
    return std::nullopt;
}

template <typename E, std::size_t N>
const char* name_of(const std::array<std::pair<E, const char*>, N>& table, E value) {
    for (const auto& [v, text] : table)
        if (v == value) return text;
    return "?";
}

constexpr std::array<std::pair<ActorKind, const char*>, 7> kActorKinds{{
    {ActorKind::person, "person"},
    {ActorKind::organization, "organization"},
    {ActorKind::group, "group"},
    {ActorKind::government, "government"},
    {ActorKind::platform, "platform"},
    {ActorKind::place, "place"},
    {ActorKind::other, "other"},
}};

constexpr std::array<std::pair<Qualifier, const char*>, 5> kQualifiers{{
    {Qualifier::exact, "exact"},
    {Qualifier::at_least, "at_least"},
    {Qualifier::more_than, "more_than"},
    {Qualifier::about, "about"},
    {Qualifier::at_most, "at_most"},
}};

constexpr std::array<std::pair<ClaimKind, const char*>, 5> kClaimKinds{{
    {ClaimKind::quote, "quote"},
    {ClaimKind::statement, "statement"},
    {ClaimKind::responsibility, "responsibility"},
    {ClaimKind::denial, "denial"},
    {ClaimKind::figure, "figure"},
}};

}  // namespace

const char* to_string(ActorKind kind) { return name_of(kActorKinds, kind); }
std::optional<ActorKind> actor_kind_from_string(std::string_view name) {
    return lookup(kActorKinds, name);
}
const char* to_string(Qualifier qualifier) { return name_of(kQualifiers, qualifier); }
std::optional<Qualifier> qualifier_from_string(std::string_view name) {
    return lookup(kQualifiers, name);
}
const char* to_string(ClaimKind kind) { return name_of(kClaimKinds, kind); }
std::optional<ClaimKind> claim_kind_from_string(std::string_view name) {
    return lookup(kClaimKinds, name);
}

const char* to_string(Severity severity) {
    switch (severity) {
        case Severity::info: return "info";
        case Severity::warning: return "warning";
        case Severity::error: return "error";
    }
    return "?";
}

std::string format_diagnostic(const Diagnostic& d) {
    std::string out = d.file.empty() ? std::string("<input>") : d.file;
    if (d.line > 0) out += ":" + std::to_string(d.line);
    out += ": ";
    out += to_string(d.severity);
    out += ": ";
    out += d.message;
    if (!d.code.empty()) out += " [" + d.code + "]";
    return out;
}

}  // namespace ekg
