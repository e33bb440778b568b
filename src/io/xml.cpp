#include "io/xml.hpp"

#include <fmt/format.h>

#include <charconv>

#include "parley/errors.hpp"

namespace parley::io {

const XmlElement* XmlElement::child(std::string_view child_name) const {
  for (const auto& element : children) {
    if (element->name == child_name) return element.get();
  }
  return nullptr;
}

std::vector<const XmlElement*> XmlElement::all(std::string_view child_name) const {
  std::vector<const XmlElement*> found;
  for (const auto& element : children) {
    if (element->name == child_name) found.push_back(element.get());
  }
  return found;
}

namespace {

bool name_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) != 0 || c == '_' || c == '-' || c == '.' || c == ':' || u >= 0x80;
}

bool space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

class XmlReader {
 public:
  static constexpr int kMaxDepth = 256;

  XmlReader(std::string_view text, std::string file) : text_(text), file_(std::move(file)) {
    if (text_.starts_with("\xEF\xBB\xBF")) advance(3);
  }

  std::unique_ptr<XmlElement> read() {
    skip_misc();
    if (at_end()) fail("the file has no XML element");
    if (peek() != '<') fail(fmt::format("expected '<' to start the document's element, found '{}'", peek()));
    auto root = element();
    skip_misc();
    if (!at_end()) fail("text after the document's element");
    return root;
  }

 private:
  [[nodiscard]] bool at_end() const { return pos_ >= text_.size(); }
  [[nodiscard]] char peek() const { return text_[pos_]; }
  [[nodiscard]] bool looking_at(std::string_view s) const { return text_.substr(pos_).starts_with(s); }

  void advance(std::size_t count = 1) {
    for (std::size_t i = 0; i < count && pos_ < text_.size(); ++i) {
      if (text_[pos_] == '\n') {
        ++line_;
        column_ = 1;
      } else if ((static_cast<unsigned char>(text_[pos_]) & 0xC0U) != 0x80U) {
        ++column_;  // count characters, not UTF-8 continuation bytes
      }
      ++pos_;
    }
  }

  [[noreturn]] void fail(std::string message) const { fail_at(line_, column_, std::move(message)); }
  [[noreturn]] void fail_at(int line, int column, std::string message) const {
    throw ScenarioError(diagnostic_at(file_, line, column, "", std::move(message)));
  }

  void skip_until(std::string_view end, std::string_view what) {
    const int line = line_;
    const int column = column_;
    while (!at_end() && !looking_at(end)) advance();
    if (at_end()) fail_at(line, column, fmt::format("{} is never closed (no '{}')", what, end));
    advance(end.size());
  }

  // Whitespace, comments, processing instructions and a DOCTYPE outside elements.
  void skip_misc() {
    while (!at_end()) {
      if (space(peek())) {
        advance();
      } else if (looking_at("<!--")) {
        skip_until("-->", "a comment");
      } else if (looking_at("<?")) {
        skip_until("?>", "a processing instruction");
      } else if (looking_at("<!DOCTYPE")) {
        skip_until(">", "a DOCTYPE");
      } else {
        return;
      }
    }
  }

  std::string name() {
    const std::size_t start = pos_;
    while (!at_end() && name_char(peek())) advance();
    if (pos_ == start) fail("expected an element name");
    return std::string(text_.substr(start, pos_ - start));
  }

  void entity(std::string& out) {
    const int line = line_;
    const int column = column_;
    const std::size_t end = text_.find(';', pos_);
    if (end == std::string_view::npos || end - pos_ > 12) fail("'&' does not start an entity (write &amp;)");
    const std::string_view body = text_.substr(pos_ + 1, end - pos_ - 1);
    advance(end - pos_ + 1);
    if (body == "lt")
      out += '<';
    else if (body == "gt")
      out += '>';
    else if (body == "amp")
      out += '&';
    else if (body == "quot")
      out += '"';
    else if (body == "apos")
      out += '\'';
    else if (body.starts_with('#')) {
      const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
      const std::string_view digits = body.substr(hex ? 2 : 1);
      unsigned code = 0;
      const auto [ptr, error] = std::from_chars(digits.data(), digits.data() + digits.size(), code, hex ? 16 : 10);
      if (digits.empty() || error != std::errc{} || ptr != digits.data() + digits.size() || code > 0x10FFFF) {
        fail_at(line, column, fmt::format("'&{};' is not a character reference", body));
      }
      if (code == 0 || (code >= 0xD800 && code <= 0xDFFF)) {  // NUL, or half of a UTF-16 pair: no character
        fail_at(line, column, fmt::format("'&{};' names no character (U+{:04X} cannot stand in a text)", body, code));
      }
      append_utf8(out, code);
    } else {
      fail_at(line, column, fmt::format("unknown entity '&{};'", body));
    }
  }

  static void append_utf8(std::string& out, unsigned code) {
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (code >> 18));
      out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }

  void skip_attributes() {
    while (true) {
      while (!at_end() && space(peek())) advance();
      if (at_end()) fail("a start tag is never closed");
      if (peek() == '>' || looking_at("/>")) return;
      name();
      while (!at_end() && space(peek())) advance();
      if (at_end() || peek() != '=') fail("expected '=' after an attribute name");
      advance();
      while (!at_end() && space(peek())) advance();
      if (at_end() || (peek() != '"' && peek() != '\'')) fail("expected a quoted attribute value");
      const char quote = peek();
      advance();
      while (!at_end() && peek() != quote) advance();
      if (at_end()) fail("an attribute value is never closed");
      advance();
    }
  }

  std::unique_ptr<XmlElement> element(int depth = 0) {
    if (depth > kMaxDepth) fail(fmt::format("elements nested more than {} deep", kMaxDepth));
    auto node = std::make_unique<XmlElement>();
    node->line = line_;
    node->column = column_;
    advance();  // '<'
    node->name = name();
    skip_attributes();
    if (looking_at("/>")) {
      advance(2);
      return node;
    }
    advance();  // '>'
    while (true) {
      if (at_end()) fail_at(node->line, node->column, fmt::format("<{}> is never closed", node->name));
      if (looking_at("</")) {
        const int line = line_;
        const int column = column_;
        advance(2);
        const std::string closing = name();
        while (!at_end() && space(peek())) advance();
        if (at_end() || peek() != '>') fail("expected '>' to end the end tag");
        advance();
        if (closing != node->name) {
          fail_at(line, column,
                  fmt::format("</{}> closes <{}> (opened at line {}, column {})", closing, node->name, node->line,
                              node->column));
        }
        return node;
      }
      if (looking_at("<!--")) {
        skip_until("-->", "a comment");
      } else if (looking_at("<![CDATA[")) {
        advance(9);
        const std::size_t start = pos_;
        skip_until("]]>", "a CDATA section");
        node->text += text_.substr(start, pos_ - 3 - start);
      } else if (looking_at("<?")) {
        skip_until("?>", "a processing instruction");
      } else if (peek() == '<') {
        node->children.push_back(element(depth + 1));
      } else if (peek() == '&') {
        entity(node->text);
      } else {
        node->text += peek();
        advance();
      }
    }
  }

  std::string_view text_;
  std::string file_;
  std::size_t pos_ = 0;
  int line_ = 1;
  int column_ = 1;
};

}  // namespace

std::unique_ptr<XmlElement> read_xml(std::string_view text, const std::string& file) {
  return XmlReader(text, file).read();
}

}  // namespace parley::io
