#include "run_binary.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <stdexcept>

namespace newsgraph {
namespace testing {
namespace {

std::vector<char*> Argv(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(NEWSGRAPH_BINARY));
  for (const std::string& a : args)
    argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  return argv;
}

std::string ReadAllFrom(std::FILE* file) {
  std::string text;
  std::rewind(file);
  char buffer[65536];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0)
    text.append(buffer, n);
  return text;
}

int DecodeStatus(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

RunResult RunNewsgraph(const std::vector<std::string>& args,
                       const RunOptions& options) {
  std::FILE* in = std::tmpfile();
  std::FILE* out = std::tmpfile();
  std::FILE* err = std::tmpfile();
  if (!in || !out || !err) throw std::runtime_error("tmpfile");
  std::fwrite(options.stdin_data.data(), 1, options.stdin_data.size(), in);
  std::fflush(in);
  std::rewind(in);
  std::vector<char*> argv = Argv(args);
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fileno(in), 0);
    dup2(fileno(out), 1);
    dup2(fileno(err), 2);
    lseek(0, 0, SEEK_SET);
    if (!options.cwd.empty() && chdir(options.cwd.c_str()) != 0) _exit(126);
    if (options.file_size_limit != RLIM_INFINITY) {
      struct rlimit limit = {options.file_size_limit, options.file_size_limit};
      setrlimit(RLIMIT_FSIZE, &limit);
      signal(SIGXFSZ, SIG_IGN);  // write() then fails with EFBIG
    }
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  RunResult result;
  result.status = DecodeStatus(status);
  result.out = ReadAllFrom(out);
  result.err = ReadAllFrom(err);
  std::fclose(in);
  std::fclose(out);
  std::fclose(err);
  return result;
}

RunningNewsgraph::RunningNewsgraph(const std::vector<std::string>& args) {
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("pipe");
  std::vector<char*> argv = Argv(args);
  pid_ = fork();
  if (pid_ == 0) {
    dup2(fds[0], 0);
    close(fds[0]);
    close(fds[1]);
    int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(fds[0]);
  stdin_fd_ = fds[1];
}

RunningNewsgraph::~RunningNewsgraph() {
  if (pid_ > 0) Kill(SIGKILL);
}

void RunningNewsgraph::WriteStdin(const std::string& data) {
  if (write(stdin_fd_, data.data(), data.size()) !=
      static_cast<ssize_t>(data.size())) {
    throw std::runtime_error("write to child");
  }
}

int RunningNewsgraph::Kill(int signal_number) {
  kill(pid_, signal_number);
  return Wait();
}

int RunningNewsgraph::Wait() {
  if (stdin_fd_ >= 0) close(stdin_fd_);
  stdin_fd_ = -1;
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return DecodeStatus(status);
}

std::string SummaryLine(const std::string& err) {
  std::string text = err;
  while (!text.empty() && text.back() == '\n') text.pop_back();
  size_t start = text.rfind('\n');
  std::string line = start == std::string::npos ? text : text.substr(start + 1);
  size_t open = line.rfind(" (");
  // The measured figures after the time vary from run to run.
  if (open != std::string::npos &&
      (Matches(line.substr(open), " (#.# s)") ||
       Matches(line.substr(open), " (#.# s, *)"))) {
    line.replace(open, std::string::npos, " (T s)");
  }
  return line;
}

bool Matches(std::string_view text, std::string_view pattern) {
  if (pattern.empty()) return text.empty();
  switch (pattern[0]) {
    case '*':
      for (size_t i = 0; i <= text.size(); ++i) {
        if (Matches(text.substr(i), pattern.substr(1))) return true;
      }
      return false;
    case '#': {
      size_t digits = 0;
      while (digits < text.size() && text[digits] >= '0' &&
             text[digits] <= '9') {
        ++digits;
      }
      for (size_t i = digits; i >= 1; --i) {
        if (Matches(text.substr(i), pattern.substr(1))) return true;
      }
      return false;
    }
    default:
      return !text.empty() && text[0] == pattern[0] &&
             Matches(text.substr(1), pattern.substr(1));
  }
}

}  // namespace testing
}  // namespace newsgraph
