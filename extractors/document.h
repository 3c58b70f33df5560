// Document: one article's text and the layers the pipeline adds to it.
//
// `text` is valid, XML-safe UTF-8 (readers repair it once, at the
// boundary). Every offset in every layer is a byte offset into `text`,
// half-open [begin, end). A Document is owned by the thread processing it.
#ifndef NEWSGRAPH_EXTRACTORS_DOCUMENT_H_
#define NEWSGRAPH_EXTRACTORS_DOCUMENT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "graph/schema.h"

namespace newsgraph {

struct Span {
  size_t begin = 0;
  size_t end = 0;
  size_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
};

// A repaired data problem or a note for the user. Never fatal.
struct Diagnostic {
  enum class Severity { kNote, kWarning, kError };
  Severity severity = Severity::kWarning;
  std::string location;  // "file:line" or "file:offset N", or empty
  std::string message;
};

// A part of the text the pipeline reads: the title, or a run of body text.
// Header lines, bylines and page furniture are outside every region.
struct Region {
  enum class Kind { kTitle, kBody };
  Kind kind = Kind::kBody;
  Span span;
};

enum class TokenShape {
  kWord,         // letters, maybe with digits, hyphens, apostrophes, dots
  kNumber,       // digits, maybe with , . :
  kPunctuation,  // one punctuation character (maybe multi-byte)
};

struct Token {
  Span span;
  TokenShape shape = TokenShape::kWord;
};

struct Sentence {
  Span span;
  size_t first_token = 0;  // tokens [first_token, last_token)
  size_t last_token = 0;
  bool in_title = false;
};

// A stretch of text that names a node of the graph.
struct EntityMention {
  Span span;
  size_t sentence = 0;
  size_t first_token = 0;  // tokens [first_token, last_token)
  size_t last_token = 0;
  std::string node_id;     // canonical id of the node it names
  NodeKind kind = NodeKind::kOrganization;
  std::string rule;        // what recognized it ("lexicon", "title+name" ...)
  bool coreference = false;  // found by resolving a pronoun, title, surname
  // A plural pronoun for a coordination ("Germany, France and Britain ...
  // they"): the other members it names besides node_id.
  std::vector<std::string> also;
};

struct Document {
  std::string id;      // from the input (id/url field, file name)
  std::string origin;  // file path (and line for JSON Lines), for messages
  std::string title;
  std::string date;    // ISO 8601 date (YYYY-MM-DD) or empty
  std::string source;
  std::string url;
  std::string text;
  std::vector<Region> regions;
  std::vector<Diagnostic> diagnostics;

  // Layers added by pipeline stages.
  std::vector<Token> tokens;
  // `text` ASCII-lowercased byte for byte, so that token spans index it as
  // they index `text`; made with the tokens (inside regions only). One copy
  // per document, not one string per token.
  std::string lower_text;
  std::vector<Sentence> sentences;
  std::vector<EntityMention> mentions;  // sorted by span.begin

  std::string_view Text(Span span) const {
    return std::string_view(text).substr(span.begin, span.size());
  }
  std::string_view TokenText(size_t i) const { return Text(tokens[i].span); }
  // Token i's text, ASCII-lowercased (from lower_text, unchecked).
  std::string_view LowerTokenText(size_t i) const {
    const Span& span = tokens[i].span;
    return std::string_view(lower_text.data() + span.begin, span.size());
  }
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACTORS_DOCUMENT_H_
