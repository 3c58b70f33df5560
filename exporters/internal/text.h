// Text and output helpers shared by the writers. Internal to exporters/: not
// part of the library's API.
//
// The writers assemble output in a std::string and hand it to the stream in
// large chunks, so that no per-character virtual call reaches the ostream.
#ifndef NEWSGRAPH_EXPORTERS_INTERNAL_TEXT_H_
#define NEWSGRAPH_EXPORTERS_INTERNAL_TEXT_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

#include "graph/status.h"

namespace newsgraph {
namespace exporters_internal {

// Appends `in` to `out` repaired into valid UTF-8 that XML 1.0 allows: each
// maximal ill-formed subsequence becomes U+FFFD (as the Unicode standard
// recommends), C0 controls other than tab, LF and CR become a space, and so
// do U+FFFE and U+FFFF. Everything else, tab, LF and CR included, is kept.
void AppendCleanText(std::string_view in, std::string* out);

// `in` itself when it needs no repair, else its repaired copy in `*scratch`.
std::string_view CleanText(std::string_view in, std::string* scratch);

enum class XmlContext { kText, kAttribute };

// Appends `in` to `out` repaired as AppendCleanText() does and escaped for
// XML: & < > " ' as entities, CR as &#13; (a literal CR would be read as
// LF), and in attributes also tab and LF as &#9; and &#10; (a parser turns
// literal ones into spaces).
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

// Whether `value` is a full ISO date YYYY-MM-DD (month 01-12, day 01-31).
bool IsIsoDate(std::string_view value);

// Buffers output in a string and writes it to a stream in large chunks.
// Remembers the first write failure (and its errno); once failed it drops
// further output, so writers need not check after every call.
class OutputSink {
 public:
  explicit OutputSink(std::ostream& out);
  OutputSink(const OutputSink&) = delete;
  OutputSink& operator=(const OutputSink&) = delete;

  // The buffer to append to; call MaybeFlush() after each record.
  std::string& buffer() { return buffer_; }
  void MaybeFlush() {
    if (buffer_.size() >= kChunk) Flush();
  }
  void Flush();
  bool failed() const { return failed_; }

  // Flushes everything to the stream and the stream itself. On failure:
  // "<what>: write failed: <strerror>".
  Status Finish(std::string_view what);

 private:
  static constexpr size_t kChunk = 1 << 16;
  void Fail();

  std::ostream& out_;
  std::string buffer_;
  bool failed_ = false;
  int error_ = 0;
};

}  // namespace exporters_internal
}  // namespace newsgraph

#endif  // NEWSGRAPH_EXPORTERS_INTERNAL_TEXT_H_
