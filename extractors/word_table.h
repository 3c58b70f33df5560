// WordTable: words, each with a uint32_t of bits, looked up at every token.
//
// Open addressing over a power-of-two table of slots that keep each word's
// hash: a lookup is one hash, one mask and, almost always, one slot, with
// no node to chase and no division (std::unordered_map has both). Filled
// once, then read only; reading is thread-safe.
#ifndef NEWSGRAPH_EXTRACTORS_WORD_TABLE_H_
#define NEWSGRAPH_EXTRACTORS_WORD_TABLE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph {

class WordTable {
 public:
  WordTable();

  // Adds `bits` to the bits of `word` (a word not yet in the table has 0).
  void Add(std::string_view word, uint32_t bits);

  // The bits of `word`; 0 for a word not in the table.
  uint32_t Find(std::string_view word) const;

  size_t size() const { return size_; }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t offset = 0;  // of the word in words_
    uint32_t length = 0;
    uint32_t bits = 0;
    bool used = false;
  };
  static uint64_t Hash(std::string_view word);
  // The slot holding `word`, or the empty slot where it would go.
  size_t SlotOf(std::string_view word, uint64_t hash) const;
  void Grow();

  std::vector<Slot> slots_;  // a power of two, at most half full
  std::string words_;        // every word, one after another
  size_t size_ = 0;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACTORS_WORD_TABLE_H_
