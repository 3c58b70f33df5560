// Fuzz target: RepairText, DetectEncoding and LooksBinary on any bytes.
//
// Checks that the repaired text is valid, XML-safe UTF-8 without CR; that
// repairing it again changes nothing; that clean UTF-8 comes out unchanged;
// and that each diagnostic points into the input.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/utf8.h"
#include "fuzz_checks.h"

using newsgraph::Diagnostic;
using newsgraph::Encoding;
using newsgraph::fuzz::Check;
using newsgraph::fuzz::XmlSafeUtf8Problem;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)newsgraph::LooksBinary(bytes);
  const Encoding encoding = newsgraph::DetectEncoding(bytes);

  std::vector<Diagnostic> diagnostics;
  const std::string text = newsgraph::RepairText(bytes, "in", &diagnostics);
  const std::string problem = XmlSafeUtf8Problem(text, false);
  Check(problem.empty(), "RepairText output", problem);
  Check(text.find('\r') == std::string::npos, "RepairText output",
        "holds a CR");
  Check(diagnostics.size() <= 7, "RepairText diagnostics",
        "more than one per kind of repair");
  for (const Diagnostic& d : diagnostics) {
    const std::string prefix = "in:offset ";
    Check(d.location.compare(0, prefix.size(), prefix) == 0,
          "Diagnostic::location", d.location);
    const std::string offset = d.location.substr(prefix.size());
    Check(!offset.empty() && offset.size() < 20 &&
              offset.find_first_not_of("0123456789") == std::string::npos,
          "Diagnostic::location", d.location);
    // Removing a byte order mark or decoding is located at offset 0 even
    // for a (bad) input of one byte.
    Check(std::stoull(offset) < std::max<size_t>(size, 1),
          "Diagnostic::location", d.location + " is past the input's end");
  }

  // Repairing is idempotent, but for a U+FEFF that decoding left in front
  // (a second byte order mark), which the second pass reads as one.
  std::vector<Diagnostic> again_diagnostics;
  std::string again = newsgraph::RepairText(text, "", &again_diagnostics);
  std::string_view expected = text;
  if (expected.substr(0, 3) == "\xEF\xBB\xBF") expected.remove_prefix(3);
  Check(again == expected, "RepairText", "not idempotent");

  // Clean UTF-8 (no byte order mark, no CR) is returned as it is.
  if (encoding == Encoding::kUtf8 && XmlSafeUtf8Problem(bytes, false).empty() &&
      bytes.substr(0, 3) != "\xEF\xBB\xBF") {
    Check(text == bytes, "RepairText", "changed clean UTF-8");
    Check(diagnostics.empty(), "RepairText", "diagnostics for clean UTF-8");
  }
  return 0;
}
