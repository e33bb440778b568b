#include "io/deu3.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <optional>

#include "parley/text.hpp"
#include "io/delimited.hpp"
#include "io/text.hpp"
#include "parley/errors.hpp"

namespace parley::io {
namespace {

// Columns that describe the decision, not an actor; every other `p<code>`/`s<code>` pair is an actor.
constexpr std::array<std::string_view, 15> kDecisionColumns{"prnrnmc", "isnrnmc", "prnr",   "prname",  "isnr",
                                                            "type",    "council", "proc",   "counvte", "proccde",
                                                            "issues",  "intro",   "finact", "rp",      "out"};

constexpr std::array<std::pair<std::string_view, std::string_view>, 30> kActorNames{{
    {"com", "European Commission"},
    {"ep", "European Parliament"},
    {"at", "Austria"},
    {"be", "Belgium"},
    {"bu", "Bulgaria"},
    {"cr", "Croatia"},
    {"cy", "Cyprus"},
    {"cz", "Czech Republic"},
    {"dk", "Denmark"},
    {"ee", "Estonia"},
    {"fi", "Finland"},
    {"fr", "France"},
    {"de", "Germany"},
    {"el", "Greece"},
    {"hu", "Hungary"},
    {"ie", "Ireland"},
    {"it", "Italy"},
    {"lv", "Latvia"},
    {"lt", "Lithuania"},
    {"lu", "Luxembourg"},
    {"mt", "Malta"},
    {"nl", "Netherlands"},
    {"pl", "Poland"},
    {"pt", "Portugal"},
    {"ro", "Romania"},
    {"si", "Slovenia"},
    {"sk", "Slovakia"},
    {"es", "Spain"},
    {"se", "Sweden"},
    {"uk", "United Kingdom"},
}};

constexpr double kScaleMax = 100.0;

std::string actor_name(std::string_view code) {
  for (const auto& [known, name] : kActorNames) {
    if (known == code) return std::string(name);
  }
  return std::string(code);
}

bool is_decision_column(std::string_view name) {
  return std::find(kDecisionColumns.begin(), kDecisionColumns.end(), name) != kDecisionColumns.end();
}

std::string full_year(std::string_view two_digits) {
  return fmt::format("{}{}", two_digits[0] >= '5' ? "19" : "20", two_digits);
}

// DEU dates are DD-MM-YY (two-digit years: 50–99 are 19xx, 00–49 are 20xx) or DD-MM-YYYY. Some
// cells went through a spreadsheet that read DD-MM-YY as YY-MM-DD and wrote it back as YYYY-MM-DD
// ("14-07-04", 14 July 2004, became "2014-07-04"); such a cell is read back the same way: the
// year's last two digits are the day and the day is the two-digit year. With this reading no
// proposal of DEU III is introduced after its final act; read literally, dozens would be.
std::optional<Date> parse_deu_date(std::string_view text) {
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    return Date::parse(fmt::format("{}-{}-{}", full_year(text.substr(8, 2)), text.substr(5, 2), text.substr(2, 2)));
  }
  if ((text.size() != 8 && text.size() != 10) || text[2] != '-' || text[5] != '-') return std::nullopt;
  const std::string_view year = text.substr(6);
  const std::string iso_year = year.size() == 2 ? full_year(year) : std::string(year);
  return Date::parse(fmt::format("{}-{}-{}", iso_year, text.substr(3, 2), text.substr(0, 2)));
}

struct ActorColumns {
  std::string code;
  std::size_t position = 0;
  std::size_t salience = 0;
  double capability = 0.0;
};

struct ProposalRows {
  std::string id;
  std::vector<const Record*> rows;
};

class Deu3Reader {
 public:
  Deu3Reader(std::string_view text, std::string file) : file_(std::move(file)) {
    records_ = read_delimited(text, '\t', file_);
  }

