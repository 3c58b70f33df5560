#include "cli/output_file.h"

#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <streambuf>
#include <utility>
#include <vector>

namespace newsgraph {
namespace cli {

// A streambuf over a file descriptor that remembers the first write error.
class FdStreamBuf : public std::streambuf {
 public:
  explicit FdStreamBuf(int fd) : fd_(fd), buffer_(1 << 20) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }

  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (!Drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }

  std::streamsize xsputn(const char* s, std::streamsize n) override {
    if (n <= epptr() - pptr()) {
      std::memcpy(pptr(), s, static_cast<size_t>(n));
      pbump(static_cast<int>(n));
      return n;
    }
    if (!Drain()) return 0;
    if (n < static_cast<std::streamsize>(buffer_.size())) {
      std::memcpy(pptr(), s, static_cast<size_t>(n));
      pbump(static_cast<int>(n));
      return n;
    }
    return WriteAll(s, static_cast<size_t>(n)) ? n : 0;
  }

  int sync() override { return Drain() ? 0 : -1; }

 private:
  bool Drain() {
    size_t n = static_cast<size_t>(pptr() - pbase());
    bool ok = WriteAll(pbase(), n);
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return ok;
  }

  bool WriteAll(const char* data, size_t n) {
    if (error_ != 0) return false;
    const off_t start = offset_;
    while (n > 0) {
      ssize_t written = write(fd_, data, n);
      if (written < 0) {
        if (errno == EINTR) continue;
        error_ = errno;
        return false;
      }
      data += written;
      n -= static_cast<size_t>(written);
      offset_ += written;
    }
    StartWriteback(start, offset_ - start);
    return true;
  }

  // Asks the kernel to start writing [start, start + length) to the disk
  // now, without waiting: the fsync before the rename then has little left
  // to wait for. Only advice: pipes and devices refuse it, and that is fine.
  void StartWriteback(off_t start, off_t length) {
#ifdef __linux__
    if (length > 0) sync_file_range(fd_, start, length, SYNC_FILE_RANGE_WRITE);
#else
    (void)start;
    (void)length;
#endif
  }

  int fd_;
  std::vector<char> buffer_;
  int error_ = 0;
  off_t offset_ = 0;  // bytes written so far
};

namespace {

// The temporary file to remove if a signal ends the process. Only one
// output is written at a time.
char g_signal_temp[PATH_MAX + 1];
volatile sig_atomic_t g_signal_temp_set = 0;

extern "C" void RemoveTempAndDie(int signal_number) {
  if (g_signal_temp_set) unlink(g_signal_temp);
  ::signal(signal_number, SIG_DFL);
  ::raise(signal_number);
}

void GuardTemp(const std::string& temp) {
  if (temp.size() > PATH_MAX) return;
  g_signal_temp_set = 0;
  std::memcpy(g_signal_temp, temp.c_str(), temp.size() + 1);
  g_signal_temp_set = 1;
  static bool installed = false;
  if (installed) return;
  installed = true;
  for (int s : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction action;
    std::memset(&action, 0, sizeof action);
    action.sa_handler = RemoveTempAndDie;
    sigemptyset(&action.sa_mask);
    struct sigaction old;
    // Leave a signal the caller chose to ignore (nohup) ignored.
    if (sigaction(s, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    sigaction(s, &action, nullptr);
  }
}

void UnguardTemp() { g_signal_temp_set = 0; }

Status CannotWrite(const std::string& path, int error) {
  return Status::Error(path + ": cannot write: " + std::strerror(error));
}

std::string DirectoryOf(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

mode_t NewFileMode() {
  mode_t mask = umask(0);
  umask(mask);
  return 0666 & ~mask;
}

}  // namespace

OutputFile::OutputFile(std::string path, std::string target,
                       std::string temp_path, int fd, bool owns_fd)
    : path_(std::move(path)),
      target_(std::move(target)),
      temp_path_(std::move(temp_path)),
      fd_(fd),
      owns_fd_(owns_fd),
      buffer_(new FdStreamBuf(fd)),
      stream_(new std::ostream(buffer_.get())) {}

StatusOr<std::unique_ptr<OutputFile>> OutputFile::Open(
    const std::string& path) {
  if (path == "-") {
    return std::unique_ptr<OutputFile>(
        new OutputFile("<stdout>", "", "", STDOUT_FILENO, false));
  }
  // Replace what a symbolic link points to, not the link.
  std::string target = path;
  struct stat st;
  if (lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
    char* resolved = realpath(path.c_str(), nullptr);
    if (resolved != nullptr) {
      target = resolved;
      free(resolved);
    }
  }
  bool exists = stat(target.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) return CannotWrite(path, EISDIR);
  if (exists && !S_ISREG(st.st_mode)) {
    int fd;
    do {
      fd = open(target.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) return CannotWrite(path, errno);
    return std::unique_ptr<OutputFile>(
        new OutputFile(path, target, "", fd, true));
  }

  std::string temp = target + ".tmp.XXXXXX";
  std::vector<char> name(temp.begin(), temp.end());
  name.push_back('\0');
  int fd = mkostemp(name.data(), O_CLOEXEC);
  if (fd < 0) {
    int error = errno;
    // Say which directory is missing or closed, when it is that.
    if (error == ENOENT || error == EACCES || error == ENOTDIR ||
        error == EROFS) {
      return Status::Error(path + ": cannot write: " + std::strerror(error) +
                           " (directory '" + DirectoryOf(target) + "')");
    }
    return CannotWrite(path, error);
  }
  temp.assign(name.data());
  GuardTemp(temp);
  // mkstemp makes the file private (0600); give it the mode the file had,
  // or the mode a new file gets.
  mode_t mode = exists ? (st.st_mode & 07777) : NewFileMode();
  if (fchmod(fd, mode) != 0) {
    // Not worth failing for: the graph is still written.
  }
  return std::unique_ptr<OutputFile>(
      new OutputFile(path, target, temp, fd, true));
}

OutputFile::~OutputFile() {
  stream_.reset();
  buffer_.reset();
  if (owns_fd_ && fd_ >= 0) close(fd_);
  if (!committed_) RemoveTemp();
}

std::ostream& OutputFile::stream() { return *stream_; }

bool OutputFile::failed() const {
  return buffer_->error() != 0 || stream_->bad();
}

Status OutputFile::WriteError() const {
  return CannotWrite(path_, buffer_->error() != 0 ? buffer_->error() : EIO);
}

void OutputFile::RemoveTemp() {
  if (temp_path_.empty()) return;
  UnguardTemp();
  unlink(temp_path_.c_str());
}

Status OutputFile::Commit() {
  stream_->flush();
  if (failed()) {
    Status error = WriteError();
    RemoveTemp();
    return error;
  }
  if (temp_path_.empty()) {
    committed_ = true;
    return Status::Ok();
  }
  if (fsync(fd_) != 0) {
    Status error = CannotWrite(path_, errno);
    RemoveTemp();
    return error;
  }
  int fd = fd_;
  fd_ = -1;
  if (close(fd) != 0) {
    Status error = CannotWrite(path_, errno);
    RemoveTemp();
    return error;
  }
  if (rename(temp_path_.c_str(), target_.c_str()) != 0) {
    Status error = CannotWrite(path_, errno);
    RemoveTemp();
    return error;
  }
  UnguardTemp();
  committed_ = true;
  // Make the rename itself durable.
  int dir =
      open(DirectoryOf(target_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    fsync(dir);
    close(dir);
  }
  return Status::Ok();
}

}  // namespace cli
}  // namespace newsgraph
