#include "io/ktab.hpp"

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <filesystem>
#include <limits>
#include <map>
#include <optional>

#include "io/text.hpp"
#include "io/xml.hpp"
#include "models/smp/options.hpp"
#include "parley/errors.hpp"

namespace parley::io {
namespace {

constexpr std::size_t kMinActors = 3;
constexpr std::size_t kMaxActors = 250;

struct Where {
  int line = 0;
  int column = 0;
};

struct KtabActor {
  std::string name;
  std::string description;
  double capability = 0.0;
  std::vector<double> position;  // 0-100
  std::vector<double> salience;  // 0-100
  Where where;
};

struct Adjustment {
  std::size_t adjusting = 0;
  std::size_t reference = 0;
  double value = 0.0;
  Where where;  // its <adjust>
};

constexpr std::uint64_t kKtabCsvSeed = 15455440707583219804ULL;  // KTAB's default seed for CSV runs

struct KtabScenario {
  std::string format;  // "CSV" or "XML"
  std::string name;
  std::string description;
  std::vector<std::string> dimensions;
  std::vector<KtabActor> actors;
  std::vector<std::string> parameters;  // smp.NAME=VALUE
  std::optional<std::uint64_t> seed;
  std::vector<Adjustment> adjustments;
};

// KTAB's lenient number: leading whitespace skipped, the longest decimal prefix read (optional
// sign, digits, fraction, exponent), the rest ignored. nullopt when there is no such prefix.
std::optional<double> lenient_number(std::string_view text) {
  std::size_t at = 0;
  while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at])) != 0) ++at;
  std::size_t end = at;
  if (end < text.size() && (text[end] == '+' || text[end] == '-')) ++end;
  const std::size_t digits_from = end;
  while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end])) != 0) ++end;
  std::size_t digits = end - digits_from;
  if (end < text.size() && text[end] == '.') {
    ++end;
    const std::size_t fraction_from = end;
    while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end])) != 0) ++end;
    digits += end - fraction_from;
  }
  if (digits == 0) return std::nullopt;
  if (end < text.size() && (text[end] == 'e' || text[end] == 'E')) {
    std::size_t exponent = end + 1;
    if (exponent < text.size() && (text[exponent] == '+' || text[exponent] == '-')) ++exponent;
    const std::size_t exponent_digits = exponent;
    while (exponent < text.size() && std::isdigit(static_cast<unsigned char>(text[exponent])) != 0) ++exponent;
    if (exponent > exponent_digits) end = exponent;
  }
  std::string_view number = text.substr(at, end - at);
  if (number.front() == '+') number.remove_prefix(1);
  double value = 0.0;
  const auto [ptr, error] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (error == std::errc::result_out_of_range) {
    // Correctly rounded, as KTAB reads it: too small a magnitude is 0, too large infinite.
    const std::size_t e = number.find_first_of("eE");
    const bool tiny = e != std::string_view::npos && number.substr(e + 1).starts_with('-');
    const bool negative = number.front() == '-';
    const double magnitude = tiny ? 0.0 : std::numeric_limits<double>::infinity();
    return negative ? -magnitude : magnitude;
  }
  if (error != std::errc{} || ptr != number.data() + number.size()) return std::nullopt;
  return value;
}

std::optional<long long> lenient_integer(std::string_view text) {
  std::size_t at = 0;
  while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at])) != 0) ++at;
  if (at < text.size() && text[at] == '+') ++at;
  long long value = 0;
  const auto [ptr, error] = std::from_chars(text.data() + at, text.data() + text.size(), value);
  if (error != std::errc{} || ptr == text.data() + at) return std::nullopt;
  return value;
}

class Errors {
 public:
  explicit Errors(std::string file) : file_(std::move(file)) {}
  void add(Where where, std::string key, std::string message) {
    list_.push_back(diagnostic_at(file_, where.line, where.column, std::move(key), std::move(message)));
  }
  [[noreturn]] void fail(Where where, std::string key, std::string message) {
    add(where, std::move(key), std::move(message));
    throw ScenarioError(std::move(list_));
  }
  void throw_if_any() {
    if (!list_.empty()) throw ScenarioError(std::move(list_));
  }
  [[nodiscard]] const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::vector<Diagnostic> list_;
};

