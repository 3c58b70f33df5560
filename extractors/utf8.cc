#include "extractors/utf8.h"

#include <cstdint>
#include <cstring>

namespace newsgraph {
namespace {

constexpr char32_t kReplacement = 0xFFFD;
constexpr size_t kSniffBytes = 8192;

// The kinds of repair, in the order their diagnostics are reported.
enum RepairKind {
  kBomRemoved,
  kDecoded,
  kInvalid,
  kNul,
  kControl,
  kNonCharacter,
  kLineEnding,
  kNumRepairKinds,
};

const char* EncodingName(Encoding encoding) {
  switch (encoding) {
    case Encoding::kUtf8:
      return "UTF-8";
    case Encoding::kUtf16Le:
      return "UTF-16LE";
    case Encoding::kUtf16Be:
      return "UTF-16BE";
    case Encoding::kUtf32Le:
      return "UTF-32LE";
    case Encoding::kUtf32Be:
      return "UTF-32BE";
  }
  return "?";
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// "1 thing" / "2 things".
std::string Counted(size_t n, std::string_view singular,
                    std::string_view plural) {
  return std::to_string(n) + " " + std::string(n == 1 ? singular : plural);
}

// Accumulates the repaired text and, per kind of repair, how many there
// were and where the first was.
class Repairer {
 public:
  Repairer(size_t capacity, Encoding encoding, bool guessed)
      : encoding_(encoding), guessed_(guessed) {
    out_.reserve(capacity);
  }

  std::string& out() { return out_; }

  void Count(RepairKind kind, size_t offset) {
    Tally& tally = tallies_[kind];
    if (tally.count++ == 0) tally.first = offset;
  }

  // Appends a decoded code point (never CR: decoders turn line endings into
  // LF themselves), replacing what XML 1.0 forbids.
  void Emit(char32_t cp, size_t offset) {
    if (cp < 0x20 && cp != '\t' && cp != '\n') {
      Count(cp == 0 ? kNul : kControl, offset);
      out_ += ' ';
    } else if (cp == 0xFFFE || cp == 0xFFFF) {
      Count(kNonCharacter, offset);
      out_ += ' ';
    } else {
      AppendUtf8(cp, &out_);
    }
  }

  void EmitInvalid(size_t offset) {
    Count(kInvalid, offset);
    AppendUtf8(kReplacement, &out_);
  }

  void EmitLineEnding(size_t offset) {
    Count(kLineEnding, offset);
    out_ += '\n';
  }

  void Report(std::string_view origin,
              std::vector<Diagnostic>* diagnostics) const {
    if (diagnostics == nullptr) return;
    for (int kind = 0; kind < kNumRepairKinds; ++kind) {
      const Tally& tally = tallies_[kind];
      if (tally.count == 0) continue;
      Diagnostic d;
      d.severity = IsNote(static_cast<RepairKind>(kind))
                       ? Diagnostic::Severity::kNote
                       : Diagnostic::Severity::kWarning;
      d.location = origin.empty() ? "" : std::string(origin) + ":";
      d.location += "offset " + std::to_string(tally.first);
      d.message = Message(static_cast<RepairKind>(kind), tally.count);
      diagnostics->push_back(std::move(d));
    }
  }

 private:
  struct Tally {
    size_t count = 0;
    size_t first = 0;
  };

  // Conversions that lose nothing are notes; a guessed encoding and
  // replaced characters are warnings.
  bool IsNote(RepairKind kind) const {
    return kind == kBomRemoved || kind == kLineEnding ||
           (kind == kDecoded && !guessed_);
  }

  std::string Message(RepairKind kind, size_t n) const {
    const std::string name = EncodingName(encoding_);
    switch (kind) {
      case kBomRemoved:
        return "UTF-8 byte order mark removed";
      case kDecoded:
        return guessed_ ? "no byte order mark: decoded as " + name
                        : "decoded from " + name;
      case kInvalid:
        return Counted(n, "invalid " + name + " sequence",
                       "invalid " + name + " sequences") +
               " replaced by U+FFFD";
      case kNul:
        return Counted(n, "NUL character", "NUL characters") + " replaced by " +
               (n == 1 ? "a space" : "spaces");
      case kControl:
        return Counted(n, "control character", "control characters") +
               " replaced by " + (n == 1 ? "a space" : "spaces");
      case kNonCharacter:
        return Counted(n, "noncharacter U+FFFE/U+FFFF",
                       "noncharacters U+FFFE/U+FFFF") +
               " replaced by " + (n == 1 ? "a space" : "spaces");
      case kLineEnding:
        return Counted(n, "CR line ending", "CR line endings") +
               " converted to LF";
      case kNumRepairKinds:
        break;
    }
    return "";
  }

  Encoding encoding_;
  bool guessed_;
  std::string out_;
  Tally tallies_[kNumRepairKinds];
};

// ---- UTF-8 ----------------------------------------------------------------

struct Decoded {
  char32_t cp = kReplacement;
  size_t length = 1;
  bool valid = false;
};

bool IsContinuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// Decodes the sequence at p[0, n) (n >= 1, p[0] >= 0x80). An ill-formed
// sequence consumes its maximal subpart: the longest prefix that could
// start a well-formed sequence, at least one byte.
Decoded DecodeMultibyte(const unsigned char* p, size_t n) {
  const unsigned char b0 = p[0];
  Decoded d;
  size_t needed;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 < 0xC2) {
    return d;  // continuation byte, or C0/C1 (always overlong)
  } else if (b0 < 0xE0) {
    needed = 1;
    d.cp = b0 & 0x1F;
  } else if (b0 < 0xF0) {
    needed = 2;
    d.cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 < 0xF5) {
    needed = 3;
    d.cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return d;
  }
  for (size_t k = 1; k <= needed; ++k) {
    if (k >= n) return Decoded{kReplacement, k, false};
    const unsigned char b = p[k];
    const bool ok = k == 1 ? (b >= lo && b <= hi) : IsContinuation(b);
    if (!ok) return Decoded{kReplacement, k, false};
    d.cp = (d.cp << 6) | (b & 0x3F);
  }
  d.length = needed + 1;
  d.valid = true;
  return d;
}

// How many of the 8 bytes at p come before the first that is below 0x20 or
// above 0x7F (8 if none is). A byte below 0x20 borrows in the subtraction,
// but the lowest such byte always shows its high bit, and bytes in
// [0x20, 0x7F] never borrow; so the lowest high bit is the first such byte
// (the lowest-addressed, on a little-endian machine; elsewhere this says 0,
// and the caller looks at the bytes one by one).
size_t PlainAsciiPrefix(const unsigned char* p) {
  uint64_t w;
  std::memcpy(&w, p, sizeof w);
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  constexpr uint64_t kSpaces = 0x2020202020202020ULL;
  const uint64_t other = (w | (w - kSpaces)) & kHigh;
  if (other == 0) return 8;
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  return static_cast<size_t>(__builtin_ctzll(other)) / 8;
#else
  return 0;
#endif
}

// The offset of the first byte at or after p[i] that RepairUtf8 changes
// (CR, another C0 control but tab and LF, an ill-formed sequence, U+FFFE
// or U+FFFF), or n if there is none.
size_t CleanUntil(const unsigned char* p, size_t n, size_t i) {
  while (i < n) {
    // Eight bytes at a time, up to the next byte that is not plain ASCII
    // (in news text, mostly a line's end).
    while (i + 8 <= n) {
      const size_t plain = PlainAsciiPrefix(p + i);
      i += plain;
      if (plain < 8) break;
    }
    if (i >= n) break;
    const unsigned char b = p[i];
    if ((b >= 0x20 && b < 0x80) || b == '\t' || b == '\n') {
      ++i;
    } else if (b < 0x20) {
      return i;
    } else {
      const Decoded d = DecodeMultibyte(p + i, n - i);
      if (!d.valid || d.cp == 0xFFFE || d.cp == 0xFFFF) return i;
      i += d.length;
    }
  }
  return n;
}

// Copies clean stretches in one append each and repairs the rest.
void RepairUtf8(std::string_view bytes, size_t start, Repairer* r) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  std::string& out = r->out();
  size_t i = start;
  while (true) {
    const size_t clean = i;  // start of the stretch not yet copied
    i = CleanUntil(p, n, i);
    out.append(bytes.data() + clean, i - clean);
    if (i >= n) break;
    const unsigned char b = p[i];
    if (b == '\r') {
      r->EmitLineEnding(i);
      i += (i + 1 < n && p[i + 1] == '\n') ? 2 : 1;
    } else if (b < 0x20) {
      r->Emit(b, i);
      ++i;
    } else {
      const Decoded d = DecodeMultibyte(p + i, n - i);
      if (d.valid) {
        r->Emit(d.cp, i);
      } else {
        r->EmitInvalid(i);
      }
      i += d.length;
    }
  }
}

// ---- UTF-16 and UTF-32 ----------------------------------------------------

uint32_t ReadUnit(const unsigned char* p, size_t size, bool big_endian) {
  uint32_t v = 0;
  for (size_t k = 0; k < size; ++k) {
    const unsigned char b = big_endian ? p[k] : p[size - 1 - k];
    v = (v << 8) | b;
  }
  return v;
}

bool IsHighSurrogate(uint32_t u) { return u >= 0xD800 && u <= 0xDBFF; }
bool IsLowSurrogate(uint32_t u) { return u >= 0xDC00 && u <= 0xDFFF; }

// Decodes bytes[start, end) as code units of `unit` bytes (2 or 4).
void RepairWide(std::string_view bytes, size_t start, size_t unit,
                bool big_endian, Repairer* r) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  size_t i = start;
  auto unit_at = [&](size_t at) { return ReadUnit(p + at, unit, big_endian); };
  while (i + unit <= n) {
    uint32_t cp = unit_at(i);
    size_t length = unit;
    if (unit == 2 && IsHighSurrogate(cp) && i + 4 <= n &&
        IsLowSurrogate(unit_at(i + 2))) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (unit_at(i + 2) - 0xDC00);
      length = 4;
    }
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      r->EmitInvalid(i);
    } else if (cp == '\r') {
      r->EmitLineEnding(i);
      if (i + 2 * unit <= n && unit_at(i + unit) == '\n') length += unit;
    } else {
      r->Emit(cp, i);
    }
    i += length;
  }
  if (i < n) r->EmitInvalid(i);  // a truncated final code unit
}

