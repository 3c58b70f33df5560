// A small lexicon, built in memory, for the extractor tests: they must not
// depend on the size or content of the built-in lexicons.
#ifndef NEWSGRAPH_TESTS_EXTRACTORS_TEST_LEXICONS_H_
#define NEWSGRAPH_TESTS_EXTRACTORS_TEST_LEXICONS_H_

#include <gtest/gtest.h>

#include "extractors/lexicons.h"

namespace newsgraph {

inline Lexicons TestLexicons() {
  Lexicons lex;
  auto add = [&](const char* name, const char* content) {
    Status s = lex.Add(name, content);
    EXPECT_TRUE(s.ok()) << s.message();
  };
  add("countries.tsv",
      "iso3\tlabel\twikidata\taliases\tseats\tdemonyms\n"
      "USA\tUnited States\tQ30\tUS|U.S.|America\tWashington|White House\tAmerican|Americans\n"
      "CHN\tChina\tQ148\tPRC\tBeijing\tChinese\n"
      "PRK\tNorth Korea\tQ423\tDPRK\tPyongyang\tNorth Korean\n"
      "RUS\tRussia\tQ159\tRussian Federation\tMoscow|Kremlin\tRussian|Russians\n"
      "JPN\tJapan\tQ17\t\tTokyo\tJapanese\n");
  add("organizations.tsv",
      "id\tlabel\twikidata\taliases\tparent\tcategory\n"
      "fbi\tFederal Bureau of Investigation\tQ8333\tFBI\tUSA\tagency\n"
      "united-nations\tUnited Nations\tQ1065\tUN|U.N.\t\tinternational\n"
      "sony-pictures\tSony Pictures Entertainment\t\tSony Pictures|Sony\t\tcompany\n");
  add("officials.tsv",
      "id\tlabel\twikidata\taliases\trole\taffiliation\tfrom\tto\n"
      "sergey-lavrov\tSergey Lavrov\t\tSergei Lavrov\tForeign Minister\tRUS\t2004\t\n");
  add("titles.tsv",
      "title\tkind\tscope\n"
      "Secretary of State\tgovernment\t\nForeign Minister\tgovernment\t\n"
      "President\tany\thead\nspokeswoman\tany\t\n");
  add("relations.tsv",
      "trigger\trelation\tcameo\tframe\tconfidence\tevent\n"
      "brief\tbriefs\t040\tsvo\t0.85\t\naccuse\taccuses\t112\tsvo\t0.9\t\n"
      "condemn\tcriticizes\t111\tsvo\t0.9\t\nveto\topposes\t1241\tsvo\t0.85\tvote\n"
      "call on\tappeals_to\t020\tsvpo\t0.9\t\nbe behind\taccuses\t112\tattribution\t0.8\t\n"
      "threaten\tthreatens\t130\tsvo\t0.85\t\nexpel\tsanctions\t1663\tsvo\t0.85\texpulsion\n"
      "support\tsupports\t051\tsvo\t0.8\t\nimpose sanction on\tsanctions\t163\tsvpo\t0.9\t\n"
      "sanction\tsanctions\t163\tsvo\t0.8\t\nprovocation\tcriticizes\t111\tevaluation\t0.7\t\n"
      "clash\tcriticizes\t111\tmutual\t0.6\t\n"
      "be attended by\tconsults\t040\tsvpo\t0.7\t\n");
  add("events.tsv",
      "trigger\tcategory\tcameo\nattack\tattack\t190\nhack\tattack\t18\n"
      "expulsion\texpulsion\t1663\nvote\tvote\t\n");
  return lex;
}

}  // namespace newsgraph

#endif  // NEWSGRAPH_TESTS_EXTRACTORS_TEST_LEXICONS_H_
