#include "io/store_row.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <utility>
#include <limits>

namespace parley::io {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Reads `[` item (`,` item)* `]` (or `[]`) from text at `at`, calling item(at) for each item, which
// must advance `at` past it or return false. No white space: the store writes none.
template <typename Item>
bool read_array(std::string_view text, std::size_t& at, Item item) {
  if (at >= text.size() || text[at] != '[') return false;
  ++at;
  if (at < text.size() && text[at] == ']') {
    ++at;
    return true;
  }
  while (true) {
    if (!item(at)) return false;
    if (at >= text.size()) return false;
    if (text[at] == ']') {
      ++at;
      return true;
    }
    if (text[at] != ',') return false;
    ++at;
  }
}

}  // namespace

void encode_values(const std::vector<double>& values, std::string& text) {
  text.clear();
  text.push_back('[');
  for (std::size_t k = 0; k < values.size(); ++k) {
    if (k > 0) text.push_back(',');
    const double v = values[k];
    if (std::isnan(v)) {
      text += "null";
    } else if (std::isinf(v)) {
      text += v > 0.0 ? "1e999" : "-1e999";
    } else {
      fmt::format_to(std::back_inserter(text), "{}", v);
    }
  }
  text.push_back(']');
}

std::optional<std::vector<double>> decode_values(std::string_view text, std::size_t count) {
  std::vector<double> values;
  values.reserve(count);
  std::size_t at = 0;
  const bool ok = read_array(text, at, [&](std::size_t& from) {
    if (text.substr(from, 4) == "null") {
      values.push_back(std::numeric_limits<double>::quiet_NaN());
      from += 4;
      return true;
    }
    for (const auto& [word, infinity] : {std::pair{std::string_view("1e999"), kInfinity},
                                         std::pair{std::string_view("-1e999"), -kInfinity}}) {
      if (text.substr(from, word.size()) == word) {
        values.push_back(infinity);
        from += word.size();
        return true;
      }
    }
    double v = 0.0;
    const auto [end, error] = std::from_chars(text.data() + from, text.data() + text.size(), v);
    if (error != std::errc{}) return false;
    values.push_back(v);
    from = static_cast<std::size_t>(end - text.data());
    return true;
  });
  if (!ok || at != text.size() || values.size() != count) return std::nullopt;
  return values;
}

void encode_codes(const std::vector<std::vector<std::uint64_t>>& codes, std::string& text) {
  text.clear();
  text.push_back('[');
  for (std::size_t k = 0; k < codes.size(); ++k) {
    if (k > 0) text.push_back(',');
    text.push_back('[');
    for (std::size_t c = 0; c < codes[k].size(); ++c) {
      if (c > 0) text.push_back(',');
      fmt::format_to(std::back_inserter(text), "{}", codes[k][c]);
    }
    text.push_back(']');
  }
  text.push_back(']');
}

std::optional<std::vector<std::vector<std::uint64_t>>> decode_codes(std::string_view text, std::size_t count) {
  std::vector<std::vector<std::uint64_t>> codes;
  std::size_t at = 0;
  const bool ok = read_array(text, at, [&](std::size_t& from) {
    auto& list = codes.emplace_back();
    return read_array(text, from, [&](std::size_t& item) {
      std::uint64_t code = 0;
      const auto [end, error] = std::from_chars(text.data() + item, text.data() + text.size(), code);
      if (error != std::errc{}) return false;
      list.push_back(code);
      item = static_cast<std::size_t>(end - text.data());
      return true;
    });
  });
  if (!ok || at != text.size() || codes.size() != count) return std::nullopt;
  return codes;
}

std::int64_t row_checksum(std::uint64_t sample, std::string_view forecasts, std::string_view codes) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  const auto add = [&](unsigned char byte) {
    hash ^= byte;
    hash *= 0x100000001b3ULL;
  };
  for (int shift = 0; shift < 64; shift += 8) add(static_cast<unsigned char>(sample >> shift));
  for (const char c : forecasts) add(static_cast<unsigned char>(c));
  add(0);  // so that moving a byte from one text to the other changes the sum
  for (const char c : codes) add(static_cast<unsigned char>(c));
  std::int64_t value = 0;
  std::memcpy(&value, &hash, sizeof value);
  return value;
}

}  // namespace parley::io
