// Who does what in one sentence, read off its tokens and entity mentions:
// the subjects of a verb, its objects, the event it names, who reports it
// and whether it is negated. The relation stage and its frames ask these
// questions; every function is pure and thread-safe. Token indexes are
// indexes into Document::tokens.
#ifndef NEWSGRAPH_EXTRACTORS_SENTENCE_ROLES_H_
#define NEWSGRAPH_EXTRACTORS_SENTENCE_ROLES_H_

#include <string>
#include <string_view>
#include <vector>

#include "extractors/document.h"
#include "extractors/document_state.h"
#include "extractors/text_match.h"

namespace newsgraph {

// A preposition ("in", "against", "towards").
bool IsPreposition(std::string_view w);

// A verb that reports speech or a finding ("said", "alleged", "adding").
bool IsSpeechVerb(std::string_view w);

// A past tense or speech verb: "accused", "said".
bool LooksLikeVerb(std::string_view w);

// An -ing form ("killing", "briefing").
bool IsGerund(std::string_view w);

// An article, possessive or demonstrative ("the", "its", "those").
bool IsDeterminer(std::string_view w);

// A lowercase word: letters and hyphens, not a number or a sign.
bool IsLowerWord(std::string_view w);

// A form of "be".
bool IsBe(std::string_view w);

// A word that may stand between a subject and its verb: an -ly adverb,
// an auxiliary, "also", "then" ...
bool IsAdverb(std::string_view w);

// One sentence of a document, with the mention covering each token.
struct SentenceView {
  const Document& doc;
  const Sentence& s;
  const std::vector<int>& cover;
  const DocumentState& state;
  size_t index;  // of the sentence in the document
  // Lowercase text of token i; "" past the sentence. A view, so that a
  // test against a literal ("and") is inline, not a call to compare.
  std::string_view Low(size_t i) const {
    return i < s.last_token ? std::string_view(LowerToken(doc, i))
                            : std::string_view();
  }
  int MentionAt(size_t i) const { return i < s.last_token ? cover[i] : -1; }
  const EntityMention& M(int m) const { return doc.mentions[m]; }
};

// The entities mention m names: one, or the members of a coordination a
// plural pronoun stands for.
void AddNamed(const EntityMention& m, std::vector<std::string>* out);

// The subject of the clause that ends before token i: the first mention of
// the sentence not inside a prepositional phrase ("France has recalled its
// ambassadors to the US and accused the UK": France).
std::vector<std::string> ClauseSubjects(const SentenceView& x, size_t i);

// The subjects of a predicate starting at token i: the nearest mention to
// the left that is not inside a prepositional phrase or an apposition.
std::vector<std::string> SubjectsOf(const SentenceView& x, size_t i);

// The objects after token j: the first mention (its head when it is a
// possessor: "Beijing's ally North Korea"), and those coordinated with it.
std::vector<std::string> ObjectsAfter(const SentenceView& x, size_t j,
                                      size_t max_gap = 6);

// Event mentioned in tokens [j, j + 6) of the sentence, as an object.
std::string EventAfter(const SentenceView& x, size_t j, size_t window = 6);

// The latest event named before token i, at most three sentences back
// ("called it an aggression": it is the strike).
std::string EventBefore(const SentenceView& x, size_t i);

// Who says what the sentence reports at token i: the subject of the first
// speech verb ("X said Y was behind"), or who follows one ("..., says the
// FBI", "..., the FBI said").
std::vector<std::string> Speakers(const SentenceView& x, size_t i,
                                  size_t* verb = nullptr);

// The word that negates, denies or hedges the act at token trigger ("not",
// "denied", "could"), or "" when there is none.
std::string Negation(const SentenceView& x, size_t from, size_t trigger);

bool Negated(const SentenceView& x, size_t from, size_t trigger);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACTORS_SENTENCE_ROLES_H_
