// newsgraph: the command line. Parses the arguments and hands over to the
// command; everything else lives in the files beside this one.
#include <cstdio>
#include <string>
#include <vector>

#include "cli/args.h"
#include "cli/build_command.h"
#include "cli/merge_command.h"
#include "cli/stats_command.h"
#include "cli/usage.h"

namespace {

int PrintToStdout(const std::string& text) {
  std::fputs(text.c_str(), stdout);
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    std::perror("newsgraph: error: standard output");
    return newsgraph::cli::kExitFailed;
  }
  return newsgraph::cli::kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  using newsgraph::cli::CommandLine;
  std::vector<std::string> args(argv + 1, argv + argc);
  newsgraph::StatusOr<CommandLine> line =
      newsgraph::cli::ParseCommandLine(args);
  if (!line.ok()) {
    std::fprintf(stderr, "newsgraph: %s\n%s", line.status().message().c_str(),
                 newsgraph::cli::UsageHint().c_str());
    return newsgraph::cli::kExitUsage;
  }
  switch (line->command) {
    case CommandLine::Command::kHelp:
      return PrintToStdout(newsgraph::cli::HelpText(line->help_topic));
    case CommandLine::Command::kVersion:
      return PrintToStdout(newsgraph::cli::VersionText() + "\n");
    case CommandLine::Command::kBuild:
      return newsgraph::cli::RunBuild(line->build, stderr);
    case CommandLine::Command::kMerge:
      return newsgraph::cli::RunMerge(line->merge, stderr);
    case CommandLine::Command::kStats:
      return newsgraph::cli::RunStats(line->stats, stdout, stderr);
  }
  return newsgraph::cli::kExitUsage;
}
