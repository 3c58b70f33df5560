#include "exporters/internal/ordered_blocks.h"

#include <gtest/gtest.h>

#include <atomic>
#include <sstream>
#include <streambuf>
#include <string>

namespace newsgraph {
namespace exporters_internal {
namespace {

// Item i's text: its number and a length that varies, so that a block put
// in the wrong place or formatted twice shows.
void FormatItems(size_t begin, size_t end, OutputSink* out) {
  for (size_t i = begin; i < end; ++i) {
    out->AppendUint(i);
    out->Append(std::string(i % 5, '.'));
    out->Append('\n');
  }
}

std::string Serial(size_t count) {
  std::string all;
  for (size_t i = 0; i < count; ++i) all += std::to_string(i) + std::string(i % 5, '.') + "\n";
  return all;
}

std::string Concatenated(size_t count, size_t block_items, unsigned threads) {
  std::ostringstream stream;
  OutputSink sink(stream);
  FormatInOrder(count, block_items, threads,
                [](unsigned, size_t begin, size_t end, OutputSink* out) {
                  FormatItems(begin, end, out);
                },
                &sink);
  Status status = sink.Finish("test");
  EXPECT_TRUE(status.ok()) << status.message();
  return stream.str();
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

TEST(OrderedBlocksTest, EachWorkerIsOneThreadAndEveryItemIsFormattedOnce) {
  std::atomic<size_t> formatted{0};
  std::atomic<int> inside[4] = {0, 0, 0, 0};
  std::atomic<bool> shared{false};
  std::ostringstream stream;
  OutputSink sink(stream);
  FormatInOrder(
      999, 10, 4,
      [&](unsigned worker, size_t begin, size_t end, OutputSink* out) {
        ASSERT_LT(worker, 4u);
        if (inside[worker]++ != 0) shared = true;
        formatted += end - begin;
        out->Append(std::string(end - begin, 'x'));
        --inside[worker];
      },
      &sink);
  EXPECT_TRUE(sink.Finish("test").ok());
  EXPECT_EQ(formatted.load(), 999u);
  EXPECT_FALSE(shared.load()) << "two threads formatted as the same worker";
  EXPECT_EQ(stream.str(), std::string(999, 'x'));
}

// A stream buffer that takes `room` bytes and then refuses every write.
class FullDisk : public std::streambuf {
 public:
  explicit FullDisk(size_t room) : room_(room) {}
  size_t taken() const { return taken_; }

 protected:
  std::streamsize xsputn(const char*, std::streamsize n) override {
    if (taken_ + static_cast<size_t>(n) > room_) return 0;
    taken_ += static_cast<size_t>(n);
    return n;
  }
  int_type overflow(int_type c) override {
    if (taken_ + 1 > room_) return traits_type::eof();
    ++taken_;
    return c;
  }

 private:
  size_t room_;
  size_t taken_ = 0;
};

TEST(OrderedBlocksTest, AFailedOutputStopsTheRun) {
  for (unsigned threads : {1u, 2u, 4u}) {
    FullDisk disk(1 << 20);
    std::ostream stream(&disk);
    OutputSink sink(stream);
    std::atomic<size_t> formatted{0};
    // Ten million items would be about 80 MB: the run must stop near the
    // first megabyte, not format them all.
    FormatInOrder(10000000, 10000, threads,
                  [&](unsigned, size_t begin, size_t end, OutputSink* out) {
                    formatted += end - begin;
                    FormatItems(begin, end, out);
                  },
                  &sink);
    EXPECT_TRUE(sink.failed()) << "threads " << threads;
    EXPECT_FALSE(sink.Finish("out.graphml").ok());
    EXPECT_LT(formatted.load(), 1000000u) << "threads " << threads;
  }
}

}  // namespace
}  // namespace exporters_internal
}  // namespace newsgraph
