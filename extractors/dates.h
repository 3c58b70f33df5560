// Publication dates as news pages and feeds write them, normalized to ISO
// 8601 calendar dates. Pure functions, thread-safe.
#ifndef NEWSGRAPH_EXTRACTORS_DATES_H_
#define NEWSGRAPH_EXTRACTORS_DATES_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace newsgraph {

// Returns "YYYY-MM-DD" for the date `text` starts with (after spaces and an
// optional weekday), whatever follows it (a time, a zone), or "" if `text`
// does not start with a valid date in one of these forms:
//   2014-12-23, 2014/12/23, 2014-12-23 03:17, 2014-12-23T03:17:00Z
//   December 22, 2014   Dec. 22, 2014   Dec 22nd 2014
//   22 December 2014    Mon, 22 Dec 2014 10:00:00 GMT
//   26-FEB-1987 15:01:01.79 (Reuters)
// Month names are English, any case. All-numeric dates other than
// year-first ones (12/23/2014, 23.12.2014) are ambiguous and give "".
// The date is the one written: a time zone never moves it to another day.
std::string NormalizeDate(std::string_view text);

// Returns "YYYY-MM-DD" for the UTC day of a Unix time in seconds.
std::string DateFromUnixTime(int64_t seconds);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACTORS_DATES_H_
