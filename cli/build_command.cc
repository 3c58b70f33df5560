#include "cli/build_command.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "cli/bounded_queue.h"
#include "cli/byte_source.h"
#include "cli/chunk_reader.h"
#include "cli/input_reader.h"
#include "cli/inputs.h"
#include "cli/output_file.h"
#include "cli/reporter.h"
#include "exporters/exporters.h"
#include "extractors/lexicons.h"
#include "extractors/pipeline.h"
#include "graph/knowledge_graph.h"

namespace newsgraph {
namespace cli {
namespace {

// JSON Lines are cut into chunks of about this size: large enough to keep
// the workers' hand-over cheap, small enough to spread over threads.
constexpr size_t kChunkBytes = 1 << 20;
// The most input bytes waiting in the queue (a single larger file is still
// let through, alone).
constexpr uint64_t kQueueBytes = 16 << 20;

Severity ToSeverity(Diagnostic::Severity severity) {
  switch (severity) {
    case Diagnostic::Severity::kNote:
      return Severity::kNote;
    case Diagnostic::Severity::kWarning:
      return Severity::kWarning;
    case Diagnostic::Severity::kError:
      return Severity::kError;
  }
  return Severity::kWarning;
}

Message ToMessage(const Diagnostic& diagnostic, const std::string& fallback) {
  const std::string& where =
      diagnostic.location.empty() ? fallback : diagnostic.location;
  return Message{ToSeverity(diagnostic.severity),
                 where + ": " + diagnostic.message};
}

// What one worker thread owns.
struct Worker {
  explicit Worker(size_t evidence) : graph(evidence) {}
  KnowledgeGraph graph;
  std::thread thread;
};

// Reads `chunk` into documents and runs the pipeline over each, adding to
// `graph`. Never throws: a document that fails is reported and skipped.
void ProcessChunk(const Pipeline& pipeline, const Chunk& chunk,
                  KnowledgeGraph& graph, Reporter& reporter) {
  std::vector<Message> messages;
  std::vector<Diagnostic> file_diagnostics;
  size_t file_reported = 0;
  uint64_t documents = 0;
  // Keep the file's messages in the order they arose between documents.
  auto take_file_diagnostics = [&] {
    for (; file_reported < file_diagnostics.size(); ++file_reported) {
      messages.push_back(
          ToMessage(file_diagnostics[file_reported], chunk.origin));
    }
  };
  auto emit = [&](Document&& read) {
    take_file_diagnostics();
    Document doc = std::move(read);
    const std::string& where = doc.origin.empty() ? chunk.origin : doc.origin;
    bool processed = false;
    try {
      pipeline.Process(doc, graph);
      processed = true;
    } catch (const std::exception& e) {
      messages.push_back(
          Message{Severity::kError,
                  where + ": document skipped: internal error: " + e.what()});
    }
    for (const Diagnostic& d : doc.diagnostics) {
      messages.push_back(ToMessage(d, where));
    }
    if (processed) ++documents;
  };
  try {
    ReadChunk(chunk, emit, &file_diagnostics);
  } catch (const std::exception& e) {
    take_file_diagnostics();
    messages.push_back(Message{
        Severity::kError,
        chunk.origin + ": skipped after an internal error: " + e.what()});
  }
  take_file_diagnostics();
  reporter.Complete(chunk.seq, std::move(messages), documents,
                    chunk.bytes.size());
}

// Loads the built-in lexicons and the user's. Fails with the file, line
// and reason.
StatusOr<Lexicons> LoadLexicons(const std::vector<std::string>& files) {
  StatusOr<Lexicons> lexicons = Lexicons::Builtin();
  if (!lexicons.ok()) return lexicons.status();
  for (const std::string& file : files) {
    StatusOr<std::unique_ptr<ByteSource>> source = ByteSource::Open(file);
    if (!source.ok()) return source.status();
    std::string content;
    while (true) {
      StatusOr<size_t> n = (*source)->Read(1 << 20, &content);
      if (!n.ok()) return n.status();
      if (*n == 0) break;
    }
    Status added = lexicons->Add((*source)->name(), content);
    if (!added.ok()) return added;
  }
  return lexicons;
}

std::optional<uint64_t> TotalBytes(const std::vector<InputEntry>& entries) {
  uint64_t total = 0;
  for (const InputEntry& e : entries) {
    if (e.kind == InputEntry::Kind::kStdin) return std::nullopt;
    if (e.kind != InputEntry::Kind::kFile) continue;
    // Pipes have no size, and a .gz file's is not what is read.
    if (!e.size_known) return std::nullopt;
    std::string tail =
        e.path.size() >= 3 ? e.path.substr(e.path.size() - 3) : "";
    if (tail == ".gz" || tail == ".GZ") return std::nullopt;
    total += e.size;
  }
  return total;
}

}  // namespace

int RunBuild(const BuildOptions& options, std::FILE* err) {
  const auto start = std::chrono::steady_clock::now();
  ReporterOptions reporter_options;
  reporter_options.quiet = options.quiet;
  reporter_options.verbose = options.verbose;
  reporter_options.progress = !options.quiet && isatty(fileno(err)) != 0;
  Reporter reporter(err, reporter_options);

  // Everything that can be refused is refused before any work starts.
  StatusOr<Lexicons> lexicons = LoadLexicons(options.lexicons);
  if (!lexicons.ok()) {
    reporter.PrintNow(Severity::kError, lexicons.status().message());
    return kExitUsage;
  }
  StatusOr<Pipeline> pipeline = Pipeline::Standard(*lexicons);
  if (!pipeline.ok()) {
    reporter.PrintNow(Severity::kError, pipeline.status().message());
    return kExitUsage;
  }
  StatusOr<std::unique_ptr<OutputFile>> output =
      OutputFile::Open(options.output);
  if (!output.ok()) {
    reporter.PrintNow(Severity::kError, output.status().message());
    return kExitFailed;
  }

  std::vector<InputEntry> entries = ExpandInputs(options.inputs);
  reporter.SetTotalBytes(TotalBytes(entries));

  unsigned threads = options.threads;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  BoundedQueue<Chunk> queue(kQueueBytes);
  std::vector<std::unique_ptr<Worker>> workers;
  for (unsigned i = 0; i < threads; ++i) {
    workers.push_back(std::make_unique<Worker>(options.evidence));
  }
  for (auto& worker : workers) {
    Worker* w = worker.get();
    w->thread = std::thread([&queue, &pipeline, &reporter, w] {
      while (std::optional<Chunk> chunk = queue.Pop()) {
        ProcessChunk(*pipeline, *chunk, w->graph, reporter);
      }
    });
  }

  InputReader reader(options.max_bytes, kChunkBytes, reporter,
                     [&queue](Chunk&& chunk) {
                       uint64_t size = chunk.bytes.size();
                       queue.Push(std::move(chunk), size);
                     });
  for (const InputEntry& entry : entries) reader.Read(entry);
  queue.Close();
  for (auto& worker : workers) worker->thread.join();

  // The merge is order-independent: the same graph for any thread count.
  KnowledgeGraph& graph = workers[0]->graph;
  for (size_t i = 1; i < workers.size(); ++i) {
    graph.Merge(workers[i]->graph);
    workers[i].reset();
  }
  reporter.EndProgress();

  bool written = false;
  Status exported = Export(graph, options.format, (*output)->stream());
  if ((*output)->failed()) {
    reporter.PrintNow(Severity::kError, (*output)->WriteError().message());
  } else if (!exported.ok()) {
    reporter.PrintNow(Severity::kError,
                      options.output + ": " + exported.message());
  } else {
    Status committed = (*output)->Commit();
    if (committed.ok()) {
      written = true;
    } else {
      reporter.PrintNow(Severity::kError, committed.message());
    }
  }
  output->reset();  // removes the temporary file if not committed

  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  char time[32];
  std::snprintf(time, sizeof time, "%.2f s", seconds);
  uint64_t failed_inputs = reporter.errors();
  reporter.PrintSummary(
      Count(graph.document_count(), "document", "documents") + ", " +
      Count(graph.NodeCount(), "node", "nodes") + ", " +
      Count(graph.EdgeCount(), "edge", "edges") + ", " +
      Count(reporter.warnings(), "warning", "warnings") + ", " +
      Count(failed_inputs, "failed input", "failed inputs") + " (" + time +
      ")");
  return written && failed_inputs == 0 ? kExitOk : kExitFailed;
}

}  // namespace cli
}  // namespace newsgraph
