#include "extractors/lexicons.h"

#include <algorithm>
#include <functional>
#include <cstring>
#include <set>
#include <utility>

#include "extractors/builtin_lexicons.h"
#include "extractors/lexicon_data.h"
#include "extractors/tokenizer.h"

namespace newsgraph {

namespace {

using Fields = std::vector<std::string>;

std::vector<std::string> SplitBy(std::string_view text, char sep) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t pos = text.find(sep, start);
    parts.emplace_back(text.substr(start, pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return parts;
}

std::vector<std::string> SplitList(const std::string& field) {
  std::vector<std::string> values;
  if (field.empty()) return values;
  for (std::string& v : SplitBy(field, '|')) {
    if (!v.empty()) values.push_back(std::move(v));
  }
  return values;
}

bool IsSlug(const std::string& s) {
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

bool IsIso3(const std::string& s) {
  return s.size() == 3 && std::all_of(s.begin(), s.end(), [](char c) {
           return c >= 'A' && c <= 'Z';
         });
}

// A CAMEO event code: two to four digits ("02", "112", "1663").
bool IsCameo(const std::string& s) {
  return s.size() >= 2 && s.size() <= 4 && std::all_of(s.begin(), s.end(), ::isdigit);
}

int ParseYear(const std::string& s, bool* ok) {
  if (s.empty()) return 0;
  if (s.size() != 4 || !std::all_of(s.begin(), s.end(), ::isdigit)) {
    *ok = false;
    return 0;
  }
  return std::stoi(s);
}

std::vector<std::string> Words(const std::string& phrase) {
  return SplitBy(PhraseKey(phrase), ' ');
}

// One file kind: its header and how to take one line.
struct FileKind {
  const char* header;
  std::function<std::string(const Fields&, LexiconData&)> take;  // error or ""
};

std::string TakeCountry(const Fields& f, LexiconData& d) {
  if (!IsIso3(f[0])) return "iso3 '" + f[0] + "' is not three capital letters";
  if (f[1].empty()) return "empty label";
  CountryEntry& c = d.countries[f[0]];
  c.iso3 = f[0];
  c.label = f[1];
  if (!f[2].empty()) c.wikidata = f[2];
  for (auto& a : SplitList(f[3])) c.aliases.push_back(a);
  for (auto& a : SplitList(f[4])) c.seats.push_back(a);
  for (auto& a : SplitList(f[5])) c.demonyms.push_back(a);
  return "";
}

const std::set<std::string>& OrgCategories() {
  static const std::set<std::string> kCategories = {
      "international", "agency", "ministry", "military", "legislature",
      "court", "party", "company", "media", "institute", "armed-group",
      "other"};
  return kCategories;
}

std::string TakeOrganization(const Fields& f, LexiconData& d) {
  if (!IsSlug(f[0])) return "id '" + f[0] + "' is not a slug [a-z0-9-]";
  if (f[1].empty()) return "empty label";
  if (!OrgCategories().count(f[5])) return "unknown category '" + f[5] + "'";
  OrganizationEntry& o = d.organizations[f[0]];
  o.id = f[0];
  o.label = f[1];
  if (!f[2].empty()) o.wikidata = f[2];
  for (auto& a : SplitList(f[3])) o.aliases.push_back(a);
  if (!f[4].empty()) o.parent = f[4];
  o.category = f[5];
  return "";
}

std::string TakeOfficial(const Fields& f, LexiconData& d) {
  if (!IsSlug(f[0])) return "id '" + f[0] + "' is not a slug [a-z0-9-]";
  if (f[1].empty()) return "empty label";
  if (f[5].empty()) return "empty affiliation";
  OfficialEntry o;
  o.id = f[0];
  o.label = f[1];
  o.wikidata = f[2];
  o.aliases = SplitList(f[3]);
  o.role = f[4];
  o.affiliation = f[5];
  bool ok = true;
  o.from = ParseYear(f[6], &ok);
  o.to = ParseYear(f[7], &ok);
  if (!ok) return "years must be four digits";
  d.officials[o.id].push_back(std::move(o));
  return "";
}

std::string TakeTitle(const Fields& f, LexiconData& d) {
  if (f[0].empty()) return "empty title";
  if (f[1] != "government" && f[1] != "organization" && f[1] != "any") {
    return "kind must be government, organization or any";
  }
  if (!f[2].empty() && f[2] != "head") return "scope must be head or empty";
  d.titles.push_back({Words(f[0]), f[0], f[1], f[2] == "head"});
  return "";
}

std::string TakeRelation(const Fields& f, LexiconData& d) {
  auto relation = ParseRelation(f[1]);
  if (!relation || !IsInteraction(*relation)) {
    return "unknown interaction relation '" + f[1] + "'";
  }
  RelationTrigger t;
  t.words = Words(f[0]);
  if (t.words.empty() || t.words[0].empty()) return "empty trigger";
  t.relation = *relation;
  if (!f[2].empty() && !IsCameo(f[2])) return "cameo '" + f[2] + "' is not 2 to 4 digits";
  t.cameo = f[2].empty() ? std::string(Info(*relation).cameo) : f[2];
  if (f[3] == "svo") {
    t.frame = Frame::kSubjectVerbObject;
  } else if (f[3] == "svpo") {
    t.frame = Frame::kSubjectVerbPrepObj;
  } else if (f[3] == "noun") {
    t.frame = Frame::kNoun;
  } else if (f[3] == "attribution") {
    t.frame = Frame::kAttribution;
  } else if (f[3] == "evaluation") {
    t.frame = Frame::kEvaluation;
  } else if (f[3] == "mutual") {
    t.frame = Frame::kMutual;
  } else {
    return "frame must be svo, svpo, noun, attribution, evaluation or mutual";
  }
  try {
    t.confidence = std::stod(f[4]);
  } catch (...) {
    return "confidence '" + f[4] + "' is not a number";
  }
  if (t.confidence < 0 || t.confidence > 1) return "confidence not in [0, 1]";
  t.event = f[5];
  d.relation_triggers.push_back(std::move(t));
  return "";
}

std::string TakeEvent(const Fields& f, LexiconData& d) {
  EventTrigger t;
  t.words = Words(f[0]);
  if (t.words.empty() || t.words[0].empty()) return "empty trigger";
  if (f[1].empty()) return "empty category";
  if (!f[2].empty() && !IsCameo(f[2])) return "cameo '" + f[2] + "' is not 2 to 4 digits";
  t.category = f[1];
  t.cameo = f[2];
  d.event_triggers.push_back(std::move(t));
  return "";
}

const std::vector<FileKind>& FileKinds() {
  static const std::vector<FileKind> kKinds = {
      {"iso3\tlabel\twikidata\taliases\tseats\tdemonyms", TakeCountry},
      {"id\tlabel\twikidata\taliases\tparent\tcategory", TakeOrganization},
      {"id\tlabel\twikidata\taliases\trole\taffiliation\tfrom\tto",
       TakeOfficial},
      {"title\tkind\tscope", TakeTitle},
      {"trigger\trelation\tcameo\tframe\tconfidence\tevent", TakeRelation},
      {"trigger\tcategory\tcameo", TakeEvent},
  };
  return kKinds;
}

void AddPhrase(LexiconData& d, const std::string& phrase, NodeKind kind,
               const std::string& key_id, GazetteerEntry::How how) {
  GazetteerEntry entry;
  entry.kind = kind;
  entry.key = key_id;
  entry.how = how;
  // PhraseKey(phrase), from the exact key rather than a second tokenizing.
  std::string exact_key = ExactPhraseKey(phrase);
  std::string key = Lower(exact_key);
  if (key.empty()) return;
  entry.form = phrase;
  entry.exact_key = std::move(exact_key);
  entry.exact_case = AllUpper(phrase) && phrase.size() <= 8;
  auto& entries = d.gazetteer[key];
  for (const GazetteerEntry& e : entries) {
    if (e.kind == entry.kind && e.key == entry.key && e.how == entry.how &&
        e.form == entry.form) {
      return;
    }
  }
  entries.push_back(std::move(entry));
  size_t n = std::count(key.begin(), key.end(), ' ') + 1;
  d.max_phrase_tokens = std::max(d.max_phrase_tokens, n);
  for (size_t pos = key.find(' '); pos != std::string::npos; pos = key.find(' ', pos + 1)) {
    d.phrase_prefixes.insert(key.substr(0, pos));
  }
  d.phrase_prefixes.insert(key);
}

void BuildIndexes(LexiconData& d) {
  d.gazetteer.clear();
  d.surnames.clear();
  d.phrase_prefixes.clear();
  d.titles_by_first_word.clear();
  d.events_by_first_word.clear();
  d.event_first_words = WordTable();
  for (size_t i = 0; i < d.titles.size(); ++i) {
    d.titles_by_first_word[d.titles[i].words.front()].push_back(i);
  }
  for (size_t i = 0; i < d.event_triggers.size(); ++i) {
    d.events_by_first_word[d.event_triggers[i].words.front()].push_back(i);
    d.event_first_words.Add(d.event_triggers[i].words.front(), 1);
  }
  using How = GazetteerEntry::How;
  for (const auto& [iso, c] : d.countries) {
    AddPhrase(d, c.label, NodeKind::kCountry, iso, How::kName);
    for (const auto& a : c.aliases) AddPhrase(d, a, NodeKind::kCountry, iso, How::kName);
    for (const auto& a : c.seats) AddPhrase(d, a, NodeKind::kCountry, iso, How::kSeat);
    for (const auto& a : c.demonyms) AddPhrase(d, a, NodeKind::kCountry, iso, How::kDemonym);
  }
  for (const auto& [id, o] : d.organizations) {
    AddPhrase(d, o.label, NodeKind::kOrganization, id, How::kName);
    for (const auto& a : o.aliases) AddPhrase(d, a, NodeKind::kOrganization, id, How::kName);
  }
  for (const auto& [id, terms] : d.officials) {
    std::set<std::string> names;
    for (const OfficialEntry& o : terms) {
      names.insert(o.label);
      names.insert(o.aliases.begin(), o.aliases.end());
    }
    for (const auto& name : names) {
      AddPhrase(d, name, NodeKind::kOfficial, id, How::kName);
      std::vector<std::string> words = Words(name);
      if (words.size() >= 2) {
        // Chinese and Korean names put the family name first.
        static const std::set<std::string> kFamilyFirst = {"CHN", "PRK", "KOR", "TWN", "VNM"};
        bool family_first = kFamilyFirst.count(terms.front().affiliation) > 0;
        auto& ids = d.surnames[family_first ? words.front() : words.back()];
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
      }
    }
  }
}

// Adds the entries of one lexicon file to *staged_data (but not the
// derived indexes); on failure *staged_data holds part of the file.
Status ParseInto(std::string_view name, std::string_view content,
                 LexiconData* staged_data) {
  LexiconData& staged = *staged_data;
  const FileKind* kind = nullptr;
  size_t line_number = 0;
  size_t taken = 0;
  for (std::string_view line : SplitBy(content, '\n')) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_number == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
    if (line.empty() || line[0] == '#') continue;
    // Spelled out only for an error: most lines have none.
    auto where = [&] {
      return std::string(name) + ":" + std::to_string(line_number) + ": ";
    };
    if (kind == nullptr) {
      for (const FileKind& k : FileKinds()) {
        if (line == k.header) kind = &k;
      }
      if (kind == nullptr) {
        return Status::Error(where() + "unknown header '" + std::string(line.substr(0, 80)) +
                             "' (see extractors/lexicons/README.md)");
      }
      continue;
    }
    Fields fields = SplitBy(line, '\t');
    size_t expected = std::count(kind->header, kind->header + strlen(kind->header), '\t') + 1;
    if (fields.size() != expected) {
      return Status::Error(where() + "expected " + std::to_string(expected) +
                           " columns, got " + std::to_string(fields.size()));
    }
    for (std::string& f : fields) {
      while (!f.empty() && f.back() == ' ') f.pop_back();
      while (!f.empty() && f.front() == ' ') f.erase(f.begin());
    }
    std::string error = kind->take(fields, staged);
    if (!error.empty()) return Status::Error(where() + error);
    ++taken;
  }
  if (kind == nullptr) {
    return Status::Error(std::string(name) + ":1: empty lexicon (no header line)");
  }
  return Status::Ok();
}

}  // namespace

Lexicons::Lexicons() : data_(std::make_unique<LexiconData>()) {}
Lexicons::~Lexicons() = default;
Lexicons::Lexicons(Lexicons&&) noexcept = default;
Lexicons& Lexicons::operator=(Lexicons&&) noexcept = default;

Status Lexicons::Add(std::string_view name, std::string_view content) {
  LexiconData staged = *data_;
  Status parsed = ParseInto(name, content, &staged);
  if (!parsed.ok()) return parsed;
  BuildIndexes(staged);
  *data_ = std::move(staged);
  return Status::Ok();
}

StatusOr<Lexicons> Lexicons::Builtin() {
  // As Add() for each file, with the indexes derived once, at the end.
  Lexicons lexicons;
  for (const BuiltinLexicon& file : BuiltinLexicons()) {
    Status status = ParseInto(file.name, file.content, lexicons.data_.get());
    if (!status.ok()) return status;
  }
  BuildIndexes(*lexicons.data_);
  return lexicons;
}

}  // namespace newsgraph
