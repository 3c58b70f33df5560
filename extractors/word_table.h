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
#include <cstring>
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
  // The word read 8 bytes at a time (a shorter word in two overlapping
  // loads of 4, or three single bytes), never a byte past its end, and
  // mixed by multiplication: a few instructions for a word of any length,
  // where a byte at a time (FNV-1a) takes a multiply per byte. Distinct
  // words may share a hash (a lookup then compares the bytes), never the
  // same word two hashes.
  static uint64_t Hash(std::string_view word) {
    const char* p = word.data();
    const size_t n = word.size();
    uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
    if (n >= 8) {
      size_t k = 0;
      for (; k + 8 < n; k += 8) h = Mix(h, Load8(p + k));
      h = Mix(h, Load8(p + n - 8));  // the last 8, overlapping the one before
    } else if (n >= 4) {
      h = Mix(h, uint64_t{Load4(p)} << 32 | Load4(p + n - 4));
    } else if (n > 0) {
      const uint64_t a = static_cast<unsigned char>(p[0]);
      const uint64_t b = static_cast<unsigned char>(p[n / 2]);
      const uint64_t c = static_cast<unsigned char>(p[n - 1]);
      h = Mix(h, a << 16 | b << 8 | c);
    }
    // Spread the high bits to the low ones, which pick the slot.
    return h ^ (h >> 29);
  }
  static uint64_t Mix(uint64_t h, uint64_t chunk) {
    h = (h ^ chunk) * 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 31);
  }
  // Unaligned loads, in the machine's byte order (the hash is never stored).
  static uint64_t Load8(const char* p) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
  }
  static uint32_t Load4(const char* p) {
    uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
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
  // Compared 8 bytes at a time, with the same overlapping loads as Hash()
  // (the lengths are known equal): no call, and no loop for most words.
  static bool SameBytes(const char* stored, std::string_view word) {
    const char* p = word.data();
    const size_t n = word.size();
    if (n >= 8) {
      for (size_t k = 0; k + 8 < n; k += 8) {
        if (Load8(stored + k) != Load8(p + k)) return false;
      }
      return Load8(stored + n - 8) == Load8(p + n - 8);
    }
    if (n >= 4) {
      return Load4(stored) == Load4(p) && Load4(stored + n - 4) == Load4(p + n - 4);
    }
    for (size_t k = 0; k < n; ++k) {
      if (stored[k] != p[k]) return false;
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
