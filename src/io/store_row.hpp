#pragma once
// One sample as the run store keeps it (layout 3): a row of `samples` with its forecasts and its
// indicators' codes as JSON text, and a checksum of the row. One row a sample, instead of one a
// forecast, makes a batch's transaction about 20 times cheaper; the JSON keeps the store readable
// from SQL (json_each); the checksum finds a row damaged on disk or edited by hand.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::io {

// "[v0,v1,null,...]": each value in the shortest text that reads back to the same double; NaN (no
// forecast) as null, ±infinity as ±1e999 (SQLite reads it as ±Inf).
void encode_values(const std::vector<double>& values, std::string& text);
// The values of encode_values, or nothing when `text` is not such an array of `count` values.
[[nodiscard]] std::optional<std::vector<double>> decode_values(std::string_view text, std::size_t count);

// "[[c, ...], [...], ...]": one array of codes per indicator series.
void encode_codes(const std::vector<std::vector<std::uint64_t>>& codes, std::string& text);
// The codes of encode_codes, or nothing when `text` is not such an array of `count` arrays.
[[nodiscard]] std::optional<std::vector<std::vector<std::uint64_t>>> decode_codes(std::string_view text,
                                                                                 std::size_t count);

// FNV-1a (64 bits) of the sample number and both texts, as SQLite's signed integer.
[[nodiscard]] std::int64_t row_checksum(std::uint64_t sample, std::string_view forecasts, std::string_view codes);

}  // namespace parley::io
