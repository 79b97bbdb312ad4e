// Civil dates and Timestamps (seconds since 1970-01-01, no time zone), and the period keys that
// group them: "2024-01", "2024-Q1", "2024".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "servimetrics/imported_table.hpp"

namespace servimetrics {

struct CivilDate {
  int year;
  int month;  // 1..12
  int day;    // 1..31
};

enum class Period { month, quarter, year };

// Days since 1970-01-01 of a proleptic Gregorian date (month 1..12): Howard Hinnant's
// days-from-civil algorithm. constexpr, so other tables can be built from it at compile time.
constexpr std::int64_t days_from_civil(int year, int month, int day) {
  const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (month + 9) % 12;  // March = 0
  const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}
CivilDate civil_from_days(std::int64_t days);
Timestamp timestamp_from_civil(int year, int month, int day, int hour = 0, int minute = 0,
                               int second = 0);
CivilDate civil_from_timestamp(Timestamp t);
constexpr int days_in_month(int year, int month) {
  constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::string format_date(Timestamp t);       // "2024-01-05"
std::string format_date_time(Timestamp t);  // "2024-01-05 08:26:00"

// "month", "quarter", "year"; false for anything else.
bool period_from_name(std::string_view name, Period& out);
std::string period_key(Timestamp t, Period period);  // "2024-01", "2024-Q1", "2024"
// Index of the period holding t, counted from year 0; consecutive periods differ by one.
std::int64_t period_index(Timestamp t, Period period);
std::string period_key_from_index(std::int64_t index, Period period);
Timestamp period_start(std::int64_t index, Period period);

}  // namespace servimetrics
