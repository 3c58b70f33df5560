// Text and output helpers shared by the writers. Internal to exporters/: not
// part of the library's API.
//
// The writers assemble output in the OutputSink's buffer and hand it to the
// stream in large chunks, so that no per-character virtual call reaches the
// ostream. Text is repaired and escaped straight into that buffer, in one
// pass that copies eight bytes at a time while none needs work (most text
// needs none).
#ifndef NEWSGRAPH_EXPORTERS_INTERNAL_TEXT_H_
#define NEWSGRAPH_EXPORTERS_INTERNAL_TEXT_H_

#include <charconv>
#include <cstdint>
#include <cstring>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "graph/status.h"

namespace newsgraph {
namespace exporters_internal {

// How text is written: always repaired as AppendCleanText() says, then
// escaped for where it goes.
enum class Escape {
  kNone,
  // XML character data: & < > " ' as entities, CR as &#13; (a literal CR
  // would be read as LF).
  kXmlText,
  // An XML attribute value: as kXmlText, and tab and LF as &#9; and &#10;
  // (a parser turns literal ones into spaces).
  kXmlAttribute,
  // The inside of a JSON string: " and \ as \" and \\, tab, LF and CR as
  // \t, \n, \r (the other controls were repaired into spaces), as
  // RapidJSON's writer escapes them.
  kJson,
  // kJson, and the result as kXmlText: a JSON document held in XML text.
  kJsonInXmlText,
};

// The most bytes one input byte becomes (" as \&quot; in kJsonInXmlText).
inline constexpr size_t kMaxExpansion = 7;

// Writes `in` repaired and escaped as `escape` says to `out`, which must
// have room for kMaxExpansion * in.size() + 8 bytes, and returns the end of
// what it wrote. When `changed` is given, sets it to whether anything was
// replaced.
char* EscapeInto(std::string_view in, Escape escape, char* out,
                 bool* changed = nullptr);

// Appends `in` to `out` repaired into valid UTF-8 that XML 1.0 allows: each
// maximal ill-formed subsequence becomes U+FFFD (as the Unicode standard
// recommends), C0 controls other than tab, LF and CR become a space, and so
// do U+FFFE and U+FFFF. Everything else, tab, LF and CR included, is kept.
void AppendCleanText(std::string_view in, std::string* out);

// `in` itself when it needs no repair, else its repaired copy in `*scratch`.
std::string_view CleanText(std::string_view in, std::string* scratch);

enum class XmlContext { kText, kAttribute };

// Appends `in` to `out` repaired as AppendCleanText() does and escaped for
// XML as Escape::kXmlText or kXmlAttribute says.
void AppendXmlEscaped(std::string_view in, XmlContext context,
                      std::string* out);

// Decimal text of `value`.
void AppendUint(uint64_t value, std::string* out);

// The shortest text that reads back as exactly `value` ("0.25", "1",
// "1e-07"): valid as an XSD double and as JSON. `value` must be finite.
void AppendDouble(double value, std::string* out);

// The shortest fixed-point text that reads back as exactly `value`
// ("0.25", "1", "0.0000001"): a valid xsd:decimal. `value` must be finite.
void AppendDecimal(double value, std::string* out);

// The text RapidJSON's writer gives `value` ("0.7", "1.0", "1e-7"), which
// the JSON that the writers embed has always used. `value` must be finite.
void AppendJsonDouble(double value, std::string* out);

// Writes the path of the IRI of the node with id `node_id` (NodeIri() in
// exporters.h without the base: ':' -> '/', other characters outside
// [A-Za-z0-9-._~] percent-encoded) to `out`, which must have room for
// 3 * node_id.size() bytes; returns the end. The path is ASCII that no
// escaping changes.
char* IriPathInto(std::string_view node_id, char* out);

// Whether `value` is a full ISO date YYYY-MM-DD (month 01-12, day 01-31).
bool IsIsoDate(std::string_view value);

// The buffer a writer assembles its output in, and the stream it goes to.
// The writer appends one record (a node, an edge) at a time and calls
// MaybeFlush() after each, which hands the buffer to the stream in large
// chunks. Remembers the first write failure (and its errno); once failed it
// drops further output, so writers need not check after every call.
class OutputSink {
 public:
  explicit OutputSink(std::ostream& out);
  // A sink that only gathers text in memory (for a block formatted on
  // another thread): it never flushes; read data() and size(), then Clear().
  OutputSink();
  OutputSink(const OutputSink&) = delete;
  OutputSink& operator=(const OutputSink&) = delete;
  ~OutputSink();

