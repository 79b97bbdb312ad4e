// ASCII digits written as full-width ones ("１２"): the same value, read by the cell readers'
// general path instead of their ASCII fast paths, so tests can check that the fast paths change
// nothing.
#pragma once

#include <string>
#include <string_view>

namespace servimetrics::testing {

inline std::string full_width_digits(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c >= '0' && c <= '9') {
      out += "\xEF\xBC";
      out += static_cast<char>(0x90 + (c - '0'));
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace servimetrics::testing
