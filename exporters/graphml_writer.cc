#include "exporters/graphml_writer.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "exporters/internal/category.h"
#include "exporters/internal/evidence.h"
#include "exporters/internal/ordered_blocks.h"
#include "exporters/internal/prefetch.h"
#include "exporters/internal/text.h"
#include "exporters/palette.h"
#include "graph/schema.h"

namespace newsgraph {

namespace {

using exporters_internal::AppendCleanText;
using exporters_internal::AppendEvidenceLine;
using exporters_internal::AppendXmlEscaped;
using exporters_internal::CategoryName;
using exporters_internal::Escape;
using exporters_internal::EscapeInto;
using exporters_internal::FormatInOrder;
using exporters_internal::IriPathInto;
using exporters_internal::IsIsoDate;
using exporters_internal::kMaxExpansion;
using exporters_internal::MaxConfidence;
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
  kVAliasesJson,
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
    {"v_aliases_json", "aliases_json", "string"},
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
  kECameoCounts,
  kECategory,
  kEFirstDate,
  kELastDate,
  kEDocuments,
  kEDocumentIds,
  kEDocumentIdsJson,
  kEConfidence,
  kEEvidence,
  kEEvidenceJson,
  kER,  // Gephi flavour only, as are g, b
  kEG,
  kEB,
  kECount
};
constexpr KeySpec kEdgeKeys[kECount] = {
    {"e_relation", "relation", "string"},
    {"e_label", "label", "string"},
    {"e_weight", "weight", "double"},
    {"e_cameo", "cameo", "string"},
    {"e_cameo_counts", "cameo_counts", "string"},
    {"e_category", "category", "string"},
    {"e_first_date", "first_date", "string"},
    {"e_last_date", "last_date", "string"},
    {"e_documents", "documents", "long"},
    {"e_document_ids", "document_ids", "string"},
    {"e_document_ids_json", "document_ids_json", "string"},
    {"e_confidence", "confidence", "double"},
    {"e_evidence", "evidence", "string"},
    {"e_evidence_json", "evidence_json", "string"},
    {"e_r", "r", "int"},
    {"e_g", "g", "int"},
    {"e_b", "b", "int"},
};

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
    // Views of the nodes' own ids and of the names given (renamed_'s
    // strings stay where they are: its nodes never move).
    std::unordered_set<std::string_view> used;
    used.reserve(nodes.size());
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
      used.insert(renamed_.emplace(node, std::move(candidate)).first->second);
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

// Whether some item holds a '|', which joining with '|' would hide: such a
// list is also written as a JSON array (aliases_json, document_ids_json),
// so that a graph read back (graph_reader.h) has the very same items.
bool AnyHasBar(const std::set<std::string>& items) {
  for (const std::string& item : items) {
    if (item.find('|') != std::string::npos) return true;
  }
  return false;
}

class Writer {
 public:
  // Writes to `out`; with no `out`, formats blocks of elements for
  // another thread of a writer that has one (Write() makes these).
  Writer(const KnowledgeGraph& graph, GraphmlFlavour flavour,
         const ExportOptions& options, std::ostream* out)
      : graph_(graph),
        flavour_(flavour),
        gephi_(flavour == GraphmlFlavour::kGephi),
        options_(options),
        sink_(out ? std::make_unique<OutputSink>(*out)
                  : std::make_unique<OutputSink>()),
        b_(sink_.get()),
        relation_names_(AllRelations().size()),
        kind_names_(AllNodeKinds().size()) {
    // Text that is the same for every element, escaped once.
    base_iri_.resize(kMaxExpansion * options_.base_iri.size() + 8);
    base_iri_.resize(static_cast<size_t>(
        EscapeInto(options_.base_iri, Escape::kXmlText, base_iri_.data()) -
        base_iri_.data()));
    for (const RelationInfo& relation : AllRelations()) {
      std::string& name = relation_names_[static_cast<size_t>(relation.kind)];
      AppendXmlEscaped(relation.name, XmlContext::kText, &name);
    }
    for (const NodeKindInfo& kind : AllNodeKinds()) {
      std::string& name = kind_names_[static_cast<size_t>(kind.kind)];
      AppendXmlEscaped(kind.name, XmlContext::kText, &name);
    }
  }

