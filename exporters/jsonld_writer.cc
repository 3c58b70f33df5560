#include "exporters/jsonld_writer.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "exporters/internal/category.h"
#include "exporters/internal/prefetch.h"
#include "exporters/internal/text.h"
#include "graph/schema.h"

namespace newsgraph {

namespace {

using exporters_internal::CategoryName;
using exporters_internal::Escape;
using exporters_internal::EscapeInto;
using exporters_internal::IriPathInto;
using exporters_internal::IsIsoDate;
using exporters_internal::kMaxExpansion;
using exporters_internal::OutputSink;

// Datatype coercions a term can have.
constexpr std::string_view kId = "@id";
constexpr std::string_view kInteger = "xsd:integer";
// Not xsd:double: PyLD 2 fails on a string typed xsd:double, and the three
// processors write native JSON doubles in different canonical forms.
constexpr std::string_view kDecimal = "xsd:decimal";
constexpr std::string_view kDate = "xsd:date";

struct Term {
  std::string_view name;
  std::string_view iri;   // compact IRI
  std::string_view type;  // coercion, or empty
};

// Prefixes first, then every term the writer uses, in context order.
constexpr Term kPrefixes[] = {
    {"schema", "http://schema.org/", ""},
    {"ng", kVocabularyIri, ""},
    {"xsd", "http://www.w3.org/2001/XMLSchema#", ""},
};
constexpr Term kTerms[] = {
    // Graph.
    {"generator", "ng:generator", ""},
    {"documentCount", "ng:documentCount", kInteger},
    {"nodeCount", "ng:nodeCount", kInteger},
    {"edgeCount", "ng:edgeCount", kInteger},
    // Nodes.
    {"name", "schema:name", ""},
    {"alternateName", "schema:alternateName", ""},
    {"jobTitle", "schema:jobTitle", ""},
    {"startDate", "schema:startDate", kDate},
    {"sameAs", "schema:sameAs", kId},
    {"isoCode", "ng:isoCode", ""},
    {"wikidata", "ng:wikidata", ""},
    {"mentions", "ng:mentions", kInteger},
    {"firstDate", "ng:firstDate", kDate},
    {"lastDate", "ng:lastDate", kDate},
    // Relation mentions.
    {"source", "ng:source", kId},
    {"relation", "ng:relation", kId},
    {"target", "ng:target", kId},
    {"cameo", "ng:cameo", ""},
    {"cameoCounts", "ng:cameoCounts", ""},
    {"category", "ng:category", ""},
    {"weight", "ng:weight", kInteger},
    {"document", "ng:document", ""},
    {"confidence", "ng:confidence", kDecimal},
    {"evidence", "ng:evidence", ""},
    // Evidence.
    {"sentence", "ng:sentence", kInteger},
    {"begin", "ng:begin", kInteger},
    {"end", "ng:end", kInteger},
    {"text", "ng:text", ""},
    {"trigger", "ng:trigger", ""},
    {"rule", "ng:rule", ""},
    {"date", "ng:date", kDate},
};

// Wikidata entity ids: Q followed by digits, no leading zero.
bool IsWikidataItem(std::string_view id) {
  if (id.size() < 2 || id[0] != 'Q' || id[1] == '0') return false;
  for (size_t i = 1; i < id.size(); ++i) {
    if (id[i] < '0' || id[i] > '9') return false;
  }
  return true;
}

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Writes JSON into a sink as RapidJSON's PrettyWriter with a one-space
// indent did (the files' format): each member or array item on a line of
// its own, "key": value, empty containers as {} and [].
class PrettyJson {
 public:
  explicit PrettyJson(OutputSink* out) : b_(*out) {}

  // Starts a member of the current object; `key` must need no escaping.
  void Key(std::string_view key) {
    char* p = b_.Reserve(kLineRoom + key.size() + 4);
    p = NextLine(p);
    *p++ = '"';
    std::memcpy(p, key.data(), key.size());
    p += key.size();
    std::memcpy(p, "\": ", 3);
    b_.Commit(p + 3);
  }

  void StartObject() { Start('{', false); }
  void EndObject() { End('}'); }
  void StartArray() { Start('[', true); }
  void EndArray() { End(']'); }

  // A string value, repaired and escaped.
  void String(std::string_view value) {
    char* p = b_.Reserve(kLineRoom + 2 + kMaxExpansion * value.size() + 8);
    p = OpenString(p);
    p = EscapeInto(value, Escape::kJson, p);
    *p++ = '"';
    b_.Commit(p);
  }

