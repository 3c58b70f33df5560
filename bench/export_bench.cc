// Export benchmark: a synthetic graph (by default 1M nodes and 5M edges)
// written in every format, with the time, MB/s and the peak memory each
// export adds. bench/peer_export.py builds the same graph in igraph and
// NetworkX; bench/run.sh runs both and prints the ratios.
//
//   export_bench [--nodes N] [--edges M] [--format F]... [--files DIR]
//
// Prints one line per format:
//   export FORMAT bytes=B seconds=S mb_per_s=R cpu_seconds=C rss_mb=G
// (rss_mb: the peak resident memory during that export beyond what the
// graph itself held before it). By default each file goes into a pipe read
// by `wc -c`, as peer_export.py's do, so that the figure is the writer's
// and not the disk's; with --files DIR the files are written to DIR (and
// removed).
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "exporters/exporters.h"
#include "graph/knowledge_graph.h"
#include "graph/schema.h"

namespace newsgraph {
namespace {

// The resident set's high-water mark (VmHWM), in bytes; ResetPeak() lowers
// it to the current size (Linux >= 4.0), so each export is measured alone.
uint64_t PeakRss() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.compare(0, 6, "VmHWM:") == 0) {
      return std::strtoull(line.c_str() + 6, nullptr, 10) * 1024;
    }
  }
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<uint64_t>(usage.ru_maxrss) * 1024;
}

uint64_t CurrentRss() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.compare(0, 6, "VmRSS:") == 0) {
      return std::strtoull(line.c_str() + 6, nullptr, 10) * 1024;
    }
  }
  return 0;
}

// User plus system CPU time of this process, in seconds.
double CpuSeconds() {
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) /
             1e6;
}

void ResetPeak() {
  std::ofstream clear("/proc/self/clear_refs");
  clear << "5";
}

std::string Date(uint64_t n) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "1987-%02d-%02d",
                static_cast<int>(1 + n % 12), static_cast<int>(1 + n % 28));
  return buffer;
}

// The synthetic graph. bench/peer_export.py builds the same one: keep the
// two in step.
//   node i: kind i % 4 (Country, Official, Organization, Event), id
//     "<prefix>:n<i>", label "Node <i>", mentions 1 + i % 97, first and
//     last date Date(i), Date(i + 5); countries have iso_code "C<i % 1000>".
//   edge j (j < M): source s = j % N, round k = j / N, target
//     (s + 1 + k * (N / R)) % N with R = M / N + 2 rounds of offsets, so
//     (source, target) pairs never repeat and never loop; relation j % 16;
//     weight 1 + j % 13; dates Date(j), Date(j + 3); documents
//     "doc-<j % 100000>" and, when j % 3 == 0, "doc-<(7 j) % 100000>"; the
//     CAMEO root of an interaction relation counted weight times.
KnowledgeGraph Synthetic(uint64_t nodes, uint64_t edges) {
  KnowledgeGraph graph(5);
  graph.AddDocuments(100000);
  const std::vector<NodeKindInfo>& kinds = AllNodeKinds();
  const std::vector<RelationInfo>& relations = AllRelations();
  std::vector<std::string> ids(nodes);
  for (uint64_t i = 0; i < nodes; ++i) {
    const NodeKindInfo& kind = kinds[i % 4];
    Node node;
    node.id = std::string(kind.id_prefix) + ":n" + std::to_string(i);
    node.kind = kind.kind;
    node.label = "Node " + std::to_string(i);
    node.mentions = 1 + i % 97;
    node.first_date = Date(i);
    node.last_date = Date(i + 5);
    if (kind.kind == NodeKind::kCountry) {
      node.iso_code = "C" + std::to_string(i % 1000);
    }
    ids[i] = node.id;
    graph.AddNode(node);
  }
  const uint64_t rounds = edges / nodes + 2;
  const uint64_t step = nodes / rounds;
  for (uint64_t j = 0; j < edges; ++j) {
    const uint64_t s = j % nodes;
    const uint64_t t = (s + 1 + (j / nodes) * step) % nodes;
    const RelationInfo& relation = relations[j % relations.size()];
    Edge edge;
    edge.relation = relation.kind;
    edge.weight = 1 + j % 13;
    edge.first_date = Date(j);
    edge.last_date = Date(j + 3);
    edge.documents.insert("doc-" + std::to_string(j % 100000));
    if (j % 3 == 0) {
      edge.documents.insert("doc-" + std::to_string((7 * j) % 100000));
    }
    if (!relation.cameo.empty()) {
      edge.cameo_counts[std::string(relation.cameo)] = edge.weight;
    }
    Status added = graph.AddEdge(ids[s], ids[t], std::move(edge));
    if (!added.ok()) {
      std::fprintf(stderr, "export_bench: %s\n", added.message().c_str());
      std::exit(1);
    }
  }
  return graph;
}

// A stream whose bytes go to `wc -c` through a pipe; Close() returns the
// count wc read.
class PipeToWc {
 public:
  PipeToWc()
      : count_file_("/tmp/export_bench_count." + std::to_string(getpid()) +
                    "." + std::to_string(next_++)),
        file_(popen(("wc -c > " + count_file_).c_str(), "w")) {}
  std::FILE* file() const { return file_; }
  uint64_t Close() {
    pclose(file_);
    std::ifstream in(count_file_);
    uint64_t bytes = 0;
    in >> bytes;
    unlink(count_file_.c_str());
    return bytes;
  }

 private:
  static inline int next_ = 0;
  std::string count_file_;
  std::FILE* file_;
};

