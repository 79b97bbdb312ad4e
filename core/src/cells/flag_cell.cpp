// Yes/no cells: a short, fixed list of words in English and Chinese, compared after folding case,
// full-width letters and surrounding spaces.
#include <array>
#include <string_view>

#include "cells/cell_text.hpp"
#include "cells/cell_values.hpp"

namespace servimetrics {
namespace {

constexpr std::array<std::u32string_view, 13> kYes = {U"yes",
                                                      U"y",
                                                      U"true",
                                                      U"t",
                                                      U"1",
                                                      U"1.0",
                                                      U"\u662F" /*是*/,
                                                      U"\u6709" /*有*/,
                                                      U"\u5BF9" /*对*/,
                                                      U"\u5C0D" /*對*/,
                                                      U"\u221A" /*√*/,
                                                      U"\u2713" /*✓*/,
                                                      U"\u2714" /*✔*/};
constexpr std::array<std::u32string_view, 16> kNo = {U"no",
                                                     U"n",
                                                     U"false",
                                                     U"f",
                                                     U"0",
                                                     U"0.0",
                                                     U"\u5426" /*否*/,
                                                     U"\u65E0" /*无*/,
                                                     U"\u7121" /*無*/,
                                                     U"\u6CA1\u6709" /*没有*/,
                                                     U"\u6C92\u6709" /*沒有*/,
                                                     U"\u9519" /*错*/,
                                                     U"\u932F" /*錯*/,
                                                     U"\u00D7" /*×*/,
                                                     U"\u2717" /*✗*/,
                                                     U"\u2718" /*✘*/};

Error not_yes_no() {
  return Error{.message = "not a yes/no value", .code = "flag_not_yes_no"};
}

}  // namespace

Result<bool> parse_flag_cell(std::string_view cell) {
  const std::string_view text = cell_text::trim(cell);
  if (text.empty()) return Error{.message = "empty", .code = "cell_empty"};
  std::array<char32_t, 5> folded{};
  std::size_t length = 0;
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p != end) {
    if (length == folded.size()) return not_yes_no();
    const cell_text::Unit unit = cell_text::read_unit(p, end);
    folded[length++] = cell_text::ascii_lower(unit.code);
    p += unit.length;
  }
  const std::u32string_view word(folded.data(), length);
  for (const std::u32string_view yes : kYes) {
    if (word == yes) return true;
  }
  for (const std::u32string_view no : kNo) {
    if (word == no) return false;
  }
  return not_yes_no();
}

}  // namespace servimetrics
