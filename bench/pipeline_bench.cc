// Whole-pipeline benchmark with the time of each stage: reads JSON Lines
// corpora, runs the standard pipeline over every record on N threads, merges
// the threads' graphs and writes GraphML, as `newsgraph build` does, timing
// each step. (`newsgraph build` itself is timed by bench/run.sh; this
// program says where the time goes.)
//
//   pipeline_bench [--threads N] [--evidence K] FILE.jsonl...
//
// Prints "key=value" lines: the totals, then one line per step with its
// time summed over threads and its share of the threads' time.
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "exporters/exporters.h"
#include "extractors/jsonl_reader.h"
#include "extractors/lexicons.h"
#include "extractors/pipeline.h"
#include "graph/knowledge_graph.h"

namespace newsgraph {
namespace {

using Clock = std::chrono::steady_clock;

uint64_t Nanos(Clock::time_point since) {
  return static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - since)
          .count());
}

struct Line {
  const std::string* origin;
  size_t number;
  std::string_view text;
};

struct Worker {
  explicit Worker(size_t evidence) : graph(evidence) {}
  KnowledgeGraph graph;
  std::vector<uint64_t> stage_nanos;
  uint64_t read_nanos = 0;
  uint64_t documents = 0;
  uint64_t skipped = 0;
};

// Counts what it is given and keeps nothing.
class CountingBuf : public std::streambuf {
 public:
  uint64_t count = 0;

 protected:
  std::streamsize xsputn(const char*, std::streamsize n) override {
    count += static_cast<uint64_t>(n);
    return n;
  }
  int overflow(int c) override {
    if (c != EOF) ++count;
    return c;
  }
};

