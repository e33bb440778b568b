#include "parley/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace parley {
namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitution});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  const std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
  std::string best;
  std::size_t best_distance = limit + 1;
  for (const auto& candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance && distance < word.size()) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const std::string match = closest_match(word, candidates);
  return match.empty() ? std::string{} : " (did you mean '" + match + "'?)";
}

std::string join(const std::vector<std::string>& words, std::string_view separator) {
  std::string text;
  for (const auto& word : words) {
    if (!text.empty()) text += separator;
    text += word;
  }
  return text;
}

std::string plural(std::size_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

namespace {

// A limit as people write it: 100 and 0.5 as they are, 1e12 rather than 1000000000000.
std::string limit_text(double value) {
  return std::fabs(value) >= 1e9 ? fmt::format("{:g}", value) : fmt::format("{}", value);
}

}  // namespace

std::string range_text(double low, double high) {
  return fmt::format("[{}, {}]", limit_text(low), limit_text(high));
}

std::string outside(double value, double low, double high) {
  return outside(fmt::format("{}", value), range_text(low, high));
}

std::string outside(std::string_view value, std::string_view range) {
  return fmt::format("{} is outside {}", value, range);
}

std::string not_finite(std::string_view value) {
  return fmt::format("{} is not a finite number", value);
}

std::string negative_capability(double value) {
  return fmt::format("{} is negative; a capability must be >= 0", value);
}

std::string unknown_key(std::string_view key, const std::vector<std::string>& allowed) {
  return "unknown key" + did_you_mean(key, allowed);
}

}  // namespace parley
