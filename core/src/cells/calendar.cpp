// Proleptic Gregorian calendar arithmetic on day counts (the days-from-civil algorithm published
// by Howard Hinnant), so no libc time function or time zone is involved.
#include "cells/calendar.hpp"

#include <array>
#include <cstdio>

namespace servimetrics {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

}  // namespace

Timestamp timestamp_from_civil(int year, int month, int day, int hour, int minute, int second) {
  // Months outside 1..12 carry into the year, and days and times are linear, so callers can step
  // by months or days without normalising first.
  const std::int64_t months = static_cast<std::int64_t>(year) * 12 + (month - 1);
  const auto full_year = static_cast<int>(floor_div(months, 12));
  const auto month_of_year = static_cast<int>(months - floor_div(months, 12) * 12 + 1);
  return (days_from_civil(full_year, month_of_year, 1) + (day - 1)) * kSecondsPerDay +
         std::int64_t{hour} * 3600 + std::int64_t{minute} * 60 + second;
}

CivilDate civil_from_timestamp(Timestamp t) {
  return civil_from_days(floor_div(t, kSecondsPerDay));
}

std::string format_date(Timestamp t) {
  const CivilDate d = civil_from_timestamp(t);
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%04d-%02d-%02d", d.year, d.month, d.day);
  return buffer.data();
}

std::string format_date_time(Timestamp t) {
  const std::int64_t seconds = t - floor_div(t, kSecondsPerDay) * kSecondsPerDay;
  std::array<char, 16> buffer{};
  std::snprintf(buffer.data(), buffer.size(), " %02d:%02d:%02d", static_cast<int>(seconds / 3600),
                static_cast<int>(seconds / 60 % 60), static_cast<int>(seconds % 60));
  return format_date(t) + buffer.data();
}

bool period_from_name(std::string_view name, Period& out) {
  if (name == "month")
    out = Period::month;
  else if (name == "quarter")
    out = Period::quarter;
  else if (name == "year")
    out = Period::year;
  else
    return false;
  return true;
}

std::int64_t period_index(Timestamp t, Period period) {
  const CivilDate d = civil_from_timestamp(t);
  switch (period) {
    case Period::month:
      return static_cast<std::int64_t>(d.year) * 12 + (d.month - 1);
    case Period::quarter:
      return static_cast<std::int64_t>(d.year) * 4 + (d.month - 1) / 3;
    case Period::year:
      return d.year;
  }
  return 0;
}

std::string period_key_from_index(std::int64_t index, Period period) {
  std::array<char, 64> buffer{};
  switch (period) {
    case Period::month:
      std::snprintf(buffer.data(), buffer.size(), "%04lld-%02lld",
                    static_cast<long long>(floor_div(index, 12)),
                    static_cast<long long>(index - floor_div(index, 12) * 12 + 1));
      break;
    case Period::quarter:
      std::snprintf(buffer.data(), buffer.size(), "%04lld-Q%lld",
                    static_cast<long long>(floor_div(index, 4)),
                    static_cast<long long>(index - floor_div(index, 4) * 4 + 1));
      break;
    case Period::year:
      std::snprintf(buffer.data(), buffer.size(), "%04lld", static_cast<long long>(index));
      break;
  }
  return buffer.data();
}

std::string period_key(Timestamp t, Period period) {
  return period_key_from_index(period_index(t, period), period);
}

Timestamp period_start(std::int64_t index, Period period) {
  switch (period) {
    case Period::month:
      return timestamp_from_civil(static_cast<int>(floor_div(index, 12)),
                                  static_cast<int>(index - floor_div(index, 12) * 12 + 1), 1);
    case Period::quarter:
      return timestamp_from_civil(static_cast<int>(floor_div(index, 4)),
                                  static_cast<int>((index - floor_div(index, 4) * 4) * 3 + 1), 1);
    case Period::year:
      return timestamp_from_civil(static_cast<int>(index), 1, 1);
  }
  return 0;
}

}  // namespace servimetrics
