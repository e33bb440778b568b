#include "io/bdm_csv.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <limits>
#include <map>
#include <optional>

#include "parley/text.hpp"
#include "io/delimited.hpp"
#include "io/text.hpp"
#include "parley/errors.hpp"

namespace parley::io {
namespace {

// Accepted header names of each column, lower case.
constexpr std::array<std::array<std::string_view, 3>, 4> kColumns{{
    {"actor", "stakeholder", "name"},
    {"capability", "resources", "power"},
    {"position", "position", "position"},
    {"salience", "salience", "salience"},
}};
enum Column : std::size_t { kName, kCapability, kPosition, kSalience };

char delimiter_of(std::string_view text) {
  const std::string_view first = text.substr(0, text.find_first_of("\r\n"));
  if (first.find('\t') != std::string_view::npos) return '\t';
  if (first.find(';') != std::string_view::npos && first.find(',') == std::string_view::npos) return ';';
  return ',';
}

struct Row {
  const Record* record = nullptr;
  std::string name;
  double capability = 0.0;
  double position = 0.0;
  double salience = 0.0;
};

class BdmReader {
 public:
  BdmReader(std::string_view text, std::string file) : file_(std::move(file)) {
    records_ = read_delimited(text, delimiter_of(text), file_);
  }

  std::vector<ImportedScenario> read() {
    std::vector<const Record*> rows;
    for (const auto& record : records_) {
      if (!record.blank()) rows.push_back(&record);
    }
    if (rows.empty()) fail(1, 1, "", "the file is empty; expected a header such as Actor,Capability,Position,Salience");
    read_header(*rows.front());
    std::vector<Row> actors;
    for (std::size_t r = 1; r < rows.size(); ++r) {
      if (auto row = read_row(*rows[r])) actors.push_back(std::move(*row));
    }
    if (actors.empty() && errors_.empty()) fail(rows.front()->line, 1, "", "the table has no actor rows");
    // Salience on 0–100 when any value exceeds 1 (the Masad files).
    const bool percent = std::any_of(actors.begin(), actors.end(), [](const Row& row) { return row.salience > 1.0; });
    for (auto& row : actors) {
      if (percent && row.salience > 100.0) {
        error(*row.record, columns_[kSalience],
              fmt::format("the salience {} is above 100 (saliences are read on 0-100 because some exceed 1)",
                          row.salience));
      }
      if (percent) row.salience /= 100.0;
    }
    if (!errors_.empty()) throw ScenarioError(std::move(errors_));
    return {make_scenario(actors, percent)};
  }

 private:
  [[noreturn]] void fail(int line, int column, std::string path, std::string message) {
    report(line, column, std::move(path), std::move(message));
    throw ScenarioError(std::move(errors_));
  }

  void report(int line, int column, std::string path, std::string message) {
    errors_.push_back(diagnostic_at(file_, line, column, std::move(path), std::move(message)));
  }

  void error(const Record& record, std::size_t column, std::string message) {
    const int at = column < record.cells.size() ? record.cells[column].column : record.end_column;
    report(record.line, at, header_[column], std::move(message));
  }

  void read_header(const Record& record) {
    for (const auto& cell : record.cells) header_.emplace_back(trimmed(cell));
    columns_.fill(std::numeric_limits<std::size_t>::max());
    std::vector<std::string> known;
    known.reserve(std::size(kColumns));
    for (const auto& names : kColumns) known.emplace_back(names[0]);
    for (std::size_t i = 0; i < header_.size(); ++i) {
      const std::string name = lower(header_[i]);
      bool matched = false;
      for (std::size_t c = 0; c < kColumns.size(); ++c) {
        if (std::find(kColumns[c].begin(), kColumns[c].end(), name) == kColumns[c].end()) continue;
        matched = true;
        if (columns_[c] != std::numeric_limits<std::size_t>::max()) {
          report(record.line, record.cells[i].column, header_[i],
                 fmt::format("a second {} column (the first is '{}')", kColumns[c][0], header_[columns_[c]]));
        }
        columns_[c] = i;
      }
      if (!matched) {
        report(record.line, record.cells[i].column, header_[i],
               fmt::format("unknown column '{}'{}; expected Actor (or Stakeholder), Capability (or Resources), "
                           "Position, Salience",
                           header_[i], did_you_mean(name, known)));
      }
    }
    for (std::size_t c = 0; c < kColumns.size(); ++c) {
      if (columns_[c] == std::numeric_limits<std::size_t>::max()) {
        report(record.line, 1, std::string(kColumns[c][0]), fmt::format("the header has no {} column", kColumns[c][0]));
      }
    }
    if (!errors_.empty()) throw ScenarioError(std::move(errors_));
  }

