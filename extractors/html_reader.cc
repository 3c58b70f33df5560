#include "extractors/html_reader.h"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "extractors/dates.h"
#include "extractors/text_reader.h"
#include "extractors/utf8.h"

namespace newsgraph {
namespace {

constexpr size_t kNpos = std::string_view::npos;

bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHexDigit(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool IsHtmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
char ToLower(char c) { return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ToLower(c);
  return out;
}

bool OneOf(std::string_view word, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), word) != set.end();
}

std::string Location(std::string_view origin, size_t offset) {
  return (origin.empty() ? "" : std::string(origin) + ":") + "offset " +
         std::to_string(offset);
}

// How many of one kind of problem, and where the first was.
struct Tally {
  size_t count = 0;
  size_t first = 0;
  void Add(size_t offset) {
    if (count++ == 0) first = offset;
  }
};

// ---- Character references ---------------------------------------------------

// The names of U+00A0 to U+00FF, in order.
constexpr const char* kLatin1Names[] = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar",
    "sect",   "uml",    "copy",   "ordf",   "laquo",  "not",    "shy",
    "reg",    "macr",   "deg",    "plusmn", "sup2",   "sup3",   "acute",
    "micro",  "para",   "middot", "cedil",  "sup1",   "ordm",   "raquo",
    "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",
    "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute",
    "Ecirc",  "Euml",   "Igrave", "Iacute", "Icirc",  "Iuml",   "ETH",
    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",   "times",
    "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",
    "szlig",  "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",
    "aelig",  "ccedil", "egrave", "eacute", "ecirc",  "euml",   "igrave",
    "iacute", "icirc",  "iuml",   "eth",    "ntilde", "ograve", "oacute",
    "ocirc",  "otilde", "ouml",   "divide", "oslash", "ugrave", "uacute",
    "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};

struct NamedReference {
  const char* name;
  char32_t cp;
};

constexpr NamedReference kOtherNames[] = {
    {"quot", 0x22},     {"amp", 0x26},
    {"apos", 0x27},     {"lt", 0x3C},
    {"gt", 0x3E},       {"excl", 0x21},
    {"num", 0x23},      {"dollar", 0x24},
    {"percnt", 0x25},   {"lpar", 0x28},
    {"rpar", 0x29},     {"ast", 0x2A},
    {"plus", 0x2B},     {"comma", 0x2C},
    {"period", 0x2E},   {"sol", 0x2F},
    {"colon", 0x3A},    {"semi", 0x3B},
    {"equals", 0x3D},   {"quest", 0x3F},
    {"commat", 0x40},   {"lowbar", 0x5F},
    {"Tab", 0x09},      {"NewLine", 0x0A},
    {"OElig", 0x152},   {"oelig", 0x153},
    {"Scaron", 0x160},  {"scaron", 0x161},
    {"Yuml", 0x178},    {"fnof", 0x192},
    {"circ", 0x2C6},    {"tilde", 0x2DC},
    {"alpha", 0x3B1},   {"beta", 0x3B2},
    {"gamma", 0x3B3},   {"delta", 0x3B4},
    {"mu", 0x3BC},      {"pi", 0x3C0},
    {"ensp", 0x2002},   {"emsp", 0x2003},
    {"numsp", 0x2007},  {"thinsp", 0x2009},
    {"hairsp", 0x200A}, {"ZeroWidthSpace", 0x200B},
    {"zwnj", 0x200C},   {"zwj", 0x200D},
    {"lrm", 0x200E},    {"rlm", 0x200F},
    {"hyphen", 0x2010}, {"dash", 0x2010},
    {"ndash", 0x2013},  {"mdash", 0x2014},
    {"lsquo", 0x2018},  {"rsquo", 0x2019},
    {"sbquo", 0x201A},  {"ldquo", 0x201C},
    {"rdquo", 0x201D},  {"bdquo", 0x201E},
    {"dagger", 0x2020}, {"Dagger", 0x2021},
    {"bull", 0x2022},   {"hellip", 0x2026},
    {"permil", 0x2030}, {"prime", 0x2032},
    {"Prime", 0x2033},  {"lsaquo", 0x2039},
    {"rsaquo", 0x203A}, {"euro", 0x20AC},
    {"trade", 0x2122},  {"larr", 0x2190},
    {"uarr", 0x2191},   {"rarr", 0x2192},
    {"darr", 0x2193},   {"minus", 0x2212},
};

const std::unordered_map<std::string_view, char32_t>& NamedReferences() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string_view, char32_t>;
    for (char32_t i = 0; i < 96; ++i) (*t)[kLatin1Names[i]] = 0xA0 + i;
    for (const NamedReference& r : kOtherNames) (*t)[r.name] = r.cp;
    return t;
  }();
  return *table;
}

