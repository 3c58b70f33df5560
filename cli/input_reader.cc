#include "cli/input_reader.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <utility>

#include "cli/byte_source.h"
#include "extractors/utf8.h"

namespace newsgraph {
namespace cli {
namespace {

// Enough for LooksBinary(), DetectFormat() and DetectEncoding().
constexpr size_t kHeadBytes = 64 << 10;
// Whole files are read in steps of this size, so that a limit far above the
// file's size never allocates the limit.
constexpr size_t kReadStep = 1 << 20;

std::string LimitText(uint64_t max_bytes) {
  return "the " + ByteSizeText(max_bytes) + " limit (--max-bytes)";
}

// The name DetectFormat() should judge by: without ".gz".
std::string_view FormatName(const std::string& path) {
  std::string_view name = path;
  if (name.size() > 3) {
    std::string tail(name.substr(name.size() - 3));
    for (char& c : tail)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (tail == ".gz") name.remove_suffix(3);
  }
  return name;
}

// The number of '\n' in `data`, found by memchr (std::count looks at one
// byte at a time; this runs over every byte of a JSON Lines corpus).
uint64_t CountNewlines(std::string_view data) {
  uint64_t count = 0;
  const char* p = data.data();
  const char* const end = p + data.size();
  while (p < end) {
    const void* found = std::memchr(p, '\n', static_cast<size_t>(end - p));
    if (found == nullptr) break;
    ++count;
    p = static_cast<const char*>(found) + 1;
  }
  return count;
}

}  // namespace

InputReader::InputReader(uint64_t max_bytes, size_t chunk_bytes,
                         Reporter& reporter, std::function<void(Chunk&&)> sink)
    : max_bytes_(max_bytes),
      chunk_bytes_(chunk_bytes),
      reporter_(reporter),
      sink_(std::move(sink)) {}

void InputReader::Read(const InputEntry& entry) {
  switch (entry.kind) {
    case InputEntry::Kind::kError:
      reporter_.Post(Severity::kError, entry.message);
      return;
    case InputEntry::Kind::kWarning:
      reporter_.Post(Severity::kWarning, entry.message);
      return;
    case InputEntry::Kind::kFile:
    case InputEntry::Kind::kStdin:
      break;
  }
  StatusOr<std::unique_ptr<ByteSource>> opened = ByteSource::Open(entry.path);
  if (!opened.ok()) {
    reporter_.Post(Severity::kError, opened.status().message());
    return;
  }
  ByteSource& source = **opened;
  const std::string& name = source.name();

  std::string head;
  Status status = ReadUpTo(source, kHeadBytes, &head);
  if (!status.ok()) {
    reporter_.Post(Severity::kError, status.message());
    return;
  }
  if (head.empty()) {
    reporter_.Post(Severity::kWarning, name + ": empty file");
    return;
  }
  if (LooksBinary(head)) {
    reporter_.Post(Severity::kError, name + ": binary file, not text; skipped");
    return;
  }
  std::string_view judged = entry.kind == InputEntry::Kind::kStdin
                                ? std::string_view()
                                : FormatName(entry.path);
  InputFormat format = DetectFormat(judged, head);
  // JSON Lines stream line by line; UTF-16 and UTF-32 text cannot be cut at
  // '\n' bytes, so it is read whole like any other file.
  if (format == InputFormat::kJsonLines &&
      DetectEncoding(head) == Encoding::kUtf8) {
    StreamLines(source, std::move(head));
  } else {
    ReadWhole(source, std::move(head), format);
  }
}

void InputReader::ReadWhole(ByteSource& source, std::string bytes,
                            InputFormat format) {
  const std::string& name = source.name();
  auto too_large = [&] {
    reporter_.Post(Severity::kError, name + ": larger than " +
                                         LimitText(max_bytes_) + "; skipped");
  };
  if (max_bytes_ != 0 && source.size() && *source.size() > max_bytes_) {
    too_large();
    return;
  }
  if (source.size() && *source.size() > bytes.size()) {
    bytes.reserve(static_cast<size_t>(*source.size()));
  }
  while (true) {
    size_t step = kReadStep;
    if (max_bytes_ != 0) {
      // Read one byte past the limit, to know whether it is passed.
      uint64_t room =
          max_bytes_ + 1 - std::min<uint64_t>(bytes.size(), max_bytes_ + 1);
      if (room == 0) break;
      step = static_cast<size_t>(std::min<uint64_t>(step, room));
    }
    StatusOr<size_t> n = source.Read(step, &bytes);
    if (!n.ok()) {
      reporter_.Post(Severity::kError, n.status().message());
      return;
    }
    if (*n == 0) break;
  }
  if (max_bytes_ != 0 && bytes.size() > max_bytes_) {
    too_large();
    return;
  }
  Emit(name, format, std::move(bytes), 1, false);
}

void InputReader::StreamLines(ByteSource& source, std::string pending) {
  const std::string& name = source.name();
  uint64_t line = 1;  // the number of the line `pending` starts with
  bool eof = false;
  size_t scanned = 0;  // pending[0, scanned) holds no '\n'
  auto has_newline = [&] {
    if (std::memchr(pending.data() + scanned, '\n', pending.size() - scanned)) {
      return true;
    }
    scanned = pending.size();
    return false;
  };
  auto read_more = [&]() -> Status {
    StatusOr<size_t> n = source.Read(chunk_bytes_, &pending);
    if (!n.ok()) return n.status();
    if (*n == 0) eof = true;
    return Status::Ok();
  };

  while (true) {
    // Gather at least a chunk's worth and at least one complete line, unless
    // the line is already over the limit.
    while (!eof && (pending.size() < chunk_bytes_ || !has_newline())) {
      if (max_bytes_ != 0 && pending.size() > max_bytes_ && !has_newline()) {
        break;
      }
      Status status = read_more();
      if (!status.ok()) {
        // Keep the lines that were complete.
        size_t last = pending.rfind('\n');
        if (last != std::string::npos) {
          EmitLines(name, pending.substr(0, last + 1), line);
        }
        reporter_.Post(Severity::kError, status.message());
        return;
      }
    }
    size_t complete = pending.size();
    if (!eof) {
      size_t last = pending.rfind('\n');
      complete = last == std::string::npos ? 0 : last + 1;
    }
    if (complete > 0) {
      // The complete lines leave in `pending` itself, and the rest is
      // copied out: a short line's worth, not the chunk.
      std::string rest = pending.substr(complete);
      pending.resize(complete);
      line = EmitLines(name, std::move(pending), line);
      pending = std::move(rest);
      scanned = 0;
    }
    if (eof) return;
    if (max_bytes_ == 0 || pending.size() <= max_bytes_) continue;

    // A line over the limit: drop it up to its end without holding it.
    const uint64_t long_line = line;
    while (true) {
      const char* newline = static_cast<const char*>(
          std::memchr(pending.data(), '\n', pending.size()));
      if (newline != nullptr) {
        pending.erase(0, static_cast<size_t>(newline - pending.data()) + 1);
        break;
      }
      pending.clear();
      if (eof) break;
      Status status = read_more();
      if (!status.ok()) {
        reporter_.Post(Severity::kError, status.message());
        return;
      }
    }
    scanned = 0;
    reporter_.Post(Severity::kError, name + ":" + std::to_string(long_line) +
                                         ": line longer than " +
                                         LimitText(max_bytes_) + "; skipped");
    line = long_line + 1;
  }
}

uint64_t InputReader::EmitLines(const std::string& name, std::string bytes,
                                uint64_t first_line) {
  if (bytes.empty()) return first_line;
  if (max_bytes_ == 0 || bytes.size() <= max_bytes_) {
    uint64_t lines = CountNewlines(bytes);
    Emit(name, InputFormat::kJsonLines, std::move(bytes), first_line, true);
    return first_line + lines;
  }
  const std::string_view data = bytes;
  // Some line may be over the limit: cut around each one.
  size_t chunk_begin = 0;
  uint64_t chunk_line = first_line;
  uint64_t line = first_line;
  size_t pos = 0;
  while (pos < data.size()) {
    size_t newline = data.find('\n', pos);
    size_t end = newline == std::string_view::npos ? data.size() : newline + 1;
    size_t length =
        (newline == std::string_view::npos ? data.size() : newline) - pos;
    if (length > max_bytes_) {
      if (pos > chunk_begin) {
        Emit(name, InputFormat::kJsonLines,
             std::string(data.substr(chunk_begin, pos - chunk_begin)),
             chunk_line, true);
      }
      reporter_.Post(Severity::kError, name + ":" + std::to_string(line) +
                                           ": line longer than " +
                                           LimitText(max_bytes_) + "; skipped");
      chunk_begin = end;
      chunk_line = line + 1;
    }
    pos = end;
    ++line;
  }
  if (chunk_begin < data.size()) {
    Emit(name, InputFormat::kJsonLines, std::string(data.substr(chunk_begin)),
         chunk_line, true);
  }
  return first_line + CountNewlines(data);
}

void InputReader::Emit(const std::string& name, InputFormat format,
                       std::string bytes, uint64_t first_line,
                       bool json_lines) {
  Chunk chunk;
  chunk.seq = reporter_.Reserve();
  chunk.origin = name;
  chunk.format = format;
  chunk.bytes = std::move(bytes);
  chunk.first_line = first_line;
  chunk.json_lines = json_lines;
  sink_(std::move(chunk));
}

}  // namespace cli
}  // namespace newsgraph
