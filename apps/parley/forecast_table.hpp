#pragma once
// The readable forecast table `parley run` prints: per issue the question, the poles, the status
// quo and each model's forecast on a small number line.

#include <string>

#include "parley/run.hpp"

namespace parley::cli {

[[nodiscard]] std::string forecast_table(const RunResult& result);

}  // namespace parley::cli