// Checks an actor's saliences (0-100 each, running sum at most 100) and positions (0-100).
void check_actor(const KtabActor& actor, const std::vector<std::string>& dimensions,
                 const std::vector<Where>& position_at, const std::vector<Where>& salience_at, Errors& errors) {
  double sum = 0.0;
  for (std::size_t k = 0; k < actor.salience.size(); ++k) {
    const std::string key = fmt::format("actor[{}].salience[{}]", actor.name, dimensions[k]);
    const double s = actor.salience[k];
    if (!(s >= 0.0 && s <= 100.0)) errors.add(salience_at[k], key, fmt::format("salience {} is outside [0, 100]", s));
    sum += s;
    if (sum > 100.0) {
      errors.add(salience_at[k], key, fmt::format("the saliences so far sum to {}, more than 100", sum));
      break;
    }
  }
  for (std::size_t k = 0; k < actor.position.size(); ++k) {
    const double x = actor.position[k];
    if (!(x >= 0.0 && x <= 100.0)) {
      errors.add(position_at[k], fmt::format("actor[{}].position[{}]", actor.name, dimensions[k]),
                 fmt::format("position {} is outside [0, 100], the scale parley gives each KTAB dimension", x));
    }
  }
}

// ---------------------------------------------------------------------------------------- CSV

struct Field {
  std::string text;
  int column = 1;
};

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  std::size_t at = 0;
  while ((at = text.find(from, at)) != std::string::npos) {
    text.replace(at, from.size(), to);
    at += to.size();
  }
  return text;
}

// One line split as KTAB's reader does (spec §11.1).
std::vector<Field> split_line(std::string_view line) {
  std::vector<Field> fields;
  if (line.empty()) return fields;
  Field field;
  bool quoted = false;
  int column = 1;
  bool at_start = true;
  for (const char c : line) {
    if (quoted) {
      field.text += c;
      if (c == '"') quoted = false;
    } else if (c == ',' || c == '\r') {
      fields.push_back(std::move(field));
      field = Field{{}, column + 1};
      at_start = true;
      ++column;
      continue;
    } else {
      if (c == '"' && at_start) quoted = true;
      field.text += c;
    }
    at_start = false;
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++column;
  }
  fields.push_back(std::move(field));
  for (Field& f : fields) {
    std::string text = replace_all(std::move(f.text), "$$", ",");
    const std::size_t first = text.find_first_not_of('"');
    text = first == std::string::npos ? std::string() : text.substr(first, text.find_last_not_of('"') - first + 1);
    f.text = replace_all(std::move(text), "&quot;", "\"");
  }
  return fields;
}

class CsvReader {
 public:
  CsvReader(std::string_view text, const std::string& file) : errors_(file) {
    // KTAB quirk: a byte-order mark is recognised by any one of its three bytes.
    const auto byte = [&](std::size_t i, unsigned char value) {
      return text.size() > i && static_cast<unsigned char>(text[i]) == value;
    };
    if (byte(0, 0xEF) || byte(1, 0xBB) || byte(2, 0xBF)) text.remove_prefix(std::min<std::size_t>(3, text.size()));
    std::size_t start = 0;
    while (start < text.size()) {
      const std::size_t end = std::min(text.find('\n', start), text.size());
      lines_.push_back(split_line(text.substr(start, end - start)));
      start = end + 1;
    }
  }

