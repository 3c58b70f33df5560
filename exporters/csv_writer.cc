#include "exporters/csv_writer.h"

#include <string>
#include <vector>

#include "exporters/internal/category.h"
#include "exporters/internal/evidence.h"
#include "exporters/internal/prefetch.h"
#include "exporters/internal/node_ids.h"
#include "exporters/internal/text.h"
#include "graph/schema.h"

namespace newsgraph {

namespace {

using exporters_internal::AppendCleanText;
using exporters_internal::AppendDouble;
using exporters_internal::AppendEvidenceLine;
using exporters_internal::AppendUint;
using exporters_internal::CategoryName;
using exporters_internal::MaxConfidence;
using exporters_internal::OutputSink;
using exporters_internal::RepairedNodeIds;

constexpr std::string_view kLineEnd = "\r\n";
constexpr std::string_view kEvidenceSeparator = " | ";

char Lower(char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; }
char Upper(char c) { return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c; }

// Writes CSV records into a sink.
class Records {
 public:
  explicit Records(OutputSink* out) : out_(*out) {}

  // A text field: repaired, tabs and line breaks made spaces, quoted when
  // needed.
  void Text(std::string_view value) {
    Separator();
    if (value.empty()) return;
    clean_.clear();
    AppendCleanText(value, &clean_);
    for (char& c : clean_) {
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    }
    const bool quote = clean_.find_first_of(",\"") != std::string::npos ||
                       clean_.front() == ' ' || clean_.back() == ' ';
    if (!quote) {
      out_ += clean_;
      return;
    }
    out_ += '"';
    for (char c : clean_) {
      if (c == '"') out_ += '"';
      out_ += c;
    }
    out_ += '"';
  }

  // An array field: elements joined by ';', each with ';' made ','.
  template <typename Container>
  void Array(const Container& items) {
    array_.clear();
    for (const std::string& item : items) {
      if (item.empty()) continue;
      if (!array_.empty()) array_ += ';';
      for (char c : item) array_ += c == ';' ? ',' : c;
    }
    Text(array_);
  }

  void Uint(uint64_t value) {
    Separator();
    AppendUint(value, &out_);
  }

  void Double(double value) {
    Separator();
    AppendDouble(value, &out_);
  }

  void Empty() { Separator(); }

  void EndRecord() {
    out_ += kLineEnd;
    first_ = true;
  }

 private:
  void Separator() {
    if (!first_) out_ += ',';
    first_ = false;
  }

  OutputSink& out_;
  bool first_ = true;
  std::string clean_;
  std::string array_;
};

Status WriteNodes(const std::vector<const Node*>& nodes,
                  const RepairedNodeIds& ids, std::ostream& out) {
  OutputSink sink(out);
  Records records(&sink);
  sink += kCsvNodesHeader;
  sink += kLineEnd;
  std::string labels;
  for (const Node* node : nodes) {
    if (sink.failed()) break;
    const std::string_view kind = Name(node->kind);
    labels = "Entity;";
    labels += kind;
    records.Text(ids.Get(node));
    records.Text(labels);
    records.Text(node->label);
    records.Text(kind);
    records.Text(node->iso_code);
    records.Text(node->wikidata);
    records.Text(node->role);
    records.Text(node->date);
    records.Uint(node->mentions);
    records.Text(node->first_date);
    records.Text(node->last_date);
    records.Array(node->aliases);
    records.EndRecord();
    sink.MaybeFlush();
  }
  return sink.Finish("csv nodes");
}

Status WriteRelationships(const std::vector<KnowledgeGraph::EdgeView>& edges,
                          const RepairedNodeIds& ids, std::ostream& out) {
  OutputSink sink(out);
  Records records(&sink);
  sink += kCsvRelationshipsHeader;
  sink += kLineEnd;
  std::string type;
  std::string evidence;
  for (size_t index = 0; index < edges.size(); ++index) {
    if (sink.failed()) break;
    exporters_internal::PrefetchEdgesAhead(edges, index);
    const KnowledgeGraph::EdgeView& view = edges[index];
    const Edge& edge = *view.edge;
    const RelationInfo& relation = Info(edge.relation);
    type.clear();
    for (char c : relation.name) type += Upper(c);
    records.Text(ids.Get(view.source));
    records.Text(ids.Get(view.target));
    records.Text(type);
    records.Text(relation.name);
    records.Uint(edge.weight);
    records.Text(edge.Cameo());
    records.Text(CategoryName(relation.category));
    records.Text(edge.first_date);
    records.Text(edge.last_date);
    records.Uint(edge.documents.size());
    records.Array(edge.documents);
    const double confidence = MaxConfidence(edge);
    if (confidence >= 0) {
      records.Double(confidence);
    } else {
      records.Empty();
    }
    evidence.clear();
    for (size_t i = 0; i < edge.evidence.size(); ++i) {
      if (i > 0) evidence += kEvidenceSeparator;
      AppendEvidenceLine(edge.evidence[i], &evidence);
    }
    records.Text(evidence);
    records.EndRecord();
    sink.MaybeFlush();
  }
  return sink.Finish("csv relationships");
}

}  // namespace

CsvFileNames CsvFileNamesFor(std::string_view path) {
  std::string_view stem = path;
  static constexpr std::string_view kSuffix = ".csv";
  if (stem.size() >= kSuffix.size()) {
    bool csv = true;
    for (size_t i = 0; i < kSuffix.size(); ++i) {
      csv &= Lower(stem[stem.size() - kSuffix.size() + i]) == kSuffix[i];
    }
    if (csv) stem.remove_suffix(kSuffix.size());
  }
  return CsvFileNames{std::string(stem) + ".nodes.csv",
                      std::string(stem) + ".relationships.csv"};
}

Status WriteCsv(const KnowledgeGraph& graph, std::ostream& nodes,
                std::ostream& relationships) {
  const KnowledgeGraph::Elements sorted = graph.SortedElements();
  const RepairedNodeIds ids(sorted.nodes);
  Status written = WriteNodes(sorted.nodes, ids, nodes);
  if (!written.ok()) return written;
  return WriteRelationships(sorted.edges, ids, relationships);
}

}  // namespace newsgraph
