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

  auto operator<=>(const Date&) const = default;

  // Parses exactly `YYYY-MM-DD` and checks that the day exists (leap years included).
  [[nodiscard]] static std::optional<Date> parse(std::string_view text);
  [[nodiscard]] std::string to_string() const;
};

}  // namespace parley
