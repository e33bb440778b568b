// KTAB's XML layout (spec §11.2), accepting what KTAB's schema allows where its reader is stricter.

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "io/ktab_data.hpp"
#include "io/xml.hpp"

namespace parley::io::ktab {
namespace {

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
    if (!std::isfinite(*value)) {
      errors_.add(where(element), key,
                  fmt::format("<{}> '{}' is too large: not a finite number", element.name, element.text));
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
    for (const auto& name : enum_parameter_names()) {
      const XmlElement* element = required(*parameters, name, "ModelParameters." + name);
      const auto value = canonical_value(name, element->text);
      if (!value) {
        std::string choices;
        for (const auto& v : parameter_values(name)) choices += (choices.empty() ? "" : ", ") + v;
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

}  // namespace

KtabScenario read_xml_scenario(std::string_view text, const std::string& file) {
  return XmlScenarioReader(text, file).read();
}

}  // namespace parley::io::ktab
