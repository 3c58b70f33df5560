#include "fuzz_checks.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace newsgraph {
namespace fuzz {
namespace {

bool IsContinuation(unsigned char b) { return (b & 0xC0) == 0x80; }

bool OnBoundary(std::string_view text, size_t offset) {
  return offset == 0 || offset >= text.size() ||
         !IsContinuation(static_cast<unsigned char>(text[offset]));
}

void CheckSpan(std::string_view text, Span span, std::string_view what) {
  Check(span.begin <= span.end && span.end <= text.size(), what,
        "[" + std::to_string(span.begin) + "," + std::to_string(span.end) +
            ") outside a text of " + std::to_string(text.size()) + " bytes");
  Check(OnBoundary(text, span.begin) && OnBoundary(text, span.end), what,
        "[" + std::to_string(span.begin) + "," + std::to_string(span.end) +
            ") cuts a UTF-8 character");
}

void CheckXmlSafe(std::string_view text, std::string_view what) {
  const std::string problem = XmlSafeUtf8Problem(text, false);
  Check(problem.empty(), what, problem);
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

void Check(bool condition, std::string_view what, std::string_view detail) {
  if (condition) return;
  std::fprintf(stderr, "fuzz check failed: %.*s: %.*s\n",
               static_cast<int>(what.size()), what.data(),
               static_cast<int>(std::min<size_t>(detail.size(), 2000)),
               detail.data());
  std::abort();
}

std::string XmlSafeUtf8Problem(std::string_view text, bool allow_cr) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  auto at = [&](const char* what) {
    return std::string(what) + " at byte " + std::to_string(i);
  };
  while (i < n) {
    const unsigned char b = p[i];
    if (b < 0x80) {
      if (b < 0x20 && b != '\t' && b != '\n' && !(allow_cr && b == '\r')) {
        return at("control character");
      }
      ++i;
      continue;
    }
    size_t length;
    char32_t cp;
    if (b >= 0xC2 && b <= 0xDF) {
      length = 2;
      cp = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
      length = 3;
      cp = b & 0x0F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      length = 4;
      cp = b & 0x07;
    } else {
      return at("invalid UTF-8 lead byte");
    }
    if (i + length > n) return at("truncated UTF-8 sequence");
    for (size_t k = 1; k < length; ++k) {
      if (!IsContinuation(p[i + k])) return at("invalid UTF-8 sequence");
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if ((length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000)) {
      return at("overlong UTF-8 sequence");
    }
    if (cp > 0x10FFFF) return at("code point above U+10FFFF");
    if (cp >= 0xD800 && cp <= 0xDFFF) return at("surrogate");
    if (cp == 0xFFFE || cp == 0xFFFF) return at("noncharacter U+FFFE/U+FFFF");
    i += length;
  }
  return "";
}

bool IsEmptyOrIsoDate(std::string_view v) {
  if (v.empty()) return true;
  if (v.size() != 10 || v[4] != '-' || v[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (v[i] < '0' || v[i] > '9') return false;
  }
  return true;
}

void CheckReaderDocument(const Document& doc, std::string_view origin) {
  CheckXmlSafe(doc.text, "Document::text");
  Check(doc.text.find('\r') == std::string::npos, "Document::text",
        "holds a CR");
  size_t previous_end = 0;
  const Region* title = nullptr;
  for (size_t i = 0; i < doc.regions.size(); ++i) {
    const Region& region = doc.regions[i];
    CheckSpan(doc.text, region.span, "Document::regions");
    Check(!region.span.empty(), "Document::regions", "an empty region");
    Check(region.span.begin >= previous_end, "Document::regions",
          "region " + std::to_string(i) +
              " overlaps or precedes the one "
              "before it");
    previous_end = region.span.end;
    if (region.kind == Region::Kind::kTitle) {
      Check(title == nullptr, "Document::regions", "two title regions");
      title = &region;
    }
  }
  if (title != nullptr) {
    Check(doc.title == doc.Text(title->span), "Document::title",
          "differs from the text of the title region: '" + doc.title + "'");
  } else {
    Check(doc.title.empty(), "Document::title",
          "a title without a title region: '" + doc.title + "'");
  }
  CheckXmlSafe(doc.title, "Document::title");
  CheckXmlSafe(doc.id, "Document::id");
  CheckXmlSafe(doc.source, "Document::source");
  CheckXmlSafe(doc.url, "Document::url");
  Check(IsEmptyOrIsoDate(doc.date), "Document::date", doc.date);
  for (const Diagnostic& d : doc.diagnostics) {
    Check(StartsWith(d.location, origin), "Diagnostic::location",
          "'" + d.location + "' is not in '" + std::string(origin) + "'");
    Check(!d.message.empty(), "Diagnostic::message", "empty");
    const std::string problem = XmlSafeUtf8Problem(d.message, false);
    Check(problem.empty(), "Diagnostic::message", problem);
  }
}

void CheckPipelineLayers(const Document& doc) {
  size_t previous = 0;
  for (const Token& token : doc.tokens) {
    CheckSpan(doc.text, token.span, "Document::tokens");
  }
  for (const Sentence& s : doc.sentences) {
    CheckSpan(doc.text, s.span, "Document::sentences");
    Check(s.first_token <= s.last_token && s.last_token <= doc.tokens.size(),
          "Document::sentences", "token range outside the tokens");
  }
  for (const EntityMention& m : doc.mentions) {
    CheckSpan(doc.text, m.span, "Document::mentions");
    Check(m.span.begin >= previous, "Document::mentions", "not sorted");
    previous = m.span.begin;
    Check(m.sentence < doc.sentences.size() || doc.sentences.empty(),
          "Document::mentions", "sentence index outside the sentences");
    Check(m.first_token <= m.last_token && m.last_token <= doc.tokens.size(),
          "Document::mentions", "token range outside the tokens");
  }
}

uint8_t ByteReader::Byte() {
  if (size_ == 0) return 0;
  --size_;
  return *data_++;
}

std::string ByteReader::String(size_t max) {
  size_t length = std::min<size_t>(Byte() % (max + 1), size_);
  std::string s(reinterpret_cast<const char*>(data_), length);
  data_ += length;
  size_ -= length;
  return s;
}

std::string ByteReader::Rest() {
  std::string s(reinterpret_cast<const char*>(data_), size_);
  data_ += size_;
  size_ = 0;
  return s;
}

}  // namespace fuzz
}  // namespace newsgraph