  Status Write() {
    const KnowledgeGraph::Elements sorted = graph_.SortedElements();
    const std::vector<const Node*>& nodes = sorted.nodes;
    const std::vector<KnowledgeGraph::EdgeView>& edges = sorted.edges;
    const NodeIds ids(nodes);
    FindPresentKeys(nodes, edges);

    *b_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    *b_ += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n";
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
    *b_ += "  <graph id=\"G\" edgedefault=\"directed\">\n";
    Data("    ", kGraphKeys[kGGenerator], options_.generator);
    DataUint("    ", kGraphKeys[kGDocuments], graph_.document_count());
    DataUint("    ", kGraphKeys[kGNodeCount], nodes.size());
    DataUint("    ", kGraphKeys[kGEdgeCount], edges.size());

    // Nodes, then edges, in blocks formatted on options_.threads threads
    // (worker 0 is this writer) and written in order: the same bytes for
    // any thread count.
    const unsigned threads = std::max(1u, options_.threads);
    std::vector<std::unique_ptr<Writer>> others;
    std::vector<Writer*> workers = {this};
    for (unsigned t = 1; t < threads; ++t) {
      others.push_back(std::make_unique<Writer>(graph_, flavour_, options_, nullptr));
      others.back()->node_present_ = node_present_;
      others.back()->edge_present_ = edge_present_;
      workers.push_back(others.back().get());
    }
    OutputSink* const out = sink_.get();
    out->MaybeFlush();
    FormatInOrder(
        nodes.size(), kNodesPerBlock, threads,
        [&](unsigned worker, size_t begin, size_t end, OutputSink* block) {
          Writer& w = *workers[worker];
          w.b_ = block;
          for (size_t i = begin; i < end; ++i) w.WriteNode(*nodes[i], ids.Get(nodes[i]));
        },
        out);
    FormatInOrder(
        edges.size(), kEdgesPerBlock, threads,
        [&](unsigned worker, size_t begin, size_t end, OutputSink* block) {
          Writer& w = *workers[worker];
          w.b_ = block;
          for (size_t index = begin; index < end; ++index) {
            exporters_internal::PrefetchEdgesAhead(edges, index);
            w.WriteEdge(edges[index], index, ids);
          }
        },
        out);
    b_ = out;
    *b_ += "  </graph>\n</graphml>\n";
    return out->Finish("graphml");
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
      node_present_[kVAliasesJson] |= AnyHasBar(n->aliases);
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
      edge_present_[kER] = edge_present_[kEG] = edge_present_[kEB] = gephi_;
    }
    // Each test only until it holds: in a large graph every key is found
    // in the first edges, and the rest of the pass is skipped.
    // Presence does not depend on the order: the edges are visited in the
    // order they lie in memory, not in the sorted one, which on a large
    // graph would make each edge a cache miss twice over.
    const KnowledgeGraph::Graph& g = graph_.graph();
    for (auto [it, end] = boost::edges(g); it != end; ++it) {
      const Edge& e = g[*it];
      bool& cameo = edge_present_[kECameo];
      bool& counts = edge_present_[kECameoCounts];
      bool& first = edge_present_[kEFirstDate];
      bool& last = edge_present_[kELastDate];
      bool& ids = edge_present_[kEDocumentIds];
      bool& ids_json = edge_present_[kEDocumentIdsJson];
      bool& confidence = edge_present_[kEConfidence];
      bool& evidence = edge_present_[kEEvidence];
      // Edge::Cameo() is empty only when no code was counted (codes are
      // never empty) and the relation has no root code: this way the
      // counts' map node is not read.
      if (!cameo) {
        cameo = !e.cameo_counts.empty() || !Info(e.relation).cameo.empty();
      }
      if (!counts) counts = !e.cameo_counts.empty();
      if (!first) first = !e.first_date.empty();
      if (!last) last = !e.last_date.empty();
      if (!ids) ids = !e.documents.empty();
      if (!ids_json) ids_json = AnyHasBar(e.documents);
      if (!confidence) confidence = MaxConfidence(e) >= 0;
      if (!evidence) evidence = !e.evidence.empty();
      edge_present_[kEEvidenceJson] = evidence;
      if (cameo && counts && first && last && ids && ids_json && confidence &&
          evidence) {
        break;
      }
    }
  }

