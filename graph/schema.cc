#include "graph/schema.h"

namespace newsgraph {

namespace {
constexpr RelationCategory kI = RelationCategory::kInteraction;
constexpr RelationCategory kS = RelationCategory::kStructural;
}  // namespace

const std::vector<NodeKindInfo>& AllNodeKinds() {
  static const std::vector<NodeKindInfo> kinds = {
      {NodeKind::kCountry, "Country", "country", "Country"},
      {NodeKind::kOfficial, "Official", "official", "Person"},
      {NodeKind::kOrganization, "Organization", "org", "Organization"},
      {NodeKind::kEvent, "Event", "event", "Event"},
  };
  return kinds;
}

const std::vector<RelationInfo>& AllRelations() {
  static const std::vector<RelationInfo> relations = {
      {RelationKind::kAppealsTo, "appeals_to", "02", kI, false,
       "asks, urges, calls on, lobbies, presses"},
      {RelationKind::kConsults, "consults", "04", kI, true,
       "meets, talks with, visits, phones, negotiates with"},
      {RelationKind::kBriefs, "briefs", "04", kI, false,
       "informs, briefs, notifies"},
      {RelationKind::kSupports, "supports", "05", kI, false,
       "praises, endorses, backs, defends, welcomes"},
      {RelationKind::kCooperatesWith, "cooperates_with", "06", kI, true,
       "agrees with, signs with, works with, aids"},
      {RelationKind::kInvestigates, "investigates", "09", kI, false,
       "investigates, probes"},
      {RelationKind::kDemands, "demands", "10", kI, false, "demands of"},
      {RelationKind::kCriticizes, "criticizes", "11", kI, false,
       "criticizes, condemns, denounces, disapproves"},
      {RelationKind::kAccuses, "accuses", "112", kI, false,
       "accuses, blames, holds responsible, alleges against"},
      {RelationKind::kOpposes, "opposes", "12", kI, false,
       "opposes, rejects, refuses, vetoes, objects to"},
      {RelationKind::kThreatens, "threatens", "13", kI, false,
       "threatens, warns of action"},
      {RelationKind::kSanctions, "sanctions", "16", kI, false,
       "sanctions, expels, cuts ties, bans, restricts"},
      {RelationKind::kAttacks, "attacks", "18", kI, false,
       "attacks, hacks, strikes, fights"},
      {RelationKind::kAffiliatedWith, "affiliated_with", "", kS, false,
       "an official serves a country or organization"},
      {RelationKind::kPartOf, "part_of", "", kS, false,
       "an organization belongs to a country or organization"},
      {RelationKind::kInvolvedIn, "involved_in", "", kS, false,
       "an actor takes part in an event"},
  };
  return relations;
}

const NodeKindInfo& Info(NodeKind kind) {
  return AllNodeKinds()[static_cast<size_t>(kind)];
}

const RelationInfo& Info(RelationKind kind) {
  return AllRelations()[static_cast<size_t>(kind)];
}

std::optional<NodeKind> ParseNodeKind(std::string_view name) {
  for (const NodeKindInfo& info : AllNodeKinds()) {
    if (info.name == name) return info.kind;
  }
  return std::nullopt;
}

std::optional<RelationKind> ParseRelation(std::string_view name) {
  for (const RelationInfo& info : AllRelations()) {
    if (info.name == name) return info.kind;
  }
  return std::nullopt;
}

}  // namespace newsgraph
