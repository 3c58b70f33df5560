// A temporary directory for one test, removed with everything in it.
#ifndef NEWSGRAPH_TESTS_CLI_TEMP_DIR_H_
#define NEWSGRAPH_TESTS_CLI_TEMP_DIR_H_

#include <string>
#include <vector>

namespace newsgraph {
namespace testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // path() + "/" + name.
  std::string Path(const std::string& name) const;
  // Writes `content` to Path(name), creating parent folders.
  std::string Write(const std::string& name, const std::string& content) const;
  // The names in the folder Path(name), sorted (hidden ones too).
  std::vector<std::string> List(const std::string& name = "") const;
  // The names in any folder, sorted.
  static std::vector<std::string> ListPath(const std::string& path);

 private:
  std::string path_;
};

std::string ReadFile(const std::string& path);
bool Exists(const std::string& path);

}  // namespace testing
}  // namespace newsgraph

#endif  // NEWSGRAPH_TESTS_CLI_TEMP_DIR_H_
