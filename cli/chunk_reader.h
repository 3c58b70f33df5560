// Turns a Chunk of input into Documents with the extractors' readers.
#ifndef NEWSGRAPH_CLI_CHUNK_READER_H_
#define NEWSGRAPH_CLI_CHUNK_READER_H_

#include <functional>
#include <vector>

#include "cli/input_reader.h"
#include "extractors/document.h"

namespace newsgraph {
namespace cli {

// Passes each document of `chunk` to `emit`, in order. A whole file goes to
// ReadDocuments(); a run of JSON Lines is read line by line with the lines'
// numbers in their file, so that document ids ("FILE:LINE" when a record
// has none) and messages are the same as if the file were read whole. A
// line that fails becomes a kError Diagnostic at "FILE:LINE" in
// `file_diagnostics`, and the rest is read. Thread-safe.
void ReadChunk(const Chunk& chunk, const std::function<void(Document&&)>& emit,
               std::vector<Diagnostic>* file_diagnostics);

}  // namespace cli
}  // namespace newsgraph

#endif  // NEWSGRAPH_CLI_CHUNK_READER_H_
