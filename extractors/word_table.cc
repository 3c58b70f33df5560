#include "extractors/word_table.h"

namespace newsgraph {

WordTable::WordTable() : slots_(64) {}

// FNV-1a: words are short, so a byte at a time is quick enough.
uint64_t WordTable::Hash(std::string_view word) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : word) h = (h ^ c) * 1099511628211ull;
  return h;
}

size_t WordTable::SlotOf(std::string_view word, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (!slot.used) return i;
    if (slot.hash == hash && slot.length == word.size() &&
        std::string_view(words_).substr(slot.offset, slot.length) == word) {
      return i;
    }
  }
}

void WordTable::Add(std::string_view word, uint32_t bits) {
  const uint64_t hash = Hash(word);
  size_t i = SlotOf(word, hash);
  if (!slots_[i].used) {
    if (2 * (size_ + 1) > slots_.size()) {
      Grow();
      i = SlotOf(word, hash);
    }
    Slot& slot = slots_[i];
    slot.used = true;
    slot.hash = hash;
    slot.offset = static_cast<uint32_t>(words_.size());
    slot.length = static_cast<uint32_t>(word.size());
    words_ += word;
    ++size_;
  }
  slots_[i].bits |= bits;
}

uint32_t WordTable::Find(std::string_view word) const {
  return slots_[SlotOf(word, Hash(word))].bits;  // an empty slot has 0
}

void WordTable::Grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  const size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (!slot.used) continue;
    size_t i = slot.hash & mask;
    while (slots_[i].used) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

}  // namespace newsgraph
