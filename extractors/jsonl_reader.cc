#include "extractors/jsonl_reader.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "extractors/dates.h"
#include "extractors/text_reader.h"
#include "extractors/utf8.h"

// RapidJSON scans strings and white space 16 bytes at a time with SSE2,
// which every x86-64 processor has. Those loads may read up to 15 bytes
// past the terminating NUL, so ParseInPlace pads its buffers; and this file
// puts RapidJSON in a namespace of its own, so that no other file, which
// parses without padding, links to these scanning functions.
#if defined(__SSE2__)
#define RAPIDJSON_SSE2
#endif
#define RAPIDJSON_NAMESPACE newsgraph_jsonl_rapidjson
#define RAPIDJSON_NAMESPACE_BEGIN namespace newsgraph_jsonl_rapidjson {
#define RAPIDJSON_NAMESPACE_END }
#include "rapidjson/document.h"
#include "rapidjson/error/en.h"

namespace newsgraph {
namespace {

namespace rapidjson = ::newsgraph_jsonl_rapidjson;
using rapidjson::Value;
// Values and the parser's stack both come from pools that start in buffers
// on the reader's stack: a record's JSON then costs no heap allocation,
// unless it is large.
using Pool = rapidjson::MemoryPoolAllocator<>;
using JsonDocument = rapidjson::GenericDocument<rapidjson::UTF8<>, Pool, Pool>;
constexpr size_t kValueBufferBytes = 8 << 10;
constexpr size_t kStackBufferBytes = 2 << 10;
// NUL bytes ParseInPlace puts after the text, for the 16-byte loads (see
// the top of this file).
constexpr size_t kParsePadding = 16;

// The members of a record (and of its "source" object) the reader reads.
enum FieldName : uint8_t {
  kId, kUrl, kUri, kText, kBody, kLink, kName, kDate, kTime, kTitle, kSource,
  kContent, kArticle, kPubdate, kHeadline, kPublished, kPublishedAt,
  kPublishedUnderscoreAt, kDatePublished, kNumFieldNames
};
// Their spellings, in the order of FieldName, which is by length.
constexpr std::string_view kFieldNames[kNumFieldNames] = {
    "id",      "url",      "uri",       "text",        "body",
    "link",    "name",     "date",      "time",        "title",
    "source",  "content",  "article",   "pubdate",     "headline",
    "published", "publishedAt", "published_at", "datePublished"};

// The field names of each length: kFieldNames[begin, end).
struct NameRange {
  uint8_t begin = 0;
  uint8_t end = 0;
};
constexpr size_t kLongestFieldName = 13;

constexpr std::array<NameRange, kLongestFieldName + 1> MakeNameRanges() {
  std::array<NameRange, kLongestFieldName + 1> ranges{};
  for (size_t k = 0; k < kNumFieldNames; ++k) {
    NameRange& range = ranges[kFieldNames[k].size()];
    if (range.end == 0) range.begin = static_cast<uint8_t>(k);
    range.end = static_cast<uint8_t>(k + 1);
  }
  return ranges;
}
constexpr std::array<NameRange, kLongestFieldName + 1> kNameRanges =
    MakeNameRanges();

constexpr bool SortedByLength() {
  for (size_t k = 1; k < kNumFieldNames; ++k) {
    if (kFieldNames[k].size() < kFieldNames[k - 1].size()) return false;
  }
  return kFieldNames[kNumFieldNames - 1].size() == kLongestFieldName;
}
static_assert(SortedByLength(), "kFieldNames: by length, up to the longest");

// An object's members that the reader reads, found in one pass over its
// members: for each name, the first member of that name (as FindMember
// finds it), instead of a pass over all members per name asked for.
class Fields {
 public:
  explicit Fields(const Value& object) {
    for (auto m = object.MemberBegin(); m != object.MemberEnd(); ++m) {
      const size_t size = m->name.GetStringLength();
      if (size > kLongestFieldName) continue;
      const char* name = m->name.GetString();
      const NameRange range = kNameRanges[size];
      for (size_t k = range.begin; k < range.end; ++k) {
        if (kFieldNames[k][0] == name[0] &&
            std::memcmp(kFieldNames[k].data(), name, size) == 0) {
          if (values_[k] == nullptr) values_[k] = &m->value;
          break;
        }
      }
    }
  }

