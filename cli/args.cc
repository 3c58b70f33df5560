#include "cli/args.h"

#include <limits>
#include <optional>
#include <utility>

namespace newsgraph {
namespace cli {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string Quote(std::string_view s) { return "'" + std::string(s) + "'"; }

// "graphml, graphml-gephi, jsonld, gexf or csv".
std::string FormatList() {
  std::vector<std::string_view> names = FormatNames();
  std::string list;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) list += i + 1 == names.size() ? " or " : ", ";
    list += names[i];
  }
  return list;
}

// Recognizes one option of `build`, in any of its spellings.
enum class BuildOption {
  kOutput,
  kFormat,
  kLexicon,
  kThreads,
  kEvidence,
  kMaxBytes,
  kQuiet,
  kVerbose,
  kHelp,
};

std::optional<BuildOption> LongOption(std::string_view name) {
  if (name == "--output") return BuildOption::kOutput;
  if (name == "--format") return BuildOption::kFormat;
  if (name == "--lexicon") return BuildOption::kLexicon;
  if (name == "--threads") return BuildOption::kThreads;
  if (name == "--evidence") return BuildOption::kEvidence;
  if (name == "--max-bytes") return BuildOption::kMaxBytes;
  if (name == "--quiet") return BuildOption::kQuiet;
  if (name == "--verbose") return BuildOption::kVerbose;
  if (name == "--help") return BuildOption::kHelp;
  return std::nullopt;
}

std::optional<BuildOption> ShortOption(char c) {
  switch (c) {
    case 'o':
      return BuildOption::kOutput;
    case 'j':
      return BuildOption::kThreads;
    case 'q':
      return BuildOption::kQuiet;
    case 'v':
      return BuildOption::kVerbose;
    case 'h':
      return BuildOption::kHelp;
    default:
      return std::nullopt;
  }
}

bool TakesValue(BuildOption option) {
  return option != BuildOption::kQuiet && option != BuildOption::kVerbose &&
         option != BuildOption::kHelp;
}

StatusOr<CommandLine> ParseBuild(const std::vector<std::string>& args) {
  CommandLine line;
  line.command = CommandLine::Command::kBuild;
  BuildOptions& build = line.build;
  bool have_output = false;
  std::optional<std::string> format_name;
  bool have_threads = false, have_evidence = false, have_max_bytes = false;

  bool options_ended = false;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (options_ended || arg == "-" || !StartsWith(arg, "-")) {
      if (arg.empty()) return Status::Error("empty input path");
      build.inputs.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_ended = true;
      continue;
    }

    // Split the argument into the option's name and, when attached, its
    // value: "--format=jsonld", "-oFILE", "-j2".
    std::string name;
    std::optional<std::string> value;
    std::optional<BuildOption> option;
    if (StartsWith(arg, "--")) {
      size_t eq = arg.find('=');
      name = arg.substr(0, eq);
      if (eq != std::string::npos) value = arg.substr(eq + 1);
      option = LongOption(name);
    } else {
      name = arg.substr(0, 2);
      if (arg.size() > 2) value = arg.substr(2);
      option = ShortOption(arg[1]);
    }
    if (!option) return Status::Error("unknown option " + Quote(name));
    if (*option == BuildOption::kHelp) {
      CommandLine help;
      help.command = CommandLine::Command::kHelp;
      help.help_topic = "build";
      return help;
    }
    if (!TakesValue(*option)) {
      if (value)
        return Status::Error("option " + Quote(name) + " takes no value");
      if (*option == BuildOption::kQuiet) build.quiet = true;
      if (*option == BuildOption::kVerbose) build.verbose = true;
      continue;
    }
    if (!value) {
      if (i + 1 >= args.size()) {
        return Status::Error("option " + Quote(name) + " needs a value");
      }
      value = args[++i];
    }

    auto once = [&](bool& seen) -> Status {
      if (seen) return Status::Error("option " + Quote(name) + " given twice");
      seen = true;
      return Status::Ok();
    };
    switch (*option) {
      case BuildOption::kOutput: {
        Status s = once(have_output);
        if (!s.ok()) return s;
        if (value->empty())
          return Status::Error("option " + Quote(name) + ": empty file name");
        build.output = *value;
        break;
      }
      case BuildOption::kFormat: {
        if (format_name)
          return Status::Error("option " + Quote(name) + " given twice");
        format_name = *value;
        break;
      }
      case BuildOption::kLexicon:
        if (value->empty())
          return Status::Error("option " + Quote(name) + ": empty file name");
        build.lexicons.push_back(*value);
        break;
      case BuildOption::kThreads: {
        Status s = once(have_threads);
        if (!s.ok()) return s;
        StatusOr<uint64_t> n = ParseCount(name, *value, kMaxThreads);
        if (!n.ok()) return n.status();
        build.threads = static_cast<unsigned>(*n);
        break;
      }
      case BuildOption::kEvidence: {
        Status s = once(have_evidence);
        if (!s.ok()) return s;
        StatusOr<uint64_t> n = ParseCount(name, *value, uint32_t{1} << 30);
        if (!n.ok()) return n.status();
        build.evidence = static_cast<size_t>(*n);
        break;
      }
      case BuildOption::kMaxBytes: {
        Status s = once(have_max_bytes);
        if (!s.ok()) return s;
        StatusOr<uint64_t> n = ParseByteSize(name, *value);
        if (!n.ok()) return n.status();
        build.max_bytes = *n;
        break;
      }
      case BuildOption::kQuiet:
      case BuildOption::kVerbose:
      case BuildOption::kHelp:
        break;  // handled above
    }
  }

  if (build.inputs.empty()) return Status::Error("build: no input given");
  if (!have_output) return Status::Error("build: no output given (-o FILE)");
  if (format_name) {
    std::optional<Format> format = ParseFormat(*format_name);
    if (!format) {
      return Status::Error("unknown format " + Quote(*format_name) +
                           " (expected " + FormatList() + ")");
    }
    build.format = *format;
  } else if (build.output == "-") {
    return Status::Error("writing to standard output needs --format (" +
                         FormatList() + ")");
  } else {
    std::optional<Format> format = FormatFromPath(build.output);
    if (!format) {
      return Status::Error("cannot tell the format of " + Quote(build.output) +
                           " from its name; use --format (" + FormatList() +
                           ")");
    }
    build.format = *format;
  }
  if (build.format == Format::kCsv && build.output == "-") {
    return Status::Error(
        "csv writes two files (NAME.nodes.csv and NAME.relationships.csv): "
        "give -o NAME.csv, not standard output");
  }
  return line;
}

