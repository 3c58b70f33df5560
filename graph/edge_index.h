// EdgeIndex: a graph's edges by (source, relation, target), looked up at
// every mention of a relation.
//
// Open addressing over a power-of-two table of slots that hold the key and
// the edge, at most half full: a lookup touches one slot (then the edge the
// caller reads next), where a std::unordered_map visits a bucket and a list
// node. Vertices must be below 2^32. Not thread-safe.
#ifndef NEWSGRAPH_GRAPH_EDGE_INDEX_H_
#define NEWSGRAPH_GRAPH_EDGE_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "graph/schema.h"

namespace newsgraph {

struct Edge;

class EdgeIndex {
 public:
  // The edge from `source` to `target` with `relation`, or nullptr.
  Edge* Find(size_t source, RelationKind relation, size_t target) const {
    if (slots_.empty()) return nullptr;
    const Slot key = MakeSlot(source, relation, target, nullptr);
    const size_t mask = slots_.size() - 1;
    for (size_t i = Hash(key) & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.edge == nullptr) return nullptr;
      if (slot.source == key.source && slot.target == key.target &&
          slot.relation == key.relation) {
        return slot.edge;
      }
    }
  }

  // Adds the key -> `edge`. The key must not be in the index yet, `edge`
  // must not be null, and both vertices must be below 2^32.
  void Insert(size_t source, RelationKind relation, size_t target, Edge* edge);

  void Clear();
  size_t size() const { return size_; }

 private:
  struct Slot {
    uint32_t source = 0;
    uint32_t target = 0;
    uint32_t relation = 0;
    Edge* edge = nullptr;  // nullptr: the slot is empty
  };
  static Slot MakeSlot(size_t source, RelationKind relation, size_t target,
                       Edge* edge) {
    return {static_cast<uint32_t>(source), static_cast<uint32_t>(target),
            static_cast<uint32_t>(relation), edge};
  }
  static uint64_t Hash(const Slot& s) {
    const uint64_t h =
        ((uint64_t{s.source} << 32) ^ s.target) * 0x9E3779B97F4A7C15ull;
    return (h ^ (h >> 29)) + s.relation * 0xC2B2AE3D27D4EB4Full;
  }
  // Puts `slot` in the first empty slot from its place on.
  void Place(const Slot& slot);
  void Grow();

  std::vector<Slot> slots_;  // a power of two, or empty
  size_t size_ = 0;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_GRAPH_EDGE_INDEX_H_
