#include "graph/node_index.h"

#include <algorithm>

namespace newsgraph {

void NodeIndex::Insert(std::string_view id, size_t vertex) {
  if (2 * (size_ + 1) > slots_.size()) Grow();
  Place(Hash(id), vertex);
  ++size_;
}

void NodeIndex::Clear() {
  slots_.clear();
  size_ = 0;
}

void NodeIndex::Place(uint64_t hash, size_t vertex) {
  const size_t mask = slots_.size() - 1;
  size_t i = hash & mask;
  while (slots_[i].vertex != kNotFound) i = (i + 1) & mask;
  slots_[i] = {hash, vertex};
}

// The hashes are kept, so growing reads no id.
void NodeIndex::Grow() {
  std::vector<Slot> old(std::max<size_t>(16, slots_.size() * 2));
  old.swap(slots_);
  for (const Slot& slot : old) {
    if (slot.vertex != kNotFound) Place(slot.hash, slot.vertex);
  }
}

}  // namespace newsgraph
