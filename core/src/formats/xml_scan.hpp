// A small forward-only XML tag scanner for the parts of .xlsx files: it walks the text in place,
// yielding tags with their raw attribute text, and leaves text decoding to the caller. It is not a
// validating parser; it only has to read what spreadsheet programs write.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "base/utf8.hpp"

namespace servimetrics::xml {

enum class TagKind { kOpen, kClose, kEmpty };

struct Tag {
  TagKind kind = TagKind::kOpen;
  std::string_view name;        // local name, any namespace prefix removed
  std::string_view attributes;  // raw text between the name and '>' (or '/>')
};

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  // Moves past the next element tag, skipping comments, processing instructions, declarations
  // and CDATA sections. False at the end of the text, or when a tag is never closed (malformed()).
  bool next(Tag& tag);

  // The character data from here to the next markup, undecoded, when nothing but a closing or
  // opening tag follows it. False when a CDATA section or comment comes first: use append_text.
  bool plain_text(std::string_view& text);

  // Appends the decoded character data from here to the next tag, CDATA sections included.
  void append_text(std::string& out);

  [[nodiscard]] bool malformed() const { return malformed_; }

  // The unread text, and a way past a part of it the caller recognised by itself.
  [[nodiscard]] std::string_view rest() const { return text_.substr(pos_); }
  void skip(std::size_t count) { pos_ += count; }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  bool malformed_ = false;
};

// Where the next '<' is at or after `from` (text.size() when none). Spans between tags are
// mostly a few bytes, where a plain loop beats a call to memchr.
inline std::size_t find_markup(std::string_view text, std::size_t from) {
  const std::size_t stop = from + 16 < text.size() ? from + 16 : text.size();
  for (std::size_t i = from; i < stop; ++i) {
    if (text[i] == '<') return i;
  }
  if (stop == text.size()) return stop;
  const std::size_t found = text.find('<', stop);
  return found == std::string_view::npos ? text.size() : found;
}

// Calls f(local_name, raw_value) for each attribute; namespace declarations are skipped.
// Stops early when f returns false.
template <class F>
void for_each_attribute(std::string_view attributes, F&& f) {
  std::size_t i = 0;
  const std::size_t n = attributes.size();
  while (i < n) {
    while (i < n && (attributes[i] == ' ' || attributes[i] == '\t' || attributes[i] == '\n' ||
                     attributes[i] == '\r')) {
      ++i;
    }
    const std::size_t name_start = i;
    while (i < n && attributes[i] != '=' && attributes[i] != ' ' && attributes[i] != '\t' &&
           attributes[i] != '\n' && attributes[i] != '\r') {
      ++i;
    }
    std::string_view name = attributes.substr(name_start, i - name_start);
    while (i < n && attributes[i] != '=') ++i;
    ++i;
    while (i < n && attributes[i] != '"' && attributes[i] != '\'') ++i;
    if (i >= n) return;
    const char quote = attributes[i];
    const std::size_t value_start = ++i;
    while (i < n && attributes[i] != quote) ++i;
    const std::string_view value = attributes.substr(value_start, i - value_start);
    ++i;
    if (name.substr(0, 5) == "xmlns") continue;
    const std::size_t colon = name.rfind(':');
    if (colon != std::string_view::npos) name.remove_prefix(colon + 1);
    if (!f(name, value)) return;
  }
}

// The raw value of the attribute with that local name; `found` tells whether it exists.
std::string_view attribute(std::string_view attributes, std::string_view local_name,
                           bool* found = nullptr);

// True when the text holds entity references or _xHHHH_ escapes that need decoding.
bool needs_decoding(std::string_view raw);

// Appends `raw` with XML entity and character references decoded (&amp; &lt; &gt; &quot; &apos;
// &#NNN; &#xHH;). An unknown or malformed reference is kept as written.
void append_unescaped(std::string& out, std::string_view raw);

// Decodes in place, from `from` on, the _xHHHH_ escapes Office writes for characters XML cannot
// carry (ECMA-376 ST_Xstring: _x000D_ is a carriage return, _x005F_ an underscore).
void decode_office_escapes(std::string& text, std::size_t from);

// Appends the UTF-8 encoding of a code point (base/utf8.hpp).
inline void append_utf8(std::string& out, char32_t code_point) {
  utf8::append(out, code_point);
}

}  // namespace servimetrics::xml
