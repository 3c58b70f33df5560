#include "extractors/text_reader.h"

#include <cctype>

#include "extractors/dates.h"
#include "extractors/utf8.h"

namespace newsgraph {
namespace {

constexpr size_t kMaxTitleBytes = 200;
constexpr size_t kMaxBylineBytes = 120;
constexpr size_t kMaxBareDateBytes = 48;
constexpr size_t kMaxDateLineBytes = 80;
constexpr size_t kMaxFurnitureBytes = 160;

bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(c));
  return out;
}

// Width of the white-space character at text[i] (ASCII white space,
// U+00A0 no-break space, U+3000 ideographic space), or 0.
size_t SpaceWidth(std::string_view text, size_t i) {
  const char c = text[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
      c == '\v') {
    return 1;
  }
  // The lead byte first: this runs at both ends of every line.
  if (c == '\xC2' && text.compare(i, 2, "\xC2\xA0") == 0) return 2;
  if (c == '\xE3' && text.compare(i, 3, "\xE3\x80\x80") == 0) return 3;
  return 0;
}

// Whether text[end - width, end) is a white-space character, and its width.
size_t SpaceWidthBefore(std::string_view text, size_t end) {
  // Most lines end in a visible ASCII character, which ends no space.
  const unsigned char last = end > 0 ? text[end - 1] : 0;
  if (last > ' ' && last < 0x80) return 0;
  for (size_t width = 1; width <= 3 && width <= end; ++width) {
    if (SpaceWidth(text, end - width) == width) return width;
  }
  return 0;
}

Span Trim(std::string_view text, size_t begin, size_t end) {
  while (begin < end) {
    const size_t w = SpaceWidth(text, begin);
    if (w == 0) break;
    begin += w;
  }
  while (end > begin) {
    const size_t w = SpaceWidthBefore(text, end);
    if (w == 0) break;
    end -= w;
  }
  return Span{begin, end};
}

struct Line {
  size_t begin = 0;  // of the line, after the previous '\n'
  Span trimmed;      // its content without surrounding white space
  bool blank() const { return trimmed.empty(); }
};

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(Line{begin, Trim(text, begin, end)});
    begin = end + 1;
  }
  return lines;
}

// ---- Header shape -----------------------------------------------------------

enum class HeaderKey { kTitle, kDate, kSource, kUrl, kId, kOther };

HeaderKey KeyOf(std::string_view key) {
  const std::string k = Lower(key);
  if (k == "title" || k == "headline") return HeaderKey::kTitle;
  if (k == "date" || k == "published" || k == "updated") {
    return HeaderKey::kDate;
  }
  if (k == "source" || k == "publisher") return HeaderKey::kSource;
  if (k == "url" || k == "link") return HeaderKey::kUrl;
  if (k == "id") return HeaderKey::kId;
  return HeaderKey::kOther;
}

struct HeaderField {
  HeaderKey key = HeaderKey::kOther;
  Span value;
  size_t line_number = 0;  // 1-based
};

// "key: value", the key a word of at most 32 letters, digits, '-', '_'.
bool ParseHeaderLine(std::string_view text, const Line& line,
                     HeaderField* field) {
  const std::string_view s =
      text.substr(line.trimmed.begin, line.trimmed.size());
  size_t colon = 0;
  while (colon < s.size() && colon <= 32 &&
         (IsAsciiAlpha(s[colon]) ||
          std::isdigit(static_cast<unsigned char>(s[colon])) ||
          s[colon] == '-' || s[colon] == '_')) {
    ++colon;
  }
  if (colon == 0 || colon > 32 || colon >= s.size() || s[colon] != ':' ||
      !IsAsciiAlpha(s[0])) {
    return false;
  }
  field->key = KeyOf(s.substr(0, colon));
  field->value = Trim(text, line.trimmed.begin + colon + 1, line.trimmed.end);
  return true;
}

// ---- Lines of a scraped page ------------------------------------------------

