#include "graph/edge_index.h"

#include <algorithm>
#include <stdexcept>

namespace newsgraph {

void EdgeIndex::Insert(size_t source, RelationKind relation, size_t target,
                       Edge* edge) {
  if (source > UINT32_MAX || target > UINT32_MAX) {
    throw std::length_error("EdgeIndex: vertex beyond 2^32");
  }
  if (2 * (size_ + 1) > slots_.size()) Grow();
  Place(MakeSlot(source, relation, target, edge));
  ++size_;
}

void EdgeIndex::Clear() {
  slots_.clear();
  size_ = 0;
}

void EdgeIndex::Place(const Slot& slot) {
  const size_t mask = slots_.size() - 1;
  size_t i = Hash(slot) & mask;
  while (slots_[i].edge != nullptr) i = (i + 1) & mask;
  slots_[i] = slot;
}

// The keys are in the slots, so growing reads no edge.
void EdgeIndex::Grow() {
  std::vector<Slot> old(std::max<size_t>(16, slots_.size() * 2));
  old.swap(slots_);
  for (const Slot& slot : old) {
    if (slot.edge != nullptr) Place(slot);
  }
}

}  // namespace newsgraph
