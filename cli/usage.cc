#include "cli/usage.h"

#ifndef NEWSGRAPH_VERSION
#error "NEWSGRAPH_VERSION must be defined by the build (cli/CMakeLists.txt)"
#endif

namespace newsgraph {
namespace cli {
namespace {

constexpr char kOverview[] =
    R"(newsgraph builds a knowledge graph of international affairs from news
articles: who (countries, officials, organizations) did what (consults,
accuses, sanctions ...) to whom, when, with the sentences that say so.

Usage:
  newsgraph build INPUT... -o FILE [options]
                          read articles, write their graph to FILE
  newsgraph merge PART... -o FILE [options]
                          merge graphs newsgraph wrote (the parts of a
                          sharded build) into one
  newsgraph stats FILE [--json]
                          print what a graph file holds: nodes and edges
                          by kind, the most connected actors, the most
                          frequent relations, the dates
  newsgraph help [COMMAND]
                          show this help, or the options of a command
  newsgraph --version     print the version

Run 'newsgraph help build' for the inputs, options, formats and exit codes.
)";

constexpr char kMerge[] =
    R"(Usage: newsgraph merge PART... -o FILE [options]

Reads graphs that newsgraph wrote (GraphML or JSON-LD; .gz, or - for
standard input) and writes their union to FILE: the same graph, byte for
byte, as one build over all the parts' inputs, provided every part was
built with the same lexicons and --evidence, and no document is in two
parts. Split a corpus into shards, build each anywhere (the map step),
then merge the parts (the reduce step).

Options:
  -o, --output FILE    the graph file to write ("-": standard output),
                       replaced only when complete
  --format FORMAT      the output format, as for build; by default told
                       from FILE's extension
  --evidence K         keep at most K evidence sentences per edge (default
                       5, as build; 0: keep all the parts carry)
  -q, --quiet          print only errors
  -h, --help           show this help

Exit status: 0 merged and written; 1 a part could not be read (nothing is
written) or FILE could not be written; 2 usage error.
)";

constexpr char kStats[] =
    R"(Usage: newsgraph stats FILE [--json] [--top N]

Reads a graph that newsgraph wrote (GraphML or JSON-LD; .gz, or - for
standard input) and prints what it holds: documents, nodes, edges and
mentions; the dates it spans; nodes by kind and edges by relation; the most
connected actors (countries, officials, organizations), ranked by the
mentions of the interaction relations they take part in as source or
target (structural links such as an official's affiliation are not
counted); and the most frequent relations between pairs.

Options:
  --json      print one JSON object instead, for scripts
  --top N     list at most N actors and N relations (default 10)
  -h, --help  show this help

Exit status: 0 printed; 1 FILE could not be read or is not a graph
newsgraph wrote; 2 usage error.

Examples:
  newsgraph stats out/samples.graphml
  newsgraph stats news.jsonld.gz --json --top 25 > stats.json
)";

constexpr char kBuild[] =
    R"(Usage: newsgraph build INPUT... -o FILE [options]

Reads every INPUT, extracts countries, officials, organizations, events and
the relations between them, and writes one graph to FILE.

Inputs:
  FILE          a plain-text (.txt), HTML (.html) or JSON Lines (.jsonl)
                article file; the format is told from the name and the
                first bytes, so any name works. A .gz file is decompressed.
  DIRECTORY     every .txt .text .html .htm .jsonl .ndjson file (also .gz)
                below it, in sorted order; hidden files and folders are
                skipped, and so is .json (often not articles: name such
                files explicitly)
  -             standard input

Options:
  -o, --output FILE    the graph file to write ("-": standard output). It is
                       written to FILE.tmp.XXXXXX and renamed over FILE
                       when complete, so FILE is never half-written
  --format FORMAT      graphml, graphml-gephi, jsonld, gexf or csv; by
                       default told from FILE's extension (.graphml,
                       .jsonld, .gexf, .csv). graphml-gephi adds Gephi's
                       edge kind, colours and sizes (not XSD-valid); gexf
                       is Gephi's own format, with a timeline when dates
                       are known; csv writes TWO files for neo4j-admin
                       import and spreadsheets: -o out/graph.csv writes
                       out/graph.nodes.csv and out/graph.relationships.csv
                       (not to standard output)
  --lexicon FILE       add a lexicon file (countries, organizations,
                       officials, titles, triggers; see
                       extractors/lexicons/README.md); may be repeated
  -j, --threads N      worker threads (default: one per core; 0: the same).
                       The output is byte-identical for every N
  --evidence K         keep at most K evidence sentences per edge
                       (default 5; 0: keep all). Counts, dates and
                       documents are always complete
  --max-bytes SIZE     skip a file (or a JSON Lines line) larger than SIZE,
                       e.g. 65536, 512K, 64M, 1G (default 64M; 0: no limit)
  -q, --quiet          print only errors: no warnings, progress or summary
  -v, --verbose        also print notes (harmless conversions: encodings,
                       byte order marks, line endings)
  -h, --help           show this help

Messages go to standard error: "newsgraph: warning: WHERE: what" for a
repaired problem in the data, "newsgraph: error: WHERE: what" for an input
that was skipped, and a summary line at the end.

Exit status:
  0  every input was read
  1  some input failed (missing, unreadable, binary, too large, a malformed
     record) and was skipped -- the graph of the rest is still written --
     or the output could not be written
  2  usage error (bad option, unknown format, bad lexicon); nothing was done

Examples:
  newsgraph build samples/ -o out/samples.graphml
  newsgraph build news.jsonl.gz -o news.jsonld --threads 2
  newsgraph build samples/ -o out/samples.gexf
  newsgraph build samples/ -o out/samples.csv
  cat article.txt | newsgraph build - -o - --format graphml
)";

}  // namespace

std::string VersionText() {
  return std::string("newsgraph ") + NEWSGRAPH_VERSION;
}

std::string HelpText(std::string_view topic) {
  if (topic == "build") return kBuild;
  if (topic == "merge") return kMerge;
  if (topic == "stats") return kStats;
  return kOverview;
}

std::string UsageHint() {
  return "usage: newsgraph build INPUT... -o FILE [options]\n"
         "Run 'newsgraph help build' for more information.\n";
}

}  // namespace cli
}  // namespace newsgraph
