// Tokenizer: splits UTF-8 text into word, number and punctuation tokens
// with byte offsets. Used both for documents and for lexicon phrases, so a
// phrase and the text it should match are cut the same way. Thread-safe.
#ifndef NEWSGRAPH_EXTRACTORS_TOKENIZER_H_
#define NEWSGRAPH_EXTRACTORS_TOKENIZER_H_

#include <string>
#include <string_view>
#include <vector>

#include "extractors/document.h"

namespace newsgraph {

// Tokens of text[span], offsets relative to the start of `text`.
// Words keep inner hyphens, apostrophes and dots ("U.S.", "vice-president",
// "O'Brien"); a possessive "'s" / "’s" is its own token; known
// abbreviations ("Dr.", "Jan.") keep their final dot.
std::vector<Token> Tokenize(std::string_view text, Span span);
inline std::vector<Token> Tokenize(std::string_view text) {
  return Tokenize(text, Span{0, text.size()});
}
// Tokenize(text, span) appended to *tokens (whose earlier tokens do not
// change how the span is cut).
void AppendTokens(std::string_view text, Span span, std::vector<Token>* tokens);

// ASCII-lowercased copy.
std::string Lower(std::string_view text);
// ASCII-lowercases the `size` bytes at `from` into `to`, which may be `from`
// itself; other bytes are copied as they are.
void LowerAscii(const char* from, size_t size, char* to);
// ASCII-lowercases *text in place.
inline void LowerInPlace(std::string* text) {
  for (char& c : *text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
}

// Lowercased token texts joined by single spaces: the key of a phrase.
std::string PhraseKey(std::string_view text);
// The same with the case kept ("U.S.  Navy" -> "U.S. Navy").
std::string ExactPhraseKey(std::string_view text);

// True when the word starts with an uppercase letter (ASCII or Latin-1/
// Latin Extended uppercase in UTF-8). Inline for the ASCII case: every
// stage asks it of many tokens.
bool StartsUpperNonAscii(std::string_view word);  // word[0] >= 0x80
inline bool StartsUpper(std::string_view word) {
  if (word.empty()) return false;
  const unsigned char c = word[0];
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return StartsUpperNonAscii(word);
}
// True when the word has letters and all of them are uppercase ("FBI").
bool AllUpper(std::string_view word);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACTORS_TOKENIZER_H_