  KtabScenario read() {
    KtabScenario scenario;
    scenario.format = "CSV";
    scenario.name = text(1, 0);
    scenario.description = text(1, 1);
    check_length(1, 0, "name", scenario.name, 512);
    check_length(1, 1, "description", scenario.description, 512);
    const long long actors = integer(1, 2, "actors");
    const long long dimensions = integer(1, 3, "dimensions");
    if (dimensions < 1) errors_.fail(at(1, 3), "dimensions", fmt::format("{} dimensions; at least 1", dimensions));
    if (actors < static_cast<long long>(kMinActors) || actors > static_cast<long long>(kMaxActors)) {
      errors_.fail(at(1, 2), "actors", fmt::format("{} actors; KTAB takes 3 to 250", actors));
    }
    const auto d = static_cast<std::size_t>(dimensions);
    for (std::size_t k = 0; k < d; ++k) {
      scenario.dimensions.push_back(text(2, 3 + 2 * k));
      check_length(2, 3 + 2 * k, fmt::format("dimension[{}].name", k + 1), scenario.dimensions.back(), 256);
    }
    for (std::size_t a = 0; a < static_cast<std::size_t>(actors); ++a) {
      const int line = static_cast<int>(a) + 3;
      KtabActor actor;
      actor.where = at(line, 0);
      actor.name = text(line, 0);
      actor.description = text(line, 1);
      if (actor.name.empty() || actor.name.size() > 25) {
        errors_.add(at(line, 0), fmt::format("actor[{}].name", a + 1),
                    fmt::format("the actor's name '{}' must have 1 to 25 characters", actor.name));
      }
      check_length(line, 1, fmt::format("actor[{}].description", actor.name), actor.description, 256);
      const std::string who = actor.name.empty() ? std::to_string(a + 1) : actor.name;
      actor.capability = number(line, 2, fmt::format("actor[{}].capability", who));
      if (!(actor.capability >= 0.0 && actor.capability <= 1e8)) {
        errors_.add(at(line, 2), fmt::format("actor[{}].capability", who),
                    fmt::format("capability {} is outside [0, 1e8]", actor.capability));
      }
      std::vector<Where> position_at;
      std::vector<Where> salience_at;
      for (std::size_t k = 0; k < d; ++k) {
        const std::size_t column = 3 + 2 * k;
        actor.position.push_back(
            number(line, column, fmt::format("actor[{}].position[{}]", who, scenario.dimensions[k])));
        actor.salience.push_back(
            number(line, column + 1, fmt::format("actor[{}].salience[{}]", who, scenario.dimensions[k])));
        position_at.push_back(at(line, column));
        salience_at.push_back(at(line, column + 1));
      }
      check_actor(actor, scenario.dimensions, position_at, salience_at, errors_);
      scenario.actors.push_back(std::move(actor));
    }
    errors_.throw_if_any();
    return scenario;
  }

  [[nodiscard]] const std::string& file() const { return errors_.file(); }

 private:
  [[nodiscard]] const Field* field(int line, std::size_t index) const {
    const auto l = static_cast<std::size_t>(line - 1);
    if (l >= lines_.size() || index >= lines_[l].size()) return nullptr;
    return &lines_[l][index];
  }
  [[nodiscard]] Where at(int line, std::size_t index) const {
    if (const Field* f = field(line, index)) return {line, f->column};
    const auto l = static_cast<std::size_t>(line - 1);
    int end = 1;
    if (l < lines_.size() && !lines_[l].empty()) {
      end = lines_[l].back().column + static_cast<int>(lines_[l].back().text.size());
    }
    return {line, end};
  }
  [[nodiscard]] std::string text(int line, std::size_t index) const {
    const Field* f = field(line, index);
    return f != nullptr ? f->text : std::string();
  }
  void check_length(int line, std::size_t index, const std::string& key, const std::string& value, std::size_t most) {
    if (value.size() > most) {
      errors_.add(at(line, index), key, fmt::format("{} characters; KTAB allows at most {}", value.size(), most));
    }
  }
  double number(int line, std::size_t index, const std::string& key) {
    const Field* f = field(line, index);
    const auto value = f != nullptr ? lenient_number(f->text) : std::nullopt;
    if (!value) {
      errors_.add(
          at(line, index), key,
          f == nullptr || f->text.empty()
              ? std::string(f == nullptr ? "missing: the line ends before this field" : "empty; a number is needed")
              : fmt::format("'{}' is not a number", f->text));
      return 0.0;
    }
    return *value;
  }
  long long integer(int line, std::size_t index, const std::string& key) {
    const Field* f = field(line, index);
    const auto value = f != nullptr ? lenient_integer(f->text) : std::nullopt;
    if (!value) {
      errors_.fail(at(line, index), key,
                   f == nullptr ? std::string("missing: line 1 is name,description,actors,dimensions")
                                : fmt::format("'{}' is not a whole number", f->text));
    }
    return *value;
  }

  Errors errors_;
  std::vector<std::vector<Field>> lines_;
};

// ---------------------------------------------------------------------------------------- XML

class XmlScenarioReader {
 public:
  XmlScenarioReader(std::string_view text, const std::string& file) : errors_(file), root_(read_xml(text, file)) {}

  KtabScenario read() {
    KtabScenario scenario;
    scenario.format = "XML";
    if (root_->name != "Scenario") {
      errors_.fail(where(*root_), root_->name,
                   fmt::format("the document's element is <{}>, not <Scenario>", root_->name));
    }
    if (const auto* name = root_->child("name")) scenario.name = name->text;
    if (const auto* desc = root_->child("desc")) scenario.description = desc->text;
    read_seed(scenario);
    read_parameters(scenario);
    read_dimensions(scenario);
    read_actors(scenario);
    read_adjustments(scenario);
    errors_.throw_if_any();
    return scenario;
  }

