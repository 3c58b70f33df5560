// CSV writer: the knowledge graph as a pair of CSV files in the
// `neo4j-admin import` header format, which also open in a spreadsheet and
// in any CSV reader (see ../shared/FORMATS.md, "CSV for Neo4j").
//
// The nodes file, one row per node in id order:
//   id:ID,:LABEL,label,type,iso_code,wikidata,role,date,mentions:long,
//   first_date,last_date,aliases:string[]
// :LABEL is "Entity;<kind>" ("Entity;Country"): every node shares the label
// Entity, on which one uniqueness constraint covers all ids, and has its
// kind as a second label. type repeats the kind as a property.
//
// The relationships file, one row per edge in (source, relation, target)
// order; parallel edges (different relations between one pair) are
// separate rows, which neo4j-admin keeps as separate relationships:
//   :START_ID,:END_ID,:TYPE,relation,weight:long,cameo,category,first_date,
//   last_date,documents:long,document_ids:string[],confidence:double,
//   evidence
// :TYPE is the relation name in upper case ("ACCUSES", "APPEALS_TO"),
// relation the name as the other formats spell it ("accuses"), weight the
// number of mentions, documents how many documents, confidence the highest
// of the kept evidence, evidence the kept mentions, one after the other,
// separated by " | ", each as
//   doc-7 [120,245) trigger="accused" rule=accuse_verb confidence=0.9
//   date=2014-03-01: <the sentence>
// with byte offsets into the document's UTF-8 text, half-open.
//
// Values: UTF-8 without a byte order mark, lines ended by CRLF, fields
// quoted as RFC 4180 says (when they hold a comma, a double quote, which is
// doubled, or start or end with a space, which neo4j-admin would trim
// otherwise). Text is repaired as exporters.h says, and tabs and line
// breaks inside a value become spaces, so that no record spans two lines
// and neo4j-admin needs no --multiline-fields. A missing value is an empty
// field (no property in Neo4j). Arrays (aliases, document_ids) are joined
// by ';', neo4j-admin's default --array-delimiter; a ';' inside an element
// becomes ',', and empty elements are left out. Dates are strings, as
// written ("2014-03-01", or partial: "2014-03").
//
// Import with (Neo4j 5):
//   neo4j-admin database import full --nodes=graph.nodes.csv
//       --relationships=graph.relationships.csv neo4j
#ifndef NEWSGRAPH_EXPORTERS_CSV_WRITER_H_
#define NEWSGRAPH_EXPORTERS_CSV_WRITER_H_

#include <ostream>
#include <string>
#include <string_view>

#include "graph/knowledge_graph.h"
#include "graph/status.h"

namespace newsgraph {

// The header lines of the two files, without their line end.
inline constexpr std::string_view kCsvNodesHeader =
    "id:ID,:LABEL,label,type,iso_code,wikidata,role,date,mentions:long,"
    "first_date,last_date,aliases:string[]";
inline constexpr std::string_view kCsvRelationshipsHeader =
    ":START_ID,:END_ID,:TYPE,relation,weight:long,cameo,category,first_date,"
    "last_date,documents:long,document_ids:string[],confidence:double,"
    "evidence";

// The two files a CSV export named `path` writes: "out/graph.csv" gives
// "out/graph.nodes.csv" and "out/graph.relationships.csv". A path that does
// not end in ".csv" (any case) has the suffixes appended: "out/graph" gives
// "out/graph.nodes.csv" and "out/graph.relationships.csv".
struct CsvFileNames {
  std::string nodes;
  std::string relationships;
};
CsvFileNames CsvFileNamesFor(std::string_view path);

// Writes the nodes of `graph` to `nodes` and its edges to `relationships`.
// Returns Ok after flushing both, or "csv nodes: write failed: <reason>"
// (or "csv relationships: ...") when a stream fails. Thread-safe for
// concurrent calls on the same unmodified graph.
Status WriteCsv(const KnowledgeGraph& graph, std::ostream& nodes,
                std::ostream& relationships);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXPORTERS_CSV_WRITER_H_
