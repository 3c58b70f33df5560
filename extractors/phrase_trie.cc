#include "extractors/phrase_trie.h"

namespace newsgraph {

PhraseTrie::PhraseTrie() : slots_(64) {}

uint32_t PhraseTrie::Add(const std::vector<uint32_t>& words) {
  uint32_t node = kRoot;
  for (uint32_t word : words) {
    const uint32_t next = Next(node, word);
    if (next != kNone) {
      node = next;
      continue;
    }
    if (2 * (edges_ + 1) > slots_.size()) Grow();
    const uint64_t key = Key(node, word);
    const size_t mask = slots_.size() - 1;
    size_t i = Hash(key) & mask;
    while (slots_[i].key != kEmpty) i = (i + 1) & mask;
    slots_[i].key = key;
    slots_[i].child = nodes_;
    ++edges_;
    node = nodes_++;
  }
  return node;
}

void PhraseTrie::Grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  const size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.key == kEmpty) continue;
    size_t i = Hash(slot.key) & mask;
    while (slots_[i].key != kEmpty) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

}  // namespace newsgraph
