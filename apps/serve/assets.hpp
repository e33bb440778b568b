#pragma once
// The workbench's page, built by npm from web/ and compiled into the binary (cmake/embed_assets.cmake):
// nothing is read from disk or fetched at run time.

#include <string_view>
#include <vector>

namespace parley::serve {

struct Asset {
  std::string_view name;  // e.g. "index.html", "app.js"
  std::string_view bytes;
};

[[nodiscard]] const std::vector<Asset>& web_assets();

// The asset of exactly this name; null for any other (so no request reaches a file).
[[nodiscard]] const Asset* find_asset(std::string_view name);

// Its Content-Type, from the name's extension.
[[nodiscard]] const char* content_type(std::string_view name);

}  // namespace parley::serve
