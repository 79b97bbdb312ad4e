// libFuzzer target for the cell readers (cell_values.hpp, number_parser.hpp): numbers in both
// decimal styles, dates in every order, yes/no flags, and the per-column detection of number style
// and date format. The input is a column: one cell per line.
#include <array>
#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/number_parser.hpp"
#include "cells/calendar.hpp"
#include "cells/cell_values.hpp"
#include "fuzz_chunks.hpp"

namespace {

using servimetrics::DateFormat;
using Order = servimetrics::DateFormat::Order;

constexpr std::array<Order, 8> kOrders = {Order::iso,          Order::ymd, Order::mdy,
                                          Order::dmy,          Order::cjk, Order::compact,
                                          Order::excel_serial, Order::roc};

// A date the reader accepted lies in its documented years (1900 to 2200, a day more either way
// for a time-zone offset) and prints.
void check_time(servimetrics::Timestamp time) {
  const servimetrics::CivilDate date = servimetrics::civil_from_timestamp(time);
  if (date.year < 1899 || date.year > 2201) __builtin_trap();
  if (servimetrics::format_date_time(time).size() != 19) __builtin_trap();
}

bool plain_ascii_decimal(std::string_view cell) {
  if (cell.empty()) return false;
  for (const char c : cell) {
    if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* bytes, std::size_t size) {
  const std::string_view data = servimetrics::fuzz::as_text(bytes, size);
  std::vector<std::string_view> cells;
  for (std::size_t start = 0; start <= data.size() && cells.size() < 6000;) {
    const std::size_t end = std::min(data.find('\n', start), data.size());
    cells.push_back(data.substr(start, end - start));
    start = end + 1;
  }

  for (const std::string_view cell : cells) {
    const auto decimal = servimetrics::parse_decimal(cell);
    if (decimal && !std::isfinite(*decimal)) __builtin_trap();
    for (const char mark : {'.', ','}) {
      const auto number = servimetrics::parse_number_cell(cell, {mark});
      if (number.ok() && !std::isfinite(number.value())) __builtin_trap();
      if (!number.ok() && number.error().message.empty()) __builtin_trap();
      // The cell reader hands plain decimals to parse_decimal: both agree.
      if (mark == '.' && decimal && plain_ascii_decimal(cell) && number.ok() &&
          number.value() != *decimal) {
        __builtin_trap();
      }
    }
    const auto flag = servimetrics::parse_flag_cell(cell);
    if (!flag.ok() && flag.error().message.empty()) __builtin_trap();
    for (const Order order : kOrders) {
      const auto time = servimetrics::parse_date_cell(cell, DateFormat{order, "?"});
      if (time.ok()) {
        check_time(time.value());
      } else if (time.error().message.empty()) {
        __builtin_trap();
      }
    }
  }

  servimetrics::detect_number_style(cells);
  const auto detected = servimetrics::detect_date_format(cells);
  if (!detected.ok()) {
    if (detected.error().message.empty()) __builtin_trap();
    return 0;
  }
  const DateFormat& format = detected.value().format;
  if (format.label.empty()) __builtin_trap();
  // The chosen format reads the column: at least one of its cells.
  std::size_t read = 0;
  for (const std::string_view cell : cells) {
    const auto time = servimetrics::parse_date_cell(cell, format);
    if (time.ok()) {
      check_time(time.value());
      ++read;
    }
  }
  if (read == 0) __builtin_trap();
  return 0;
}
