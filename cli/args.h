// The newsgraph command line, parsed: which command, and its options.
//
// ParseCommandLine() only reads its arguments; it touches no file, so a
// usage error is found before any work starts and is unit-testable.
#ifndef NEWSGRAPH_CLI_ARGS_H_
#define NEWSGRAPH_CLI_ARGS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "exporters/exporters.h"
#include "graph/status.h"

namespace newsgraph {
namespace cli {

inline constexpr uint64_t kDefaultMaxBytes = uint64_t{64} << 20;  // 64 MiB
inline constexpr size_t kDefaultEvidence = 5;
inline constexpr unsigned kMaxThreads = 1024;

struct BuildOptions {
  std::vector<std::string> inputs;   // paths, directories, "-" for stdin
  std::string output;                // "-" writes to stdout
  Format format = Format::kGraphml;  // from --format or the output's name
  std::vector<std::string> lexicons;
  unsigned threads = 0;                   // 0: one per hardware thread
  size_t evidence = kDefaultEvidence;     // mentions kept per edge, 0: all
  uint64_t max_bytes = kDefaultMaxBytes;  // per file or line, 0: no limit
  bool quiet = false;                     // errors only
  bool verbose = false;                   // notes too
};

struct MergeOptions {
  std::vector<std::string> inputs;    // graph files newsgraph wrote, "-"
  std::string output;                 // "-" writes to stdout
  Format format = Format::kGraphml;   // from --format or the output's name
  size_t evidence = kDefaultEvidence; // mentions kept per edge, 0: all
  bool quiet = false;                 // errors only
};

inline constexpr size_t kDefaultTop = 10;

struct StatsOptions {
  std::string input;         // a graph file newsgraph wrote, "-" for stdin
  bool json = false;         // JSON for scripts instead of text
  size_t top = kDefaultTop;  // actors and relations listed
};

struct CommandLine {
  enum class Command { kHelp, kVersion, kBuild, kMerge, kStats };
  Command command = Command::kHelp;
  std::string help_topic;  // kHelp: "" for the overview, or a command
  BuildOptions build;      // kBuild
  MergeOptions merge;      // kMerge
  StatsOptions stats;      // kStats
};

// Parses the arguments after the program name. On a usage error the
// message says what is wrong, without the "newsgraph: " prefix, e.g.
// "unknown option '--frobnicate'".
StatusOr<CommandLine> ParseCommandLine(const std::vector<std::string>& args);

// "12" -> 12; digits only, no sign, at most `max`. nullopt-like failure is
// reported as an error Status naming `option`.
StatusOr<uint64_t> ParseCount(std::string_view option, std::string_view text,
                              uint64_t max);

// "65536", "64K", "64M", "1G" (binary multiples, case-insensitive, an
// optional trailing "B" or "iB") -> bytes.
StatusOr<uint64_t> ParseByteSize(std::string_view option,
                                 std::string_view text);

}  // namespace cli
}  // namespace newsgraph

#endif  // NEWSGRAPH_CLI_ARGS_H_
