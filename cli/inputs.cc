#include "cli/inputs.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <utility>

namespace newsgraph {
namespace cli {
namespace {

using FileId = std::pair<dev_t, ino_t>;

bool EndsWithNoCase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  s = s.substr(s.size() - suffix.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

std::string Join(const std::string& dir, const std::string& name) {
  if (!dir.empty() && dir.back() == '/') return dir + name;
  return dir + "/" + name;
}

class Expander {
 public:
  std::vector<InputEntry> entries;

  void AddArgument(const std::string& path) {
    if (path == "-") {
      if (stdin_seen_) {
        Warning(path, "standard input named more than once; read once");
        return;
      }
      stdin_seen_ = true;
      InputEntry entry;
      entry.kind = InputEntry::Kind::kStdin;
      entry.path = path;
      entries.push_back(std::move(entry));
      return;
    }
    struct stat st;
    if (stat(path.c_str(), &st) != 0) {
      Error(path, std::strerror(errno));
      return;
    }
    if (S_ISDIR(st.st_mode)) {
      size_t before = entries.size();
      AddDirectory(path, st);
      if (!Found(before)) {
        Warning(path,
                "no article files in this directory (.txt .text .html .htm "
                ".jsonl .ndjson, or .gz of these)");
      }
      return;
    }
    AddFile(path, st);
  }

 private:
  // Whether the entries from `first` on name a file to read or an error.
  bool Found(size_t first) const {
    return std::any_of(entries.begin() + static_cast<std::ptrdiff_t>(first),
                       entries.end(), [](const InputEntry& e) {
                         return e.kind == InputEntry::Kind::kFile ||
                                e.kind == InputEntry::Kind::kError;
                       });
  }

  void Error(const std::string& path, const std::string& why) {
    InputEntry entry;
    entry.kind = InputEntry::Kind::kError;
    entry.path = path;
    entry.message = path + ": " + why;
    entries.push_back(std::move(entry));
  }

  void Warning(const std::string& path, const std::string& why) {
    InputEntry entry;
    entry.kind = InputEntry::Kind::kWarning;
    entry.path = path;
    entry.message = path + ": " + why;
    entries.push_back(std::move(entry));
  }

  void AddFile(const std::string& path, const struct stat& st) {
    if (!seen_.insert(FileId(st.st_dev, st.st_ino)).second) {
      Warning(path, "named more than once; read once");
      return;
    }
    InputEntry entry;
    entry.kind = InputEntry::Kind::kFile;
    entry.path = path;
    if (S_ISREG(st.st_mode)) {
      entry.size = static_cast<uint64_t>(st.st_size);
      entry.size_known = true;
    }
    entries.push_back(std::move(entry));
  }

  void AddDirectory(const std::string& dir, const struct stat& dir_st) {
    FileId id(dir_st.st_dev, dir_st.st_ino);
    if (std::find(stack_.begin(), stack_.end(), id) != stack_.end()) {
      Warning(dir,
              "directory loop (a symbolic link to a folder above); skipped");
      return;
    }
    DIR* handle = opendir(dir.c_str());
    if (handle == nullptr) {
      Error(dir, std::strerror(errno));
      return;
    }
    std::vector<std::string> names;
    errno = 0;
    while (struct dirent* ent = readdir(handle)) {
      if (ent->d_name[0] == '.') continue;  // hidden, and . and ..
      names.emplace_back(ent->d_name);
      errno = 0;
    }
    int read_errno = errno;
    closedir(handle);
    if (read_errno != 0) Error(dir, std::strerror(read_errno));
    std::sort(names.begin(), names.end());

    stack_.push_back(id);
    for (const std::string& name : names) {
      std::string path = Join(dir, name);
      struct stat st;
      if (stat(path.c_str(), &st) != 0) {
        // A dangling link or a vanished file matters only if we would have
        // read it.
        if (IsArticleName(name)) Error(path, std::strerror(errno));
        continue;
      }
      if (S_ISDIR(st.st_mode)) {
        AddDirectory(path, st);
      } else if (IsArticleName(name)) {
        if (!S_ISREG(st.st_mode)) {
          Warning(
              path,
              "not a regular file; skipped (name it explicitly to read it)");
          continue;
        }
        AddFile(path, st);
      }
    }
    stack_.pop_back();
  }

  bool stdin_seen_ = false;
  std::set<FileId> seen_;
  std::vector<FileId> stack_;  // directories being expanded
};

}  // namespace

bool IsArticleName(std::string_view name) {
  if (EndsWithNoCase(name, ".gz")) name.remove_suffix(3);
  for (std::string_view ext :
       {".txt", ".text", ".html", ".htm", ".jsonl", ".ndjson"}) {
    if (name.size() > ext.size() && EndsWithNoCase(name, ext)) return true;
  }
  return false;
}

std::vector<InputEntry> ExpandInputs(const std::vector<std::string>& args) {
  Expander expander;
  for (const std::string& arg : args) expander.AddArgument(arg);
  return std::move(expander.entries);
}

}  // namespace cli
}  // namespace newsgraph
