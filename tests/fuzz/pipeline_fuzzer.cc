// Fuzz target: the whole pipeline. The first byte picks the reader (text,
// HTML, JSON Lines); the rest is the file. Every document goes through
// Pipeline::Standard over the built-in lexicons, and the graph through
// every exporter and back through ReadGraph (export_checks.h).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "export_checks.h"
#include "extractors/lexicons.h"
#include "extractors/pipeline.h"
#include "extractors/readers.h"
#include "fuzz_checks.h"

namespace {

using newsgraph::fuzz::Check;

const newsgraph::Pipeline& StandardPipeline() {
  static const newsgraph::Lexicons* lexicons = [] {
    newsgraph::StatusOr<newsgraph::Lexicons> builtin =
        newsgraph::Lexicons::Builtin();
    Check(builtin.ok(), "Lexicons::Builtin", builtin.status().message());
    return new newsgraph::Lexicons(std::move(builtin).value());
  }();
  static const newsgraph::Pipeline* pipeline = [] {
    newsgraph::StatusOr<newsgraph::Pipeline> standard =
        newsgraph::Pipeline::Standard(*lexicons);
    Check(standard.ok(), "Pipeline::Standard", standard.status().message());
    return new newsgraph::Pipeline(std::move(standard).value());
  }();
  return *pipeline;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static constexpr newsgraph::InputFormat kFormats[] = {
      newsgraph::InputFormat::kText, newsgraph::InputFormat::kHtml,
      newsgraph::InputFormat::kJsonLines};
  static constexpr const char* kOrigins[] = {"in.txt", "in.html", "in.jsonl"};
  const size_t which = data[0] % 3;
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1),
                               size - 1);
  const newsgraph::Pipeline& pipeline = StandardPipeline();
  newsgraph::KnowledgeGraph graph(/*evidence_limit=*/3);
  std::vector<newsgraph::Diagnostic> file_diagnostics;
  newsgraph::ReadDocuments(
      kOrigins[which], bytes, kFormats[which],
      [&](newsgraph::Document&& doc) {
        pipeline.Process(doc, graph);
        newsgraph::fuzz::CheckPipelineLayers(doc);
      },
      &file_diagnostics);
  newsgraph::fuzz::CheckExports(graph, /*round_trip=*/false);
  return 0;
}
