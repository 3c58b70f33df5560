#include "cli/build_command.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "cli/bounded_queue.h"
#include "cli/byte_source.h"
#include "cli/chunk_reader.h"
#include "cli/graph_output.h"
#include "cli/input_reader.h"
#include "cli/inputs.h"
#include "cli/reporter.h"
#include "exporters/exporters.h"
#include "extractors/lexicons.h"
#include "extractors/pipeline.h"
#include "extractors/utf8.h"
#include "graph/knowledge_graph.h"
#include "graph/schema.h"

namespace newsgraph {
namespace cli {
namespace {

// JSON Lines are cut into chunks of about this size: large enough to keep
// the workers' hand-over cheap, small enough to spread over threads (the
// last chunks keep one thread busy while the others wait: 256 KB is about
// 10 ms of work).
constexpr size_t kChunkBytes = 256 << 10;
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
// The most a lexicon file may hold: far above any real one, and a bound on
// a mistaken --lexicon /dev/zero.
constexpr size_t kMaxLexiconBytes = size_t{64} << 20;

// "" when `line` is UTF-8 without control characters but TAB (and a final
// CR), else the reason it is not.
std::string LexiconLineProblem(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  for (size_t i = 0; i < line.size();) {
    const auto c = static_cast<unsigned char>(line[i]);
    if (c < 0x80) {
      if (c < 0x20 && c != '\t') {
        char hex[8];
        std::snprintf(hex, sizeof hex, "%02X", c);
        return std::string("control character U+00") + hex;
      }
      ++i;
      continue;
    }
    // Well-formed sequences only (no overlong forms, surrogates or code
    // points above U+10FFFF): Unicode's table 3-7.
    size_t length = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    }
    bool valid = length > 0 && i + length <= line.size();
    for (size_t k = 1; valid && k < length; ++k) {
      const auto b = static_cast<unsigned char>(line[i + k]);
      valid = k == 1 ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xBF);
    }
    if (!valid) return "invalid UTF-8";
    i += length;
  }
  return "";
}

// Refuses what Lexicons::Add would misread, or pass on to every label it
// makes: a binary file, invalid UTF-8 and control characters, each with its
// line. UTF-16 and UTF-32 files are converted first, as articles are.
Status CheckLexiconText(const std::string& name, std::string* content) {
  if (LooksBinary(*content)) {
    return Status::Error(name + ": binary file, not a lexicon");
  }
  if (DetectEncoding(*content) != Encoding::kUtf8) {
    *content = RepairText(*content, name, nullptr);
  }
  size_t line_number = 1;
  for (size_t begin = 0; begin < content->size(); ++line_number) {
    size_t end = content->find('\n', begin);
    if (end == std::string::npos) end = content->size();
    const std::string problem = LexiconLineProblem(
        std::string_view(*content).substr(begin, end - begin));
    if (!problem.empty()) {
      return Status::Error(name + ":" + std::to_string(line_number) + ": " +
                           problem);
    }
    begin = end + 1;
  }
  return Status::Ok();
}

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
      if (content.size() > kMaxLexiconBytes) {
        return Status::Error((*source)->name() + ": larger than " +
                             ByteSizeText(kMaxLexiconBytes) +
                             "; not a lexicon");
      }
    }
    Status checked = CheckLexiconText((*source)->name(), &content);
    if (!checked.ok()) return checked;
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

// The peak resident set size of this process so far, in bytes.
uint64_t PeakRssBytes() {
  struct rusage usage;
  if (getrusage(RUSAGE_SELF, &usage) != 0) return 0;
  return static_cast<uint64_t>(usage.ru_maxrss) * 1024;  // KiB on Linux
}

// "nodes: 12 Country, 30 Official; edges: 4 accuses, 9 consults": the
// graph by kind, kinds in schema order, absent kinds left out.
std::string KindsLine(const KnowledgeGraph& graph) {
  std::vector<uint64_t> nodes(AllNodeKinds().size());
  std::vector<uint64_t> edges(AllRelations().size());
  const KnowledgeGraph::Graph& g = graph.graph();
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    ++nodes[static_cast<size_t>(g[*it].kind)];
  }
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    ++edges[static_cast<size_t>(g[*it].relation)];
  }
  std::string line = "nodes:";
  const char* separator = " ";
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i] == 0) continue;
    line += separator + std::to_string(nodes[i]) + " " +
            std::string(AllNodeKinds()[i].name);
    separator = ", ";
  }
  if (graph.NodeCount() == 0) line += " none";
  line += "; edges:";
  separator = " ";
  for (size_t i = 0; i < edges.size(); ++i) {
    if (edges[i] == 0) continue;
    line += separator + std::to_string(edges[i]) + " " +
            std::string(AllRelations()[i].name);
    separator = ", ";
  }
  if (graph.EdgeCount() == 0) line += " none";
  return line;
}

// "skipped: 2 invalid JSON, 1 binary file", or "" when nothing was.
std::string SkippedLine(const std::map<std::string, uint64_t>& reasons) {
  std::string line;
  for (const auto& [reason, count] : reasons) {
    line += (line.empty() ? "skipped: " : ", ") + std::to_string(count) +
            " " + reason;
  }
  return line;
}

// Keeps `object` until the process ends, never destroyed: its memory goes
// back to the system with the process, at once, instead of allocation by
// allocation (15 ms for the graph, lexicons and pipeline of Reuters-21578,
// seconds for a graph of millions of edges). Still reachable through a
// global, so leak checkers see no leak.
template <typename T>
void KeepUntilExit(std::unique_ptr<T> object) {
  static auto* const kept = new std::vector<void*>;
  kept->push_back(object.release());
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
  StatusOr<std::unique_ptr<GraphOutput>> output =
      GraphOutput::Open(options.format, options.output);
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
    graph.Merge(std::move(workers[i]->graph));
    workers[i].reset();
  }
  reporter.EndProgress();
  // What was skipped and what the graph holds, before a problem writing it
  // and the final summary line.
  const std::string skipped = SkippedLine(reporter.skip_reasons());
  if (!skipped.empty()) reporter.PrintSummary(skipped);
  reporter.PrintSummary(KindsLine(graph));

  bool written = false;
  ExportOptions export_options;
  export_options.threads = threads;  // the same file for any number
  Status written_status = (*output)->Write(graph, export_options);
  if (written_status.ok()) {
    written = true;
  } else {
    reporter.PrintNow(Severity::kError, written_status.message());
  }
  output->reset();  // removes the temporary files not committed

  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  // Measured figures go last, inside the final parentheses: everything
  // before them is the same for every run and thread count.
  const double mb = static_cast<double>(reporter.bytes()) / 1e6;
  const double rate = seconds > 0 ? 1 / seconds : 0;
  char time[160];
  std::snprintf(time, sizeof time,
                "%.2f s, %.1f MB at %.2f MB/s, %.0f documents/s, peak "
                "memory %.0f MB",
                seconds, mb, mb * rate,
                static_cast<double>(graph.document_count()) * rate,
                static_cast<double>(PeakRssBytes()) / 1e6);
  uint64_t failed_inputs = reporter.errors();
  // The command's work is done: what is left would only be freed.
  KeepUntilExit(std::move(workers[0]));
  KeepUntilExit(std::make_unique<Pipeline>(std::move(*pipeline)));
  KeepUntilExit(std::make_unique<Lexicons>(std::move(*lexicons)));
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
