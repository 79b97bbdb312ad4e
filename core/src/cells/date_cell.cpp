// Date cells read in place for one column format, checked against the calendar, and the civil
// calendar arithmetic (days from 1970-01-01 both ways) the analyzers share.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "cells/calendar.hpp"
#include "cells/cell_text.hpp"
#include "cells/cell_values.hpp"
#include "cells/date_reading.hpp"

namespace servimetrics {
namespace {

using cell_text::read_unit;
using cell_text::Unit;
using Order = DateFormat::Order;

constexpr int kFirstYear = 1900;
constexpr int kLastYear = 2200;
constexpr std::int64_t kSecondsPerDay = 86400;

// The last serial inside the supported years (excel_serial_day is the calendar of serials).
constexpr std::int64_t kLastExcelSerial =
    days_from_civil(kLastYear, 12, 31) - days_from_civil(1899, 12, 30);

// A cursor over the cell that reads digits (ASCII or full-width) and folded characters.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

  [[nodiscard]] bool at_end() const { return p_ == end_; }

  // The digit at the cursor, or -1; width is its length in bytes.
  [[nodiscard]] int digit(int& width) const {
    if (p_ == end_) return -1;
    const auto b0 = static_cast<unsigned char>(*p_);
    if (b0 >= '0' && b0 <= '9') {
      width = 1;
      return b0 - '0';
    }
    if (b0 == 0xEF && end_ - p_ >= 3 && static_cast<unsigned char>(p_[1]) == 0xBC) {
      const auto b2 = static_cast<unsigned char>(p_[2]);
      if (b2 >= 0x90 && b2 <= 0x99) {
        width = 3;
        return b2 - 0x90;
      }
    }
    return -1;
  }

  // Up to max_digits digits as a number; count says how many were read.
  int number(int max_digits, int& count) {
    int value = 0;
    count = 0;
    int width = 0;
    for (int d = digit(width); d >= 0 && count < max_digits; d = digit(width)) {
      value = value * 10 + d;
      ++count;
      p_ += width;
    }
    return value;
  }

  [[nodiscard]] char32_t peek() const {
    if (p_ == end_) return 0;
    const auto byte = static_cast<unsigned char>(*p_);
    return byte < 0x80 ? byte : read_unit(p_, end_).code;
  }

  bool take(char32_t c) {
    if (p_ == end_) return false;
    const auto byte = static_cast<unsigned char>(*p_);
    if (byte < 0x80) {
      if (byte != c) return false;
      ++p_;
      return true;
    }
    const Unit unit = read_unit(p_, end_);
    if (unit.code != c) return false;
    p_ += unit.length;
    return true;
  }

  bool take_bytes(std::string_view bytes) {
    if (!std::string_view(p_, static_cast<std::size_t>(end_ - p_)).starts_with(bytes)) return false;
    p_ += bytes.size();
    return true;
  }

  // Skips spaces; says whether there were any.
  bool skip_spaces() {
    const char* const start = p_;
    while (p_ != end_) {
      if (*p_ == ' ') {
        ++p_;
        continue;
      }
      const Unit unit = read_unit(p_, end_);
      if (!cell_text::is_space(unit.code)) break;
      p_ += unit.length;
    }
    return p_ != start;
  }