 private:
  static Where where(const XmlElement& element) { return {element.line, element.column}; }

  const XmlElement* required(const XmlElement& parent, std::string_view name, const std::string& key) {
    const XmlElement* child = parent.child(name);
    if (child == nullptr) errors_.fail(where(parent), key, fmt::format("<{}> has no <{}>", parent.name, name));
    return child;
  }

  double number(const XmlElement& element, const std::string& key) {
    const auto value = lenient_number(element.text);
    if (!value) {
      errors_.add(where(element), key,
                  element.text.find_first_not_of(" \t\r\n") == std::string::npos
                      ? fmt::format("<{}> is empty; a number is needed", element.name)
                      : fmt::format("<{}> '{}' is not a number", element.name, element.text));
      return 0.0;
    }
    return *value;
  }

  void read_seed(KtabScenario& scenario) {
    const XmlElement* seed = required(*root_, "prngSeed", "prngSeed");
    std::string_view digits = seed->text;
    while (!digits.empty() && std::isspace(static_cast<unsigned char>(digits.front())) != 0) digits.remove_prefix(1);
    if (digits.empty()) return;  // the schema allows an empty seed: the run's own seed is used
    std::uint64_t value = 0;
    const auto [ptr, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error != std::errc{} || ptr == digits.data()) {
      errors_.add(where(*seed), "prngSeed", fmt::format("'{}' is not a whole number in [0, 2^64 - 1]", seed->text));
      return;
    }
    scenario.seed = value;
  }

  void read_parameters(KtabScenario& scenario) {
    const XmlElement* parameters = root_->child("ModelParameters");
    if (parameters == nullptr) return;
    for (const auto& parameter : models::smp::enum_parameters()) {
      const std::string name(parameter.name);
      const XmlElement* element = required(*parameters, name, "ModelParameters." + name);
      const auto value = models::smp::canonical_value(name, element->text);
      if (!value) {
        std::string choices;
        for (const auto v : parameter.values) choices += (choices.empty() ? "" : ", ") + std::string(v);
        errors_.add(where(*element), "ModelParameters." + name,
                    fmt::format("'{}' is not one of: {}", element->text, choices));
        continue;
      }
      scenario.parameters.push_back(fmt::format("smp.{}={}", name, *value));
    }
  }

  void read_dimensions(KtabScenario& scenario) {
    const XmlElement* dimensions = root_->child("Dimensions");
    if (dimensions == nullptr) return;  // the schema allows it: dimensions are then counted from the positions
    const auto names = dimensions->all("dName");
    if (names.empty()) errors_.fail(where(*dimensions), "Dimensions", "<Dimensions> has no <dName>");
    for (const auto* name : names) {
      if (name->text.empty()) errors_.add(where(*name), "Dimensions.dName", "an empty dimension name");
      scenario.dimensions.push_back(name->text);
    }
  }

  std::vector<double> coordinates(const XmlElement& actor, std::string_view group, std::string_view item,
                                  std::size_t expected, const std::string& who, std::vector<Where>& at) {
    const XmlElement* parent = required(actor, group, fmt::format("actor[{}].{}", who, group));
    const auto items = parent->all(item);
    if (items.size() != expected) {
      errors_.add(where(*parent), fmt::format("actor[{}].{}", who, group),
                  fmt::format("{} <{}> elements; the scenario has {} dimensions", items.size(), item, expected));
    }
    std::vector<double> values;
    for (std::size_t k = 0; k < items.size() && k < expected; ++k) {
      values.push_back(number(*items[k], fmt::format("actor[{}].{}[{}]", who, group, k + 1)));
      at.push_back(where(*items[k]));
    }
    values.resize(expected, 0.0);
    at.resize(expected, where(*parent));
    return values;
  }

