// Stable, platform-independent hashing for ids and content fingerprints.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ekg {

/// 64-bit FNV-1a; stable across runs, compilers and machines (ids depend on it).
constexpr std::uint64_t fnv1a64(std::string_view bytes,
                                std::uint64_t seed = 0xcbf29ce484222325ULL) {
    std::uint64_t h = seed;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

/// 16 lowercase hex digits.
std::string hex64(std::uint64_t value);

/// 128-bit content fingerprint as 32 hex digits (two independent FNV-1a passes).
std::string content_hash(std::string_view bytes);

}  // namespace ekg
