// Lexicons: the data the extractors look words up in (countries,
// organizations, officials, titles, relation triggers, event triggers).
//
// Built-in lexicons are the TSV files under extractors/lexicons/, compiled
// into the library; a user adds files of the same formats with
// `newsgraph build --lexicon FILE`. Each file names its kind by its header
// line. Loading is not thread-safe; a loaded Lexicons is immutable and may
// be read by any number of threads.
#ifndef NEWSGRAPH_EXTRACTORS_LEXICONS_H_
#define NEWSGRAPH_EXTRACTORS_LEXICONS_H_

#include <memory>
#include <string_view>

#include "graph/status.h"

namespace newsgraph {

struct LexiconData;  // defined in extractors/lexicon_data.h

class Lexicons {
 public:
  Lexicons();
  ~Lexicons();
  Lexicons(Lexicons&&) noexcept;
  Lexicons& operator=(Lexicons&&) noexcept;

  // The built-in lexicons; fails only if a built-in file is malformed.
  static StatusOr<Lexicons> Builtin();

  // Parses one lexicon file (`name` is used in messages, `content` is its
  // bytes) and adds its entries. On failure nothing of the file is added and
  // the message is "NAME:LINE: reason".
  Status Add(std::string_view name, std::string_view content);

  const LexiconData& data() const { return *data_; }

 private:
  std::unique_ptr<LexiconData> data_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACTORS_LEXICONS_H_
