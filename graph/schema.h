// The closed vocabulary of the knowledge graph: node kinds and relation
// kinds, their external spellings and their CAMEO root codes.
//
// This is the only place where a kind is spelled as a string: every other
// file converts through these functions. All data is static and immutable,
// so every function here is thread-safe.
#ifndef NEWSGRAPH_GRAPH_SCHEMA_H_
#define NEWSGRAPH_GRAPH_SCHEMA_H_

#include <optional>
#include <string_view>
#include <vector>

namespace newsgraph {

enum class NodeKind { kCountry, kOfficial, kOrganization, kEvent };

enum class RelationKind {
  // Interaction relations: source acts on target.
  kAppealsTo,
  kConsults,
  kBriefs,
  kSupports,
  kCooperatesWith,
  kInvestigates,
  kDemands,
  kCriticizes,
  kAccuses,
  kOpposes,
  kThreatens,
  kSanctions,
  kAttacks,
  // Structural relations.
  kAffiliatedWith,
  kPartOf,
  kInvolvedIn,
};

enum class RelationCategory { kInteraction, kStructural };

struct NodeKindInfo {
  NodeKind kind;
  std::string_view name;         // "Country": the GraphML `type` value
  std::string_view id_prefix;    // "country": canonical ids are prefix:slug
  std::string_view schema_type;  // schema.org type for JSON-LD ("Country")
};

struct RelationInfo {
  RelationKind kind;
  std::string_view name;   // "accuses": the external spelling
  std::string_view cameo;  // CAMEO root code ("112"), empty for structural
  RelationCategory category;
  bool symmetric;          // consults and cooperates_with hold both ways
  std::string_view description;
};

// Every node kind and relation kind, in declaration order.
const std::vector<NodeKindInfo>& AllNodeKinds();
const std::vector<RelationInfo>& AllRelations();

const NodeKindInfo& Info(NodeKind kind);
const RelationInfo& Info(RelationKind kind);

// The kind spelled `name` (exact, case-sensitive), or nullopt.
std::optional<NodeKind> ParseNodeKind(std::string_view name);
std::optional<RelationKind> ParseRelation(std::string_view name);

inline std::string_view Name(NodeKind kind) { return Info(kind).name; }
inline std::string_view Name(RelationKind kind) { return Info(kind).name; }
inline bool IsInteraction(RelationKind kind) {
  return Info(kind).category == RelationCategory::kInteraction;
}

}  // namespace newsgraph

#endif  // NEWSGRAPH_GRAPH_SCHEMA_H_
