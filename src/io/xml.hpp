#pragma once
// A small XML reader for data files (KTAB scenarios): elements, their text and where they start.
// Attributes are skipped, comments, processing instructions, DOCTYPE and CDATA are understood,
// the five predefined entities and numeric character references are decoded. Not a validating
// parser, and no namespaces: an element's name is its qualified name as written.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace parley::io {

struct XmlElement {
  std::string name;
  std::string text;  // the character data directly inside the element, concatenated
  int line = 0;      // where its start tag begins (1-based)
  int column = 0;
  std::vector<std::unique_ptr<XmlElement>> children;

  // The first child of that name, or nullptr.
  [[nodiscard]] const XmlElement* child(std::string_view child_name) const;
  // Every child of that name, in document order.
  [[nodiscard]] std::vector<const XmlElement*> all(std::string_view child_name) const;
};

// Parses `text`; throws ScenarioError at the file, line and column of the first syntax error.
[[nodiscard]] std::unique_ptr<XmlElement> read_xml(std::string_view text, const std::string& file);

}  // namespace parley::io