// What &#128; to &#159; mean, as HTML specifies (Windows-1252); 0 where
// the code point stays as it is.
constexpr char16_t kWindows1252[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// Decodes character references, counting the ones it has to repair.
class ReferenceDecoder {
 public:
  // Appends `raw`, which starts at `offset` in the page, to `out` with its
  // character references decoded.
  void Decode(std::string_view raw, size_t offset, std::string* out) {
    size_t i = 0;
    while (i < raw.size()) {
      const size_t amp = raw.find('&', i);
      out->append(raw.substr(i, amp == kNpos ? kNpos : amp - i));
      if (amp == kNpos) break;
      const size_t length = DecodeOne(raw, amp, offset + amp, out);
      if (length == 0) *out += '&';
      i = amp + std::max<size_t>(length, 1);
    }
  }

  void Report(std::string_view origin, std::vector<Diagnostic>* out) const {
    auto report = [&](const Tally& t, std::string_view singular,
                      std::string_view plural, std::string_view what) {
      if (t.count == 0) return;
      out->push_back(
          Diagnostic{Diagnostic::Severity::kWarning, Location(origin, t.first),
                     std::to_string(t.count) + " " +
                         std::string(t.count == 1 ? singular : plural) + " " +
                         std::string(what)});
    };
    report(invalid_, "invalid character reference",
           "invalid character references", "replaced by U+FFFD");
    report(control_, "character reference to a control character",
           "character references to control characters", "replaced by spaces");
  }

 private:
  // Decodes the reference at raw[i] == '&'; returns its length, or 0 if
  // there is none (the '&' is text).
  size_t DecodeOne(std::string_view raw, size_t i, size_t offset,
                   std::string* out) {
    if (i + 1 < raw.size() && raw[i + 1] == '#') {
      return DecodeNumeric(raw, i, offset, out);
    }
    size_t j = i + 1;
    while (j < raw.size() && j - i <= 32 &&
           (IsAsciiAlpha(raw[j]) || IsDigit(raw[j]))) {
      ++j;
    }
    const std::string_view name = raw.substr(i + 1, j - i - 1);
    const bool semicolon = j < raw.size() && raw[j] == ';';
    // Without ';' only the oldest names count, as browsers do.
    if (!semicolon && !OneOf(name, {"amp", "lt", "gt", "quot", "nbsp"})) {
      return 0;
    }
    const auto& table = NamedReferences();
    const auto it = table.find(name);
    if (it == table.end()) return 0;
    AppendUtf8(it->second, out);
    return j - i + (semicolon ? 1 : 0);
  }

  size_t DecodeNumeric(std::string_view raw, size_t i, size_t offset,
                       std::string* out) {
    size_t j = i + 2;
    const bool hex = j < raw.size() && (raw[j] == 'x' || raw[j] == 'X');
    if (hex) ++j;
    const size_t digits = j;
    uint32_t value = 0;
    for (; j < raw.size() && (hex ? IsHexDigit(raw[j]) : IsDigit(raw[j]));
         ++j) {
      const char c = ToLower(raw[j]);
      value = value * (hex ? 16 : 10) + (IsDigit(c) ? c - '0' : c - 'a' + 10);
      value = std::min<uint32_t>(value, 0x110000);
    }
    if (j == digits) return 0;
    if (j < raw.size() && raw[j] == ';') ++j;
    Emit(value, offset, out);
    return j - i;
  }

  void Emit(uint32_t cp, size_t offset, std::string* out) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      invalid_.Add(offset);
      AppendUtf8(0xFFFD, out);
    } else if (cp >= 0x80 && cp <= 0x9F && kWindows1252[cp - 0x80] != 0) {
      AppendUtf8(kWindows1252[cp - 0x80], out);
    } else if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
               cp == 0xFFFE || cp == 0xFFFF) {
      control_.Add(offset);
      *out += ' ';
    } else {
      AppendUtf8(cp, out);
    }
  }

  Tally invalid_;
  Tally control_;
};