  void Key(const KeySpec& key, std::string_view domain) {
    *b_ += "  <key id=\"";
    *b_ += key.id;
    *b_ += "\" for=\"";
    *b_ += domain;
    *b_ += "\" attr.name=\"";
    *b_ += key.name;
    *b_ += "\" attr.type=\"";
    *b_ += key.type;
    *b_ += "\"/>\n";
  }

  // Called with constant keys and inlined, so that each fragment of markup
  // is a copy of known size, into room reserved once per element.
  static char* Copy(char* p, std::string_view text) {
    std::memcpy(p, text.data(), text.size());
    return p + text.size();
  }
  static size_t OpenSize(std::string_view indent, const KeySpec& key) {
    return indent.size() + key.id.size() + 13;
  }
  static char* Open(char* p, std::string_view indent, const KeySpec& key) {
    p = Copy(p, indent);
    p = Copy(p, "<data key=\"");
    p = Copy(p, key.id);
    return Copy(p, "\">");
  }
  static constexpr std::string_view kClose = "</data>\n";

  void Open(std::string_view indent, const KeySpec& key) {
    b_->Commit(Open(b_->Reserve(OpenSize(indent, key)), indent, key));
  }
  void Close() { *b_ += kClose; }

  // A string value; nothing when it is empty.
  void Data(std::string_view indent, const KeySpec& key,
            std::string_view value) {
    if (value.empty()) return;
    char* p = b_->Reserve(OpenSize(indent, key) + kMaxExpansion * value.size() +
                         8 + kClose.size());
    p = Open(p, indent, key);
    p = EscapeInto(value, Escape::kXmlText, p);
    b_->Commit(Copy(p, kClose));
  }

  // A value that needs no escaping (escaped already, or made of name
  // characters); nothing when it is empty.
  void DataVerbatim(std::string_view indent, const KeySpec& key,
                    std::string_view value) {
    if (value.empty()) return;
    char* p = b_->Reserve(OpenSize(indent, key) + value.size() + kClose.size());
    p = Open(p, indent, key);
    p = Copy(p, value);
    b_->Commit(Copy(p, kClose));
  }

  // A date: most are ISO dates, digits and '-' that need no escaping.
  void DataDate(std::string_view indent, const KeySpec& key,
                std::string_view value) {
    if (IsIsoDate(value)) {
      DataVerbatim(indent, key, value);
    } else {
      Data(indent, key, value);
    }
  }

  void DataUint(std::string_view indent, const KeySpec& key, uint64_t value) {
    char* p = b_->Reserve(OpenSize(indent, key) + 20 + kClose.size());
    p = Open(p, indent, key);
    p = std::to_chars(p, p + 20, value).ptr;
    b_->Commit(Copy(p, kClose));
  }

  void DataDouble(std::string_view indent, const KeySpec& key, double value) {
    if (!std::isfinite(value)) return;
    Open(indent, key);
    b_->AppendDouble(value);
    Close();
  }

  // The items joined with '|', escaped. Returns whether an item holds a
  // '|' (AnyHasBar()), told by the bars written: escaping neither adds nor
  // removes one, and repairing each item alone gives the bytes repairing
  // the joined text would ('|' is ASCII, so no UTF-8 sequence spans it).
  bool JoinedEscaped(const std::set<std::string>& items) {
    const size_t start = b_->size();
    bool first = true;
    for (const std::string& item : items) {
      if (!first) *b_ += '|';
      b_->AppendEscaped(item, Escape::kXmlText);
      first = false;
    }
    const size_t bars = static_cast<size_t>(
        std::count(b_->data() + start, b_->data() + b_->size(), '|'));
    return bars != items.size() - 1;
  }

