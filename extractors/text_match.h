// Small helpers the stages share for looking at tokens and mentions.
#ifndef NEWSGRAPH_EXTRACTORS_TEXT_MATCH_H_
#define NEWSGRAPH_EXTRACTORS_TEXT_MATCH_H_

#include <string>
#include <string_view>
#include <vector>

#include "extractors/document.h"
#include "extractors/lexicon_data.h"

namespace newsgraph {

// Lowercase text of token i ("" past the end), from the segmenter's
// lower_text. Inline: every stage asks at nearly every token. A view, so
// that a test against a literal ("by") is an inline size check, not a call
// to std::string::compare.
inline std::string_view LowerToken(const Document& doc, size_t i) {
  return i < doc.tokens.size() ? doc.LowerTokenText(i) : std::string_view();
}

// For each token, the index of the mention covering it, or -1.
std::vector<int> TokenMentionMap(const Document& doc);

// The mention a country mention qualifies when an official or body
// follows it directly or after a possessive ("Iranian Foreign Minister
// Zarif", "Iran's Foreign Minister Zarif"); otherwise m itself.
int QualifiedMention(const Document& doc, const std::vector<int>& cover, int m);

// "John Kerry" -> "john-kerry": lowercase ASCII letters and digits joined by
// hyphens; other bytes (accents, scripts) are kept as-is.
std::string Slug(std::string_view text);

// Possessive marker token ('s or ’s).
bool IsPossessive(std::string_view token);

// Inflections of an English lemma: itself, -s, -ed, -ing forms (regular
// rules plus a table of irregular verbs).
std::vector<std::string> Inflections(const std::string& lemma);

// Keeps doc.mentions sorted by position.
void SortMentions(Document& doc);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACTORS_TEXT_MATCH_H_
