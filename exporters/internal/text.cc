#include "exporters/internal/text.h"

#include <rapidjson/internal/dtoa.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>

namespace newsgraph {
namespace exporters_internal {

namespace {

// What one byte becomes: kept (length 0), the start of a UTF-8 sequence to
// check (kUtf8), or `length` bytes of `text`. Eight bytes, so that a
// replacement is one fixed-size copy.
struct Replacement {
  uint8_t length = 0;
  char text[kMaxExpansion] = {};
};
constexpr uint8_t kUtf8 = 0xFF;

constexpr Replacement Bytes(std::string_view text) {
  Replacement r;
  r.length = static_cast<uint8_t>(text.size());
  for (size_t i = 0; i < text.size(); ++i) r.text[i] = text[i];
  return r;
}

using Table = std::array<Replacement, 256>;

constexpr Table MakeTable(Escape escape) {
  const bool xml = escape == Escape::kXmlText ||
                   escape == Escape::kXmlAttribute ||
                   escape == Escape::kJsonInXmlText;
  const bool json = escape == Escape::kJson || escape == Escape::kJsonInXmlText;
  Table table{};
  for (int c = 0; c < 256; ++c) {
    if (c >= 0x80) {
      table[c].length = kUtf8;
    } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      table[c] = Bytes(" ");  // XML-forbidden control
    }
  }
  if (xml) {
    table['&'] = Bytes("&amp;");
    table['<'] = Bytes("&lt;");
    table['>'] = Bytes("&gt;");
    table['"'] = Bytes("&quot;");
    table['\''] = Bytes("&apos;");
    table['\r'] = Bytes("&#13;");
  }
  if (escape == Escape::kXmlAttribute) {
    table['\t'] = Bytes("&#9;");
    table['\n'] = Bytes("&#10;");
  }
  if (json) {
    table['"'] = Bytes(xml ? "\\&quot;" : "\\\"");
    table['\\'] = Bytes("\\\\");
    table['\t'] = Bytes("\\t");
    table['\n'] = Bytes("\\n");
    table['\r'] = Bytes("\\r");
  }
  return table;
}

constexpr Table kTables[] = {
    MakeTable(Escape::kNone),          MakeTable(Escape::kXmlText),
    MakeTable(Escape::kXmlAttribute),  MakeTable(Escape::kJson),
    MakeTable(Escape::kJsonInXmlText),
};

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length (2-4) of the well-formed UTF-8 sequence at p, whose first byte is
// >= 0x80; or 0, with *bad set to the length (>= 1) of the maximal
// ill-formed subpart to replace by one U+FFFD (Unicode 15, section 3.9).
size_t Utf8Length(const unsigned char* p, const unsigned char* end,
                  size_t* bad) {
  const unsigned char c = p[0];
  unsigned char lo = 0x80, hi = 0xBF;
  size_t trail;
  if (c >= 0xC2 && c <= 0xDF) {
    trail = 1;
  } else if (c == 0xE0) {
    trail = 2, lo = 0xA0;
  } else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
    trail = 2;
  } else if (c == 0xED) {  // excludes the surrogates D800-DFFF
    trail = 2, hi = 0x9F;
  } else if (c == 0xF0) {
    trail = 3, lo = 0x90;
  } else if (c >= 0xF1 && c <= 0xF3) {
    trail = 3;
  } else if (c == 0xF4) {
    trail = 3, hi = 0x8F;
  } else {
    *bad = 1;
    return 0;
  }
  for (size_t i = 1; i <= trail; ++i) {
    if (p + i >= end) {
      *bad = i;
      return 0;
    }
    const unsigned char b = p[i];
    const bool ok = i == 1 ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xBF);
    if (!ok) {
      *bad = i;
      return 0;
    }
  }
  return trail + 1;
}

constexpr uint64_t kOnes = 0x0101010101010101;
constexpr uint64_t kHighs = 0x8080808080808080;

// Whether some byte of `w` is zero (no false negatives; a false positive
// only sends the word down the byte-by-byte path).
constexpr uint64_t HasZero(uint64_t w) { return (w - kOnes) & ~w & kHighs; }

// Whether some byte of `w` may need work in some escape: non-ASCII, a
// control, or one of " & ' < > \. One test for every table: a byte that
// this table keeps costs only the slower path.
inline bool MayNeedWork(uint64_t w) {
  const uint64_t controls = (w - 0x20 * kOnes) & ~w;  // bytes < 0x20
  const uint64_t quote = HasZero(w ^ ('"' * kOnes));
  const uint64_t amp_apos = HasZero((w | kOnes) ^ ('\'' * kOnes));  // 26 27
  const uint64_t lt_gt = HasZero((w | 2 * kOnes) ^ ('>' * kOnes));  // 3C 3E
  const uint64_t backslash = HasZero(w ^ ('\\' * kOnes));
  return ((w | controls) & kHighs) | quote | amp_apos | lt_gt | backslash;
}

}  // namespace

