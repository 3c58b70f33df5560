#include "exporters/graphml_writer.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "exporters/internal/category.h"
#include "exporters/internal/text.h"
#include "graph/schema.h"

namespace newsgraph {

namespace {

using exporters_internal::AppendCleanText;
using exporters_internal::AppendDouble;
using exporters_internal::AppendUint;
using exporters_internal::AppendXmlEscaped;
using exporters_internal::CategoryName;
using exporters_internal::CleanText;
using exporters_internal::OutputSink;
using exporters_internal::XmlContext;

struct KeySpec {
  std::string_view id;
  std::string_view name;
  std::string_view type;
};

// Keys in the order they are declared and, per element, written.
enum GraphKey { kGGenerator, kGDocuments, kGNodeCount, kGEdgeCount, kGCount };
constexpr KeySpec kGraphKeys[kGCount] = {
    {"g_generator", "generator", "string"},
    {"g_documents", "documents", "long"},
    {"g_node_count", "node_count", "long"},
    {"g_edge_count", "edge_count", "long"},
};

enum NodeKey {
  kVLabel,
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
  kVSize,  // Gephi flavour only, as are r, g, b
  kVR,
  kVG,
  kVB,
  kVCount
};
constexpr KeySpec kNodeKeys[kVCount] = {
    {"v_label", "label", "string"},
    {"v_type", "type", "string"},
    {"v_iri", "iri", "string"},
    {"v_aliases", "aliases", "string"},
    {"v_iso_code", "iso_code", "string"},
    {"v_wikidata", "wikidata", "string"},
    {"v_role", "role", "string"},
    {"v_date", "date", "string"},
    {"v_mentions", "mentions", "long"},
    {"v_first_date", "first_date", "string"},
    {"v_last_date", "last_date", "string"},
    {"v_size", "size", "double"},
    {"v_r", "r", "int"},
    {"v_g", "g", "int"},
    {"v_b", "b", "int"},
};

enum EdgeKey {
  kERelation,
  kELabel,
  kEWeight,
  kECameo,
  kECategory,
  kEFirstDate,
  kELastDate,
  kEDocuments,
  kEDocumentIds,
  kEConfidence,
  kEEvidence,
  kEEvidenceJson,
  kECount
};
constexpr KeySpec kEdgeKeys[kECount] = {
    {"e_relation", "relation", "string"},
    {"e_label", "label", "string"},
    {"e_weight", "weight", "double"},
    {"e_cameo", "cameo", "string"},
    {"e_category", "category", "string"},
    {"e_first_date", "first_date", "string"},
    {"e_last_date", "last_date", "string"},
    {"e_documents", "documents", "long"},
    {"e_document_ids", "document_ids", "string"},
    {"e_confidence", "confidence", "double"},
    {"e_evidence", "evidence", "string"},
    {"e_evidence_json", "evidence_json", "string"},
};

// Gephi flavour node colours, by NodeKind (Country, Official, Organization,
// Event).
constexpr std::array<std::array<int, 3>, 4> kKindColours = {{
    {{66, 133, 244}},
    {{219, 68, 55}},
    {{244, 180, 0}},
    {{15, 157, 88}},
}};
constexpr std::array<int, 3> kOtherColour = {{128, 128, 128}};

bool IsNmtokenByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == ':';
}

// Whether `id` is an NMTOKEN made of ASCII name characters. Non-ASCII name
// characters are legal XML but readers disagree on which, so they are
// replaced too.
bool IsSafeId(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id) {
    if (!IsNmtokenByte(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// `id` with each character that is not an ASCII name character, and each
// ill-formed UTF-8 subsequence, replaced by one '_'.
std::string SanitizeId(std::string_view id) {
  std::string clean;
  AppendCleanText(id, &clean);  // well-formed UTF-8 from here on
  std::string out;
  for (size_t i = 0; i < clean.size();) {
    const auto c = static_cast<unsigned char>(clean[i]);
    if (IsNmtokenByte(c)) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    out += '_';
    size_t length = 1;
    if (c >= 0xF0) {
      length = 4;
    } else if (c >= 0xE0) {
      length = 3;
    } else if (c >= 0xC0) {
      length = 2;
    }
    i += length;
  }
  return out.empty() ? "_" : out;
}

// The GraphML id of each node: its own id when that is safe (always, for a
// graph built by the extractors), else a sanitized id unique in the file.
class NodeIds {
 public:
  explicit NodeIds(const std::vector<const Node*>& nodes) {
    bool all_safe = std::all_of(nodes.begin(), nodes.end(),
                                [](const Node* n) { return IsSafeId(n->id); });
    if (all_safe) return;
    std::unordered_set<std::string> used;
    for (const Node* node : nodes) {
      if (IsSafeId(node->id)) used.insert(node->id);
    }
    for (const Node* node : nodes) {  // sorted: the suffixes are stable
      if (IsSafeId(node->id)) continue;
      const std::string base = SanitizeId(node->id);
      std::string candidate = base;
      for (uint64_t n = 2; used.count(candidate) > 0; ++n) {
        candidate = base + "_" + std::to_string(n);
      }
      used.insert(candidate);
      renamed_.emplace(node, std::move(candidate));
    }
  }

  std::string_view Get(const Node* node) const {
    if (renamed_.empty()) return node->id;
    auto it = renamed_.find(node);
    return it == renamed_.end() ? std::string_view(node->id) : it->second;
  }

 private:
  std::unordered_map<const Node*, std::string> renamed_;
};

double MaxConfidence(const Edge& edge) {
  double best = -1;
  for (const Evidence& e : edge.evidence) {
    if (std::isfinite(e.confidence)) best = std::max(best, e.confidence);
  }
  return best;
}

double GephiSize(uint64_t mentions) {
  const double size = 10.0 + 5.0 * std::log1p(static_cast<double>(mentions));
  return std::round(size * 10.0) / 10.0;
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
  Writer(const KnowledgeGraph& graph, GraphmlFlavour flavour,
         const ExportOptions& options, std::ostream& out)
      : graph_(graph),
        gephi_(flavour == GraphmlFlavour::kGephi),
        options_(options),
        sink_(out),
        b_(sink_.buffer()) {}

  Status Write() {
    const std::vector<const Node*> nodes = graph_.Nodes();
    const std::vector<KnowledgeGraph::EdgeView> edges = graph_.Edges();
    const NodeIds ids(nodes);
    FindPresentKeys(nodes, edges);

    b_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    b_ += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n";
    for (int k = 0; k < kGCount; ++k) {
      if (k != kGGenerator || !options_.generator.empty()) {
        Key(kGraphKeys[k], "graph");
      }
    }
    for (int k = 0; k < kVCount; ++k) {
      if (node_present_[k]) Key(kNodeKeys[k], "node");
    }
    for (int k = 0; k < kECount; ++k) {
      if (edge_present_[k]) Key(kEdgeKeys[k], "edge");
    }
    b_ += "  <graph id=\"G\" edgedefault=\"directed\">\n";
    Data("    ", kGraphKeys[kGGenerator], options_.generator);
    DataUint("    ", kGraphKeys[kGDocuments], graph_.document_count());
    DataUint("    ", kGraphKeys[kGNodeCount], nodes.size());
    DataUint("    ", kGraphKeys[kGEdgeCount], edges.size());
    for (const Node* node : nodes) {
      WriteNode(*node, ids.Get(node));
      sink_.MaybeFlush();
      if (sink_.failed()) break;
    }
    uint64_t index = 0;
    for (const KnowledgeGraph::EdgeView& view : edges) {
      if (sink_.failed()) break;
      WriteEdge(view, index++, ids);
      sink_.MaybeFlush();
    }
    b_ += "  </graph>\n</graphml>\n";
    return sink_.Finish("graphml");
  }

 private:
  void FindPresentKeys(const std::vector<const Node*>& nodes,
                       const std::vector<KnowledgeGraph::EdgeView>& edges) {
    node_present_.fill(false);
    edge_present_.fill(false);
    if (!nodes.empty()) {
      node_present_[kVType] = node_present_[kVIri] = true;
      node_present_[kVMentions] = true;
      node_present_[kVSize] = node_present_[kVR] = gephi_;
      node_present_[kVG] = node_present_[kVB] = gephi_;
    }
    for (const Node* n : nodes) {
      node_present_[kVLabel] |= !n->label.empty();
      node_present_[kVAliases] |= !n->aliases.empty();
      node_present_[kVIsoCode] |= !n->iso_code.empty();
      node_present_[kVWikidata] |= !n->wikidata.empty();
      node_present_[kVRole] |= !n->role.empty();
      node_present_[kVDate] |= !n->date.empty();
      node_present_[kVFirstDate] |= !n->first_date.empty();
      node_present_[kVLastDate] |= !n->last_date.empty();
    }
    if (!edges.empty()) {
      edge_present_[kERelation] = edge_present_[kELabel] = true;
      edge_present_[kEWeight] = edge_present_[kECategory] = true;
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
      edge_present_[kEEvidenceJson] |= !e.evidence.empty();
    }
  }

  void Key(const KeySpec& key, std::string_view domain) {
    b_ += "  <key id=\"";
    b_ += key.id;
    b_ += "\" for=\"";
    b_ += domain;
    b_ += "\" attr.name=\"";
    b_ += key.name;
    b_ += "\" attr.type=\"";
    b_ += key.type;
    b_ += "\"/>\n";
  }

  void Open(std::string_view indent, const KeySpec& key) {
    b_ += indent;
    b_ += "<data key=\"";
    b_ += key.id;
    b_ += "\">";
  }

  // A string value; nothing when it is empty.
  void Data(std::string_view indent, const KeySpec& key,
            std::string_view value) {
    if (value.empty()) return;
    Open(indent, key);
    AppendXmlEscaped(value, XmlContext::kText, &b_);
    b_ += "</data>\n";
  }

  void DataUint(std::string_view indent, const KeySpec& key, uint64_t value) {
    Open(indent, key);
    AppendUint(value, &b_);
    b_ += "</data>\n";
  }

  void DataDouble(std::string_view indent, const KeySpec& key, double value) {
    if (!std::isfinite(value)) return;
    Open(indent, key);
    AppendDouble(value, &b_);
    b_ += "</data>\n";
  }

  void WriteNode(const Node& node, std::string_view id) {
    static constexpr std::string_view kIn = "      ";
    b_ += "    <node id=\"";
    AppendXmlEscaped(id, XmlContext::kAttribute, &b_);
    b_ += "\">\n";
    Data(kIn, kNodeKeys[kVLabel], node.label);
    Data(kIn, kNodeKeys[kVType], Name(node.kind));
    Data(kIn, kNodeKeys[kVIri], NodeIri(node.id, options_));
    if (!node.aliases.empty()) {
      scratch_.clear();
      Join(node.aliases, &scratch_);
      Data(kIn, kNodeKeys[kVAliases], scratch_);
    }
    Data(kIn, kNodeKeys[kVIsoCode], node.iso_code);
    Data(kIn, kNodeKeys[kVWikidata], node.wikidata);
    Data(kIn, kNodeKeys[kVRole], node.role);
    Data(kIn, kNodeKeys[kVDate], node.date);
    DataUint(kIn, kNodeKeys[kVMentions], node.mentions);
    Data(kIn, kNodeKeys[kVFirstDate], node.first_date);
    Data(kIn, kNodeKeys[kVLastDate], node.last_date);
    if (gephi_) {
      const auto kind = static_cast<size_t>(node.kind);
      const std::array<int, 3>& rgb =
          kind < kKindColours.size() ? kKindColours[kind] : kOtherColour;
      DataDouble(kIn, kNodeKeys[kVSize], GephiSize(node.mentions));
      DataUint(kIn, kNodeKeys[kVR], rgb[0]);
      DataUint(kIn, kNodeKeys[kVG], rgb[1]);
      DataUint(kIn, kNodeKeys[kVB], rgb[2]);
    }
    b_ += "    </node>\n";
  }

  void WriteEdge(const KnowledgeGraph::EdgeView& view, uint64_t index,
                 const NodeIds& ids) {
    static constexpr std::string_view kIn = "      ";
    const Edge& edge = *view.edge;
    const RelationInfo& relation = Info(edge.relation);
    b_ += "    <edge id=\"e";
    AppendUint(index, &b_);
    b_ += "\" source=\"";
    AppendXmlEscaped(ids.Get(view.source), XmlContext::kAttribute, &b_);
    b_ += "\" target=\"";
    AppendXmlEscaped(ids.Get(view.target), XmlContext::kAttribute, &b_);
    if (gephi_) {
      b_ += "\" label=\"";
      AppendXmlEscaped(relation.name, XmlContext::kAttribute, &b_);
    }
    b_ += "\">\n";
    Data(kIn, kEdgeKeys[kERelation], relation.name);
    Data(kIn, kEdgeKeys[kELabel], relation.name);
    DataUint(kIn, kEdgeKeys[kEWeight], edge.weight);  // integral double
    Data(kIn, kEdgeKeys[kECameo], edge.Cameo());
    Data(kIn, kEdgeKeys[kECategory], CategoryName(relation.category));
    Data(kIn, kEdgeKeys[kEFirstDate], edge.first_date);
    Data(kIn, kEdgeKeys[kELastDate], edge.last_date);
    DataUint(kIn, kEdgeKeys[kEDocuments], edge.documents.size());
    if (!edge.documents.empty()) {
      scratch_.clear();
      Join(edge.documents, &scratch_);
      Data(kIn, kEdgeKeys[kEDocumentIds], scratch_);
    }
    const double confidence = MaxConfidence(edge);
    if (confidence >= 0) DataDouble(kIn, kEdgeKeys[kEConfidence], confidence);
    if (!edge.evidence.empty()) {
      scratch_.clear();
      EvidenceText(edge.evidence, &scratch_);
      Data(kIn, kEdgeKeys[kEEvidence], scratch_);
      EvidenceJson(edge.evidence);
      Data(kIn, kEdgeKeys[kEEvidenceJson],
           std::string_view(json_.GetString(), json_.GetSize()));
    }
    b_ += "    </edge>\n";
  }

  // One line per mention:
  // doc [begin,end) trigger="..." rule=... confidence=... date=...: text
  static void EvidenceText(const std::vector<Evidence>& evidence,
                           std::string* out) {
    bool first = true;
    for (const Evidence& e : evidence) {
      if (!first) *out += '\n';
      first = false;
      *out += e.document;
      *out += " [";
      AppendUint(e.begin, out);
      *out += ',';
      AppendUint(e.end, out);
      *out += ')';
      if (!e.trigger.empty()) {
        *out += " trigger=\"";
        *out += e.trigger;
        *out += '"';
      }
      if (!e.rule.empty()) {
        *out += " rule=";
        *out += e.rule;
      }
      if (std::isfinite(e.confidence)) {
        *out += " confidence=";
        AppendDouble(e.confidence, out);
      }
      if (!e.date.empty()) {
        *out += " date=";
        *out += e.date;
      }
      *out += ": ";
      *out += e.text;
    }
  }

  void EvidenceJson(const std::vector<Evidence>& evidence) {
    json_.Clear();
    rapidjson::Writer<rapidjson::StringBuffer> w(json_);
    auto string = [&](const char* key, const std::string& value) {
      if (value.empty()) return;  // missing values are omitted
      w.Key(key);
      std::string_view clean = CleanText(value, &clean_);
      w.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
    };
    w.StartArray();
    for (const Evidence& e : evidence) {
      w.StartObject();
      string("document", e.document);
      w.Key("sentence");
      w.Uint64(e.sentence);
      w.Key("begin");
      w.Uint64(e.begin);
      w.Key("end");
      w.Uint64(e.end);
      string("text", e.text);
      string("trigger", e.trigger);
      string("rule", e.rule);
      w.Key("confidence");
      if (std::isfinite(e.confidence)) {
        w.Double(e.confidence);
      } else {
        w.Null();
      }
      string("date", e.date);
      string("cameo", e.cameo);
      w.EndObject();
    }
    w.EndArray();
  }

  const KnowledgeGraph& graph_;
  const bool gephi_;
  const ExportOptions& options_;
  OutputSink sink_;
  std::string& b_;
  std::array<bool, kVCount> node_present_{};
  std::array<bool, kECount> edge_present_{};
  std::string scratch_;
  std::string clean_;
  rapidjson::StringBuffer json_;
};

}  // namespace

Status WriteGraphml(const KnowledgeGraph& graph, GraphmlFlavour flavour,
                    const ExportOptions& options, std::ostream& out) {
  return Writer(graph, flavour, options, out).Write();
}

}  // namespace newsgraph
