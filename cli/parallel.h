// Ordered parallel processing of documents: workers extract, the caller consumes in input order.
#pragma once

#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace ekg::cli {

/// Number of threads for --jobs 0 (the default): every core.
unsigned default_jobs();

/// Processes items in batches: `work(item)` runs on up to `jobs` threads, then
/// `consume(item)` runs on the calling thread in the order items were added.
/// With more than one job, batches are pipelined: while the workers process one batch, the
/// calling thread reads the next and consumes the one before (input parsing and output
/// writing overlap extraction). With one job everything runs on the calling thread.
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
    OrderedBatches(const OrderedBatches&) = delete;
    OrderedBatches& operator=(const OrderedBatches&) = delete;
    /// A batch still running (after an exception) is waited for and dropped.
    ~OrderedBatches() = default;

    /// Adds an item of about `bytes` bytes; runs a batch when it is full.
    void add(Item item, std::size_t bytes) {
        items_.push_back(std::move(item));
        bytes_ += bytes;
        if (items_.size() >= batch_items_ || bytes_ >= batch_bytes_) submit();
    }

    /// Runs and consumes everything pending.
    void flush() {
        submit();
        finish_running();
    }

private:
    /// A batch on the worker threads.
    struct Running {
        std::vector<Item> items;
        std::vector<std::thread> pool;
        std::vector<std::exception_ptr> errors;
        std::atomic<std::size_t> next{0};
        void join() {
            for (std::thread& th : pool)
                if (th.joinable()) th.join();
        }
        ~Running() { join(); }
    };

    void submit() {
        if (items_.empty()) return;
        if (jobs_ <= 1) {
            for (Item& item : items_) work_(item);
            for (Item& item : items_) consume_(item);
            items_.clear();
            bytes_ = 0;
            return;
        }
        auto batch = std::make_unique<Running>();
        batch->items = std::move(items_);
        items_.clear();
        bytes_ = 0;
        const std::size_t n = batch->items.size();
        const unsigned threads = static_cast<unsigned>(std::min<std::size_t>(jobs_, n));
        batch->errors.resize(threads);
        Running* b = batch.get();
        for (unsigned t = 0; t < threads; ++t)
            b->pool.emplace_back([this, b, t, n] {
                try {
                    for (std::size_t i = b->next++; i < n; i = b->next++) work_(b->items[i]);
                } catch (...) {
                    b->errors[t] = std::current_exception();
                    b->next = n;  // the others stop too
                }
            });
        // The previous batch is consumed while this one runs.
        std::unique_ptr<Running> previous = std::move(running_);
        running_ = std::move(batch);
        if (previous) finish(*previous);
    }

    void finish_running() {
        if (!running_) return;
        const std::unique_ptr<Running> batch = std::move(running_);
        finish(*batch);
    }

    void finish(Running& batch) {
        batch.join();
        for (const auto& e : batch.errors)
            if (e) std::rethrow_exception(e);
        for (Item& item : batch.items) consume_(item);
    }

    unsigned jobs_;
    std::size_t batch_items_;
    std::size_t batch_bytes_;
    std::function<void(Item&)> work_;
    std::function<void(Item&)> consume_;
    std::vector<Item> items_;
    std::size_t bytes_ = 0;
    std::unique_ptr<Running> running_;
};

}  // namespace ekg::cli
