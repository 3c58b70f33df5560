#include "extractors/tokenizer.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <unordered_set>

namespace newsgraph {

namespace {

// What a byte is, by table: the tokenizer asks of every byte of every
// document, and one load beats a chain of comparisons.
enum ByteClass : uint8_t {
  kAlpha = 1,  // ASCII letter
  kDigit = 2,  // ASCII digit
  kSpace = 4,  // ASCII white space
};
constexpr uint8_t kAlnum = kAlpha | kDigit;

constexpr std::array<uint8_t, 256> MakeByteClasses() {
  std::array<uint8_t, 256> classes{};
  for (int c = 'a'; c <= 'z'; ++c) classes[c] = kAlpha;
  for (int c = 'A'; c <= 'Z'; ++c) classes[c] = kAlpha;
  for (int c = '0'; c <= '9'; ++c) classes[c] = kDigit;
  for (char c : {' ', '\t', '\n', '\r', '\f', '\v'}) {
    classes[static_cast<unsigned char>(c)] = kSpace;
  }
  return classes;
}
constexpr std::array<uint8_t, 256> kByteClasses = MakeByteClasses();

uint8_t ClassOf(unsigned char c) { return kByteClasses[c]; }

// The length of the run of ASCII letters and digits that starts p[0, n);
// sets *letters when the run holds a letter. Eight bytes at a time where
// the machine is little-endian: a word is then found in one or two steps,
// not by a branch per byte.
size_t AlnumRun(const char* p, size_t n, bool* letters) {
  size_t k = 0;
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHigh = 0x80 * kOnes;
  // In each byte below 0x80, adding 0x80 - c sets the high bit from c up,
  // and carries into no other byte.
  auto from = [](uint64_t low7, unsigned char c) {
    return low7 + (0x80 - c) * kOnes;
  };
  for (; k + 8 <= n; k += 8) {
    uint64_t w;
    std::memcpy(&w, p + k, 8);
    const uint64_t ascii = ~w & kHigh;
    const uint64_t low7 = w & ~kHigh;
    const uint64_t folded = low7 | 0x20 * kOnes;  // 'A'-'Z' to 'a'-'z'
    const uint64_t digit = from(low7, '0') & ~from(low7, '9' + 1);
    const uint64_t letter = from(folded, 'a') & ~from(folded, 'z' + 1);
    const uint64_t alnum = (digit | letter) & ascii;
    if (alnum == kHigh) {
      if (letter & ascii) *letters = true;
      continue;
    }
    const size_t stop =
        static_cast<size_t>(__builtin_ctzll(~alnum & kHigh)) / 8;
    const uint64_t before = (uint64_t{1} << (8 * stop)) - 1;  // bytes < stop
    if (letter & ascii & before) *letters = true;
    return k + stop;
  }
#endif
  for (; k < n; ++k) {
    const uint8_t cls = ClassOf(static_cast<unsigned char>(p[k]));
    if ((cls & kAlnum) == 0) break;
    if (cls & kAlpha) *letters = true;
  }
  return k;
}
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// Length of the UTF-8 sequence starting at text[i] (1 for invalid bytes).
size_t SeqLen(std::string_view text, size_t i) {
  unsigned char c = text[i];
  size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  return i + n <= text.size() ? n : 1;
}

// Multi-byte characters that are punctuation or space, not letters.
bool IsUnicodePunctOrSpace(std::string_view ch) {
  // Every one below starts with one of these bytes: letters of most
  // scripts are told apart without a hash.
  const unsigned char lead = ch[0];
  if (lead != 0xC2 && lead != 0xE2 && lead != 0xE3 && lead != 0xEF) {
    return false;
  }
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

// IsWordChar() for text[i] >= 0x80.
bool IsNonAsciiWordChar(std::string_view text, size_t i) {
  return !IsUnicodePunctOrSpace(text.substr(i, SeqLen(text, i)));
}

// Inline for ASCII, which is most of every text.
inline bool IsWordChar(std::string_view text, size_t i) {
  unsigned char c = text[i];
  if (c < 0x80) return (ClassOf(c) & kAlnum) != 0;
  return IsNonAsciiWordChar(text, i);
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

constexpr std::string_view kAbbreviations[] = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt",
    "sgt", "adm", "gov", "sen", "rep", "rev", "st", "sr", "jr", "mt",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs",
    "fri", "sat", "sun", "inc", "corp", "co", "ltd", "vs", "etc",
    "approx", "dept", "est", "fig", "govt", "pres", "u.s", "u.n", "u.k",
    "e.g", "i.e", "a.m", "p.m", "n", "s", "d.c", "u.s.a", "e.u", "ft",
    "vol", "pp"};

constexpr size_t LongestAbbreviation() {
  size_t longest = 0;
  for (std::string_view a : kAbbreviations) longest = std::max(longest, a.size());
  return longest;
}
// Longer words are no abbreviation, and are not lowered to be looked up.
constexpr size_t kMaxAbbreviation = LongestAbbreviation();

bool IsAbbreviation(std::string_view lower_word) {
  static const std::unordered_set<std::string_view> kSet(
      std::begin(kAbbreviations), std::end(kAbbreviations));
  return kSet.count(lower_word) > 0;
}

}  // namespace

std::string Lower(std::string_view text) {
  std::string out(text);
  LowerAscii(out.data(), out.size(), out.data());
  return out;
}

void LowerAscii(const char* from, size_t size, char* to) {
  // Eight bytes at a time: in each byte below 0x80, adding 0x3F sets the
  // high bit from 'A' up and adding 0x25 from '[' up; neither carries
  // into the next byte. Where exactly the first is set, 0x20 is or-ed in.
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHigh = 0x80 * kOnes;
  size_t k = 0;
  for (; k + 8 <= size; k += 8) {
    uint64_t w;
    std::memcpy(&w, from + k, 8);
    const uint64_t low7 = w & ~kHigh;
    const uint64_t from_a = low7 + (0x80 - 'A') * kOnes;
    const uint64_t past_z = low7 + (0x80 - 'Z' - 1) * kOnes;
    w |= ((from_a ^ past_z) & ~w & kHigh) >> 2;
    std::memcpy(to + k, &w, 8);
  }
  for (; k < size; ++k) {
    const char c = from[k];
    to[k] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
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
  // Written in place, field by field: a Token put together on the stack
  // and copied in would be stored in pieces and read back whole, which
  // stalls the processor at every token.
  auto add = [&tokens](size_t from, size_t to, TokenShape shape) {
    Token& token = tokens.emplace_back();
    token.span.begin = from;
    token.span.end = to;
    token.shape = shape;
  };
  while (i < end) {
    unsigned char c = text[i];
    const uint8_t c_class = ClassOf(c);
    if (c_class & kSpace) {
      ++i;
      continue;
    }
    // An ASCII letter or digit starts a word: none of the tests below would
    // take it.
    if ((c_class & kAlnum) == 0) {
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
        add(i, i + apos_len + 1, TokenShape::kWord);
        i += apos_len + 1;
        continue;
      }
      if (!IsWordChar(text, i)) {
        add(i, i + len, TokenShape::kPunctuation);
        i += len;
        continue;
      }
    }
    // A word or number: word characters joined by inner - ' . , : /
    size_t start = i;
    bool all_digits = true;
    while (i < end) {
      // ASCII letters and digits, most of a word, without the general test.
      bool letters = false;
      i += AlnumRun(text.data() + i, end - i, &letters);
      if (letters) all_digits = false;
      // A space ends most words, and joins nothing.
      if (i >= end || (ClassOf(static_cast<unsigned char>(text[i])) & kSpace)) {
        break;
      }
      // Not an ASCII word character: a multi-byte one, or the word's end.
      if (static_cast<unsigned char>(text[i]) >= 0x80 &&
          IsNonAsciiWordChar(text, i)) {
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
      const size_t size = i - start;
      bool initials = size >= 3 && text[start + 1] == '.';
      bool single_upper = size == 1 && c >= 'A' && c <= 'Z';
      bool abbreviation = false;
      if (!initials && !single_upper && size <= kMaxAbbreviation) {
        char lower[kMaxAbbreviation];
        for (size_t k = 0; k < size; ++k) {
          const char b = text[start + k];
          lower[k] = b >= 'A' && b <= 'Z' ? static_cast<char>(b - 'A' + 'a') : b;
        }
        abbreviation = IsAbbreviation(std::string_view(lower, size));
      }
      if (abbreviation || initials || single_upper) ++i;
    }
    add(start, i, all_digits ? TokenShape::kNumber : TokenShape::kWord);
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
