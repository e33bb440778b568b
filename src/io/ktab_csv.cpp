// KTAB's CSV layout, read as KTAB's own reader reads it (spec §11.1).

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "io/ktab_data.hpp"
#include "parley/text.hpp"

namespace parley::io::ktab {
namespace {

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
    // A file that ends before its actors do is reported where it ends, once, not at lines it lacks.
    const std::size_t present = lines_.size() > 2 ? lines_.size() - 2 : 0;
    if (present < static_cast<std::size_t>(actors)) {
      const int last = std::max(1, static_cast<int>(lines_.size()));
      errors_.fail(at(last, std::numeric_limits<std::size_t>::max()), fmt::format("actor[{}]", present + 1),
                   fmt::format("the file ends after {} of the {} actors line 1 announces", present, actors));
    }
    // Line 2 names each dimension's position column (and its salience's, but for the last): a count
    // it cannot name is refused here, before anything is made for that many.
    const std::size_t named = lines_.size() > 1 && lines_[1].size() > 2 ? (lines_[1].size() - 2) / 2 : 0;
    if (static_cast<unsigned long long>(dimensions) > named) {
      errors_.fail(at(1, 3), "dimensions",
                   fmt::format("{} dimensions, but line 2 names {} (it has a position and a salience column for each, "
                               "after Actor, Description and Influence)",
                               dimensions, named));
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
                    "capability " + outside(fmt::format("{}", actor.capability), "[0, 1e8]"));
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
    if (!std::isfinite(*value)) {
      errors_.add(at(line, index), key, fmt::format("'{}' is too large: not a finite number", f->text));
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

}  // namespace

KtabScenario read_csv(std::string_view text, const std::string& file) {
  return CsvReader(text, file).read();
}

}  // namespace parley::io::ktab