  // The first of `names` that the object has with a non-null value, or
  // null; `found` (if not null) gets its name.
  const Value* Get(std::initializer_list<FieldName> names,
                   const char** found = nullptr) const {
    for (FieldName name : names) {
      const Value* value = values_[name];
      if (value != nullptr && !value->IsNull()) {
        if (found != nullptr) *found = kFieldNames[name].data();
        return value;
      }
    }
    return nullptr;
  }

 private:
  const Value* values_[kNumFieldNames] = {};
};

// A string's value, an integer's digits, else "".
std::string StringOf(const Value* v) {
  if (v == nullptr) return "";
  if (v->IsString()) return std::string(v->GetString(), v->GetStringLength());
  if (v->IsInt64()) return std::to_string(v->GetInt64());
  if (v->IsUint64()) return std::to_string(v->GetUint64());
  return "";
}

// StringOf(v), without a copy when v is a string; *scratch holds the text
// of other values.
std::string_view TextOf(const Value* v, std::string* scratch) {
  if (v != nullptr && v->IsString()) {
    return std::string_view(v->GetString(), v->GetStringLength());
  }
  *scratch = StringOf(v);
  return *scratch;
}

const char* TypeName(const Value& v) {
  if (v.IsNull()) return "null";
  if (v.IsBool()) return "a boolean";
  if (v.IsNumber()) return "a number";
  if (v.IsString()) return "a string";
  if (v.IsArray()) return "an array";
  return "an object";
}

// RapidJSON's "Invalid value." as "invalid value".
std::string ParseErrorReason(rapidjson::ParseErrorCode code) {
  std::string reason = rapidjson::GetParseError_En(code);
  if (!reason.empty() && reason.back() == '.') reason.pop_back();
  if (!reason.empty() && reason[0] >= 'A' && reason[0] <= 'Z') {
    reason[0] = static_cast<char>(reason[0] - 'A' + 'a');
  }
  return reason;
}

bool IsHex4(std::string_view s, size_t i) {
  if (i + 4 > s.size()) return false;
  for (size_t k = i; k < i + 4; ++k) {
    const char c = s[k];
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
          (c >= 'A' && c <= 'F'))) {
      return false;
    }
  }
  return true;
}

// The value of the escape "\uXXXX" at s[i], or -1 if there is none.
long Escape(std::string_view s, size_t i) {
  if (i + 6 > s.size() || s[i] != '\\' || s[i + 1] != 'u' ||
      !IsHex4(s, i + 2)) {
    return -1;
  }
  return std::stol(std::string(s.substr(i + 2, 4)), nullptr, 16);
}

struct Mended {
  std::string line;
  size_t surrogates = 0;  // unpaired surrogate escapes made \uFFFD
  size_t controls = 0;    // raw control bytes in strings made spaces
};

// What RapidJSON rejects but a reader can mend without moving any byte:
// an unpaired surrogate escape (as JavaScript writes them) becomes \uFFFD,
// a raw control character inside a string a space.
Mended MendStrings(std::string_view line) {
  Mended m;
  m.line.reserve(line.size());
  bool in_string = false;
  size_t i = 0;
  while (i < line.size()) {
    const char c = line[i];
    if (!in_string || c == '"') {
      in_string = in_string != (c == '"');
      m.line += c;
      ++i;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      ++m.controls;
      m.line += ' ';
      ++i;
    } else if (c != '\\') {
      m.line += c;
      ++i;
    } else if (const long cp = Escape(line, i); cp >= 0xD800 && cp <= 0xDFFF) {
      const long next = Escape(line, i + 6);
      if (cp <= 0xDBFF && next >= 0xDC00 && next <= 0xDFFF) {
        m.line.append(line.substr(i, 12));
        i += 12;
      } else {
        ++m.surrogates;
        m.line += "\\uFFFD";
        i += 6;
      }
    } else {
      m.line.append(line.substr(i, std::min<size_t>(2, line.size() - i)));
      i += 2;
    }
  }
  return m;
}