// "By ZHANG YUNBI(China Daily)": true, `outlet` = "China Daily".
bool ParseByline(std::string_view line, std::string* outlet) {
  if (line.size() < 4 || line.size() > kMaxBylineBytes ||
      Lower(line.substr(0, 3)) != "by " || line.back() == '.') {
    return false;
  }
  std::string_view names = line.substr(3);
  std::string_view in_parentheses;
  const size_t open = names.find('(');
  if (open != std::string_view::npos && names.back() == ')') {
    in_parentheses = names.substr(open + 1, names.size() - open - 2);
    names = names.substr(0, open);
  }
  static constexpr const char* kConnectors[] = {
      "and", "de", "van", "von", "der", "da",  "la", "le",
      "al",  "el", "bin", "di",  "du",  "dos", "y"};
  size_t words = 0, capitalized = 0;
  size_t i = 0;
  while (i < names.size()) {
    while (i < names.size() && (names[i] == ' ' || names[i] == ',')) ++i;
    const size_t start = i;
    while (i < names.size() && names[i] != ' ' && names[i] != ',') ++i;
    if (i == start) break;
    const std::string_view word = names.substr(start, i - start);
    ++words;
    const unsigned char first = static_cast<unsigned char>(word[0]);
    if ((first >= 'A' && first <= 'Z') || first >= 0x80) {
      ++capitalized;
      continue;
    }
    bool connector = word == "&";
    for (const char* c : kConnectors) connector = connector || word == c;
    if (!connector) return false;
  }
  if (capitalized == 0 || words > 10) return false;
  *outlet = std::string(in_parentheses);
  return true;
}

// The ISO date of a line such as "Updated: 2014-12-23 03:17" or "December
// 22, 2014", or "".
std::string DateOfLine(std::string_view line) {
  static constexpr const char* kPrefixes[] = {
      "last updated", "first published", "updated", "published", "posted",
      "date",         "modified"};
  const std::string lower = Lower(line.substr(0, 16));
  for (std::string_view prefix : kPrefixes) {
    if (lower.compare(0, prefix.size(), prefix) != 0) continue;
    if (line.size() > kMaxDateLineBytes || line.size() == prefix.size() ||
        (line[prefix.size()] != ':' && line[prefix.size()] != ' ')) {
      return "";
    }
    // The date may follow a time or "on": try every word.
    for (size_t i = prefix.size(); i < line.size(); ++i) {
      if (line[i - 1] != ' ' && line[i - 1] != ':') continue;
      std::string date = NormalizeDate(line.substr(i));
      if (!date.empty()) return date;
    }
    return "";
  }
  if (line.size() > kMaxBareDateBytes || line.back() == '.') return "";
  return NormalizeDate(line);
}

// Words of share buttons, font-size widgets and page navigation.
bool IsFurnitureWord(const std::string& word) {
  static constexpr std::string_view kWords =
      " print mail email e-mail share shares sharing tweet large medium small"
      " font size text a comment comments facebook twitter linkedin whatsapp"
      " reddit pinterest weibo wechat related advertisement advertising ad"
      " ads sponsored subscribe newsletter save copy link this article story"
      " page more read next previous prev back to top home menu search login"
      " log sign in up on and via feedback reprint permissions view x ";
  return kWords.find(" " + word + " ") != std::string_view::npos;
}

// Splits `line` at white space (ASCII, U+00A0, U+3000) and '|'.
std::vector<std::string_view> Tokens(std::string_view line) {
  std::vector<std::string_view> tokens;
  size_t i = 0;
  while (i < line.size()) {
    size_t w = SpaceWidth(line, i);
    if (w > 0 || line[i] == '|') {
      i += w > 0 ? w : 1;
      continue;
    }
    const size_t start = i;
    while (i < line.size() && SpaceWidth(line, i) == 0 && line[i] != '|') ++i;
    tokens.push_back(line.substr(start, i - start));
  }
  return tokens;
}

