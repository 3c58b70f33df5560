#include "exporters/jsonld_writer.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <functional>
#include <set>
#include <sstream>
#include <string>

#include "graph/schema.h"
#include "tests/exporters/test_graphs.h"

namespace newsgraph {
namespace {

using testing_graphs::NastyText;
using testing_graphs::NastyTextCleaned;

std::string Jsonld(const KnowledgeGraph& graph,
                   const ExportOptions& options = ExportOptions()) {
  std::ostringstream out;
  Status status = WriteJsonld(graph, options, out);
  EXPECT_TRUE(status.ok()) << status.message();
  return out.str();
}

rapidjson::Document Parse(const std::string& json) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseValidateEncodingFlag>(json.c_str(), json.size());
  EXPECT_FALSE(doc.HasParseError())
      << "offset " << doc.GetErrorOffset() << " in\n"
      << json;
  return doc;
}

std::string Str(const rapidjson::Value& value) {
  return std::string(value.GetString(), value.GetStringLength());
}

// The @graph entry whose @id is `id`, or nullptr.
const rapidjson::Value* Find(const rapidjson::Document& doc,
                             const std::string& id) {
  for (const rapidjson::Value& entry : doc["@graph"].GetArray()) {
    if (entry.HasMember("@id") && Str(entry["@id"]) == id) return &entry;
  }
  return nullptr;
}

// Every @id, and every value of a term coerced to @id, anywhere.
void CollectIds(const rapidjson::Value& value,
                const std::set<std::string>& id_terms,
                std::vector<std::string>* out) {
  if (value.IsArray()) {
    for (const rapidjson::Value& v : value.GetArray()) {
      CollectIds(v, id_terms, out);
    }
    return;
  }
  if (!value.IsObject()) return;
  for (const auto& member : value.GetObject()) {
    const std::string key = Str(member.name);
    if (key == "@context") continue;
    if (key == "@id" || id_terms.count(key) > 0) {
      if (member.value.IsString()) out->push_back(Str(member.value));
      if (member.value.IsArray()) {
        for (const rapidjson::Value& v : member.value.GetArray()) {
          out->push_back(Str(v));
        }
      }
    } else {
      CollectIds(member.value, id_terms, out);
    }
  }
}

TEST(JsonldWriterTest, HasASelfContainedContext) {
  rapidjson::Document doc = Parse(Jsonld(testing_graphs::Tiny()));
  ASSERT_TRUE(doc.IsObject());
  ASSERT_TRUE(doc["@context"].IsObject());
  const rapidjson::Value& context = doc["@context"];
  EXPECT_FALSE(context.HasMember("@vocab"));
  EXPECT_FALSE(context.HasMember("@base"));
  EXPECT_EQ(Str(context["schema"]), "http://schema.org/");
  EXPECT_EQ(Str(context["ng"]), "https://newsgraph.dev/ns#");
  EXPECT_EQ(Str(context["xsd"]), "http://www.w3.org/2001/XMLSchema#");
  for (const RelationInfo& relation : AllRelations()) {
    const std::string name(relation.name);
    ASSERT_TRUE(context.HasMember(name.c_str())) << name;
    EXPECT_EQ(Str(context[name.c_str()]["@id"]), "ng:" + name);
    EXPECT_EQ(Str(context[name.c_str()]["@type"]), "@id");
  }
  EXPECT_EQ(Str(context["mentions"]["@type"]), "xsd:integer");
  EXPECT_EQ(Str(context["confidence"]["@type"]), "xsd:decimal");
  EXPECT_EQ(Str(context["startDate"]["@type"]), "xsd:date");
  // Every key used outside the context is a keyword, a term or a compact
  // IRI with a declared prefix.
  std::function<void(const rapidjson::Value&)> check_keys =
      [&](const rapidjson::Value& value) {
        if (value.IsArray()) {
          for (const rapidjson::Value& v : value.GetArray()) check_keys(v);
        }
        if (!value.IsObject()) return;
        for (const auto& member : value.GetObject()) {
          const std::string key = Str(member.name);
          if (key == "@context") continue;
          EXPECT_TRUE(key[0] == '@' || context.HasMember(key.c_str())) << key;
          check_keys(member.value);
        }
      };
  check_keys(doc);
}

TEST(JsonldWriterTest, NoRelationIsNamedLikeAFixedTerm) {
  const std::vector<std::string_view>& fixed = JsonldFixedTerms();
  std::set<std::string_view> terms(fixed.begin(), fixed.end());
  EXPECT_EQ(terms.size(), fixed.size());
  for (const RelationInfo& relation : AllRelations()) {
    EXPECT_EQ(terms.count(relation.name), 0u) << relation.name;
  }
  for (const NodeKindInfo& kind : AllNodeKinds()) {
    EXPECT_EQ(terms.count(kind.name), 0u) << kind.name;
  }
}

TEST(JsonldWriterTest, EveryIdIsAnAbsoluteIri) {
  rapidjson::Document doc = Parse(Jsonld(testing_graphs::Tiny()));
  std::set<std::string> id_terms = {"source", "target", "sameAs"};
  for (const RelationInfo& relation : AllRelations()) {
    id_terms.emplace(relation.name);
  }
  std::vector<std::string> ids;
  CollectIds(doc, id_terms, &ids);
  EXPECT_EQ(ids.size(), 16u);  // 8 @ids, 2 sameAs, 2 triples, 4 ends
  for (const std::string& id : ids) {
    EXPECT_TRUE(id.rfind("https://newsgraph.dev/id/", 0) == 0 ||
                id.rfind("http://www.wikidata.org/entity/Q", 0) == 0)
        << id;
  }
}

TEST(JsonldWriterTest, NodesCarryTypesNamesAndDirectTriples) {
  rapidjson::Document doc = Parse(Jsonld(testing_graphs::Tiny()));
  ASSERT_EQ(doc["@graph"].Size(), 1u + 3u + 2u);  // graph, nodes, mentions

  const rapidjson::Value* graph = Find(doc, "https://newsgraph.dev/id/;graph");
  ASSERT_NE(graph, nullptr);
  EXPECT_EQ(Str((*graph)["@type"]), "ng:KnowledgeGraph");
  EXPECT_EQ(Str((*graph)["nodeCount"]), "3");
  EXPECT_EQ(Str((*graph)["edgeCount"]), "2");
  EXPECT_EQ(Str((*graph)["documentCount"]), "1");

  const rapidjson::Value* kerry =
      Find(doc, "https://newsgraph.dev/id/official/john-kerry");
  ASSERT_NE(kerry, nullptr);
  EXPECT_EQ(Str((*kerry)["@type"][0]), "schema:Person");
  EXPECT_EQ(Str((*kerry)["@type"][1]), "ng:Official");
  EXPECT_EQ(Str((*kerry)["name"]), "John Kerry");
  EXPECT_EQ(Str((*kerry)["alternateName"][0]), "Kerry");
  EXPECT_EQ(Str((*kerry)["jobTitle"]), "Secretary of State");
  EXPECT_EQ(Str((*kerry)["mentions"]), "2");
  EXPECT_EQ(Str((*kerry)["firstDate"]), "2014-03-01");
  ASSERT_TRUE((*kerry)["accuses"].IsArray());
  EXPECT_EQ(Str((*kerry)["accuses"][0]),
            "https://newsgraph.dev/id/country/RUS");
  EXPECT_EQ(Str((*kerry)["affiliated_with"][0]),
            "https://newsgraph.dev/id/country/USA");

  const rapidjson::Value* usa =
      Find(doc, "https://newsgraph.dev/id/country/USA");
  ASSERT_NE(usa, nullptr);
  EXPECT_EQ(Str((*usa)["@type"][0]), "schema:Country");
  EXPECT_EQ(Str((*usa)["sameAs"]), "http://www.wikidata.org/entity/Q30");
  EXPECT_EQ(Str((*usa)["isoCode"]), "USA");
  EXPECT_FALSE(usa->HasMember("accuses"));
}

TEST(JsonldWriterTest, EachEdgeHasAMentionNodeWithItsEvidence) {
  rapidjson::Document doc = Parse(Jsonld(testing_graphs::Tiny()));
  const std::string iri =
      "https://newsgraph.dev/id/official/john-kerry;accuses;country/RUS";
  const rapidjson::Value* mention = Find(doc, iri);
  ASSERT_NE(mention, nullptr);
  const rapidjson::Value& m = *mention;
  EXPECT_EQ(Str(m["@type"]), "ng:RelationMention");
  EXPECT_EQ(Str(m["source"]), "https://newsgraph.dev/id/official/john-kerry");
  EXPECT_EQ(Str(m["relation"]), "ng:accuses");
  EXPECT_EQ(Str(m["target"]), "https://newsgraph.dev/id/country/RUS");
  EXPECT_EQ(Str(m["cameo"]), "112");
  EXPECT_EQ(Str(m["category"]), "interaction");
  EXPECT_EQ(Str(m["weight"]), "1");
  EXPECT_EQ(Str(m["documentCount"]), "1");
  EXPECT_EQ(Str(m["document"][0]), "doc-1");
  EXPECT_EQ(Str(m["confidence"]), "0.9");
  ASSERT_EQ(m["evidence"].Size(), 1u);
  const rapidjson::Value& e = m["evidence"][0];
  EXPECT_EQ(Str(e["@id"]), iri + ";0");
  EXPECT_EQ(Str(e["@type"]), "ng:Evidence");
  EXPECT_EQ(Str(e["document"]), "doc-1");
  EXPECT_EQ(Str(e["begin"]), "0");
  EXPECT_EQ(Str(e["end"]), "35");
  EXPECT_EQ(Str(e["text"]), "Kerry accused Russia of aggression.");
  EXPECT_EQ(Str(e["trigger"]), "accused");
  EXPECT_EQ(Str(e["rule"]), "accuse_verb");
  EXPECT_EQ(Str(e["date"]), "2014-03-01");

  const rapidjson::Value* structural =
      Find(doc,
           "https://newsgraph.dev/id/official/"
           "john-kerry;affiliated_with;country/USA");
  ASSERT_NE(structural, nullptr);
  EXPECT_FALSE(structural->HasMember("cameo"));
  EXPECT_EQ(Str((*structural)["category"]), "structural");
  EXPECT_FALSE((*structural)["evidence"][0].HasMember("date"));
}

TEST(JsonldWriterTest, PartialAndInvalidDatesAreNotTypedAsXsdDate) {
  KnowledgeGraph graph;
  const std::pair<const char*, const char*> events[] = {
      {"event:a", "2014-03"}, {"event:b", "2014"}, {"event:c", "March 2014"}};
  for (const auto& [id, date] : events) {
    Node node;
    node.id = id;
    node.kind = NodeKind::kEvent;
    node.date = date;
    graph.AddNode(node);
  }
  rapidjson::Document doc = Parse(Jsonld(graph));
  const rapidjson::Value* a = Find(doc, "https://newsgraph.dev/id/event/a");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(Str((*a)["startDate"]["@value"]), "2014-03");
  EXPECT_EQ(Str((*a)["startDate"]["@type"]), "xsd:gYearMonth");
  const rapidjson::Value* b = Find(doc, "https://newsgraph.dev/id/event/b");
  EXPECT_EQ(Str((*b)["startDate"]["@type"]), "xsd:gYear");
  const rapidjson::Value* c = Find(doc, "https://newsgraph.dev/id/event/c");
  EXPECT_EQ(Str((*c)["startDate"]["@value"]), "March 2014");
  EXPECT_FALSE((*c)["startDate"].HasMember("@type"));
}

TEST(JsonldWriterTest, NastyTextGivesValidJson) {
  KnowledgeGraph graph;
  Node a;
  a.id = "org:nasty \"<&>";
  a.label = NastyText();
  a.aliases = {NastyText() + "2"};
  a.wikidata = "Q1 bad";  // not an entity id: no sameAs
  graph.AddNode(a);
  Node b;
  b.id = "org:plain";
  graph.AddNode(b);
  Evidence e;
  e.document = NastyText();
  e.text = NastyText();
  ASSERT_TRUE(graph.AddRelation(a.id, RelationKind::kSanctions, b.id, e).ok());
  const std::string json = Jsonld(graph);
  rapidjson::Document doc = Parse(json);
  const std::string iri = "https://newsgraph.dev/id/org/nasty%20%22%3C%26%3E";
  const rapidjson::Value* node = Find(doc, iri);
  ASSERT_NE(node, nullptr);
  EXPECT_EQ(Str((*node)["name"]), NastyTextCleaned());
  EXPECT_EQ(Str((*node)["alternateName"][0]), NastyTextCleaned() + "2");
  EXPECT_EQ(Str((*node)["wikidata"]), "Q1 bad");
  EXPECT_FALSE(node->HasMember("sameAs"));
  const rapidjson::Value* mention = Find(doc, iri + ";sanctions;org/plain");
  ASSERT_NE(mention, nullptr);
  EXPECT_EQ(Str((*mention)["document"][0]), NastyTextCleaned());
  EXPECT_EQ(Str((*mention)["evidence"][0]["text"]), NastyTextCleaned());
}

TEST(JsonldWriterTest, OutputDoesNotDependOnInsertionOrder) {
  EXPECT_EQ(Jsonld(testing_graphs::Tiny(false)),
            Jsonld(testing_graphs::Tiny(true)));
}

TEST(JsonldWriterTest, BaseIriIsConfigurable) {
  ExportOptions options;
  options.base_iri = "urn:example:";
  rapidjson::Document doc = Parse(Jsonld(testing_graphs::Tiny(), options));
  EXPECT_NE(Find(doc, "urn:example:country/USA"), nullptr);
  EXPECT_NE(Find(doc, "urn:example:;graph"), nullptr);
  EXPECT_NE(Find(doc, "urn:example:official/john-kerry;accuses;country/RUS"),
            nullptr);
}

}  // namespace
}  // namespace newsgraph
