#include "cli/graph_output.h"

#include <ostream>
#include <utility>

namespace newsgraph {
namespace cli {

GraphOutput::GraphOutput(Format format, std::string path) noexcept
    : format_(format), path_(std::move(path)) {}

StatusOr<std::unique_ptr<GraphOutput>> GraphOutput::Open(
    Format format, const std::string& path) {
  std::vector<std::string> paths = ExportPaths(format, path);
  if (paths.size() > 1 && path == "-") {
    return Status::Error("-: " + std::string(FormatName(format)) + " writes " +
                         std::to_string(paths.size()) +
                         " files: cannot write it to standard output");
  }
  std::unique_ptr<GraphOutput> output(new GraphOutput(format, path));
  for (const std::string& file : paths) {
    StatusOr<std::unique_ptr<OutputFile>> opened = OutputFile::Open(file);
    if (!opened.ok()) return opened.status();  // removes those opened so far
    output->files_.push_back(std::move(opened).value());
  }
  output->paths_ = std::move(paths);
  return output;
}

Status GraphOutput::Write(const KnowledgeGraph& graph,
                          const ExportOptions& options) {
  std::vector<std::ostream*> streams;
  for (auto& file : files_) streams.push_back(&file->stream());
  Status exported = ExportFiles(graph, format_, streams, options);
  // A stream's own error (full disk) says more than the exporter's.
  for (auto& file : files_) {
    if (file->failed()) return file->WriteError();
  }
  if (!exported.ok()) {
    return Status::Error(path_ + ": " + exported.message());
  }
  for (auto& file : files_) {
    Status committed = file->Commit();
    if (!committed.ok()) return committed;
  }
  return Status::Ok();
}

}  // namespace cli
}  // namespace newsgraph
