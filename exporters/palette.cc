#include "exporters/palette.h"

#include <cmath>

namespace newsgraph {

// Switches without a default: the compiler (-Wswitch) names any kind added
// to the schema and forgotten here.

Rgb NodeColor(NodeKind kind) {
  switch (kind) {
    case NodeKind::kCountry:
      return {31, 119, 180};  // #1f77b4 blue
    case NodeKind::kOfficial:
      return {148, 103, 189};  // #9467bd purple
    case NodeKind::kOrganization:
      return {140, 86, 75};  // #8c564b brown
    case NodeKind::kEvent:
      return {23, 190, 207};  // #17becf cyan
  }
  return {128, 128, 128};
}

Rgb RelationColor(RelationKind relation) {
  switch (relation) {
    // Cooperation: greens, darker as the act commits more.
    case RelationKind::kAppealsTo:
      return {139, 195, 74};  // #8bc34a
    case RelationKind::kConsults:
      return {76, 175, 80};  // #4caf50
    case RelationKind::kBriefs:
      return {0, 150, 136};  // #009688
    case RelationKind::kSupports:
      return {46, 125, 50};  // #2e7d32
    case RelationKind::kCooperatesWith:
      return {27, 94, 32};  // #1b5e20
    // Neutral.
    case RelationKind::kInvestigates:
      return {249, 168, 37};  // #f9a825 amber
    // Verbal conflict: orange to red.
    case RelationKind::kDemands:
      return {251, 140, 0};  // #fb8c00
    case RelationKind::kCriticizes:
      return {244, 81, 30};  // #f4511e
    case RelationKind::kAccuses:
      return {229, 57, 53};  // #e53935
    case RelationKind::kOpposes:
      return {216, 27, 96};  // #d81b60
    case RelationKind::kThreatens:
      return {198, 40, 40};  // #c62828
    // Material conflict: the darkest reds.
    case RelationKind::kSanctions:
      return {136, 14, 79};  // #880e4f
    case RelationKind::kAttacks:
      return {120, 0, 0};  // #780000
    // Structure: greys.
    case RelationKind::kAffiliatedWith:
      return {158, 158, 158};  // #9e9e9e
    case RelationKind::kPartOf:
      return {117, 117, 117};  // #757575
    case RelationKind::kInvolvedIn:
      return {189, 189, 189};  // #bdbdbd
  }
  return {128, 128, 128};
}

std::string HexColor(Rgb color) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex = "#";
  for (uint8_t channel : {color.r, color.g, color.b}) {
    hex += kHex[channel >> 4];
    hex += kHex[channel & 0xF];
  }
  return hex;
}

double NodeSize(uint64_t mentions) {
  const double size =
      10.0 + 4.0 * std::log2(1.0 + static_cast<double>(mentions));
  return std::round(size * 10.0) / 10.0;
}

}  // namespace newsgraph
