#include "input_limits.h"

#include <cstdlib>
#include <string>

namespace ekg::extract {

const Limits& limits() {
    static const Limits kLimits = [] {
        Limits l;
        if (const char* v = std::getenv("EKG_MAX_DOCUMENT_BYTES"); v != nullptr && *v != '\0') {
            char* end = nullptr;
            const unsigned long long n = std::strtoull(v, &end, 10);
            if (end != nullptr && *end == '\0' && n > 0) l.max_document_bytes = static_cast<std::size_t>(n);
        }
        return l;
    }();
    return kLimits;
}

}  // namespace ekg::extract