char* EscapeInto(std::string_view in, Escape escape, char* out,
                 bool* changed) {
  const Table& table = kTables[static_cast<int>(escape)];
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  const auto* const end = p + in.size();
  bool replaced = false;
  while (p < end) {
    const size_t left = static_cast<size_t>(end - p);
    if (left >= 8) {
      uint64_t w;
      std::memcpy(&w, p, 8);
      if (!MayNeedWork(w)) {
        std::memcpy(out, &w, 8);
        p += 8, out += 8;
        continue;
      }
    } else if (in.size() >= 8) {
      // The last bytes: when the last eight need nothing, the ones before
      // these were copied as they are, so copying all eight again is safe.
      uint64_t w;
      std::memcpy(&w, end - 8, 8);
      if (!MayNeedWork(w)) {
        std::memcpy(out - (8 - left), &w, 8);
        out += left;
        break;
      }
    }
    // Byte by byte through the eight (or fewer) that need work.
    for (const auto* stop = p + std::min<size_t>(left, 8); p < stop;) {
      const Replacement& r = table[*p];
      if (r.length == 0) {
        *out++ = static_cast<char>(*p++);
        continue;
      }
      if (r.length != kUtf8) {
        std::memcpy(out, r.text, kMaxExpansion);
        out += r.length;
        ++p;
        replaced = true;
        continue;
      }
      size_t bad = 0;
      const size_t n = Utf8Length(p, end, &bad);
      if (n == 3 && p[0] == 0xEF && p[1] == 0xBF &&
          (p[2] == 0xBE || p[2] == 0xBF)) {
        *out++ = ' ';  // U+FFFE, U+FFFF: not XML characters
        p += 3;
        replaced = true;
      } else if (n > 0) {  // well-formed: kept
        std::memcpy(out, p, n);
        out += n, p += n;
      } else {
        std::memcpy(out, kReplacement.data(), kReplacement.size());
        out += kReplacement.size();
        p += bad;
        replaced = true;
      }
    }
  }
  if (changed != nullptr) *changed = replaced;
  return out;
}

namespace {

// Appends what `write` puts into room for `room` bytes to `out`.
template <typename Write>
void AppendWith(size_t room, std::string* out, Write write) {
  const size_t old = out->size();
  out->resize(old + room);
  char* end = write(out->data() + old);
  out->resize(static_cast<size_t>(end - out->data()));
}

}  // namespace

void AppendCleanText(std::string_view in, std::string* out) {
  AppendWith(kMaxExpansion * in.size() + 8, out, [&](char* p) {
    return EscapeInto(in, Escape::kNone, p);
  });
}

std::string_view CleanText(std::string_view in, std::string* scratch) {
  scratch->clear();
  bool changed = false;
  AppendWith(kMaxExpansion * in.size() + 8, scratch, [&](char* p) {
    return EscapeInto(in, Escape::kNone, p, &changed);
  });
  if (!changed) return in;
  return *scratch;
}

void AppendXmlEscaped(std::string_view in, XmlContext context,
                      std::string* out) {
  const Escape escape = context == XmlContext::kText ? Escape::kXmlText
                                                     : Escape::kXmlAttribute;
  AppendWith(kMaxExpansion * in.size() + 8, out,
             [&](char* p) { return EscapeInto(in, escape, p); });
}

namespace {

char* UintInto(uint64_t value, char* out) {
  return std::to_chars(out, out + 20, value).ptr;
}

// 32 bytes hold any double's shortest text ("-2.2250738585072014e-308").
char* DoubleInto(double value, char* out) {
  return std::to_chars(out, out + 32, value).ptr;
}

// Any double in fixed notation fits in 400 bytes.
constexpr size_t kDecimalRoom = 400;
char* DecimalInto(double value, char* out) {
  return std::to_chars(out, out + kDecimalRoom, value,
                       std::chars_format::fixed)
      .ptr;
}

}  // namespace

void AppendUint(uint64_t value, std::string* out) {
  AppendWith(20, out, [&](char* p) { return UintInto(value, p); });
}

void AppendDouble(double value, std::string* out) {
  AppendWith(32, out, [&](char* p) { return DoubleInto(value, p); });
}