  void read_actors(KtabScenario& scenario) {
    const XmlElement* actors = required(*root_, "Actors", "Actors");
    const auto list = actors->all("Actor");
    if (list.size() < kMinActors || list.size() > kMaxActors) {
      errors_.fail(where(*actors), "Actors", fmt::format("{} actors; KTAB takes 3 to 250", list.size()));
    }
    if (scenario.dimensions.empty()) {
      const XmlElement* position = list.front()->child("Position");
      const std::size_t d = position != nullptr ? position->all("dCoord").size() : 0;
      if (d == 0) errors_.fail(where(*list.front()), "Actors", "no <Dimensions>, and no coordinates to count them by");
      for (std::size_t k = 0; k < d; ++k) scenario.dimensions.push_back(fmt::format("Dimension {}", k + 1));
    }
    const std::size_t d = scenario.dimensions.size();
    for (std::size_t a = 0; a < list.size(); ++a) {
      const XmlElement& element = *list[a];
      KtabActor actor;
      actor.where = where(element);
      const XmlElement* name = required(element, "name", fmt::format("actor[{}].name", a + 1));
      const XmlElement* description = required(element, "description", fmt::format("actor[{}].description", a + 1));
      actor.name = name->text;
      actor.description = description->text;
      if (actor.name.empty()) errors_.add(where(*name), fmt::format("actor[{}].name", a + 1), "an empty name");
      const std::string who = actor.name.empty() ? std::to_string(a + 1) : actor.name;
      if (actor.description.empty()) {
        errors_.add(where(*description), fmt::format("actor[{}].description", who), "an empty description");
      }
      const XmlElement* capability = required(element, "capability", fmt::format("actor[{}].capability", who));
      actor.capability = number(*capability, fmt::format("actor[{}].capability", who));
      if (!(actor.capability > 0.0)) {
        errors_.add(where(*capability), fmt::format("actor[{}].capability", who),
                    fmt::format("capability {} is not positive", actor.capability));
      }
      std::vector<Where> position_at;
      std::vector<Where> salience_at;
      actor.position = coordinates(element, "Position", "dCoord", d, who, position_at);
      actor.salience = coordinates(element, "Salience", "dSal", d, who, salience_at);
      check_actor(actor, scenario.dimensions, position_at, salience_at, errors_);
      scenario.actors.push_back(std::move(actor));
    }
  }

  void read_adjustments(KtabScenario& scenario) {
    // KTAB's reader demands <IdealAdjustment>; its schema makes it optional, and so does parley.
    const XmlElement* adjustment = root_->child("IdealAdjustment");
    if (adjustment == nullptr) return;
    const auto index_of = [&](const XmlElement& element, const std::string& key) -> std::optional<std::size_t> {
      for (std::size_t a = 0; a < scenario.actors.size(); ++a) {
        if (scenario.actors[a].name == element.text) return a;
      }
      errors_.add(where(element), key, fmt::format("'{}' is not the name of an actor", element.text));
      return std::nullopt;
    };
    for (const auto* pair : adjustment->all("iaPair")) {
      const auto adjusting = index_of(*required(*pair, "adjustingIdeal", "IdealAdjustment.iaPair.adjustingIdeal"),
                                      "IdealAdjustment.iaPair.adjustingIdeal");
      const auto reference = index_of(*required(*pair, "referencePos", "IdealAdjustment.iaPair.referencePos"),
                                      "IdealAdjustment.iaPair.referencePos");
      const XmlElement* adjust = required(*pair, "adjust", "IdealAdjustment.iaPair.adjust");
      const double value = number(*adjust, "IdealAdjustment.iaPair.adjust");
      // Checked once the matrix is built: a later pair may overwrite an entry (as in KTAB).
      if (adjusting && reference) scenario.adjustments.push_back({*adjusting, *reference, value, where(*adjust)});
    }
  }

  Errors errors_;
  std::unique_ptr<XmlElement> root_;
};

// -------------------------------------------------------------------------------- to parley

std::string unique_id(std::string_view name, std::map<std::string, int>& used) {
  // KTAB keeps spaces around names ("  XYZ Position"); an id does not.
  while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  std::string id = identifier(name);
  if (const int count = ++used[id]; count > 1) id = fmt::format("{}_{}", id, count);
  return id;
}

