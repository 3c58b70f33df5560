#include "extractors/dates.h"

#include <array>
#include <cctype>
#include <vector>

namespace newsgraph {
namespace {

struct Ymd {
  int year = 0;
  int month = 0;
  int day = 0;
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(c));
  return out;
}

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeapYear(y) ? 29 : kDays[m - 1];
}

std::string Format(const Ymd& d) {
  if (d.year < 1000 || d.year > 9999 || d.month < 1 || d.month > 12 ||
      d.day < 1 || d.day > DaysInMonth(d.year, d.month)) {
    return "";
  }
  // Four, two and two digits, as "%04d-%02d-%02d" writes them (snprintf
  // costs more than the rest of a date's reading).
  std::string out = "0000-00-00";
  auto put = [&out](int n, size_t at, size_t width) {
    for (size_t k = width; k-- > 0; n /= 10) {
      out[at + k] = static_cast<char>('0' + n % 10);
    }
  };
  put(d.year, 0, 4);
  put(d.month, 5, 2);
  put(d.day, 8, 2);
  return out;
}

// 1-12 for an English month name or its abbreviation, else 0.
int MonthNumber(std::string_view word) {
  static constexpr std::array<const char*, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  const std::string w = Lower(word);
  if (w == "sept") return 9;
  for (size_t i = 0; i < kMonths.size(); ++i) {
    const std::string_view name = kMonths[i];
    if (w == name || (w.size() == 3 && name.substr(0, 3) == w)) {
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

bool IsWeekday(std::string_view word) {
  static constexpr std::array<const char*, 7> kDays = {
      "monday", "tuesday",  "wednesday", "thursday",
      "friday", "saturday", "sunday"};
  const std::string w = Lower(word);
  for (std::string_view day : kDays) {
    if (w == day || (w.size() == 3 && day.substr(0, 3) == w)) return true;
  }
  return w == "tues" || w == "thur" || w == "thurs";
}

// Reads a run of digits at text[*i]; returns its value or -1.
int ReadNumber(std::string_view text, size_t* i, size_t max_digits) {
  size_t j = *i;
  int value = 0;
  while (j < text.size() && IsDigit(text[j]) && j - *i < max_digits + 1) {
    value = value * 10 + (text[j] - '0');
    ++j;
  }
  const size_t digits = j - *i;
  if (digits == 0 || digits > max_digits) return -1;
  *i = j;
  return value;
}

// Year first: 2014-12-23, 2014/12/23, 2014-12-23T03:17:00Z.
std::string ParseYearFirst(std::string_view text) {
  size_t i = 0;
  Ymd d;
  if (text.size() < 8 || !IsDigit(text[3])) return "";
  if ((d.year = ReadNumber(text, &i, 4)) < 0 || i != 4) return "";
  const char sep = i < text.size() ? text[i] : '\0';
  if (sep != '-' && sep != '/' && sep != '.') return "";
  ++i;
  if ((d.month = ReadNumber(text, &i, 2)) < 0) return "";
  if (i >= text.size() || text[i] != sep) return "";
  ++i;
  if ((d.day = ReadNumber(text, &i, 2)) < 0) return "";
  return Format(d);
}

// The words and numbers of `text`, skipping spaces and , . - / between
// them; a number's ordinal suffix (22nd) is dropped. Stops after `max`.
std::vector<std::string_view> Words(std::string_view text, size_t max) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < text.size() && words.size() < max) {
    const char c = text[i];
    if (c == ' ' || c == ',' || c == '.' || c == '-' || c == '/' || c == '\t') {
      ++i;
      continue;
    }
    size_t j = i;
    if (IsDigit(c)) {
      while (j < text.size() && IsDigit(text[j])) ++j;
      words.push_back(text.substr(i, j - i));
      size_t k = j;
      while (k < text.size() && IsAlpha(text[k])) ++k;
      const std::string suffix = Lower(text.substr(j, k - j));
      if (suffix == "st" || suffix == "nd" || suffix == "rd" ||
          suffix == "th") {
        j = k;
      }
    } else if (IsAlpha(c)) {
      while (j < text.size() && IsAlpha(text[j])) ++j;
      words.push_back(text.substr(i, j - i));
    } else {
      break;  // a date is made of nothing else
    }
    i = j;
  }
  return words;
}

int ToInt(std::string_view digits, size_t max_digits) {
  if (digits.empty() || digits.size() > max_digits || !IsDigit(digits[0])) {
    return -1;
  }
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

// December 22, 2014 / Dec. 22, 2014 / 22 December 2014 / Mon, 22 Dec 2014
// / 26-FEB-1987.
std::string ParseWithMonthName(std::string_view text) {
  std::vector<std::string_view> words = Words(text, 4);
  size_t first = (!words.empty() && IsWeekday(words[0])) ? 1 : 0;
  if (words.size() < first + 3) return "";
  const std::string_view a = words[first], b = words[first + 1];
  Ymd d;
  if ((d.month = MonthNumber(a)) != 0) {
    d.day = ToInt(b, 2);
  } else if ((d.month = MonthNumber(b)) != 0) {
    d.day = ToInt(a, 2);
  }
  const std::string_view year = words[first + 2];
  d.year = year.size() == 4 ? ToInt(year, 4) : -1;
  return Format(d);
}

// Howard Hinnant's civil_from_days.
Ymd CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  Ymd d;
  d.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  d.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  d.year = static_cast<int>(yoe + era * 400 + (d.month <= 2 ? 1 : 0));
  return d;
}

}  // namespace

std::string NormalizeDate(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text[0]))) {
    text.remove_prefix(1);
  }
  if (text.empty()) return "";
  if (IsDigit(text[0])) {
    std::string date = ParseYearFirst(text);
    if (!date.empty()) return date;
  }
  return ParseWithMonthName(text);
}

std::string DateFromUnixTime(int64_t seconds) {
  int64_t days = seconds / 86400;
  if (seconds % 86400 < 0) --days;
  return Format(CivilFromDays(days));
}

}  // namespace newsgraph
