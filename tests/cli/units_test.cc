// Unit tests of the CLI's parts: input expansion, chunked reading, the
// ordered reporter, the bounded queue and the atomic output file.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "cli/bounded_queue.h"
#include "cli/byte_source.h"
#include "cli/input_reader.h"
#include "cli/inputs.h"
#include "cli/output_file.h"
#include "cli/reporter.h"
#include "temp_dir.h"

namespace newsgraph {
namespace cli {
namespace {

using testing::Exists;
using testing::ReadFile;
using testing::TempDir;

// What a reporter printed, through a memory stream.
class CapturedReporter {
 public:
  explicit CapturedReporter(ReporterOptions options = {})
      : file_(open_memstream(&buffer_, &size_)), reporter_(file_, options) {}
  ~CapturedReporter() {
    std::fclose(file_);
    free(buffer_);
  }
  Reporter& reporter() { return reporter_; }
  std::string text() {
    std::fflush(file_);
    return std::string(buffer_, size_);
  }

 private:
  char* buffer_ = nullptr;
  size_t size_ = 0;
  std::FILE* file_;
  Reporter reporter_;
};

// ---- inputs ----

TEST(IsArticleName, KnownExtensionsOnly) {
  for (const char* name : {"a.txt", "a.TXT", "a.text", "a.html", "a.htm",
                           "a.jsonl", "a.ndjson", "a.jsonl.gz", "a.txt.GZ"}) {
    EXPECT_TRUE(IsArticleName(name)) << name;
  }
  for (const char* name : {"a.json", "a.md", "a.graphml", "a.jsonld", "a.gz",
                           ".txt", "txt", "a.txt~", "a.tar.gz"}) {
    EXPECT_FALSE(IsArticleName(name)) << name;
  }
}

std::vector<std::string> Describe(const std::vector<InputEntry>& entries,
                                  const std::string& root) {
  std::vector<std::string> lines;
  for (const InputEntry& e : entries) {
    std::string path = e.path.substr(0, root.size()) == root
                           ? "T" + e.path.substr(root.size())
                           : e.path;
    std::string message = e.message;
    size_t at = message.find(root);
    if (at != std::string::npos) message.replace(at, root.size(), "T");
    switch (e.kind) {
      case InputEntry::Kind::kFile:
        lines.push_back("file " + path);
        break;
      case InputEntry::Kind::kStdin:
        lines.push_back("stdin");
        break;
      case InputEntry::Kind::kError:
        lines.push_back("error " + message);
        break;
      case InputEntry::Kind::kWarning:
        lines.push_back("warning " + message);
        break;
    }
  }
  return lines;
}

TEST(ExpandInputs, DirectoriesSortedRecursiveWithoutHiddenOrUnknown) {
  TempDir dir;
  dir.Write("in/b.txt", "b");
  dir.Write("in/a.html", "a");
  dir.Write("in/sub/c.jsonl", "{}");
  dir.Write("in/sub/notes.md", "x");
  dir.Write("in/sub/data.json", "{}");
  dir.Write("in/.hidden.txt", "x");
  dir.Write("in/.git/d.txt", "x");
  dir.Write("in/Z.TXT", "z");
  dir.Write("in/empty/.keep", "");
  std::vector<InputEntry> entries = ExpandInputs({dir.Path("in")});
  EXPECT_EQ(
      Describe(entries, dir.path()),
      (std::vector<std::string>{"file T/in/Z.TXT", "file T/in/a.html",
                                "file T/in/b.txt", "file T/in/sub/c.jsonl"}));
  ASSERT_EQ(entries.size(), 4u);
  EXPECT_TRUE(entries[0].size_known);
  EXPECT_EQ(entries[0].size, 1u);
}

TEST(ExpandInputs, ExplicitFilesAnyNameMissingAndDuplicates) {
  TempDir dir;
  dir.Write("in/a.txt", "a");
  dir.Write("notes.md", "m");
  dir.Write("empty/.keep", "");
  std::vector<InputEntry> entries = ExpandInputs(
      {dir.Path("notes.md"), dir.Path("missing.txt"), "-", dir.Path("in"),
       dir.Path("in/a.txt"), "-", dir.Path("empty")});
  EXPECT_EQ(
      Describe(entries, dir.path()),
      (std::vector<std::string>{
          "file T/notes.md", "error T/missing.txt: No such file or directory",
          "stdin", "file T/in/a.txt",
          "warning T/in/a.txt: named more than once; read once",
          "warning -: standard input named more than once; read once",
          "warning T/empty: no article files in this directory (.txt "
          ".text .html .htm .jsonl .ndjson, or .gz of these)"}));
}

TEST(ExpandInputs, TrailingSlashGivesCleanPaths) {
  TempDir dir;
  dir.Write("in/a.txt", "a");
  std::vector<InputEntry> entries = ExpandInputs({dir.Path("in") + "/"});
  EXPECT_EQ(Describe(entries, dir.path()),
            (std::vector<std::string>{"file T/in/a.txt"}));
}

TEST(ExpandInputs, SymlinkLoopIsSkipped) {
  TempDir dir;
  dir.Write("in/a.txt", "a");
  ASSERT_EQ(symlink("..", dir.Path("in/up").c_str()), 0);
  std::vector<InputEntry> entries = ExpandInputs({dir.Path("in")});
  EXPECT_EQ(Describe(entries, dir.path()),
            (std::vector<std::string>{
                "file T/in/a.txt",
                "warning T/in/up/in: directory loop (a symbolic link to a "
                "folder above); skipped"}));
}

TEST(ExpandInputs, DanglingArticleLinkIsAnError) {
  TempDir dir;
  dir.Write("in/a.txt", "a");
  ASSERT_EQ(symlink("nowhere.txt", dir.Path("in/b.txt").c_str()), 0);
  ASSERT_EQ(symlink("nowhere", dir.Path("in/c.md").c_str()), 0);
  EXPECT_EQ(
      Describe(ExpandInputs({dir.Path("in")}), dir.path()),
      (std::vector<std::string>{
          "file T/in/a.txt", "error T/in/b.txt: No such file or directory"}));
}

// ---- reading ----

struct Collected {
  std::vector<Chunk> chunks;
  std::string Lines() const {
    std::string out;
    for (const Chunk& c : chunks) {
      out += std::to_string(c.first_line) + ":" + c.bytes + "|";
    }
    return out;
  }
};

Collected ReadAll(const std::string& path, uint64_t max_bytes,
                  size_t chunk_bytes, CapturedReporter& captured) {
  Collected collected;
  InputReader reader(max_bytes, chunk_bytes, captured.reporter(),
                     [&](Chunk&& chunk) {
                       // No workers here: the chunk is done at once.
                       captured.reporter().Complete(chunk.seq, {});
                       collected.chunks.push_back(std::move(chunk));
                     });
  InputEntry entry;
  entry.path = path;
  reader.Read(entry);
  return collected;
}

TEST(InputReader, JsonLinesAreCutAtLineEndsWithTheirNumbers) {
  TempDir dir;
  std::string path =
      dir.Write("c.jsonl", "{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n{\"d\":4}");
  CapturedReporter captured;
  Collected got = ReadAll(path, 0, 10, captured);
  // The first read (64 KiB) holds it all; the last line has no newline.
  EXPECT_EQ(got.Lines(), "1:{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n|4:{\"d\":4}|");
  for (const Chunk& c : got.chunks) {
    EXPECT_EQ(c.format, InputFormat::kJsonLines);
    EXPECT_EQ(c.origin, path);
  }
  EXPECT_EQ(captured.text(), "");
}

TEST(InputReader, LargeJsonLinesFilesStreamInChunks) {
  TempDir dir;
  std::string content;
  for (int i = 0; content.size() < 300000; ++i) {
    content += "{\"id\":" + std::to_string(i) + ",\"text\":\"" +
               std::string(static_cast<size_t>(i % 97), 'x') + "\"}\n";
  }
  std::string path = dir.Write("big.jsonl", content);
  CapturedReporter captured;
  Collected got = ReadAll(path, 1000, 4096, captured);
  EXPECT_GT(got.chunks.size(), 20u);
  std::string joined;
  for (const Chunk& c : got.chunks) {
    EXPECT_EQ(c.first_line, 1 + static_cast<uint64_t>(std::count(
                                    joined.begin(), joined.end(), '\n')));
    EXPECT_EQ(c.bytes.back(), '\n');
    EXPECT_LE(c.bytes.size(), size_t{70000});
    joined += c.bytes;
  }
  EXPECT_TRUE(joined == content);
  EXPECT_EQ(captured.text(), "");
}

TEST(InputReader, OverlongJsonLinesAreSkippedAndNamed) {
  TempDir dir;
  std::string long_line(100, 'x');
  std::string path = dir.Write(
      "c.jsonl", "{\"a\":1}\n" + long_line + "\n{\"b\":2}\n" + long_line);
  for (size_t chunk : {4, 16, 1 << 20}) {
    CapturedReporter captured;
    Collected got = ReadAll(path, 50, chunk, captured);
    std::string lines;
    for (const Chunk& c : got.chunks) lines += c.bytes;
    EXPECT_EQ(lines, "{\"a\":1}\n{\"b\":2}\n") << chunk;
    EXPECT_EQ(got.chunks.back().first_line, 3u) << chunk;
    EXPECT_EQ(
        captured.text(),
        "newsgraph: error: " + path +
            ":2: line longer than the 50 bytes limit (--max-bytes); skipped\n"
            "newsgraph: error: " +
            path +
            ":4: line longer than the 50 bytes limit (--max-bytes); skipped\n")
        << chunk;
    EXPECT_EQ(captured.reporter().errors(), 2u);
  }
}

TEST(InputReader, WholeFilesAndTheirLimit) {
  TempDir dir;
  std::string small = dir.Write("a.txt", "France and Germany.\n");
  std::string large = dir.Write("b.txt", std::string(2048, 'a'));
  CapturedReporter captured;
  Collected got = ReadAll(small, 1024, 1 << 20, captured);
  ASSERT_EQ(got.chunks.size(), 1u);
  EXPECT_EQ(got.chunks[0].bytes, "France and Germany.\n");
  EXPECT_EQ(got.chunks[0].format, InputFormat::kText);

  got = ReadAll(large, 1024, 1 << 20, captured);
  EXPECT_TRUE(got.chunks.empty());
  EXPECT_EQ(captured.text(),
            "newsgraph: error: " + large +
                ": larger than the 1 KiB limit (--max-bytes); skipped\n");
}

TEST(InputReader, BinaryAndEmptyFiles) {
  TempDir dir;
  std::string png =
      dir.Write("a.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  std::string empty = dir.Write("b.txt", "");
  CapturedReporter captured;
  EXPECT_TRUE(ReadAll(png, 0, 1 << 20, captured).chunks.empty());
  EXPECT_TRUE(ReadAll(empty, 0, 1 << 20, captured).chunks.empty());
  EXPECT_EQ(captured.text(), "newsgraph: error: " + png +
                                 ": binary file, not text; skipped\n"
                                 "newsgraph: warning: " +
                                 empty + ": empty file\n");
  EXPECT_EQ(captured.reporter().errors(), 1u);
  EXPECT_EQ(captured.reporter().warnings(), 1u);
}

TEST(InputReader, GzipIsDecompressed) {
  TempDir dir;
  std::string path = dir.Path("c.jsonl.gz");
  gzFile gz = gzopen(path.c_str(), "wb");
  ASSERT_NE(gz, nullptr);
  std::string content = "{\"text\":\"one\"}\n{\"text\":\"two\"}\n";
  gzwrite(gz, content.data(), static_cast<unsigned>(content.size()));
  gzclose(gz);
  CapturedReporter captured;
  Collected got = ReadAll(path, 0, 1 << 20, captured);
  ASSERT_EQ(got.chunks.size(), 1u);
  EXPECT_EQ(got.chunks[0].bytes, content);
  EXPECT_EQ(got.chunks[0].format, InputFormat::kJsonLines);
  EXPECT_EQ(captured.text(), "");

  // Truncated: the complete part is kept, the rest reported.
  std::string whole = ReadFile(path);
  std::string cut = dir.Write("d.jsonl.gz", whole.substr(0, whole.size() - 12));
  CapturedReporter captured2;
  ReadAll(cut, 0, 1 << 20, captured2);
  EXPECT_EQ(captured2.text(),
            "newsgraph: error: " + cut + ": truncated gzip file\n");
}

// ---- reporter ----

TEST(Reporter, PrintsInReservedOrderWhateverTheCompletionOrder) {
  CapturedReporter captured;
  Reporter& r = captured.reporter();
  uint64_t a = r.Reserve(), b = r.Reserve(), c = r.Reserve();
  r.Complete(c, {{Severity::kError, "c: third"}});
  r.Complete(b,
             {{Severity::kWarning, "b: second"}, {Severity::kNote, "b: note"}});
  EXPECT_EQ(captured.text(), "");
  r.Complete(a, {{Severity::kWarning, "a: first"}});
  EXPECT_EQ(captured.text(),
            "newsgraph: warning: a: first\n"
            "newsgraph: warning: b: second\n"
            "newsgraph: error: c: third\n");
  EXPECT_EQ(r.warnings(), 2u);
  EXPECT_EQ(r.errors(), 1u);
}

TEST(Reporter, QuietKeepsErrorsVerboseAddsNotes) {
  ReporterOptions quiet;
  quiet.quiet = true;
  CapturedReporter q(quiet);
  q.reporter().Post(Severity::kWarning, "w");
  q.reporter().Post(Severity::kNote, "n");
  q.reporter().Post(Severity::kError, "e");
  q.reporter().PrintSummary("summary");
  EXPECT_EQ(q.text(), "newsgraph: error: e\n");
  EXPECT_EQ(q.reporter().warnings(), 1u);

  ReporterOptions verbose;
  verbose.verbose = true;
  CapturedReporter v(verbose);
  v.reporter().Post(Severity::kNote, "n");
  v.reporter().PrintSummary("summary");
  EXPECT_EQ(v.text(), "newsgraph: note: n\nnewsgraph: summary\n");
}

TEST(Reporter, CountsAndSizes) {
  EXPECT_EQ(Count(0, "edge", "edges"), "0 edges");
  EXPECT_EQ(Count(1, "edge", "edges"), "1 edge");
  EXPECT_EQ(Count(2, "edge", "edges"), "2 edges");
  EXPECT_EQ(ByteSizeText(64u << 20), "64 MiB");
  EXPECT_EQ(ByteSizeText(1024), "1 KiB");
  EXPECT_EQ(ByteSizeText(1025), "1025 bytes");
  EXPECT_EQ(ByteSizeText(1), "1 byte");
  EXPECT_EQ(ByteSizeText(uint64_t{3} << 30), "3 GiB");
}

// ---- queue ----

TEST(BoundedQueue, DeliversEverythingInOrderAndBlocksWhenFull) {
  BoundedQueue<int> queue(10);
  std::vector<int> got;
  std::thread consumer([&] {
    while (std::optional<int> item = queue.Pop()) got.push_back(*item);
  });
  for (int i = 0; i < 1000; ++i) queue.Push(i, 4);
  queue.Push(1000, 100);  // larger than the bound: let through alone
  queue.Close();
  consumer.join();
  ASSERT_EQ(got.size(), 1001u);
  for (int i = 0; i <= 1000; ++i) EXPECT_EQ(got[static_cast<size_t>(i)], i);
}

// ---- output file ----

TEST(OutputFile, CommitReplacesAtomicallyWithANormalMode) {
  TempDir dir;
  std::string path = dir.Write("g.graphml", "old");
  chmod(path.c_str(), 0640);
  {
    StatusOr<std::unique_ptr<OutputFile>> out = OutputFile::Open(path);
    ASSERT_TRUE(out.ok()) << out.status().message();
    (*out)->stream() << "new";
    EXPECT_EQ(ReadFile(path), "old");
    EXPECT_EQ(dir.List().size(), 2u);  // g.graphml and its temporary file
    Status committed = (*out)->Commit();
    EXPECT_TRUE(committed.ok()) << committed.message();
  }
  EXPECT_EQ(ReadFile(path), "new");
  EXPECT_EQ(dir.List(), std::vector<std::string>{"g.graphml"});
  struct stat st;
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);

  std::string fresh = dir.Path("fresh.jsonld");
  mode_t old_mask = umask(022);
  {
    StatusOr<std::unique_ptr<OutputFile>> out = OutputFile::Open(fresh);
    ASSERT_TRUE(out.ok());
    (*out)->stream() << "x";
    ASSERT_TRUE((*out)->Commit().ok());
  }
  umask(old_mask);
  ASSERT_EQ(stat(fresh.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0644u);
}

TEST(OutputFile, WithoutCommitTheTemporaryFileGoes) {
  TempDir dir;
  std::string path = dir.Write("g.graphml", "old");
  {
    StatusOr<std::unique_ptr<OutputFile>> out = OutputFile::Open(path);
    ASSERT_TRUE(out.ok());
    (*out)->stream() << "half a graph";
  }
  EXPECT_EQ(ReadFile(path), "old");
  EXPECT_EQ(dir.List(), std::vector<std::string>{"g.graphml"});
}

TEST(OutputFile, SymbolicLinkTargetIsReplaced) {
  TempDir dir;
  std::string target = dir.Write("real.graphml", "old");
  ASSERT_EQ(symlink("real.graphml", dir.Path("link.graphml").c_str()), 0);
  {
    StatusOr<std::unique_ptr<OutputFile>> out =
        OutputFile::Open(dir.Path("link.graphml"));
    ASSERT_TRUE(out.ok());
    (*out)->stream() << "new";
    ASSERT_TRUE((*out)->Commit().ok());
  }
  EXPECT_EQ(ReadFile(target), "new");
  struct stat st;
  ASSERT_EQ(lstat(dir.Path("link.graphml").c_str(), &st), 0);
  EXPECT_TRUE(S_ISLNK(st.st_mode));
}

TEST(OutputFile, ErrorsNameThePath) {
  TempDir dir;
  StatusOr<std::unique_ptr<OutputFile>> missing =
      OutputFile::Open(dir.Path("nodir/g.graphml"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(),
            dir.Path("nodir/g.graphml") +
                ": cannot write: No such file or directory (directory '" +
                dir.Path("nodir") + "')");
  StatusOr<std::unique_ptr<OutputFile>> directory =
      OutputFile::Open(dir.path());
  ASSERT_FALSE(directory.ok());
  EXPECT_EQ(directory.status().message(),
            dir.path() + ": cannot write: Is a directory");
}

TEST(OutputFile, DevicesAreWrittenDirectly) {
  if (!Exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  StatusOr<std::unique_ptr<OutputFile>> out = OutputFile::Open("/dev/full");
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_EQ((*out)->temp_path(), "");
  (*out)->stream() << "x";
  Status committed = (*out)->Commit();
  ASSERT_FALSE(committed.ok());
  EXPECT_EQ(committed.message(),
            "/dev/full: cannot write: No space left on device");

  StatusOr<std::unique_ptr<OutputFile>> null = OutputFile::Open("/dev/null");
  ASSERT_TRUE(null.ok());
  (*null)->stream() << "x";
  EXPECT_TRUE((*null)->Commit().ok());
}

}  // namespace
}  // namespace cli
}  // namespace newsgraph
