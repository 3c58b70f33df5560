#include "cli/merge_command.h"

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "cli/build_command.h"
#include "cli/byte_source.h"
#include "cli/graph_output.h"
#include "cli/reporter.h"
#include "exporters/graph_reader.h"
#include "graph/knowledge_graph.h"

namespace newsgraph {
namespace cli {

int RunMerge(const MergeOptions& options, std::FILE* err) {
  const auto start = std::chrono::steady_clock::now();
  ReporterOptions reporter_options;
  reporter_options.quiet = options.quiet;
  Reporter reporter(err, reporter_options);

  StatusOr<std::unique_ptr<GraphOutput>> output =
      GraphOutput::Open(options.format, options.output);
  if (!output.ok()) {
    reporter.PrintNow(Severity::kError, output.status().message());
    return kExitFailed;
  }

  // Parts are merged one at a time: memory holds the union, one part and
  // its bytes. The merge rules commute, so the order does not matter.
  std::optional<KnowledgeGraph> merged;
  uint64_t bytes_read = 0;
  for (const std::string& path : options.inputs) {
    StatusOr<std::unique_ptr<ByteSource>> source = ByteSource::Open(path);
    if (!source.ok()) {
      reporter.PrintNow(Severity::kError, source.status().message());
      return kExitFailed;
    }
    std::string bytes;
    while (true) {
      StatusOr<size_t> n = (*source)->Read(size_t{1} << 22, &bytes);
      if (!n.ok()) {
        reporter.PrintNow(Severity::kError, n.status().message());
        return kExitFailed;
      }
      if (*n == 0) break;
    }
    bytes_read += bytes.size();
    StatusOr<KnowledgeGraph> part =
        ReadGraph((*source)->name(), bytes, options.evidence);
    if (!part.ok()) {
      reporter.PrintNow(Severity::kError, part.status().message());
      return kExitFailed;
    }
    std::string().swap(bytes);
    if (!merged) {
      merged.emplace(std::move(part).value());
    } else {
      merged->Merge(*part);
    }
  }

  Status written = (*output)->Write(*merged);
  if (!written.ok()) {
    reporter.PrintNow(Severity::kError, written.message());
    return kExitFailed;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  char time[64];
  std::snprintf(time, sizeof time, "%.2f s", seconds);
  reporter.PrintSummary(
      "merged " + Count(options.inputs.size(), "part", "parts") + ": " +
      Count(merged->document_count(), "document", "documents") + ", " +
      Count(merged->NodeCount(), "node", "nodes") + ", " +
      Count(merged->EdgeCount(), "edge", "edges") + " (" + time + ")");
  return kExitOk;
}

}  // namespace cli
}  // namespace newsgraph