// `merge PART... -o FILE [--format F] [--evidence K] [-q]`.
StatusOr<CommandLine> ParseMerge(const std::vector<std::string>& args) {
  CommandLine line;
  line.command = CommandLine::Command::kMerge;
  MergeOptions& merge = line.merge;
  bool have_output = false, have_evidence = false;
  std::optional<std::string> format_name;
  bool options_ended = false;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (options_ended || arg == "-" || !StartsWith(arg, "-")) {
      if (arg.empty()) return Status::Error("empty input path");
      merge.inputs.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_ended = true;
      continue;
    }
    std::string name = arg;
    std::optional<std::string> value;
    if (StartsWith(arg, "--")) {
      size_t eq = arg.find('=');
      name = arg.substr(0, eq);
      if (eq != std::string::npos) value = arg.substr(eq + 1);
    } else if (arg.size() > 2) {
      name = arg.substr(0, 2);
      value = arg.substr(2);
    }
    if (name == "--help" || name == "-h") {
      CommandLine help;
      help.command = CommandLine::Command::kHelp;
      help.help_topic = "merge";
      return help;
    }
    if (name == "--quiet" || name == "-q") {
      if (value) return Status::Error("option " + Quote(name) + " takes no value");
      merge.quiet = true;
      continue;
    }
    if (name != "--output" && name != "-o" && name != "--format" &&
        name != "--evidence") {
      return Status::Error("unknown option " + Quote(name));
    }
    if (!value) {
      if (i + 1 >= args.size()) {
        return Status::Error("option " + Quote(name) + " needs a value");
      }
      value = args[++i];
    }
    if (name == "--output" || name == "-o") {
      if (have_output) return Status::Error("option " + Quote(name) + " given twice");
      have_output = true;
      if (value->empty())
        return Status::Error("option " + Quote(name) + ": empty file name");
      merge.output = *value;
    } else if (name == "--format") {
      if (format_name) return Status::Error("option " + Quote(name) + " given twice");
      format_name = *value;
    } else {
      if (have_evidence) return Status::Error("option " + Quote(name) + " given twice");
      have_evidence = true;
      StatusOr<uint64_t> n = ParseCount(name, *value, uint32_t{1} << 30);
      if (!n.ok()) return n.status();
      merge.evidence = static_cast<size_t>(*n);
    }
  }
  if (merge.inputs.empty()) return Status::Error("merge: no input given");
  if (!have_output) return Status::Error("merge: no output given (-o FILE)");
  if (format_name) {
    std::optional<Format> format = ParseFormat(*format_name);
    if (!format) {
      return Status::Error("unknown format " + Quote(*format_name) +
                           " (expected " + FormatList() + ")");
    }
    merge.format = *format;
  } else if (merge.output == "-") {
    return Status::Error("writing to standard output needs --format (" +
                         FormatList() + ")");
  } else {
    std::optional<Format> format = FormatFromPath(merge.output);
    if (!format) {
      return Status::Error("cannot tell the format of " + Quote(merge.output) +
                           " from its name; use --format (" + FormatList() +
                           ")");
    }
    merge.format = *format;
  }
  return line;
}