// ---- Text output ------------------------------------------------------------

// Builds paragraphs from decoded text: runs of white space become one
// space, breaks become "\n" (a line) or "\n\n" (a paragraph), and neither
// is written at the start or the end.
class TextBuilder {
 public:
  void Append(std::string_view text) {
    size_t i = 0;
    while (i < text.size()) {
      const size_t space = SpaceAt(text, i);
      if (space > 0) {
        pending_space_ = true;
        i += space;
        continue;
      }
      size_t j = i + 1;
      while (j < text.size() && SpaceAt(text, j) == 0) ++j;
      Flush();
      out_.append(text.substr(i, j - i));
      i = j;
    }
  }
  void Space() { pending_space_ = true; }
  void Break(int newlines) {
    pending_break_ = std::max(pending_break_, newlines);
  }
  std::string& text() { return out_; }

 private:
  // HTML white space, and U+00A0 (&nbsp;), which pages use as a space.
  static size_t SpaceAt(std::string_view text, size_t i) {
    if (IsHtmlSpace(text[i])) return 1;
    return text.compare(i, 2, "\xC2\xA0") == 0 ? 2 : 0;
  }
  void Flush() {
    if (!out_.empty()) {
      if (pending_break_ > 0) {
        out_.append(pending_break_, '\n');
      } else if (pending_space_) {
        out_ += ' ';
      }
    }
    pending_break_ = 0;
    pending_space_ = false;
  }

  std::string out_;
  int pending_break_ = 0;
  bool pending_space_ = false;
};

std::string CollapseSpace(std::string_view text) {
  TextBuilder b;
  b.Append(text);
  return std::move(b.text());
}

// ---- Tags -------------------------------------------------------------------

struct Tag {
  std::string name;  // lower case
  bool self_closing = false;
  std::vector<std::pair<std::string, std::string>> attributes;  // decoded

  bool Has(std::string_view key) const {
    for (const auto& a : attributes) {
      if (a.first == key) return true;
    }
    return false;
  }
  std::string Get(std::string_view key) const {
    for (const auto& a : attributes) {
      if (a.first == key) return a.second;
    }
    return "";
  }
};

bool IsVoid(std::string_view name) {
  return OneOf(
      name, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
             "meta", "param", "source", "track", "wbr"});
}

// Elements whose content is not markup: skipped to their end tag.
bool IsRawText(std::string_view name) {
  return OneOf(name, {"script", "style", "title", "textarea", "xmp", "iframe",
                      "noembed", "noframes", "noscript", "plaintext"});
}

bool IsBlock(std::string_view name) {
  return OneOf(
      name,
      {"p",          "div",     "h1",      "h2",       "h3",         "h4",
       "h5",         "h6",      "li",      "ul",       "ol",         "dl",
       "dt",         "dd",      "tr",      "table",    "thead",      "tbody",
       "tfoot",      "caption", "article", "section",  "blockquote", "pre",
       "header",     "footer",  "main",    "aside",    "nav",        "figure",
       "figcaption", "address", "form",    "fieldset", "details",    "summary",
       "center",     "body",    "html"});
}

