// The one palette of newsgraph's exports: a colour per node kind and per
// relation, and a node size per mention count. Every format that carries
// colour or size (GEXF's viz:color and viz:size, the GraphML Gephi
// flavour's r, g, b and size keys, and the pictures drawn from them) takes
// them from here, so a country is the same blue in Gephi, Gephi Lite and the
// README.
//
// The colours are chosen to be read at a glance on a white background:
//   - nodes: Country blue, Official purple, Organization brown, Event cyan;
//   - interaction relations by tone, after CAMEO's quad classes:
//     cooperation in greens (appeals_to lightest ... cooperates_with
//     darkest), investigates in amber, verbal conflict from orange to red
//     (demands, criticizes, accuses, opposes, threatens), material conflict
//     in the darkest reds (sanctions, attacks);
//   - structural relations in greys, so they recede behind the story.
// All data is constant: every function here is thread-safe.
#ifndef NEWSGRAPH_EXPORTERS_PALETTE_H_
#define NEWSGRAPH_EXPORTERS_PALETTE_H_

#include <cstdint>
#include <string>

#include "graph/schema.h"

namespace newsgraph {

// An opaque sRGB colour, one byte per channel.
struct Rgb {
  uint8_t r = 0;
  uint8_t g = 0;
  uint8_t b = 0;
};

inline bool operator==(Rgb a, Rgb b) {
  return a.r == b.r && a.g == b.g && a.b == b.b;
}
inline bool operator!=(Rgb a, Rgb b) { return !(a == b); }

// The colour of nodes of `kind`.
Rgb NodeColor(NodeKind kind);

// The colour of edges of `relation`.
Rgb RelationColor(RelationKind relation);

// "#1f77b4": lower-case CSS hex notation.
std::string HexColor(Rgb color);

// The display size of a node mentioned `mentions` times:
// 10 + 4 log2(1 + mentions), rounded to one decimal (10 for none, 14 for
// one, 22 for seven). Grows slowly, so a country named a hundred times is
// not a hundred times the size of a minister named once.
double NodeSize(uint64_t mentions);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXPORTERS_PALETTE_H_
