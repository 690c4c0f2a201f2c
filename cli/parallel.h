// Ordered parallel processing of documents: workers extract, the caller consumes in input order.
#pragma once

#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace ekg::cli {

/// Number of threads for --jobs 0 (the default): every core.
unsigned default_jobs();

/// Processes items in batches: `work(item, slot)` runs on up to `jobs` threads, then
/// `consume(item)` runs on the calling thread in the order items were added.
/// Requires: work must only touch its own item. Ensures: consume order equals add order,
/// whatever `jobs` is, so output is identical for any number of threads.
template <typename Item>
class OrderedBatches {
public:
    OrderedBatches(unsigned jobs, std::size_t batch_items, std::size_t batch_bytes,
                   std::function<void(Item&)> work, std::function<void(Item&)> consume)
        : jobs_(jobs == 0 ? default_jobs() : jobs),
          batch_items_(batch_items),
          batch_bytes_(batch_bytes),
          work_(std::move(work)),
          consume_(std::move(consume)) {}

    /// Adds an item of about `bytes` bytes; runs a batch when it is full.
    void add(Item item, std::size_t bytes) {
        items_.push_back(std::move(item));
        bytes_ += bytes;
        if (items_.size() >= batch_items_ || bytes_ >= batch_bytes_) flush();
    }

    /// Runs what is pending.
    void flush() {
        if (items_.empty()) return;
        const std::size_t n = items_.size();
        const unsigned threads = static_cast<unsigned>(std::min<std::size_t>(jobs_, n));
        if (threads <= 1) {
            for (Item& item : items_) work_(item);
        } else {
            std::vector<std::thread> pool;
            std::vector<std::exception_ptr> errors(threads);
            std::atomic<std::size_t> next{0};
            for (unsigned t = 0; t < threads; ++t)
                pool.emplace_back([&, t] {
                    try {
                        for (std::size_t i = next++; i < n; i = next++) work_(items_[i]);
                    } catch (...) {
                        errors[t] = std::current_exception();
                    }
                });
            for (std::thread& th : pool) th.join();
            for (const auto& e : errors)
                if (e) std::rethrow_exception(e);
        }
        for (Item& item : items_) consume_(item);
        items_.clear();
        bytes_ = 0;
    }

private:
    unsigned jobs_;
    std::size_t batch_items_;
    std::size_t batch_bytes_;
    std::function<void(Item&)> work_;
    std::function<void(Item&)> consume_;
    std::vector<Item> items_;
    std::size_t bytes_ = 0;
};

}  // namespace ekg::cli
