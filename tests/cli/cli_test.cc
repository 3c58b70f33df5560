// End-to-end tests of the newsgraph binary: exit codes, messages verbatim,
// what is written and what is left alone.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "run_binary.h"
#include "temp_dir.h"

namespace newsgraph {
namespace testing {
namespace {

const char kUsageHint[] =
    "usage: newsgraph build INPUT... -o FILE [options]\n"
    "Run 'newsgraph help build' for more information.\n";

const char kArticleA[] =
    "title: Paris talks on energy\n"
    "date: 2024-03-01\n"
    "\n"
    "France and Germany agreed on Monday to cooperate on energy security. "
    "French President Emmanuel Macron met German Chancellor Olaf Scholz in "
    "Paris.\n";

const char kArticleB[] =
    "title: Airspace dispute\n"
    "date: 2024-03-02\n"
    "\n"
    "Japan accused China of violating its airspace, the Japanese defence "
    "ministry said on Tuesday. Beijing rejected the accusation.\n";

std::string JsonLine(const std::string& id, const std::string& text) {
  return "{\"id\":\"" + id + "\",\"title\":\"" + id +
         "\",\"date\":\"2024-01-02\",\"text\":\"" + text + "\"}\n";
}

// The summary line, with the counts that depend on the extractors left open.
::testing::AssertionResult HasSummary(const std::string& err,
                                      const std::string& documents,
                                      const std::string& warnings,
                                      const std::string& failed) {
  std::string line = SummaryLine(err);
  if (Matches(line, "newsgraph: " + documents + ", # node*, # edge*, " +
                        warnings + ", " + failed + " (T s)")) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure()
         << "summary line: " << line << "\nwhole stderr:\n"
         << err;
}

bool StartsWith(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

bool LooksLikeGraphml(const std::string& content) {
  return StartsWith(content, "<?xml") &&
         content.find("<graphml") != std::string::npos &&
         content.find("</graphml>") != std::string::npos;
}

TEST(Cli, HelpAndVersionExitZero) {
  RunResult help = RunNewsgraph({"--help"});
  EXPECT_EQ(help.status, 0);
  EXPECT_TRUE(StartsWith(help.out, "newsgraph builds a knowledge graph"))
      << help.out;
  EXPECT_EQ(help.err, "");

  for (std::vector<std::string> args :
       {std::vector<std::string>{"help", "build"},
        std::vector<std::string>{"build", "--help"},
        std::vector<std::string>{"build", "x.txt", "-h"}}) {
    RunResult build_help = RunNewsgraph(args);
    EXPECT_EQ(build_help.status, 0);
    EXPECT_TRUE(
        StartsWith(build_help.out, "Usage: newsgraph build INPUT... -o FILE"))
        << build_help.out;
    EXPECT_NE(build_help.out.find("Exit status:"), std::string::npos);
    EXPECT_EQ(build_help.err, "");
  }

  RunResult version = RunNewsgraph({"--version"});
  EXPECT_EQ(version.status, 0);
  EXPECT_EQ(version.out, "newsgraph " NEWSGRAPH_VERSION "\n");
  EXPECT_EQ(version.err, "");
}

TEST(Cli, UsageErrorsExitTwoBeforeAnyWork) {
  TempDir dir;
  std::string in = dir.Write("a.txt", kArticleA);
  std::string out = dir.Path("out.graphml");
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  std::vector<Case> cases = {
      {{}, "no command given"},
      {{"frobnicate"}, "unknown command 'frobnicate'"},
      {{"build"}, "build: no input given"},
      {{"build", in}, "build: no output given (-o FILE)"},
      {{"build", in, "-o", out, "--bogus"}, "unknown option '--bogus'"},
      {{"build", in, "-o", dir.Path("out.dot")},
       "cannot tell the format of '" + dir.Path("out.dot") +
           "' from its name; use --format (graphml, graphml-gephi, jsonld, "
           "gexf or csv)"},
      {{"build", in, "-o", out, "--format", "dot"},
       "unknown format 'dot' (expected graphml, graphml-gephi, jsonld, gexf "
       "or csv)"},
      {{"build", in, "-o", out, "--threads", "two"},
       "--threads: 'two' is not a whole number from 0 to 1024"},
      {{"build", in, "-o", out, "--evidence", "-3"},
       "--evidence: '-3' is not a whole number from 0 to 1073741824"},
      {{"build", in, "-o", out, "--max-bytes", "lots"},
       "--max-bytes: 'lots' is not a size (e.g. 65536, 64K, 64M, 1G)"},
      // Found before the missing input is even looked at.
      {{"build", dir.Path("missing.txt"), "-o", out, "-j"},
       "option '-j' needs a value"},
  };
  for (const Case& c : cases) {
    RunResult r = RunNewsgraph(c.args);
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err, "newsgraph: " + c.message + "\n" + kUsageHint);
    EXPECT_EQ(r.out, "");
  }
  EXPECT_EQ(dir.List(), std::vector<std::string>{"a.txt"});
}

TEST(Cli, MissingInputIsReportedAndTheRestStillWritten) {
  TempDir dir;
  std::string a = dir.Write("in/a.txt", kArticleA);
  dir.Write("in/b.txt", kArticleB);
  std::string missing = dir.Path("missing.txt");
  std::string out = dir.Path("out.graphml");
  RunResult r = RunNewsgraph({"build", dir.Path("in"), missing, "-o", out});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(Lines(r.err)[0],
            "newsgraph: error: " + missing + ": No such file or directory");
  EXPECT_TRUE(HasSummary(r.err, "2 documents", "0 warnings", "1 failed input"));
  EXPECT_TRUE(LooksLikeGraphml(ReadFile(out)));
  EXPECT_EQ(dir.List(), (std::vector<std::string>{"in", "out.graphml"}));
}

TEST(Cli, EmptyDirectoryWritesAnEmptyGraph) {
  TempDir dir;
  dir.Write("empty/.keep", "");
  dir.Write("empty/README.md", "not an article");
  std::string out = dir.Path("out.graphml");
  RunResult r = RunNewsgraph({"build", dir.Path("empty"), "-o", out});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(Lines(r.err)[0],
            "newsgraph: warning: " + dir.Path("empty") +
                ": no article files in this directory (.txt .text .html .htm "
                ".jsonl .ndjson, or .gz of these)");
  EXPECT_EQ(SummaryLine(r.err),
            "newsgraph: 0 documents, 0 nodes, 0 edges, 1 warning, 0 failed "
            "inputs (T s)");
  EXPECT_TRUE(LooksLikeGraphml(ReadFile(out)));
}

TEST(Cli, BinaryFileIsRefused) {
  TempDir dir;
  dir.Write("in/a.txt", kArticleA);
  std::string png =
      dir.Write("in/picture.txt",
                std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20));
  RunResult r =
      RunNewsgraph({"build", dir.Path("in"), "-o", dir.Path("out.jsonld")});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(Lines(r.err)[0],
            "newsgraph: error: " + png + ": binary file, not text; skipped");
  EXPECT_TRUE(HasSummary(r.err, "1 document", "0 warnings", "1 failed input"));
  EXPECT_TRUE(StartsWith(ReadFile(dir.Path("out.jsonld")), "{"));
}

TEST(Cli, MalformedJsonLineIsReportedWithItsNumber) {
  TempDir dir;
  std::string path = dir.Write(
      "news.jsonl", JsonLine("n1", "France criticized Russia on Monday.") +
                        "{\"id\": \"n2\", \"text\": \"unterminated\n" +
                        JsonLine("n3", "Germany supported Ukraine."));
  RunResult r = RunNewsgraph({"build", path, "-o", dir.Path("out.graphml")});
  EXPECT_EQ(r.status, 1);
  std::vector<std::string> lines = Lines(r.err);
  // The error, the reasons for skipping, the kinds, the summary.
  ASSERT_EQ(lines.size(), 4u) << r.err;
  EXPECT_EQ(lines[1], "newsgraph: skipped: 1 invalid JSON");
  EXPECT_TRUE(StartsWith(lines[0], "newsgraph: error: " + path + ":2: "))
      << lines[0];
  EXPECT_TRUE(HasSummary(r.err, "2 documents", "0 warnings", "1 failed input"));
}

TEST(Cli, StandardInput) {
  TempDir dir;
  RunOptions options;
  options.stdin_data = kArticleB;
  RunResult r =
      RunNewsgraph({"build", "-", "-o", dir.Path("out.graphml")}, options);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(HasSummary(r.err, "1 document", "0 warnings", "0 failed inputs"));
  EXPECT_TRUE(LooksLikeGraphml(ReadFile(dir.Path("out.graphml"))));

  // Standard input to standard output.
  RunResult piped =
      RunNewsgraph({"build", "-", "-o", "-", "--format", "graphml"}, options);
  EXPECT_EQ(piped.status, 0) << piped.err;
  EXPECT_EQ(piped.out, ReadFile(dir.Path("out.graphml")));
}

TEST(Cli, OutputIntoAMissingDirectoryFailsBeforeWork) {
  TempDir dir;
  std::string in = dir.Write("a.txt", kArticleA);
  std::string out = dir.Path("nodir/out.graphml");
  RunResult r = RunNewsgraph({"build", in, dir.Path("missing.txt"), "-o", out});
  EXPECT_EQ(r.status, 1);
  // Nothing was read: the output problem is the only message.
  EXPECT_EQ(r.err,
            "newsgraph: error: " + out +
                ": cannot write: No such file or directory (directory '" +
                dir.Path("nodir") + "')\n");
  EXPECT_EQ(dir.List(), std::vector<std::string>{"a.txt"});
}

TEST(Cli, DevFullFailsWithAClearErrorAndNoTemporaryFile) {
  struct stat st;
  if (stat("/dev/full", &st) != 0 || !S_ISCHR(st.st_mode))
    GTEST_SKIP() << "no /dev/full";
  TempDir dir;
  std::string in = dir.Write("a.txt", kArticleA);
  std::vector<std::string> before = TempDir::ListPath("/dev");
  RunResult r =
      RunNewsgraph({"build", in, "-o", "/dev/full", "--format", "graphml"});
  EXPECT_EQ(r.status, 1);
  // After the line of kinds, before the summary.
  std::vector<std::string> lines = Lines(r.err);
  ASSERT_EQ(lines.size(), 3u) << r.err;
  EXPECT_EQ(
      lines[1],
      "newsgraph: error: /dev/full: cannot write: No space left on device");
  EXPECT_TRUE(HasSummary(r.err, "1 document", "0 warnings", "0 failed inputs"));
  EXPECT_EQ(TempDir::ListPath("/dev"), before);
  ASSERT_EQ(stat("/dev/full", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
}

// A corpus with enough documents to spread over threads, and edges whose
// evidence lists are cut (--evidence), where an order dependence would show.
void WriteCorpus(const TempDir& dir) {
  const char* countries[] = {"France",  "Germany", "Japan",  "China",  "Russia",
                             "Ukraine", "Iran",    "Israel", "Brazil", "India"};
  const char* verbs[] = {"criticized", "accused",    "supported", "threatened",
                         "met with",   "sanctioned", "praised",   "condemned"};
  std::string jsonl;
  for (int i = 0; i < 400; ++i) {
    std::string text = std::string(countries[i % 10]) + " " + verbs[i % 8] +
                       " " + countries[(i * 7 + 3) % 10] + " on Monday, " +
                       "officials said. " + countries[(i * 3 + 1) % 10] + " " +
                       verbs[(i / 8) % 8] + " " + countries[(i + 5) % 10] + ".";
    jsonl += JsonLine("doc" + std::to_string(i), text);
    if (i == 200) jsonl += "not json at all\n";
  }
  dir.Write("corpus/news.jsonl", jsonl);
  dir.Write("corpus/a.txt", kArticleA);
  dir.Write("corpus/b/b.txt", kArticleB);
  dir.Write("corpus/b/crlf.txt",
            "France criticized Iran.\r\nGermany agreed.\r\n");
}

TEST(Cli, PreviousOutputSurvivesAFailedWrite) {
  TempDir dir;
  WriteCorpus(dir);
  std::string out = dir.Write("out.graphml", "the previous graph");
  RunOptions options;
  // Files can grow to 2 KiB only: room for the messages (stderr is a file
  // too), not for the graph, whose write fails with EFBIG as on a full disk.
  options.file_size_limit = 2048;
  RunResult r = RunNewsgraph({"build", dir.Path("corpus"), "-o", out}, options);
  EXPECT_EQ(r.status, 1);
  std::vector<std::string> lines = Lines(r.err);
  ASSERT_GE(lines.size(), 2u) << r.err;
  // After the inputs' messages, before the summary.
  EXPECT_EQ(lines[lines.size() - 2],
            "newsgraph: error: " + out + ": cannot write: File too large");
  EXPECT_EQ(ReadFile(out), "the previous graph");
  EXPECT_EQ(dir.List(), (std::vector<std::string>{"corpus", "out.graphml"}));
}

// Waits until the run has created its temporary file.
bool WaitForTemporaryFile(const TempDir& dir) {
  for (int i = 0; i < 1000; ++i) {
    for (const std::string& name : dir.List()) {
      if (name.find(".tmp.") != std::string::npos) return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

TEST(Cli, PreviousOutputSurvivesAKilledRun) {
  TempDir dir;
  std::string out = dir.Write("out.graphml", "the previous graph");
  {
    RunningNewsgraph run({"build", "-", "-o", out});
    run.WriteStdin(kArticleA);
    ASSERT_TRUE(WaitForTemporaryFile(dir));
    EXPECT_EQ(run.Kill(SIGTERM), 128 + SIGTERM);
  }
  EXPECT_EQ(ReadFile(out), "the previous graph");
  // SIGTERM removes the temporary file on the way out.
  EXPECT_EQ(dir.List(), std::vector<std::string>{"out.graphml"});
  {
    RunningNewsgraph run({"build", "-", "-o", out});
    run.WriteStdin(kArticleA);
    ASSERT_TRUE(WaitForTemporaryFile(dir));
    EXPECT_EQ(run.Kill(SIGKILL), 128 + SIGKILL);
  }
  // SIGKILL cannot be caught: a stray temporary file, but the graph intact.
  EXPECT_EQ(ReadFile(out), "the previous graph");
  // And when it completes, the graph is replaced.
  {
    RunningNewsgraph run({"build", "-", "-o", out});
    run.WriteStdin(kArticleA);
    EXPECT_EQ(run.Wait(), 0);
  }
  EXPECT_TRUE(LooksLikeGraphml(ReadFile(out)));
}

TEST(Cli, SameBytesForAnyThreadCount) {
  TempDir dir;
  WriteCorpus(dir);
  for (const char* format : {"graphml", "jsonld"}) {
    std::string first_out, first_err;
    for (const char* threads : {"1", "2", "3", "1"}) {
      std::string out = dir.Path(std::string("out-") + threads + "." + format);
      RunResult r = RunNewsgraph({"build", dir.Path("corpus"), "-o", out,
                                  "--threads", threads, "--evidence", "2"});
      EXPECT_EQ(r.status, 1) << r.err;  // the one line that is not JSON
      std::string content = ReadFile(out);
      std::string err = r.err.substr(0, r.err.rfind('('));
      if (first_out.empty()) {
        first_out = content;
        first_err = err;
        EXPECT_GT(content.size(), 1000u);
      } else {
        EXPECT_TRUE(content == first_out)
            << format << " differs with --threads " << threads;
        EXPECT_EQ(err, first_err)
            << "messages differ with --threads " << threads;
      }
    }
  }
}

TEST(Cli, QuietPrintsOnlyErrors) {
  TempDir dir;
  dir.Write("in/a.txt", std::string(kArticleA) + "Bad bytes: \xff\xfe here.\n");
  dir.Write("in/b.txt", kArticleB);
  RunResult loud =
      RunNewsgraph({"build", dir.Path("in"), "-o", dir.Path("o.graphml")});
  EXPECT_EQ(loud.status, 0);
  EXPECT_TRUE(
      StartsWith(loud.err, "newsgraph: warning: " + dir.Path("in/a.txt")))
      << loud.err;
  EXPECT_TRUE(
      HasSummary(loud.err, "2 documents", "1 warning", "0 failed inputs"));

  RunResult quiet = RunNewsgraph(
      {"build", dir.Path("in"), "-o", dir.Path("o.graphml"), "--quiet"});
  EXPECT_EQ(quiet.status, 0);
  EXPECT_EQ(quiet.err, "");

  RunResult quiet_error =
      RunNewsgraph({"build", dir.Path("in"), dir.Path("none.txt"), "-o",
                    dir.Path("o.graphml"), "-q"});
  EXPECT_EQ(quiet_error.status, 1);
  EXPECT_EQ(quiet_error.err, "newsgraph: error: " + dir.Path("none.txt") +
                                 ": No such file or directory\n");
}

TEST(Cli, InputsAboveTheSizeLimitAreSkipped) {
  TempDir dir;
  std::string big =
      dir.Write("in/big.txt", std::string(kArticleA) + std::string(2000, ' '));
  dir.Write("in/small.txt", kArticleB);
  std::string jsonl = dir.Write(
      "in/news.jsonl", JsonLine("n1", "France criticized Russia.") +
                           JsonLine("n2", "Germany " + std::string(1500, 'x')) +
                           JsonLine("n3", "Japan supported India."));
  RunResult r = RunNewsgraph({"build", dir.Path("in"), "-o",
                              dir.Path("o.graphml"), "--max-bytes", "1K"});
  EXPECT_EQ(r.status, 1);
  std::vector<std::string> lines = Lines(r.err);
  // Two errors, the reasons for skipping, the kinds, the summary.
  ASSERT_EQ(lines.size(), 5u) << r.err;
  EXPECT_EQ(lines[2], "newsgraph: skipped: 2 over --max-bytes");
  EXPECT_EQ(lines[0],
            "newsgraph: error: " + big +
                ": larger than the 1 KiB limit (--max-bytes); skipped");
  EXPECT_EQ(lines[1],
            "newsgraph: error: " + jsonl +
                ":2: line longer than the 1 KiB limit (--max-bytes); skipped");
  EXPECT_TRUE(
      HasSummary(r.err, "3 documents", "0 warnings", "2 failed inputs"));
}

TEST(Cli, BadLexiconIsRefusedBeforeWork) {
  TempDir dir;
  std::string in = dir.Write("a.txt", kArticleA);
  std::string out = dir.Write("out.graphml", "the previous graph");
  std::string bad =
      dir.Write("bad.tsv", "a bad header\tthat names no lexicon\nx\ty\n");
  RunResult r = RunNewsgraph({"build", in, "-o", out, "--lexicon", bad});
  EXPECT_EQ(r.status, 2);
  std::vector<std::string> lines = Lines(r.err);
  ASSERT_EQ(lines.size(), 1u) << r.err;
  EXPECT_TRUE(Matches(lines[0], "newsgraph: error: " + bad + ":#: *"))
      << lines[0];
  EXPECT_EQ(ReadFile(out), "the previous graph");

  std::string missing = dir.Path("none.tsv");
  RunResult m = RunNewsgraph({"build", in, "-o", out, "--lexicon", missing});
  EXPECT_EQ(m.status, 2);
  EXPECT_EQ(m.err,
            "newsgraph: error: " + missing + ": No such file or directory\n");
  EXPECT_EQ(dir.List(),
            (std::vector<std::string>{"a.txt", "bad.tsv", "out.graphml"}));
}

TEST(Cli, MergeRefusesAPartItCannotReadAndWritesNothing) {
  TempDir dir;
  std::string in = dir.Write("a.txt", kArticleA);
  std::string part = dir.Path("a.graphml");
  ASSERT_EQ(RunNewsgraph({"build", in, "-o", part, "-q"}).status, 0);
  std::string bad = dir.Write("b.graphml", "<graphml>\n<graph>\n</graphml>\n");
  std::string out = dir.Path("all.graphml");
  RunResult r = RunNewsgraph({"merge", part, bad, "-o", out});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err, "newsgraph: error: " + bad +
                       ":3: not well-formed XML: Start-end tags mismatch\n");
  EXPECT_EQ(dir.List(),
            (std::vector<std::string>{"a.graphml", "a.txt", "b.graphml"}));

  RunResult ok = RunNewsgraph({"merge", part, "-o", out});
  EXPECT_EQ(ok.status, 0) << ok.err;
  EXPECT_EQ(ReadFile(out), ReadFile(part));
  EXPECT_TRUE(Matches(SummaryLine(ok.err),
                      "newsgraph: merged 1 part: 1 document, # nodes, # edges"
                      " (T s)"))
      << ok.err;
}

TEST(Cli, GzipInputGivesTheSameGraph) {
  TempDir dir;
  std::string content = JsonLine("n1", "France criticized Russia on Monday.") +
                        JsonLine("n2", "Japan supported India.");
  std::string plain = dir.Write("plain/news.jsonl", content);
  mkdir(dir.Path("gz").c_str(), 0755);
  gzFile gz = gzopen(dir.Path("gz/news.jsonl.gz").c_str(), "wb");
  ASSERT_NE(gz, nullptr);
  gzwrite(gz, content.data(), static_cast<unsigned>(content.size()));
  gzclose(gz);
  RunResult a =
      RunNewsgraph({"build", dir.Path("plain"), "-o", dir.Path("a.graphml")});
  RunResult b =
      RunNewsgraph({"build", dir.Path("gz"), "-o", dir.Path("b.graphml")});
  EXPECT_EQ(a.status, 0) << a.err;
  EXPECT_EQ(b.status, 0) << b.err;
  EXPECT_EQ(ReadFile(dir.Path("a.graphml")), ReadFile(dir.Path("b.graphml")));
}

TEST(Cli, UnreadableFileIsNamed) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads everything";
  TempDir dir;
  dir.Write("in/a.txt", kArticleA);
  std::string locked = dir.Write("in/locked.txt", kArticleB);
  chmod(locked.c_str(), 0);
  RunResult r =
      RunNewsgraph({"build", dir.Path("in"), "-o", dir.Path("o.graphml")});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(Lines(r.err)[0],
            "newsgraph: error: " + locked + ": Permission denied");
  EXPECT_TRUE(HasSummary(r.err, "1 document", "0 warnings", "1 failed input"));
}

}  // namespace
}  // namespace testing
}  // namespace newsgraph