bool Mendable(rapidjson::ParseErrorCode code) {
  return code == rapidjson::kParseErrorStringUnicodeSurrogateInvalid ||
         code == rapidjson::kParseErrorStringEscapeInvalid ||
         code == rapidjson::kParseErrorStringMissQuotationMark;
}

bool IsSpace(char c) {
  // Every one is at most ' ': one comparison for most bytes.
  return static_cast<unsigned char>(c) <= ' ' &&
         (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
          c == '\v');
}

// Appends `s` to *out without leading and trailing white space, each inner
// run of it one space. Appends runs of other bytes whole: titles and
// metadata are copied at every record.
void AppendCollapsed(std::string_view s, std::string* out) {
  const size_t start = out->size();
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsSpace(s[i])) ++i;
    if (i >= s.size()) break;
    size_t word_end = i;
    while (word_end < s.size() && !IsSpace(s[word_end])) ++word_end;
    if (out->size() > start) *out += ' ';
    out->append(s.data() + i, word_end - i);
    i = word_end;
  }
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  AppendCollapsed(s, &out);
  return out;
}

// A metadata value: repaired quietly (the text's repairs are the ones
// worth reporting) and on one line.
std::string CleanValue(std::string s) {
  RepairUtf8InPlace(&s, "", nullptr);
  return CollapseSpaces(s);
}

// The first date field that gives a date; a warning if there were date
// fields and none did.
std::string DateOf(const Fields& fields, const std::string& location,
                   std::vector<Diagnostic>* diagnostics) {
  static constexpr FieldName kNames[] = {
      kDate,          kPublished, kPublishedAt, kPublishedUnderscoreAt,
      kDatePublished, kPubdate,   kTime};
  std::string first_text;
  for (FieldName name : kNames) {
    const Value* v = fields.Get({name});
    if (v == nullptr) continue;
    std::string date;
    if (v->IsString()) {
      date = NormalizeDate(
          std::string_view(v->GetString(), v->GetStringLength()));
    } else if (v->IsInt64()) {
      const int64_t t = v->GetInt64();
      date = DateFromUnixTime(t > 100000000000LL ? t / 1000 : t);  // ms?
    }
    if (!date.empty()) return date;
    if (first_text.empty())
      first_text = v->IsString() ? CleanValue(StringOf(v)) : "?";
  }
  if (!first_text.empty()) {
    diagnostics->push_back(
        Diagnostic{Diagnostic::Severity::kWarning, location,
                   "date \"" + first_text + "\" not understood"});
  }
  return "";
}

void AddMendDiagnostics(const Mended& m, const std::string& location,
                        std::vector<Diagnostic>* diagnostics) {
  if (m.surrogates == 0 && m.controls == 0) return;  // nearly every line
  auto add = [&](size_t n, const std::string& singular,
                 const std::string& plural, const char* what) {
    if (n == 0) return;
    diagnostics->push_back(Diagnostic{
        Diagnostic::Severity::kWarning, location,
        std::to_string(n) + " " + (n == 1 ? singular : plural) + " " + what});
  };
  add(m.surrogates, "unpaired surrogate escape", "unpaired surrogate escapes",
      "replaced by U+FFFD");
  add(m.controls, "raw control character in a string",
      "raw control characters in strings", "replaced by spaces");
}

// The record's title and text as the Document's text and regions.
void SetText(std::string_view title, std::string_view text, Document* doc) {
  doc->text.clear();
  doc->text.reserve(title.size() + 2 + text.size());
  AppendCollapsed(title, &doc->text);
  const bool has_title = !doc->text.empty();
  if (has_title && !text.empty()) doc->text += "\n\n";
  doc->text += text;
  // JSON strings are UTF-8 (a file in another encoding was converted
  // before its lines were split): nothing here is sniffed for UTF-16.
  RepairUtf8InPlace(&doc->text, doc->origin, &doc->diagnostics);
  size_t body_begin = 0;
  if (has_title) {
    // Repair never makes a newline out of a collapsed title.
    body_begin = std::min(doc->text.find('\n'), doc->text.size());
    doc->title = doc->text.substr(0, body_begin);
    Region region;
    region.kind = Region::Kind::kTitle;
    region.span = Span{0, body_begin};
    doc->regions.push_back(region);
  }
  AppendParagraphRegions(doc->text, body_begin, doc->text.size(),
                         &doc->regions);
}

