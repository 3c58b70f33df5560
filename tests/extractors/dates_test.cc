#include "extractors/dates.h"

#include <gtest/gtest.h>

namespace newsgraph {
namespace {

TEST(NormalizeDateTest, YearFirst) {
  EXPECT_EQ(NormalizeDate("2014-12-23"), "2014-12-23");
  EXPECT_EQ(NormalizeDate("2014-12-23 03:17"), "2014-12-23");
  EXPECT_EQ(NormalizeDate("2014-12-23T03:17:00Z"), "2014-12-23");
  EXPECT_EQ(NormalizeDate("2014-12-23T03:17:00+08:00"), "2014-12-23");
  EXPECT_EQ(NormalizeDate("1987-02-26T15:01:01"), "1987-02-26");
  EXPECT_EQ(NormalizeDate("2014/12/23"), "2014-12-23");
  EXPECT_EQ(NormalizeDate("2014-1-5"), "2014-01-05");
  EXPECT_EQ(NormalizeDate("  2014-12-23\n"), "2014-12-23");
}

TEST(NormalizeDateTest, MonthNameFirst) {
  EXPECT_EQ(NormalizeDate("December 22, 2014"), "2014-12-22");
  EXPECT_EQ(NormalizeDate("Dec. 22, 2014"), "2014-12-22");
  EXPECT_EQ(NormalizeDate("Dec 22 2014 10:00 AM EST"), "2014-12-22");
  EXPECT_EQ(NormalizeDate("December 22nd, 2014"), "2014-12-22");
  EXPECT_EQ(NormalizeDate("Sept. 5, 2019"), "2019-09-05");
  EXPECT_EQ(NormalizeDate("Friday, January 4, 2019"), "2019-01-04");
}

TEST(NormalizeDateTest, DayFirst) {
  EXPECT_EQ(NormalizeDate("22 December 2014"), "2014-12-22");
  EXPECT_EQ(NormalizeDate("22nd december 2014"), "2014-12-22");
  EXPECT_EQ(NormalizeDate("Mon, 22 Dec 2014 10:00:00 GMT"), "2014-12-22");
  EXPECT_EQ(NormalizeDate("Thu, 01 Jan 1970 00:00:00 +0000"), "1970-01-01");
  EXPECT_EQ(NormalizeDate("26-FEB-1987 15:01:01.79"), "1987-02-26");
  EXPECT_EQ(NormalizeDate("5-MAR-1987 09:00:00.00"), "1987-03-05");
}

TEST(NormalizeDateTest, ValidatesTheCalendar) {
  EXPECT_EQ(NormalizeDate("2016-02-29"), "2016-02-29");
  EXPECT_EQ(NormalizeDate("2000-02-29"), "2000-02-29");
  EXPECT_EQ(NormalizeDate("2015-02-29"), "");
  EXPECT_EQ(NormalizeDate("1900-02-29"), "");
  EXPECT_EQ(NormalizeDate("2014-13-01"), "");
  EXPECT_EQ(NormalizeDate("2014-04-31"), "");
  EXPECT_EQ(NormalizeDate("2014-00-10"), "");
  EXPECT_EQ(NormalizeDate("February 30, 2014"), "");
  EXPECT_EQ(NormalizeDate("32 Dec 2014"), "");
}

TEST(NormalizeDateTest, RejectsWhatIsNotADate) {
  EXPECT_EQ(NormalizeDate(""), "");
  EXPECT_EQ(NormalizeDate("   "), "");
  EXPECT_EQ(NormalizeDate("yesterday"), "");
  EXPECT_EQ(NormalizeDate("Updated: 2014-12-23"), "");
  EXPECT_EQ(NormalizeDate("12/23/2014"), "");  // month or day first?
  EXPECT_EQ(NormalizeDate("23.12.2014"), "");
  EXPECT_EQ(NormalizeDate("Dec 2014"), "");
  EXPECT_EQ(NormalizeDate("December 22"), "");
  EXPECT_EQ(NormalizeDate("December 22, 14"), "");
  EXPECT_EQ(NormalizeDate("2014-12-234"), "");
  EXPECT_EQ(NormalizeDate("20141-12-23"), "");
  EXPECT_EQ(NormalizeDate("Mayday 5 2014"), "");
  EXPECT_EQ(NormalizeDate("Monday"), "");
}

TEST(DateFromUnixTimeTest, UtcDays) {
  EXPECT_EQ(DateFromUnixTime(0), "1970-01-01");
  EXPECT_EQ(DateFromUnixTime(-1), "1969-12-31");
  EXPECT_EQ(DateFromUnixTime(1419300000), "2014-12-23");
  EXPECT_EQ(DateFromUnixTime(951782400), "2000-02-29");
}

}  // namespace
}  // namespace newsgraph
