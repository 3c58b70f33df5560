#include "graph/edge_index.h"

#include <gtest/gtest.h>

#include <vector>

#include "graph/knowledge_graph.h"

namespace newsgraph {
namespace {

TEST(EdgeIndexTest, EmptyFindsNothing) {
  EdgeIndex index;
  EXPECT_EQ(index.Find(0, RelationKind::kConsults, 1), nullptr);
  EXPECT_EQ(index.size(), 0u);
}

TEST(EdgeIndexTest, FindsEveryKeyThroughGrowth) {
  EdgeIndex index;
  std::vector<Edge> edges(3 * 2000);
  const RelationKind kinds[] = {RelationKind::kConsults,
                                RelationKind::kAttacks,
                                RelationKind::kInvolvedIn};
  for (size_t s = 0; s < 2000; ++s) {
    for (size_t k = 0; k < 3; ++k) {
      index.Insert(s, kinds[k], s + 1, &edges[3 * s + k]);
    }
  }
  EXPECT_EQ(index.size(), 6000u);
  for (size_t s = 0; s < 2000; ++s) {
    for (size_t k = 0; k < 3; ++k) {
      ASSERT_EQ(index.Find(s, kinds[k], s + 1), &edges[3 * s + k]) << s;
    }
    // The same vertices the other way, or with another relation, are
    // another edge.
    ASSERT_EQ(index.Find(s + 1, RelationKind::kConsults, s), nullptr);
    ASSERT_EQ(index.Find(s, RelationKind::kOpposes, s + 1), nullptr);
  }
}

TEST(EdgeIndexTest, LargeVerticesAndClear) {
  EdgeIndex index;
  Edge edge;
  index.Insert(0xFFFFFFFFu, RelationKind::kPartOf, 0, &edge);
  EXPECT_EQ(index.Find(0xFFFFFFFFu, RelationKind::kPartOf, 0), &edge);
  EXPECT_EQ(index.Find(0, RelationKind::kPartOf, 0xFFFFFFFFu), nullptr);
  EXPECT_THROW(index.Insert(size_t{1} << 32, RelationKind::kPartOf, 0, &edge),
               std::length_error);
  index.Clear();
  EXPECT_EQ(index.size(), 0u);
  EXPECT_EQ(index.Find(0xFFFFFFFFu, RelationKind::kPartOf, 0), nullptr);
}

}  // namespace
}  // namespace newsgraph
