// PhraseTrie: phrases as sequences of word ids (uint32_t, never 0), walked
// one word at a time, so that matching a phrase at a token needs neither a
// joined string nor a hash of it.
//
// Every node is a phrase or the first words of one; the root (kRoot) is the
// empty phrase. The edges live in one open-addressing table keyed by
// (node, word): a step is one multiply, one mask and, almost always, one
// slot. Filled once, then read only; reading is thread-safe.
#ifndef NEWSGRAPH_EXTRACTORS_PHRASE_TRIE_H_
#define NEWSGRAPH_EXTRACTORS_PHRASE_TRIE_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace newsgraph {

class PhraseTrie {
 public:
  static constexpr uint32_t kRoot = 0;
  static constexpr uint32_t kNone = 0xFFFFFFFFu;

  PhraseTrie();

  // Adds the phrase of `words` (ids other than 0) and returns its node:
  // the same node for the same words, a node other than kRoot for any
  // phrase of one word or more.
  uint32_t Add(const std::vector<uint32_t>& words);

  // The node of `node`'s phrase followed by `word`; kNone when no phrase
  // goes on so (and always for word 0). Inline: it runs at every lexicon
  // word of a text.
  uint32_t Next(uint32_t node, uint32_t word) const {
    const uint64_t key = Key(node, word);
    const size_t mask = slots_.size() - 1;
    for (size_t i = Hash(key) & mask;; i = (i + 1) & mask) {
      if (slots_[i].key == key) return slots_[i].child;
      if (slots_[i].key == kEmpty) return kNone;
    }
  }

  // Nodes, the root included: a node's number is below this.
  size_t size() const { return nodes_; }

 private:
  struct Slot {
    uint64_t key = kEmpty;
    uint32_t child = kNone;
  };
  // No edge has this key: word 0 is never added.
  static constexpr uint64_t kEmpty = 0;
  static uint64_t Key(uint32_t node, uint32_t word) {
    return uint64_t{node} << 32 | word;
  }
  static size_t Hash(uint64_t key) {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 20);
  }
  void Grow();

  std::vector<Slot> slots_;  // a power of two, at most half full
  size_t edges_ = 0;
  uint32_t nodes_ = 1;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACTORS_PHRASE_TRIE_H_
