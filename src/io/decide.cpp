#include "io/decide.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>

#include "io/delimited.hpp"
#include "io/text.hpp"
#include "parley/errors.hpp"
#include "parley/text.hpp"

namespace parley::io {
namespace {

// A field without surrounding spaces and one pair of matching quotes.
std::string field_text(const Cell& cell) {
  std::string_view text = trimmed(cell);
  if (text.size() >= 2 && (text.front() == '\'' || text.front() == '"') && text.back() == text.front()) {
    text = text.substr(1, text.size() - 2);
  }
  return std::string(text);
}

struct Point {
  double position = 0.0;
  std::string meaning;
  int line = 0;
};

struct IssueRecord {
  std::string id;
  std::string description;
  int line = 0;
  std::vector<Point> points;
};

struct DataRecord {
  std::size_t actor = 0;
  std::size_t issue = 0;
  double position = 0.0;
  double salience = 0.0;
  double power = 0.0;
  int line = 0;
  int position_column = 0;
};

class DecideReader {
 public:
  DecideReader(std::string_view text, std::string file) : file_(std::move(file)) {
    const char delimiter = text.find('\t') != std::string_view::npos ? '\t' : ';';
    records_ = read_delimited(text, delimiter, file_);
  }

  std::vector<ImportedScenario> read() {
    // Actors, issues and scale points first: a #D line may precede the #A/#P lines it uses.
    for (const auto& record : records_) {
      if (record.blank()) continue;
      const std::string type = field_text(record.cells[0]);
      if (type == "#A") {
        const std::string id = text(record, 1, "#A id");
        if (!id.empty() && !actor_index_.contains(id)) {
          actor_index_[id] = actors_.size();
          actors_.push_back({id, text(record, 2, ""), record.line});
        }
      } else if (type == "#P") {
        const std::string id = text(record, 1, "#P id");
        if (!id.empty() && !issue_index_.contains(id)) {
          issue_index_[id] = issues_.size();
          issues_.push_back({id, text(record, 2, ""), record.line, {}});
        }
      } else if (type == "#D" || type == "#M" || type == "#/" || type == "#0" || type == "#O") {
        continue;
      } else {
        error(record, 0, "type",
              fmt::format("unknown record type '{}'; expected #A, #P, #M, #D or a comment (#/, #0, #O)", type));
      }
    }
    for (const auto& record : records_) {
      if (record.blank()) continue;
      const std::string type = field_text(record.cells[0]);
      if (type == "#M") read_point(record);
    }
    for (const auto& record : records_) {
      if (record.blank()) continue;
      if (field_text(record.cells[0]) == "#D") read_data(record);
    }
    check_scales();
    check_positions();
    // What the file lacks is reported where it ends: after its last line.
    const int end = records_.empty() ? 1 : records_.back().line;
    const bool other_errors = !errors_.empty();  // a file that fails anyway is not also told it lacks records
    if (actors_.empty() && !other_errors)
      report(end, 1, "#A", "the file declares no actor: add '#A' records ('#A', id, name)");
    if (issues_.empty() && !other_errors)
      report(end, 1, "#P", "the file declares no issue: add '#P' records ('#P', id, question)");
    if (!errors_.empty()) {
      std::stable_sort(errors_.begin(), errors_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.location.line, a.location.column) < std::tie(b.location.line, b.location.column);
      });
      throw ScenarioError(std::move(errors_));
    }
    return {make_scenario()};
  }

 private:
  struct ActorRecord {
    std::string id;
    std::string name;
    int line = 0;
  };

  void report(int line, int column, std::string path, std::string message) {
    errors_.push_back(diagnostic_at(file_, line, column, std::move(path), std::move(message)));
  }

  void error(const Record& record, std::size_t field, std::string path, std::string message) {
    const int column = field < record.cells.size() ? record.cells[field].column : record.end_column;
    report(record.line, column, std::move(path), std::move(message));
  }

  // Field `field`, or "" (with an error naming `what` when `what` is not empty) when the record is too short.
  std::string text(const Record& record, std::size_t field, std::string_view what) {
    if (field < record.cells.size()) return field_text(record.cells[field]);
    if (!what.empty()) error(record, field, std::string(what), fmt::format("the record has no {} field", what));
    return {};
  }

  std::optional<double> number(const Record& record, std::size_t field, const std::string& what) {
    const std::string value = text(record, field, what);
    if (field >= record.cells.size()) return std::nullopt;
    const auto parsed = parse_number(value);
    if (!parsed) error(record, field, what, fmt::format("'{}' is not a number", value));
    return parsed;
  }

  void read_point(const Record& record) {
    const std::string issue = text(record, 1, "#M issue");
    const auto position = number(record, 2, "#M position");
    const auto found = issue_index_.find(issue);
    if (found == issue_index_.end() || !position) return;  // a point of an issue without #P is ignored
    issues_[found->second].points.push_back({*position, text(record, 3, ""), record.line});
  }

