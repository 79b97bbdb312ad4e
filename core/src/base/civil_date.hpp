// The one proleptic Gregorian calendar of the core, on day counts from 1970-01-01 (Howard
// Hinnant's days-from-civil algorithms), and Excel's serial day numbers on top of it: no libc
// time function or time zone is involved.
#pragma once

#include <cstdint>

namespace servimetrics {

struct CivilDate {
  int year;
  int month;  // 1..12
  int day;    // 1..31
};

constexpr bool is_leap_year(std::int64_t year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

constexpr int days_in_month(int year, int month) {
  constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

// Days since 1970-01-01 of a date (month 1..12). constexpr, so other tables can be built from it
// at compile time.
constexpr std::int64_t days_from_civil(int year, int month, int day) {
  const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (month + 9) % 12;  // March = 0
  const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// The date `days` after 1970-01-01 (negative: before).
CivilDate civil_from_days(std::int64_t days);

// Excel's serial day numbers. In the 1900 system serial 1 is 1900-01-01 and serial 60 is
// 1900-02-29, a day that never was (Lotus 1-2-3 took 1900 for a leap year and Excel kept it), so
// from serial 61 on, serial n is 1899-12-30 plus n days. In the 1904 system serial n is 1904-01-01
// plus n days. Both systems are handled here only.
struct ExcelDay {
  std::int64_t days = 0;  // since 1970-01-01; for the leap day, 1900-03-01's
  bool leap_day = false;  // serial 60 of the 1900 system: the 1900-02-29 that does not exist
};
constexpr ExcelDay excel_serial_day(std::int64_t serial, bool date1904 = false) {
  if (date1904) return {days_from_civil(1904, 1, 1) + serial, false};
  constexpr std::int64_t kLeapDaySerial = 60;
  const std::int64_t epoch = days_from_civil(1899, 12, 30);
  if (serial == kLeapDaySerial) return {epoch + serial + 1, true};
  return {epoch + serial + (serial < kLeapDaySerial ? 1 : 0), false};
}

}  // namespace servimetrics