  // A string value written in parts: OpenString(), then the parts appended
  // to the sink (escaped), then CloseString().
  void OpenString() { b_.Commit(OpenString(b_.Reserve(kLineRoom + 1))); }
  void CloseString() { b_ += '"'; }

 private:
  struct Level {
    bool array;
    bool empty;
  };
  // The writer nests five deep (document, @graph, mention, evidence list,
  // evidence); the indent has room for sixteen.
  static constexpr size_t kMaxDepth = 16;
  static constexpr std::string_view kSpaces = "                ";
  // What NextLine() may write.
  static constexpr size_t kLineRoom = 2 + kMaxDepth;

  bool InArray() const { return depth_ > 0 && levels_[depth_ - 1].array; }

  // Before an item of an array or a member of an object: a comma after the
  // one before, a line break and the indent.
  char* NextLine(char* p) {
    Level& level = levels_[depth_ - 1];
    if (!level.empty) *p++ = ',';
    level.empty = false;
    *p++ = '\n';
    return Indent(p, depth_);
  }

  // Copies the whole run of spaces, keeps `depth` of them.
  static char* Indent(char* p, size_t depth) {
    std::memcpy(p, kSpaces.data(), kMaxDepth);
    return p + depth;
  }

  char* OpenString(char* p) {
    if (InArray()) p = NextLine(p);
    *p++ = '"';
    return p;
  }

  void Start(char bracket, bool array) {
    char* p = b_.Reserve(kLineRoom + 1);
    if (InArray()) p = NextLine(p);
    *p++ = bracket;
    b_.Commit(p);
    levels_[depth_++] = Level{array, true};
  }

  void End(char bracket) {
    const Level& level = levels_[--depth_];
    char* p = b_.Reserve(kLineRoom + 1);
    if (!level.empty) {
      *p++ = '\n';
      p = Indent(p, depth_);
    }
    *p++ = bracket;
    b_.Commit(p);
  }

  OutputSink& b_;
  Level levels_[kMaxDepth];
  size_t depth_ = 0;
};

class Writer {
 public:
  Writer(const KnowledgeGraph& graph, const ExportOptions& options,
         std::ostream& out)
      : graph_(graph),
        options_(options),
        sink_(out),
        w_(&sink_),
        relation_names_(AllRelations().size()) {
    // Text that is the same for every element, escaped once.
    base_iri_ = Escaped(options_.base_iri);
    for (const RelationInfo& relation : AllRelations()) {
      relation_names_[static_cast<size_t>(relation.kind)] =
          Escaped(relation.name);
    }
  }

  Status Write() {
    const KnowledgeGraph::Elements sorted = graph_.SortedElements();
    const std::vector<const Node*>& nodes = sorted.nodes;
    const std::vector<KnowledgeGraph::EdgeView>& edges = sorted.edges;

    w_.StartObject();
    WriteContext();
    w_.Key("@graph");
    w_.StartArray();
    WriteGraphNode(nodes.size(), edges.size());
    size_t next_edge = 0;  // edges are sorted by source id, as nodes are
    for (const Node* node : nodes) {
      if (sink_.failed()) break;
      const size_t first_edge = next_edge;
      while (next_edge < edges.size() && edges[next_edge].source == node) {
        ++next_edge;
      }
      WriteNode(*node, edges, first_edge, next_edge);
      sink_.MaybeFlush();
    }
    for (size_t i = 0; i < edges.size(); ++i) {
      if (sink_.failed()) break;
      exporters_internal::PrefetchEdgesAhead(edges, i);
      WriteMention(edges[i]);
      sink_.MaybeFlush();
    }
    w_.EndArray();
    w_.EndObject();
    sink_ += '\n';
    return sink_.Finish("jsonld");
  }

 private:
  // `text` repaired and escaped for a JSON string.
  static std::string Escaped(std::string_view text) {
    std::string out(kMaxExpansion * text.size() + 8, '\0');
    out.resize(static_cast<size_t>(
        EscapeInto(text, Escape::kJson, out.data()) - out.data()));
    return out;
  }

  void Property(std::string_view key, std::string_view value) {
    if (value.empty()) return;
    w_.Key(key);
    w_.String(value);
  }

  // A value that needs no escaping: one of the writer's own constants.
  void ConstantProperty(std::string_view key, std::string_view value) {
    w_.Key(key);
    w_.OpenString();
    sink_ += value;
    w_.CloseString();
  }

  // For terms coerced to xsd:integer: the lexical form as a string.
  void Integer(std::string_view key, uint64_t value) {
    w_.Key(key);
    w_.OpenString();
    sink_.AppendUint(value);  // digits: nothing to escape
    w_.CloseString();
  }

