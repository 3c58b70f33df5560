#include "extractors/readers.h"

#include <string>
#include <utility>

#include "extractors/utf8.h"

namespace newsgraph {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t\r\f\v") == std::string_view::npos;
}

void ReadJsonLines(std::string_view origin, std::string_view bytes,
                   const std::function<void(Document&&)>& emit,
                   std::vector<Diagnostic>* file_diagnostics) {
  std::string converted;
  if (DetectEncoding(bytes) != Encoding::kUtf8) {
    converted = RepairText(bytes, origin, file_diagnostics);
    bytes = converted;
  } else if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
  }
  size_t line_number = 0;
  size_t begin = 0;
  while (begin < bytes.size()) {
    size_t end = bytes.find('\n', begin);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(begin, end - begin);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    begin = end + 1;
    ++line_number;
    if (IsBlank(line)) continue;
    StatusOr<Document> doc = ReadJsonLine(origin, line_number, line);
    if (doc.ok()) {
      emit(std::move(doc).value());
      continue;
    }
    if (file_diagnostics == nullptr) continue;
    Diagnostic d;
    d.severity = Diagnostic::Severity::kError;
    d.location = std::string(origin) + ":" + std::to_string(line_number);
    d.message = doc.status().message();
    if (d.message.compare(0, d.location.size() + 2, d.location + ": ") == 0) {
      d.message.erase(0, d.location.size() + 2);
    }
    file_diagnostics->push_back(std::move(d));
  }
}

}  // namespace

InputFormat DetectFormat(std::string_view path, std::string_view head_bytes) {
  const std::string lower = Lower(path);
  for (const char* ext : {".txt", ".text", ".md"}) {
    if (EndsWith(lower, ext)) return InputFormat::kText;
  }
  for (const char* ext : {".html", ".htm", ".xhtml"}) {
    if (EndsWith(lower, ext)) return InputFormat::kHtml;
  }
  for (const char* ext : {".jsonl", ".ndjson", ".json", ".jsonl.gz"}) {
    if (EndsWith(lower, ext)) return InputFormat::kJsonLines;
  }
  // RepairText drops a byte order mark and decodes UTF-16 and UTF-32.
  const std::string head = RepairText(head_bytes, "", nullptr);
  const size_t first = head.find_first_not_of(" \t\r\n\f");
  if (first != std::string::npos && head[first] == '<') {
    return InputFormat::kHtml;
  }
  if (first != std::string::npos && head[first] == '{') {
    return InputFormat::kJsonLines;
  }
  return InputFormat::kText;
}

void ReadDocuments(std::string_view origin, std::string_view bytes,
                   InputFormat format,
                   const std::function<void(Document&&)>& emit,
                   std::vector<Diagnostic>* file_diagnostics) {
  switch (format) {
    case InputFormat::kText:
      emit(ReadText(origin, bytes));
      return;
    case InputFormat::kHtml:
      emit(ReadHtml(origin, bytes));
      return;
    case InputFormat::kJsonLines:
      ReadJsonLines(origin, bytes, emit, file_diagnostics);
      return;
  }
}

}  // namespace newsgraph