// `stats FILE [--json] [--top N]`.
StatusOr<CommandLine> ParseStats(const std::vector<std::string>& args) {
  CommandLine line;
  line.command = CommandLine::Command::kStats;
  StatsOptions& stats = line.stats;
  bool have_input = false, have_top = false, options_ended = false;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (options_ended || arg == "-" || !StartsWith(arg, "-")) {
      if (arg.empty()) return Status::Error("empty input path");
      if (have_input) {
        return Status::Error("stats: one file at a time (got " +
                             Quote(stats.input) + " and " + Quote(arg) + ")");
      }
      have_input = true;
      stats.input = arg;
      continue;
    }
    if (arg == "--") {
      options_ended = true;
      continue;
    }
    std::string name = arg;
    std::optional<std::string> value;
    const size_t eq = arg.find('=');
    if (StartsWith(arg, "--") && eq != std::string::npos) {
      name = arg.substr(0, eq);
      value = arg.substr(eq + 1);
    }
    if (name == "--help" || name == "-h") {
      CommandLine help;
      help.command = CommandLine::Command::kHelp;
      help.help_topic = "stats";
      return help;
    }
    if (name == "--json") {
      if (value) {
        return Status::Error("option " + Quote(name) + " takes no value");
      }
      stats.json = true;
      continue;
    }
    if (name != "--top") return Status::Error("unknown option " + Quote(name));
    if (have_top) {
      return Status::Error("option " + Quote(name) + " given twice");
    }
    have_top = true;
    if (!value) {
      if (i + 1 >= args.size()) {
        return Status::Error("option " + Quote(name) + " needs a value");
      }
      value = args[++i];
    }
    StatusOr<uint64_t> n = ParseCount(name, *value, 1000000);
    if (!n.ok()) return n.status();
    stats.top = static_cast<size_t>(*n);
  }
  if (!have_input) return Status::Error("stats: no file given");
  return line;
}

}  // namespace

StatusOr<uint64_t> ParseCount(std::string_view option, std::string_view text,
                              uint64_t max) {
  auto bad = [&] {
    return Status::Error(std::string(option) + ": " + Quote(text) +
                         " is not a whole number from 0 to " +
                         std::to_string(max));
  };
  if (text.empty() || text.size() > 19) return bad();
  uint64_t n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return bad();
    n = n * 10 + static_cast<uint64_t>(c - '0');
  }
  if (n > max) return bad();
  return n;
}

StatusOr<uint64_t> ParseByteSize(std::string_view option,
                                 std::string_view text) {
  auto bad = [&] {
    return Status::Error(std::string(option) + ": " + Quote(text) +
                         " is not a size (e.g. 65536, 64K, 64M, 1G)");
  };
  size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') {
    ++digits;
  }
  if (digits == 0 || digits > 19) return bad();
  uint64_t n = 0;
  for (size_t i = 0; i < digits; ++i) {
    n = n * 10 + static_cast<uint64_t>(text[i] - '0');
  }
  std::string suffix;
  for (char c : text.substr(digits)) {
    suffix += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  int shift = 0;
  if (suffix.empty() || suffix == "B") {
    shift = 0;
  } else if (suffix == "K" || suffix == "KB" || suffix == "KIB") {
    shift = 10;
  } else if (suffix == "M" || suffix == "MB" || suffix == "MIB") {
    shift = 20;
  } else if (suffix == "G" || suffix == "GB" || suffix == "GIB") {
    shift = 30;
  } else if (suffix == "T" || suffix == "TB" || suffix == "TIB") {
    shift = 40;
  } else {
    return bad();
  }
  if (n > (std::numeric_limits<uint64_t>::max() >> shift)) return bad();
  return n << shift;
}

StatusOr<CommandLine> ParseCommandLine(const std::vector<std::string>& args) {
  if (args.empty()) return Status::Error("no command given");
  const std::string& first = args[0];
  if (first == "--help" || first == "-h" || first == "help") {
    CommandLine line;
    line.command = CommandLine::Command::kHelp;
    if (args.size() > 2) {
      return Status::Error(first + ": expected at most one command name");
    }
    if (args.size() == 2) {
      if (args[1] != "build" && args[1] != "merge" && args[1] != "stats" &&
          args[1] != "help") {
        return Status::Error("unknown command " + Quote(args[1]));
      }
      if (args[1] != "help") line.help_topic = args[1];
    }
    return line;
  }
  if (first == "--version") {
    if (args.size() > 1) return Status::Error("--version takes no arguments");
    CommandLine line;
    line.command = CommandLine::Command::kVersion;
    return line;
  }
  if (first == "build") return ParseBuild(args);
  if (first == "merge") return ParseMerge(args);
  if (first == "stats") return ParseStats(args);
  if (StartsWith(first, "-"))
    return Status::Error("unknown option " + Quote(first));
  return Status::Error("unknown command " + Quote(first));
}

}  // namespace cli
}  // namespace newsgraph
