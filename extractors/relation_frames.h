// Relation frames beyond a verb and its object: evaluations ("called the
// deal a huge mistake"), meetings among several, acts borne under a noun
// ("under EU sanctions"), threatened acts, and officials announcing the
// acts of the state they serve. Pure functions over a SentenceView,
// thread-safe.
#ifndef NEWSGRAPH_EXTRACTORS_RELATION_FRAMES_H_
#define NEWSGRAPH_EXTRACTORS_RELATION_FRAMES_H_

#include <string>
#include <utility>
#include <vector>

#include "extractors/sentence_roles.h"
#include "graph/schema.h"

namespace newsgraph {

// An evaluation at token i ("a provocation", "unacceptable"): who made it
// and of whom or what. "X called/described Y (as) a <word>": the object of
// the naming verb; "X said (that) Y was <word>" and "Y is <word>, X said":
// the subject of the clause. A pronoun object stands for the latest event.
void Evaluation(const SentenceView& x, size_t i,
                std::vector<std::string>* sources,
                std::vector<std::string>* targets);

// Who meets whom when several take part together: every pair; but a
// delegation list of officials in different roles ("prime minister A and
// energy minister B, prime minister C and energy minister D") pairs the
// counterparts, those of one role.
std::vector<std::pair<std::string, std::string>> MeetingPairs(
    const DocumentState& state, const std::vector<std::string>& members);

// A trigger used as a noun after its actor, in a phrase saying the clause's
// subject bears it: "under EU sanctions", "the subject of United States
// sanctions", "the target of Israeli strikes".
bool NounUnder(const SentenceView& x, size_t i,
               std::vector<std::string>* sources,
               std::vector<std::string>* targets);

// Relations whose threat is a threat: sanctions and attacks.
bool IsHostile(RelationKind r);

// The act at token i is the complement of a threat: "threatened to",
// "vowed to", "warned it would".
bool Threatened(const SentenceView& x, size_t i);

// "The British government is to expel 23 Russian diplomats, Theresa May
// said": an official who announces an act of the state or body they serve
// takes part in it.
std::vector<std::string> AnnouncedBy(const SentenceView& x, size_t i,
                                     const std::vector<std::string>& sources);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACTORS_RELATION_FRAMES_H_