bool IsExcludedElement(std::string_view name) {
  return OneOf(name, {"script", "style", "noscript", "nav", "header", "footer",
                      "aside", "form", "iframe", "svg", "template", "button",
                      "select", "object", "canvas", "audio", "video", "math"});
}

// Class and id words that mark page furniture: "nav", "main-menu",
// "share-buttons", "socialLinks", "comments", "advert", "ad".
bool IsFurnitureName(std::string_view value) {
  static constexpr std::string_view kPrefixes[] = {
      "nav",     "menu",   "footer",  "share",      "sharing",    "social",
      "comment", "advert", "sidebar", "breadcrumb", "newsletter", "promo",
      "related", "cookie", "popup",   "subscribe"};
  const std::string lower = Lower(value);
  size_t i = 0;
  while (i < lower.size()) {
    while (i < lower.size() && !IsAsciiAlpha(lower[i])) ++i;
    size_t j = i;
    while (j < lower.size() && (IsAsciiAlpha(lower[j]) || IsDigit(lower[j]))) {
      ++j;
    }
    const std::string_view word = std::string_view(lower).substr(i, j - i);
    i = j;
    if (word.empty() || OneOf(word, {"commentary", "shared"})) continue;
    if (OneOf(word, {"ad", "ads", "adv"})) return true;
    for (std::string_view prefix : kPrefixes) {
      if (word.substr(0, prefix.size()) == prefix) return true;
    }
  }
  return false;
}

bool IsHidden(const Tag& tag) {
  if (tag.Has("hidden") || tag.Get("aria-hidden") == "true") return true;
  std::string style = Lower(tag.Get("style"));
  style.erase(std::remove_if(style.begin(), style.end(), IsHtmlSpace),
              style.end());
  return style.find("display:none") != std::string::npos ||
         OneOf(Lower(tag.Get("role")),
               {"navigation", "banner", "contentinfo", "complementary"});
}

bool IsExcluded(const Tag& tag) {
  if (IsExcludedElement(tag.name)) return true;
  if (OneOf(tag.name, {"html", "body", "main", "article"})) return false;
  return IsHidden(tag) || IsFurnitureName(tag.Get("class")) ||
         IsFurnitureName(tag.Get("id"));
}

// Position of "</name" (any case) at or after `from`, or npos.
size_t FindEndTag(std::string_view html, size_t from, std::string_view name) {
  while ((from = html.find("</", from)) != kNpos) {
    size_t k = 0;
    while (k < name.size() && from + 2 + k < html.size() &&
           ToLower(html[from + 2 + k]) == name[k]) {
      ++k;
    }
    const size_t after = from + 2 + k;
    if (k == name.size() && (after >= html.size() || IsHtmlSpace(html[after]) ||
                             html[after] == '>' || html[after] == '/')) {
      return from;
    }
    from += 2;
  }
  return kNpos;
}

// "datePublished": "..." in JSON-LD, without a JSON parser: the value is a
// plain string.
std::string JsonLdDate(std::string_view json) {
  const size_t key = json.find("\"datePublished\"");
  if (key == kNpos) return "";
  size_t i = key + 15;
  while (i < json.size() && (IsHtmlSpace(json[i]) || json[i] == ':')) ++i;
  if (i >= json.size() || json[i] != '"') return "";
  const size_t end = json.find('"', i + 1);
  if (end == kNpos) return "";
  return NormalizeDate(json.substr(i + 1, end - i - 1));
}

// ---- The page ---------------------------------------------------------------

// One pass over the page: an explicit stack of open elements, no
// recursion. End tags close the nearest open element of their name (and
// everything opened inside it); end tags of no open element are ignored.
class HtmlExtractor {
 public:
  HtmlExtractor(std::string_view origin, std::string_view html)
      : origin_(origin), html_(html) {}

  void Run() {
    size_t i = 0;
    while (i < html_.size()) {
      const size_t lt = html_.find('<', i);
      OnText(i, lt == kNpos ? html_.size() : lt);
      if (lt == kNpos) break;
      i = Markup(lt);
    }
  }

