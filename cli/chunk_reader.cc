#include "cli/chunk_reader.h"

#include <string>
#include <string_view>
#include <utility>

#include "extractors/jsonl_reader.h"
#include "extractors/readers.h"

namespace newsgraph {
namespace cli {
namespace {

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t\r\f\v") == std::string_view::npos;
}

// As ReadDocuments() reads a UTF-8 JSON Lines file, from line `first_line`.
void ReadJsonLines(const Chunk& chunk,
                   const std::function<void(Document&&)>& emit,
                   std::vector<Diagnostic>* file_diagnostics) {
  std::string_view bytes = chunk.bytes;
  if (chunk.first_line == 1 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);  // a byte order mark
  }
  uint64_t line_number = chunk.first_line;
  size_t begin = 0;
  for (; begin < bytes.size(); ++line_number) {
    size_t end = bytes.find('\n', begin);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(begin, end - begin);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    begin = end + 1;
    if (IsBlank(line)) continue;
    StatusOr<Document> doc =
        ReadJsonLine(chunk.origin, static_cast<size_t>(line_number), line);
    if (doc.ok()) {
      emit(std::move(doc).value());
      continue;
    }
    Diagnostic d;
    d.severity = Diagnostic::Severity::kError;
    d.location = chunk.origin + ":" + std::to_string(line_number);
    d.message = doc.status().message();
    if (d.message.compare(0, d.location.size() + 2, d.location + ": ") == 0) {
      d.message.erase(0, d.location.size() + 2);
    }
    file_diagnostics->push_back(std::move(d));
  }
}

}  // namespace

void ReadChunk(const Chunk& chunk, const std::function<void(Document&&)>& emit,
               std::vector<Diagnostic>* file_diagnostics) {
  if (chunk.json_lines) {
    ReadJsonLines(chunk, emit, file_diagnostics);
  } else {
    ReadDocuments(chunk.origin, chunk.bytes, chunk.format, emit,
                  file_diagnostics);
  }
}

}  // namespace cli
}  // namespace newsgraph
