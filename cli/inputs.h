// Turns the INPUT arguments of `newsgraph build` into the list of files to
// read: files as named, directories expanded recursively, "-" for stdin.
#ifndef NEWSGRAPH_CLI_INPUTS_H_
#define NEWSGRAPH_CLI_INPUTS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph {
namespace cli {

// One entry of the expanded input list, in the order it will be read.
struct InputEntry {
  enum class Kind {
    kFile,     // read `path`
    kStdin,    // read standard input
    kError,    // `message` says why `path` cannot be read (a failed input)
    kWarning,  // `message` is worth telling, nothing to read
  };
  Kind kind = Kind::kFile;
  std::string path;     // as given, or DIR/NAME below a directory
  std::string message;  // kError, kWarning: "PATH: reason"
  uint64_t size = 0;    // kFile: size in bytes when it is a regular file
  bool size_known = false;
};

// Expands `args` in order. A directory contributes the files below it whose
// names end in a known article extension (IsArticleName), sorted bytewise
// by name at each level, skipping names that start with '.'; a file named
// explicitly is kept whatever its name. Missing or unreadable paths become
// kError entries and the rest goes on. A file reached twice is read once.
std::vector<InputEntry> ExpandInputs(const std::vector<std::string>& args);

// True when `name` ends (case-insensitively) in .txt .text .html .htm .jsonl
// or .ndjson, optionally followed by .gz.
bool IsArticleName(std::string_view name);

}  // namespace cli
}  // namespace newsgraph

#endif  // NEWSGRAPH_CLI_INPUTS_H_
