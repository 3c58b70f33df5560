// Input formats and the one entry point the CLI calls for a file's bytes.
//
// Thread-safe: nothing here keeps state between calls.
#ifndef NEWSGRAPH_EXTRACTORS_READERS_H_
#define NEWSGRAPH_EXTRACTORS_READERS_H_

#include <functional>
#include <string_view>
#include <vector>

#include "extractors/document.h"
#include "extractors/html_reader.h"
#include "extractors/jsonl_reader.h"
#include "extractors/text_reader.h"

namespace newsgraph {

enum class InputFormat { kText, kHtml, kJsonLines };

// The format of the file at `path` whose first bytes are `head_bytes` (a
// few KB are plenty). By extension, any case: .txt .text .md -> text;
// .html .htm .xhtml -> HTML; .jsonl .ndjson .json .jsonl.gz -> JSON Lines
// (decompressing is the caller's business).
// Otherwise by content, after a byte order mark and white space: "<" ->
// HTML, "{" -> JSON Lines, anything else -> text.
InputFormat DetectFormat(std::string_view path, std::string_view head_bytes);

// Reads the documents in `bytes` (a whole file named `origin`) and passes
// each to `emit`, in file order. Text and HTML files are one document.
// JSON Lines files are split at LF (a CR before it is dropped; UTF-16 and
// UTF-32 files are converted first); blank lines are skipped, and a line
// that fails is recorded in `file_diagnostics` as a kError located at
// "ORIGIN:LINE" and skipped, the rest still read. Repairs within one
// document are in that Document's diagnostics.
void ReadDocuments(std::string_view origin, std::string_view bytes,
                   InputFormat format,
                   const std::function<void(Document&&)>& emit,
                   std::vector<Diagnostic>* file_diagnostics);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACTORS_READERS_H_
