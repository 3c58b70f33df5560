// The JSON Lines reader: one article per line, as news corpora and
// scrapers write them.
//
// Thread-safe: ReadJsonLine keeps no state between calls.
#ifndef NEWSGRAPH_EXTRACTORS_JSONL_READER_H_
#define NEWSGRAPH_EXTRACTORS_JSONL_READER_H_

#include <cstddef>
#include <string_view>

#include "extractors/document.h"
#include "graph/status.h"

namespace newsgraph {

// Reads line `line_number` (1-based) of the JSON Lines file `origin`: an
// object with the article's text in "text", "body", "content" or
// "article"; title in "title" or "headline"; date in "date", "published",
// "publishedAt", "published_at", "datePublished", "pubdate" or "time" (a
// string NormalizeDate understands, or Unix seconds or milliseconds); id
// in "id", else "url", "uri", "link", else "ORIGIN:LINE"; url in "url" or
// "link"; source in "source" (a string, or an object with a "name").
//
// On success the Document's origin is "ORIGIN:LINE", its text the title
// (white space collapsed), "\n\n", then the text, both repaired with
// RepairUtf8Text, as UTF-8 whatever the bytes look like (diagnostics
// located at offsets into that text before repair), with a kTitle region
// over the title and one kBody region per paragraph (paragraphs are
// separated by blank lines). A record whose text is empty but has a title
// is read as a title alone (Reuters has such records). Unpaired surrogate
// escapes ("\ud800") and raw control characters inside strings are
// repaired, with a diagnostic, rather than rejected.
//
// Fails with "ORIGIN:LINE: reason" if the line is blank, not JSON, not an
// object, has no text field, a text field that is not a string, or
// neither text nor title.
StatusOr<Document> ReadJsonLine(std::string_view origin, size_t line_number,
                                std::string_view line);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACTORS_JSONL_READER_H_