bool TextLike(unsigned char b) {
  return (b >= 0x20 && b < 0x7F) || b == '\t' || b == '\n' || b == '\r';
}

// UTF-32 without a byte order mark: the two high bytes of every code unit
// are NUL (the BMP and plane 1 are all but everything), the lowest is not,
// and ASCII units are printable.
Encoding GuessUtf32(std::string_view bytes) {
  const size_t n = std::min(bytes.size(), kSniffBytes) & ~size_t{3};
  if (n < 8) return Encoding::kUtf8;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t units = n / 4;
  auto all = [&](size_t count) { return count * 10 >= units * 9; };
  auto few = [&](size_t count) { return count * 20 <= units; };
  for (const bool big_endian : {false, true}) {
    // Byte k of each unit, from the least significant.
    auto byte = [&](size_t unit, int k) {
      return p[unit * 4 + (big_endian ? 3 - k : k)];
    };
    size_t nul[4] = {0, 0, 0, 0}, ascii = 0, printable = 0;
    for (size_t u = 0; u < units; ++u) {
      for (int k = 0; k < 4; ++k) nul[k] += byte(u, k) == 0;
      if (byte(u, 1) == 0 && byte(u, 2) == 0 && byte(u, 3) == 0 &&
          byte(u, 0) < 0x80) {
        ++ascii;
        printable += TextLike(byte(u, 0));
      }
    }
    if (all(nul[3]) && all(nul[2]) && few(nul[0]) &&
        printable * 10 >= ascii * 9) {
      return big_endian ? Encoding::kUtf32Be : Encoding::kUtf32Le;
    }
  }
  return Encoding::kUtf8;
}

