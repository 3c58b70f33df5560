#include "exporters/gexf_writer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "exporters/internal/category.h"
#include "exporters/internal/evidence.h"
#include "exporters/internal/prefetch.h"
#include "exporters/internal/node_ids.h"
#include "exporters/internal/text.h"
#include "exporters/palette.h"
#include "graph/schema.h"

namespace newsgraph {

namespace {

using exporters_internal::AppendDouble;
using exporters_internal::AppendEvidenceLine;
using exporters_internal::AppendUint;
using exporters_internal::AppendXmlEscaped;
using exporters_internal::CategoryName;
using exporters_internal::MaxConfidence;
using exporters_internal::OutputSink;
using exporters_internal::RepairedNodeIds;
using exporters_internal::XmlContext;

struct AttributeSpec {
  std::string_view id;  // also the title: Gephi and graphology agree
  std::string_view type;
};

enum NodeAttribute {
  kVType,
  kVIri,
  kVAliases,
  kVIsoCode,
  kVWikidata,
  kVRole,
  kVDate,
  kVMentions,
  kVFirstDate,
  kVLastDate,
  kVCount
};
constexpr AttributeSpec kNodeAttributes[kVCount] = {
    {"type", "string"},      {"iri", "string"},      {"aliases", "string"},
    {"iso_code", "string"},  {"wikidata", "string"}, {"role", "string"},
    {"date", "string"},      {"mentions", "long"},   {"first_date", "string"},
    {"last_date", "string"},
};

enum EdgeAttribute {
  kERelation,
  kECameo,
  kECategory,
  kEFirstDate,
  kELastDate,
  kEDocuments,
  kEDocumentIds,
  kEConfidence,
  kEEvidence,
  kECount
};
constexpr AttributeSpec kEdgeAttributes[kECount] = {
    {"relation", "string"},     {"cameo", "string"},
    {"category", "string"},     {"first_date", "string"},
    {"last_date", "string"},    {"documents", "long"},
    {"document_ids", "string"}, {"confidence", "double"},
    {"evidence", "string"},
};

bool Digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int Number(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// The first and last day, as xsd:dates, of the period `value` names:
// "2014-03-05" (also the date part of "2014-03-05T10:00:00Z"), "2014-03" or
// "2014". False for anything else, or an impossible date.
bool DateBounds(std::string_view value, std::string* low, std::string* high) {
  if (value.size() > 10 && value[10] == 'T') value = value.substr(0, 10);
  if (value.size() < 4 || !Digits(value.substr(0, 4))) return false;
  const int year = Number(value.substr(0, 4));
  if (year == 0) return false;  // xsd:date (XSD 1.0) has no year 0000
  const std::string y(value.substr(0, 4));
  if (value.size() == 4) {
    *low = y + "-01-01";
    *high = y + "-12-31";
    return true;
  }
  if (value.size() < 7 || value[4] != '-' || !Digits(value.substr(5, 2))) {
    return false;
  }
  const int month = Number(value.substr(5, 2));
  if (month < 1 || month > 12) return false;
  const std::string ym(value.substr(0, 7));
  if (value.size() == 7) {
    *low = ym + "-01";
    *high = ym + "-" + std::to_string(DaysInMonth(year, month));
    return true;
  }
  if (value.size() != 10 || value[7] != '-' || !Digits(value.substr(8, 2))) {
    return false;
  }
  const int day = Number(value.substr(8, 2));
  if (day < 1 || day > DaysInMonth(year, month)) return false;
  *low = *high = std::string(value);
  return true;
}

// A time span in whole days; empty until a date widens it.
struct Span {
  std::string start;
  std::string end;

  bool empty() const { return start.empty(); }

  void Widen(std::string_view date) {
    std::string low, high;
    if (date.empty() || !DateBounds(date, &low, &high)) return;
    if (start.empty() || low < start) start = low;
    if (end.empty() || high > end) end = high;
  }

  void Widen(const Span& other) {
    if (other.empty()) return;
    if (start.empty() || other.start < start) start = other.start;
    if (end.empty() || other.end > end) end = other.end;
  }
};

Span EdgeSpan(const Edge& edge) {
  Span span;
  span.Widen(edge.first_date);
  span.Widen(edge.last_date);
  return span;
}

template <typename Container>
void Join(const Container& items, std::string* out) {
  bool first = true;
  for (const std::string& item : items) {
    if (!first) *out += '|';
    *out += item;
    first = false;
  }
}

class Writer {
 public:
  Writer(const KnowledgeGraph& graph, const ExportOptions& options,
         std::ostream& out)
      : graph_(graph), options_(options), sink_(out), b_(sink_) {}

  Status Write() {
    const KnowledgeGraph::Elements sorted = graph_.SortedElements();
    const std::vector<const Node*>& nodes = sorted.nodes;
    const std::vector<KnowledgeGraph::EdgeView>& edges = sorted.edges;
    const RepairedNodeIds ids(nodes);
    FindPresentAttributes(nodes, edges);
    const std::unordered_map<const Node*, Span> node_spans =
        NodeSpans(nodes, edges);
    const bool dynamic = !node_spans.empty();

    b_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    b_ +=
        "<gexf xmlns=\"http://gexf.net/1.3\" "
        "xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n";
    b_ += "  <meta>\n";
    if (!options_.generator.empty()) {
      b_ += "    <creator>";
      AppendXmlEscaped(options_.generator, XmlContext::kText, &b_);
      b_ += "</creator>\n";
    }
    b_ += "    <description>";
    AppendUint(graph_.document_count(), &b_);
    b_ += graph_.document_count() == 1 ? " document, " : " documents, ";
    AppendUint(nodes.size(), &b_);
    b_ += nodes.size() == 1 ? " node, " : " nodes, ";
    AppendUint(edges.size(), &b_);
    b_ += edges.size() == 1 ? " edge" : " edges";
    b_ += "</description>\n";
    b_ += "  </meta>\n";
    b_ += "  <graph defaultedgetype=\"directed\"";
    if (dynamic) b_ += " mode=\"dynamic\" timeformat=\"date\"";
    b_ += ">\n";
    Declare("node", kNodeAttributes, node_present_);
    Declare("edge", kEdgeAttributes, edge_present_);

    b_ += "    <nodes count=\"";
    AppendUint(nodes.size(), &b_);
    b_ += "\">\n";
    for (const Node* node : nodes) {
      auto span = node_spans.find(node);
      WriteNode(*node, ids.Get(node),
                span == node_spans.end() ? nullptr : &span->second);
      sink_.MaybeFlush();
      if (sink_.failed()) break;
    }
    b_ += "    </nodes>\n";
    b_ += "    <edges count=\"";
    AppendUint(edges.size(), &b_);
    b_ += "\">\n";
    for (size_t index = 0; index < edges.size(); ++index) {
      if (sink_.failed()) break;
      exporters_internal::PrefetchEdgesAhead(edges, index);
      WriteEdge(edges[index], index, ids);
      sink_.MaybeFlush();
    }
    b_ += "    </edges>\n";
    b_ += "  </graph>\n</gexf>\n";
    return sink_.Finish("gexf");
  }

 private:
  void FindPresentAttributes(
      const std::vector<const Node*>& nodes,
      const std::vector<KnowledgeGraph::EdgeView>& edges) {
    node_present_.fill(false);
    edge_present_.fill(false);
    if (!nodes.empty()) {
      node_present_[kVType] = node_present_[kVIri] = true;
      node_present_[kVMentions] = true;
    }
    for (const Node* n : nodes) {
      node_present_[kVAliases] |= !n->aliases.empty();
      node_present_[kVIsoCode] |= !n->iso_code.empty();
      node_present_[kVWikidata] |= !n->wikidata.empty();
      node_present_[kVRole] |= !n->role.empty();
      node_present_[kVDate] |= !n->date.empty();
      node_present_[kVFirstDate] |= !n->first_date.empty();
      node_present_[kVLastDate] |= !n->last_date.empty();
    }
    if (!edges.empty()) {
      edge_present_[kERelation] = edge_present_[kECategory] = true;
      edge_present_[kEDocuments] = true;
    }
    for (const KnowledgeGraph::EdgeView& view : edges) {
      const Edge& e = *view.edge;
      edge_present_[kECameo] |= !e.Cameo().empty();
      edge_present_[kEFirstDate] |= !e.first_date.empty();
      edge_present_[kELastDate] |= !e.last_date.empty();
      edge_present_[kEDocumentIds] |= !e.documents.empty();
      edge_present_[kEConfidence] |= MaxConfidence(e) >= 0;
      edge_present_[kEEvidence] |= !e.evidence.empty();
    }
  }

  // The spell of every node that has one: its own dates widened to those of
  // its edges.
  static std::unordered_map<const Node*, Span> NodeSpans(
      const std::vector<const Node*>& nodes,
      const std::vector<KnowledgeGraph::EdgeView>& edges) {
    std::unordered_map<const Node*, Span> spans;
    for (const Node* node : nodes) {
      Span span;
      span.Widen(node->first_date);
      span.Widen(node->last_date);
      span.Widen(node->date);
      if (!span.empty()) spans[node] = span;
    }
    for (const KnowledgeGraph::EdgeView& view : edges) {
      const Span span = EdgeSpan(*view.edge);
      if (span.empty()) continue;
      spans[view.source].Widen(span);
      spans[view.target].Widen(span);
    }
    return spans;
  }

  template <size_t N>
  void Declare(std::string_view domain, const AttributeSpec (&specs)[N],
               const std::array<bool, N>& present) {
    if (std::none_of(present.begin(), present.end(),
                     [](bool p) { return p; })) {
      return;
    }
    b_ += "    <attributes class=\"";
    b_ += domain;
    b_ += "\" mode=\"static\">\n";
    for (size_t k = 0; k < N; ++k) {
      if (!present[k]) continue;
      b_ += "      <attribute id=\"";
      b_ += specs[k].id;
      b_ += "\" title=\"";
      b_ += specs[k].id;
      b_ += "\" type=\"";
      b_ += specs[k].type;
      b_ += "\"/>\n";
    }
    b_ += "    </attributes>\n";
  }

  // One <attvalue>; nothing when `value` is empty.
  void Value(const AttributeSpec& spec, std::string_view value) {
    if (value.empty()) return;
    b_ += "          <attvalue for=\"";
    b_ += spec.id;
    b_ += "\" value=\"";
    AppendXmlEscaped(value, XmlContext::kAttribute, &b_);
    b_ += "\"/>\n";
  }

  void UintValue(const AttributeSpec& spec, uint64_t value) {
    scratch_.clear();
    AppendUint(value, &scratch_);
    Value(spec, scratch_);
  }

  void Spell(const Span* span) {
    if (span == nullptr || span->empty()) return;
    b_ += "        <spells>\n          <spell start=\"";
    b_ += span->start;
    b_ += "\" end=\"";
    b_ += span->end;
    b_ += "\"/>\n        </spells>\n";
  }

  void Color(Rgb color) {
    b_ += "        <viz:color r=\"";
    AppendUint(color.r, &b_);
    b_ += "\" g=\"";
    AppendUint(color.g, &b_);
    b_ += "\" b=\"";
    AppendUint(color.b, &b_);
    b_ += "\"/>\n";
  }

  void WriteNode(const Node& node, std::string_view id, const Span* span) {
    b_ += "      <node id=\"";
    AppendXmlEscaped(id, XmlContext::kAttribute, &b_);
    b_ += '"';
    if (!node.label.empty()) {
      b_ += " label=\"";
      AppendXmlEscaped(node.label, XmlContext::kAttribute, &b_);
      b_ += '"';
    }
    b_ += ">\n        <attvalues>\n";
    Value(kNodeAttributes[kVType], Name(node.kind));
    Value(kNodeAttributes[kVIri], NodeIri(node.id, options_));
    if (!node.aliases.empty()) {
      list_.clear();
      Join(node.aliases, &list_);
      Value(kNodeAttributes[kVAliases], list_);
    }
    Value(kNodeAttributes[kVIsoCode], node.iso_code);
    Value(kNodeAttributes[kVWikidata], node.wikidata);
    Value(kNodeAttributes[kVRole], node.role);
    Value(kNodeAttributes[kVDate], node.date);
    UintValue(kNodeAttributes[kVMentions], node.mentions);
    Value(kNodeAttributes[kVFirstDate], node.first_date);
    Value(kNodeAttributes[kVLastDate], node.last_date);
    b_ += "        </attvalues>\n";
    Spell(span);
    Color(NodeColor(node.kind));
    b_ += "        <viz:size value=\"";
    AppendDouble(NodeSize(node.mentions), &b_);
    b_ += "\"/>\n";
    b_ += "      </node>\n";
  }

  void WriteEdge(const KnowledgeGraph::EdgeView& view, uint64_t index,
                 const RepairedNodeIds& ids) {
    const Edge& edge = *view.edge;
    const RelationInfo& relation = Info(edge.relation);
    b_ += "      <edge id=\"e";
    AppendUint(index, &b_);
    b_ += "\" source=\"";
    AppendXmlEscaped(ids.Get(view.source), XmlContext::kAttribute, &b_);
    b_ += "\" target=\"";
    AppendXmlEscaped(ids.Get(view.target), XmlContext::kAttribute, &b_);
    b_ += "\" kind=\"";
    b_ += relation.name;
    b_ += "\" label=\"";
    b_ += relation.name;
    b_ += "\" weight=\"";
    AppendUint(edge.weight, &b_);
    b_ += "\">\n        <attvalues>\n";
    Value(kEdgeAttributes[kERelation], relation.name);
    Value(kEdgeAttributes[kECameo], edge.Cameo());
    Value(kEdgeAttributes[kECategory], CategoryName(relation.category));
    Value(kEdgeAttributes[kEFirstDate], edge.first_date);
    Value(kEdgeAttributes[kELastDate], edge.last_date);
    UintValue(kEdgeAttributes[kEDocuments], edge.documents.size());
    if (!edge.documents.empty()) {
      list_.clear();
      Join(edge.documents, &list_);
      Value(kEdgeAttributes[kEDocumentIds], list_);
    }
    const double confidence = MaxConfidence(edge);
    if (confidence >= 0) {
      scratch_.clear();
      AppendDouble(confidence, &scratch_);
      Value(kEdgeAttributes[kEConfidence], scratch_);
    }
    if (!edge.evidence.empty()) {
      list_.clear();
      EvidenceText(edge.evidence, &list_);
      Value(kEdgeAttributes[kEEvidence], list_);
    }
    b_ += "        </attvalues>\n";
    const Span span = EdgeSpan(edge);
    Spell(&span);
    Color(RelationColor(edge.relation));
    b_ += "      </edge>\n";
  }

  // One line per mention.
  static void EvidenceText(const std::vector<Evidence>& evidence,
                           std::string* out) {
    for (size_t i = 0; i < evidence.size(); ++i) {
      if (i > 0) *out += '\n';
      AppendEvidenceLine(evidence[i], out);
    }
  }

  const KnowledgeGraph& graph_;
  const ExportOptions& options_;
  OutputSink sink_;
  OutputSink& b_;
  std::array<bool, kVCount> node_present_{};
  std::array<bool, kECount> edge_present_{};
  std::string scratch_;
  std::string list_;
};

}  // namespace

Status WriteGexf(const KnowledgeGraph& graph, const ExportOptions& options,
                 std::ostream& out) {
  return Writer(graph, options, out).Write();
}

}  // namespace newsgraph
