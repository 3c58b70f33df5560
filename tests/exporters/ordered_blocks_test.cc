#include "exporters/internal/ordered_blocks.h"

#include <gtest/gtest.h>

#include <atomic>
#include <string>

namespace newsgraph {
namespace exporters_internal {
namespace {

// Item i's text: its number and a length that varies, so that a block put
// in the wrong place or formatted twice shows.
void FormatItems(size_t begin, size_t end, std::string* out) {
  for (size_t i = begin; i < end; ++i) {
    *out += std::to_string(i);
    out->append(i % 5, '.');
    *out += '\n';
  }
}

std::string Serial(size_t count) {
  std::string all;
  FormatItems(0, count, &all);
  return all;
}

std::string Concatenated(size_t count, size_t block_items, unsigned threads) {
  std::string written;
  Status status = FormatInOrder(count, block_items, threads, FormatItems,
                                [&](std::string_view text) {
                                  written.append(text);
                                  return Status::Ok();
                                });
  EXPECT_TRUE(status.ok()) << status.message();
  return written;
}

TEST(OrderedBlocksTest, AnyThreadCountWritesWhatOneThreadWrites) {
  for (size_t count : {0, 1, 2, 7, 64, 1000, 10007}) {
    for (size_t block : {1, 3, 64, 5000}) {
      for (unsigned threads : {0u, 1u, 2u, 3u, 8u}) {
        EXPECT_EQ(Concatenated(count, block, threads), Serial(count))
            << "count " << count << " block " << block << " threads " << threads;
      }
    }
  }
}

TEST(OrderedBlocksTest, EveryItemIsFormattedOnce) {
  std::atomic<size_t> formatted{0};
  Status status = FormatInOrder(
      999, 10, 4,
      [&](size_t begin, size_t end, std::string* out) {
        formatted += end - begin;
        out->append(end - begin, 'x');
      },
      [](std::string_view) { return Status::Ok(); });
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(formatted.load(), 999u);
}

TEST(OrderedBlocksTest, AFailedWriteStopsTheRunAndIsReturned) {
  for (unsigned threads : {1u, 2u, 4u}) {
    size_t writes = 0;
    Status status = FormatInOrder(
        100000, 10, threads, FormatItems, [&](std::string_view) {
          return ++writes == 3 ? Status::Error("out.graphml: disk full")
                               : Status::Ok();
        });
    EXPECT_FALSE(status.ok());
    EXPECT_EQ(status.message(), "out.graphml: disk full");
    EXPECT_EQ(writes, 3u) << "threads " << threads;
  }
}

}  // namespace
}  // namespace exporters_internal
}  // namespace newsgraph