// UTF-16 without a byte order mark: in Latin-script text every other byte
// is NUL, and the bytes beside those NULs are printable ASCII.
Encoding GuessUtf16(std::string_view bytes) {
  const size_t n = std::min(bytes.size(), kSniffBytes) & ~size_t{1};
  if (n < 4) return Encoding::kUtf8;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t nul[2] = {0, 0};        // NULs at even, odd positions
  size_t printable[2] = {0, 0};  // printable partners of those NULs
  for (size_t i = 0; i < n; i += 2) {
    if (p[i] == 0) {
      ++nul[0];
      printable[0] += TextLike(p[i + 1]);
    }
    if (p[i + 1] == 0) {
      ++nul[1];
      printable[1] += TextLike(p[i]);
    }
  }
  const size_t pairs = n / 2;
  for (int side = 0; side < 2; ++side) {
    const size_t other = nul[1 - side];
    if (nul[side] * 10 >= pairs * 7 && other * 20 <= pairs &&
        printable[side] * 10 >= nul[side] * 9) {
      return side == 1 ? Encoding::kUtf16Le : Encoding::kUtf16Be;
    }
  }
  return Encoding::kUtf8;
}

}  // namespace

Encoding DetectEncoding(std::string_view bytes) {
  if (StartsWith(bytes, std::string_view("\xFF\xFE\0\0", 4))) {
    return Encoding::kUtf32Le;
  }
  if (StartsWith(bytes, std::string_view("\0\0\xFE\xFF", 4))) {
    return Encoding::kUtf32Be;
  }
  if (StartsWith(bytes, "\xFF\xFE")) return Encoding::kUtf16Le;
  if (StartsWith(bytes, "\xFE\xFF")) return Encoding::kUtf16Be;
  if (StartsWith(bytes, "\xEF\xBB\xBF")) return Encoding::kUtf8;
  const Encoding utf32 = GuessUtf32(bytes);
  return utf32 != Encoding::kUtf8 ? utf32 : GuessUtf16(bytes);
}

