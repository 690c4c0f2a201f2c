// A set of 64-bit string fingerprints in one flat open-addressing table: the cheap "can this
// run of words still become a name?" test of the matchers, hashed incrementally word by word.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace ekg::extract {

class FingerprintSet {
public:
    /// FNV-1a over bytes; extend() continues a running hash, finish() mixes it for the table.
    static constexpr std::uint64_t start() { return 0xcbf29ce484222325ULL; }
    static std::uint64_t extend(std::uint64_t h, std::string_view bytes) {
        for (const char c : bytes) {
            h ^= static_cast<unsigned char>(c);
            h *= 0x100000001b3ULL;
        }
        return h;
    }
    static std::uint64_t extend(std::uint64_t h, char c) {
        h ^= static_cast<unsigned char>(c);
        return h * 0x100000001b3ULL;
    }
    static std::uint64_t finish(std::uint64_t h) {  // murmur3's fmix64
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdULL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53ULL;
        h ^= h >> 33;
        return h == 0 ? 1 : h;  // 0 marks an empty slot
    }
    static std::uint64_t of(std::string_view s) { return finish(extend(start(), s)); }

    void insert(std::uint64_t fp) {
        if ((size_ + 1) * 2 > slots_.size()) grow();
        if (place(slots_, fp)) ++size_;
    }
    bool contains(std::uint64_t fp) const {
        if (slots_.empty()) return false;
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = fp & mask;; i = (i + 1) & mask) {
            if (slots_[i] == fp) return true;
            if (slots_[i] == 0) return false;
        }
    }
    std::size_t size() const { return size_; }

private:
    static bool place(std::vector<std::uint64_t>& slots, std::uint64_t fp) {
        const std::size_t mask = slots.size() - 1;
        for (std::size_t i = fp & mask;; i = (i + 1) & mask) {
            if (slots[i] == fp) return false;
            if (slots[i] == 0) {
                slots[i] = fp;
                return true;
            }
        }
    }
    void grow() {
        std::vector<std::uint64_t> bigger(slots_.empty() ? 64 : slots_.size() * 2, 0);
        for (const std::uint64_t fp : slots_)
            if (fp != 0) place(bigger, fp);
        slots_.swap(bigger);
    }

    std::vector<std::uint64_t> slots_;
    std::size_t size_ = 0;
};

}  // namespace ekg::extract
