// What the fuzz targets check beyond "no crash": the promises the readers
// and exporters make about their output (STYLE.md, "Text, offsets,
// provenance"). A broken promise aborts, which libFuzzer reports as a
// finding and the corpus replay test as a failure.
#ifndef NEWSGRAPH_TESTS_FUZZ_FUZZ_CHECKS_H_
#define NEWSGRAPH_TESTS_FUZZ_FUZZ_CHECKS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "extractors/document.h"

namespace newsgraph {
namespace fuzz {

// Prints "fuzz check failed: WHAT: DETAIL" to stderr and aborts unless
// `condition` holds.
void Check(bool condition, std::string_view what, std::string_view detail = "");

// "" when `text` is valid UTF-8 that XML 1.0 accepts: no C0 control but
// TAB, LF (and CR when `allow_cr`), no U+FFFE or U+FFFF. Otherwise what is
// wrong and at which byte offset.
std::string XmlSafeUtf8Problem(std::string_view text, bool allow_cr);

// Whether `value` is empty or a date YYYY-MM-DD.
bool IsEmptyOrIsoDate(std::string_view value);

// A Document as a reader must leave it for `origin`: text XML-safe UTF-8
// without CR; regions inside the text, on character boundaries, in order
// and not overlapping; a title exactly when there is a title region, equal
// to its text; metadata XML-safe; every diagnostic located in `origin`.
void CheckReaderDocument(const Document& doc, std::string_view origin);

// After the pipeline: tokens, sentences and mentions inside the text, on
// character boundaries, in order.
void CheckPipelineLayers(const Document& doc);

// A small reader of fuzz input, for targets that build structured values:
// every call succeeds, giving zeros and empty strings once the bytes run out.
class ByteReader {
 public:
  ByteReader(const uint8_t* data, size_t size) : data_(data), size_(size) {}
  bool empty() const { return size_ == 0; }
  uint8_t Byte();
  // A number in [0, n) (n > 0).
  size_t Below(size_t n) { return Byte() % n; }
  // Up to `max` bytes, the length taken from the input.
  std::string String(size_t max);
  // The rest of the input.
  std::string Rest();

 private:
  const uint8_t* data_;
  size_t size_;
};

}  // namespace fuzz
}  // namespace newsgraph

#endif  // NEWSGRAPH_TESTS_FUZZ_FUZZ_CHECKS_H_
