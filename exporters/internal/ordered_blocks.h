// Formats a long run of items (nodes, edges) on several threads and writes
// the text to one sink in the items' order. Internal to exporters/.
//
// The items are cut into blocks of consecutive indexes. Threads format
// whole blocks into memory sinks; the calling thread passes finished blocks
// to the output strictly in order, so the output is byte for byte what one
// thread formatting every item in turn gives, for any number of threads.
// At most 2 * threads blocks are held at once: memory stays bounded however
// many items there are.
#ifndef NEWSGRAPH_EXPORTERS_INTERNAL_ORDERED_BLOCKS_H_
#define NEWSGRAPH_EXPORTERS_INTERNAL_ORDERED_BLOCKS_H_

#include <cstddef>
#include <functional>

#include "exporters/internal/text.h"

namespace newsgraph {
namespace exporters_internal {

// Appends the text of items [begin, end) to `out`. `worker` (below the
// thread count) tells which thread calls, so that each can keep state of
// its own; calls with different workers run at once and must only read
// shared data.
using FormatBlock =
    std::function<void(unsigned worker, size_t begin, size_t end, OutputSink* out)>;

// Formats items [0, count) in blocks of `block_items` with `threads`
// threads and appends them to `out` in order. With one thread (or 0) the
// calling thread formats straight into `out` as worker 0, with no copy.
// Stops early once `out` has failed.
void FormatInOrder(size_t count, size_t block_items, unsigned threads,
                   const FormatBlock& format, OutputSink* out);

}  // namespace exporters_internal
}  // namespace newsgraph

#endif  // NEWSGRAPH_EXPORTERS_INTERNAL_ORDERED_BLOCKS_H_
