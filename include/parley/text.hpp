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

}  // namespace parley
