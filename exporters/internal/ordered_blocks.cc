#include "exporters/internal/ordered_blocks.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace newsgraph {
namespace exporters_internal {
namespace {

// A block's buffer and whether its text is ready. Block b uses slot
// b % slots; a thread may format block b only once block b - slots, the
// slot's previous tenant, has been written.
struct Slot {
  std::string text;
  size_t block = 0;     // the block whose text is (or will be) here
  bool ready = false;   // text holds block `block`, not yet written
};

}  // namespace

Status FormatInOrder(size_t count, size_t block_items, unsigned threads,
                     const FormatBlock& format, const WriteBlock& write) {
  block_items = std::max<size_t>(block_items, 1);
  const size_t blocks = (count + block_items - 1) / block_items;
  auto range = [&](size_t b, size_t* begin, size_t* end) {
    *begin = b * block_items;
    *end = std::min(count, *begin + block_items);
  };
  if (threads <= 1 || blocks <= 1) {
    std::string text;
    for (size_t b = 0; b < blocks; ++b) {
      size_t begin, end;
      range(b, &begin, &end);
      text.clear();
      format(begin, end, &text);
      Status written = write(text);
      if (!written.ok()) return written;
    }
    return Status::Ok();
  }

  const size_t slot_count = 2 * static_cast<size_t>(threads);
  std::vector<Slot> slots(slot_count);
  std::mutex mutex;
  std::condition_variable changed;
  size_t next_block = 0;     // the next block a thread takes
  size_t next_written = 0;   // the next block the caller writes
  bool stop = false;         // a write failed: take no more blocks

  auto work = [&] {
    std::string text;
    while (true) {
      size_t b;
      {
        std::unique_lock<std::mutex> lock(mutex);
        if (stop || next_block >= blocks) return;
        b = next_block++;
        // The slot is free once its previous block has been written.
        changed.wait(lock, [&] { return stop || b < next_written + slot_count; });
        if (stop) return;
      }
      size_t begin, end;
      range(b, &begin, &end);
      text.clear();
      format(begin, end, &text);
      {
        std::lock_guard<std::mutex> lock(mutex);
        Slot& slot = slots[b % slot_count];
        slot.text.swap(text);
        slot.block = b;
        slot.ready = true;
      }
      changed.notify_all();
    }
  };
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t) workers.emplace_back(work);

  Status result = Status::Ok();
  std::string text;
  for (size_t b = 0; b < blocks && result.ok(); ++b) {
    {
      std::unique_lock<std::mutex> lock(mutex);
      Slot& slot = slots[b % slot_count];
      changed.wait(lock, [&] { return slot.ready && slot.block == b; });
      text.swap(slot.text);  // the slot keeps the old buffer for reuse
      slot.ready = false;
    }
    result = write(text);
    {
      std::lock_guard<std::mutex> lock(mutex);
      next_written = b + 1;
      if (!result.ok()) stop = true;
    }
    changed.notify_all();
  }
  for (std::thread& worker : workers) worker.join();
  return result;
}

}  // namespace exporters_internal
}  // namespace newsgraph