  std::vector<ImportedScenario> read() {
    std::vector<const Record*> rows;
    for (const auto& record : records_) {
      if (!record.blank()) rows.push_back(&record);
    }
    if (rows.empty()) fail_now(1, 1, "the file is empty; expected a DEU header row");
    read_header(*rows.front());
    if (rows.size() < 2) fail_now(rows.front()->line + 1, 1, "no capability row after the header");
    read_capabilities(*rows[1]);
    std::vector<ProposalRows> proposals = group_by_proposal({rows.begin() + 2, rows.end()});
    std::vector<ImportedScenario> scenarios;
    scenarios.reserve(proposals.size());
    for (const auto& proposal : proposals) scenarios.push_back(make_scenario(proposal));
    if (!errors_.empty()) {
      std::stable_sort(errors_.begin(), errors_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.location.line, a.location.column) < std::tie(b.location.line, b.location.column);
      });
      throw ScenarioError(std::move(errors_));
    }
    return scenarios;
  }

 private:
  [[noreturn]] void fail_now(int line, int column, std::string message) {
    report(line, column, "", std::move(message));
    throw ScenarioError(std::move(errors_));
  }

  void error(const Record& record, std::size_t column, std::string message) {
    const int at = column < record.cells.size() ? record.cells[column].column : record.end_column;
    report(record.line, at, header_[column], std::move(message));
  }

  void report(int line, int column, std::string path, std::string message) {
    errors_.push_back(diagnostic_at(file_, line, column, std::move(path), std::move(message)));
  }

  void read_header(const Record& record) {
    for (const auto& cell : record.cells) header_.push_back(lower(trimmed(cell)));
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < header_.size(); ++i) {
      if (header_[i].empty()) continue;
      if (const auto [it, inserted] = index.emplace(header_[i], i); !inserted) {
        error(record, i,
              fmt::format("the column '{}' appears twice (first in column {})", header_[i],
                          record.cells[it->second].column));
      }
    }
    const auto require = [&](std::string_view name) -> std::size_t {
      if (const auto it = index.find(std::string(name)); it != index.end()) return it->second;
      std::vector<std::string> names(header_.begin(), header_.end());
      report(record.line, 1, std::string(name),
             fmt::format("the header has no '{}' column{}", name, did_you_mean(name, names)));
      return kMissing;
    };
    const auto optional = [&](std::string_view name) {
      const auto it = index.find(std::string(name));
      return it == index.end() ? kMissing : it->second;
    };
    proposal_ = require("prnr");
    issue_ = require("isnr");
    outcome_ = require("out");
    reference_ = optional("rp");
    name_ = optional("prname");
    intro_ = optional("intro");
    type_ = optional("type");
    procedure_ = optional("proc");
    voting_ = optional("counvte");
    for (std::size_t i = 0; i < header_.size(); ++i) {
      const std::string& name = header_[i];
      if (name.size() < 2 || name[0] != 'p' || is_decision_column(name)) continue;
      const std::string code = name.substr(1);
      const auto salience = index.find("s" + code);
      if (salience == index.end()) {
        error(record, i, fmt::format("the position column '{}' has no salience column 's{}'", name, code));
        continue;
      }
      actors_.push_back({code, i, salience->second, 0.0});
    }
    for (std::size_t i = 0; i < header_.size(); ++i) {
      const std::string& name = header_[i];
      if (name.size() < 2 || name[0] != 's' || is_decision_column(name)) continue;
      if (!index.contains("p" + name.substr(1))) {
        error(record, i, fmt::format("the salience column '{}' has no position column 'p{}'", name, name.substr(1)));
      }
    }
    if (actors_.empty() && errors_.empty()) {
      report(record.line, 1, "",
             "the header names no actors (position columns p<actor> with salience columns s<actor>)");
    }
    if (!errors_.empty()) throw ScenarioError(std::move(errors_));
  }

  // Checks the row's length; false when a column this reader needs is missing.
  bool check_width(const Record& record) {
    std::size_t width = record.cells.size();
    while (width > header_.size() && trimmed(record.cells[width - 1]).empty()) --width;
    if (width > header_.size()) {
      report(record.line, record.cells[header_.size()].column, "",
             fmt::format("the row has {} cells but the header has {} columns", width, header_.size()));
      return false;
    }
    if (width < header_.size()) {
      error(record, width,
            fmt::format("the row ends before column '{}': {} cells, the header has {} (write a missing value "
                        "as an empty cell)",
                        header_[width], width, header_.size()));
      return false;
    }
    return true;
  }

  [[nodiscard]] std::string_view text(const Record& record, std::size_t column) const {
    if (column == kMissing || column >= record.cells.size()) return {};
    return trimmed(record.cells[column]);
  }

  // The cell as a number in [low, high]; nothing when empty. Reports non-numbers and values out of range.
  std::optional<double> number(const Record& record, std::size_t column, std::string_view what, double low,
                               double high) {
    const std::string_view cell = text(record, column);
    if (cell.empty()) return std::nullopt;
    const auto value = parse_number(cell);
    if (!value) {
      error(record, column, fmt::format("the {} '{}' is not a number", what, cell));
      return std::nullopt;
    }
    if (*value < low || *value > high) {
      const std::string problem = high == std::numeric_limits<double>::infinity()
                                      ? fmt::format("{} must be at least {}", cell, low)
                                      : outside(cell, range_text(low, high));
      error(record, column, fmt::format("the {} {}", what, problem));
      return std::nullopt;
    }
    return value;
  }

  void read_capabilities(const Record& record) {
    capability_line_ = record.line;
    if (!check_width(record)) return;
    if (!text(record, proposal_).empty()) {
      error(record, proposal_,
            "expected the capability row here: the second row gives each actor's capability under its position "
            "column, with the proposal columns empty (DEU III itself has none; see docs/importers.md)");
      return;
    }
    for (auto& actor : actors_) {
      const auto capability =
          number(record, actor.position, "capability", 0.0, std::numeric_limits<double>::infinity());
      if (capability) {
        actor.capability = *capability;
      } else if (text(record, actor.position).empty()) {
        error(record, actor.position, fmt::format("the capability row has no capability for '{}'", actor.code));
      }
    }
  }

  std::vector<ProposalRows> group_by_proposal(const std::vector<const Record*>& rows) {
    std::vector<ProposalRows> proposals;
    std::map<std::string, std::size_t> index;
    std::map<std::string, int> issue_lines;
    for (const Record* row : rows) {
      if (!check_width(*row)) continue;
      const std::string proposal(text(*row, proposal_));
      const std::string issue(text(*row, issue_));
      if (proposal.empty()) {
        error(*row, proposal_, "the proposal id is empty");
        continue;
      }
      if (issue.empty()) {
        error(*row, issue_, "the issue id is empty");
        continue;
      }
      if (const auto [it, inserted] = issue_lines.emplace(issue, row->line); !inserted) {
        error(*row, issue_, fmt::format("the issue '{}' appears twice (first on line {})", issue, it->second));
        continue;
      }
      const auto [it, inserted] = index.emplace(proposal, proposals.size());
      if (inserted) proposals.push_back({proposal, {}});
      proposals[it->second].rows.push_back(row);
    }
    return proposals;
  }

  ImportedScenario make_scenario(const ProposalRows& proposal) {
    const Record& first = *proposal.rows.front();
    const std::string name(text(first, name_));
    ImportedScenario imported{identifier(proposal.id), {}};
    Scenario& scenario = imported.scenario;
    scenario.title = name.empty() ? fmt::format("DEU proposal {}", proposal.id)
                                  : fmt::format("DEU proposal {}: {}", proposal.id, name);
    scenario.description = fmt::format(
        "EU legislative proposal {} as coded in the DEU data ({} issue{}; type {}, procedure {}, Council voting "
        "rule {}). Imported by `parley import deu3` from {} (line {}).",
        proposal.id, proposal.rows.size(), proposal.rows.size() == 1 ? "" : "s", or_unknown(text(first, type_)),
        or_unknown(text(first, procedure_)), or_unknown(text(first, voting_)), file_, first.line);
    scenario.as_of = read_date(first);
    // Every row of a proposal carries its introduction date: each is read, and they must agree.
    for (std::size_t k = 1; k < proposal.rows.size(); ++k) {
      const Record& row = *proposal.rows[k];
      if (text(row, intro_).empty()) continue;
      const Date date = read_date(row);
      if (parse_deu_date(text(first, intro_)) && parse_deu_date(text(row, intro_)) && date != scenario.as_of) {
        error(row, intro_,
              fmt::format("the proposal '{}' was introduced on {} (line {}), not on {}", proposal.id,
                          scenario.as_of.to_string(), first.line, date.to_string()));
      }
    }
    scenario.sources.push_back(
        {"deu3",
         "Arregui, J. & Perarnaud, C. (2021). A new dataset on legislative decision-making in the European Union: "
         "the DEU III dataset. Journal of European Public Policy 29(1). Building on Thomson, Stokman, Achen & "
         "König (eds.) (2006), The European Union Decides.",
         "https://doi.org/10.34810/data53", std::nullopt,
         fmt::format("{}; lines cited as l<N>. The capability row (line {}) is not part of DEU.", file_,
                     capability_line_)});

    std::vector<Actor> actors;
    for (const auto& columns : actors_) {
      Actor actor;
      actor.id = identifier(columns.code);
      actor.name = actor_name(columns.code);
      actor.kind = columns.code == "com" || columns.code == "ep" ? ActorKind::organisation : ActorKind::state;
      actor.capability = columns.capability;
      actor.sources.push_back({"deu3", fmt::format("l{}", capability_line_)});
      actors.push_back(std::move(actor));
    }
    for (const Record* row : proposal.rows) {
      Issue issue;
      issue.id = identifier(text(*row, issue_));
      issue.question = name.empty() ? fmt::format("Issue {} of proposal {}", issue.id, proposal.id)
                                    : fmt::format("Issue {} of proposal {} ({})", issue.id, proposal.id, name);
      issue.scale = {0.0, kScaleMax, "", ""};
      issue.status_quo = number(*row, reference_, "reference point", 0.0, kScaleMax);
      issue.outcome = number(*row, outcome_, "outcome", 0.0, kScaleMax);
      const SourceRef source{"deu3", fmt::format("l{}", row->line)};
      issue.sources.push_back(source);
      for (std::size_t a = 0; a < actors_.size(); ++a) {
        const auto position = number(*row, actors_[a].position, "position", 0.0, kScaleMax);
        const auto salience = number(*row, actors_[a].salience, "salience", 0.0, kScaleMax);
        if (!position) continue;  // no position: the actor takes no part in this issue
        Stance stance;
        stance.position = *position;
        stance.salience = salience.value_or(0.0) / kScaleMax;
        stance.sources.push_back(source);
        stance.rationale = "DEU coding; salience = s/100";
        actors[a].stances.push_back({issue.id, std::move(stance)});
      }
      scenario.issues.push_back(std::move(issue));
    }
    for (auto& actor : actors) {
      if (!actor.stances.empty()) scenario.actors.push_back(std::move(actor));
    }
    return imported;
  }

  Date read_date(const Record& row) {
    const std::string_view cell = text(row, intro_);
    if (const auto date = parse_deu_date(cell)) return *date;
    if (intro_ == kMissing) {
      error(row, proposal_, "the header has no 'intro' column: a proposal needs its introduction date");
    } else {
      error(row, intro_,
            fmt::format("'{}' is not a date; write DD-MM-YY or DD-MM-YYYY (or YYYY-MM-DD for a DD-MM-YY date a "
                        "spreadsheet misread)",
                        cell));
    }
    return {};
  }

  static std::string or_unknown(std::string_view text) { return text.empty() ? "unknown" : std::string(text); }

  static constexpr std::size_t kMissing = std::numeric_limits<std::size_t>::max();

  std::string file_;
  std::vector<Record> records_;
  std::vector<std::string> header_;
  std::vector<ActorColumns> actors_;
  std::vector<Diagnostic> errors_;
  int capability_line_ = 2;
  std::size_t proposal_ = kMissing, issue_ = kMissing, outcome_ = kMissing, reference_ = kMissing;
  std::size_t name_ = kMissing, intro_ = kMissing, type_ = kMissing, procedure_ = kMissing, voting_ = kMissing;
};

}  // namespace

std::vector<ImportedScenario> read_deu3(std::string_view text, const std::string& file) {
  return Deu3Reader(text, file).read();
}

ImportFormat deu3_format() {
  return {"deu3", "DEU III-style tab-separated table of EU decisions: one scenario per proposal, outcomes kept", true,
          read_deu3};
}

}  // namespace parley::io
