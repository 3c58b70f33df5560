// ByteSource: the bytes of one input (a file, standard input, or a gzip
// file decompressed on the fly), read in chunks so that a corpus never has
// to fit in memory. Owned and used by one thread.
#ifndef NEWSGRAPH_CLI_BYTE_SOURCE_H_
#define NEWSGRAPH_CLI_BYTE_SOURCE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "graph/status.h"

namespace newsgraph {
namespace cli {

class ByteSource {
 public:
  // Opens `path` ("-" is standard input, which is not closed). A name ending
  // in ".gz" (any case) is decompressed. Fails with "PATH: reason".
  static StatusOr<std::unique_ptr<ByteSource>> Open(const std::string& path);

  virtual ~ByteSource() = default;

  // Appends up to `max` bytes to *out. Returns how many were appended, 0 only
  // at the end of the input; fails with "PATH: reason".
  virtual StatusOr<size_t> Read(size_t max, std::string* out) = 0;

  // The number of bytes Read() will give in all, when known beforehand (a
  // regular, uncompressed file).
  virtual std::optional<uint64_t> size() const = 0;

  // The name used in messages: the path, or "<stdin>" for "-".
  const std::string& name() const { return name_; }

 protected:
  explicit ByteSource(std::string name) : name_(std::move(name)) {}

 private:
  std::string name_;
};

// Reads up to `max` bytes (stopping early only at the end) into *out.
Status ReadUpTo(ByteSource& source, size_t max, std::string* out);

}  // namespace cli
}  // namespace newsgraph

#endif  // NEWSGRAPH_CLI_BYTE_SOURCE_H_
