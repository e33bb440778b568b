// parley._parley: scenarios, models, importers and errors (compute.cpp: runs, Monte Carlo,
// sensitivity, backtests). docs/python.md is the user's guide.

#include <fmt/format.h>
#include <pybind11/stl.h>

#include <filesystem>
#include <optional>

#include "binding.hpp"
#include "parley/io/embedded.hpp"
#include "parley/io/files.hpp"
#include "parley/io/importers.hpp"
#include "parley/io/model_listing.hpp"
#include "parley/io/scenario_json.hpp"
#include "parley/io/scenario_yaml.hpp"
#include "parley/registry.hpp"
#include "parley/text.hpp"
#include "parley/version.hpp"

namespace parley::python {
namespace {

using Json = nlohmann::ordered_json;

std::string_view category(ExitCode code) {
  switch (code) {
    case ExitCode::usage:
      return "usage";
    case ExitCode::data:
      return "data";
    case ExitCode::no_input:
      return "no_input";
    case ExitCode::software:
      return "software";
    case ExitCode::cant_create:
      return "cant_create";
    case ExitCode::config:
      return "config";
    case ExitCode::interrupted:
      return "interrupted";
    case ExitCode::ok:
      break;
  }
  return "error";
}

std::string_view subject_name(Subject subject) {
  switch (subject) {
    case Subject::model:
      return "model";
    case Subject::parameter:
      return "parameter";
    case Subject::date:
      return "date";
    case Subject::resume:
      return "resume";
    case Subject::threads:
      return "threads";
    case Subject::none:
      break;
  }
  return "";
}

// The Python class an error becomes (parley/errors.py), most specific first.
std::string_view class_name(const Error& error) {
  if (dynamic_cast<const ScenarioError*>(&error) != nullptr) return "ScenarioError";
  if (dynamic_cast<const ConfigError*>(&error) != nullptr) return "ConfigError";
  if (dynamic_cast<const UsageError*>(&error) != nullptr) return "UsageError";
  if (dynamic_cast<const InputNotFoundError*>(&error) != nullptr) return "NotFoundError";
  if (dynamic_cast<const UnsolvableError*>(&error) != nullptr) return "UnsolvableError";
  if (dynamic_cast<const ModelError*>(&error) != nullptr) return "ModelError";
  if (dynamic_cast<const InterruptedError*>(&error) != nullptr) return "StoppedError";
  if (dynamic_cast<const OutputError*>(&error) != nullptr) return "OutputError";
  return "Error";
}

// Raises the Python exception of `error`: parley.errors builds it from every field, so that the
// package words it in its own arguments' names.
void raise(const Error& error) {
  Json fields{{"class", class_name(error)},
              {"message", error.what()},
              {"category", category(error.exit_code())},
              {"exit_code", static_cast<int>(error.exit_code())},
              {"subject", subject_name(error.subject())},
              {"value", error.value()},
              {"detail", error.detail()},
              {"context", error.context()},
              {"remedy_subject", subject_name(error.remedy().subject)},
              {"remedy_value", error.remedy().value},
              {"diagnostics", Json::array()}};
  if (const auto* scenario_error = dynamic_cast<const ScenarioError*>(&error)) {
    fields["diagnostics"] = diagnostics_json(scenario_error->diagnostics());
  }
  try {
    const py::object exception = py::module_::import("parley.errors").attr("_from_native")(json_text(fields));
    PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(exception.ptr())), exception.ptr());
  } catch (py::error_already_set& failure) {
    failure.restore();
  }
}

// A file's text as a Python str; a file that is not UTF-8 raises the reader's located error.
py::str python_text(const std::string& text, const std::string& file) {
  PyObject* decoded = PyUnicode_DecodeUTF8(text.data(), static_cast<Py_ssize_t>(text.size()), "strict");
  if (decoded == nullptr) {
    PyErr_Clear();
    (void)io::read_scenario_yaml(text, file, {});  // throws ScenarioError at the first byte that is not UTF-8
    throw ScenarioError(diagnostic_at(file, 0, 0, "", "the file is not UTF-8 text"));
  }
  return py::reinterpret_steal<py::str>(decoded);
}

