#include "extractors/tokenizer.h"

#include <array>
#include <cstring>
#include <unordered_set>

namespace newsgraph {

namespace {

bool IsAsciiAlpha(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

// Length of the UTF-8 sequence starting at text[i] (1 for invalid bytes).
size_t SeqLen(std::string_view text, size_t i) {
  unsigned char c = text[i];
  size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  return i + n <= text.size() ? n : 1;
}

// Multi-byte characters that are punctuation or space, not letters.
bool IsUnicodePunctOrSpace(std::string_view ch) {
  static const std::unordered_set<std::string_view> kPunct = {
      "\u2018", "\u2019", "\u201C", "\u201D", "\u2013", "\u2014", "\u2026",
      "\u00A0", "\u00AB", "\u00BB", "\u2022", "\u00B7", "\u2032", "\u2033",
      "\u3001", "\u3002", "\uFF0C", "\uFF1A", "\u2009", "\u200B", "\u200E",
      "\u200F", "\u202F", "\u2010", "\u2011", "\u2012", "\u2212", "\u00A9",
      "\u00AE", "\u2122", "\u00B0", "\u00A3", "\u20AC", "\u00A5", "\uFFFD"};
  return kPunct.count(ch) > 0;
}

bool IsUnicodeSpace(std::string_view ch) {
  return ch == "\u00A0" || ch == "\u2009" || ch == "\u200B" ||
         ch == "\u202F" || ch == "\u200E" || ch == "\u200F";
}

bool IsWordChar(std::string_view text, size_t i) {
  unsigned char c = text[i];
  if (c < 0x80) return IsAsciiAlpha(c) || IsDigit(c);
  return !IsUnicodePunctOrSpace(text.substr(i, SeqLen(text, i)));
}

bool IsApostrophe(std::string_view text, size_t i, size_t* len) {
  if (text[i] == '\'') {
    *len = 1;
    return true;
  }
  if (text[i] == '\xE2' && text.compare(i, 3, "\u2019") == 0) {
    *len = 3;
    return true;
  }
  return false;
}

const std::unordered_set<std::string>& Abbreviations() {
  static const std::unordered_set<std::string> kAbbrev = {
      "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt",
      "sgt", "adm", "gov", "sen", "rep", "rev", "st", "sr", "jr", "mt",
      "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
      "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs",
      "fri", "sat", "sun", "inc", "corp", "co", "ltd", "vs", "etc",
      "approx", "dept", "est", "fig", "govt", "pres", "u.s", "u.n", "u.k",
      "e.g", "i.e", "a.m", "p.m", "n", "s", "d.c", "u.s.a", "e.u", "ft",
      "vol", "pp"};
  return kAbbrev;
}

}  // namespace

std::string Lower(std::string_view text) {
  std::string out(text);
  LowerInPlace(&out);
  return out;
}

bool StartsUpperNonAscii(std::string_view word) {
  unsigned char c = word[0];
  // Latin-1 uppercase U+00C0..U+00DE (except U+00D7) are C3 80..C3 9E.
  if (c == 0xC3 && word.size() > 1) {
    unsigned char d = word[1];
    return d >= 0x80 && d <= 0x9E && d != 0x97;
  }
  // Latin Extended-A alternates upper/lower; treat even code points upper.
  if ((c == 0xC4 || c == 0xC5) && word.size() > 1) {
    unsigned cp = ((c & 0x1F) << 6) | (word[1] & 0x3F);
    return cp % 2 == 0;
  }
  return false;
}

bool AllUpper(std::string_view word) {
  bool letters = false;
  for (unsigned char c : word) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') letters = true;
  }
  return letters;
}

std::vector<Token> Tokenize(std::string_view text, Span span) {
  std::vector<Token> tokens;
  AppendTokens(text, span, &tokens);
  return tokens;
}

void AppendTokens(std::string_view text, Span span, std::vector<Token>* out) {
  std::vector<Token>& tokens = *out;
  const size_t first = tokens.size();  // tokens before are not this span's
  size_t i = span.begin;
  const size_t end = std::min(span.end, text.size());
  while (i < end) {
    unsigned char c = text[i];
    if (IsSpace(c)) {
      ++i;
      continue;
    }
    size_t len = SeqLen(text, i);
    if (c >= 0x80 && IsUnicodeSpace(text.substr(i, len))) {
      i += len;
      continue;
    }
    size_t apos_len = 0;
    // Possessive 's as its own token.
    if (IsApostrophe(text, i, &apos_len) && tokens.size() > first &&
        tokens.back().span.end == i && i + apos_len < end &&
        (text[i + apos_len] == 's' || text[i + apos_len] == 'S') &&
        (i + apos_len + 1 >= end || !IsWordChar(text, i + apos_len + 1))) {
      tokens.push_back({{i, i + apos_len + 1}, TokenShape::kWord});
      i += apos_len + 1;
      continue;
    }
    if (!IsWordChar(text, i)) {
      tokens.push_back({{i, i + len}, TokenShape::kPunctuation});
      i += len;
      continue;
    }
    // A word or number: word characters joined by inner - ' . , : /
    size_t start = i;
    bool all_digits = true;
    while (i < end) {
      // ASCII letters and digits, most of a word, without the general test.
      const unsigned char b = text[i];
      if (IsAsciiAlpha(b)) {
        all_digits = false;
        ++i;
        continue;
      }
      if (IsDigit(b)) {
        ++i;
        continue;
      }
      if (IsWordChar(text, i)) {
        if (!IsDigit(static_cast<unsigned char>(text[i]))) all_digits = false;
        i += SeqLen(text, i);
        continue;
      }
      char p = text[i];
      size_t join_len = 1;
      bool joiner = p == '-' || p == '.' || p == '&';
      if (IsApostrophe(text, i, &join_len)) {
        // Not a possessive 's: that becomes its own token.
        size_t next = i + join_len;
        bool possessive = next < end && (text[next] == 's' || text[next] == 'S') &&
                          (next + 1 >= end || !IsWordChar(text, next + 1));
        joiner = !possessive;
      }
      if (all_digits && (p == ',' || p == ':' || p == '.')) joiner = true;
      if (!joiner || i + join_len >= end || !IsWordChar(text, i + join_len)) {
        break;
      }
      // "A&B" only between uppercase letters (AT&T, S&P).
      if (p == '&' && !(i > start && text[i - 1] >= 'A' && text[i - 1] <= 'Z')) {
        break;
      }
      i += join_len;
    }
    // Keep the final dot of an abbreviation or of initials (U.S., D.C.).
    if (i < end && text[i] == '.') {
      std::string word = Lower(text.substr(start, i - start));
      bool initials = word.size() >= 3 && word[1] == '.';
      bool single_upper = word.size() == 1 && c >= 'A' && c <= 'Z';
      if (Abbreviations().count(word) || initials || single_upper) ++i;
    }
    tokens.push_back(
        {{start, i}, all_digits ? TokenShape::kNumber : TokenShape::kWord});
  }
}

std::string PhraseKey(std::string_view text) {
  return Lower(ExactPhraseKey(text));
}

std::string ExactPhraseKey(std::string_view text) {
  std::string key;
  for (const Token& t : Tokenize(text)) {
    if (!key.empty()) key += ' ';
    key += text.substr(t.span.begin, t.span.size());
  }
  return key;
}

}  // namespace newsgraph
