#include "exporters/internal/text.h"

#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>

namespace newsgraph {
namespace exporters_internal {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// What to do with one ASCII byte, or kUtf8 for a byte >= 0x80.
enum Action : uint8_t {
  kKeep,
  kSpace,  // XML-forbidden control
  kAmp,
  kLt,
  kGt,
  kQuot,
  kApos,
  kTab,
  kLf,
  kCr,
  kUtf8,
};

enum class Mode { kClean, kXmlText, kXmlAttribute };

constexpr std::array<Action, 256> MakeTable(Mode mode) {
  std::array<Action, 256> table{};
  for (int c = 0; c < 256; ++c) {
    Action a = kKeep;
    if (c >= 0x80) {
      a = kUtf8;
    } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      a = kSpace;
    } else if (mode != Mode::kClean) {
      switch (c) {
        case '&':
          a = kAmp;
          break;
        case '<':
          a = kLt;
          break;
        case '>':
          a = kGt;
          break;
        case '"':
          a = kQuot;
          break;
        case '\'':
          a = kApos;
          break;
        case '\r':
          a = kCr;
          break;
        case '\t':
          a = mode == Mode::kXmlAttribute ? kTab : kKeep;
          break;
        case '\n':
          a = mode == Mode::kXmlAttribute ? kLf : kKeep;
          break;
        default:
          break;
      }
    }
    table[c] = a;
  }
  return table;
}

constexpr std::array<Action, 256> kCleanTable = MakeTable(Mode::kClean);
constexpr std::array<Action, 256> kTextTable = MakeTable(Mode::kXmlText);
constexpr std::array<Action, 256> kAttributeTable =
    MakeTable(Mode::kXmlAttribute);

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

// The one loop behind every function here: copies runs of bytes that need
// nothing in one append, and handles the rest byte by byte. Returns whether
// anything was changed.
bool Transform(std::string_view in, const std::array<Action, 256>& table,
               std::string* out) {
  const auto* const begin = reinterpret_cast<const unsigned char*>(in.data());
  const auto* const end = begin + in.size();
  const auto* run = begin;  // start of the bytes not yet appended
  const auto* p = begin;
  bool changed = false;
  auto flush_run = [&]() {
    if (p > run) out->append(reinterpret_cast<const char*>(run), p - run);
  };
  while (p < end) {
    const Action action = table[*p];
    if (action == kKeep) {
      ++p;
      continue;
    }
    std::string_view replacement;
    size_t length = 1;
    switch (action) {
      case kSpace:
        replacement = " ";
        break;
      case kAmp:
        replacement = "&amp;";
        break;
      case kLt:
        replacement = "&lt;";
        break;
      case kGt:
        replacement = "&gt;";
        break;
      case kQuot:
        replacement = "&quot;";
        break;
      case kApos:
        replacement = "&apos;";
        break;
      case kTab:
        replacement = "&#9;";
        break;
      case kLf:
        replacement = "&#10;";
        break;
      case kCr:
        replacement = "&#13;";
        break;
      case kUtf8: {
        size_t bad = 0;
        const size_t n = Utf8Length(p, end, &bad);
        if (n == 3 && p[0] == 0xEF && p[1] == 0xBF &&
            (p[2] == 0xBE || p[2] == 0xBF)) {
          replacement = " ";  // U+FFFE, U+FFFF: not XML characters
          length = 3;
        } else if (n > 0) {
          p += n;  // well-formed: part of the run
          continue;
        } else {
          replacement = kReplacement;
          length = bad;
        }
        break;
      }
      case kKeep:
        break;
    }
    flush_run();
    out->append(replacement);
    p += length;
    run = p;
    changed = true;
  }
  flush_run();
  return changed;
}

}  // namespace

void AppendCleanText(std::string_view in, std::string* out) {
  Transform(in, kCleanTable, out);
}

std::string_view CleanText(std::string_view in, std::string* scratch) {
  scratch->clear();
  if (!Transform(in, kCleanTable, scratch)) return in;
  return *scratch;
}

void AppendXmlEscaped(std::string_view in, XmlContext context,
                      std::string* out) {
  Transform(in, context == XmlContext::kText ? kTextTable : kAttributeTable,
            out);
}

void AppendUint(uint64_t value, std::string* out) {
  char buf[24];
  auto result = std::to_chars(buf, buf + sizeof buf, value);
  out->append(buf, result.ptr - buf);
}

void AppendDouble(double value, std::string* out) {
  char buf[32];
  auto result = std::to_chars(buf, buf + sizeof buf, value);
  out->append(buf, result.ptr - buf);
}

void AppendDecimal(double value, std::string* out) {
  char buf[400];  // enough for any double in fixed notation
  auto result =
      std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed);
  out->append(buf, result.ptr - buf);
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

OutputSink::OutputSink(std::ostream& out) : out_(out) {
  buffer_.reserve(kChunk + kChunk / 2);
  failed_ = !out_;  // a stream already failed says nothing of errno
}

void OutputSink::Fail() {
  if (!failed_) {
    failed_ = true;
    error_ = errno;
  }
}

void OutputSink::Flush() {
  if (!failed_ && !buffer_.empty()) {
    errno = 0;
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    if (!out_) Fail();
  }
  buffer_.clear();
}

Status OutputSink::Finish(std::string_view what) {
  Flush();
  if (!failed_) {
    errno = 0;
    out_.flush();
    if (!out_) Fail();
  }
  if (!failed_) return Status::Ok();
  std::string message = std::string(what) + ": write failed";
  if (error_ != 0) message += std::string(": ") + std::strerror(error_);
  return Status::Error(std::move(message));
}

}  // namespace exporters_internal
}  // namespace newsgraph