// The accommodation matrix as the smp parameter, or "" when it is the identity.
std::string accommodation_parameter(const KtabScenario& data, const std::vector<std::string>& ids,
                                    const std::string& file) {
  const std::size_t n = data.actors.size();
  std::vector<double> matrix(n * n, 0.0);
  for (std::size_t i = 0; i < n; ++i) matrix[i * n + i] = 1.0;
  std::map<std::size_t, Where> set_at;  // entry -> the pair that set it last
  for (const auto& pair : data.adjustments) {
    matrix[pair.adjusting * n + pair.reference] = pair.value;
    set_at[pair.adjusting * n + pair.reference] = pair.where;
  }
  for (const auto& [entry, where] : set_at) {
    if (!(matrix[entry] >= 0.0 && matrix[entry] <= 1.0)) {
      throw ScenarioError(diagnostic_at(file, where.line, where.column, "IdealAdjustment.iaPair.adjust",
                                        fmt::format("{} is outside [0, 1]", matrix[entry])));
    }
  }
  bool identity = true;
  std::string text;
  for (std::size_t i = 0; i < n; ++i) {
    double row = 0.0;
    for (std::size_t j = 0; j < n; ++j) {
      const double value = matrix[i * n + j];
      row += value;
      if (value != (i == j ? 1.0 : 0.0)) identity = false;
      if (i == j ? value != 1.0 : value != 0.0) {
        text += fmt::format("{}{}:{}={}", text.empty() ? "" : ",", ids[i], ids[j], value);
      }
    }
    if (row > 1.0 + 1e-10) {
      throw ScenarioError(diagnostic_at(
          file, data.actors[i].where.line, data.actors[i].where.column, "IdealAdjustment",
          fmt::format("the adjustments of {}'s ideal sum to {}, more than 1 (KTAB aborts)", data.actors[i].name, row)));
    }
  }
  // The identity's diagonal entries are implied: write every entry off the identity, and the
  // diagonal entries that differ from 1 (the parameter starts from the identity too).
  return identity ? std::string() : text;
}

ImportedScenario to_imported(const KtabScenario& data, const std::string& file) {
  const std::string stem = std::filesystem::path(file).stem().string();
  ImportedScenario imported{identifier(stem), {}, data.parameters, data.seed};
  if (data.format == "CSV") imported.seed = kKtabCsvSeed;
  Scenario& scenario = imported.scenario;
  std::string title = data.name;
  while (!title.empty() && title.back() == ' ') title.pop_back();
  while (!title.empty() && title.front() == ' ') title.erase(title.begin());
  scenario.title = title.empty() ? stem : title;
  scenario.description = fmt::format(
      "{}{}{} actors on {} dimensions, imported by `parley import ktab` from the KTAB SMP {} file {}. KTAB's files "
      "have no date: as_of is 1970-01-01, not a real date. Saliences are KTAB's divided by 100; every dimension's "
      "scale is 0-100.",
      data.description, data.description.empty() ? "" : " — ", data.actors.size(), data.dimensions.size(), data.format,
      file);
  scenario.sources.push_back(
      {"ktab", fmt::format("KTAB SMP scenario {}", file), "", std::nullopt, "lines cited as l<N>"});
  std::map<std::string, int> used_issues;
  for (const auto& dimension : data.dimensions) {
    Issue issue;
    issue.id = unique_id(dimension, used_issues);
    issue.question = dimension.empty() ? issue.id : dimension;
    issue.scale = {0.0, 100.0, "", ""};
    issue.sources.push_back({"ktab", ""});
    scenario.issues.push_back(std::move(issue));
  }
  std::map<std::string, int> used_actors;
  std::vector<std::string> ids;
  for (const auto& row : data.actors) {
    Actor actor;
    actor.id = unique_id(row.name, used_actors);
    ids.push_back(actor.id);
    actor.name = row.name;
    actor.kind = ActorKind::organisation;
    actor.capability = row.capability;
    actor.description = row.description;
    const SourceRef source{"ktab", fmt::format("l{}", row.where.line)};
    actor.sources.push_back(source);
    for (std::size_t k = 0; k < data.dimensions.size(); ++k) {
      Stance stance;
      stance.position = row.position[k];
      stance.salience = row.salience[k] / 100.0;  // the division KTAB makes (spec §1)
      stance.sources.push_back(source);
      stance.rationale = "as in the KTAB file";
      actor.stances.push_back({scenario.issues[k].id, std::move(stance)});
    }
    scenario.actors.push_back(std::move(actor));
  }
  const std::string accommodation = accommodation_parameter(data, ids, file);
  if (!accommodation.empty()) imported.parameters.push_back("smp.ideal_adjustment=" + accommodation);
  return imported;
}

bool looks_like_xml(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == '<';
}

}  // namespace

std::vector<ImportedScenario> read_ktab(std::string_view text, const std::string& file) {
  const KtabScenario data = looks_like_xml(text) ? XmlScenarioReader(text, file).read() : CsvReader(text, file).read();
  return {to_imported(data, file)};
}

ImportFormat ktab_format() {
  return {"ktab", "KTAB SMP scenario, CSV or XML: one scenario, one issue per dimension (run it with -m smp)", false,
          read_ktab};
}

}  // namespace parley::io
