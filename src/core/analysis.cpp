#include "parley/analysis.hpp"

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
  return distribution == SalienceDistribution::beta ? "beta" : "normal";
}

}  // namespace parley