  // Fills in the Document's metadata, text and regions.
  void Finish(Document* doc) {
    doc->title = !og_title_.empty()        ? og_title_
                 : !meta_title_.empty()    ? meta_title_
                 : !twitter_title_.empty() ? twitter_title_
                                           : title_element_;
    doc->date = !meta_date_.empty()      ? meta_date_
                : !json_ld_date_.empty() ? json_ld_date_
                                         : time_date_;
    doc->source = site_name_;
    doc->url = !og_url_.empty() ? og_url_ : canonical_url_;
    std::string_view body =
        article_.text().empty() ? body_.text() : article_.text();
    // The <h1> usually repeats the title: keep one copy.
    if (!doc->title.empty() &&
        body.substr(0, doc->title.size()) == doc->title &&
        (body.size() == doc->title.size() || body[doc->title.size()] == '\n')) {
      body.remove_prefix(std::min(body.size(), doc->title.size() + 2));
    }
    doc->text = doc->title;
    if (!doc->title.empty()) {
      Region title;
      title.kind = Region::Kind::kTitle;
      title.span = Span{0, doc->title.size()};
      doc->regions.push_back(title);
      if (!body.empty()) doc->text += "\n\n";
    }
    const size_t body_begin = doc->text.size();
    doc->text += body;
    AppendParagraphRegions(doc->text, body_begin, doc->text.size(),
                           &doc->regions);
    decoder_.Report(origin_, &doc->diagnostics);
    if (unclosed_comment_.count > 0) {
      doc->diagnostics.push_back(
          Diagnostic{Diagnostic::Severity::kWarning,
                     Location(origin_, unclosed_comment_.first),
                     "comment not closed: the rest of the page is ignored"});
    }
  }

 private:
  struct OpenElement {
    std::string name;
    bool excluded = false;
  };

  bool Collecting() const { return excluded_depth_ == 0 && !in_head_; }

  void Break(int newlines) {
    body_.Break(newlines);
    article_.Break(newlines);
  }

  void OnText(size_t begin, size_t end) {
    if (begin >= end || !Collecting()) return;
    scratch_.clear();
    decoder_.Decode(html_.substr(begin, end - begin), begin, &scratch_);
    body_.Append(scratch_);
    if (article_depth_ > 0) article_.Append(scratch_);
  }

  // At html_[lt] == '<': consumes a comment, a tag, or just the '<' as
  // text; returns the position after it.
  size_t Markup(size_t lt) {
    const std::string_view rest = html_.substr(lt);
    if (rest.substr(0, 4) == "<!--") {
      const size_t end = html_.find("-->", lt + 2);
      if (end != kNpos) return end + 3;
      unclosed_comment_.Add(lt);
      return html_.size();
    }
    if (rest.size() >= 2 && (rest[1] == '!' || rest[1] == '?')) {
      return SkipPast(lt, '>');  // doctype, CDATA, processing instruction
    }
    // A tag cut off by the end of the page is dropped, as browsers do.
    if (rest.size() >= 3 && rest[1] == '/' && IsAsciiAlpha(rest[2])) {
      Tag tag;
      const size_t end = ParseTag(lt + 2, &tag);
      if (end == kNpos) return html_.size();
      OnEnd(tag.name);
      return end;
    }
    if (rest.size() >= 2 && rest[1] == '/') return SkipPast(lt, '>');
    if (rest.size() >= 2 && IsAsciiAlpha(rest[1])) {
      Tag tag;
      const size_t end = ParseTag(lt + 1, &tag);
      if (end == kNpos) return html_.size();
      return OnStart(tag, end);
    }
    OnText(lt, lt + 1);  // "a < b"
    return lt + 1;
  }

  size_t SkipPast(size_t from, char c) const {
    const size_t at = html_.find(c, from);
    return at == kNpos ? html_.size() : at + 1;
  }

