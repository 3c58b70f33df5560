#include "hostile_support.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace newsgraph {
namespace hostile {
namespace {

std::vector<char*> Argv(const std::string& program,
                        const std::vector<std::string>& args) {
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(program.c_str()));
  for (const std::string& a : args) {
    argv.push_back(const_cast<char*>(a.c_str()));
  }
  argv.push_back(nullptr);
  return argv;
}

int DecodeStatus(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

std::string ReadAll(std::FILE* file) {
  std::string text;
  std::rewind(file);
  char buffer[65536];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
    text.append(buffer, n);
  }
  return text;
}

const std::string& Binary() {
  static const std::string binary = NEWSGRAPH_BINARY;
  return binary;
}

std::string SharedTools() {
  return std::string(NEWSGRAPH_SHARED_DIR) + "/tools";
}

}  // namespace

RunResult RunNewsgraph(const std::vector<std::string>& args,
                       const RunOptions& options) {
  std::FILE* out = std::tmpfile();
  std::FILE* err = std::tmpfile();
  if (out == nullptr || err == nullptr) throw std::runtime_error("tmpfile");
  std::vector<char*> argv = Argv(Binary(), args);
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork");
  if (pid == 0) {
    const std::string in =
        options.stdin_path.empty() ? "/dev/null" : options.stdin_path;
    const int fd = open(in.c_str(), O_RDONLY);
    if (fd < 0) _exit(126);
    dup2(fd, 0);
    if (options.stdout_path.empty()) {
      dup2(fileno(out), 1);
    } else {
      const int out_fd = open(options.stdout_path.c_str(), O_WRONLY);
      if (out_fd < 0) _exit(126);
      dup2(out_fd, 1);
    }
    dup2(fileno(err), 2);
    if (options.file_size_limit != RLIM_INFINITY) {
      struct rlimit limit = {options.file_size_limit, options.file_size_limit};
      setrlimit(RLIMIT_FSIZE, &limit);
      signal(SIGXFSZ, SIG_IGN);  // write() then fails with EFBIG
    }
    execv(argv[0], argv.data());
    _exit(127);
  }
  RunResult run;
  int status = 0;
  struct rusage usage = {};
  while (true) {
    const pid_t done = wait4(pid, &status, WNOHANG, &usage);
    if (done == pid) break;
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    if (!run.timed_out && elapsed > options.time_limit) {
      kill(pid, SIGKILL);
      run.timed_out = true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  run.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  run.status = DecodeStatus(status);
  run.max_rss_kb = usage.ru_maxrss;
  run.out = ReadAll(out);
  run.err = ReadAll(err);
  std::fclose(out);
  std::fclose(err);
  return run;
}

pid_t StartNewsgraph(const std::vector<std::string>& args) {
  std::vector<char*> argv = Argv(Binary(), args);
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork");
  if (pid == 0) {
    const int null_in = open("/dev/null", O_RDONLY);
    const int null_out = open("/dev/null", O_WRONLY);
    dup2(null_in, 0);
    dup2(null_out, 1);
    dup2(null_out, 2);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

int WaitFor(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return DecodeStatus(status);
}

std::string WithoutTime(const std::string& err) {
  return std::regex_replace(err, std::regex(R"(\(\d+\.\d\d s\)\n$)"),
                            "(T s)\n");
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

void WriteBytes(const std::string& path, const std::string& bytes,
                uint64_t count) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  for (uint64_t i = 0; i < count; ++i) out.write(bytes.data(), bytes.size());
  if (!out.flush()) throw std::runtime_error("cannot write " + path);
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

bool HaveSharedCheckers() {
  struct stat st;
  return stat((SharedTools() + "/check-outputs.sh").c_str(), &st) == 0;
}

std::string SharedCheckerFailures(const std::vector<std::string>& files) {
  std::string command = "bash '" + SharedTools() + "/check-outputs.sh'";
  for (const std::string& f : files) command += " '" + f + "'";
  command += " 2>&1";
  std::FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return "cannot run " + command;
  std::string report;
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
    report.append(buffer, n);
  }
  const int status = pclose(pipe);
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return "";
  return report.empty() ? "check-outputs.sh failed" : report;
}

}  // namespace hostile
}  // namespace newsgraph
