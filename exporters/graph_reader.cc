#include "exporters/graph_reader.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>
#include <optional>
#include <pugixml.hpp>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "exporters/exporters.h"
#include "graph/schema.h"

namespace newsgraph {

namespace {

// The 1-based line of byte `offset` in `bytes`.
uint64_t LineAt(std::string_view bytes, size_t offset) {
  offset = std::min(offset, bytes.size());
  return 1 + static_cast<uint64_t>(
                 std::count(bytes.begin(), bytes.begin() + offset, '\n'));
}

Status ErrorAt(std::string_view name, uint64_t line, const std::string& what) {
  return Status::Error(std::string(name) + ":" + std::to_string(line) + ": " +
                       what);
}

std::string Quote(std::string_view s) { return "'" + std::string(s) + "'"; }

// Decimal digits only, no sign, no overflow. A GraphML double that holds a
// whole number ("3", "3.0") is accepted too.
std::optional<uint64_t> ParseUint(std::string_view text) {
  if (text.size() > 2 && text.substr(text.size() - 2) == ".0") {
    text.remove_suffix(2);
  }
  if (text.empty() || text.size() > 20) return std::nullopt;
  uint64_t n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    const uint64_t digit = static_cast<uint64_t>(c - '0');
    if (n > (std::numeric_limits<uint64_t>::max() - digit) / 10) {
      return std::nullopt;
    }
    n = n * 10 + digit;
  }
  return n;
}

std::optional<double> ParseDouble(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size()) return std::nullopt;
  return value;
}

// "a|b|c" -> {a, b, c}; "" -> {}.
std::vector<std::string> SplitBars(std::string_view text) {
  std::vector<std::string> items;
  if (text.empty()) return items;
  size_t begin = 0;
  while (true) {
    const size_t bar = text.find('|', begin);
    items.emplace_back(text.substr(begin, bar - begin));
    if (bar == std::string_view::npos) break;
    begin = bar + 1;
  }
  return items;
}

