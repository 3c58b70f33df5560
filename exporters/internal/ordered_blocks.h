// Formats a long run of items (nodes, edges) on several threads and hands
// the text to one writer in the items' order. Internal to exporters/.
//
// The items are cut into blocks of consecutive indexes. Each thread formats
// whole blocks into buffers of its own; the calling thread passes finished
// blocks to `write` strictly in order, so the output is byte for byte what
// one thread formatting every item in turn would give, for any number of
// threads. At most 2 * threads blocks are held at once: memory stays
// bounded however many items there are.
#ifndef NEWSGRAPH_EXPORTERS_INTERNAL_ORDERED_BLOCKS_H_
#define NEWSGRAPH_EXPORTERS_INTERNAL_ORDERED_BLOCKS_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "graph/status.h"

namespace newsgraph {
namespace exporters_internal {

// Appends the text of items [begin, end) to `out`. Called from several
// threads at once with disjoint ranges: it must only read shared data.
using FormatBlock = std::function<void(size_t begin, size_t end, std::string* out)>;

// Writes `text`; called on the calling thread only, in item order. A
// failure stops the run: the blocks not yet written are dropped.
using WriteBlock = std::function<Status(std::string_view text)>;

// Formats items [0, count) in blocks of `block_items` with `threads`
// threads (1 or 0: all on the calling thread) and writes them in order.
// Returns the first failure of `write`, else Ok.
Status FormatInOrder(size_t count, size_t block_items, unsigned threads,
                     const FormatBlock& format, const WriteBlock& write);

}  // namespace exporters_internal
}  // namespace newsgraph

#endif  // NEWSGRAPH_EXPORTERS_INTERNAL_ORDERED_BLOCKS_H_
