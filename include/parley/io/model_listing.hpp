#pragma once
// The registry as `parley models` shows it (and the docs' parameter tables are generated from):
// text, JSON, Markdown.

#include <nlohmann/json.hpp>
#include <string>

#include "parley/answer.hpp"
#include "parley/ensemble.hpp"
#include "parley/model.hpp"

namespace parley::io {

// A model's entry: name, summary, reference, and every parameter with its type, default and range.
[[nodiscard]] nlohmann::ordered_json model_json(const ModelInfo& info);
// The parameter table of docs/models/NAME.md (a test keeps the docs equal to this).
[[nodiscard]] std::string markdown_parameters(const ModelInfo& info);
// The model and its parameters as `-p MODEL.NAME=DEFAULT` lines.
[[nodiscard]] std::string text_listing(const ModelInfo& info);
// The ensemble is not a registered model: it combines them (docs/models/ensemble.md).
[[nodiscard]] std::string ensemble_listing(const Calibration& calibration);

}  // namespace parley::io