  // Parses the tag name and attributes at html_[i]; returns the position
  // after '>', or npos if the tag never ends.
  size_t ParseTag(size_t i, Tag* tag) {
    const size_t n = html_.size();
    const size_t name_begin = i;
    while (i < n && !IsHtmlSpace(html_[i]) && html_[i] != '/' &&
           html_[i] != '>') {
      ++i;
    }
    tag->name = Lower(html_.substr(name_begin, i - name_begin));
    while (i < n) {
      while (i < n && (IsHtmlSpace(html_[i]) || html_[i] == '/')) {
        tag->self_closing = html_[i] == '/' && i + 1 < n && html_[i + 1] == '>';
        ++i;
      }
      if (i >= n) break;
      if (html_[i] == '>') return i + 1;
      i = ParseAttribute(i, tag);
    }
    return kNpos;
  }

  size_t ParseAttribute(size_t i, Tag* tag) {
    const size_t n = html_.size();
    const size_t name_begin = i++;  // a leading '=' belongs to the name
    while (i < n && !IsHtmlSpace(html_[i]) && html_[i] != '/' &&
           html_[i] != '>' && html_[i] != '=') {
      ++i;
    }
    std::string name = Lower(html_.substr(name_begin, i - name_begin));
    size_t j = i;
    while (j < n && IsHtmlSpace(html_[j])) ++j;
    std::string value;
    if (j < n && html_[j] == '=') {
      ++j;
      while (j < n && IsHtmlSpace(html_[j])) ++j;
      size_t value_begin = j, value_end;
      if (j < n && (html_[j] == '"' || html_[j] == '\'')) {
        const size_t close = html_.find(html_[j], j + 1);
        value_begin = j + 1;
        value_end = close == kNpos ? n : close;
        j = close == kNpos ? n : close + 1;
      } else {
        while (j < n && !IsHtmlSpace(html_[j]) && html_[j] != '>') ++j;
        value_end = j;
      }
      decoder_.Decode(html_.substr(value_begin, value_end - value_begin),
                      value_begin, &value);
      i = j;
    }
    tag->attributes.emplace_back(std::move(name), std::move(value));
    return i;
  }

  // Handles a start tag whose markup ends at `end`; returns where the
  // page continues (after the content of raw-text elements).
  size_t OnStart(const Tag& tag, size_t end) {
    if (!OneOf(tag.name, {"head", "meta", "link", "title", "script", "style",
                          "base", "noscript", "template"})) {
      in_head_ = false;
    }
    if (tag.name == "meta") OnMeta(tag);
    if (tag.name == "link" && Lower(tag.Get("rel")) == "canonical" &&
        canonical_url_.empty()) {
      // A character reference (&#13; &#10;) must not put a line break in it.
      canonical_url_ = CollapseSpace(tag.Get("href"));
    }
    if (tag.name == "time" && Collecting() && time_date_.empty()) {
      time_date_ = NormalizeDate(tag.Get("datetime"));
    }
    if (IsRawText(tag.name)) return RawText(tag, end);
    if (tag.name == "br") Break(1);
    if (tag.name == "hr" || IsBlock(tag.name)) Break(2);
    if (tag.name == "td" || tag.name == "th") {
      body_.Space();
      article_.Space();
    }
    if (!IsVoid(tag.name) && !tag.self_closing) Push(tag);
    return end;
  }

  void OnMeta(const Tag& tag) {
    std::string key = tag.Get("property");
    if (key.empty()) key = tag.Get("name");
    if (key.empty()) key = tag.Get("itemprop");
    key = Lower(key);
    const std::string content = CollapseSpace(tag.Get("content"));
    if (content.empty()) return;
    auto set_once = [&](std::string* field) {
      if (field->empty()) *field = content;
    };
    if (key == "og:title") set_once(&og_title_);
    if (key == "title" || key == "dc.title") set_once(&meta_title_);
    if (key == "twitter:title") set_once(&twitter_title_);
    if (key == "og:site_name") set_once(&site_name_);
    if (key == "og:url") set_once(&og_url_);
    if (meta_date_.empty() &&
        OneOf(key,
              {"article:published_time", "og:published_time",
               "og:article:published_time", "datepublished", "date", "pubdate",
               "publishdate", "publish-date", "dc.date", "dc.date.issued",
               "dcterms.created", "dcterms.date", "sailthru.date",
               "parsely-pub-date", "citation_publication_date"})) {
      meta_date_ = NormalizeDate(content);
    }
  }

