#pragma once
// A calendar date (proleptic Gregorian), as written in scenarios: YYYY-MM-DD.

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace parley {

struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  // clang-tidy 14 reads the defaulted comparison as a literal 0 (a false modernize-use-nullptr).
  auto operator<=>(const Date&) const = default;  // NOLINT(modernize-use-nullptr)

  // Parses exactly `YYYY-MM-DD` and checks that the day exists (leap years included).
  [[nodiscard]] static std::optional<Date> parse(std::string_view text);
  [[nodiscard]] std::string to_string() const;
  // Why `text` is not a date, for messages: "write YYYY-MM-DD", or "February 2023 has 28 days".
  [[nodiscard]] static std::string explain_invalid(std::string_view text);
};

}  // namespace parley
