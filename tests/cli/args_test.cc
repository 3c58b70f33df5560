// Unit tests of the command-line parser: every usage error is found from
// the arguments alone, before any file is touched.
#include "cli/args.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsgraph {
namespace cli {
namespace {

using Command = CommandLine::Command;

StatusOr<CommandLine> Parse(std::vector<std::string> args) {
  return ParseCommandLine(args);
}

std::string Error(std::vector<std::string> args) {
  StatusOr<CommandLine> line = Parse(std::move(args));
  EXPECT_FALSE(line.ok());
  return line.ok() ? "(parsed)" : line.status().message();
}

TEST(ParseCommandLine, HelpAndVersion) {
  for (const char* flag : {"--help", "-h", "help"}) {
    StatusOr<CommandLine> line = Parse({flag});
    ASSERT_TRUE(line.ok()) << flag;
    EXPECT_EQ(line->command, Command::kHelp);
    EXPECT_EQ(line->help_topic, "");
  }
  StatusOr<CommandLine> help_build = Parse({"help", "build"});
  ASSERT_TRUE(help_build.ok());
  EXPECT_EQ(help_build->command, Command::kHelp);
  EXPECT_EQ(help_build->help_topic, "build");

  StatusOr<CommandLine> build_help = Parse({"build", "a.txt", "--help"});
  ASSERT_TRUE(build_help.ok());
  EXPECT_EQ(build_help->command, Command::kHelp);
  EXPECT_EQ(build_help->help_topic, "build");

  StatusOr<CommandLine> version = Parse({"--version"});
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(version->command, Command::kVersion);
}

TEST(ParseCommandLine, BuildDefaults) {
  StatusOr<CommandLine> line =
      Parse({"build", "samples/", "-o", "out.graphml"});
  ASSERT_TRUE(line.ok()) << line.status().message();
  EXPECT_EQ(line->command, Command::kBuild);
  const BuildOptions& b = line->build;
  EXPECT_EQ(b.inputs, std::vector<std::string>{"samples/"});
  EXPECT_EQ(b.output, "out.graphml");
  EXPECT_EQ(b.format, Format::kGraphml);
  EXPECT_TRUE(b.lexicons.empty());
  EXPECT_EQ(b.threads, 0u);
  EXPECT_EQ(b.evidence, 5u);
  EXPECT_EQ(b.max_bytes, uint64_t{64} << 20);
  EXPECT_FALSE(b.quiet);
  EXPECT_FALSE(b.verbose);
}

TEST(ParseCommandLine, BuildEveryOption) {
  StatusOr<CommandLine> line =
      Parse({"build", "a.txt", "--output=g.out", "b/", "--format",
             "graphml-gephi", "--lexicon", "x.tsv", "--lexicon=y.tsv",
             "--threads", "3", "--evidence=0", "--max-bytes", "2M", "--quiet",
             "-v", "-", "--", "--odd-name.txt"});
  ASSERT_TRUE(line.ok()) << line.status().message();
  const BuildOptions& b = line->build;
  EXPECT_EQ(b.inputs,
            (std::vector<std::string>{"a.txt", "b/", "-", "--odd-name.txt"}));
  EXPECT_EQ(b.output, "g.out");
  EXPECT_EQ(b.format, Format::kGraphmlGephi);
  EXPECT_EQ(b.lexicons, (std::vector<std::string>{"x.tsv", "y.tsv"}));
  EXPECT_EQ(b.threads, 3u);
  EXPECT_EQ(b.evidence, 0u);
  EXPECT_EQ(b.max_bytes, uint64_t{2} << 20);
  EXPECT_TRUE(b.quiet);
  EXPECT_TRUE(b.verbose);
}

TEST(ParseCommandLine, ShortOptionsTakeAttachedValues) {
  StatusOr<CommandLine> line =
      Parse({"build", "a.txt", "-oout.jsonld", "-j2", "-q"});
  ASSERT_TRUE(line.ok()) << line.status().message();
  EXPECT_EQ(line->build.output, "out.jsonld");
  EXPECT_EQ(line->build.format, Format::kJsonld);
  EXPECT_EQ(line->build.threads, 2u);
  EXPECT_TRUE(line->build.quiet);
}

TEST(ParseCommandLine, FormatFromTheOutputName) {
  EXPECT_EQ(Parse({"build", "a", "-o", "x.GraphML"})->build.format,
            Format::kGraphml);
  EXPECT_EQ(Parse({"build", "a", "-o", "x.jsonld"})->build.format,
            Format::kJsonld);
  // --format wins over the name.
  EXPECT_EQ(Parse({"build", "a", "-o", "x.graphml", "--format", "jsonld"})
                ->build.format,
            Format::kJsonld);
  EXPECT_EQ(
      Parse({"build", "a", "-o", "-", "--format", "graphml"})->build.output,
      "-");
}

TEST(ParseCommandLine, UsageErrorsVerbatim) {
  EXPECT_EQ(Error({}), "no command given");
  EXPECT_EQ(Error({"frobnicate"}), "unknown command 'frobnicate'");
  EXPECT_EQ(Error({"--frobnicate"}), "unknown option '--frobnicate'");
  EXPECT_EQ(Error({"help", "frobnicate"}), "unknown command 'frobnicate'");
  EXPECT_EQ(Error({"--version", "x"}), "--version takes no arguments");
  EXPECT_EQ(Error({"build"}), "build: no input given");
  EXPECT_EQ(Error({"build", "a.txt"}), "build: no output given (-o FILE)");
  EXPECT_EQ(Error({"build", "a.txt", "-o"}), "option '-o' needs a value");
  EXPECT_EQ(Error({"build", "a.txt", "-o", ""}),
            "option '-o': empty file name");
  EXPECT_EQ(Error({"build", "a.txt", "-o", "x.graphml", "-o", "y.graphml"}),
            "option '-o' given twice");
  EXPECT_EQ(Error({"build", "a.txt", "--bogus", "-o", "x.graphml"}),
            "unknown option '--bogus'");
  EXPECT_EQ(Error({"build", "a.txt", "-x"}), "unknown option '-x'");
  EXPECT_EQ(Error({"build", "a.txt", "-o", "x.graphml", "--quiet=yes"}),
            "option '--quiet' takes no value");
  EXPECT_EQ(Error({"build", "a.txt", "-o", "x.dot"}),
            "cannot tell the format of 'x.dot' from its name; use --format "
            "(graphml, graphml-gephi, jsonld, gexf or csv)");
  EXPECT_EQ(Error({"build", "a.txt", "-o", "x.graphml", "--format", "dot"}),
            "unknown format 'dot' (expected graphml, graphml-gephi, jsonld, "
            "gexf or csv)");
  EXPECT_EQ(
      Error({"build", "a.txt", "-o", "-"}),
      "writing to standard output needs --format (graphml, graphml-gephi, "
      "jsonld, gexf or csv)");
  EXPECT_EQ(Error({"build", "a.txt", "-o", "x.graphml", "--threads", "two"}),
            "--threads: 'two' is not a whole number from 0 to 1024");
  EXPECT_EQ(Error({"build", "a.txt", "-o", "x.graphml", "-j", "5000"}),
            "-j: '5000' is not a whole number from 0 to 1024");
  EXPECT_EQ(Error({"build", "a.txt", "-o", "x.graphml", "--evidence", "-1"}),
            "--evidence: '-1' is not a whole number from 0 to 1073741824");
  EXPECT_EQ(Error({"build", "a.txt", "-o", "x.graphml", "--max-bytes", "1Q"}),
            "--max-bytes: '1Q' is not a size (e.g. 65536, 64K, 64M, 1G)");
  EXPECT_EQ(Error({"build", "", "-o", "x.graphml"}), "empty input path");
}

TEST(ParseCommandLine, Merge) {
  StatusOr<CommandLine> line =
      Parse({"merge", "a.graphml", "b.jsonld.gz", "-", "-o", "all.jsonld"});
  ASSERT_TRUE(line.ok()) << line.status().message();
  EXPECT_EQ(line->command, Command::kMerge);
  EXPECT_EQ(line->merge.inputs,
            (std::vector<std::string>{"a.graphml", "b.jsonld.gz", "-"}));
  EXPECT_EQ(line->merge.output, "all.jsonld");
  EXPECT_EQ(line->merge.format, Format::kJsonld);
  EXPECT_EQ(line->merge.evidence, kDefaultEvidence);
  EXPECT_FALSE(line->merge.quiet);

  line = Parse({"merge", "a", "--output=-", "--format", "graphml",
                "--evidence", "0", "-q"});
  ASSERT_TRUE(line.ok()) << line.status().message();
  EXPECT_EQ(line->merge.output, "-");
  EXPECT_EQ(line->merge.format, Format::kGraphml);
  EXPECT_EQ(line->merge.evidence, 0u);
  EXPECT_TRUE(line->merge.quiet);

  line = Parse({"help", "merge"});
  ASSERT_TRUE(line.ok());
  EXPECT_EQ(line->help_topic, "merge");

  EXPECT_EQ(Error({"merge", "-o", "x.graphml"}), "merge: no input given");
  EXPECT_EQ(Error({"merge", "a"}), "merge: no output given (-o FILE)");
  EXPECT_EQ(Error({"merge", "a", "-o", "x.graphml", "--threads", "2"}),
            "unknown option '--threads'");
  EXPECT_EQ(Error({"merge", "a", "-o", "x.txt"}),
            "cannot tell the format of 'x.txt' from its name; use --format "
            "(" + [] {
              std::string list;
              std::vector<std::string_view> names = FormatNames();
              for (size_t i = 0; i < names.size(); ++i) {
                if (i > 0) list += i + 1 == names.size() ? " or " : ", ";
                list += names[i];
              }
              return list;
            }() + ")");
}

TEST(ParseCommandLine, EveryCommandSpellsOptionErrorsAlike) {
  for (const char* command : {"build", "merge", "stats"}) {
    SCOPED_TRACE(command);
    EXPECT_EQ(Error({command, "a", "--frobnicate"}), "unknown option '--frobnicate'");
    EXPECT_EQ(Error({command, "a", "-x5"}), "unknown option '-x'");
    EXPECT_EQ(Error({command, "a", "--help=yes"}), "option '--help' takes no value");
  }
  EXPECT_EQ(Error({"merge", "a", "-o", "x.graphml", "--evidence"}),
            "option '--evidence' needs a value");
  EXPECT_EQ(Error({"stats", "a", "--top", "1", "--top=2"}), "option '--top' given twice");
  EXPECT_EQ(Error({"merge", "a", "-o", "x.graphml", "-q", "--quiet"}),
            "option '--quiet' given twice");
  EXPECT_EQ(Error({"build", "a", "-o", "x.graphml", "--lexicon="}),
            "option '--lexicon': empty file name");
}

TEST(ParseCount, AcceptsDigitsWithinRange) {
  EXPECT_EQ(*ParseCount("--n", "0", 10), 0u);
  EXPECT_EQ(*ParseCount("--n", "10", 10), 10u);
  EXPECT_EQ(*ParseCount("--n", "007", 10), 7u);
  for (const char* bad : {"", "11", "+1", "-1", "1.5", "1e3", " 1", "1 ",
                          "99999999999999999999999"}) {
    EXPECT_FALSE(ParseCount("--n", bad, 10).ok()) << bad;
  }
}

TEST(ParseByteSize, UnitsAreBinary) {
  EXPECT_EQ(*ParseByteSize("--m", "0"), 0u);
  EXPECT_EQ(*ParseByteSize("--m", "65536"), 65536u);
  EXPECT_EQ(*ParseByteSize("--m", "100B"), 100u);
  EXPECT_EQ(*ParseByteSize("--m", "64k"), 64u << 10);
  EXPECT_EQ(*ParseByteSize("--m", "64KiB"), 64u << 10);
  EXPECT_EQ(*ParseByteSize("--m", "64M"), 64u << 20);
  EXPECT_EQ(*ParseByteSize("--m", "3g"), uint64_t{3} << 30);
  EXPECT_EQ(*ParseByteSize("--m", "2TB"), uint64_t{2} << 40);
  for (const char* bad :
       {"", "M", "1.5M", "-1", "1 M", "1MM", "1P", "17179869184G"}) {
    EXPECT_FALSE(ParseByteSize("--m", bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace cli
}  // namespace newsgraph