  // The content of a raw-text element runs to its end tag, or else to the
  // end of the page, except that an unclosed <title> or <textarea> ends at
  // the next '<' rather than swallow the page. Returns the position after
  // the element.
  size_t RawText(const Tag& tag, size_t begin) {
    size_t close = FindRawTextEnd(tag.name, begin);
    size_t resume = close == kNpos ? html_.size() : SkipPast(close, '>');
    if (close == kNpos && (tag.name == "title" || tag.name == "textarea")) {
      close = resume = std::min(html_.find('<', begin), html_.size());
    }
    const size_t end = close == kNpos ? html_.size() : close;
    const std::string_view content = html_.substr(begin, end - begin);
    if (tag.name == "title" && title_element_.empty() && excluded_depth_ == 0) {
      std::string decoded;
      decoder_.Decode(content, begin, &decoded);
      title_element_ = CollapseSpace(decoded);
    }
    if (tag.name == "script" &&
        Lower(tag.Get("type")) == "application/ld+json" &&
        json_ld_date_.empty()) {
      json_ld_date_ = JsonLdDate(content);
    }
    return resume;
  }

  // FindEndTag, remembering where an end tag is known to be missing so that
  // a page of unclosed <title> tags is not searched once per tag.
  size_t FindRawTextEnd(const std::string& name, size_t begin) {
    const auto missing = missing_end_tag_.find(name);
    if (missing != missing_end_tag_.end() && begin >= missing->second) {
      return kNpos;
    }
    const size_t close = FindEndTag(html_, begin, name);
    if (close == kNpos) missing_end_tag_[name] = begin;
    return close;
  }

  void Push(const Tag& tag) {
    OpenElement e{tag.name, IsExcluded(tag)};
    if (e.name == "head") in_head_ = true;
    if (e.excluded) ++excluded_depth_;
    if (e.name == "article") ++article_depth_;
    ++open_count_[e.name];
    stack_.push_back(std::move(e));
  }

  void OnEnd(const std::string& name) {
    if (name == "br") Break(1);  // browsers read </br> as <br>
    if (IsBlock(name)) Break(2);
    if (name == "head") in_head_ = false;
    auto it = open_count_.find(name);
    if (it == open_count_.end() || it->second == 0) return;
    while (!stack_.empty()) {
      OpenElement e = std::move(stack_.back());
      stack_.pop_back();
      --open_count_[e.name];
      if (e.excluded) --excluded_depth_;
      if (e.name == "article") --article_depth_;
      if (e.name == name) break;
    }
  }

  std::string_view origin_;
  std::string_view html_;
  ReferenceDecoder decoder_;
  std::vector<OpenElement> stack_;
  std::unordered_map<std::string, size_t> open_count_;
  std::unordered_map<std::string, size_t> missing_end_tag_;
  int excluded_depth_ = 0;
  int article_depth_ = 0;
  bool in_head_ = false;
  TextBuilder body_;
  TextBuilder article_;
  std::string scratch_;
  Tally unclosed_comment_;
  std::string title_element_, og_title_, meta_title_, twitter_title_;
  std::string meta_date_, json_ld_date_, time_date_;
  std::string site_name_, og_url_, canonical_url_;
};

}  // namespace

Document ReadHtml(std::string_view origin, std::string_view bytes) {
  Document doc;
  doc.origin = std::string(origin);
  doc.id = DocumentIdFromOrigin(origin);
  const std::string html = RepairText(bytes, origin, &doc.diagnostics);
  HtmlExtractor extractor(origin, html);
  extractor.Run();
  extractor.Finish(&doc);
  return doc;
}

}  // namespace newsgraph
