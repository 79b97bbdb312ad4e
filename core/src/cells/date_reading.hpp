// The date reader behind parse_date_cell and detect_date_format: it reports what went wrong as a
// code, not a message, so that trying every format on thousands of samples allocates nothing.
#pragma once

#include <string>
#include <string_view>

#include "cells/cell_values.hpp"

namespace servimetrics::date_reading {

enum class Problem : unsigned char {
  none,
  empty,
  format,         // the text does not have the shape of the order
  year,           // value = the year
  month,          // value = the month
  day,            // value = the day, with year and month
  hour,           // value = the hour
  meridiem_hour,  // value = the hour written with AM/PM
  minute,         // value = the minute
  second,         // value = the second
  offset,         // the time zone offset is impossible
  excel_zero,
  excel_leap_day,  // serial 60, Excel's 1900-02-29
};

// How a date was written, for the label shown to the user.
struct Shape {
  char32_t separator = 0;  // between the date parts: '-', '/', '.' (0 for cjk, compact, excel)
  bool padded = true;      // month and day written with two digits
  bool two_digit_year = false;
  bool time = false;
  bool seconds = false;
  bool meridiem = false;  // AM/PM or 上午/下午
  bool offset = false;    // 'Z' or +hh:mm
  // 民國 (ROC) dates only:
  bool era = false;     // written with 民國 before the year
  bool words = false;   // 年, 月, 日 between the parts, not a separator
  int year_digits = 0;  // as written: "113" has three
};

struct Reading {
  Problem problem = Problem::none;
  Timestamp time = 0;
  int value = 0;
  int year = 0;
  int month = 0;
  Shape shape;
};

// Fills a fresh Reading (filled in place: this runs once per cell).
void read(std::string_view cell, DateFormat::Order order, Reading& reading);
// The same, returned, for code that is not per cell.
inline Reading read(std::string_view cell, DateFormat::Order order) {
  Reading reading;
  read(cell, order, reading);
  return reading;
}

// The sentence for a failed reading, e.g. "no such day: February has 28 days in 2023".
std::string describe(const Reading& reading, const DateFormat& format);
// The same as an Error: that sentence, its code (date_no_such_day, ...) and the numbers it names.
Error describe_error(const Reading& reading, const DateFormat& format);

// The label of an order written in its most common way ("YYYY-MM-DD", "M/D/YYYY", ...).
std::string default_label(DateFormat::Order order);

}  // namespace servimetrics::date_reading
