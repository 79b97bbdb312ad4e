// Reading the characters of a cell the way a person means them: full-width ASCII as ASCII, the
// many Unicode spaces as spaces, U+2212 as '-'. Shared by the number, date and flag readers.
#pragma once

#include <cstdint>
#include <string_view>

namespace servimetrics::cell_text {

// One character of a cell, folded, and the number of bytes it took.
struct Unit {
  char32_t code;
  int length;
};

inline constexpr char32_t kInvalid = 0xFFFD;

// Decodes the UTF-8 character at p (p < end) and folds it: U+FF01..U+FF5E (full-width ASCII) to
// ASCII, NBSP, U+2007, U+2009, U+202F and U+3000 to ' ', U+2212 to '-'. Malformed bytes read as
// one kInvalid character each, so a cell is never read past its end.
inline Unit read_unit(const char* p, const char* end) {
  const auto b0 = static_cast<unsigned char>(*p);
  if (b0 < 0x80) return {b0, 1};
  char32_t code = 0;
  int length = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    code = b0 & 0x1Fu;
    length = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    code = b0 & 0x0Fu;
    length = 3;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    code = b0 & 0x07u;
    length = 4;
  } else {
    return {kInvalid, 1};
  }
  if (end - p < length) return {kInvalid, 1};
  for (int i = 1; i < length; ++i) {
    const auto b = static_cast<unsigned char>(p[i]);
    if ((b & 0xC0u) != 0x80u) return {kInvalid, 1};
    code = (code << 6) | (b & 0x3Fu);
  }
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

// The cell without the spaces around it (every kind is_space() folds to).
inline std::string_view trim(std::string_view text) {
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

}  // namespace servimetrics::cell_text
