// `newsgraph build`: reads the inputs, runs the pipeline over every document
// on worker threads, merges their graphs and writes the result.
#ifndef NEWSGRAPH_CLI_BUILD_COMMAND_H_
#define NEWSGRAPH_CLI_BUILD_COMMAND_H_

#include <cstdio>

#include "cli/args.h"

namespace newsgraph {
namespace cli {

// Exit statuses (STYLE.md).
enum ExitCode {
  kExitOk = 0,      // every input was read and the output written
  kExitFailed = 1,  // some input failed, or the output could not be written
  kExitUsage = 2,   // bad usage or configuration; nothing was done
};

// Runs the build; messages go to `err`. Returns the exit status. The last
// work of the process: the graph and the lexicons are left to the end of
// the process to free (main returns this status).
int RunBuild(const BuildOptions& options, std::FILE* err);

}  // namespace cli
}  // namespace newsgraph

#endif  // NEWSGRAPH_CLI_BUILD_COMMAND_H_
