#include "tests/exporters/test_graphs.h"

#include <vector>

namespace newsgraph {
namespace testing_graphs {

KnowledgeGraph Tiny(bool reverse) {
  Node kerry;
  kerry.id = "official:john-kerry";
  kerry.kind = NodeKind::kOfficial;
  kerry.label = "John Kerry";
  kerry.aliases = {"Kerry", "Secretary Kerry"};
  kerry.role = "Secretary of State";
  kerry.mentions = 2;
  kerry.first_date = "2014-03-01";
  kerry.last_date = "2014-03-01";

  Node usa;
  usa.id = "country:USA";
  usa.kind = NodeKind::kCountry;
  usa.label = "United States";
  usa.iso_code = "USA";
  usa.wikidata = "Q30";
  usa.mentions = 1;

  Node russia;
  russia.id = "country:RUS";
  russia.kind = NodeKind::kCountry;
  russia.label = "Russia";
  russia.iso_code = "RUS";
  russia.wikidata = "Q159";
  russia.mentions = 1;

  Evidence accusation;
  accusation.document = "doc-1";
  accusation.sentence = 0;
  accusation.begin = 0;
  accusation.end = 35;
  accusation.text = "Kerry accused Russia of aggression.";
  accusation.trigger = "accused";
  accusation.rule = "accuse_verb";
  accusation.confidence = 0.9;
  accusation.date = "2014-03-01";
  accusation.cameo = "112";

  Evidence title;
  title.document = "doc-1";
  title.sentence = 1;
  title.begin = 36;
  title.end = 77;
  title.text = "U.S. Secretary of State John Kerry spoke.";
  title.trigger = "Secretary of State";
  title.rule = "title_apposition";
  title.confidence = 1.0;

  KnowledgeGraph graph;
  graph.AddDocuments(1);
  std::vector<const Node*> nodes = {&kerry, &usa, &russia};
  if (reverse) nodes = {&russia, &usa, &kerry};
  for (const Node* node : nodes) graph.AddNode(*node);
  auto accuse = [&] {
    (void)graph.AddRelation(kerry.id, RelationKind::kAccuses, russia.id,
                            accusation);
  };
  auto affiliate = [&] {
    (void)graph.AddRelation(kerry.id, RelationKind::kAffiliatedWith, usa.id,
                            title);
  };
  if (reverse) {
    affiliate();
    accuse();
  } else {
    accuse();
    affiliate();
  }
  return graph;
}

std::string NastyText() {
  return std::string(
             "<b>Tom & \"Jerry\" 'x' ]]> -- end</b>"
             "|nul:") +
         std::string(1, '\0') +
         "|c0:\x01\x08\x0B\x0C\x1F\x7F"
         "|tab:\t|cr:\r|crlf:\r\n|lf:\n"
         "|bad:\xFF\xC3|trunc:\xE2\x82|over:\xC0\xAF|sur:\xED\xA0\x80"
         "|nonchar:\xEF\xBF\xBE\xEF\xBF\xBF"
         "|rtl:\xE2\x80\x8F\xD8\xA7\xD9\x84\xD9\x82\xD8\xAF\xD8\xB3"
         "\xE2\x80\xAE|emoji:\xF0\x9F\x98\x80\xF0\x9F\x87\xBA\xF0\x9F\x87\xB8";
}

std::string NastyTextCleaned() {
  const std::string fffd = "\xEF\xBF\xBD";
  return "<b>Tom & \"Jerry\" 'x' ]]> -- end</b>"
         "|nul: "
         "|c0:     \x7F"
         "|tab:\t|cr:\r|crlf:\r\n|lf:\n"
         "|bad:" +
         fffd + fffd + "|trunc:" + fffd + "|over:" + fffd + fffd +
         "|sur:" + fffd + fffd + fffd +
         "|nonchar:  "
         "|rtl:\xE2\x80\x8F\xD8\xA7\xD9\x84\xD9\x82\xD8\xAF\xD8\xB3"
         "\xE2\x80\xAE|emoji:\xF0\x9F\x98\x80\xF0\x9F\x87\xBA\xF0\x9F\x87\xB8";
}

}  // namespace testing_graphs
}  // namespace newsgraph
