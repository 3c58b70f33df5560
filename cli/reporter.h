// Reporter: every message newsgraph prints on standard error while it
// builds, in a deterministic order, plus the counts for the summary and a
// progress line when standard error is a terminal.
//
// Work is numbered in the order the inputs are read (Reserve(), on the one
// reading thread); workers finish out of order (Complete(), any thread), and
// the Reporter prints each piece of work's messages only when everything
// numbered before it has been printed. So the messages come out in input
// order whatever the number of threads. Thread-safe.
#ifndef NEWSGRAPH_CLI_REPORTER_H_
#define NEWSGRAPH_CLI_REPORTER_H_

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace newsgraph {
namespace cli {

enum class Severity { kNote, kWarning, kError };

struct Message {
  Severity severity = Severity::kWarning;
  std::string text;  // "WHERE: what", without the "newsgraph: error: "
};

struct ReporterOptions {
  bool quiet = false;     // print errors only
  bool verbose = false;   // print notes too
  bool progress = false;  // redraw a progress line (stderr is a terminal)
};

class Reporter {
 public:
  // Prints to `out` (standard error), which must outlive the Reporter.
  Reporter(std::FILE* out, ReporterOptions options);

  // The next number in the message order. Called by the reading thread only.
  uint64_t Reserve();

  // Records the outcome of the work numbered `seq`: its messages, and the
  // documents and input bytes it accounted for (for progress).
  void Complete(uint64_t seq, std::vector<Message> messages,
                uint64_t documents = 0, uint64_t bytes = 0);

  // Reserve() and Complete() at once, for a message of the reading thread.
  void Post(Severity severity, std::string text);

  // Prints at once, outside the order and the counts: for a problem with
  // the configuration or the output, before or after all the work.
  void PrintNow(Severity severity, const std::string& text);

  // Prints `line` (e.g. the summary) unless quiet.
  void PrintSummary(const std::string& line);

  // The total input size, when known, for the progress estimate.
  void SetTotalBytes(std::optional<uint64_t> total);

  // Removes the progress line, if shown.
  void EndProgress();

  uint64_t warnings() const;
  uint64_t errors() const;  // failed inputs
  uint64_t bytes() const;   // input bytes accounted for

  // The failed inputs by reason ("invalid JSON", "binary file" ...; see
  // SkipReason()), in reason order.
  std::map<std::string, uint64_t> skip_reasons() const;

 private:
  void Print(const Message& message);  // mutex held
  void MaybeDrawProgress();            // mutex held
  void ClearProgress();                // mutex held

  std::FILE* out_;
  ReporterOptions options_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;

  mutable std::mutex mutex_;
  uint64_t next_reserved_ = 0;
  uint64_t next_to_print_ = 0;
  std::map<uint64_t, std::vector<Message>> waiting_;
  uint64_t warnings_ = 0;
  uint64_t errors_ = 0;
  std::map<std::string, uint64_t> skip_reasons_;
  uint64_t documents_ = 0;
  uint64_t bytes_ = 0;
  std::optional<uint64_t> total_bytes_;
  bool progress_shown_ = false;
};

// Why an input was skipped, from its error message ("FILE:12: invalid JSON
// at column 3: ..." -> "invalid JSON"), for the summary.
std::string SkipReason(const std::string& message);

// "1 document", "2 documents".
std::string Count(uint64_t n, const char* singular, const char* plural);

// 65536 -> "64 KiB", 1000 -> "1000 bytes": exact, for limits in messages.
std::string ByteSizeText(uint64_t bytes);

}  // namespace cli
}  // namespace newsgraph

#endif  // NEWSGRAPH_CLI_REPORTER_H_
