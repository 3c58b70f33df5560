#include "extractors/segmenter.h"

#include <algorithm>

#include "extractors/tokenizer.h"

namespace newsgraph {

namespace {

constexpr size_t kMaxSentenceTokens = 200;

bool IsTerminator(std::string_view t) {
  if (t.size() == 1) return t[0] == '.' || t[0] == '!' || t[0] == '?';
  return t == "\u2026";
}

bool IsCloser(std::string_view t) {
  return t == "\"" || t == "'" || t == ")" || t == "]" || t == "\u201D" ||
         t == "\u2019";
}

bool StartsSentence(std::string_view t) {
  if (t.empty()) return false;
  unsigned char c = t[0];
  return StartsUpper(t) || (c >= '0' && c <= '9') || c == '"' || c == '(' ||
         t == "\u201C" || t == "\u2018" || c == '\'' || c >= 0x80;
}

// True when the gap between two tokens holds a blank line.
bool BlankLineBetween(std::string_view text, size_t from, size_t to) {
  if (to - from < 2) return false;  // most gaps: one space, or none
  int newlines = 0;
  for (size_t i = from; i < to; ++i) {
    if (text[i] == '\n') {
      if (++newlines >= 2) return true;
    } else if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r') {
      newlines = 0;
    }
  }
  return false;
}

}  // namespace

void SegmentRegion(Document& doc, const Region& region) {
  // The region's bytes lowered into lower_text, which mirrors text.
  if (doc.lower_text.size() != doc.text.size()) {
    doc.lower_text.resize(doc.text.size());
  }
  const size_t end = std::min(region.span.end, doc.text.size());
  if (region.span.begin < end) {
    LowerAscii(doc.text.data() + region.span.begin, end - region.span.begin,
               &doc.lower_text[0] + region.span.begin);
  }
  const size_t base = doc.tokens.size();
  AppendTokens(doc.text, region.span, &doc.tokens);
  // This region's tokens, indexed from 0 as below.
  const Token* tokens = doc.tokens.data() + base;
  const size_t count = doc.tokens.size() - base;
  if (count == 0) return;
  const bool title = region.kind == Region::Kind::kTitle;
  // Token k's text (doc.Text() checks its bounds; these spans are inside).
  const char* const chars = doc.text.data();
  auto text_of = [&](size_t k) {
    return std::string_view(chars + tokens[k].span.begin,
                            tokens[k].span.size());
  };
  size_t start = 0;
  auto close = [&](size_t end) {  // tokens [start, end)
    if (end <= start) return;
    Sentence s;
    s.first_token = base + start;
    s.last_token = base + end;
    s.span = {tokens[start].span.begin, tokens[end - 1].span.end};
    s.in_title = title;
    doc.sentences.push_back(s);
    start = end;
  };
  for (size_t i = 0; i < count; ++i) {
    if (i > start &&
        BlankLineBetween(doc.text, tokens[i - 1].span.end, tokens[i].span.begin)) {
      close(i);
    }
    // Text with no sentence ends (tables, lists, scraped junk) is cut into
    // pieces, so that no stage ever looks at an unbounded sentence.
    if (i - start >= kMaxSentenceTokens) close(i);
    // A terminator is always a punctuation token: the shape, read with the
    // span, turns the words away without looking at their text.
    if (title || tokens[i].shape != TokenShape::kPunctuation ||
        !IsTerminator(text_of(i))) {
      continue;
    }
    size_t end = i + 1;
    while (end < count && IsTerminator(text_of(end))) ++end;
    while (end < count && IsCloser(text_of(end))) ++end;
    if (end >= count) break;
    if (StartsSentence(text_of(end))) {
      close(end);
      i = end - 1;
    }
  }
  close(count);
}

void SegmenterStage::Run(Document& doc, DocumentState&, KnowledgeGraph&) const {
  doc.tokens.clear();
  doc.sentences.clear();
  // News text has a token every 5 to 8 bytes (tables and figures make it
  // denser): one allocation, mostly.
  doc.tokens.reserve(doc.text.size() / 5 + 16);
  for (const Region& region : doc.regions) SegmentRegion(doc, region);
}

}  // namespace newsgraph
