// Tells a header line from a first row of data, by what its cells look like.
#include "import/header_detection.hpp"

#include "cells/cell_text.hpp"
#include "cells/cell_values.hpp"
#include "servimetrics/data_kinds.hpp"

namespace servimetrics {
namespace {

bool is_number_or_date(std::string_view cell) {
  cell = cell_text::trim(cell);
  if (cell.empty()) return false;
  if (parse_number_cell(cell).ok()) return true;
  const std::string_view samples[] = {cell};
  return detect_date_format(samples).ok();
}

// A cell that names a field: an alias of any kind's field.
bool names_a_field(std::string_view cell) {
  const std::string normalized = normalize_header(cell);
  if (normalized.empty()) return false;
  for (const KindSpec& kind : data_kinds()) {
    for (const FieldSpec& field : kind.fields) {
      for (const std::string_view alias : field.aliases) {
        if (alias == normalized) return true;
      }
    }
  }
  return false;
}

}  // namespace

bool first_row_is_data(std::span<const std::string_view> first,
                       std::span<const std::string_view> second, bool has_second) {
  std::size_t filled = 0;
  std::size_t typed = 0;
  for (std::size_t c = 0; c < first.size(); ++c) {
    if (names_a_field(first[c])) return false;
    const bool blank = cell_text::trim(first[c]).empty();
    const bool value = is_number_or_date(first[c]);
    filled += blank ? 0 : 1;
    typed += value ? 1 : 0;
    // A label above a value: the first row is a header.
    if (has_second && !blank && !value && c < second.size() && is_number_or_date(second[c])) {
      return false;
    }
  }
  if (typed == 0) return false;
  return has_second || typed * 2 >= filled;
}

}  // namespace servimetrics