std::string RepairText(std::string_view bytes, std::string_view origin,
                       std::vector<Diagnostic>* diagnostics) {
  const Encoding encoding = DetectEncoding(bytes);
  // Every byte order mark but UTF-8's starts with FF FE, FE FF or 00 00 FE.
  const bool guessed = encoding != Encoding::kUtf8 &&
                       !StartsWith(bytes, "\xFF\xFE") &&
                       !StartsWith(bytes, "\xFE\xFF") &&
                       !StartsWith(bytes, std::string_view("\0\0\xFE\xFF", 4));
  Repairer r(bytes.size(), encoding, guessed);
  switch (encoding) {
    case Encoding::kUtf8: {
      size_t start = 0;
      if (StartsWith(bytes, "\xEF\xBB\xBF")) {
        r.Count(kBomRemoved, 0);
        start = 3;
      }
      RepairUtf8(bytes, start, &r);
      break;
    }
    case Encoding::kUtf16Le:
    case Encoding::kUtf16Be:
      r.Count(kDecoded, 0);
      RepairWide(bytes, guessed ? 0 : 2, 2, encoding == Encoding::kUtf16Be, &r);
      break;
    case Encoding::kUtf32Le:
    case Encoding::kUtf32Be:
      r.Count(kDecoded, 0);
      RepairWide(bytes, guessed ? 0 : 4, 4, encoding == Encoding::kUtf32Be, &r);
      break;
  }
  r.Report(origin, diagnostics);
  return std::move(r.out());
}

std::string RepairUtf8Text(std::string_view bytes, std::string_view origin,
                           std::vector<Diagnostic>* diagnostics) {
  Repairer r(bytes.size(), Encoding::kUtf8, false);
  RepairUtf8(bytes, 0, &r);
  r.Report(origin, diagnostics);
  return std::move(r.out());
}

void RepairUtf8InPlace(std::string* text, std::string_view origin,
                       std::vector<Diagnostic>* diagnostics) {
  const size_t first = CleanUntil(
      reinterpret_cast<const unsigned char*>(text->data()), text->size(), 0);
  if (first == text->size()) return;
  Repairer r(text->size(), Encoding::kUtf8, false);
  r.out().append(*text, 0, first);
  RepairUtf8(*text, first, &r);
  r.Report(origin, diagnostics);
  *text = std::move(r.out());
}

bool LooksBinary(std::string_view bytes) {
  static constexpr std::string_view kMagic[] = {
      std::string_view("\x89PNG\r\n\x1A\n", 8),
      "\xFF\xD8\xFF",  // JPEG
      "GIF87a",
      "GIF89a",
      "%PDF-",
      "PK\x03\x04",
      "PK\x05\x06",  // empty ZIP
      "\x1F\x8B",    // gzip
      "\x7F"
      "ELF",
      std::string_view("\xFD"
                       "7zXZ\0",
                       6),  // xz
      "\x28\xB5\x2F\xFD",   // zstd
      "7z\xBC\xAF\x27\x1C",
      "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",  // OLE2 (.doc, .xls)
  };
  for (std::string_view magic : kMagic) {
    if (StartsWith(bytes, magic)) return true;
  }
  if (DetectEncoding(bytes) != Encoding::kUtf8) return false;
  const std::string_view head = bytes.substr(0, kSniffBytes);
  size_t nuls = 0;
  size_t controls = 0;  // C0 controls no text uses: not white space or ESC
  for (char ch : head) {
    const auto c = static_cast<unsigned char>(ch);
    nuls += c == 0;
    controls += c > 0 && c < 0x20 && c != '\t' && c != '\n' && c != '\v' &&
                c != '\f' && c != '\r' && c != 0x1B;
  }
  // A stray NUL or two is damage RepairText mends; more is not text. Nor is
  // data where one byte in 20 is a control character: compressed media and
  // archives without a magic number above (WebP, MP4, RAR, bzip2 ...) show
  // about one in ten, text in any 8-bit encoding next to none.
  return (nuls > 2 && nuls * 100 > head.size()) ||
         (controls > 8 && controls * 20 > head.size());
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace newsgraph
