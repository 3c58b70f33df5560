// The plain-text reader, and the helpers other readers share with it.
//
// All functions are pure and thread-safe.
#ifndef NEWSGRAPH_EXTRACTORS_TEXT_READER_H_
#define NEWSGRAPH_EXTRACTORS_TEXT_READER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/document.h"

namespace newsgraph {

// Reads a text file's bytes (named `origin` in messages). The Document's
// text is the whole content after RepairText, so for clean UTF-8 with LF
// line endings every offset is also a byte offset into the file. Three
// shapes are recognised:
//   - header lines "key: value" up to the first blank line (keys title,
//     headline, date, published, updated, source, publisher, url, link, id,
//     any case; others are skipped; at least one must be known): the title
//     value is the kTitle region, each paragraph of the rest a kBody region
//     (a first paragraph that is a byline, "By NAME", is left out);
//   - a scraped page: a short first line without a final period (the
//     kTitle region) followed, before the article, by date lines
//     ("Updated: 2014-12-23 03:17"), a byline ("By NAME(Outlet)": the
//     outlet becomes `source`) and page furniture ("Print Mail Large Medium
//     Small"), all outside every region; each paragraph of the rest is a
//     kBody region, furniture lines again excluded;
//   - anything else: one kBody region over the whole text, no title.
// `id` is the file name without directories and extension. Problems become
// diagnostics of the Document; reading never fails.
Document ReadText(std::string_view origin, std::string_view bytes);

// "dir/chinadaily-sony-2014.txt" -> "chinadaily-sony-2014", repaired as
// RepairUtf8Text repairs text (file names are bytes, not always UTF-8).
std::string DocumentIdFromOrigin(std::string_view origin);

// Appends one kBody region per paragraph of text[begin, end): paragraphs
// are separated by blank lines, and each region is trimmed of surrounding
// white space (ASCII, U+00A0, U+3000).
void AppendParagraphRegions(std::string_view text, size_t begin, size_t end,
                            std::vector<Region>* regions);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACTORS_TEXT_READER_H_
