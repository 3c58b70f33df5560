// The HTML reader: a tolerant tokenizer that keeps an article's text and
// drops the page around it. No HTML library; no recursion, so nesting
// depth costs memory (one entry per open element), never stack.
//
// Thread-safe: ReadHtml keeps no state between calls.
#ifndef NEWSGRAPH_EXTRACTORS_HTML_READER_H_
#define NEWSGRAPH_EXTRACTORS_HTML_READER_H_

#include <string_view>

#include "extractors/document.h"

namespace newsgraph {

// Reads an HTML page's bytes (named `origin` in messages; the bytes are
// repaired with RepairText first, so they are taken as UTF-8 whatever the
// page declares).
//   - title: <meta property="og:title">, else <meta name="title">, else
//     twitter:title, else <title>;
//   - date: the first parseable meta date (article:published_time,
//     og:published_time, datePublished, date, pubdate, DC.date ...), else
//     "datePublished" in JSON-LD, else the first <time datetime>;
//   - source: og:site_name; url: og:url, else <link rel="canonical">;
//   - text: of <article> elements if any, else of the whole body, without
//     script, style, noscript, nav, header, footer, aside, form, iframe,
//     svg, template, hidden elements, and elements whose class or id names
//     navigation, menus, sharing, comments, adverts and the like. Block
//     elements end paragraphs, <br> ends a line, white space collapses;
//     character references are decoded.
// The Document's text is the title, "\n\n", then the paragraphs separated
// by "\n\n" (just the paragraphs if there is no title; a first paragraph
// equal to the title, as an <h1> often is, is dropped); regions: kTitle
// over the title, one kBody per paragraph. Offsets are into that text, not
// into the page. Invalid character references (&#0; &#xD800; &#x110000;)
// become U+FFFD, references to control characters a space, each kind with
// one diagnostic located at its first offset in the repaired page. Never
// fails; `id` is the file name without directories and extension.
Document ReadHtml(std::string_view origin, std::string_view bytes);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACTORS_HTML_READER_H_
