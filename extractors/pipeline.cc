#include "extractors/pipeline.h"

#include <chrono>
#include <set>

#include "extractors/coreference.h"
#include "extractors/document_state.h"
#include "extractors/entity_recognizer.h"
#include "extractors/event_extractor.h"
#include "extractors/graph_builder.h"
#include "extractors/lexicons.h"
#include "extractors/relation_extractor.h"
#include "extractors/segmenter.h"
#include "extractors/time_expressions.h"

namespace newsgraph {

StatusOr<Pipeline> Pipeline::Create(std::vector<std::shared_ptr<Stage>> stages) {
  std::set<std::string> available = {layer::kRegions};
  for (const auto& stage : stages) {
    for (const std::string& need : stage->Requires()) {
      if (!available.count(need)) {
        return Status::Error("pipeline: stage '" + stage->Name() + "' requires '" +
                             need + "', which no earlier stage provides");
      }
    }
    for (const std::string& provided : stage->Provides()) available.insert(provided);
  }
  Pipeline pipeline;
  pipeline.stages_ = std::move(stages);
  return pipeline;
}

StatusOr<Pipeline> Pipeline::Standard(const Lexicons& lexicons) {
  StatusOr<Pipeline> pipeline = Create({
      std::make_shared<SegmenterStage>(),
      std::make_shared<TimeExpressionStage>(),
      std::make_shared<EntityStage>(lexicons.data()),
      std::make_shared<CoreferenceStage>(),
      std::make_shared<EventStage>(),
      std::make_shared<RelationStage>(lexicons.data()),
      std::make_shared<RelationEventStage>(),
      std::make_shared<GraphBuilderStage>(),
  });
  if (pipeline.ok()) pipeline->lexicon_ = &lexicons.data();
  return pipeline;
}

void Pipeline::Process(Document& doc, KnowledgeGraph& graph) const {
  DocumentState state;
  state.lexicon = lexicon_;
  if (doc.regions.empty() && !doc.text.empty()) {
    doc.regions.push_back({Region::Kind::kBody, {0, doc.text.size()}});
  }
  for (const auto& stage : stages_) stage->Run(doc, state, graph);
  graph.AddDocuments(1);
}

void Pipeline::ProcessTimed(Document& doc, KnowledgeGraph& graph,
                            std::vector<uint64_t>* stage_nanos) const {
  using Clock = std::chrono::steady_clock;
  stage_nanos->resize(stages_.size());
  DocumentState state;
  state.lexicon = lexicon_;
  if (doc.regions.empty() && !doc.text.empty()) {
    doc.regions.push_back({Region::Kind::kBody, {0, doc.text.size()}});
  }
  for (size_t i = 0; i < stages_.size(); ++i) {
    const Clock::time_point start = Clock::now();
    stages_[i]->Run(doc, state, graph);
    (*stage_nanos)[i] += static_cast<uint64_t>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() -
                                                             start)
            .count());
  }
  graph.AddDocuments(1);
}

std::vector<std::string> Pipeline::StageNames() const {
  std::vector<std::string> names;
  for (const auto& stage : stages_) names.push_back(stage->Name());
  return names;
}

}  // namespace newsgraph