  void read_data(const Record& record) {
    const std::string actor = text(record, 1, "#D actor");
    const std::string issue = text(record, 2, "#D issue");
    const auto actor_found = actor_index_.find(actor);
    const auto issue_found = issue_index_.find(issue);
    if (record.cells.size() > 1 && actor_found == actor_index_.end()) {
      error(record, 1, "#D actor", fmt::format("unknown actor '{}': no #A record declares it", actor));
    }
    if (record.cells.size() > 2 && issue_found == issue_index_.end()) {
      error(record, 2, "#D issue", fmt::format("unknown issue '{}': no #P record declares it", issue));
    }
    const auto position = number(record, 3, "#D position");
    const auto salience = number(record, 4, "#D salience");
    const auto power = number(record, 5, "#D power");
    bool ok = position && salience && power;
    for (const auto& [value, field, what] :
         {std::tuple{salience, std::size_t{4}, "salience"}, std::tuple{power, std::size_t{5}, "power"}}) {
      if (value && (*value < 0.0 || *value > 1.0)) {
        error(record, field, fmt::format("#D {}", what), fmt::format("the {} {}", what, outside(*value, 0.0, 1.0)));
        ok = false;
      }
    }
    if (!ok || actor_found == actor_index_.end() || issue_found == issue_index_.end()) return;
    DataRecord item{actor_found->second, issue_found->second,   *position, *salience, *power,
                    record.line,         record.cells[3].column};
    // A repeated record overwrites the values and keeps the first one's place.
    for (auto& existing : data_) {
      if (existing.actor == item.actor && existing.issue == item.issue) {
        existing = item;
        return;
      }
    }
    data_.push_back(item);
  }

  [[nodiscard]] std::pair<double, double> bounds(const IssueRecord& issue) const {
    if (issue.points.empty()) return {0.0, 100.0};
    const auto [low, high] =
        std::minmax_element(issue.points.begin(), issue.points.end(),
                            [](const Point& a, const Point& b) { return a.position < b.position; });
    return {low->position, high->position};
  }

  void check_scales() {
    for (const auto& issue : issues_) {
      const auto [lower, upper] = bounds(issue);
      if (upper <= lower) {
        report(issue.points.front().line, 1, "#M",
               fmt::format("the scale of issue '{}' is empty: its #M points span [{}, {}]", issue.id, lower, upper));
      }
    }
  }

  void check_positions() {
    for (const auto& item : data_) {
      const auto [lower, upper] = bounds(issues_[item.issue]);
      if (item.position < lower || item.position > upper) {
        report(item.line, item.position_column, "#D position",
               fmt::format("the position {} of '{}' on '{}' is outside the issue's scale [{}, {}]", item.position,
                           actors_[item.actor].id, issues_[item.issue].id, lower, upper));
      }
    }
  }

  ImportedScenario make_scenario() const {
    const std::string stem = std::filesystem::path(file_).stem().string();
    ImportedScenario imported{identifier(stem), {}};
    Scenario& scenario = imported.scenario;
    scenario.title = fmt::format("{} (Decide data)", stem);
    scenario.description = fmt::format(
        "{} actors and {} issues imported by `parley import decide` from {}. Each stance's capability is the "
        "actor's power on that issue. The file has no date: as_of is 1970-01-01, not a real "
        "date.",
        actors_.size(), issues_.size(), file_);
    scenario.sources.push_back(
        {"decide", fmt::format("Decide input file {}", file_), "", std::nullopt, "lines cited as l<N>"});
    for (const auto& record : issues_) {
      const auto [lower, upper] = bounds(record);
      Issue issue;
      issue.id = identifier(record.id);
      issue.question = record.description.empty() ? record.id : record.description;
      issue.scale = {lower, upper, "", ""};
      for (const auto& point : record.points) {
        if (point.position == lower && issue.scale.low.empty()) issue.scale.low = point.meaning;
        if (point.position == upper && issue.scale.high.empty()) issue.scale.high = point.meaning;
      }
      issue.sources.push_back({"decide", fmt::format("l{}", record.line)});
      scenario.issues.push_back(std::move(issue));
    }
    for (std::size_t a = 0; a < actors_.size(); ++a) {
      Actor actor;
      actor.id = identifier(actors_[a].id);
      actor.name = actors_[a].name.empty() ? actors_[a].id : actors_[a].name;
      actor.kind = ActorKind::organisation;
      actor.sources.push_back({"decide", fmt::format("l{}", actors_[a].line)});
      for (const auto& item : data_) {
        if (item.actor != a) continue;
        actor.capability = std::max(actor.capability, item.power);
        Stance stance;
        stance.position = item.position;
        stance.salience = item.salience;
        stance.capability = item.power;
        stance.sources.push_back({"decide", fmt::format("l{}", item.line)});
        stance.rationale = "Decide data";
        actor.stances.push_back({identifier(issues_[item.issue].id), std::move(stance)});
      }
      // Stances in issue order, as the scenario format lists them.
      std::stable_sort(actor.stances.begin(), actor.stances.end(), [&](const IssueStance& x, const IssueStance& y) {
        return issue_position(x.issue) < issue_position(y.issue);
      });
      scenario.actors.push_back(std::move(actor));
    }
    return imported;
  }

  [[nodiscard]] std::size_t issue_position(const std::string& id) const {
    for (std::size_t i = 0; i < issues_.size(); ++i) {
      if (identifier(issues_[i].id) == id) return i;
    }
    return issues_.size();
  }

  std::string file_;
  std::vector<Record> records_;
  std::vector<ActorRecord> actors_;
  std::map<std::string, std::size_t> actor_index_;
  std::vector<IssueRecord> issues_;
  std::map<std::string, std::size_t> issue_index_;
  std::vector<DataRecord> data_;
  std::vector<Diagnostic> errors_;
};

}  // namespace

std::vector<ImportedScenario> read_decide(std::string_view text, const std::string& file) {
  return DecideReader(text, file).read();
}

ImportFormat decide_format() {
  return {"decide", "Decide's #A/#P/#M/#D input files (the exchange model's data): one scenario", false, read_decide};
}

}  // namespace parley::io
