// `newsgraph merge`: reads graphs newsgraph wrote (GraphML or JSON-LD, the
// parts of a sharded build) and writes their union, the graph one build
// over all the parts' inputs gives.
#ifndef NEWSGRAPH_CLI_MERGE_COMMAND_H_
#define NEWSGRAPH_CLI_MERGE_COMMAND_H_

#include <cstdio>

#include "cli/args.h"

namespace newsgraph {
namespace cli {

// Runs the merge; messages go to `err`. Returns the exit status (see
// build_command.h): a part that cannot be read fails the merge, and then
// nothing is written, since a graph without it would pass for the whole.
int RunMerge(const MergeOptions& options, std::FILE* err);

}  // namespace cli
}  // namespace newsgraph

#endif  // NEWSGRAPH_CLI_MERGE_COMMAND_H_
