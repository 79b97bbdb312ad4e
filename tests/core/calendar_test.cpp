// Calendar arithmetic and period keys used by every dated data kind.
#include "cells/calendar.hpp"

#include <gtest/gtest.h>

namespace servimetrics {
namespace {

TEST(Calendar, KnownDays) {
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);
  EXPECT_EQ(days_from_civil(1900, 1, 1), -25567);
  EXPECT_EQ(timestamp_from_civil(2010, 12, 1, 8, 26), 1291191960);
  EXPECT_EQ(format_date_time(1291191960), "2010-12-01 08:26:00");
  EXPECT_EQ(format_date(timestamp_from_civil(1899, 12, 31, 23, 59, 59)), "1899-12-31");
}

TEST(Calendar, RoundTripsEveryDayFrom1900To2200) {
  const std::int64_t first = days_from_civil(1900, 1, 1);
  const std::int64_t last = days_from_civil(2200, 12, 31);
  int year = 1900, month = 1, day = 1;
  for (std::int64_t d = first; d <= last; ++d) {
    const CivilDate c = civil_from_days(d);
    ASSERT_EQ(c.year, year);
    ASSERT_EQ(c.month, month);
    ASSERT_EQ(c.day, day);
    ASSERT_EQ(days_from_civil(year, month, day), d);
    if (++day > days_in_month(year, month)) {
      day = 1;
      if (++month > 12) month = 1, ++year;
    }
  }
  EXPECT_EQ(days_in_month(1900, 2), 28);
  EXPECT_EQ(days_in_month(2000, 2), 29);
  EXPECT_EQ(days_in_month(2024, 2), 29);
}

// Excel's serial days in both date systems, with 1900's leap day that never was handled once
// (base/civil_date.hpp) for the .xlsx reader and the excel_serial date format alike.
TEST(Calendar, ExcelSerialDays) {
  EXPECT_EQ(excel_serial_day(1).days, days_from_civil(1900, 1, 1));
  EXPECT_EQ(excel_serial_day(59).days, days_from_civil(1900, 2, 28));
  EXPECT_TRUE(excel_serial_day(60).leap_day);
  EXPECT_FALSE(excel_serial_day(61).leap_day);
  EXPECT_EQ(excel_serial_day(61).days, days_from_civil(1900, 3, 1));
  EXPECT_EQ(excel_serial_day(45296).days, days_from_civil(2024, 1, 5));
  EXPECT_EQ(excel_serial_day(0, true).days, days_from_civil(1904, 1, 1));
  EXPECT_EQ(excel_serial_day(43834, true).days, days_from_civil(2024, 1, 5));
  EXPECT_TRUE(is_leap_year(2000));
  EXPECT_FALSE(is_leap_year(1900));
  EXPECT_EQ(days_in_month(2024, 2), 29);
}

TEST(Calendar, PeriodKeysAndIndexes) {
  const Timestamp t = timestamp_from_civil(2024, 5, 31, 23, 0);
  EXPECT_EQ(period_key(t, Period::month), "2024-05");
  EXPECT_EQ(period_key(t, Period::quarter), "2024-Q2");
  EXPECT_EQ(period_key(t, Period::year), "2024");
  EXPECT_EQ(period_index(timestamp_from_civil(2024, 1, 1), Period::month) -
                period_index(timestamp_from_civil(2023, 12, 31), Period::month),
            1);
  EXPECT_EQ(period_start(period_index(t, Period::quarter), Period::quarter),
            timestamp_from_civil(2024, 4, 1));
  Period p{};
  EXPECT_TRUE(period_from_name("quarter", p));
  EXPECT_EQ(p, Period::quarter);
  EXPECT_FALSE(period_from_name("week", p));
}

}  // namespace
}  // namespace servimetrics
