// GraphOutput: the file, or files, that one export of a graph writes.
//
// Most formats write one file; CSV writes two (FILE.nodes.csv and
// FILE.relationships.csv for FILE.csv: ExportPaths() in exporters.h). Each
// file is an OutputFile: written to a temporary name and renamed over its
// destination only once the whole export has been written, so a failed
// export leaves every previous file as it was. The files are committed one
// after the other, though: should the second commit fail (or the process
// die between them), the first file is new and the second old. Used by one
// thread.
#ifndef NEWSGRAPH_CLI_GRAPH_OUTPUT_H_
#define NEWSGRAPH_CLI_GRAPH_OUTPUT_H_

#include <memory>
#include <string>
#include <vector>

#include "cli/output_file.h"
#include "exporters/exporters.h"
#include "graph/knowledge_graph.h"
#include "graph/status.h"

namespace newsgraph {
namespace cli {

class GraphOutput {
 public:
  // Checks that every file of an export in `format` named `path` can be
  // written and creates their temporary files, before any work starts.
  // Fails with "PATH: cannot write: REASON", or "PATH: csv writes two
  // files: cannot write it to standard output" for "-" in CSV.
  static StatusOr<std::unique_ptr<GraphOutput>> Open(Format format,
                                                     const std::string& path);

  // Writes `graph` and commits every file, in order. On failure the files
  // not committed yet keep their previous content (their temporary files
  // are removed when this object is destroyed), and the message says which
  // file and why: "PATH: cannot write: No space left on device", or "PATH:
  // <the exporter's message>".
  Status Write(const KnowledgeGraph& graph, const ExportOptions& options = {});

  // The files written, in ExportPaths() order.
  const std::vector<std::string>& paths() const { return paths_; }

 private:
  GraphOutput(Format format, std::string path) noexcept;

  Format format_;
  std::string path_;  // as given, for messages about the whole export
  std::vector<std::string> paths_;
  std::vector<std::unique_ptr<OutputFile>> files_;
};

}  // namespace cli
}  // namespace newsgraph

#endif  // NEWSGRAPH_CLI_GRAPH_OUTPUT_H_
