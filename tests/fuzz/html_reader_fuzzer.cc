// Fuzz target: the HTML reader (ReadHtml) on any bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extractors/html_reader.h"
#include "fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const newsgraph::Document doc = newsgraph::ReadHtml("dir/in.html", bytes);
  newsgraph::fuzz::CheckReaderDocument(doc, "dir/in.html");
  return 0;
}