 private:
  const char* p_;
  const char* end_;
};

using date_reading::Problem;
using date_reading::Reading;

// Readings are filled in place, never returned by value: copying them once per cell costs more
// than reading the date.
void fail(Reading& reading, Problem problem, int value = 0) {
  reading.problem = problem;
  reading.value = value;
}

bool is_date_separator(char32_t c) {
  return c == U'-' || c == U'/' || c == U'.';
}

// Excel's two-digit years: 00-29 are 2000-2029, 30-99 are 1930-1999.
int full_year(int two_digits) {
  return two_digits < 30 ? 2000 + two_digits : 1900 + two_digits;
}

constexpr std::string_view kForenoon = "\xE4\xB8\x8A\xE5\x8D\x88";   // 上午
constexpr std::string_view kAfternoon = "\xE4\xB8\x8B\xE5\x8D\x88";  // 下午

// "h:mm[:ss[.fff]] [AM|PM] [Z|±hh[:mm]]", with 上午/下午 before or after; fills the reading.
bool read_time(Cursor& cursor, Reading& reading, int& hour, int& minute, int& second,
               int& offset_seconds) {
  int meridiem = 0;  // 1 = AM, 2 = PM
  if (cursor.take_bytes(kForenoon)) meridiem = 1;
  if (meridiem == 0 && cursor.take_bytes(kAfternoon)) meridiem = 2;
  if (meridiem != 0) cursor.skip_spaces();
  int count = 0;
  hour = cursor.number(2, count);
  if (count == 0 || !cursor.take(U':')) return false;
  minute = cursor.number(2, count);
  if (count != 2) return false;
  reading.shape.time = true;
  if (cursor.take(U':')) {
    second = cursor.number(2, count);
    if (count != 2) return false;
    reading.shape.seconds = true;
    if (cursor.take(U'.') || cursor.take(U',')) {
      int width = 0;
      if (cursor.digit(width) < 0) return false;
      while (cursor.digit(width) >= 0) cursor.number(1, count);  // fractions of a second dropped
    }
  }
  cursor.skip_spaces();
  if (meridiem == 0) {
    const char32_t c = cell_text::ascii_lower(cursor.peek());
    if (c == U'a' || c == U'p') {
      cursor.take(cursor.peek());
      cursor.take(U'.');
      if (!cursor.take(U'm') && !cursor.take(U'M')) return false;
      cursor.take(U'.');
      meridiem = c == U'a' ? 1 : 2;
    } else if (cursor.take_bytes(kForenoon)) {
      meridiem = 1;
    } else if (cursor.take_bytes(kAfternoon)) {
      meridiem = 2;
    }
    cursor.skip_spaces();
  }
  if (meridiem != 0) {
    reading.shape.meridiem = true;
    if (hour < 1 || hour > 12) {
      reading.problem = Problem::meridiem_hour;
      reading.value = hour;
      return true;
    }
    hour = hour % 12 + (meridiem == 2 ? 12 : 0);
  }
  if (cursor.take(U'Z') || cursor.take(U'z')) {
    reading.shape.offset = true;
  } else if (cursor.peek() == U'+' || cursor.peek() == U'-') {
    const bool west = cursor.peek() == U'-';
    cursor.take(cursor.peek());
    const int offset_hours = cursor.number(2, count);
    if (count != 2) return false;
    int offset_minutes = 0;
    const bool colon = cursor.take(U':');
    int width = 0;
    if (colon || cursor.digit(width) >= 0) {
      offset_minutes = cursor.number(2, count);
      if (count != 2) return false;
    }
    if (offset_hours > 14 || offset_minutes > 59) {
      reading.problem = Problem::offset;
      return true;
    }
    offset_seconds = (offset_hours * 3600 + offset_minutes * 60) * (west ? -1 : 1);
    reading.shape.offset = true;
  }
  return true;
}

// Excel serials: digits with an optional fraction of a day.
void read_excel_serial(std::string_view text, Reading& reading) {
  Cursor cursor(text);
  int count = 0;
  const int serial = cursor.number(7, count);
  if (count == 0) return fail(reading, Problem::format);
  std::int64_t fraction = 0;
  std::int64_t scale = 1;
  bool has_fraction = false;
  if (cursor.take(U'.')) {
    int width = 0;
    for (int d = cursor.digit(width); d >= 0; d = cursor.digit(width)) {
      if (scale < 1'000'000'000'000) {  // 12 digits: under a microsecond
        fraction = fraction * 10 + d;
        scale *= 10;
      }
      cursor.number(1, count);
      has_fraction = true;
    }
  }
  if (!cursor.at_end()) return fail(reading, Problem::format);
  if (serial == 0) return fail(reading, Problem::excel_zero);
  const ExcelDay day = excel_serial_day(serial);
  if (day.leap_day) return fail(reading, Problem::excel_leap_day);
  const std::int64_t days = day.days;
  if (serial > kLastExcelSerial) {
    return fail(reading, Problem::year, civil_from_timestamp(days * kSecondsPerDay).year);
  }
  reading.time = days * kSecondsPerDay + (fraction * kSecondsPerDay + scale / 2) / scale;
  reading.shape.time = has_fraction;
}

// The calendar and clock checks shared by every shape, then the timestamp; in place, as this runs
// once per cell.
void finish(Reading& reading, int year, int month, int day, int hour, int minute, int second,
            int offset_seconds) {
  auto fail = [&reading](Problem problem, int value) {
    reading.problem = problem;
    reading.value = value;
  };
  if (year < kFirstYear || year > kLastYear) return fail(Problem::year, year);
  if (month < 1 || month > 12) return fail(Problem::month, month);
  if (day < 1 || day > days_in_month(year, month)) {
    reading.year = year;
    reading.month = month;
    return fail(Problem::day, day);
  }
  if (reading.problem != Problem::none) return;  // an impossible AM/PM hour or offset
  if (hour > 23) return fail(Problem::hour, hour);
  if (minute > 59) return fail(Problem::minute, minute);
  if (second > 59) return fail(Problem::second, second);
  reading.time = days_from_civil(year, month, day) * kSecondsPerDay +
                 (hour * 3600 + minute * 60 + second - offset_seconds);
}

// Two ASCII digits as a number, or -1.
int two_digits(const char* p) {
  const auto tens = static_cast<unsigned>(p[0] - '0');
  const auto ones = static_cast<unsigned>(p[1] - '0');
  return tens < 10 && ones < 10 ? static_cast<int>(tens * 10 + ones) : -1;
}

// The fixed layouts of nearly every year-first export, "2024-01-05", "2024-01-05 08:26" and
// "2024-01-05 08:26:00" (or with 'T', '/' or '.'), read without the general cursor. False when the
// text has another layout; the general reader then decides.
bool read_fixed_year_first(std::string_view text, Reading& reading) {
  const std::size_t length = text.size();
  if (length != 10 && length != 16 && length != 19) return false;
  const char* p = text.data();
  const char separator = p[4];
  if ((separator != '-' && separator != '/' && separator != '.') || p[7] != separator) return false;
  const int century = two_digits(p);
  const int year_in_century = two_digits(p + 2);
  const int month = two_digits(p + 5);
  const int day = two_digits(p + 8);
  if ((century | year_in_century | month | day) < 0) return false;
  int hour = 0;
  int minute = 0;
  int second = 0;
  if (length >= 16) {
    if ((p[10] != ' ' && p[10] != 'T') || p[13] != ':') return false;
    hour = two_digits(p + 11);
    minute = two_digits(p + 14);
    if ((hour | minute) < 0) return false;
    reading.shape.time = true;
    if (length == 19) {
      if (p[16] != ':') return false;
      second = two_digits(p + 17);
      if (second < 0) return false;
      reading.shape.seconds = true;
    }
  }
  reading.shape.separator = static_cast<char32_t>(separator);
  finish(reading, century * 100 + year_in_century, month, day, hour, minute, second, 0);
  return true;
}

// The ASCII layouts of US and European exports, "12/1/2010", "12/1/2010 8:26",
// "05.01.2024 08:26:00", "1/5/24 8:26 PM", read without the general cursor. False when the text
// has another layout (full-width digits, offsets, 上午...); the general reader then decides.
bool read_fixed_day_month(std::string_view text, Order order, Reading& reading) {
  const char* p = text.data();
  const char* const end = p + text.size();
  auto number = [&p, end](int max_digits, int& count) {
    int value = 0;
    count = 0;
    while (p != end && count < max_digits && static_cast<unsigned>(*p - '0') < 10) {
      value = value * 10 + (*p - '0');
      ++p;
      ++count;
    }
    return value;
  };
  int first_count = 0;
  int second_count = 0;
  int year_count = 0;
  const int first = number(2, first_count);
  if (first_count == 0 || p == end) return false;
  const char separator = *p++;
  if (separator != '/' && separator != '-' && separator != '.') return false;
  const int second = number(2, second_count);
  if (second_count == 0 || p == end || *p++ != separator) return false;
  int year = number(4, year_count);
  if (year_count == 2) {
    year = full_year(year);
    reading.shape.two_digit_year = true;
  } else if (year_count != 4) {
    return false;
  }
  reading.shape.separator = static_cast<char32_t>(separator);
  reading.shape.padded = first_count == 2 && second_count == 2;
  int hour = 0;
  int minute = 0;
  int seconds = 0;
  if (p != end) {
    int count = 0;
    if (*p++ != ' ') return false;
    hour = number(2, count);
    if (count == 0 || p == end || *p++ != ':') return false;
    minute = number(2, count);
    if (count != 2) return false;
    reading.shape.time = true;
    if (p != end && *p == ':') {
      ++p;
      seconds = number(2, count);
      if (count != 2) return false;
      reading.shape.seconds = true;
    }
    if (p != end) {
      if (*p == ' ') ++p;
      if (end - p != 2 || (p[1] != 'M' && p[1] != 'm')) return false;
      const char meridiem = static_cast<char>(p[0] | 0x20);
      if (meridiem != 'a' && meridiem != 'p') return false;
      reading.shape.meridiem = true;
      if (hour < 1 || hour > 12) {
        reading.problem = Problem::meridiem_hour;
        reading.value = hour;
      }
      hour = hour % 12 + (meridiem == 'p' ? 12 : 0);
    }
  }
  const bool month_first = order == Order::mdy;
  finish(reading, year, month_first ? first : second, month_first ? second : first, hour, minute,
         seconds, 0);
  return true;
}

// The date part of a cell in the general layouts (any digits, any separator), for each order.
// False when the text does not have the order's shape.
struct DateParts {
  int year = 0;
  int month = 0;
  int day = 0;
};

bool read_year_first(Cursor& cursor, Reading& reading, DateParts& date) {
  int count = 0;
  int second_count = 0;
  date.year = cursor.number(4, count);
  if (count != 4) return false;
  const char32_t separator = cursor.peek();
  if (!is_date_separator(separator)) return false;
  cursor.take(separator);
  date.month = cursor.number(2, count);
  if (count == 0 || !cursor.take(separator)) return false;
  date.day = cursor.number(2, second_count);
  if (second_count == 0) return false;
  reading.shape.separator = separator;
  reading.shape.padded = count == 2 && second_count == 2;
  return true;
}

bool read_cjk(Cursor& cursor, Reading& reading, DateParts& date) {
  int count = 0;
  int second_count = 0;
  date.year = cursor.number(4, count);
  if (count != 4) return false;
  cursor.skip_spaces();
  if (!cursor.take(U'\u5E74')) return false;  // 年
  cursor.skip_spaces();
  date.month = cursor.number(2, count);
  cursor.skip_spaces();
  if (count == 0 || !cursor.take(U'\u6708')) return false;  // 月
  cursor.skip_spaces();
  date.day = cursor.number(2, second_count);
  cursor.skip_spaces();
  if (second_count == 0 || !(cursor.take(U'\u65E5') || cursor.take(U'\u53F7'))) {  // 日 号
    return false;
  }
  reading.shape.padded = count == 2 && second_count == 2;
  return true;
}

// Month and day after a 民國 year: "/01/05" (any one separator) or "年1月5日", spaces allowed
// around the words.
bool read_roc_month_day(Cursor& cursor, Reading& reading, DateParts& date) {
  int count = 0;
  int second_count = 0;
  if (cursor.take(U'\u5E74')) {  // 年
    reading.shape.words = true;
    cursor.skip_spaces();
    date.month = cursor.number(2, count);
    cursor.skip_spaces();
    if (count == 0 || !cursor.take(U'\u6708')) return false;  // 月
    cursor.skip_spaces();
    date.day = cursor.number(2, second_count);
    cursor.skip_spaces();
    if (second_count == 0 || !(cursor.take(U'\u65E5') || cursor.take(U'\u53F7'))) return false;
  } else {
    const char32_t separator = cursor.peek();
    if (!is_date_separator(separator)) return false;
    cursor.take(separator);
    date.month = cursor.number(2, count);
    if (count == 0 || !cursor.take(separator)) return false;
    date.day = cursor.number(2, second_count);
    if (second_count == 0) return false;
    reading.shape.separator = separator;
  }
  reading.shape.padded = count == 2 && second_count == 2;
  return true;
}

constexpr std::string_view kRocEra = "\xE6\xB0\x91\xE5\x9C\x8B";            // 民國
constexpr std::string_view kRocEraSimplified = "\xE6\xB0\x91\xE5\x9B\xBD";  // 民国
constexpr int kRocYearOffset = 1911;                                        // 民國 1 is 1912

// "113/01/05", "113年1月5日", "民國113年1月5日": a year of the Republic of China calendar (one to
// three digits; 民國 year 1 is 1912), then month and day.
bool read_roc(Cursor& cursor, Reading& reading, DateParts& date) {
  reading.shape.era = cursor.take_bytes(kRocEra) || cursor.take_bytes(kRocEraSimplified);
  if (reading.shape.era) cursor.skip_spaces();
  int count = 0;
  const int year = cursor.number(3, count);
  if (count == 0 || year == 0) return false;
  reading.shape.year_digits = count;
  if (cursor.skip_spaces() && cursor.peek() != U'\u5E74') return false;  // only "113 年" spaced
  if (!read_roc_month_day(cursor, reading, date)) return false;
  date.year = year + kRocYearOffset;
  return true;
}

bool read_day_month(Cursor& cursor, Order order, Reading& reading, DateParts& date) {
  int count = 0;
  int second_count = 0;
  const int first = cursor.number(2, count);
  if (count == 0) return false;
  const char32_t separator = cursor.peek();
  if (!is_date_separator(separator)) return false;
  cursor.take(separator);
  const int second = cursor.number(2, second_count);
  if (second_count == 0 || !cursor.take(separator)) return false;
  reading.shape.separator = separator;
  reading.shape.padded = count == 2 && second_count == 2;
  int year_count = 0;
  date.year = cursor.number(4, year_count);
  if (year_count == 2) {
    date.year = full_year(date.year);
    reading.shape.two_digit_year = true;
  } else if (year_count != 4) {
    return false;
  }
  date.month = order == Order::mdy ? first : second;
  date.day = order == Order::mdy ? second : first;
  return true;
}

bool read_compact(Cursor& cursor, DateParts& date) {
  int count = 0;
  const int ymd = cursor.number(8, count);
  if (count != 8) return false;
  date.year = ymd / 10000;
  date.month = ymd / 100 % 100;
  date.day = ymd % 100;
  return true;
}

bool read_date_parts(Cursor& cursor, Order order, Reading& reading, DateParts& date) {
  switch (order) {
    case Order::iso:
    case Order::ymd:
      return read_year_first(cursor, reading, date);
    case Order::cjk:
      return read_cjk(cursor, reading, date);
    case Order::mdy:
    case Order::dmy:
      return read_day_month(cursor, order, reading, date);
    case Order::compact:
      return read_compact(cursor, date);
    case Order::roc:
      return read_roc(cursor, reading, date);
    case Order::excel_serial:
      return true;
  }
  return true;
}

// Any layout the fixed readers do not take: the date, then an optional time.
void read_general(std::string_view text, Order order, Reading& reading) {
  Cursor cursor(text);
  DateParts date;
  if (!read_date_parts(cursor, order, reading, date)) return fail(reading, Problem::format);
  // A date ending in 日 may run straight into its time; digits after any other date do not fit.
  const bool ends_in_word = order == Order::cjk || reading.shape.words;
  int width = 0;
  if (!ends_in_word && cursor.digit(width) >= 0) return fail(reading, Problem::format);

  int hour = 0;
  int minute = 0;
  int second = 0;
  int offset_seconds = 0;
  if (!cursor.at_end()) {
    const bool year_first = order == Order::iso || order == Order::ymd;
    // "2024年1月5日8:26" needs no space: the 日 already ends the date.
    if (!(year_first && cursor.take(U'T')) && !cursor.skip_spaces() && !ends_in_word) {
      return fail(reading, Problem::format);
    }
    if (!read_time(cursor, reading, hour, minute, second, offset_seconds) || !cursor.at_end()) {
      return fail(reading, Problem::format);
    }
  }

  finish(reading, date.year, date.month, date.day, hour, minute, second, offset_seconds);
}

}  // namespace

