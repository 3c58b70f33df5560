#include "exporters/palette.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>

#include "graph/schema.h"

namespace newsgraph {
namespace {

// WCAG 2 contrast ratio of `color` against white.
double ContrastWithWhite(Rgb color) {
  auto linear = [](uint8_t channel) {
    const double c = channel / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  };
  const double luminance = 0.2126 * linear(color.r) + 0.7152 * linear(color.g) +
                           0.0722 * linear(color.b);
  return 1.05 / (luminance + 0.05);
}

TEST(PaletteTest, EveryKindAndRelationHasItsOwnColour) {
  std::set<std::string> colours;
  for (const NodeKindInfo& kind : AllNodeKinds()) {
    EXPECT_TRUE(colours.insert(HexColor(NodeColor(kind.kind))).second)
        << kind.name;
  }
  for (const RelationInfo& relation : AllRelations()) {
    EXPECT_TRUE(colours.insert(HexColor(RelationColor(relation.kind))).second)
        << relation.name;
  }
  EXPECT_EQ(colours.size(), AllNodeKinds().size() + AllRelations().size());
}

TEST(PaletteTest, EveryColourShowsOnWhite) {
  for (const NodeKindInfo& kind : AllNodeKinds()) {
    EXPECT_GE(ContrastWithWhite(NodeColor(kind.kind)), 1.8) << kind.name;
  }
  for (const RelationInfo& relation : AllRelations()) {
    EXPECT_GE(ContrastWithWhite(RelationColor(relation.kind)), 1.8)
        << relation.name;
  }
}

TEST(PaletteTest, FixedColours) {
  EXPECT_EQ(HexColor(NodeColor(NodeKind::kCountry)), "#1f77b4");
  EXPECT_EQ(HexColor(NodeColor(NodeKind::kOfficial)), "#9467bd");
  EXPECT_EQ(HexColor(NodeColor(NodeKind::kOrganization)), "#8c564b");
  EXPECT_EQ(HexColor(NodeColor(NodeKind::kEvent)), "#17becf");
  EXPECT_EQ(HexColor(RelationColor(RelationKind::kConsults)), "#4caf50");
  EXPECT_EQ(HexColor(RelationColor(RelationKind::kAccuses)), "#e53935");
  EXPECT_EQ(HexColor(RelationColor(RelationKind::kAttacks)), "#780000");
  EXPECT_EQ(HexColor(RelationColor(RelationKind::kPartOf)), "#757575");
  EXPECT_EQ(HexColor(Rgb{0, 10, 255}), "#000aff");
}

TEST(PaletteTest, NodeSizeGrowsWithTheLogarithmOfMentions) {
  EXPECT_EQ(NodeSize(0), 10);
  EXPECT_EQ(NodeSize(1), 14);
  EXPECT_EQ(NodeSize(2), 16.3);
  EXPECT_EQ(NodeSize(7), 22);
  EXPECT_EQ(NodeSize(1023), 50);
  EXPECT_EQ(NodeSize(uint64_t{1} << 40), 170);
}

}  // namespace
}  // namespace newsgraph
