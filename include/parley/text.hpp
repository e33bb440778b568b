#pragma once
// "Did you mean" hints for misspelt keys, model names and parameters.

#include <string>
#include <string_view>
#include <vector>

namespace parley {

// The closest candidate within a small edit distance, or "" when none is close.
[[nodiscard]] std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" or "" — ready to append to a message.
[[nodiscard]] std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

// "1 issue", "3 issues".
[[nodiscard]] std::string plural(std::size_t n, std::string_view noun);

// "a, b, c" for messages that list the valid choices.
[[nodiscard]] std::string join(const std::vector<std::string>& words, std::string_view separator = ", ");

// The wording of the problems every reader and check reports, in one place.

// "[0, 100]": a closed range, its ends as the shortest text that reads back to them.
[[nodiscard]] std::string range_text(double low, double high);
// "120 is outside [0, 100]"; `range` as range_text gives it, or another ("(0, 1]").
[[nodiscard]] std::string outside(double value, double low, double high);
[[nodiscard]] std::string outside(std::string_view value, std::string_view range);
// "inf is not a finite number"
[[nodiscard]] std::string not_finite(std::string_view value);
// "-0.1 is negative; a capability must be >= 0"
[[nodiscard]] std::string negative_capability(double value);
// "unknown key (did you mean 'name'?)"
[[nodiscard]] std::string unknown_key(std::string_view key, const std::vector<std::string>& allowed);

}  // namespace parley
