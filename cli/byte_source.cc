#include "cli/byte_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <utility>

namespace newsgraph {
namespace cli {
namespace {

bool HasGzipName(const std::string& path) {
  if (path.size() < 3) return false;
  std::string tail = path.substr(path.size() - 3);
  for (char& c : tail) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return tail == ".gz";
}

Status Errno(const std::string& name, int error) {
  return Status::Error(name + ": " + std::strerror(error));
}

class FdSource : public ByteSource {
 public:
  FdSource(std::string name, int fd, bool owned, std::optional<uint64_t> size)
      : ByteSource(std::move(name)), fd_(fd), owned_(owned), size_(size) {}
  ~FdSource() override {
    if (owned_) close(fd_);
  }

  StatusOr<size_t> Read(size_t max, std::string* out) override {
    size_t old = out->size();
    out->resize(old + max);
    ssize_t n;
    do {
      n = read(fd_, &(*out)[old], max);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
      int error = errno;
      out->resize(old);
      return Errno(name(), error);
    }
    out->resize(old + static_cast<size_t>(n));
    return static_cast<size_t>(n);
  }

  std::optional<uint64_t> size() const override { return size_; }

 private:
  int fd_;
  bool owned_;
  std::optional<uint64_t> size_;
};

class GzipSource : public ByteSource {
 public:
  GzipSource(std::string name, gzFile file)
      : ByteSource(std::move(name)), file_(file) {}
  ~GzipSource() override { gzclose(file_); }

  StatusOr<size_t> Read(size_t max, std::string* out) override {
    if (max > INT_MAX / 2) max = INT_MAX / 2;
    size_t old = out->size();
    out->resize(old + max);
    int n = gzread(file_, &(*out)[old], static_cast<unsigned>(max));
    int code = Z_OK;
    const char* message = gzerror(file_, &code);
    if (n < 0 || (code != Z_OK && code != Z_STREAM_END)) {
      out->resize(old);
      if (code == Z_ERRNO) return Errno(name(), errno);
      if (code == Z_BUF_ERROR) {
        return Status::Error(name() + ": truncated gzip file");
      }
      return Status::Error(name() + ": bad gzip data (" + message + ")");
    }
    out->resize(old + static_cast<size_t>(n));
    return static_cast<size_t>(n);
  }

  std::optional<uint64_t> size() const override { return std::nullopt; }

 private:
  gzFile file_;
};

}  // namespace

StatusOr<std::unique_ptr<ByteSource>> ByteSource::Open(
    const std::string& path) {
  bool is_stdin = path == "-";
  std::string name = is_stdin ? "<stdin>" : path;
  int fd = STDIN_FILENO;
  if (!is_stdin) {
    do {
      fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) return Errno(name, errno);
  }
  struct stat st;
  if (fstat(fd, &st) != 0) {
    int error = errno;
    if (!is_stdin) close(fd);
    return Errno(name, error);
  }
  if (S_ISDIR(st.st_mode)) {
    if (!is_stdin) close(fd);
    return Errno(name, EISDIR);
  }
  if (!is_stdin && HasGzipName(path)) {
    gzFile file = gzdopen(fd, "rb");
    if (file == nullptr) {
      close(fd);
      return Status::Error(name + ": cannot open as gzip");
    }
    gzbuffer(file, 1 << 17);
    return std::unique_ptr<ByteSource>(new GzipSource(name, file));
  }
  std::optional<uint64_t> size;
  if (S_ISREG(st.st_mode) && !is_stdin)
    size = static_cast<uint64_t>(st.st_size);
  return std::unique_ptr<ByteSource>(new FdSource(name, fd, !is_stdin, size));
}

Status ReadUpTo(ByteSource& source, size_t max, std::string* out) {
  size_t goal = out->size() + max;
  while (out->size() < goal) {
    StatusOr<size_t> n = source.Read(goal - out->size(), out);
    if (!n.ok()) return n.status();
    if (*n == 0) break;
  }
  return Status::Ok();
}

}  // namespace cli
}  // namespace newsgraph
