// Fuzz target: export followed by re-import. The bytes describe a graph
// (nodes of every kind with any text in their labels, aliases and
// attributes; relations with any evidence); it is written in every format,
// each output checked (export_checks.h), and its GraphML and JSON-LD read
// back with ReadGraph(). When the first byte is odd, every string is
// first made what the writers make of it (exporters_internal::
// AppendCleanText: valid UTF-8, no XML-forbidden character), and writing
// the graph read back must then give the same bytes again. (Raw bytes are
// repaired on the way out, and the repaired strings may sort differently.)
//
// Node ids stay in the alphabet the extractors use ("country:USA",
// "official:john-kerry"); every other string may hold any bytes: invalid
// UTF-8, controls, U+FFFE, markup, quotes, "]]>", right-to-left marks,
// except that the items GraphML joins with '|' (aliases, and the labels
// that become aliases when nodes merge; document ids; CAMEO codes) hold no
// '|' and are not empty, and document ids are valid UTF-8, as in graphs the
// pipeline builds. (Both are known limits of the GraphML writer and reader:
// a '|' inside an item splits it, and two ids the writer repairs alike
// make "2 documents but 1 document ids".)
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

#include "export_checks.h"
#include "exporters/internal/text.h"
#include "fuzz_checks.h"
#include "graph/knowledge_graph.h"
#include "graph/schema.h"

namespace {

using newsgraph::fuzz::ByteReader;

// Strings worth trying often, whole.
const char* const kSpecial[] = {
    "",
    "<",
    "&",
    "\"",
    "'",
    "]]>",
    "--",
    "\\",
    "a\r\nb",
    "\xE2\x80\x8F",
    "\xEF\xBF\xBE",
    "\xED\xA0\x80",
    "\xF0\x9F\x98\x80",
    "e\xCC\x81",
    "\x01",
    "&amp;",
    "@id",
    "http://x/y",
    "a|b",
    "{\"a\":1}",
};

bool g_clean = false;  // for this input: strings as the writers clean them

std::string Text(ByteReader& in, size_t max) {
  const uint8_t choice = in.Byte();
  const std::string raw =
      choice < 40 ? kSpecial[choice % (sizeof kSpecial / sizeof kSpecial[0])]
                  : in.String(max);
  if (!g_clean) return raw;
  std::string clean;
  newsgraph::exporters_internal::AppendCleanText(raw, &clean);
  return clean;
}

// An item of a list GraphML writes joined with '|'.
std::string Item(ByteReader& in, size_t max) {
  std::string item = Text(in, max);
  for (char& c : item) {
    if (c == '|') c = '/';
  }
  return item.empty() ? "x" : item;
}

// A document id: an Item, valid UTF-8 (the readers repair ids).
std::string DocumentId(ByteReader& in) {
  std::string clean;
  newsgraph::exporters_internal::AppendCleanText(Item(in, 12), &clean);
  return clean;
}

std::string Slug(ByteReader& in) {
  static constexpr char kAlphabet[] =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.";
  std::string slug = in.String(10);
  for (char& c : slug) {
    c = kAlphabet[static_cast<unsigned char>(c) % (sizeof kAlphabet - 1)];
  }
  return slug;
}

std::string Date(ByteReader& in) {
  const uint8_t choice = in.Byte() % 4;
  if (choice == 0) return "";
  if (choice == 1) return Text(in, 12);
  char date[16];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", 1990 + in.Byte() % 40,
                1 + in.Byte() % 12, 1 + in.Byte() % 31);
  return date;
}

double Confidence(ByteReader& in) {
  static const double kValues[] = {0,
                                   1,
                                   0.5,
                                   0.9,
                                   0.123,
                                   1e-7,
                                   0.3333333333333333,
                                   std::numeric_limits<double>::quiet_NaN(),
                                   std::numeric_limits<double>::infinity(),
                                   -1};
  return kValues[in.Below(sizeof kValues / sizeof kValues[0])];
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  ByteReader in(data, size);
  g_clean = in.Byte() % 2 == 1;
  const auto& kinds = newsgraph::AllNodeKinds();
  const auto& relations = newsgraph::AllRelations();
  newsgraph::KnowledgeGraph graph(/*evidence_limit=*/in.Below(4));
  std::vector<std::string> ids;
  while (!in.empty()) {
    switch (in.Below(3)) {
      case 0: {
        const newsgraph::NodeKindInfo& kind = kinds[in.Below(kinds.size())];
        newsgraph::Node node;
        node.kind = kind.kind;
        node.id = std::string(kind.id_prefix) + ":" + Slug(in);
        node.label = Item(in, 24);  // a label that loses becomes an alias
        for (size_t n = in.Below(3); n > 0; --n) {
          node.aliases.insert(Item(in, 16));
        }
        node.iso_code = Text(in, 4);
        node.wikidata = Text(in, 6);
        node.role = Text(in, 16);
        node.date = Date(in);
        node.mentions = in.Byte();
        node.first_date = Date(in);
        node.last_date = Date(in);
        graph.AddNode(node);
        ids.push_back(node.id);
        break;
      }
      case 1: {
        if (ids.empty()) break;
        const std::string& source = ids[in.Below(ids.size())];
        const std::string& target = ids[in.Below(ids.size())];
        newsgraph::Evidence e;
        e.document = DocumentId(in);
        e.sentence = in.Byte();
        e.begin = in.Byte();
        e.end = e.begin + in.Byte();
        e.text = Text(in, 40);
        e.trigger = Text(in, 12);
        e.rule = Text(in, 12);
        e.confidence = Confidence(in);
        e.date = Date(in);
        e.cameo = Item(in, 4);
        // Fails, harmlessly, for a relation from a node to itself.
        (void)graph.AddRelation(
            source, relations[in.Below(relations.size())].kind, target, e);
        break;
      }
      case 2:
        graph.AddDocuments(in.Byte());
        break;
    }
  }
  newsgraph::fuzz::CheckExports(graph, /*round_trip=*/g_clean);
  return 0;
}
