#include "graph/schema.h"

#include <set>
#include <string>

#include <gtest/gtest.h>

namespace newsgraph {
namespace {

TEST(SchemaTest, HasThirteenInteractionAndThreeStructuralRelations) {
  int interactions = 0, structural = 0;
  for (const RelationInfo& info : AllRelations()) {
    (info.category == RelationCategory::kInteraction ? interactions : structural)++;
  }
  EXPECT_EQ(interactions, 13);
  EXPECT_EQ(structural, 3);
}

TEST(SchemaTest, NamesRoundTripAndAreUnique) {
  std::set<std::string_view> names;
  for (const RelationInfo& info : AllRelations()) {
    EXPECT_TRUE(names.insert(info.name).second) << info.name;
    ASSERT_TRUE(ParseRelation(info.name).has_value());
    EXPECT_EQ(*ParseRelation(info.name), info.kind);
    EXPECT_EQ(&Info(info.kind), &info);
  }
  for (const NodeKindInfo& info : AllNodeKinds()) {
    ASSERT_TRUE(ParseNodeKind(info.name).has_value());
    EXPECT_EQ(*ParseNodeKind(info.name), info.kind);
  }
  EXPECT_FALSE(ParseRelation("Accuses").has_value());
  EXPECT_FALSE(ParseNodeKind("country").has_value());
}

TEST(SchemaTest, CameoRootsOfInteractionsOnly) {
  EXPECT_EQ(Info(RelationKind::kAccuses).cameo, "112");
  EXPECT_EQ(Info(RelationKind::kAppealsTo).cameo, "02");
  EXPECT_EQ(Info(RelationKind::kAttacks).cameo, "18");
  EXPECT_TRUE(Info(RelationKind::kPartOf).cameo.empty());
  EXPECT_TRUE(Info(RelationKind::kConsults).symmetric);
  EXPECT_FALSE(Info(RelationKind::kAccuses).symmetric);
}

}  // namespace
}  // namespace newsgraph
