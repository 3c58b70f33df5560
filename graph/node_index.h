// NodeIndex: the vertices of a graph's nodes by id, looked up at every
// mention of a node.
//
// Open addressing over a power-of-two table of (hash, vertex) slots, at
// most half full. The ids stay in the graph's nodes: a lookup compares
// hashes and reads an id, through the caller's `id_of`, only to confirm a
// match. So it touches one slot and the node it finds, which the caller
// reads next anyway, where a std::unordered_map<std::string, ...> visits a
// bucket, a list node and the key's own allocation first. Not thread-safe.
#ifndef NEWSGRAPH_GRAPH_NODE_INDEX_H_
#define NEWSGRAPH_GRAPH_NODE_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace newsgraph {

class NodeIndex {
 public:
  static constexpr size_t kNotFound = ~size_t{0};

  // The vertex whose id is `id`, or kNotFound. id_of(v) returns the id of
  // vertex v (anything comparable with a std::string_view), for every v
  // in the index.
  template <typename IdOf>
  size_t Find(std::string_view id, const IdOf& id_of) const {
    if (slots_.empty()) return kNotFound;
    const uint64_t hash = Hash(id);
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.vertex == kNotFound) return kNotFound;
      if (slot.hash == hash && id_of(slot.vertex) == id) return slot.vertex;
    }
  }

  // For prefetching: the hash Find() computes for `id`, a hint to bring the
  // slot it reads first into the cache, and the vertex Find() will most
  // likely return (the first with the same hash, no id read), or kNotFound.
  static uint64_t HashOf(std::string_view id) { return Hash(id); }
  void PrefetchSlot(uint64_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
  }
  size_t Probable(uint64_t hash) const {
    if (slots_.empty()) return kNotFound;
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.vertex == kNotFound || slot.hash == hash) return slot.vertex;
    }
  }

  // Adds `id` -> `vertex`. `id` must not be in the index yet, and `vertex`
  // must not be kNotFound.
  void Insert(std::string_view id, size_t vertex);

  void Clear();
  size_t size() const { return size_; }

 private:
  struct Slot {
    uint64_t hash = 0;
    size_t vertex = kNotFound;  // kNotFound: the slot is empty
  };
  static uint64_t Hash(std::string_view id) {
    return std::hash<std::string_view>{}(id);
  }
  // Puts (hash, vertex) in the first empty slot from its place on.
  void Place(uint64_t hash, size_t vertex);
  void Grow();

  std::vector<Slot> slots_;  // a power of two, or empty
  size_t size_ = 0;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_GRAPH_NODE_INDEX_H_
