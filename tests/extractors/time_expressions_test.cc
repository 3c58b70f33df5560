#include "extractors/time_expressions.h"

#include <gtest/gtest.h>

namespace newsgraph {
namespace {

std::string Resolve(const std::vector<std::string>& words, const std::string& anchor) {
  size_t consumed = 0;
  return ResolveTimeExpression(words, 0, anchor, &consumed);
}

TEST(TimeExpressionsTest, WeekdaysResolveToTheMostRecentOne) {
  // 2014-12-22 was a Monday.
  EXPECT_EQ(Resolve({"sunday"}, "2014-12-22"), "2014-12-21");
  EXPECT_EQ(Resolve({"monday"}, "2014-12-22"), "2014-12-22");
  EXPECT_EQ(Resolve({"friday"}, "2014-12-22"), "2014-12-19");
  EXPECT_EQ(Resolve({"yesterday"}, "2015-03-01"), "2015-02-28");
}

TEST(TimeExpressionsTest, MonthsWeeksAndExplicitDates) {
  EXPECT_EQ(Resolve({"in"}, "2014-12-22"), "");
  EXPECT_EQ(Resolve({"november"}, "2014-12-22"), "2014-11");
  EXPECT_EQ(Resolve({"december", "21", ",", "2014"}, "2015-01-02"), "2014-12-21");
  EXPECT_EQ(Resolve({"21", "december", "2014"}, "2015-01-02"), "2014-12-21");
  EXPECT_EQ(Resolve({"earlier", "this", "month"}, "2014-12-22"), "2014-12");
  EXPECT_EQ(Resolve({"last", "month"}, "2014-01-10"), "2013-12");
  EXPECT_EQ(Resolve({"last", "week"}, "2014-12-22"), "2014-12-15");
  EXPECT_EQ(Resolve({"may"}, "2014-12-22"), "");  // the modal verb
}

TEST(TimeExpressionsTest, AnchorsAndDatesOutsideTheUsualShape) {
  // Anchors are read as sscanf's "%4d-%2d-%2d" reads them; dates are
  // written as printf's "%04d-%02d-%02d" writes them.
  EXPECT_EQ(Resolve({"yesterday"}, " 2014-12-22"), "2014-12-21");
  EXPECT_EQ(Resolve({"yesterday"}, "2014-12-22T10:00"), "2014-12-21");
  EXPECT_EQ(Resolve({"today"}, "14-1-2 extra"), "0014-01-02");
  EXPECT_EQ(Resolve({"yesterday"}, "0000-01-01"), "-001-12-31");
  EXPECT_EQ(Resolve({"last", "month"}, "0000-01-10"), "-001-12");
  EXPECT_EQ(Resolve({"today"}, "2014/12/22"), "");
}

}  // namespace
}  // namespace newsgraph