// An ostream buffer that hands its bytes to a FILE* in large writes.
class FileBuf : public std::streambuf {
 public:
  explicit FileBuf(std::FILE* file) : file_(file) {}

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    return static_cast<std::streamsize>(
        std::fwrite(s, 1, static_cast<size_t>(n), file_));
  }
  int overflow(int c) override { return c == EOF ? 0 : std::fputc(c, file_); }
  int sync() override { return std::fflush(file_); }

 private:
  std::FILE* file_;
};

int Main(int argc, char** argv) {
  uint64_t nodes = 1000000, edges = 5000000;
  std::string dir;
  std::vector<Format> formats;
  ExportOptions options;  // one thread unless --threads
  int repeat = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--nodes" && i + 1 < argc) {
      nodes = std::strtoull(argv[++i], nullptr, 10);
    } else if (arg == "--edges" && i + 1 < argc) {
      edges = std::strtoull(argv[++i], nullptr, 10);
    } else if (arg == "--files" && i + 1 < argc) {
      dir = argv[++i];
    } else if (arg == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--threads" && i + 1 < argc) {
      options.threads = static_cast<unsigned>(std::strtoul(argv[++i], nullptr, 10));
    } else if (arg == "--format" && i + 1 < argc) {
      std::optional<Format> format = ParseFormat(argv[++i]);
      if (!format) {
        std::fprintf(stderr, "export_bench: unknown format %s\n", argv[i]);
        return 2;
      }
      formats.push_back(*format);
    } else {
      std::fprintf(stderr,
                   "usage: export_bench [--nodes N] [--edges M] "
                   "[--format F]... [--files DIR] [--threads N] [--repeat R]\n");
      return 2;
    }
  }
  if (nodes < 8) nodes = 8;
  if (formats.empty()) {
    formats = {Format::kGraphml, Format::kGraphmlGephi, Format::kJsonld,
               Format::kGexf, Format::kCsv};
  }

  const auto build_start = std::chrono::steady_clock::now();
  const KnowledgeGraph graph = Synthetic(nodes, edges);
  const double build_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                    build_start)
          .count();
  std::printf("graph nodes=%zu edges=%zu build_seconds=%.2f rss_mb=%.0f\n",
              graph.NodeCount(), graph.EdgeCount(), build_seconds,
              static_cast<double>(CurrentRss()) / 1e6);
  std::fflush(stdout);

  int status = 0;
  // Each format --repeat times in turn; the fastest write is the one
  // printed (the first after building the graph, or after a writer that
  // filled the page cache, can pay for the disk or the kernel).
  std::vector<Format> runs;
  for (int r = 0; r < repeat; ++r) runs.insert(runs.end(), formats.begin(), formats.end());
  std::vector<std::string> best_line(formats.size());
  std::vector<double> best_seconds(formats.size(), -1);
  for (size_t run = 0; run < runs.size(); ++run) {
    const Format format = runs[run];
    const size_t slot = run % formats.size();
    const std::string name(FormatName(format));
    const std::vector<std::string> paths = ExportPaths(
        format, (dir.empty() ? "/tmp" : dir) + "/synthetic." + name);
    std::vector<std::unique_ptr<PipeToWc>> pipes;
    std::vector<std::unique_ptr<FileBuf>> buffers;
    std::vector<std::unique_ptr<std::ostream>> streams;
    std::vector<std::ostream*> outs;
    for (const std::string& p : paths) {
      if (dir.empty()) {
        pipes.push_back(std::make_unique<PipeToWc>());
        buffers.push_back(std::make_unique<FileBuf>(pipes.back()->file()));
        streams.push_back(std::make_unique<std::ostream>(buffers.back().get()));
      } else {
        streams.push_back(std::make_unique<std::ofstream>(p, std::ios::binary));
      }
      outs.push_back(streams.back().get());
    }
    const uint64_t before = CurrentRss();
    ResetPeak();
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = CpuSeconds();
    Status written = ExportFiles(graph, format, outs, options);
    uint64_t bytes = 0;
    for (auto& pipe : pipes) bytes += pipe->Close();
    streams.clear();  // closes the files
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    const double cpu = CpuSeconds() - cpu_start;
    const uint64_t peak = PeakRss();
    if (!dir.empty()) {
      for (const std::string& p : paths) {
        std::ifstream in(p, std::ios::binary | std::ios::ate);
        bytes += static_cast<uint64_t>(in.tellg());
        unlink(p.c_str());
      }
    }
    if (!written.ok()) {
      std::fprintf(stderr, "export_bench: %s: %s\n", name.c_str(),
                   written.message().c_str());
      status = 1;
      continue;
    }
    char line[256];
    std::snprintf(
        line, sizeof line,
        "export %s threads=%u bytes=%llu seconds=%.3f mb_per_s=%.1f "
        "cpu_seconds=%.3f rss_mb=%.0f\n",
        name.c_str(), std::max(1u, options.threads),
        static_cast<unsigned long long>(bytes), seconds,
        static_cast<double>(bytes) / 1e6 / seconds, cpu,
        static_cast<double>(peak > before ? peak - before : 0) / 1e6);
    if (best_seconds[slot] < 0 || seconds < best_seconds[slot]) {
      best_seconds[slot] = seconds;
      best_line[slot] = line;
    }
  }
  for (const std::string& line : best_line) std::fputs(line.c_str(), stdout);
  return status;
}

}  // namespace
}  // namespace newsgraph

int main(int argc, char** argv) { return newsgraph::Main(argc, argv); }