int Main(int argc, char** argv) {
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  size_t evidence = 5;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if ((arg == "--threads" || arg == "-j") && i + 1 < argc) {
      threads = static_cast<unsigned>(std::max(1L, std::atol(argv[++i])));
    } else if (arg == "--evidence" && i + 1 < argc) {
      evidence = static_cast<size_t>(std::atol(argv[++i]));
    } else if (!arg.empty() && arg[0] != '-') {
      files.push_back(arg);
    } else {
      std::fprintf(stderr,
                   "usage: pipeline_bench [--threads N] [--evidence K] "
                   "FILE.jsonl...\n");
      return 2;
    }
  }
  const auto start = Clock::now();

  // Loading: the files' bytes, cut into lines.
  std::vector<std::string> origins(files.begin(), files.end());
  std::vector<std::string> contents(files.size());
  std::vector<Line> lines;
  uint64_t bytes = 0;
  for (size_t f = 0; f < files.size(); ++f) {
    std::ifstream in(files[f], std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "pipeline_bench: cannot read %s\n",
                   files[f].c_str());
      return 1;
    }
    contents[f].assign(std::istreambuf_iterator<char>(in), {});
    bytes += contents[f].size();
    std::string_view text = contents[f];
    size_t number = 1;
    for (size_t begin = 0; begin < text.size(); ++number) {
      size_t end = text.find('\n', begin);
      if (end == std::string_view::npos) end = text.size();
      if (end > begin)
        lines.push_back({&origins[f], number, text.substr(begin, end - begin)});
      begin = end + 1;
    }
  }
  const uint64_t load_nanos = Nanos(start);

  StatusOr<Lexicons> lexicons = Lexicons::Builtin();
  if (!lexicons.ok()) {
    std::fprintf(stderr, "pipeline_bench: %s\n",
                 lexicons.status().message().c_str());
    return 1;
  }
  StatusOr<Pipeline> pipeline = Pipeline::Standard(*lexicons);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "pipeline_bench: %s\n",
                 pipeline.status().message().c_str());
    return 1;
  }

  // Extraction on the threads: lines handed out in small batches.
  const auto extract_start = Clock::now();
  std::atomic<size_t> next{0};
  constexpr size_t kBatch = 32;
  std::vector<std::unique_ptr<Worker>> workers;
  for (unsigned t = 0; t < threads; ++t) {
    workers.push_back(std::make_unique<Worker>(evidence));
  }
  std::vector<std::thread> running;
  for (auto& worker : workers) {
    Worker* w = worker.get();
    running.emplace_back([&, w] {
      while (true) {
        const size_t first = next.fetch_add(kBatch);
        if (first >= lines.size()) break;
        const size_t last = std::min(lines.size(), first + kBatch);
        for (size_t i = first; i < last; ++i) {
          const auto read_start = Clock::now();
          StatusOr<Document> doc =
              ReadJsonLine(*lines[i].origin, lines[i].number, lines[i].text);
          w->read_nanos += Nanos(read_start);
          if (!doc.ok()) {
            ++w->skipped;
            continue;
          }
          pipeline->ProcessTimed(*doc, w->graph, &w->stage_nanos);
          ++w->documents;
        }
      }
    });
  }
  for (std::thread& t : running) t.join();
  const uint64_t extract_nanos = Nanos(extract_start);

  const auto merge_start = Clock::now();
  KnowledgeGraph& graph = workers[0]->graph;
  for (size_t i = 1; i < workers.size(); ++i) {
    graph.Merge(std::move(workers[i]->graph));
  }
  const uint64_t merge_nanos = Nanos(merge_start);

  const auto export_start = Clock::now();
  CountingBuf counter;
  std::ostream out(&counter);
  Status exported = Export(graph, Format::kGraphml, out);
  const uint64_t export_nanos = Nanos(export_start);
  if (!exported.ok()) {
    std::fprintf(stderr, "pipeline_bench: %s\n", exported.message().c_str());
    return 1;
  }
  const double wall = static_cast<double>(Nanos(start)) / 1e9;

  uint64_t documents = 0, skipped = 0, read_nanos = 0;
  std::vector<uint64_t> stage_nanos(pipeline->StageNames().size());
  for (const auto& w : workers) {
    documents += w->documents;
    skipped += w->skipped;
    read_nanos += w->read_nanos;
    for (size_t i = 0; i < w->stage_nanos.size(); ++i) {
      stage_nanos[i] += w->stage_nanos[i];
    }
  }
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  const double mb = static_cast<double>(bytes) / 1e6;
  std::printf("threads=%u documents=%llu skipped=%llu nodes=%zu edges=%zu\n",
              threads, static_cast<unsigned long long>(documents),
              static_cast<unsigned long long>(skipped), graph.NodeCount(),
              graph.EdgeCount());
  std::printf(
      "input_mb=%.1f wall_s=%.2f mb_per_s=%.2f docs_per_s=%.0f "
      "peak_rss_mb=%.0f graphml_mb=%.1f\n",
      mb, wall, mb / wall, static_cast<double>(documents) / wall,
      static_cast<double>(usage.ru_maxrss) / 1024.0,
      static_cast<double>(counter.count) / 1e6);
  // Steps: wall time for the single-threaded ones, time summed over the
  // threads for the others; the share is of all of it.
  std::vector<std::pair<std::string, uint64_t>> steps = {
      {"load (read files)", load_nanos}, {"jsonl reader", read_nanos}};
  const std::vector<std::string> names = pipeline->StageNames();
  for (size_t i = 0; i < names.size(); ++i) {
    steps.emplace_back("stage " + names[i], stage_nanos[i]);
  }
  steps.emplace_back("merge thread graphs", merge_nanos);
  steps.emplace_back("export graphml", export_nanos);
  uint64_t total = 0;
  for (const auto& step : steps) total += step.second;
  for (const auto& step : steps) {
    std::printf("step=\"%s\" seconds=%.3f share=%.1f%%\n", step.first.c_str(),
                static_cast<double>(step.second) / 1e9,
                100.0 * static_cast<double>(step.second) /
                    static_cast<double>(std::max<uint64_t>(total, 1)));
  }
  std::printf("extract_wall_s=%.2f\n",
              static_cast<double>(extract_nanos) / 1e9);
  return 0;
}

}  // namespace
}  // namespace newsgraph

int main(int argc, char** argv) { return newsgraph::Main(argc, argv); }
