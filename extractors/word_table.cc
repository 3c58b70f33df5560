#include "extractors/word_table.h"

namespace newsgraph {

WordTable::WordTable() : sketches_((1 << 14) / 64), slots_(64), where_(64) {}

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
    if (!word.empty()) {
      const size_t sketch = Sketch(word);
      sketches_[sketch / 64] |= uint64_t{1} << (sketch % 64);
    }
  }
  slots_[i].bits |= bits;
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
