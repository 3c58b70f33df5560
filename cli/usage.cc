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
  newsgraph help [build]  show this help, or the options of build
  newsgraph --version     print the version

Run 'newsgraph help build' for the inputs, options, formats and exit codes.
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
  --format FORMAT      graphml, graphml-gephi or jsonld; by default told
                       from FILE's extension (.graphml, .jsonld)
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
  cat article.txt | newsgraph build - -o - --format graphml
)";

}  // namespace

std::string VersionText() {
  return std::string("newsgraph ") + NEWSGRAPH_VERSION;
}

std::string HelpText(std::string_view topic) {
  if (topic == "build") return kBuild;
  return kOverview;
}

std::string UsageHint() {
  return "usage: newsgraph build INPUT... -o FILE [options]\n"
         "Run 'newsgraph help build' for more information.\n";
}

}  // namespace cli
}  // namespace newsgraph
