// Exporters: write a KnowledgeGraph in a file format that graph tools read.
//
// Every writer streams straight into a std::ostream (no document tree), reads
// the graph only through its sorted views, and so produces the same bytes for
// the same graph whatever the order in which it was built. Text from the
// graph is made safe on the way out (invalid UTF-8 becomes U+FFFD, characters
// XML 1.0 forbids become spaces), so any graph gives a file its readers load.
// See ../shared/FORMATS.md for what each reader accepts.
//
// All functions here are thread-safe: they keep no state between calls, and
// several threads may export the same (unmodified) graph at once.
#ifndef NEWSGRAPH_EXPORTERS_EXPORTERS_H_
#define NEWSGRAPH_EXPORTERS_EXPORTERS_H_

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "graph/knowledge_graph.h"
#include "graph/status.h"

namespace newsgraph {

// An output format. New formats (gexf, csv ...) are added at the end.
enum class Format {
  // GraphML in the one profile that Gephi, Gephi Lite, NetworkX, igraph and
  // Cytoscape all load; valid against the GraphML 1.0 XSD.
  kGraphml,
  // The same GraphML plus Gephi's and Neo4j APOC's non-standard extensions
  // (the relation as the <edge label="..."> attribute, node size and colour).
  // Not valid against the XSD.
  kGraphmlGephi,
  // One self-contained JSON-LD document (inline @context, absolute IRIs).
  kJsonld,
  // GEXF 1.3 for Gephi and Gephi Lite: edge kinds, colours, sizes and, when
  // dates are known, a dynamic graph for Gephi's timeline.
  kGexf,
  // neo4j-admin import CSV: TWO files, nodes and relationships (see
  // ExportPaths() and ExportFiles()).
  kCsv,
};

struct ExportOptions {
  // Node IRIs are base_iri + the node id with ':' turned into '/' (other
  // characters outside [A-Za-z0-9-._~] percent-encoded). Must be an absolute
  // IRI; it should end in '/' or '#'.
  std::string base_iri = "https://newsgraph.dev/id/";
  // The graph's `generator` attribute.
  std::string generator = "newsgraph";
  // Threads that format elements at once (GraphML; the other formats use
  // one). The file is the same, byte for byte, for any number.
  unsigned threads = 1;
};

// The format named `name`: "graphml", "graphml-gephi", "jsonld" (also
// "json-ld"), "gexf", "csv". Exact and case-sensitive; nullopt for any
// other name.
std::optional<Format> ParseFormat(std::string_view name);

// The format a file name implies by its extension, case-insensitively:
// .graphml -> kGraphml, .jsonld and .json -> kJsonld, .gexf -> kGexf,
// .csv -> kCsv. nullopt otherwise.
std::optional<Format> FormatFromPath(std::string_view path);

// The canonical name of `format`, as ParseFormat() accepts it.
std::string_view FormatName(Format format);

// Every canonical format name, in enum order (for usage messages).
std::vector<std::string_view> FormatNames();

// The IRI of the node with id `node_id`:
// NodeIri("country:USA", {}) == "https://newsgraph.dev/id/country/USA".
std::string NodeIri(std::string_view node_id, const ExportOptions& options);

// Writes `graph` to `out` in `format`. On success returns Ok and has flushed
// `out`. Fails when options.base_iri is not absolute ("export: base IRI 'x'
// is not absolute") or when the stream fails ("graphml: write failed: No
// space left on device"); after a write failure `out` holds a truncated
// document, so callers write to a temporary file and rename it. kCsv, which
// writes two files, fails here ("csv: writes two files (nodes and
// relationships): use ExportFiles()").
Status Export(const KnowledgeGraph& graph, Format format, std::ostream& out,
              const ExportOptions& options = {});

// The files an export in `format` named `path` writes, in the order
// ExportFiles() takes their streams: {path} for every format but kCsv, and
// for kCsv {"out/graph.nodes.csv", "out/graph.relationships.csv"} for
// "out/graph.csv" (see CsvFileNamesFor() in csv_writer.h). Only computes
// names: touches no file.
std::vector<std::string> ExportPaths(Format format, std::string_view path);

// Writes `graph` in `format` to `outs`, one stream per file that
// ExportPaths() names, in that order; for single-file formats the same as
// Export(). Fails as Export() does, and with "export: csv writes 2 files,
// got 1 stream" when `outs` does not match.
Status ExportFiles(const KnowledgeGraph& graph, Format format,
                   const std::vector<std::ostream*>& outs,
                   const ExportOptions& options = {});

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXPORTERS_EXPORTERS_H_
