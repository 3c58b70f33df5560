// WordTable: words, each with a uint32_t of bits, looked up at every token.
//
// Open addressing over a power-of-two table of 8-byte slots that keep part
// of each word's hash and its bits: a lookup is one hash, one mask and,
// almost always, one slot, with no node to chase and no division
// (std::unordered_map has both); the word itself is read only to confirm a
// match. Filled once, then read only; reading is thread-safe.
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

  // The bits of `word`; 0 for a word not in the table. Inline, as the
  // few lines it takes: it runs at every token.
  uint32_t Find(std::string_view word) const {
    if (!MayHold(word)) return 0;
    return slots_[SlotOf(word, Hash(word))].bits;  // an empty slot has 0
  }

  size_t size() const { return size_; }

 private:
  struct Slot {
    uint32_t tag = 0;  // Tag(hash) of the word here; 0: the slot is empty
    uint32_t bits = 0;
  };
  struct Word {
    uint32_t offset = 0;  // in words_
    uint32_t length = 0;
  };
  // FNV-1a: words are short, so a byte at a time is quick enough.
  static uint64_t Hash(std::string_view word) {
    uint64_t h = 14695981039346656037ull;
    for (unsigned char c : word) h = (h ^ c) * 1099511628211ull;
    return h;
  }
  // A word's length and its first and last bytes, as 14 bits: a sketch no
  // word of the table has rules the word out before it is hashed (most
  // tokens, for a table of a few hundred words).
  static size_t Sketch(std::string_view word) {
    const size_t first = static_cast<unsigned char>(word.front()) & 31;
    const size_t last = static_cast<unsigned char>(word.back()) & 31;
    return (word.size() & 15) << 10 | first << 5 | last;
  }
  bool MayHold(std::string_view word) const {
    if (word.empty()) return true;
    const size_t sketch = Sketch(word);
    return (sketches_[sketch / 64] >> (sketch % 64)) & 1;
  }
  static uint32_t Tag(uint64_t hash) {
    return static_cast<uint32_t>(hash >> 32) | 1;
  }
  // The slot holding `word`, or the empty slot where it would go.
  size_t SlotOf(std::string_view word, uint64_t hash) const {
    const size_t mask = slots_.size() - 1;
    const uint32_t tag = Tag(hash);
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      if (slots_[i].tag == 0) return i;
      if (slots_[i].tag == tag && where_[i].length == word.size() &&
          SameBytes(words_.data() + where_[i].offset, word)) {
        return i;
      }
    }
  }
  // The words are short: a loop beats a call to memcmp.
  static bool SameBytes(const char* stored, std::string_view word) {
    for (size_t k = 0; k < word.size(); ++k) {
      if (stored[k] != word[k]) return false;
    }
    return true;
  }
  void Grow();

  std::vector<uint64_t> sketches_;  // bit Sketch(w) set for every word w
  std::vector<Slot> slots_;         // a power of two, at most half full
  std::vector<Word> where_;         // by slot: the word in that slot
  std::string words_;               // every word, one after another
  size_t size_ = 0;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACTORS_WORD_TABLE_H_
