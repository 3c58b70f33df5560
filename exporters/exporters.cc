#include "exporters/exporters.h"

#include <string>
#include <utility>

#include "exporters/csv_writer.h"
#include "exporters/gexf_writer.h"
#include "exporters/graphml_writer.h"
#include "exporters/internal/text.h"
#include "exporters/jsonld_writer.h"

namespace newsgraph {

namespace {

struct FormatSpelling {
  std::string_view name;
  Format format;
};

// Canonical names first, in enum order, then accepted aliases.
constexpr FormatSpelling kFormatNames[] = {
    {"graphml", Format::kGraphml},
    {"graphml-gephi", Format::kGraphmlGephi},
    {"jsonld", Format::kJsonld},
    {"gexf", Format::kGexf},
    {"csv", Format::kCsv},
    {"json-ld", Format::kJsonld},
};
constexpr size_t kCanonicalFormats = 5;

char Lower(char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; }

bool EndsWithIgnoringCase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  s.remove_prefix(s.size() - suffix.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (Lower(s[i]) != suffix[i]) return false;
  }
  return true;
}

// An absolute IRI: scheme ":" and then only characters an IRI may hold
// unescaped (no spaces, controls or <>"{}|\^`).
bool IsAbsoluteIri(std::string_view iri) {
  size_t colon = iri.find(':');
  if (colon == std::string_view::npos || colon == 0 ||
      colon + 1 == iri.size()) {
    return false;
  }
  for (size_t i = 0; i < colon; ++i) {
    const char c = iri[i];
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool digit = c >= '0' && c <= '9';
    if (!alpha && (i == 0 || (!digit && c != '+' && c != '-' && c != '.'))) {
      return false;
    }
  }
  for (char ch : iri) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == 0x7F ||
        std::string_view("<>\"{}|\\^`").find(ch) != std::string_view::npos) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<Format> ParseFormat(std::string_view name) {
  for (const FormatSpelling& spelling : kFormatNames) {
    if (spelling.name == name) return spelling.format;
  }
  return std::nullopt;
}

std::optional<Format> FormatFromPath(std::string_view path) {
  if (EndsWithIgnoringCase(path, ".graphml")) return Format::kGraphml;
  if (EndsWithIgnoringCase(path, ".jsonld")) return Format::kJsonld;
  if (EndsWithIgnoringCase(path, ".json")) return Format::kJsonld;
  if (EndsWithIgnoringCase(path, ".gexf")) return Format::kGexf;
  if (EndsWithIgnoringCase(path, ".csv")) return Format::kCsv;
  return std::nullopt;
}

std::string_view FormatName(Format format) {
  for (size_t i = 0; i < kCanonicalFormats; ++i) {
    if (kFormatNames[i].format == format) return kFormatNames[i].name;
  }
  return "unknown";
}

std::vector<std::string_view> FormatNames() {
  std::vector<std::string_view> names;
  for (size_t i = 0; i < kCanonicalFormats; ++i) {
    names.push_back(kFormatNames[i].name);
  }
  return names;
}

std::string NodeIri(std::string_view node_id, const ExportOptions& options) {
  std::string iri = options.base_iri;
  const size_t base = iri.size();
  iri.resize(base + 3 * node_id.size());
  char* end = exporters_internal::IriPathInto(node_id, iri.data() + base);
  iri.resize(static_cast<size_t>(end - iri.data()));
  return iri;
}

Status Export(const KnowledgeGraph& graph, Format format, std::ostream& out,
              const ExportOptions& options) {
  if (!IsAbsoluteIri(options.base_iri)) {
    return Status::Error("export: base IRI '" + options.base_iri +
                         "' is not absolute");
  }
  switch (format) {
    case Format::kGraphml:
      return WriteGraphml(graph, GraphmlFlavour::kStrict, options, out);
    case Format::kGraphmlGephi:
      return WriteGraphml(graph, GraphmlFlavour::kGephi, options, out);
    case Format::kJsonld:
      return WriteJsonld(graph, options, out);
    case Format::kGexf:
      return WriteGexf(graph, options, out);
    case Format::kCsv:
      return Status::Error(
          "csv: writes two files (nodes and relationships): use "
          "ExportFiles()");
  }
  return Status::Error("export: unknown format");
}

std::vector<std::string> ExportPaths(Format format, std::string_view path) {
  if (format == Format::kCsv) {
    CsvFileNames names = CsvFileNamesFor(path);
    return {std::move(names.nodes), std::move(names.relationships)};
  }
  return {std::string(path)};
}

Status ExportFiles(const KnowledgeGraph& graph, Format format,
                   const std::vector<std::ostream*>& outs,
                   const ExportOptions& options) {
  const size_t files = format == Format::kCsv ? 2 : 1;
  if (outs.size() != files) {
    return Status::Error("export: " + std::string(FormatName(format)) +
                         " writes " + std::to_string(files) +
                         (files == 1 ? " file, got " : " files, got ") +
                         std::to_string(outs.size()) +
                         (outs.size() == 1 ? " stream" : " streams"));
  }
  if (format != Format::kCsv) return Export(graph, format, *outs[0], options);
  return WriteCsv(graph, *outs[0], *outs[1]);  // CSV has no IRIs
}

}  // namespace newsgraph
