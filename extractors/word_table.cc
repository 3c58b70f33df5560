#include "extractors/word_table.h"

namespace newsgraph {

WordTable::WordTable() : slots_(64), where_(64) {}

// FNV-1a: words are short, so a byte at a time is quick enough.
uint64_t WordTable::Hash(std::string_view word) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : word) h = (h ^ c) * 1099511628211ull;
  return h;
}

size_t WordTable::SlotOf(std::string_view word, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  const uint32_t tag = Tag(hash);
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.tag == 0) return i;
    if (slot.tag == tag && where_[i].length == word.size() &&
        std::string_view(words_).substr(where_[i].offset, word.size()) ==
            word) {
      return i;
    }
  }
}

void WordTable::Add(std::string_view word, uint32_t bits) {
  const uint64_t hash = Hash(word);
  size_t i = SlotOf(word, hash);
  if (slots_[i].tag == 0) {
    if (2 * (size_ + 1) > slots_.size()) {
      Grow();
      i = SlotOf(word, hash);
    }
    slots_[i].tag = Tag(hash);
    where_[i].offset = static_cast<uint32_t>(words_.size());
    where_[i].length = static_cast<uint32_t>(word.size());
    words_ += word;
    ++size_;
  }
  slots_[i].bits |= bits;
}

uint32_t WordTable::Find(std::string_view word) const {
  return slots_[SlotOf(word, Hash(word))].bits;  // an empty slot has 0
}

void WordTable::Grow() {
  std::vector<Slot> old_slots(slots_.size() * 2);
  std::vector<Word> old_where(old_slots.size());
  old_slots.swap(slots_);
  old_where.swap(where_);
  const size_t mask = slots_.size() - 1;
  for (size_t k = 0; k < old_slots.size(); ++k) {
    if (old_slots[k].tag == 0) continue;
    const Word& word = old_where[k];
    size_t i =
        Hash(std::string_view(words_).substr(word.offset, word.length)) & mask;
    while (slots_[i].tag != 0) i = (i + 1) & mask;
    slots_[i] = old_slots[k];
    where_[i] = word;
  }
}

}  // namespace newsgraph