  // For terms coerced to xsd:decimal; nothing when `value` is not finite.
  void Decimal(std::string_view key, double value) {
    if (!std::isfinite(value)) return;
    w_.Key(key);
    w_.OpenString();
    sink_.AppendDecimal(value);  // digits, '-' and '.'
    w_.CloseString();
  }

  // For terms coerced to xsd:date: a full date as is, a partial one as
  // xsd:gYearMonth or xsd:gYear, anything else as a plain string.
  void Date(std::string_view key, std::string_view value) {
    if (value.empty()) return;
    w_.Key(key);
    if (IsIsoDate(value)) {  // digits and '-': nothing to escape
      w_.OpenString();
      sink_ += value;
      w_.CloseString();
      return;
    }
    std::string_view type;
    if (value.size() == 7 && value[4] == '-' && AllDigits(value.substr(0, 4)) &&
        AllDigits(value.substr(5))) {
      type = "xsd:gYearMonth";
    } else if (value.size() == 4 && AllDigits(value)) {
      type = "xsd:gYear";
    }
    w_.StartObject();
    w_.Key("@value");
    w_.String(value);
    if (!type.empty()) {
      w_.Key("@type");
      w_.String(type);
    }
    w_.EndObject();
  }

  // The node's IRI (NodeIri()), inside a string being written.
  void AppendNodeIri(std::string_view node_id) {
    sink_ += base_iri_;
    AppendNodePath(node_id);
  }
  // The same without the base.
  void AppendNodePath(std::string_view node_id) {
    sink_.Commit(IriPathInto(node_id, sink_.Reserve(3 * node_id.size())));
  }

  void NodeIriValue(std::string_view node_id) {
    w_.OpenString();
    AppendNodeIri(node_id);
    w_.CloseString();
  }

  void WriteContext() {
    w_.Key("@context");
    w_.StartObject();
    for (const Term& term : kPrefixes) Property(term.name, term.iri);
    auto define = [&](std::string_view name, std::string_view iri,
                      std::string_view type) {
      if (type.empty()) {
        Property(name, iri);
        return;
      }
      w_.Key(name);
      w_.StartObject();
      Property("@id", iri);
      Property("@type", type);
      w_.EndObject();
    };
    for (const Term& term : kTerms) define(term.name, term.iri, term.type);
    for (const RelationInfo& relation : AllRelations()) {
      define(relation_names_[static_cast<size_t>(relation.kind)],
             "ng:" + std::string(relation.name), kId);
    }
    w_.EndObject();
  }

  void WriteGraphNode(size_t node_count, size_t edge_count) {
    w_.StartObject();
    w_.Key("@id");
    w_.String(options_.base_iri + ";graph");
    Property("@type", "ng:KnowledgeGraph");
    Property("generator", options_.generator);
    Integer("documentCount", graph_.document_count());
    Integer("nodeCount", node_count);
    Integer("edgeCount", edge_count);
    w_.EndObject();
  }

  void WriteNode(const Node& node,
                 const std::vector<KnowledgeGraph::EdgeView>& edges,
                 size_t first_edge, size_t end_edge) {
    const NodeKindInfo& kind = Info(node.kind);
    w_.StartObject();
    w_.Key("@id");
    NodeIriValue(node.id);
    w_.Key("@type");
    w_.StartArray();
    w_.OpenString();
    sink_ += "schema:";
    sink_.AppendEscaped(kind.schema_type, Escape::kJson);
    w_.CloseString();
    w_.OpenString();
    sink_ += "ng:";
    sink_.AppendEscaped(kind.name, Escape::kJson);
    w_.CloseString();
    w_.EndArray();
    Property("name", node.label);
    if (!node.aliases.empty()) {
      w_.Key("alternateName");
      w_.StartArray();
      for (const std::string& alias : node.aliases) w_.String(alias);
      w_.EndArray();
    }
    Property("jobTitle", node.role);
    Date("startDate", node.date);
    Property("isoCode", node.iso_code);
    Property("wikidata", node.wikidata);
    if (IsWikidataItem(node.wikidata)) {
      w_.Key("sameAs");
      w_.OpenString();
      sink_ += "http://www.wikidata.org/entity/";
      sink_ += node.wikidata;  // Q and digits
      w_.CloseString();
    }
    Integer("mentions", node.mentions);
    Date("firstDate", node.first_date);
    Date("lastDate", node.last_date);
    // The direct triples, one property per relation: edges of one source
    // are sorted by relation, then target.
    for (size_t i = first_edge; i < end_edge;) {
      const RelationKind relation = edges[i].edge->relation;
      w_.Key(relation_names_[static_cast<size_t>(relation)]);
      w_.StartArray();
      for (; i < end_edge && edges[i].edge->relation == relation; ++i) {
        exporters_internal::PrefetchTargetsAhead(edges, i);
        NodeIriValue(edges[i].target->id);
      }
      w_.EndArray();
    }
    w_.EndObject();
  }

