#include "parley/date.hpp"

#include <fmt/format.h>

#include <charconv>

namespace parley {
namespace {

bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

std::optional<int> digits(std::string_view text) {
  int value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::optional<Date> Date::parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto year = digits(text.substr(0, 4));
  const auto month = digits(text.substr(5, 2));
  const auto day = digits(text.substr(8, 2));
  if (!year || !month || !day) return std::nullopt;
  if (*month < 1 || *month > 12) return std::nullopt;
  if (*day < 1 || *day > days_in_month(*year, *month)) return std::nullopt;
  return Date{*year, *month, *day};
}

std::string Date::explain_invalid(std::string_view text) {
  constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                     "July",    "August",   "September", "October", "November", "December"};
  const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' && digits(text.substr(0, 4)) &&
                      digits(text.substr(5, 2)) && digits(text.substr(8, 2));
  if (!shaped) return "write YYYY-MM-DD";
  const int year = *digits(text.substr(0, 4));
  const int month = *digits(text.substr(5, 2));
  if (month < 1 || month > 12) return fmt::format("there is no month {}", month);
  return fmt::format("{} {} has {} days", kMonths[month - 1], year, days_in_month(year, month));
}

std::string Date::to_string() const {
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

}  // namespace parley