  std::optional<double> number(const Record& record, Column column, std::string_view what, double low) {
    const std::size_t index = columns_[column];
    if (index >= record.cells.size()) {
      error(record, index, fmt::format("the row ends before the {} column", what));
      return std::nullopt;
    }
    const std::string_view cell = trimmed(record.cells[index]);
    if (cell.empty()) {
      error(record, index, fmt::format("the {} is empty", what));
      return std::nullopt;
    }
    const auto value = parse_number(cell);
    if (!value) {
      error(record, index, fmt::format("the {} '{}' is not a number", what, cell));
      return std::nullopt;
    }
    if (*value < low) {
      error(record, index, fmt::format("the {} {} is negative", what, cell));
      return std::nullopt;
    }
    return value;
  }

  std::optional<Row> read_row(const Record& record) {
    std::size_t width = record.cells.size();
    while (width > header_.size() && trimmed(record.cells[width - 1]).empty()) --width;
    if (width > header_.size()) {
      report(record.line, record.cells[header_.size()].column, "",
             fmt::format("the row has {} cells but the header has {} columns", width, header_.size()));
      return std::nullopt;
    }
    Row row;
    row.record = &record;
    const std::size_t name_column = columns_[kName];
    row.name = name_column < record.cells.size() ? std::string(trimmed(record.cells[name_column])) : "";
    if (row.name.empty()) error(record, name_column, "the actor's name is empty");
    const auto capability = number(record, kCapability, "capability", 0.0);
    const auto position = number(record, kPosition, "position", -std::numeric_limits<double>::infinity());
    const auto salience = number(record, kSalience, "salience", 0.0);
    if (row.name.empty() || !capability || !position || !salience) return std::nullopt;
    if (const auto [it, inserted] = names_.emplace(identifier(row.name), record.line); !inserted) {
      error(record, name_column, fmt::format("the actor '{}' appears twice (first on line {})", row.name, it->second));
      return std::nullopt;
    }
    row.capability = *capability;
    row.position = *position;
    row.salience = *salience;
    return row;
  }

  ImportedScenario make_scenario(const std::vector<Row>& rows, bool percent) const {
    const std::string stem = std::filesystem::path(file_).stem().string();
    ImportedScenario imported{identifier(stem), {}};
    Scenario& scenario = imported.scenario;
    scenario.title = fmt::format("{} (BDM actor table)", stem);
    scenario.description = fmt::format(
        "One issue and {} actors, imported by `parley import bdm-csv` from {}{}. The table has no date: as_of is "
        "1970-01-01, not a real date, and the issue's scale is the range of the positions.",
        rows.size(), file_, percent ? " (saliences on 0-100, divided by 100)" : "");
    scenario.sources.push_back(
        {"table", fmt::format("BDM-style actor table {}", file_), "", std::nullopt, "lines cited as l<N>"});
    const auto [low, high] = std::minmax_element(rows.begin(), rows.end(),
                                                 [](const Row& a, const Row& b) { return a.position < b.position; });
    Issue issue;
    issue.id = "issue";
    issue.question = fmt::format("The issue of {}", stem);
    issue.scale = {low->position, high->position, "", ""};
    if (low->position == high->position) issue.scale = {low->position - 1.0, high->position + 1.0, "", ""};
    issue.sources.push_back({"table", ""});
    for (const Row& row : rows) {
      Actor actor;
      actor.id = identifier(row.name);
      actor.name = row.name;
      actor.kind = ActorKind::organisation;
      actor.capability = row.capability;
      const SourceRef source{"table", fmt::format("l{}", row.record->line)};
      actor.sources.push_back(source);
      Stance stance;
      stance.position = row.position;
      stance.salience = row.salience;
      stance.sources.push_back(source);
      stance.rationale = "as in the table";
      actor.stances.push_back({issue.id, std::move(stance)});
      scenario.actors.push_back(std::move(actor));
    }
    scenario.issues.push_back(std::move(issue));
    return imported;
  }

  std::string file_;
  std::vector<Record> records_;
  std::vector<std::string> header_;
  std::array<std::size_t, 4> columns_{};
  std::map<std::string, int> names_;
  std::vector<Diagnostic> errors_;
};

}  // namespace

std::vector<ImportedScenario> read_bdm_csv(std::string_view text, const std::string& file) {
  return BdmReader(text, file).read();
}

ImportFormat bdm_csv_format() {
  return {"bdm-csv", "BDM-style actor table (Actor,Capability,Position,Salience): one scenario, one issue", false,
          read_bdm_csv};
}

}  // namespace parley::io
