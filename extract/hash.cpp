#include "hash.h"

namespace ekg {

std::string hex64(std::uint64_t value) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i) {
        out[static_cast<std::size_t>(i)] = kDigits[value & 0xf];
        value >>= 4;
    }
    return out;
}

std::string content_hash(std::string_view bytes) {
    // The second pass uses a different offset basis, so the halves are independent.
    return hex64(fnv1a64(bytes)) + hex64(fnv1a64(bytes, 0x84222325cbf29ce4ULL));
}

}  // namespace ekg
