#pragma once
// Validation of a scenario's uncertainty block and claims. Part of validate(): the checker hands
// over its ways of reporting, so that messages and locations are those of every other check.

#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "parley/scenario.hpp"

namespace parley {

struct AnalysisHooks {
  std::function<void(const std::string& path, std::string message)> error;
  std::function<void(const std::string& path, double value, double low, double high)> in_range;
  std::function<void(const std::string& path, const std::string& id, std::set<std::string>& seen,
                     std::string_view what)>
      check_id;
  std::function<void(const std::string& path, const std::vector<SourceRef>& sources)> sources_cited;
};

void check_uncertainty_block(const Scenario& scenario, const AnalysisHooks& hooks);
void check_claim_list(const Scenario& scenario, const AnalysisHooks& hooks);

}  // namespace parley
