#include "extractors/time_expressions.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <string_view>

#include "extractors/document_state.h"

namespace newsgraph {

namespace {

struct Ymd {
  int y = 0, m = 0, d = 0;
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int Digits(const char* p, size_t n) {
  int value = 0;
  for (size_t k = 0; k < n; ++k) value = value * 10 + (p[k] - '0');
  return value;
}

bool ParseIso(const std::string& s, Ymd* out) {
  if (s.size() < 10) return false;
  // The usual DDDD-DD-DD read directly: what sscanf below reads from it.
  const char* p = s.data();
  if (IsDigit(p[0]) && IsDigit(p[1]) && IsDigit(p[2]) && IsDigit(p[3]) &&
      p[4] == '-' && IsDigit(p[5]) && IsDigit(p[6]) && p[7] == '-' &&
      IsDigit(p[8]) && IsDigit(p[9])) {
    out->y = Digits(p, 4);
    out->m = Digits(p + 5, 2);
    out->d = Digits(p + 8, 2);
    return true;
  }
  return std::sscanf(s.c_str(), "%4d-%2d-%2d", &out->y, &out->m, &out->d) == 3;
}

// Days since 1970-01-01 (proleptic Gregorian), and back.
long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  unsigned yoe = static_cast<unsigned>(y - era * 400);
  unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

Ymd CivilFromDays(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  unsigned doe = static_cast<unsigned>(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int y = static_cast<int>(yoe) + static_cast<int>(era) * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {y + (m <= 2), m, d};
}

// Writes n (0 <= n < 10^width) as `width` digits at p.
void PutDigits(int n, int width, char* p) {
  for (int k = width - 1; k >= 0; --k, n /= 10) p[k] = static_cast<char>('0' + n % 10);
}

std::string Format(const Ymd& v) {
  if (v.y >= 0 && v.y <= 9999 && v.m >= 0 && v.m <= 99 && v.d >= 0 &&
      v.d <= 99) {
    std::string out = "0000-00-00";  // as "%04d-%02d-%02d" writes these
    PutDigits(v.y, 4, &out[0]);
    PutDigits(v.m, 2, &out[5]);
    PutDigits(v.d, 2, &out[8]);
    return out;
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", v.y, v.m, v.d);
  return buf;
}

std::string FormatMonth(int y, int m) {
  if (y >= 0 && y <= 9999 && m >= 0 && m <= 99) {
    std::string out = "0000-00";  // as "%04d-%02d" writes these
    PutDigits(y, 4, &out[0]);
    PutDigits(m, 2, &out[5]);
    return out;
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  return buf;
}

// Words are string_views, so that each comparison tests the lengths first.
int Weekday(std::string_view w) {  // 0 = Monday
  static constexpr std::string_view kDays[] = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  for (int i = 0; i < 7; ++i) {
    if (w == kDays[i]) return i;
  }
  return -1;
}

int Month(std::string_view w) {
  static constexpr std::string_view kMonths[] = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  static constexpr std::string_view kShort[] = {
      "jan.", "feb.", "mar.", "apr.", "may", "jun.",
      "jul.", "aug.", "sept.", "oct.", "nov.", "dec."};
  for (int i = 0; i < 12; ++i) {
    if (w == kMonths[i] || w == kShort[i]) return i + 1;
  }
  if (w == "sep.") return 9;
  return 0;
}

int Number(std::string_view w, int lo, int hi) {
  if (w.empty() || w.size() > 4) return 0;
  int n = 0;
  for (char c : w) {
    if (c < '0' || c > '9') return 0;
    n = n * 10 + (c - '0');
  }
  return n >= lo && n <= hi ? n : 0;
}

// Words that can open a time expression (a cheap test before resolving):
// a number, or one of these, which are every word for which Weekday() or
// Month() finds something, plus the relative openers; grouped by first
// letter.
constexpr std::string_view kOpeners[] = {
    "april", "august", "apr.", "aug.", "december", "dec.", "earlier", "friday",
    "february", "feb.", "january", "june", "july", "jan.", "jun.", "jul.",
    "last", "later", "monday", "march", "may", "mar.", "next", "november",
    "nov.", "october", "oct.", "saturday", "sunday", "september", "sept.",
    "sep.", "today", "tonight", "tomorrow", "this", "tuesday", "thursday",
    "wednesday", "yesterday"};

// The openers that start with one byte: kOpeners[begin, end), and bit n
// of `sizes` set when one of them has n bytes.
struct OpenerGroup {
  uint32_t sizes = 0;
  uint8_t begin = 0;
  uint8_t end = 0;
};

constexpr std::array<OpenerGroup, 256> MakeOpenerGroups() {
  std::array<OpenerGroup, 256> groups{};
  for (size_t k = 0; k < std::size(kOpeners); ++k) {
    OpenerGroup& group = groups[static_cast<unsigned char>(kOpeners[k][0])];
    if (group.sizes == 0) group.begin = static_cast<uint8_t>(k);
    group.sizes |= uint32_t{1} << kOpeners[k].size();
    group.end = static_cast<uint8_t>(k + 1);
  }
  return groups;
}
constexpr std::array<OpenerGroup, 256> kOpenerGroups = MakeOpenerGroups();

constexpr bool GroupedByFirstLetter() {
  for (size_t k = 0; k < std::size(kOpeners); ++k) {
    const OpenerGroup& group =
        kOpenerGroups[static_cast<unsigned char>(kOpeners[k][0])];
    if (k < group.begin || k >= group.end || group.end - group.begin > 16) {
      return false;
    }
    for (size_t j = group.begin; j < group.end; ++j) {
      if (kOpeners[j][0] != kOpeners[k][0]) return false;
    }
  }
  return true;
}
static_assert(GroupedByFirstLetter(), "kOpeners: one run per first letter");

// This runs on every token of every dated document: most words are turned
// away by their first byte and length alone, by one table look-up.
bool MayStartTimeExpression(std::string_view w) {
  if (w.empty()) return false;
  if (IsDigit(w[0])) return true;
  const OpenerGroup& group = kOpenerGroups[static_cast<unsigned char>(w[0])];
  if (w.size() >= 32 || (group.sizes >> w.size() & 1) == 0) return false;
  for (size_t k = group.begin; k < group.end; ++k) {
    if (kOpeners[k] == w) return true;
  }
  return false;
}

// "21 December 2014" at at(0), at(1) ..., resolved against `a`, or "".
template <typename At>
std::string DayFirst(const At& at, const Ymd& a, size_t* consumed) {
  int day = Number(at(0), 1, 31);
  if (day > 0 && Month(at(1)) > 0) {
    int year = Number(at(2), 1900, 2100);
    int m = Month(at(1));
    *consumed = year ? 3 : 2;
    if (!year) year = m > a.m ? a.y - 1 : a.y;
    return Format({year, m, day});
  }
  return "";
}

// The date named by the words [0, size) starting at word(i), resolved
// against `a`; see ResolveTimeExpression(). `word(k)` is the k-th word, a
// std::string_view.
template <typename WordAt>
std::string Resolve(const WordAt& word, size_t size, size_t i, const Ymd& a,
                    size_t* consumed) {
  const long today = DaysFromCivil(a.y, a.m, a.d);
  auto at = [&](size_t k) -> std::string_view {
    return i + k < size ? word(i + k) : std::string_view();
  };
  *consumed = 1;
  // "21 December 2014" is the one rule for a number (no word below starts
  // with a digit), and numbers are most of what gets this far.
  if (!at(0).empty() && IsDigit(at(0)[0])) return DayFirst(at, a, consumed);
  if (at(0) == "today" || at(0) == "tonight") return Format(a);
  if (at(0) == "yesterday") return Format(CivilFromDays(today - 1));
  if (at(0) == "tomorrow") return Format(CivilFromDays(today + 1));
  int wd = Weekday(at(0));
  if (wd >= 0) {
    long anchor_wd = ((today % 7) + 7 + 3) % 7;  // 1970-01-01 was a Thursday
    long back = (anchor_wd - wd + 7) % 7;
    return Format(CivilFromDays(today - back));
  }
  if ((at(0) == "last" || at(0) == "this" || at(0) == "next") &&
      (at(1) == "week" || at(1) == "month" || at(1) == "year")) {
    *consumed = 2;
    int shift = at(0) == "last" ? -1 : at(0) == "next" ? 1 : 0;
    if (at(1) == "week") return Format(CivilFromDays(today + 7 * shift));
    if (at(1) == "year") return std::to_string(a.y + shift);
    int m = a.m + shift, y = a.y;
    if (m < 1) m += 12, --y;
    if (m > 12) m -= 12, ++y;
    return FormatMonth(y, m);
  }
  if ((at(0) == "earlier" || at(0) == "later") && at(1) == "this" &&
      (at(2) == "month" || at(2) == "week")) {
    *consumed = 3;
    return at(2) == "month" ? FormatMonth(a.y, a.m) : Format(a);
  }
  int month = Month(at(0));
  if (month > 0) {
    // "December 21, 2014" / "December 21" / "December 2014" / "December"
    int day = Number(at(1), 1, 31);
    if (day > 0) {
      size_t k = 2;
      if (at(k) == ",") ++k;
      int year = Number(at(k), 1900, 2100);
      *consumed = year ? k + 1 : 2;
      if (!year) year = month > a.m ? a.y - 1 : a.y;
      return Format({year, month, day});
    }
    int year = Number(at(1), 1900, 2100);
    if (year) {
      *consumed = 2;
      return FormatMonth(year, month);
    }
    if (at(0) == "may") return "";  // the modal verb, most of the time
    return FormatMonth(month > a.m ? a.y - 1 : a.y, month);
  }
  return DayFirst(at, a, consumed);
}

}  // namespace

std::string ResolveTimeExpression(const std::vector<std::string>& t, size_t i,
                                  const std::string& anchor, size_t* consumed) {
  Ymd a;
  if (!ParseIso(anchor, &a)) return "";
  auto word = [&](size_t k) { return std::string_view(t[k]); };
  return Resolve(word, t.size(), i, a, consumed);
}

void TimeExpressionStage::Run(Document& doc, DocumentState& state,
                              KnowledgeGraph&) const {
  state.sentence_dates.assign(doc.sentences.size(), doc.date);
  Ymd anchor;
  if (!ParseIso(doc.date, &anchor)) return;  // nothing resolves
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sentence = doc.sentences[s];
    if (sentence.in_title) continue;
    // The segmenter's lowercase text of the sentence's tokens.
    auto words = [&doc, first = sentence.first_token](size_t k) {
      return doc.LowerTokenText(first + k);
    };
    const size_t size = sentence.last_token - sentence.first_token;
    for (size_t i = 0; i < size; ++i) {
      if (!MayStartTimeExpression(words(i))) continue;
      size_t consumed = 0;
      std::string date = Resolve(words, size, i, anchor, &consumed);
      if (!date.empty()) {
        state.sentence_dates[s] = date;
        break;
      }
    }
  }
}

}  // namespace newsgraph
