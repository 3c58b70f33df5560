// Fuzz target: the JSON Lines reader, as the CLI uses it on a whole file
// (ReadDocuments) and on one line (ReadJsonLine).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/jsonl_reader.h"
#include "extractors/readers.h"
#include "fuzz_checks.h"

using newsgraph::Diagnostic;
using newsgraph::Document;
using newsgraph::fuzz::Check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<Diagnostic> file_diagnostics;
  size_t documents = 0;
  newsgraph::ReadDocuments(
      "in.jsonl", bytes, newsgraph::InputFormat::kJsonLines,
      [&](Document&& doc) {
        ++documents;
        // Origins are "in.jsonl:LINE".
        newsgraph::fuzz::CheckReaderDocument(doc, "in.jsonl:");
        Check(doc.origin.compare(0, 9, "in.jsonl:") == 0, "Document::origin",
              doc.origin);
      },
      &file_diagnostics);
  for (const Diagnostic& d : file_diagnostics) {
    Check(d.location.compare(0, 9, "in.jsonl:") == 0, "Diagnostic::location",
          d.location);
    Check(!d.message.empty(), "Diagnostic::message", "empty");
  }

  // One line on its own: a document, or an error naming the line.
  const std::string_view line = bytes.substr(0, bytes.find('\n'));
  newsgraph::StatusOr<Document> one =
      newsgraph::ReadJsonLine("in.jsonl", 7, line);
  if (one.ok()) {
    newsgraph::fuzz::CheckReaderDocument(*one, "in.jsonl:7");
  } else {
    Check(one.status().message().compare(0, 11, "in.jsonl:7:") == 0,
          "ReadJsonLine error", one.status().message());
  }
  return 0;
}