  // Room for `n` more bytes at the returned position; Commit() the end of
  // what was written there.
  char* Reserve(size_t n) {
    if (static_cast<size_t>(capacity_end_ - end_) < n) Grow(n);
    return end_;
  }
  void Commit(char* end) { end_ = end; }

  void Append(std::string_view text) {
    char* p = Reserve(text.size());
    std::memcpy(p, text.data(), text.size());
    end_ = p + text.size();
  }
  void Append(char c) { *Reserve(1) = c, ++end_; }
  OutputSink& operator+=(std::string_view text) {
    Append(text);
    return *this;
  }
  OutputSink& operator+=(char c) {
    Append(c);
    return *this;
  }

  // Appends again the `length` bytes appended at `offset` (an earlier
  // size()), since the last flush.
  void AppendCopy(size_t offset, size_t length) {
    char* p = Reserve(length);
    std::memcpy(p, begin_.get() + offset, length);
    end_ = p + length;
  }

  // `text` repaired and escaped (EscapeInto()).
  void AppendEscaped(std::string_view text, Escape escape) {
    end_ = EscapeInto(text, escape, Reserve(kMaxExpansion * text.size() + 8));
  }
  void AppendUint(uint64_t value) {
    char* p = Reserve(20);
    end_ = std::to_chars(p, p + 20, value).ptr;
  }
  // As AppendDouble(), AppendDecimal() and AppendJsonDouble() above.
  void AppendDouble(double value);
  void AppendDecimal(double value);
  void AppendJsonDouble(double value);

  // What was appended since the last flush.
  const char* data() const { return begin_.get(); }
  size_t size() const { return static_cast<size_t>(end_ - begin_.get()); }

  void MaybeFlush() {
    if (size() >= kChunk) Flush();
  }
  void Flush();
  // Forgets what was appended since the last flush (memory sinks).
  void Clear() { end_ = begin_.get(); }
  // Flushes, then writes `text` to the stream as it is, with no copy into
  // the buffer: for large blocks formatted elsewhere.
  void Pass(std::string_view text);
  bool failed() const { return failed_; }

  // Flushes everything to the stream and the stream itself. On failure:
  // "<what>: write failed: <strerror>".
  Status Finish(std::string_view what);

 private:
  // Large writes: fewer system calls, and the buffer still fits in L2.
  static constexpr size_t kChunk = 1 << 18;
  void Grow(size_t n);
  void Fail();

  std::ostream* out_;  // null for a memory sink
  std::unique_ptr<char[]> begin_;
  char* end_;
  char* capacity_end_;
  bool failed_ = false;
  int error_ = 0;
};

// The sink forms of the functions above, for writers that append to the
// sink (GEXF, CSV).
inline void AppendXmlEscaped(std::string_view in, XmlContext context,
                             OutputSink* out) {
  out->AppendEscaped(in, context == XmlContext::kText ? Escape::kXmlText
                                                      : Escape::kXmlAttribute);
}
inline void AppendUint(uint64_t value, OutputSink* out) {
  out->AppendUint(value);
}
inline void AppendDouble(double value, OutputSink* out) {
  out->AppendDouble(value);
}

}  // namespace exporters_internal
}  // namespace newsgraph

#endif  // NEWSGRAPH_EXPORTERS_INTERNAL_TEXT_H_
