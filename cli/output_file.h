// OutputFile: the file a graph is written to, replaced atomically.
//
// For a regular file (or a name that does not exist yet) the bytes go to a
// temporary file in the same directory, "FILE.tmp.XXXXXX", which Commit()
// flushes, syncs to disk and renames over FILE: a run that fails or is
// killed at any moment leaves the previous FILE as it was. The temporary
// file is removed on failure, on destruction without Commit(), and on
// SIGINT, SIGTERM and SIGHUP (not on SIGKILL, which nothing can catch: then
// only a stray FILE.tmp.XXXXXX remains, never a half-written FILE).
//
// A FILE that exists and is not a regular file (a device such as /dev/null
// or /dev/full, a pipe) cannot be replaced by renaming and is written
// directly; "-" writes to standard output. Used by one thread.
#ifndef NEWSGRAPH_CLI_OUTPUT_FILE_H_
#define NEWSGRAPH_CLI_OUTPUT_FILE_H_

#include <memory>
#include <ostream>
#include <string>

#include "graph/status.h"

namespace newsgraph {
namespace cli {

class FdStreamBuf;

class OutputFile {
 public:
  // Checks that `path` can be written and creates the temporary file.
  // Fails with "PATH: cannot write: REASON".
  static StatusOr<std::unique_ptr<OutputFile>> Open(const std::string& path);

  // Removes the temporary file unless committed.
  ~OutputFile();

  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  // Where to write the graph. Write errors set the stream's badbit and are
  // reported by Commit().
  std::ostream& stream();

  // Flushes and syncs the bytes and renames the temporary file over the
  // destination. On failure removes the temporary file and says why:
  // "PATH: cannot write: No space left on device".
  Status Commit();

  // Whether the stream failed to write, and the message saying why.
  bool failed() const;
  Status WriteError() const;

  // The temporary file, or "" when writing directly.
  const std::string& temp_path() const { return temp_path_; }

 private:
  OutputFile(std::string path, std::string target, std::string temp_path,
             int fd, bool owns_fd);
  void RemoveTemp();

  std::string path_;       // as given, for messages
  std::string target_;     // the file to replace (symbolic links resolved)
  std::string temp_path_;  // empty when writing directly
  int fd_;
  bool owns_fd_;
  bool committed_ = false;
  std::unique_ptr<FdStreamBuf> buffer_;
  std::unique_ptr<std::ostream> stream_;
};

}  // namespace cli
}  // namespace newsgraph

#endif  // NEWSGRAPH_CLI_OUTPUT_FILE_H_