// Parses *text in place into *json, as RapidJSON's (pointer, length) parse
// would read it: that one stops at a NUL byte, as this one does, and passes
// over the bytes of a UTF-8 byte order mark opening the text (EF, BB, BF,
// each when it comes next), as this one does too. Returns how many bytes it
// passed over: json's error offset counts from there.
size_t ParseInPlace(std::string* text, JsonDocument* json) {
  const size_t size = text->size();
  text->append(kParsePadding, '\0');  // the parse stops at the first
  size_t mark = 0;
  for (unsigned char byte : {0xEF, 0xBB, 0xBF}) {
    if (mark < size &&
        static_cast<unsigned char>((*text)[mark]) == byte) {
      ++mark;
    }
  }
  json->ParseInsitu(text->data() + mark);
  return mark;
}

}  // namespace

StatusOr<Document> ReadJsonLine(std::string_view origin, size_t line_number,
                                std::string_view line) {
  // Built once, in place, and moved into the Document below.
  std::string location;
  location.reserve(origin.size() + 24);
  location.append(origin).append(":").append(std::to_string(line_number));
  auto error = [&](const std::string& reason) {
    return Status::Error(location + ": " + reason);
  };
  if (line.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return error("empty line");
  }

  // Parsed in place, in a copy: RapidJSON then neither tests for the end
  // at every byte nor copies the strings (the JSON values point into
  // `buffer`, which outlives them).
  std::string buffer;
  buffer.reserve(line.size() + kParsePadding);
  buffer.assign(line);
  // Aligned as the pools' chunk headers and values must be.
  alignas(std::max_align_t) char value_buffer[kValueBufferBytes];
  alignas(std::max_align_t) char stack_buffer[kStackBufferBytes];
  Pool value_pool(value_buffer, sizeof value_buffer);
  Pool stack_pool(stack_buffer, sizeof stack_buffer);
  JsonDocument json(&value_pool, sizeof stack_buffer / 2, &stack_pool);
  size_t skipped = ParseInPlace(&buffer, &json);
  Mended mended;
  if (json.HasParseError() && Mendable(json.GetParseError())) {
    mended = MendStrings(line);
    skipped = ParseInPlace(&mended.line, &json);
  }
  if (json.HasParseError()) {
    return error("invalid JSON at column " +
                 std::to_string(skipped + json.GetErrorOffset() + 1) + ": " +
                 ParseErrorReason(json.GetParseError()));
  }
  if (!json.IsObject()) {
    return error(std::string("expected a JSON object, got ") + TypeName(json));
  }

  const Fields fields(json);
  const char* text_name = nullptr;
  const Value* text =
      fields.Get({kText, kBody, kContent, kArticle}, &text_name);
  if (text == nullptr) {
    return error("no \"text\", \"body\", \"content\" or \"article\" field");
  }
  if (!text->IsString()) {
    return error(std::string("field \"") + text_name + "\" is " +
                 TypeName(*text) + ", not a string");
  }
  const Value* title = fields.Get({kTitle, kHeadline});
  std::string title_scratch;
  const std::string_view title_text = TextOf(title, &title_scratch);
  if (text->GetStringLength() == 0 && CollapseSpaces(title_text).empty()) {
    return error("empty text and no title");
  }

  Document doc;
  doc.origin = std::move(location);
  AddMendDiagnostics(mended, doc.origin, &doc.diagnostics);
  doc.id = CleanValue(StringOf(fields.Get({kId, kUrl, kUri, kLink})));
  // The file's name may be any bytes.
  if (doc.id.empty()) doc.id = RepairUtf8Text(doc.origin, "", nullptr);
  doc.url = CleanValue(StringOf(fields.Get({kUrl, kLink})));
  if (const Value* source = fields.Get({kSource})) {
    doc.source = CleanValue(source->IsObject()
                                ? StringOf(Fields(*source).Get({kName}))
                                : StringOf(source));
  }
  doc.date = DateOf(fields, doc.origin, &doc.diagnostics);
  SetText(title_text,
          std::string_view(text->GetString(), text->GetStringLength()), &doc);
  return doc;
}

}  // namespace newsgraph
