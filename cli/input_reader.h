// InputReader: reads the inputs of a build, one after another, and cuts
// them into chunks of work for the workers: a whole article file, or a run
// of complete lines of a JSON Lines file, which is streamed so that a
// corpus of any size goes through in bounded memory.
//
// Refuses binary files and files (or JSON Lines lines) above the size limit,
// posting an error for each to the Reporter. Used by one thread.
#ifndef NEWSGRAPH_CLI_INPUT_READER_H_
#define NEWSGRAPH_CLI_INPUT_READER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "cli/inputs.h"
#include "cli/reporter.h"
#include "extractors/readers.h"

namespace newsgraph {
namespace cli {

class ByteSource;

// A piece of work: bytes of one input, to be read into Documents.
struct Chunk {
  uint64_t seq = 0;    // place in the Reporter's message order
  std::string origin;  // the input's name, for documents and messages
  InputFormat format = InputFormat::kText;
  std::string bytes;
  uint64_t first_line = 1;  // line number of bytes[0] in the input
  // Complete UTF-8 JSON Lines, cut from a streamed file: read line by line
  // (numbered from first_line), not as a whole file.
  bool json_lines = false;
};

class InputReader {
 public:
  // Chunks go to `sink` in input order. `max_bytes` (0: no limit) bounds a
  // whole file, or one line of a JSON Lines file. `chunk_bytes` is the
  // size a JSON Lines chunk aims at.
  InputReader(uint64_t max_bytes, size_t chunk_bytes, Reporter& reporter,
              std::function<void(Chunk&&)> sink);

  // Reads one entry of the input list (posting its error or warning, if it
  // is one).
  void Read(const InputEntry& entry);

 private:
  void ReadWhole(ByteSource& source, std::string head, InputFormat format);
  void StreamLines(ByteSource& source, std::string pending);
  // Emits the complete lines `bytes` (numbered from `first_line`) as chunks
  // (one, without a copy, when no line is longer than the limit), leaving
  // out lines longer than the limit; returns the number of the line after
  // them.
  uint64_t EmitLines(const std::string& name, std::string bytes,
                     uint64_t first_line);
  void Emit(const std::string& name, InputFormat format, std::string bytes,
            uint64_t first_line, bool json_lines);

  uint64_t max_bytes_;
  size_t chunk_bytes_;
  Reporter& reporter_;
  std::function<void(Chunk&&)> sink_;
};

}  // namespace cli
}  // namespace newsgraph

#endif  // NEWSGRAPH_CLI_INPUT_READER_H_
