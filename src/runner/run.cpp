#include "parley/run.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <iterator>
#include <thread>

#include "parley/calibrate.hpp"
#include "parley/errors.hpp"
#include "parley/problem.hpp"
#include "parley/registry.hpp"
#include "parley/timeline.hpp"

namespace parley {
namespace {

struct Assignment {
  std::string model;
  std::string name;
  std::string value;
};

Assignment parse_assignment(const std::string& text) {
  const auto equals = text.find('=');
  const auto dot = text.find('.');
  if (equals == std::string::npos || dot == std::string::npos || dot > equals || dot == 0 || dot + 1 == equals) {
    throw ConfigError(Subject::parameter, text, ": write a parameter as MODEL.NAME=VALUE, e.g. nash.utility=quadratic");
  }
  return {text.substr(0, dot), text.substr(dot + 1, equals - dot - 1), text.substr(equals + 1)};
}

// A variant's label: letters, digits, '_' and '-' (it names output rows and files' columns).
void check_label(const std::string& name, const std::string& label) {
  const bool ok = !label.empty() && std::all_of(label.begin(), label.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-';
  });
  if (!ok) {
    throw ConfigError(Subject::model, name,
                      ": write a variant as MODEL@LABEL, the label of letters, digits, '_' and '-' (e.g. "
                      "nash@conflict, with its parameters as nash@conflict.disagreement=conflict)");
  }
}

}  // namespace

std::vector<ModelSelection> select_models(const std::vector<std::string>& names,
                                          const std::vector<std::string>& assignments, std::size_t issue_count) {
  struct Chosen {
    const ModelInfo* info;
    std::string name;  // MODEL, or MODEL@LABEL for a second variant of one model
  };
  std::vector<Chosen> chosen;
  if (names.empty()) {
    for (const auto& info : model_registry()) {
      if (!info.needs_multiple_issues || issue_count >= 2) chosen.push_back({&info, info.name});
    }
  } else {
    for (const auto& name : names) {
      const std::size_t at = name.find('@');
      const ModelInfo& info = find_model(name.substr(0, at));
      if (at != std::string::npos) check_label(name, name.substr(at + 1));
      if (info.needs_multiple_issues && issue_count < 2) {
        throw ConfigError(fmt::format("model '{}' needs at least two issues; the scenario has {}", name, issue_count));
      }
      const bool repeated = std::any_of(chosen.begin(), chosen.end(), [&](const Chosen& c) { return c.name == name; });
      if (!repeated) chosen.push_back({&info, name});
    }
  }
  std::vector<Assignment> parsed;
  for (const auto& text : assignments) {
    parsed.push_back(parse_assignment(text));
    const std::string& model = parsed.back().model;
    if (std::none_of(chosen.begin(), chosen.end(), [&](const Chosen& c) { return c.name == model; })) {
      (void)find_model(model.substr(0, model.find('@')));  // an unknown model says so first
      throw ConfigError(Subject::parameter, text, fmt::format(": model '{}' is not selected", model),
                        {Subject::model, model});
    }
  }
  std::vector<ModelSelection> selections;
  for (const Chosen& c : chosen) {
    std::vector<std::pair<std::string, std::string>> own;
    for (const auto& assignment : parsed) {
      if (assignment.model == c.name) own.emplace_back(assignment.name, assignment.value);
    }
    selections.push_back({c.info, resolve_parameters(c.name, c.info->parameters, own), c.name});
  }
  return selections;
}

ModelPlan plan_models(const std::vector<std::string>& names, const std::vector<std::string>& assignments,
                      std::size_t issue_count, const Calibration& calibration) {
  ModelPlan plan;
  if (names.empty()) {
    plan.models = select_models(names, assignments, issue_count);
    try {
      (void)add_members(plan.models, calibration.rule, issue_count);
      plan.ensemble = true;
    } catch (const ConfigError& error) {
      plan.note = fmt::format("no headline forecast: {}", error.what());
    }
    return plan;
  }
  std::vector<std::string> rest;
  for (const auto& name : names) {
    if (name == kEnsembleName) {
      plan.ensemble = true;
    } else {
      rest.push_back(name);
    }
  }
  if (!plan.ensemble) {
    plan.models = select_models(names, assignments, issue_count);
    return plan;
  }
  if (!rest.empty()) {
    plan.models = select_models(rest, assignments, issue_count);
  } else if (!assignments.empty()) {
    throw ConfigError(Subject::parameter, assignments.front(), ": that model is not selected", {Subject::model, ""});
  }
  (void)add_members(plan.models, calibration.rule, issue_count);
  return plan;
}

RunPlan plan_run(const RunOptions& options, std::size_t issue_count, const Calibration& calibration) {
  // What the imported file sets applies to the models that run; the front end's own assignments follow
  // it, so that they override it.
  std::vector<std::string> assignments;
  if (!options.imported_parameters.empty()) {
    std::vector<std::string> named;  // the models named, without the ensemble
    std::copy_if(options.models.begin(), options.models.end(), std::back_inserter(named),
                 [](const std::string& name) { return name != kEnsembleName; });
    const bool ensemble_only = named.empty() && !options.models.empty();
    for (const auto& selection :
         ensemble_only ? std::vector<ModelSelection>{} : select_models(named, {}, issue_count)) {
      for (const auto& assignment : options.imported_parameters) {
        if (assignment.starts_with(selection.name + ".")) assignments.push_back(assignment);
      }
    }
  }
  assignments.insert(assignments.end(), options.parameters.begin(), options.parameters.end());
  ModelPlan models = plan_models(options.models, assignments, issue_count, calibration);
  RunPlan plan;
  plan.request.models = std::move(models.models);
  if (models.ensemble) plan.request.ensemble = calibration;
  plan.request.at = options.at;
  plan.request.seed = options.seed;
  plan.request.threads = options.threads;
  plan.note = std::move(models.note);
  return plan;
}

Date run_date(const Scenario& scenario, std::optional<Date> at) {
  const Date date = at.value_or(scenario.as_of);
  if (date < scenario.start_date()) {
    throw UsageError(Subject::date, date.to_string(),
                     fmt::format(" is before the scenario's start {}", scenario.start_date().to_string()));
  }
  return date;
}

RunResult run(const Scenario& scenario, const RunRequest& request, RunObserver& observer) {
  const Date at = run_date(scenario, request.at);
  RunResult result{at, request.seed, scenario_at(scenario, at), {}, {}, scenario.events};
  result.problem = make_problem(result.scenario);
  const RunContext context{request.seed, request.threads};
  for (const auto& selection : request.models) {
    observer.model_started(selection.name);
    const auto started = std::chrono::steady_clock::now();
    const auto model = selection.info->make(selection.parameters);
    ModelRun model_run{selection.name, selection.parameters, model->solve(result.problem, context), 0.0};
    model_run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    observer.model_finished(model_run);
    result.runs.push_back(std::move(model_run));
  }
  if (request.ensemble) {
    result.answer = make_answer(result.problem, result.runs, *request.ensemble, result.scenario.claims);
  }
  return result;
}

RunResult run(const Scenario& scenario, const RunRequest& request) {
  RunObserver silent;
  return run(scenario, request, silent);
}

}  // namespace parley
