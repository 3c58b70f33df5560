// Pipeline: the ordered stages that turn a Document into graph elements.
//
// Each Stage reads layers of the Document and adds layers or graph
// elements; it states what it requires and what it provides, and the
// pipeline checks the order once, when it is built (as CoreNLP's
// annotators do). A built Pipeline is immutable and its Process() is
// thread-safe: stages keep no per-document state, so one Pipeline serves
// every thread.
#ifndef NEWSGRAPH_EXTRACTORS_PIPELINE_H_
#define NEWSGRAPH_EXTRACTORS_PIPELINE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "extractors/document.h"
#include "graph/knowledge_graph.h"
#include "graph/status.h"

namespace newsgraph {

class Lexicons;
struct LexiconData;

// Names of the document layers stages exchange.
namespace layer {
inline constexpr const char kRegions[] = "regions";
inline constexpr const char kTokens[] = "tokens";
inline constexpr const char kSentences[] = "sentences";
inline constexpr const char kEntities[] = "entities";
inline constexpr const char kCoreference[] = "coreference";
inline constexpr const char kRelations[] = "relations";
inline constexpr const char kEvents[] = "events";
}  // namespace layer

// Scratch space one document's run shares between stages; thrown away after.
struct DocumentState;

class Stage {
 public:
  virtual ~Stage() = default;
  virtual std::string Name() const = 0;
  virtual std::vector<std::string> Requires() const = 0;
  virtual std::vector<std::string> Provides() const = 0;
  // Adds this stage's layers to `doc` and elements to `graph`.
  virtual void Run(Document& doc, DocumentState& state,
                   KnowledgeGraph& graph) const = 0;
};

class Pipeline {
 public:
  // The standard pipeline over `lexicons` (which must outlive it).
  static StatusOr<Pipeline> Standard(const Lexicons& lexicons);

  // A pipeline of the given stages; fails naming the first stage whose
  // requirement no earlier stage provides.
  static StatusOr<Pipeline> Create(std::vector<std::shared_ptr<Stage>> stages);

  // Runs every stage over `doc`, adding its nodes and edges to `graph` and
  // counting it as one document. Diagnostics go to doc.diagnostics.
  void Process(Document& doc, KnowledgeGraph& graph) const;

  // Process() that also adds each stage's wall time, in nanoseconds, to
  // (*stage_nanos)[i] for the i-th stage of StageNames() (resized to the
  // number of stages). For benchmarks: Process() itself reads no clock.
  void ProcessTimed(Document& doc, KnowledgeGraph& graph,
                    std::vector<uint64_t>* stage_nanos) const;

  std::vector<std::string> StageNames() const;

 private:
  std::vector<std::shared_ptr<Stage>> stages_;
  const LexiconData* lexicon_ = nullptr;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACTORS_PIPELINE_H_
