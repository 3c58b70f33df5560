#include "cli/reporter.h"

#include <utility>

namespace newsgraph {
namespace cli {
namespace {

const char* Prefix(Severity severity) {
  switch (severity) {
    case Severity::kNote:
      return "newsgraph: note: ";
    case Severity::kWarning:
      return "newsgraph: warning: ";
    case Severity::kError:
      return "newsgraph: error: ";
  }
  return "newsgraph: ";
}

std::string Clock(double seconds) {
  long s = static_cast<long>(seconds + 0.5);
  char buffer[32];
  if (s >= 3600) {
    std::snprintf(buffer, sizeof buffer, "%ld:%02ld:%02ld", s / 3600,
                  s / 60 % 60, s % 60);
  } else {
    std::snprintf(buffer, sizeof buffer, "%ld:%02ld", s / 60, s % 60);
  }
  return buffer;
}

}  // namespace

std::string SkipReason(const std::string& message) {
  // The messages' wording is set by the readers and the CLI; the first
  // phrase found names the reason.
  static const std::pair<const char*, const char*> kReasons[] = {
      {": invalid JSON", "invalid JSON"},
      {": expected a JSON object", "not a JSON object"},
      {": no \"text\"", "no text field"},
      {", not a string", "text not a string"},
      {": empty text and no title", "empty record"},
      {": binary file", "binary file"},
      {"than the ", "over --max-bytes"},
      {"gzip", "bad gzip data"},
      {"internal error", "internal error"},
      {": No such file or directory", "missing file"},
      {": Permission denied", "unreadable file"},
  };
  for (const auto& [phrase, reason] : kReasons) {
    if (message.find(phrase) != std::string::npos) return reason;
  }
  return "other";
}

std::string Count(uint64_t n, const char* singular, const char* plural) {
  return std::to_string(n) + " " + (n == 1 ? singular : plural);
}

std::string ByteSizeText(uint64_t bytes) {
  static const char* const kUnits[] = {"KiB", "MiB", "GiB", "TiB"};
  for (int i = 3; i >= 0; --i) {
    uint64_t unit = uint64_t{1} << (10 * (i + 1));
    if (bytes >= unit && bytes % unit == 0) {
      return std::to_string(bytes / unit) + " " + kUnits[i];
    }
  }
  return Count(bytes, "byte", "bytes");
}

Reporter::Reporter(std::FILE* out, ReporterOptions options)
    : out_(out),
      options_(options),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

uint64_t Reporter::Reserve() {
  std::lock_guard<std::mutex> lock(mutex_);
  return next_reserved_++;
}

void Reporter::Complete(uint64_t seq, std::vector<Message> messages,
                        uint64_t documents, uint64_t bytes) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const Message& m : messages) {
    if (m.severity == Severity::kWarning) ++warnings_;
    if (m.severity == Severity::kError) {
      ++errors_;
      ++skip_reasons_[SkipReason(m.text)];
    }
  }
  documents_ += documents;
  bytes_ += bytes;
  waiting_[seq] = std::move(messages);
  // Print every run of work complete from the next to print on.
  for (auto it = waiting_.begin();
       it != waiting_.end() && it->first == next_to_print_;
       it = waiting_.erase(it)) {
    for (const Message& m : it->second) Print(m);
    ++next_to_print_;
  }
  MaybeDrawProgress();
}

void Reporter::Post(Severity severity, std::string text) {
  uint64_t seq = Reserve();
  Complete(seq, {Message{severity, std::move(text)}});
}

void Reporter::PrintNow(Severity severity, const std::string& text) {
  std::lock_guard<std::mutex> lock(mutex_);
  Print(Message{severity, text});
}

void Reporter::PrintSummary(const std::string& line) {
  std::lock_guard<std::mutex> lock(mutex_);
  ClearProgress();
  if (options_.quiet) return;
  std::fprintf(out_, "newsgraph: %s\n", line.c_str());
  std::fflush(out_);
}

void Reporter::SetTotalBytes(std::optional<uint64_t> total) {
  std::lock_guard<std::mutex> lock(mutex_);
  total_bytes_ = total;
}

void Reporter::EndProgress() {
  std::lock_guard<std::mutex> lock(mutex_);
  ClearProgress();
}

uint64_t Reporter::warnings() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return warnings_;
}

uint64_t Reporter::errors() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return errors_;
}

std::map<std::string, uint64_t> Reporter::skip_reasons() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return skip_reasons_;
}

uint64_t Reporter::bytes() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return bytes_;
}

void Reporter::Print(const Message& message) {
  if (message.severity == Severity::kNote && !options_.verbose) return;
  if (message.severity != Severity::kError && options_.quiet) return;
  ClearProgress();
  std::fprintf(out_, "%s%s\n", Prefix(message.severity), message.text.c_str());
  std::fflush(out_);
}

void Reporter::ClearProgress() {
  if (!progress_shown_) return;
  std::fputs("\r\033[K", out_);
  std::fflush(out_);
  progress_shown_ = false;
}

void Reporter::MaybeDrawProgress() {
  if (!options_.progress || options_.quiet) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(250)) return;
  last_draw_ = now;
  double elapsed = std::chrono::duration<double>(now - start_).count();
  double mb = static_cast<double>(bytes_) / 1e6;
  char line[256];
  int n = std::snprintf(
      line, sizeof line, "\r\033[Knewsgraph: %s, %.1f MB, %.1f MB/s, %s",
      Count(documents_, "document", "documents").c_str(), mb,
      elapsed > 0 ? mb / elapsed : 0.0, Clock(elapsed).c_str());
  if (total_bytes_ && *total_bytes_ > 0 && bytes_ > 0 &&
      n < static_cast<int>(sizeof line)) {
    double done =
        static_cast<double>(bytes_) / static_cast<double>(*total_bytes_);
    if (done > 1) done = 1;
    std::snprintf(line + n, sizeof line - static_cast<size_t>(n),
                  " (%.0f%%, %s left)", done * 100,
                  Clock(elapsed / done - elapsed).c_str());
  }
  std::fputs(line, out_);
  std::fflush(out_);
  progress_shown_ = true;
}

}  // namespace cli
}  // namespace newsgraph