  void WriteNode(const Node& node, std::string_view id) {
    static constexpr std::string_view kIn = "      ";
    // Node ids are name characters (NodeIds): nothing to escape.
    *b_ += "    <node id=\"";
    *b_ += id;
    *b_ += "\">\n";
    Data(kIn, kNodeKeys[kVLabel], node.label);
    DataVerbatim(kIn, kNodeKeys[kVType],
                 kind_names_[static_cast<size_t>(node.kind)]);
    Open(kIn, kNodeKeys[kVIri]);
    *b_ += base_iri_;
    b_->Commit(IriPathInto(node.id, b_->Reserve(3 * node.id.size())));
    Close();
    if (!node.aliases.empty()) {
      Open(kIn, kNodeKeys[kVAliases]);
      const bool bar = JoinedEscaped(node.aliases);
      Close();
      if (bar) {
        Open(kIn, kNodeKeys[kVAliasesJson]);
        JsonStrings(node.aliases);
        Close();
      }
    }
    Data(kIn, kNodeKeys[kVIsoCode], node.iso_code);
    Data(kIn, kNodeKeys[kVWikidata], node.wikidata);
    Data(kIn, kNodeKeys[kVRole], node.role);
    Data(kIn, kNodeKeys[kVDate], node.date);
    DataUint(kIn, kNodeKeys[kVMentions], node.mentions);
    DataDate(kIn, kNodeKeys[kVFirstDate], node.first_date);
    DataDate(kIn, kNodeKeys[kVLastDate], node.last_date);
    if (gephi_) {
      const Rgb rgb = NodeColor(node.kind);
      DataDouble(kIn, kNodeKeys[kVSize], NodeSize(node.mentions));
      DataUint(kIn, kNodeKeys[kVR], rgb.r);
      DataUint(kIn, kNodeKeys[kVG], rgb.g);
      DataUint(kIn, kNodeKeys[kVB], rgb.b);
    }
    *b_ += "    </node>\n";
  }

  void WriteEdge(const KnowledgeGraph::EdgeView& view, uint64_t index,
                 const NodeIds& ids) {
    static constexpr std::string_view kIn = "      ";
    const Edge& edge = *view.edge;
    const RelationInfo& relation = Info(edge.relation);
    const std::string_view name =
        relation_names_[static_cast<size_t>(edge.relation)];
    *b_ += "    <edge id=\"e";
    b_->AppendUint(index);
    *b_ += "\" source=\"";
    *b_ += ids.Get(view.source);  // name characters (NodeIds)
    *b_ += "\" target=\"";
    *b_ += ids.Get(view.target);
    if (gephi_) {
      *b_ += "\" label=\"";
      b_->AppendEscaped(relation.name, Escape::kXmlAttribute);
    }
    *b_ += "\">\n";
    DataVerbatim(kIn, kEdgeKeys[kERelation], name);
    DataVerbatim(kIn, kEdgeKeys[kELabel], name);
    DataUint(kIn, kEdgeKeys[kEWeight], edge.weight);  // integral double
    Data(kIn, kEdgeKeys[kECameo], edge.Cameo());
    if (!edge.cameo_counts.empty()) {
      // Every mention's code with its count ("1121:2|112:5"), so that a
      // graph read back (graph_reader.h) merges exactly.
      Open(kIn, kEdgeKeys[kECameoCounts]);
      bool first = true;
      for (const auto& [code, count] : edge.cameo_counts) {
        if (!first) *b_ += '|';
        b_->AppendEscaped(code, Escape::kXmlText);
        *b_ += ':';
        b_->AppendUint(count);
        first = false;
      }
      Close();
    }
    // A constant of the writer's own: nothing to escape.
    DataVerbatim(kIn, kEdgeKeys[kECategory], CategoryName(relation.category));
    DataDate(kIn, kEdgeKeys[kEFirstDate], edge.first_date);
    DataDate(kIn, kEdgeKeys[kELastDate], edge.last_date);
    DataUint(kIn, kEdgeKeys[kEDocuments], edge.documents.size());
    if (!edge.documents.empty()) {
      Open(kIn, kEdgeKeys[kEDocumentIds]);
      const bool bar = JoinedEscaped(edge.documents);
      Close();
      if (bar) {
        Open(kIn, kEdgeKeys[kEDocumentIdsJson]);
        JsonStrings(edge.documents);
        Close();
      }
    }
    const double confidence = MaxConfidence(edge);
    if (confidence >= 0) DataDouble(kIn, kEdgeKeys[kEConfidence], confidence);
    if (!edge.evidence.empty()) {
      scratch_.clear();
      EvidenceText(edge.evidence, &scratch_);
      Data(kIn, kEdgeKeys[kEEvidence], scratch_);
      Open(kIn, kEdgeKeys[kEEvidenceJson]);
      EvidenceJson(edge.evidence);
      Close();
    }
    if (gephi_) {
      const Rgb rgb = RelationColor(edge.relation);
      DataUint(kIn, kEdgeKeys[kER], rgb.r);
      DataUint(kIn, kEdgeKeys[kEG], rgb.g);
      DataUint(kIn, kEdgeKeys[kEB], rgb.b);
    }
    *b_ += "    </edge>\n";
  }

