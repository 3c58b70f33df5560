// The texts newsgraph prints for --help, help build, --version and after a
// usage error.
#ifndef NEWSGRAPH_CLI_USAGE_H_
#define NEWSGRAPH_CLI_USAGE_H_

#include <string>
#include <string_view>

namespace newsgraph {
namespace cli {

// "newsgraph 0.1.0": the version CMake's project() declares.
std::string VersionText();

// The overview (topic "") or the help of a command ("build").
std::string HelpText(std::string_view topic);

// Two lines printed after a usage error's message.
std::string UsageHint();

}  // namespace cli
}  // namespace newsgraph

#endif  // NEWSGRAPH_CLI_USAGE_H_