void AppendDecimal(double value, std::string* out) {
  AppendWith(kDecimalRoom, out,
             [&](char* p) { return DecimalInto(value, p); });
}

void AppendJsonDouble(double value, std::string* out) {
  // As RapidJSON's Writer::Double(): dtoa with at most 324 decimals.
  AppendWith(32, out, [&](char* p) {
    return rapidjson::internal::dtoa(value, p, 324);
  });
}

namespace {

// What each byte of a node id becomes in an IRI path: itself (unreserved),
// '/' for ':', or 0: percent-encoded.
constexpr std::array<char, 256> MakeIriTable() {
  std::array<char, 256> table{};
  for (int c = 0; c < 256; ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
        (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
        c == '~') {
      table[c] = static_cast<char>(c);
    }
  }
  table[':'] = '/';
  return table;
}
constexpr std::array<char, 256> kIriTable = MakeIriTable();

}  // namespace

char* IriPathInto(std::string_view node_id, char* out) {
  // Most ids need no percent-encoding: map every byte without a branch,
  // and only when one had no mapping go over the id again.
  bool encode = false;
  for (size_t i = 0; i < node_id.size(); ++i) {
    const char mapped = kIriTable[static_cast<unsigned char>(node_id[i])];
    out[i] = mapped;
    encode |= mapped == 0;
  }
  if (!encode) return out + node_id.size();
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (char ch : node_id) {
    const auto c = static_cast<unsigned char>(ch);
    const char mapped = kIriTable[c];
    if (mapped != 0) {
      *out++ = mapped;
    } else {
      *out++ = '%';
      *out++ = kHex[c >> 4];
      *out++ = kHex[c & 0xF];
    }
  }
  return out;
}

bool IsIsoDate(std::string_view v) {
  if (v.size() != 10 || v[4] != '-' || v[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (v[i] < '0' || v[i] > '9') return false;
  }
  const int month = (v[5] - '0') * 10 + (v[6] - '0');
  const int day = (v[8] - '0') * 10 + (v[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

namespace {
constexpr size_t kInitialCapacity = 1 << 19;  // twice the flush threshold
}  // namespace

OutputSink::OutputSink(std::ostream& out)
    : out_(&out),
      begin_(new char[kInitialCapacity]),
      end_(begin_.get()),
      capacity_end_(begin_.get() + kInitialCapacity) {
  failed_ = !out;  // a stream already failed says nothing of errno
}

OutputSink::OutputSink()
    : out_(nullptr),
      begin_(new char[kInitialCapacity]),
      end_(begin_.get()),
      capacity_end_(begin_.get() + kInitialCapacity) {}

OutputSink::~OutputSink() = default;

void OutputSink::Grow(size_t n) {
  const size_t used = size();
  const size_t capacity = static_cast<size_t>(capacity_end_ - begin_.get());
  const size_t wanted = std::max(2 * capacity, used + n);
  std::unique_ptr<char[]> bigger(new char[wanted]);
  std::memcpy(bigger.get(), begin_.get(), used);
  begin_ = std::move(bigger);
  end_ = begin_.get() + used;
  capacity_end_ = begin_.get() + wanted;
}

void OutputSink::AppendDouble(double value) {
  end_ = DoubleInto(value, Reserve(32));
}

void OutputSink::AppendDecimal(double value) {
  end_ = DecimalInto(value, Reserve(kDecimalRoom));
}

void OutputSink::AppendJsonDouble(double value) {
  end_ = rapidjson::internal::dtoa(value, Reserve(32), 324);
}

void OutputSink::Fail() {
  if (!failed_) {
    failed_ = true;
    error_ = errno;
  }
}

void OutputSink::Flush() {
  if (out_ == nullptr) return;  // a memory sink keeps its text
  if (!failed_ && size() > 0) {
    errno = 0;
    out_->write(data(), static_cast<std::streamsize>(size()));
    if (!*out_) Fail();
  }
  end_ = begin_.get();
}

void OutputSink::Pass(std::string_view text) {
  if (out_ == nullptr) {
    Append(text);
    return;
  }
  Flush();
  if (!failed_ && !text.empty()) {
    errno = 0;
    out_->write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!*out_) Fail();
  }
}

Status OutputSink::Finish(std::string_view what) {
  Flush();
  if (!failed_ && out_ != nullptr) {
    errno = 0;
    out_->flush();
    if (!*out_) Fail();
  }
  if (!failed_) return Status::Ok();
  std::string message = std::string(what) + ": write failed";
  if (error_ != 0) message += std::string(": ") + std::strerror(error_);
  return Status::Error(std::move(message));
}

}  // namespace exporters_internal
}  // namespace newsgraph
