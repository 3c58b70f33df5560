// BoundedQueue: hands work from the reading thread to the worker threads,
// holding at most a fixed number of bytes so memory stays bounded however
// large the corpus. Thread-safe.
#ifndef NEWSGRAPH_CLI_BOUNDED_QUEUE_H_
#define NEWSGRAPH_CLI_BOUNDED_QUEUE_H_

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>

namespace newsgraph {
namespace cli {

template <typename T>
class BoundedQueue {
 public:
  // Holds items whose sizes add up to at most `max_bytes`; one item larger
  // than that is still accepted when the queue is empty.
  explicit BoundedQueue(uint64_t max_bytes) : max_bytes_(max_bytes) {}

  // Adds `item` of `bytes` bytes, waiting while the queue is full.
  void Push(T item, uint64_t bytes) {
    std::unique_lock<std::mutex> lock(mutex_);
    not_full_.wait(
        lock, [&] { return items_.empty() || bytes_ + bytes <= max_bytes_; });
    bytes_ += bytes;
    items_.emplace_back(std::move(item), bytes);
    not_empty_.notify_one();
  }

  // The oldest item, waiting while the queue is empty and open; nullopt once
  // it is closed and empty.
  std::optional<T> Pop() {
    std::unique_lock<std::mutex> lock(mutex_);
    not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) return std::nullopt;
    std::pair<T, uint64_t> front = std::move(items_.front());
    items_.pop_front();
    bytes_ -= front.second;
    not_full_.notify_all();
    return std::move(front.first);
  }

  // No more items will be pushed: wakes every waiting Pop().
  void Close() {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    not_empty_.notify_all();
  }

 private:
  const uint64_t max_bytes_;
  std::mutex mutex_;
  std::condition_variable not_empty_;
  std::condition_variable not_full_;
  std::deque<std::pair<T, uint64_t>> items_;
  uint64_t bytes_ = 0;
  bool closed_ = false;
};

}  // namespace cli
}  // namespace newsgraph

#endif  // NEWSGRAPH_CLI_BOUNDED_QUEUE_H_
