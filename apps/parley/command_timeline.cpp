// `parley timeline SCENARIO`: the events in the order they apply, with effects and sources.

#include <fmt/format.h>

#include <iostream>

#include "cli_common.hpp"
#include "parley/timeline.hpp"

namespace parley::cli {
namespace {

std::string describe(const Effect& effect) {
  std::string text = effect.actor;
  if (effect.issue) text += effect.actor.empty() ? *effect.issue : " on " + *effect.issue;
  if (effect.toward) text += " toward " + *effect.toward;
  const auto change = [&](std::string_view what, const std::optional<Change>& value) {
    if (value) text += fmt::format(": {} {} {}", what, to_string(value->operation), value->value);
  };
  change("position", effect.position);
  change("salience", effect.salience);
  change("capability", effect.capability);
  if (effect.presence) text += effect.presence == Presence::enter ? ": enters the system" : ": leaves the system";
  change("status quo", effect.status_quo);
  change("affinity", effect.affinity);
  return text;
}

std::string sources_text(const std::vector<SourceRef>& sources) {
  std::string text;
  for (const auto& ref : sources) text += (text.empty() ? "" : ", ") + ref.to_string();
  return text.empty() ? "unsourced" : text;
}

class TimelineCommand final : public Command {
 public:
  explicit TimelineCommand(CLI::App& parent) {
    app_ = parent.add_subcommand("timeline", "List a scenario's events in order, with their effects and sources");
    app_->add_option("scenario", scenario_, "Scenario file, or the name of an embedded scenario")->required();
  }

  [[nodiscard]] CLI::App* app() const override { return app_; }

  int execute() override {
    const Input input = load_input(scenario_, false);
    print_warnings(input.loaded.warnings, WarningStyle::summary, fmt::format("`parley validate {}`", scenario_));
    const Scenario& scenario = input.loaded.scenario;
    std::cout << fmt::format("{}\nstances describe {}; runs default to as_of {}\n", scenario.title,
                             scenario.start_date().to_string(), scenario.as_of.to_string());
    for (const Event* event : events_in_order(scenario)) {
      const std::string later = event->date > scenario.as_of ? "  (after as_of)" : "";
      std::cout << fmt::format("\n{}{}  {}{}\n", event->date.to_string(), event->approximate ? " (approx.)" : "",
                               event->title, later);
      if (!event->description.empty()) std::cout << "    " << event->description << '\n';
      for (const auto& effect : event->effects) std::cout << "    - " << describe(effect) << '\n';
      std::cout << "    sources: " << sources_text(event->sources) << '\n';
    }
    return 0;
  }

 private:
  CLI::App* app_ = nullptr;
  std::string scenario_;
};

}  // namespace

std::unique_ptr<Command> make_timeline_command(CLI::App& parent) {
  return std::make_unique<TimelineCommand>(parent);
}

}  // namespace parley::cli
