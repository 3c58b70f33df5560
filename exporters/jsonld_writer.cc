#include "exporters/jsonld_writer.h"

#include <rapidjson/prettywriter.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "exporters/internal/category.h"
#include "exporters/internal/prefetch.h"
#include "exporters/internal/text.h"
#include "graph/schema.h"

namespace newsgraph {

namespace {

using exporters_internal::AppendDecimal;
using exporters_internal::AppendUint;
using exporters_internal::CategoryName;
using exporters_internal::CleanText;
using exporters_internal::IsIsoDate;
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

// The RapidJSON output stream: appends to the sink's buffer. The writer
// flushes the sink between records, so nothing here touches the ostream.
class BufferStream {
 public:
  typedef char Ch;
  explicit BufferStream(std::string* buffer) : buffer_(buffer) {}
  void Put(char c) { buffer_->push_back(c); }
  void Flush() {}

 private:
  std::string* buffer_;
};

class Writer {
 public:
  Writer(const KnowledgeGraph& graph, const ExportOptions& options,
         std::ostream& out)
      : graph_(graph),
        options_(options),
        sink_(out),
        stream_(&sink_.buffer()),
        w_(stream_) {
    w_.SetIndent(' ', 1);
  }

  Status Write() {
    const std::vector<const Node*> nodes = graph_.Nodes();
    const std::vector<KnowledgeGraph::EdgeView> edges = graph_.Edges();

    w_.StartObject();
    WriteContext();
    Key("@graph");
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
    sink_.buffer() += '\n';
    return sink_.Finish("jsonld");
  }

 private:
  void Key(std::string_view key) {
    w_.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
  }

  // Any text: repaired into valid, XML-safe UTF-8 first.
  void String(std::string_view value) {
    std::string_view clean = CleanText(value, &clean_);
    w_.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
  }

  void Property(std::string_view key, std::string_view value) {
    if (value.empty()) return;
    Key(key);
    String(value);
  }

  // For terms coerced to xsd:integer: the lexical form as a string.
  void Integer(std::string_view key, uint64_t value) {
    number_.clear();
    AppendUint(value, &number_);
    Key(key);
    String(number_);
  }

  // For terms coerced to xsd:decimal; nothing when `value` is not finite.
  void Decimal(std::string_view key, double value) {
    if (!std::isfinite(value)) return;
    number_.clear();
    AppendDecimal(value, &number_);
    Key(key);
    String(number_);
  }

  // For terms coerced to xsd:date: a full date as is, a partial one as
  // xsd:gYearMonth or xsd:gYear, anything else as a plain string.
  void Date(std::string_view key, std::string_view value) {
    if (value.empty()) return;
    Key(key);
    if (IsIsoDate(value)) {
      String(value);
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
    Key("@value");
    String(value);
    if (!type.empty()) {
      Key("@type");
      String(type);
    }
    w_.EndObject();
  }

  void Iri(std::string_view key, std::string_view iri) {
    Key(key);
    String(iri);
  }

  void WriteContext() {
    Key("@context");
    w_.StartObject();
    for (const Term& term : kPrefixes) Property(term.name, term.iri);
    auto define = [&](std::string_view name, std::string_view iri,
                      std::string_view type) {
      if (type.empty()) {
        Property(name, iri);
        return;
      }
      Key(name);
      w_.StartObject();
      Property("@id", iri);
      Property("@type", type);
      w_.EndObject();
    };
    for (const Term& term : kTerms) define(term.name, term.iri, term.type);
    for (const RelationInfo& relation : AllRelations()) {
      define(relation.name, "ng:" + std::string(relation.name), kId);
    }
    w_.EndObject();
  }

  void WriteGraphNode(size_t node_count, size_t edge_count) {
    w_.StartObject();
    Iri("@id", options_.base_iri + ";graph");
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
    Iri("@id", NodeIri(node.id, options_));
    Key("@type");
    w_.StartArray();
    String("schema:" + std::string(kind.schema_type));
    String("ng:" + std::string(kind.name));
    w_.EndArray();
    Property("name", node.label);
    if (!node.aliases.empty()) {
      Key("alternateName");
      w_.StartArray();
      for (const std::string& alias : node.aliases) String(alias);
      w_.EndArray();
    }
    Property("jobTitle", node.role);
    Date("startDate", node.date);
    Property("isoCode", node.iso_code);
    Property("wikidata", node.wikidata);
    if (IsWikidataItem(node.wikidata)) {
      Iri("sameAs", "http://www.wikidata.org/entity/" + node.wikidata);
    }
    Integer("mentions", node.mentions);
    Date("firstDate", node.first_date);
    Date("lastDate", node.last_date);
    // The direct triples, one property per relation: edges of one source
    // are sorted by relation, then target.
    for (size_t i = first_edge; i < end_edge;) {
      const RelationKind relation = edges[i].edge->relation;
      Key(Name(relation));
      w_.StartArray();
      for (; i < end_edge && edges[i].edge->relation == relation; ++i) {
        exporters_internal::PrefetchTargetsAhead(edges, i);
        String(NodeIri(edges[i].target->id, options_));
      }
      w_.EndArray();
    }
    w_.EndObject();
  }

  void WriteMention(const KnowledgeGraph::EdgeView& view) {
    const Edge& edge = *view.edge;
    const RelationInfo& relation = Info(edge.relation);
    const std::string source = NodeIri(view.source->id, options_);
    // <source IRI>;<relation>;<target path>: the target's path is its IRI
    // without the base.
    const std::string mention =
        source + ";" + std::string(relation.name) + ";" +
        NodeIri(view.target->id, options_).substr(options_.base_iri.size());
    w_.StartObject();
    Iri("@id", mention);
    Property("@type", "ng:RelationMention");
    Iri("source", source);
    Iri("relation", "ng:" + std::string(relation.name));
    Iri("target", NodeIri(view.target->id, options_));
    Property("cameo", edge.Cameo());
    if (!edge.cameo_counts.empty()) {
      // Every mention's code with its count ("1121:2|112:5"), so that a
      // graph read back (graph_reader.h) merges exactly.
      std::string counts;
      for (const auto& [code, count] : edge.cameo_counts) {
        if (!counts.empty()) counts += '|';
        counts += code;
        counts += ':';
        AppendUint(count, &counts);
      }
      Property("cameoCounts", counts);
    }
    Property("category", CategoryName(relation.category));
    Integer("weight", edge.weight);
    Date("firstDate", edge.first_date);
    Date("lastDate", edge.last_date);
    Integer("documentCount", edge.documents.size());
    if (!edge.documents.empty()) {
      Key("document");
      w_.StartArray();
      for (const std::string& document : edge.documents) String(document);
      w_.EndArray();
    }
    double best = -1;
    for (const Evidence& e : edge.evidence) {
      if (std::isfinite(e.confidence)) best = std::max(best, e.confidence);
    }
    if (best >= 0) Decimal("confidence", best);
    if (!edge.evidence.empty()) {
      Key("evidence");
      w_.StartArray();
      uint64_t index = 0;
      for (const Evidence& e : edge.evidence) {
        number_.clear();
        AppendUint(index++, &number_);
        w_.StartObject();
        Iri("@id", mention + ";" + number_);
        Property("@type", "ng:Evidence");
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
  BufferStream stream_;
  rapidjson::PrettyWriter<BufferStream> w_;
  std::string clean_;
  std::string number_;
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
