#include "cli/stats_command.h"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "cli/build_command.h"
#include "cli/byte_source.h"
#include "exporters/graph_reader.h"
#include "graph/schema.h"

namespace newsgraph {
namespace cli {
namespace {

// Text for one terminal line: tabs and line breaks become spaces.
std::string OneLine(std::string_view text) {
  std::string line(text);
  for (char& c : line) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return line;
}

std::string Label(const Node& node) {
  return OneLine(node.label.empty() ? node.id : node.label);
}

std::string PadLeft(const std::string& text, size_t width) {
  return text.size() >= width ? text
                              : std::string(width - text.size(), ' ') + text;
}

std::string PadRight(std::string_view text, size_t width) {
  std::string padded(text);
  if (padded.size() < width) padded.append(width - padded.size(), ' ');
  return padded;
}

size_t Digits(uint64_t n) { return std::to_string(n).size(); }

std::string Plural(uint64_t n, const char* singular, const char* plural) {
  return std::to_string(n) + " " + (n == 1 ? singular : plural);
}

// "(2014-03-01)", "(2014-03-01 to 2014-03-05)" or "".
std::string DateRange(const std::string& first, const std::string& last) {
  if (first.empty() && last.empty()) return "";
  if (first == last || last.empty()) return " (" + first + ")";
  if (first.empty()) return " (" + last + ")";
  return " (" + first + " to " + last + ")";
}

}  // namespace

std::string StatsText(const GraphStats& stats, std::string_view name) {
  std::string out = OneLine(name) + ": " +
                    Plural(stats.documents, "document", "documents") + ", " +
                    Plural(stats.nodes, "node", "nodes") + ", " +
                    Plural(stats.edges, "edge", "edges") + ", " +
                    Plural(stats.mentions, "mention", "mentions") + "\n";
  out += "dates: ";
  out += stats.first_date.empty() ? "unknown"
         : stats.first_date == stats.last_date
             ? stats.first_date
             : stats.first_date + " to " + stats.last_date;
  out += "\n";

  out += "\nnodes by kind:\n";
  size_t kind_width = 0;
  uint64_t most_nodes = 0;
  for (const GraphStats::KindCount& k : stats.nodes_by_kind) {
    kind_width = std::max(kind_width, Name(k.kind).size());
    most_nodes = std::max(most_nodes, k.nodes);
  }
  for (const GraphStats::KindCount& k : stats.nodes_by_kind) {
    out += "  " + PadRight(Name(k.kind), kind_width) + "  " +
           PadLeft(std::to_string(k.nodes), Digits(most_nodes)) + "\n";
  }

  std::vector<const GraphStats::RelationCount*> relations;
  size_t relation_width = 0;
  uint64_t most_edges = 0, most_mentions = 0;
  for (const GraphStats::RelationCount& r : stats.edges_by_relation) {
    if (r.edges == 0) continue;
    relations.push_back(&r);
    relation_width = std::max(relation_width, Name(r.relation).size());
    most_edges = std::max(most_edges, r.edges);
    most_mentions = std::max(most_mentions, r.mentions);
  }
  if (relations.empty()) {
    out += "\nedges by relation: none\n";
  } else {
    static constexpr std::string_view kTitle = "edges by relation:";
    relation_width = std::max(relation_width, kTitle.size() - 2);
    const size_t edges_width = std::max<size_t>(5, Digits(most_edges));
    const size_t mentions_width = std::max<size_t>(8, Digits(most_mentions));
    out += "\n" + PadRight(kTitle, relation_width + 2) + "  " +
           PadLeft("edges", edges_width) + "  " +
           PadLeft("mentions", mentions_width) + "\n";
    for (const GraphStats::RelationCount* r : relations) {
      out += "  " + PadRight(Name(r->relation), relation_width) + "  " +
             PadLeft(std::to_string(r->edges), edges_width) + "  " +
             PadLeft(std::to_string(r->mentions), mentions_width) + "\n";
    }
  }

  if (stats.top_actors.empty()) {
    out += "\nmost connected actors: none\n";
  } else {
    out += "\nmost connected actors (mentions in interaction relations):\n";
    const size_t rank_width = Digits(stats.top_actors.size());
    const size_t n_width =
        std::max<size_t>(8, Digits(stats.top_actors.front().weighted_degree));
    out += "  " + PadLeft("#", rank_width) + "  " +
           PadLeft("mentions", n_width) + "  " + PadLeft("out", n_width) +
           "  " + PadLeft("in", n_width) + "  " + PadLeft("edges", n_width) +
           "  actor\n";
    size_t rank = 0;
    for (const GraphStats::Actor& a : stats.top_actors) {
      out += "  " + PadLeft(std::to_string(++rank), rank_width) + "  " +
             PadLeft(std::to_string(a.weighted_degree), n_width) + "  " +
             PadLeft(std::to_string(a.mentions_out), n_width) + "  " +
             PadLeft(std::to_string(a.mentions_in), n_width) + "  " +
             PadLeft(std::to_string(a.edges), n_width) + "  " + Label(*a.node) +
             " (" + OneLine(a.node->id) + ")\n";
    }
  }

  if (stats.top_relations.empty()) {
    out += "\nmost frequent relations: none\n";
  } else {
    out += "\nmost frequent relations:\n";
    const size_t rank_width = Digits(stats.top_relations.size());
    const size_t n_width =
        std::max<size_t>(8, Digits(stats.top_relations.front().edge->weight));
    out += "  " + PadLeft("#", rank_width) + "  " +
           PadLeft("mentions", n_width) + "  relation\n";
    size_t rank = 0;
    for (const KnowledgeGraph::EdgeView& view : stats.top_relations) {
      const Edge& edge = *view.edge;
      out += "  " + PadLeft(std::to_string(++rank), rank_width) + "  " +
             PadLeft(std::to_string(edge.weight), n_width) + "  " +
             Label(*view.source) + " " + std::string(Name(edge.relation)) +
             " " + Label(*view.target) +
             OneLine(DateRange(edge.first_date, edge.last_date)) + "\n";
    }
  }
  return out;
}

std::string StatsJson(const GraphStats& stats, std::string_view name) {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
  w.SetIndent(' ', 2);
  auto key = [&](std::string_view k) {
    w.Key(k.data(), static_cast<rapidjson::SizeType>(k.size()));
  };
  auto string = [&](std::string_view s) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  };
  auto date = [&](std::string_view k, const std::string& value) {
    key(k);
    if (value.empty()) {
      w.Null();
    } else {
      string(value);
    }
  };
  auto count = [&](std::string_view k, uint64_t value) {
    key(k);
    w.Uint64(value);
  };