  // One line per mention (AppendEvidenceLine()).
  static void EvidenceText(const std::vector<Evidence>& evidence,
                           std::string* out) {
    for (size_t i = 0; i < evidence.size(); ++i) {
      if (i > 0) *out += '\n';
      AppendEvidenceLine(evidence[i], out);
    }
  }

  // The JSON below is written as RapidJSON's compact writer wrote it, and
  // escaped for XML text as it is written: " is &quot;.

  // A JSON string holding `value`.
  void JsonString(std::string_view value) {
    *b_ += "&quot;";
    b_->AppendEscaped(value, Escape::kJsonInXmlText);
    *b_ += "&quot;";
  }

  // `items` as a JSON array of (repaired) strings.
  void JsonStrings(const std::set<std::string>& items) {
    *b_ += '[';
    bool first = true;
    for (const std::string& item : items) {
      if (!first) *b_ += ',';
      JsonString(item);
      first = false;
    }
    *b_ += ']';
  }

  void EvidenceJson(const std::vector<Evidence>& evidence) {
    // Empty strings are left out; sentence, begin, end and confidence are
    // always there, so only "document" comes before a member that may be
    // missing.
    auto string = [&](std::string_view key, const std::string& value) {
      if (value.empty()) return;
      *b_ += key;
      JsonString(value);
    };
    *b_ += '[';
    for (size_t i = 0; i < evidence.size(); ++i) {
      const Evidence& e = evidence[i];
      *b_ += i == 0 ? std::string_view("{") : std::string_view(",{");
      if (!e.document.empty()) {
        *b_ += "&quot;document&quot;:";
        JsonString(e.document);
        *b_ += ',';
      }
      *b_ += "&quot;sentence&quot;:";
      b_->AppendUint(e.sentence);
      *b_ += ",&quot;begin&quot;:";
      b_->AppendUint(e.begin);
      *b_ += ",&quot;end&quot;:";
      b_->AppendUint(e.end);
      string(",&quot;text&quot;:", e.text);
      string(",&quot;trigger&quot;:", e.trigger);
      string(",&quot;rule&quot;:", e.rule);
      *b_ += ",&quot;confidence&quot;:";
      if (std::isfinite(e.confidence)) {
        b_->AppendJsonDouble(e.confidence);
      } else {
        *b_ += "null";
      }
      string(",&quot;date&quot;:", e.date);
      string(",&quot;cameo&quot;:", e.cameo);
      *b_ += '}';
    }
    *b_ += ']';
  }

  // Enough elements that handing a block over costs little, few enough
  // that threads share the work evenly and blocks stay small in memory.
  static constexpr size_t kNodesPerBlock = 2048;
  static constexpr size_t kEdgesPerBlock = 1024;

  const KnowledgeGraph& graph_;
  const GraphmlFlavour flavour_;
  const bool gephi_;
  const ExportOptions& options_;
  std::unique_ptr<OutputSink> sink_;
  OutputSink* b_;  // where elements go: sink_, or a block of FormatInOrder
  std::string base_iri_;  // escaped
  std::vector<std::string> relation_names_;  // escaped, by RelationKind
  std::vector<std::string> kind_names_;      // escaped, by NodeKind
  std::array<bool, kVCount> node_present_{};
  std::array<bool, kECount> edge_present_{};
  std::string scratch_;
};

}  // namespace

Status WriteGraphml(const KnowledgeGraph& graph, GraphmlFlavour flavour,
                    const ExportOptions& options, std::ostream& out) {
  return Writer(graph, flavour, options, &out).Write();
}

}  // namespace newsgraph
