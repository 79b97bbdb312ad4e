// Reading the characters of a cell the way a person means them: full-width ASCII as ASCII, the
// many Unicode spaces as spaces, U+2212 as '-'. Shared by the number, date and flag readers.
#pragma once

#include <cstdint>
#include <string_view>

#include "base/utf8.hpp"

namespace servimetrics::cell_text {

// One character of a cell, folded, and the number of bytes it took.
struct Unit {
  char32_t code;
  int length;
};

inline constexpr char32_t kInvalid = utf8::kReplacement;

// Decodes the UTF-8 character at p (p < end) and folds it: U+FF01..U+FF5E (full-width ASCII) to
// ASCII, NBSP, U+2007, U+2009, U+202F and U+3000 to ' ', U+2212 to '-'. Malformed bytes read as
// one kInvalid character each (base/utf8.hpp), so a cell is never read past its end.
inline Unit read_unit(const char* p, const char* end) {
  const auto b0 = static_cast<unsigned char>(*p);
  if (b0 < 0x80) return {b0, 1};
  const auto [code, length] = utf8::read(p, end);
  if (code >= 0xFF01 && code <= 0xFF5E) return {code - 0xFEE0, length};
  switch (code) {
    case 0x00A0:
    case 0x2007:
    case 0x2009:
    case 0x202F:
    case 0x3000:
      return {U' ', length};
    case 0x2212:
      return {U'-', length};
    default:
      return {code, length};
  }
}

inline bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\r' || c == U'\n';
}
inline bool is_digit(char32_t c) {
  return c >= U'0' && c <= U'9';
}
inline char32_t ascii_lower(char32_t c) {
  return c >= U'A' && c <= U'Z' ? c + 32 : c;
}

// trim() of a cell that may begin or end with a space.
inline std::string_view trim_spaces(std::string_view text) {
  auto is_trailing_space = [](std::string_view t, std::size_t& length) {
    const auto last = static_cast<unsigned char>(t.back());
    if (last == ' ' || last == '\t' || last == '\r' || last == '\n') {
      length = 1;
      return true;
    }
    if (last < 0x80) return false;
    for (const std::string_view space :
         {std::string_view("\xC2\xA0"), std::string_view("\xE3\x80\x80"),
          std::string_view("\xE2\x80\xAF"), std::string_view("\xE2\x80\x89"),
          std::string_view("\xE2\x80\x87")}) {
      if (t.ends_with(space)) {
        length = space.size();
        return true;
      }
    }
    return false;
  };
  while (!text.empty()) {
    const auto first = static_cast<unsigned char>(text.front());
    if (first < 0x80) {
      if (first != ' ' && first != '\t' && first != '\r' && first != '\n') break;
      text.remove_prefix(1);
      continue;
    }
    const Unit unit = read_unit(text.data(), text.data() + text.size());
    if (unit.code != U' ') break;
    text.remove_prefix(static_cast<std::size_t>(unit.length));
  }
  std::size_t length = 0;
  while (!text.empty() && is_trailing_space(text, length)) text.remove_suffix(length);
  return text;
}

// The cell without the spaces around it (every kind is_space() folds to). Most cells begin and
// end with a printable ASCII byte: nothing to trim, decided in two reads, small enough to inline.
inline std::string_view trim(std::string_view text) {
  if (!text.empty()) {
    const auto first = static_cast<unsigned char>(text.front());
    const auto last = static_cast<unsigned char>(text.back());
    if (first > ' ' && first < 0x80 && last > ' ' && last < 0x80) return text;
  }
  return trim_spaces(text);
}

}  // namespace servimetrics::cell_text
