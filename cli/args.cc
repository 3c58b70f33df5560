#include "cli/args.h"

#include <functional>
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

// One option a command accepts, in its long and (maybe) short spelling.
struct OptionSpec {
  int id;
  std::string_view long_name;  // "--output"
  char short_name;             // 'o', or 0 for none
  bool takes_value;
  bool repeatable;  // "--lexicon A --lexicon B"; others may be given once
};

// The arguments of one command, read in order: positional arguments and
// options with their values ("--format=jsonld", "--format jsonld", "-oFILE",
// "-o FILE"). Every usage error of an option's spelling is found here, with
// the same words for every command.
class ArgScanner {
 public:
  struct Item {
    const OptionSpec* option = nullptr;  // nullptr: a positional argument
    std::string name;                    // the option as written, "-o"
    std::string value;                   // its value, or the argument
  };

  ArgScanner(const std::vector<std::string>& args,
             std::vector<OptionSpec> specs)
      : args_(args), specs_(std::move(specs)), seen_(specs_.size(), false) {}

  // The next item, nullopt after the last, or a usage error.
  StatusOr<std::optional<Item>> Next() {
    if (next_ >= args_.size()) return std::optional<Item>();
    const std::string& arg = args_[next_++];
    if (options_ended_ || arg == "-" || !StartsWith(arg, "-")) {
      if (arg.empty()) return Status::Error("empty input path");
      return std::optional<Item>(Item{nullptr, "", arg});
    }
    if (arg == "--") {
      options_ended_ = true;
      return Next();
    }
    Item item;
    std::optional<std::string> value;
    if (StartsWith(arg, "--")) {
      size_t eq = arg.find('=');
      item.name = arg.substr(0, eq);
      if (eq != std::string::npos) value = arg.substr(eq + 1);
    } else {
      item.name = arg.substr(0, 2);
      if (arg.size() > 2) value = arg.substr(2);
    }
    size_t index = 0;
    while (index < specs_.size() && !Spells(specs_[index], item.name)) ++index;
    if (index == specs_.size())
      return Status::Error("unknown option " + Quote(item.name));
    item.option = &specs_[index];
    if (!item.option->takes_value) {
      if (value)
        return Status::Error("option " + Quote(item.name) + " takes no value");
    } else if (!value) {
      if (next_ >= args_.size()) {
        return Status::Error("option " + Quote(item.name) + " needs a value");
      }
      value = args_[next_++];
    }
    if (seen_[index] && !item.option->repeatable) {
      return Status::Error("option " + Quote(item.name) + " given twice");
    }
    seen_[index] = true;
    item.value = value.value_or("");
    return std::optional<Item>(std::move(item));
  }

 private:
  static bool Spells(const OptionSpec& spec, std::string_view name) {
    return name == spec.long_name ||
           (spec.short_name != 0 && name.size() == 2 && name[0] == '-' &&
            name[1] == spec.short_name);
  }

  const std::vector<std::string>& args_;
  std::vector<OptionSpec> specs_;
  std::vector<bool> seen_;
  size_t next_ = 1;  // args_[0] is the command
  bool options_ended_ = false;
};

// Every option of every command.
enum OptionId {
  kHelp,
  kOutput,
  kFormat,
  kLexicon,
  kThreads,
  kEvidence,
  kMaxBytes,
  kQuiet,
  kVerbose,
  kJson,
  kTop
};

CommandLine Help(const std::string& topic) {
  CommandLine help;
  help.command = CommandLine::Command::kHelp;
  help.help_topic = topic;
  return help;
}

// Reads every argument of a command, handing each positional argument and
// option to `take`. Returns true when --help was asked for, or the first
// usage error.
StatusOr<bool> Scan(
    const std::vector<std::string>& args, std::vector<OptionSpec> specs,
    const std::function<Status(const ArgScanner::Item&)>& take) {
  ArgScanner scanner(args, std::move(specs));
  for (;;) {
    StatusOr<std::optional<ArgScanner::Item>> next = scanner.Next();
    if (!next.ok()) return next.status();
    if (!*next) return false;
    if ((*next)->option && (*next)->option->id == kHelp) return true;
    Status status = take(**next);
    if (!status.ok()) return status;
  }
}

Status NonEmptyFileName(const ArgScanner::Item& item) {
  if (item.value.empty()) {
    return Status::Error("option " + Quote(item.name) + ": empty file name");
  }
  return Status::Ok();
}

// What build and merge both take: where to write the graph, as what, with
// how much evidence, and how much to say.
struct WriteChoices {
  std::optional<std::string> output;
  std::optional<std::string> format_name;
  size_t evidence = kDefaultEvidence;
  bool quiet = false;
};

const std::vector<OptionSpec>& WriteOptionSpecs() {
  static const std::vector<OptionSpec> specs = {
      {kHelp, "--help", 'h', false, false},
      {kOutput, "--output", 'o', true, false},
      {kFormat, "--format", 0, true, false},
      {kEvidence, "--evidence", 0, true, false},
      {kQuiet, "--quiet", 'q', false, false}};
  return specs;
}

// Takes one of WriteOptionSpecs() into `choices`.
Status TakeWriteOption(const ArgScanner::Item& item, WriteChoices* choices) {
  switch (item.option->id) {
    case kOutput: {
      Status s = NonEmptyFileName(item);
      if (!s.ok()) return s;
      choices->output = item.value;
      return Status::Ok();
    }
    case kFormat:
      choices->format_name = item.value;
      return Status::Ok();
    case kEvidence: {
      StatusOr<uint64_t> n =
          ParseCount(item.name, item.value, uint32_t{1} << 30);
      if (!n.ok()) return n.status();
      choices->evidence = static_cast<size_t>(*n);
      return Status::Ok();
    }
    case kQuiet:
      choices->quiet = true;
      return Status::Ok();
  }
  return Status::Error("unknown option " + Quote(item.name));
}