// "1121:2|112:5" (what the writers give for Edge::cameo_counts) -> map.
std::optional<std::map<std::string, uint64_t>> ParseCameoCounts(
    std::string_view text) {
  std::map<std::string, uint64_t> counts;
  for (const std::string& item : SplitBars(text)) {
    const size_t colon = item.rfind(':');
    if (colon == std::string::npos || colon == 0) return std::nullopt;
    std::optional<uint64_t> count =
        ParseUint(std::string_view(item).substr(colon + 1));
    if (!count || *count == 0) return std::nullopt;
    counts[item.substr(0, colon)] += *count;
  }
  return counts;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// The inverse of NodeIri() without the base: "country/USA" ->
// "country:USA", "%C3%A9" -> "é". nullopt for a malformed escape.
std::optional<std::string> DecodeNodePath(std::string_view path) {
  std::string id;
  id.reserve(path.size());
  for (size_t i = 0; i < path.size(); ++i) {
    const char c = path[i];
    if (c == '/') {
      id += ':';
    } else if (c == '%') {
      if (i + 2 >= path.size()) return std::nullopt;
      const int high = HexValue(path[i + 1]);
      const int low = HexValue(path[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      id += static_cast<char>(high * 16 + low);
      i += 2;
    } else {
      id += c;
    }
  }
  return id;
}

// NodeIri() without the base.
std::string NodePath(std::string_view id) {
  ExportOptions options;
  options.base_iri.clear();
  return NodeIri(id, options);
}

// Edge::cameo_counts derived from the kept evidence, for files written
// before the writers carried the counts: exact when every mention was kept.
std::map<std::string, uint64_t> CameoCountsOfEvidence(const Edge& edge) {
  std::map<std::string, uint64_t> counts;
  for (const Evidence& e : edge.evidence) {
    if (!e.cameo.empty()) ++counts[e.cameo];
  }
  return counts;
}

// ---- Evidence as JSON (GraphML's evidence_json) ---------------------------

const rapidjson::Value* Member(const rapidjson::Value& object,
                               const char* key) {
  auto it = object.FindMember(key);
  return it == object.MemberEnd() ? nullptr : &it->value;
}

// A JSON string, or a JSON-LD value object {"@value": "..."}.
std::optional<std::string> StringOf(const rapidjson::Value* value) {
  if (value == nullptr) return std::nullopt;
  if (value->IsObject()) value = Member(*value, "@value");
  if (value == nullptr || !value->IsString()) return std::nullopt;
  return std::string(value->GetString(), value->GetStringLength());
}

// A count: a JSON unsigned integer or its decimal text.
std::optional<uint64_t> UintOf(const rapidjson::Value* value) {
  if (value == nullptr) return std::nullopt;
  if (value->IsUint64()) return value->GetUint64();
  std::optional<std::string> text = StringOf(value);
  if (!text) return std::nullopt;
  return ParseUint(*text);
}

// A confidence: a JSON number, its decimal text, or null (not finite).
std::optional<double> DoubleOf(const rapidjson::Value* value) {
  if (value == nullptr) return std::nullopt;
  if (value->IsNull()) return std::numeric_limits<double>::quiet_NaN();
  if (value->IsNumber()) return value->GetDouble();
  std::optional<std::string> text = StringOf(value);
  if (!text) return std::nullopt;
  return ParseDouble(*text);
}

// A JSON array of strings (aliases_json, document_ids_json) into `out`,
// replacing what the '|'-joined form gave.
Status ReadJsonStrings(const char* text, std::set<std::string>* out) {
  rapidjson::Document json;
  json.Parse(text);
  if (json.HasParseError() || !json.IsArray()) {
    return Status::Error("not a JSON array of strings");
  }
  std::set<std::string> items;
  for (const rapidjson::Value& item : json.GetArray()) {
    if (!item.IsString()) return Status::Error("not a JSON array of strings");
    items.emplace(item.GetString(), item.GetStringLength());
  }
  *out = std::move(items);
  return Status::Ok();
}

// Reads one evidence object (GraphML evidence_json item, or a JSON-LD
// ng:Evidence node). Fails with the reason.
Status ReadEvidence(const rapidjson::Value& object, Evidence* out) {
  if (!object.IsObject()) return Status::Error("evidence is not an object");
  Evidence e;
  auto text = [&](const char* key, std::string* field) -> Status {
    const rapidjson::Value* value = Member(object, key);
    if (value == nullptr) return Status::Ok();
    std::optional<std::string> s = StringOf(value);
    if (!s)
      return Status::Error(std::string("evidence ") + key + " is not a string");
    *field = std::move(*s);
    return Status::Ok();
  };
  auto count = [&](const char* key, uint64_t* field) -> Status {
    const rapidjson::Value* value = Member(object, key);
    if (value == nullptr) return Status::Ok();
    std::optional<uint64_t> n = UintOf(value);
    if (!n)
      return Status::Error(std::string("evidence ") + key + " is not a count");
    *field = *n;
    return Status::Ok();
  };
  uint64_t sentence = 0;
  for (Status s : {text("document", &e.document), text("text", &e.text),
                   text("trigger", &e.trigger), text("rule", &e.rule),
                   text("date", &e.date), text("cameo", &e.cameo),
                   count("sentence", &sentence), count("begin", &e.begin),
                   count("end", &e.end)}) {
    if (!s.ok()) return s;
  }
  if (sentence > std::numeric_limits<uint32_t>::max()) {
    return Status::Error("evidence sentence is out of range");
  }
  e.sentence = static_cast<uint32_t>(sentence);
  // The writers leave a non-finite confidence out (JSON-LD) or write null
  // (GraphML): both read back as NaN.
  const rapidjson::Value* confidence = Member(object, "confidence");
  if (confidence == nullptr) {
    e.confidence = std::numeric_limits<double>::quiet_NaN();
  } else {
    std::optional<double> c = DoubleOf(confidence);
    if (!c) return Status::Error("evidence confidence is not a number");
    e.confidence = *c;
  }
  *out = std::move(e);
  return Status::Ok();
}

// ---- GraphML --------------------------------------------------------------

class GraphmlReader {
 public:
  GraphmlReader(std::string_view name, std::string_view bytes,
                KnowledgeGraph* graph)
      : name_(name), bytes_(bytes), graph_(*graph) {}

  Status Read() {
    pugi::xml_parse_result parsed =
        doc_.load_buffer(bytes_.data(), bytes_.size(),
                         pugi::parse_default | pugi::parse_ws_pcdata_single,
                         pugi::encoding_utf8);
    if (!parsed) {
      return ErrorAt(
          name_, LineAt(bytes_, static_cast<size_t>(parsed.offset)),
          std::string("not well-formed XML: ") + parsed.description());
    }
    const pugi::xml_node root = doc_.child("graphml");
    if (!root) {
      return Error(doc_.document_element(),
                   "not a graph newsgraph wrote: no <graphml> element");
    }
    for (const pugi::xml_node key : root.children("key")) {
      keys_[key.attribute("id").value()] = key.attribute("attr.name").value();
    }
    const pugi::xml_node graph = root.child("graph");
    if (!graph) return Error(root, "no <graph> element");
    for (const pugi::xml_node data : graph.children("data")) {
      if (KeyName(data) == "documents") {
        std::optional<uint64_t> n = ParseUint(data.child_value());
        if (!n) return Error(data, "documents is not a count");
        graph_.AddDocuments(*n);
      }
    }
    Status status = ReadNodes(graph);
    if (!status.ok()) return status;
    return ReadEdges(graph);
  }

 private:
  struct NodeRecord {
    pugi::xml_node element;
    std::string xml_id;
    std::string iri;
    Node node;
  };

  Status Error(const pugi::xml_node& at, const std::string& what) const {
    const ptrdiff_t offset = at ? at.offset_debug() : 0;
    return ErrorAt(name_, LineAt(bytes_, offset < 0 ? 0 : offset), what);
  }

  std::string_view KeyName(const pugi::xml_node& data) const {
    auto it = keys_.find(data.attribute("key").value());
    return it == keys_.end() ? std::string_view()
                             : std::string_view(it->second);
  }

  Status ReadNodes(const pugi::xml_node& graph) {
    std::vector<NodeRecord> records;
    std::unordered_set<std::string> seen;
    for (const pugi::xml_node element : graph.children("node")) {
      NodeRecord r;
      r.element = element;
      r.xml_id = element.attribute("id").value();
      if (r.xml_id.empty()) return Error(element, "node without an id");
      if (!seen.insert(r.xml_id).second) {
        return Error(element, "node " + Quote(r.xml_id) + " given twice");
      }
      bool have_kind = false;
      bool have_aliases_json = false;
      for (const pugi::xml_node data : element.children("data")) {
        const std::string_view key = KeyName(data);
        const char* value = data.child_value();
        Node& n = r.node;
        if (key == "label") {
          n.label = value;
        } else if (key == "type") {
          std::optional<NodeKind> kind = ParseNodeKind(value);
          if (!kind) {
            return Error(data, "node " + Quote(r.xml_id) +
                                   ": unknown node type " + Quote(value));
          }
          n.kind = *kind;
          have_kind = true;
        } else if (key == "iri") {
          r.iri = value;
        } else if (key == "aliases") {
          if (!have_aliases_json) {
            for (std::string& alias : SplitBars(value)) {
              n.aliases.insert(std::move(alias));
            }
          }
        } else if (key == "aliases_json") {
          Status status = ReadJsonStrings(value, &n.aliases);
          if (!status.ok()) {
            return Error(data, "node " + Quote(r.xml_id) + ": aliases_json " +
                                   status.message());
          }
          have_aliases_json = true;
        } else if (key == "iso_code") {
          n.iso_code = value;
        } else if (key == "wikidata") {
          n.wikidata = value;
        } else if (key == "role") {
          n.role = value;
        } else if (key == "date") {
          n.date = value;
        } else if (key == "mentions") {
          std::optional<uint64_t> m = ParseUint(value);
          if (!m) {
            return Error(
                data, "node " + Quote(r.xml_id) + ": mentions is not a count");
          }
          n.mentions = *m;
        } else if (key == "first_date") {
          n.first_date = value;
        } else if (key == "last_date") {
          n.last_date = value;
        }
      }
      if (!have_kind) {
        return Error(element, "node " + Quote(r.xml_id) + ": no type");
      }
      records.push_back(std::move(r));
    }

    // A node's own id is its GraphML id unless the writer had to replace
    // characters (ids outside ASCII): its IRI holds the id in full. The
    // base of the IRIs is what precedes the path of a node written under
    // its own id.
    std::optional<std::string> base;
    for (const NodeRecord& r : records) {
      const std::string path = NodePath(r.xml_id);
      if (r.iri.size() > path.size() &&
          r.iri.compare(r.iri.size() - path.size(), path.size(), path) == 0) {
        base = r.iri.substr(0, r.iri.size() - path.size());
        break;
      }
    }
    if (!base) base = ExportOptions().base_iri;
    std::unordered_set<std::string> ids;
    for (NodeRecord& r : records) {
      std::string id = r.xml_id;
      if (r.iri.size() > base->size() &&
          r.iri.compare(0, base->size(), *base) == 0) {
        std::optional<std::string> decoded =
            DecodeNodePath(std::string_view(r.iri).substr(base->size()));
        if (decoded) id = std::move(*decoded);
      }
      if (!ids.insert(id).second) {
        return Error(r.element, "node " + Quote(id) + " given twice");
      }
      r.node.id = id;
      node_ids_.emplace(r.xml_id, id);
      graph_.AddNode(r.node);
    }
    return Status::Ok();
  }

  Status ReadEdges(const pugi::xml_node& graph) {
    for (const pugi::xml_node element : graph.children("edge")) {
      std::string what = "edge";
      if (const char* id = element.attribute("id").value(); *id != '\0') {
        what += " " + Quote(id);
      }
      auto source = node_ids_.find(element.attribute("source").value());
      auto target = node_ids_.find(element.attribute("target").value());
      if (source == node_ids_.end() || target == node_ids_.end()) {
        return Error(element,
                     what + ": no node " +
                         Quote(source == node_ids_.end()
                                   ? element.attribute("source").value()
                                   : element.attribute("target").value()));
      }
      Edge edge;
      bool have_relation = false;
      std::optional<uint64_t> document_count;
      bool have_cameo_counts = false;
      bool have_ids_json = false;
      for (const pugi::xml_node data : element.children("data")) {
        const std::string_view key = KeyName(data);
        const char* value = data.child_value();
        if (key == "relation") {
          std::optional<RelationKind> relation = ParseRelation(value);
          if (!relation) {
            return Error(data, what + ": unknown relation " + Quote(value));
          }
          edge.relation = *relation;
          have_relation = true;
        } else if (key == "weight") {
          std::optional<uint64_t> w = ParseUint(value);
          if (!w) return Error(data, what + ": weight is not a count");
          edge.weight = *w;
        } else if (key == "first_date") {
          edge.first_date = value;
        } else if (key == "last_date") {
          edge.last_date = value;
        } else if (key == "documents") {
          document_count = ParseUint(value);
          if (!document_count) {
            return Error(data, what + ": documents is not a count");
          }
        } else if (key == "document_ids") {
          if (!have_ids_json) {
            for (std::string& id : SplitBars(value)) {
              edge.documents.insert(std::move(id));
            }
          }
        } else if (key == "document_ids_json") {
          Status status = ReadJsonStrings(value, &edge.documents);
          if (!status.ok()) {
            return Error(data,
                         what + ": document_ids_json " + status.message());
          }
          have_ids_json = true;
        } else if (key == "cameo_counts") {
          std::optional<std::map<std::string, uint64_t>> counts =
              ParseCameoCounts(value);
          if (!counts) {
            return Error(data,
                         what + ": malformed cameo_counts " + Quote(value));
          }
          edge.cameo_counts = std::move(*counts);
          have_cameo_counts = true;
        } else if (key == "evidence_json") {
          Status status = ReadEvidenceJson(value, &edge.evidence);
          if (!status.ok()) return Error(data, what + ": " + status.message());
        }
      }
      if (!have_relation) return Error(element, what + ": no relation");
      if (document_count && *document_count != edge.documents.size()) {
        return Error(element, what + ": " + std::to_string(*document_count) +
                                  " documents but " +
                                  std::to_string(edge.documents.size()) +
                                  " document ids");
      }
      if (!have_cameo_counts) edge.cameo_counts = CameoCountsOfEvidence(edge);
      Status added =
          graph_.AddEdge(source->second, target->second, std::move(edge));
      if (!added.ok()) return Error(element, what + ": " + added.message());
    }
    return Status::Ok();
  }

  static Status ReadEvidenceJson(const char* text,
                                 std::vector<Evidence>* evidence) {
    rapidjson::Document json;
    json.Parse<rapidjson::kParseFullPrecisionFlag>(text);
    if (json.HasParseError()) {
      return Status::Error(std::string("evidence_json is not JSON: ") +
                           rapidjson::GetParseError_En(json.GetParseError()));
    }
    if (!json.IsArray()) return Status::Error("evidence_json is not an array");
    for (const rapidjson::Value& item : json.GetArray()) {
      Evidence e;
      Status status = ReadEvidence(item, &e);
      if (!status.ok()) return status;
      evidence->push_back(std::move(e));
    }
    return Status::Ok();
  }

  std::string_view name_;
  std::string_view bytes_;
  KnowledgeGraph& graph_;
  pugi::xml_document doc_;
  std::unordered_map<std::string, std::string> keys_;      // id -> attr.name
  std::unordered_map<std::string, std::string> node_ids_;  // GraphML -> own
};

// ---- JSON-LD --------------------------------------------------------------

constexpr std::string_view kNg = "ng:";

class JsonldReader {
 public:
  JsonldReader(std::string_view name, std::string_view bytes,
               KnowledgeGraph* graph)
      : name_(name), bytes_(bytes), graph_(*graph) {}

  Status Read() {
    buffer_.assign(bytes_.data(), bytes_.size());
    json_.ParseInsitu(buffer_.data());
    if (json_.HasParseError()) {
      return ErrorAt(name_, LineAt(bytes_, json_.GetErrorOffset()),
                     std::string("not valid JSON: ") +
                         rapidjson::GetParseError_En(json_.GetParseError()));
    }
    if (!json_.IsObject()) return ErrorAt(name_, 1, "not a JSON object");
    const rapidjson::Value* items = Member(json_, "@graph");
    if (items == nullptr || !items->IsArray()) {
      return ErrorAt(name_, 1, "not a graph newsgraph wrote: no @graph");
    }
    // The graph first (for the base IRI), then the nodes, then the
    // relation mentions, whatever their order in the file.
    std::vector<const rapidjson::Value*> nodes, mentions;
    bool have_graph = false;
    for (const rapidjson::Value& item : items->GetArray()) {
      if (!item.IsObject())
        return ErrorAt(name_, 1, "@graph item is not an object");
      const std::vector<std::string> types = Types(item);
      if (Has(types, "ng:KnowledgeGraph")) {
        Status status = ReadGraphNode(item);
        if (!status.ok()) return status;
        have_graph = true;
      } else if (Has(types, "ng:RelationMention")) {
        mentions.push_back(&item);
      } else if (Has(types, "ng:Evidence")) {
        continue;  // only inside a mention
      } else {
        nodes.push_back(&item);
      }
    }
    if (!have_graph) {
      return ErrorAt(name_, 1,
                     "not a graph newsgraph wrote: no ng:KnowledgeGraph");
    }
    for (const rapidjson::Value* node : nodes) {
      Status status = ReadNode(*node);
      if (!status.ok()) return status;
    }
    for (const rapidjson::Value* mention : mentions) {
      Status status = ReadMention(*mention);
      if (!status.ok()) return status;
    }
    return Status::Ok();
  }

 private:
  static std::vector<std::string> Types(const rapidjson::Value& item) {
    std::vector<std::string> types;
    const rapidjson::Value* type = Member(item, "@type");
    if (type == nullptr) return types;
    if (type->IsString()) {
      types.emplace_back(type->GetString(), type->GetStringLength());
    } else if (type->IsArray()) {
      for (const rapidjson::Value& t : type->GetArray()) {
        if (t.IsString())
          types.emplace_back(t.GetString(), t.GetStringLength());
      }
    }
    return types;
  }

  static bool Has(const std::vector<std::string>& list, std::string_view item) {
    return std::find(list.begin(), list.end(), item) != list.end();
  }

  // The line of the object whose @id is `iri` (found in the original bytes;
  // IRIs hold nothing JSON escapes), or 1.
  uint64_t LineOf(std::string_view iri) const {
    const std::string needle = "\"" + std::string(iri) + "\"";
    size_t at = bytes_.find("\"@id\": " + needle);
    if (at == std::string_view::npos) at = bytes_.find(needle);
    return at == std::string_view::npos ? 1 : LineAt(bytes_, at);
  }

  Status ErrorIn(const rapidjson::Value& item, const std::string& what) const {
    std::optional<std::string> id = StringOf(Member(item, "@id"));
    return ErrorAt(name_, id ? LineOf(*id) : 1, what);
  }

  Status ReadGraphNode(const rapidjson::Value& item) {
    std::optional<std::string> id = StringOf(Member(item, "@id"));
    constexpr std::string_view kSuffix = ";graph";
    if (!id || id->size() < kSuffix.size() ||
        id->compare(id->size() - kSuffix.size(), kSuffix.size(), kSuffix) !=
            0) {
      return ErrorIn(item, "the graph's @id does not end in ';graph'");
    }
    base_ = id->substr(0, id->size() - kSuffix.size());
    if (const rapidjson::Value* count = Member(item, "documentCount")) {
      std::optional<uint64_t> n = UintOf(count);
      if (!n) return ErrorIn(item, "documentCount is not a count");
      graph_.AddDocuments(*n);
    }
    return Status::Ok();
  }

  // The node id of `iri`, or nullopt when it is not below the base.
  std::optional<std::string> NodeId(std::string_view iri) const {
    if (iri.size() <= base_.size() || iri.substr(0, base_.size()) != base_) {
      return std::nullopt;
    }
    return DecodeNodePath(iri.substr(base_.size()));
  }

  // An optional string property: a string or a value object.
  Status Text(const rapidjson::Value& item, const char* key,
              std::string* field) const {
    const rapidjson::Value* value = Member(item, key);
    if (value == nullptr) return Status::Ok();
    std::optional<std::string> s = StringOf(value);
    if (!s) return ErrorIn(item, std::string(key) + " is not a string");
    *field = std::move(*s);
    return Status::Ok();
  }

  // A property that may hold one string or an array of them.
  Status Strings(const rapidjson::Value& item, const char* key,
                 std::set<std::string>* out) const {
    const rapidjson::Value* value = Member(item, key);
    if (value == nullptr) return Status::Ok();
    if (!value->IsArray()) {
      std::optional<std::string> s = StringOf(value);
      if (!s) return ErrorIn(item, std::string(key) + " is not a string");
      out->insert(std::move(*s));
      return Status::Ok();
    }
    for (const rapidjson::Value& v : value->GetArray()) {
      std::optional<std::string> s = StringOf(&v);
      if (!s) return ErrorIn(item, std::string(key) + " is not a string");
      out->insert(std::move(*s));
    }
    return Status::Ok();
  }

  Status ReadNode(const rapidjson::Value& item) {
    std::optional<std::string> iri = StringOf(Member(item, "@id"));
    if (!iri) return ErrorAt(name_, 1, "node without an @id");
    std::optional<std::string> id = NodeId(*iri);
    if (!id)
      return ErrorIn(item, "node IRI " + Quote(*iri) +
                               " is not below the base " + Quote(base_));
    Node node;
    node.id = std::move(*id);
    bool have_kind = false;
    for (const std::string& type : Types(item)) {
      if (type.compare(0, kNg.size(), kNg) != 0) continue;
      std::optional<NodeKind> kind = ParseNodeKind(type.substr(kNg.size()));
      if (kind) {
        node.kind = *kind;
        have_kind = true;
      }
    }
    if (!have_kind)
      return ErrorIn(item, "node " + Quote(node.id) + ": no node type");
    for (Status s : {Text(item, "name", &node.label),
                     Strings(item, "alternateName", &node.aliases),
                     Text(item, "jobTitle", &node.role),
                     Text(item, "startDate", &node.date),
                     Text(item, "isoCode", &node.iso_code),
                     Text(item, "wikidata", &node.wikidata),
                     Text(item, "firstDate", &node.first_date),
                     Text(item, "lastDate", &node.last_date)}) {
      if (!s.ok()) return s;
    }
    if (const rapidjson::Value* mentions = Member(item, "mentions")) {
      std::optional<uint64_t> n = UintOf(mentions);
      if (!n)
        return ErrorIn(item,
                       "node " + Quote(node.id) + ": mentions is not a count");
      node.mentions = *n;
    }
    if (!seen_.insert(node.id).second) {
      return ErrorIn(item, "node " + Quote(node.id) + " given twice");
    }
    graph_.AddNode(node);
    return Status::Ok();
  }

  Status ReadMention(const rapidjson::Value& item) {
    std::optional<std::string> iri = StringOf(Member(item, "@id"));
    const std::string what = "relation mention " + Quote(iri ? *iri : "");
    std::optional<std::string> source_iri = StringOf(Member(item, "source"));
    std::optional<std::string> target_iri = StringOf(Member(item, "target"));
    std::optional<std::string> relation_iri =
        StringOf(Member(item, "relation"));
    if (!source_iri || !target_iri || !relation_iri) {
      return ErrorIn(item, what + ": needs source, relation and target");
    }
    std::optional<std::string> source = NodeId(*source_iri);
    std::optional<std::string> target = NodeId(*target_iri);
    if (!source || !target) {
      return ErrorIn(item, what + ": source or target is not below the base");
    }
    std::optional<RelationKind> relation;
    if (relation_iri->compare(0, kNg.size(), kNg) == 0) {
      relation =
          ParseRelation(std::string_view(*relation_iri).substr(kNg.size()));
    }
    if (!relation) {
      return ErrorIn(item, what + ": unknown relation " + Quote(*relation_iri));
    }
    Edge edge;
    edge.relation = *relation;
    if (const rapidjson::Value* weight = Member(item, "weight")) {
      std::optional<uint64_t> n = UintOf(weight);
      if (!n) return ErrorIn(item, what + ": weight is not a count");
      edge.weight = *n;
    }
    std::string cameo_counts;
    bool have_cameo_counts = Member(item, "cameoCounts") != nullptr;
    for (Status s : {Text(item, "firstDate", &edge.first_date),
                     Text(item, "lastDate", &edge.last_date),
                     Strings(item, "document", &edge.documents),
                     Text(item, "cameoCounts", &cameo_counts)}) {
      if (!s.ok()) return s;
    }
    if (const rapidjson::Value* count = Member(item, "documentCount")) {
      std::optional<uint64_t> n = UintOf(count);
      if (!n || *n != edge.documents.size()) {
        return ErrorIn(item,
                       what + ": documentCount does not match the documents");
      }
    }
    if (const rapidjson::Value* evidence = Member(item, "evidence")) {
      if (!evidence->IsArray())
        return ErrorIn(item, what + ": evidence is not an array");
      for (const rapidjson::Value& e : evidence->GetArray()) {
        Evidence read;
        Status status = ReadEvidence(e, &read);
        if (!status.ok()) return ErrorIn(item, what + ": " + status.message());
        edge.evidence.push_back(std::move(read));
      }
    }
    if (have_cameo_counts) {
      std::optional<std::map<std::string, uint64_t>> counts =
          ParseCameoCounts(cameo_counts);
      if (!counts) return ErrorIn(item, what + ": malformed cameoCounts");
      edge.cameo_counts = std::move(*counts);
    } else {
      edge.cameo_counts = CameoCountsOfEvidence(edge);
    }
    Status added = graph_.AddEdge(*source, *target, std::move(edge));
    if (!added.ok()) return ErrorIn(item, what + ": " + added.message());
    return Status::Ok();
  }

  std::string_view name_;
  std::string_view bytes_;
  KnowledgeGraph& graph_;
  std::string buffer_;  // parsed in place
  rapidjson::Document json_;
  std::string base_;
  std::unordered_set<std::string> seen_;
};

}  // namespace

StatusOr<KnowledgeGraph> ReadGraph(std::string_view name,
                                   std::string_view bytes,
                                   size_t evidence_limit) {
  KnowledgeGraph graph(evidence_limit);
  size_t first = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") first = 3;
  while (first < bytes.size() &&
         (bytes[first] == ' ' || bytes[first] == '\t' || bytes[first] == '\n' ||
          bytes[first] == '\r')) {
    ++first;
  }
  Status status;
  if (first < bytes.size() && bytes[first] == '<') {
    status = GraphmlReader(name, bytes, &graph).Read();
  } else if (first < bytes.size() && bytes[first] == '{') {
    status = JsonldReader(name, bytes, &graph).Read();
  } else {
    status = ErrorAt(name, LineAt(bytes, first),
                     "not a graph newsgraph wrote (GraphML or JSON-LD)");
  }
  if (!status.ok()) return status;
  return graph;
}

}  // namespace newsgraph
