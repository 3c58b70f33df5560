#include "exporters/internal/ordered_blocks.h"

#include <algorithm>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string_view>
#include <thread>
#include <vector>

namespace newsgraph {
namespace exporters_internal {
namespace {

// Block b is formatted into slot b % slots, and only once block b - slots,
// the slot's previous tenant, has been written.
struct Slot {
  OutputSink text;      // a memory sink
  size_t block = 0;     // the block whose text is here, when ready
  bool ready = false;   // holds block `block`, not yet written
};

}  // namespace

void FormatInOrder(size_t count, size_t block_items, unsigned threads,
                   const FormatBlock& format, OutputSink* out) {
  block_items = std::max<size_t>(block_items, 1);
  const size_t blocks = (count + block_items - 1) / block_items;
  auto range_end = [&](size_t begin) { return std::min(count, begin + block_items); };
  if (threads <= 1 || blocks <= 1) {
    for (size_t begin = 0; begin < count && !out->failed(); begin += block_items) {
      format(0, begin, range_end(begin), out);
      out->MaybeFlush();
    }
    return;
  }

  const size_t slot_count = 2 * static_cast<size_t>(threads);
  std::vector<std::unique_ptr<Slot>> slots;
  for (size_t i = 0; i < slot_count; ++i) slots.push_back(std::make_unique<Slot>());
  std::mutex mutex;
  std::condition_variable changed;
  size_t next_block = 0;    // the next block a thread takes
  size_t next_written = 0;  // the next block the caller writes
  bool stop = false;        // the output failed: take no more blocks

  auto work = [&](unsigned worker) {
    while (true) {
      size_t b;
      {
        std::unique_lock<std::mutex> lock(mutex);
        if (stop || next_block >= blocks) return;
        b = next_block++;
        changed.wait(lock, [&] { return stop || b < next_written + slot_count; });
        if (stop) return;
      }
      // The slot is this thread's alone until it is marked ready.
      Slot& slot = *slots[b % slot_count];
      const size_t begin = b * block_items;
      format(worker, begin, range_end(begin), &slot.text);
      {
        std::lock_guard<std::mutex> lock(mutex);
        slot.block = b;
        slot.ready = true;
      }
      changed.notify_all();
    }
  };
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t) workers.emplace_back(work, t);

  for (size_t b = 0; b < blocks; ++b) {
    Slot& slot = *slots[b % slot_count];
    {
      std::unique_lock<std::mutex> lock(mutex);
      changed.wait(lock, [&] { return slot.ready && slot.block == b; });
    }
    // Ready, and no thread touches it until next_written moves on.
    out->Pass(std::string_view(slot.text.data(), slot.text.size()));
    slot.text.Clear();
    {
      std::lock_guard<std::mutex> lock(mutex);
      slot.ready = false;
      next_written = b + 1;
      if (out->failed()) stop = true;
    }
    changed.notify_all();
    if (out->failed()) break;
  }
  for (std::thread& worker : workers) worker.join();
}

}  // namespace exporters_internal
}  // namespace newsgraph