// Where a scenario named on the command line comes from: a file (`-` for standard input) or an
// embedded scenario, as `parley run NAME_OR_PATH` finds it.
py::dict locate(const std::string& name_or_path) {
  std::error_code error;
  const bool stream = name_or_path == "-" || std::filesystem::is_fifo(name_or_path, error);
  py::dict found;
  if (stream || std::filesystem::is_regular_file(name_or_path, error)) {
    const std::string name = io::input_name(name_or_path);
    found["text"] = python_text(io::read_input_text(name_or_path), name);
    found["file"] = name;
    found["origin"] = name;
    found["embedded"] = false;
    return found;
  }
  if (const auto* embedded = io::find_embedded(name_or_path)) {
    found["text"] = std::string(embedded->text);
    found["file"] = std::string(embedded->name) + ".yaml";
    found["origin"] = std::string(embedded->name);
    found["embedded"] = true;
    return found;
  }
  if (std::filesystem::exists(name_or_path, error)) (void)io::read_input_text(name_or_path);  // says what it is
  std::vector<std::string> names;
  for (const auto& scenario : io::embedded_scenarios()) names.emplace_back(scenario.name);
  throw InputNotFoundError(fmt::format("{}: no such file, and no embedded scenario of that name{} (embedded: {})",
                                       name_or_path, did_you_mean(name_or_path, names), join(names)));
}

// {"data": the scenario as its format holds it, "warnings": [...]}. Throws ScenarioError.
std::string read_scenario(const std::string& text, const std::string& file, bool strict) {
  const io::LoadedScenario loaded = io::read_scenario_yaml(text, file, {.strict = strict});
  return json_text(Json{{"data", io::scenario_data(loaded.scenario)}, {"warnings", diagnostics_json(loaded.warnings)}});
}

std::string scenario_yaml(const std::string& text, const std::string& file) {
  return io::write_scenario_yaml(io::read_scenario_yaml(text, file, {}).scenario);
}

std::string models() {
  Json list = Json::array();
  for (const auto& info : model_registry()) list.push_back(io::model_json(info));
  return json_text(list);
}

std::string import_formats() {
  Json list = Json::array();
  for (const auto& format : io::import_formats()) {
    list.push_back({{"name", format.name}, {"summary", format.summary}, {"many", format.many}});
  }
  return json_text(list);
}

// ([{"name", "data", "parameters", "seed"}, ...], the file's bytes): every scenario the file holds, and
// what a run's manifest hashes.
py::tuple import_file(const std::string& format_name, const std::string& path) {
  const io::ImportFormat& format = io::find_import_format(format_name);
  const std::string text = io::read_input_text(path);
  Json list = Json::array();
  for (const auto& imported : io::import_text(format, text, io::input_name(path))) {
    list.push_back({{"name", imported.name},
                    {"data", io::scenario_data(imported.scenario)},
                    {"parameters", imported.parameters},
                    {"seed", imported.seed ? Json(*imported.seed) : Json(nullptr)}});
  }
  return py::make_tuple(json_text(list), py::bytes(text));
}

}  // namespace

Json diagnostics_json(const std::vector<Diagnostic>& diagnostics) {
  Json list = Json::array();
  for (const auto& diagnostic : diagnostics) {
    list.push_back({{"file", diagnostic.location.file},
                    {"line", diagnostic.location.line},
                    {"column", diagnostic.location.column},
                    {"path", diagnostic.path},
                    {"message", diagnostic.message}});
  }
  return list;
}

}  // namespace parley::python

PYBIND11_MODULE(_parley, module) {
  namespace python = parley::python;
  module.doc() = "parley's engine; use the package `parley`, which wraps this module.";
  // pybind11 takes a translator of this signature only.
  pybind11::register_exception_translator(
      [](std::exception_ptr pointer) {  // NOLINT(performance-unnecessary-value-param)
        try {
          if (pointer) std::rethrow_exception(pointer);
        } catch (const parley::Error& error) {
          python::raise(error);
        }
      });
  module.def("version", [] { return std::string(parley::kVersion); });
  module.def("commit", [] { return std::string(parley::kCommit); });
  module.def("scenario_names", [] {
    std::vector<std::string> names;
    for (const auto& scenario : parley::io::embedded_scenarios()) names.emplace_back(scenario.name);
    return names;
  });
  module.def("default_scenario", [] { return std::string(parley::io::kDefaultScenario); });
  module.def("locate", &python::locate, pybind11::arg("name_or_path"));
  module.def("read_scenario", &python::read_scenario, pybind11::arg("text"), pybind11::arg("file"),
             pybind11::arg("strict"));
  module.def("scenario_yaml", &python::scenario_yaml, pybind11::arg("text"), pybind11::arg("file"));
  module.def("models", &python::models);
  module.def("import_formats", &python::import_formats);
  module.def("import_file", &python::import_file, pybind11::arg("format"), pybind11::arg("path"));
  python::define_compute(module);
}