namespace date_reading {

void read(std::string_view cell, Order order, Reading& reading) {
  const std::string_view text = cell_text::trim(cell);
  if (text.empty()) return fail(reading, Problem::empty);
  if (order == Order::excel_serial) return read_excel_serial(text, reading);
  if ((order == Order::iso || order == Order::ymd) && read_fixed_year_first(text, reading)) {
    return;
  }
  if ((order == Order::mdy || order == Order::dmy) && read_fixed_day_month(text, order, reading)) {
    return;
  }
  read_general(text, order, reading);
}

std::string default_label(Order order) {
  return std::string(date_order_entry(order).label);
}

std::string describe(const Reading& reading, const DateFormat& format) {
  constexpr std::array<const char*, 12> kMonths = {"January",   "February", "March",    "April",
                                                   "May",       "June",     "July",     "August",
                                                   "September", "October",  "November", "December"};
  const std::string value = std::to_string(reading.value);
  switch (reading.problem) {
    case Problem::none:
      return {};
    case Problem::empty:
      return "empty";
    case Problem::format:
      return "does not match the date format " +
             (format.label.empty() ? default_label(format.order) : format.label);
    case Problem::year:
      return "year " + value + " is outside the supported years 1900 to 2200";
    case Problem::month:
      return "no such month: " + value;
    case Problem::day:
      if (reading.value < 1 || reading.value > 31) return "no such day: " + value;
      return "no such day: " + std::string(kMonths[static_cast<std::size_t>(reading.month - 1)]) +
             " has " + std::to_string(days_in_month(reading.year, reading.month)) + " days" +
             (reading.month == 2 ? " in " + std::to_string(reading.year) : std::string());
    case Problem::hour:
      return "no such hour: " + value;
    case Problem::meridiem_hour:
      return "no such hour with AM/PM: " + value;
    case Problem::minute:
      return "no such minute: " + value;
    case Problem::second:
      return "no such second: " + value;
    case Problem::offset:
      return "no such time zone offset";
    case Problem::excel_zero:
      return "Excel serial numbers start at 1 (1900-01-01)";
    case Problem::excel_leap_day:
      return "Excel serial 60 is 1900-02-29, a day that does not exist";
  }
  return {};
}

Error describe_error(const Reading& reading, const DateFormat& format) {
  Error error{.message = describe(reading, format)};
  const int value = reading.value;
  auto coded = [&error](const char* code, nlohmann::json params) {
    error.code = code;
    error.params = std::move(params);
    return error;
  };
  switch (reading.problem) {
    case Problem::none:
      return error;
    case Problem::empty:
      return coded("cell_empty", nlohmann::json::object());
    case Problem::format:
      return coded("date_format_mismatch",
                   {{"format", format.label.empty() ? default_label(format.order) : format.label}});
    case Problem::year:
      return coded("date_year_out_of_range",
                   {{"year", value}, {"first", kFirstYear}, {"last", kLastYear}});
    case Problem::month:
      return coded("date_no_such_month", {{"month", value}});
    case Problem::day:
      if (value < 1 || value > 31) return coded("date_no_such_day", {{"day", value}});
      return coded("date_past_month_end", {{"day", value},
                                           {"month", reading.month},
                                           {"year", reading.year},
                                           {"days", days_in_month(reading.year, reading.month)}});
    case Problem::hour:
      return coded("date_no_such_hour", {{"hour", value}});
    case Problem::meridiem_hour:
      return coded("date_no_such_meridiem_hour", {{"hour", value}});
    case Problem::minute:
      return coded("date_no_such_minute", {{"minute", value}});
    case Problem::second:
      return coded("date_no_such_second", {{"second", value}});
    case Problem::offset:
      return coded("date_bad_offset", nlohmann::json::object());
    case Problem::excel_zero:
      return coded("date_excel_serial_zero", nlohmann::json::object());
    case Problem::excel_leap_day:
      return coded("date_excel_leap_day", nlohmann::json::object());
  }
  return error;
}

}  // namespace date_reading

Result<Timestamp> parse_date_cell(std::string_view cell, const DateFormat& format) {
  Reading reading;
  date_reading::read(cell, format.order, reading);
  if (reading.problem == Problem::none) return reading.time;
  return date_reading::describe_error(reading, format);
}

}  // namespace servimetrics