  w.StartObject();
  key("file");
  string(name);
  count("documents", stats.documents);
  count("nodes", stats.nodes);
  count("edges", stats.edges);
  count("mentions", stats.mentions);
  date("first_date", stats.first_date);
  date("last_date", stats.last_date);
  key("nodes_by_kind");
  w.StartObject();
  for (const GraphStats::KindCount& k : stats.nodes_by_kind) {
    count(Name(k.kind), k.nodes);
  }
  w.EndObject();
  key("edges_by_relation");
  w.StartObject();
  for (const GraphStats::RelationCount& r : stats.edges_by_relation) {
    key(Name(r.relation));
    w.StartObject();
    count("edges", r.edges);
    count("mentions", r.mentions);
    w.EndObject();
  }
  w.EndObject();
  key("top_actors");
  w.StartArray();
  for (const GraphStats::Actor& a : stats.top_actors) {
    w.StartObject();
    key("id");
    string(a.node->id);
    key("label");
    string(a.node->label);
    key("type");
    string(Name(a.node->kind));
    count("weighted_degree", a.weighted_degree);
    count("mentions_out", a.mentions_out);
    count("mentions_in", a.mentions_in);
    count("edges", a.edges);
    w.EndObject();
  }
  w.EndArray();
  key("top_relations");
  w.StartArray();
  for (const KnowledgeGraph::EdgeView& view : stats.top_relations) {
    w.StartObject();
    key("source");
    string(view.source->id);
    key("source_label");
    string(view.source->label);
    key("relation");
    string(Name(view.edge->relation));
    key("target");
    string(view.target->id);
    key("target_label");
    string(view.target->label);
    count("mentions", view.edge->weight);
    count("documents", view.edge->documents.size());
    date("first_date", view.edge->first_date);
    date("last_date", view.edge->last_date);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

int RunStats(const StatsOptions& options, std::FILE* out, std::FILE* err) {
  auto fail = [&](const std::string& message) {
    std::fprintf(err, "newsgraph: error: %s\n", message.c_str());
    return kExitFailed;
  };
  StatusOr<std::unique_ptr<ByteSource>> source =
      ByteSource::Open(options.input);
  if (!source.ok()) return fail(source.status().message());
  std::string bytes;
  while (true) {
    StatusOr<size_t> n = (*source)->Read(1 << 20, &bytes);
    if (!n.ok()) return fail(n.status().message());
    if (*n == 0) break;
  }
  // Statistics count no evidence: keep as little as the reader allows (0
  // would keep it all).
  StatusOr<KnowledgeGraph> graph = ReadGraph((*source)->name(), bytes, 1);
  if (!graph.ok()) return fail(graph.status().message());
  const GraphStats stats = ComputeStats(*graph, options.top);
  const std::string text = options.json ? StatsJson(stats, options.input)
                                        : StatsText(stats, options.input);
  std::fputs(text.c_str(), out);
  if (std::fflush(out) != 0 || std::ferror(out)) {
    return fail("standard output: write failed");
  }
  return kExitOk;
}

}  // namespace cli
}  // namespace newsgraph