// The output file and its format (--format's, else the file's extension)
// of `command`, which needs some input. CSV is two files: never "-".
Status FinishWriteChoices(const std::string& command, bool have_inputs,
                          const WriteChoices& choices, std::string* output,
                          Format* format) {
  if (!have_inputs) return Status::Error(command + ": no input given");
  if (!choices.output)
    return Status::Error(command + ": no output given (-o FILE)");
  *output = *choices.output;
  if (choices.format_name) {
    std::optional<Format> named = ParseFormat(*choices.format_name);
    if (!named) {
      return Status::Error("unknown format " + Quote(*choices.format_name) +
                           " (expected " + FormatList() + ")");
    }
    *format = *named;
    if (*format == Format::kCsv && *output == "-") {
      return Status::Error(
          "csv writes two files (NAME.nodes.csv and NAME.relationships.csv): "
          "give -o NAME.csv, not standard output");
    }
    return Status::Ok();
  }
  if (*output == "-") {
    return Status::Error("writing to standard output needs --format (" +
                         FormatList() + ")");
  }
  std::optional<Format> from_name = FormatFromPath(*output);
  if (!from_name) {
    return Status::Error("cannot tell the format of " + Quote(*output) +
                         " from its name; use --format (" + FormatList() + ")");
  }
  *format = *from_name;
  return Status::Ok();
}

// `build INPUT... -o FILE [--format F] [--lexicon FILE]... [-j N]
// [--evidence K] [--max-bytes SIZE] [-q] [-v]`.
StatusOr<CommandLine> ParseBuild(const std::vector<std::string>& args) {
  CommandLine line;
  line.command = CommandLine::Command::kBuild;
  BuildOptions& build = line.build;
  WriteChoices choices;
  std::vector<OptionSpec> specs = WriteOptionSpecs();
  specs.insert(specs.end(), {{kLexicon, "--lexicon", 0, true, true},
                             {kThreads, "--threads", 'j', true, false},
                             {kMaxBytes, "--max-bytes", 0, true, false},
                             {kVerbose, "--verbose", 'v', false, false}});
  StatusOr<bool> help =
      Scan(args, specs, [&](const ArgScanner::Item& item) -> Status {
        if (!item.option) {
          build.inputs.push_back(item.value);
          return Status::Ok();
        }
        switch (item.option->id) {
          case kLexicon: {
            Status s = NonEmptyFileName(item);
            if (s.ok()) build.lexicons.push_back(item.value);
            return s;
          }
          case kThreads: {
            StatusOr<uint64_t> n =
                ParseCount(item.name, item.value, kMaxThreads);
            if (!n.ok()) return n.status();
            build.threads = static_cast<unsigned>(*n);
            return Status::Ok();
          }
          case kMaxBytes: {
            StatusOr<uint64_t> n = ParseByteSize(item.name, item.value);
            if (!n.ok()) return n.status();
            build.max_bytes = *n;
            return Status::Ok();
          }
          case kVerbose:
            build.verbose = true;
            return Status::Ok();
          default:
            return TakeWriteOption(item, &choices);
        }
      });
  if (!help.ok()) return help.status();
  if (*help) return Help("build");
  Status status = FinishWriteChoices("build", !build.inputs.empty(), choices,
                                     &build.output, &build.format);
  if (!status.ok()) return status;
  build.evidence = choices.evidence;
  build.quiet = choices.quiet;
  return line;
}

// `merge PART... -o FILE [--format F] [--evidence K] [-q]`.
StatusOr<CommandLine> ParseMerge(const std::vector<std::string>& args) {
  CommandLine line;
  line.command = CommandLine::Command::kMerge;
  MergeOptions& merge = line.merge;
  WriteChoices choices;
  StatusOr<bool> help =
      Scan(args, WriteOptionSpecs(), [&](const ArgScanner::Item& item) {
        if (item.option) return TakeWriteOption(item, &choices);
        merge.inputs.push_back(item.value);
        return Status::Ok();
      });
  if (!help.ok()) return help.status();
  if (*help) return Help("merge");
  Status status = FinishWriteChoices("merge", !merge.inputs.empty(), choices,
                                     &merge.output, &merge.format);
  if (!status.ok()) return status;
  merge.evidence = choices.evidence;
  merge.quiet = choices.quiet;
  return line;
}

// `stats FILE [--json] [--top N]`.
StatusOr<CommandLine> ParseStats(const std::vector<std::string>& args) {
  CommandLine line;
  line.command = CommandLine::Command::kStats;
  StatsOptions& stats = line.stats;
  bool have_input = false;
  std::vector<OptionSpec> specs = {{kHelp, "--help", 'h', false, false},
                                   {kJson, "--json", 0, false, false},
                                   {kTop, "--top", 0, true, false}};
  StatusOr<bool> help =
      Scan(args, specs, [&](const ArgScanner::Item& item) -> Status {
        if (!item.option) {
          if (have_input) {
            return Status::Error("stats: one file at a time (got " +
                                 Quote(stats.input) + " and " +
                                 Quote(item.value) + ")");
          }
          have_input = true;
          stats.input = item.value;
          return Status::Ok();
        }
        if (item.option->id == kJson) {
          stats.json = true;
          return Status::Ok();
        }
        StatusOr<uint64_t> n = ParseCount(item.name, item.value, 1000000);
        if (!n.ok()) return n.status();
        stats.top = static_cast<size_t>(*n);
        return Status::Ok();
      });
  if (!help.ok()) return help.status();
  if (*help) return Help("stats");
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
