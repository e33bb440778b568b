#include "parley/analysis.hpp"

#include "core/scenario_schema.hpp"

namespace parley {

bool Claim::holds(double forecast) const {
  switch (kind) {
    case ClaimKind::within:
      return forecast >= low && forecast <= high;
    case ClaimKind::above:
      return forecast > low;
    case ClaimKind::below:
      return forecast < high;
    case ClaimKind::exchange:
      return false;
  }
  return false;
}

bool Claim::bears_out(const std::vector<std::string>& key) const {
  if (kind != ClaimKind::exchange || actors.size() != 2 || issues.size() != 2 || key.size() != 4) return false;
  const auto same = [](const std::string& a, const std::string& b, const std::string& x, const std::string& y) {
    return (a == x && b == y) || (a == y && b == x);
  };
  return same(actors[0], actors[1], key[0], key[2]) && same(issues[0], issues[1], key[1], key[3]);
}

std::string Claim::subject() const {
  if (kind != ClaimKind::exchange) return issue;
  return issues.size() == 2 ? issues[0] + " x " + issues[1] : std::string{};
}

std::string Claim::trade_text() const {
  if (kind != ClaimKind::exchange || actors.size() != 2 || issues.size() != 2) return {};
  return actors[0] + " and " + actors[1] + " trade " + issues[0] + " for " + issues[1];
}

std::string_view to_string(ClaimKind kind) {
  switch (kind) {
    case ClaimKind::within:
      return "within";
    case ClaimKind::above:
      return "above";
    case ClaimKind::below:
      return "below";
    case ClaimKind::exchange:
      return "exchange";
  }
  return "within";
}

std::string_view to_string(SalienceDistribution distribution) {
  return enum_name(distribution);  // the schema's name table
}

}  // namespace parley
