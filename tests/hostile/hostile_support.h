// What the hostile-input suite needs around the newsgraph binary: runs
// with a time limit and the peak memory of the run, inputs written byte by
// byte, and the shared output checkers.
#ifndef NEWSGRAPH_TESTS_HOSTILE_HOSTILE_SUPPORT_H_
#define NEWSGRAPH_TESTS_HOSTILE_HOSTILE_SUPPORT_H_

#include <sys/resource.h>
#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace newsgraph {
namespace hostile {

struct RunResult {
  int status = -1;         // exit status, or 128 + the signal that ended it
  std::string out;         // standard output
  std::string err;         // standard error
  long max_rss_kb = 0;     // peak resident memory of the run
  double seconds = 0;      // wall time
  bool timed_out = false;  // killed after the time limit
};

struct RunOptions {
  std::string stdin_path;   // standard input: this file, else /dev/null
  std::string stdout_path;  // standard output: this file, else captured
  double time_limit = 60;   // seconds, then SIGKILL
  rlim_t file_size_limit = RLIM_INFINITY;  // RLIMIT_FSIZE: a full disk
};

// Runs the newsgraph binary (NEWSGRAPH_BINARY) with `args`.
RunResult RunNewsgraph(const std::vector<std::string>& args,
                       const RunOptions& options = {});

// Starts newsgraph with `args` (standard input /dev/null, output discarded)
// and returns its process id, for tests that kill it.
pid_t StartNewsgraph(const std::vector<std::string>& args);
// Waits for `pid`; returns as RunResult::status.
int WaitFor(pid_t pid);

// Standard error without the summary line's time: "(0.12 s)" -> "(T s)".
std::string WithoutTime(const std::string& err);

// The lines of `text`.
std::vector<std::string> Lines(const std::string& text);

// Writes `bytes` to `path` (whole file), or `count` copies of `bytes`.
void WriteBytes(const std::string& path, const std::string& bytes,
                uint64_t count = 1);

std::string ReadBytes(const std::string& path);

// The shared checkers (../shared/tools/check-outputs.sh), when present.
bool HaveSharedCheckers();

// Runs check-outputs.sh over `files`. Returns "" when every check passed,
// else the checkers' report. Only call when HaveSharedCheckers().
std::string SharedCheckerFailures(const std::vector<std::string>& files);

}  // namespace hostile
}  // namespace newsgraph

#endif  // NEWSGRAPH_TESTS_HOSTILE_HOSTILE_SUPPORT_H_