  void WriteMention(const KnowledgeGraph::EdgeView& view) {
    const Edge& edge = *view.edge;
    const RelationInfo& relation = Info(edge.relation);
    const std::string_view name =
        relation_names_[static_cast<size_t>(edge.relation)];
    // The mention's IRI, <source IRI>;<relation>;<target path>, is written
    // once; the source and target IRIs and the evidence IRIs copy its parts.
    w_.StartObject();
    w_.Key("@id");
    w_.OpenString();
    const size_t mention = sink_.size();
    AppendNodeIri(view.source->id);
    const size_t source_length = sink_.size() - mention;
    sink_ += ';';
    sink_ += name;
    sink_ += ';';
    const size_t target_path = sink_.size();
    AppendNodePath(view.target->id);
    const size_t mention_length = sink_.size() - mention;
    const size_t target_path_length = sink_.size() - target_path;
    w_.CloseString();
    ConstantProperty("@type", "ng:RelationMention");
    w_.Key("source");
    w_.OpenString();
    sink_.AppendCopy(mention, source_length);
    w_.CloseString();
    w_.Key("relation");
    w_.OpenString();
    sink_ += "ng:";
    sink_ += name;
    w_.CloseString();
    w_.Key("target");
    w_.OpenString();
    sink_ += base_iri_;
    sink_.AppendCopy(target_path, target_path_length);
    w_.CloseString();
    Property("cameo", edge.Cameo());
    if (!edge.cameo_counts.empty()) {
      // Every mention's code with its count ("1121:2|112:5"), so that a
      // graph read back (graph_reader.h) merges exactly. Repairing each
      // code alone gives the bytes repairing the whole would: the ASCII
      // between them ends any UTF-8 sequence.
      w_.Key("cameoCounts");
      w_.OpenString();
      bool first = true;
      for (const auto& [code, count] : edge.cameo_counts) {
        if (!first) sink_ += '|';
        sink_.AppendEscaped(code, Escape::kJson);
        sink_ += ':';
        sink_.AppendUint(count);
        first = false;
      }
      w_.CloseString();
    }
    ConstantProperty("category", CategoryName(relation.category));
    Integer("weight", edge.weight);
    Date("firstDate", edge.first_date);
    Date("lastDate", edge.last_date);
    Integer("documentCount", edge.documents.size());
    if (!edge.documents.empty()) {
      w_.Key("document");
      w_.StartArray();
      for (const std::string& document : edge.documents) w_.String(document);
      w_.EndArray();
    }
    double best = -1;
    for (const Evidence& e : edge.evidence) {
      if (std::isfinite(e.confidence)) best = std::max(best, e.confidence);
    }
    if (best >= 0) Decimal("confidence", best);
    if (!edge.evidence.empty()) {
      w_.Key("evidence");
      w_.StartArray();
      uint64_t index = 0;
      for (const Evidence& e : edge.evidence) {
        w_.StartObject();
        w_.Key("@id");
        w_.OpenString();
        sink_.AppendCopy(mention, mention_length);
        sink_ += ';';
        sink_.AppendUint(index++);
        w_.CloseString();
        ConstantProperty("@type", "ng:Evidence");
        Property("document", e.document);
        Integer("sentence", e.sentence);
        Integer("begin", e.begin);
        Integer("end", e.end);
        Property("text", e.text);
        Property("trigger", e.trigger);
        Property("rule", e.rule);
        Decimal("confidence", e.confidence);
        Date("date", e.date);
        Property("cameo", e.cameo);
        w_.EndObject();
      }
      w_.EndArray();
    }
    w_.EndObject();
  }

  const KnowledgeGraph& graph_;
  const ExportOptions& options_;
  OutputSink sink_;
  PrettyJson w_;
  std::string base_iri_;                     // escaped
  std::vector<std::string> relation_names_;  // escaped, by RelationKind
};

}  // namespace

const std::vector<std::string_view>& JsonldFixedTerms() {
  static const std::vector<std::string_view> terms = [] {
    std::vector<std::string_view> all;
    for (const Term& term : kPrefixes) all.push_back(term.name);
    for (const Term& term : kTerms) all.push_back(term.name);
    return all;
  }();
  return terms;
}

Status WriteJsonld(const KnowledgeGraph& graph, const ExportOptions& options,
                   std::ostream& out) {
  return Writer(graph, options, out).Write();
}

}  // namespace newsgraph
