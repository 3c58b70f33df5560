// Runs the built newsgraph binary and captures what it printed.
#ifndef NEWSGRAPH_TESTS_CLI_RUN_BINARY_H_
#define NEWSGRAPH_TESTS_CLI_RUN_BINARY_H_

#include <sys/resource.h>
#include <sys/types.h>

#include <string>
#include <string_view>
#include <vector>

namespace newsgraph {
namespace testing {

struct RunOptions {
  std::string stdin_data;                  // what standard input holds
  std::string cwd;                         // working directory, if not ours
  rlim_t file_size_limit = RLIM_INFINITY;  // RLIMIT_FSIZE, to fake a full disk
};

struct RunResult {
  int status = -1;  // the exit status, or 128 + the signal that ended it
  std::string out;  // standard output
  std::string err;  // standard error
};

// Runs `NEWSGRAPH_BINARY args...`.
RunResult RunNewsgraph(const std::vector<std::string>& args,
                       const RunOptions& options = {});

// A newsgraph process left running with its standard input open, for tests
// that stop it midway.
class RunningNewsgraph {
 public:
  explicit RunningNewsgraph(const std::vector<std::string>& args);
  ~RunningNewsgraph();
  void WriteStdin(const std::string& data);
  // Sends `signal_number` and waits; returns what Wait() returns.
  int Kill(int signal_number);
  // Closes standard input and waits; returns as RunResult::status.
  int Wait();

 private:
  pid_t pid_ = -1;
  int stdin_fd_ = -1;
};

// The last line of `err` with its time and measured figures ("(0.12 s)",
// "(0.12 s, 1.0 MB at ...)") replaced by "(T s)".
std::string SummaryLine(const std::string& err);

// Whether `text` matches `pattern`, where '#' stands for one or more digits
// and '*' for any characters (none included); every other character for
// itself.
bool Matches(std::string_view text, std::string_view pattern);

}  // namespace testing
}  // namespace newsgraph

#endif  // NEWSGRAPH_TESTS_CLI_RUN_BINARY_H_