// Share buttons and font-size widgets: a short line of words such as
// Print, Mail, Share, Large, Small, maybe with counts and non-Latin button
// labels ("Print Mail Large Medium  Small 分享按钮 0").
bool IsFurniture(std::string_view line) {
  if (line.size() > kMaxFurnitureBytes) return false;
  size_t furniture = 0;
  for (std::string_view token : Tokens(line)) {
    while (!token.empty() &&
           std::ispunct(static_cast<unsigned char>(token[0]))) {
      token.remove_prefix(1);
    }
    while (!token.empty() &&
           std::ispunct(static_cast<unsigned char>(token.back()))) {
      token.remove_suffix(1);
    }
    bool has_latin = false;
    for (char c : token) has_latin = has_latin || IsAsciiAlpha(c);
    if (!has_latin) continue;  // digits, punctuation, other scripts
    if (!IsFurnitureWord(Lower(token))) return false;
    ++furniture;
  }
  return furniture > 0;
}

bool LooksLikeTitle(std::string_view line) {
  if (line.empty() || line.size() >= kMaxTitleBytes || line.back() == '.') {
    return false;
  }
  for (char c : line) {
    if (IsAsciiAlpha(c) || static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

enum class LineKind { kText, kDate, kByline, kFurniture };

struct Classified {
  LineKind kind = LineKind::kText;
  std::string value;  // the date, or the byline's outlet
};

// Dates and bylines are recognised only before the article starts.
Classified Classify(std::string_view line, bool before_article) {
  Classified c;
  if (IsFurniture(line)) {
    c.kind = LineKind::kFurniture;
  } else if (before_article && ParseByline(line, &c.value)) {
    c.kind = LineKind::kByline;
  } else if (before_article && !(c.value = DateOfLine(line)).empty()) {
    c.kind = LineKind::kDate;
  }
  return c;
}

// ---- The three shapes -------------------------------------------------------

Region MakeRegion(Region::Kind kind, Span span) {
  Region r;
  r.kind = kind;
  r.span = span;
  return r;
}

void SetTitle(Span span, Document* doc) {
  doc->title = std::string(doc->Text(span));
  doc->regions.push_back(MakeRegion(Region::Kind::kTitle, span));
}

void ApplyHeaderField(const HeaderField& field, Document* doc) {
  const std::string value(doc->Text(field.value));
  switch (field.key) {
    case HeaderKey::kTitle:
      if (doc->title.empty() && !value.empty()) SetTitle(field.value, doc);
      break;
    case HeaderKey::kDate:
      if (!doc->date.empty() || value.empty()) break;
      doc->date = NormalizeDate(value);
      if (doc->date.empty()) {
        doc->diagnostics.push_back(
            Diagnostic{Diagnostic::Severity::kWarning,
                       doc->origin + ":" + std::to_string(field.line_number),
                       "date \"" + value + "\" not understood"});
      }
      break;
    case HeaderKey::kSource:
      if (doc->source.empty()) doc->source = value;
      break;
    case HeaderKey::kUrl:
      if (doc->url.empty()) doc->url = value;
      break;
    case HeaderKey::kId:
      if (!value.empty()) doc->id = value;
      break;
    case HeaderKey::kOther:
      break;
  }
}

// Reads "key: value" lines up to the first blank line; false (and `doc`
// untouched) unless every line is one and a key is known.
bool ReadHeaderShape(const std::vector<Line>& lines, Document* doc) {
  std::vector<HeaderField> fields;
  size_t n = 0;
  for (; n < lines.size() && !lines[n].blank(); ++n) {
    HeaderField field;
    if (!ParseHeaderLine(doc->text, lines[n], &field)) return false;
    field.line_number = n + 1;
    fields.push_back(field);
  }
  bool known = false;
  for (const HeaderField& f : fields) known |= f.key != HeaderKey::kOther;
  if (!known) return false;
  for (const HeaderField& f : fields) ApplyHeaderField(f, doc);

  size_t body = n + 1;
  while (body < lines.size() && lines[body].blank()) ++body;
  std::string outlet;
  if (body < lines.size() &&
      (body + 1 == lines.size() || lines[body + 1].blank()) &&
      ParseByline(doc->Text(lines[body].trimmed), &outlet)) {
    ++body;  // "By Tom Miles" opening the body
    if (doc->source.empty()) doc->source = outlet;
  }
  if (body < lines.size()) {
    AppendParagraphRegions(doc->text, lines[body].begin, doc->text.size(),
                           &doc->regions);
  }
  return true;
}

size_t FirstNonBlank(const std::vector<Line>& lines, size_t from) {
  while (from < lines.size() && lines[from].blank()) ++from;
  return from;
}

// A title line, then dates, bylines, furniture and paragraphs.
bool ReadScrapedShape(const std::vector<Line>& lines, Document* doc) {
  const size_t first = FirstNonBlank(lines, 0);
  if (first >= lines.size() ||
      !LooksLikeTitle(doc->Text(lines[first].trimmed))) {
    return false;
  }
  const size_t next = FirstNonBlank(lines, first + 1);
  if (next >= lines.size()) return false;  // one line: body, not a title
  // A title stands alone: a blank line or a non-article line follows it.
  if (next == first + 1 &&
      Classify(doc->Text(lines[next].trimmed), true).kind == LineKind::kText) {
    return false;
  }
  SetTitle(lines[first].trimmed, doc);

  bool before_article = true;
  Span paragraph;
  auto close_paragraph = [&] {
    if (!paragraph.empty()) {
      doc->regions.push_back(MakeRegion(Region::Kind::kBody, paragraph));
    }
    paragraph = Span{};
  };
  for (size_t i = first + 1; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.blank()) {
      close_paragraph();
      continue;
    }
    Classified c = Classify(doc->Text(line.trimmed), before_article);
    if (c.kind == LineKind::kText) {
      if (paragraph.empty()) paragraph.begin = line.trimmed.begin;
      paragraph.end = line.trimmed.end;
      before_article = false;
      continue;
    }
    close_paragraph();
    if (c.kind == LineKind::kDate && doc->date.empty()) doc->date = c.value;
    if (c.kind == LineKind::kByline && doc->source.empty()) {
      doc->source = c.value;
    }
  }
  close_paragraph();
  return true;
}

}  // namespace

Document ReadText(std::string_view origin, std::string_view bytes) {
  Document doc;
  doc.origin = std::string(origin);
  doc.id = DocumentIdFromOrigin(origin);
  doc.text = RepairText(bytes, origin, &doc.diagnostics);
  const std::vector<Line> lines = SplitLines(doc.text);
  if (ReadHeaderShape(lines, &doc) || ReadScrapedShape(lines, &doc)) {
    return doc;
  }
  const Span all = Trim(doc.text, 0, doc.text.size());
  if (!all.empty()) {
    doc.regions.push_back(MakeRegion(Region::Kind::kBody, all));
  }
  return doc;
}

std::string DocumentIdFromOrigin(std::string_view origin) {
  const size_t slash = origin.find_last_of("/\\");
  if (slash != std::string_view::npos) origin.remove_prefix(slash + 1);
  const size_t dot = origin.rfind('.');
  if (dot != std::string_view::npos && dot > 0) origin = origin.substr(0, dot);
  // A file name may hold any byte but '/' and NUL; an id goes into every
  // output.
  return RepairUtf8Text(origin, "", nullptr);
}

void AppendParagraphRegions(std::string_view text, size_t begin, size_t end,
                            std::vector<Region>* regions) {
  Span paragraph;
  auto close_paragraph = [&] {
    if (!paragraph.empty()) {
      regions->push_back(MakeRegion(Region::Kind::kBody, paragraph));
    }
    paragraph = Span{};
  };
  while (begin < end) {
    size_t line_end = text.find('\n', begin);
    if (line_end == std::string_view::npos || line_end > end) line_end = end;
    const Span line = Trim(text, begin, line_end);
    if (line.empty()) {
      close_paragraph();
    } else {
      if (paragraph.empty()) paragraph.begin = line.begin;
      paragraph.end = line.end;
    }
    begin = line_end + 1;
  }
  close_paragraph();
}

}  // namespace newsgraph
