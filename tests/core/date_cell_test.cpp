// Date cells for each column format, their calendar checks and reasons, time zones and AM/PM,
// Excel serials around the fake 1900-02-29, and the civil calendar helpers over 1900..2200.
// Expected timestamps were computed with Python's datetime (naive, minus 1970-01-01).
#include <gtest/gtest.h>

#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "cells/cell_values.hpp"
#include "full_width_digits.hpp"

namespace {

using servimetrics::civil_from_timestamp;
using servimetrics::CivilDate;
using servimetrics::DateFormat;
using servimetrics::format_date;
using servimetrics::parse_date_cell;
using servimetrics::Timestamp;
using servimetrics::timestamp_from_civil;
using Order = DateFormat::Order;

const DateFormat kIso{Order::iso, "YYYY-MM-DD"};
const DateFormat kYmd{Order::ymd, "YYYY/M/D"};
const DateFormat kMdy{Order::mdy, "M/D/YYYY h:mm"};
const DateFormat kDmy{Order::dmy, "DD/MM/YYYY"};
const DateFormat kCjk{Order::cjk,
                      "YYYY\xE5\xB9\xB4M\xE6\x9C\x88"
                      "D\xE6\x97\xA5"};
const DateFormat kCompact{Order::compact, "YYYYMMDD"};
const DateFormat kExcel{Order::excel_serial, "Excel serial number"};

constexpr Timestamp k20240105 = 1704412800;  // 2024-01-05 00:00

Timestamp date(std::string_view cell, const DateFormat& format) {
  const auto result = parse_date_cell(cell, format);
  EXPECT_TRUE(result.ok()) << '"' << cell << "\": " << (result.ok() ? "" : result.error().message);
  return result.ok() ? result.value() : 0;
}

std::string rejection(std::string_view cell, const DateFormat& format) {
  const auto result = parse_date_cell(cell, format);
  if (result.ok()) return "accepted as " + std::to_string(result.value());
  EXPECT_TRUE(result.error().input.empty());
  return result.error().message;
}

using servimetrics::testing::full_width_digits;

TEST(DateCell, IsoDatesAndTimes) {
  EXPECT_EQ(date("2024-01-05", kIso), k20240105);
  EXPECT_EQ(date("2010-12-01 08:26:00", kIso), 1291191960);
  EXPECT_EQ(date("2010-12-01 08:26", kIso), 1291191960);
  EXPECT_EQ(date("2024-01-05T08:26:00", kIso), 1704443160);
  EXPECT_EQ(date("2024-01-05T08:26:00.123", kIso), 1704443160);  // fraction dropped
  EXPECT_EQ(date("2024-01-05 23:59:59.999", kIso), k20240105 + 86399);
  EXPECT_EQ(date("2024-1-5", kIso), k20240105);
  EXPECT_EQ(date("  2024-01-05  ", kIso), k20240105);
  EXPECT_EQ(date("2014-03-08 00:00:00", kIso), 1394236800);  // lifetimes example_transactions
}

TEST(DateCell, OffsetsAreConvertedToUtc) {
  EXPECT_EQ(date("2024-01-05T08:26:00Z", kIso), 1704443160);
  EXPECT_EQ(date("2024-01-05T08:26:00.5Z", kIso), 1704443160);
  EXPECT_EQ(date("2024-01-05T08:26:00+08:00", kIso), 1704414360);  // 00:26 UTC
  EXPECT_EQ(date("2024-01-05T08:26:00+0800", kIso), 1704414360);
  EXPECT_EQ(date("2024-01-05T08:26:00+08", kIso), 1704414360);
  EXPECT_EQ(date("2024-01-05 08:26 -05:30", kIso), 1704443160 + 5 * 3600 + 1800);
  EXPECT_EQ(date("2024-01-05T00:30:00+01:00", kIso), k20240105 - 1800);  // the day before in UTC
  EXPECT_EQ(rejection("2024-01-05T08:26:00+15:00", kIso), "no such time zone offset");
  EXPECT_EQ(rejection("2024-01-05T08:26:00+08:60", kIso), "no such time zone offset");
  EXPECT_EQ(rejection("2024-01-05T08:26:00+8", kIso), "does not match the date format YYYY-MM-DD");
}

TEST(DateCell, YearFirstWithSlashesAndDots) {
  EXPECT_EQ(date("2024/1/5", kYmd), k20240105);
  EXPECT_EQ(date("2024.1.5", kYmd), k20240105);
  EXPECT_EQ(date("2024/01/05 08:26", kYmd), 1704443160);
  EXPECT_EQ(date("2024/1/5", kIso), k20240105);  // iso and ymd read the same texts
  EXPECT_EQ(rejection("2024/1-5", kYmd), "does not match the date format YYYY/M/D");
  EXPECT_EQ(rejection("24/1/5", kYmd), "does not match the date format YYYY/M/D");
  EXPECT_EQ(rejection("2024/1/5/6", kYmd), "does not match the date format YYYY/M/D");
}

TEST(DateCell, ChineseDates) {
  EXPECT_EQ(date("2024\xE5\xB9\xB4"
                 "1\xE6\x9C\x88"
                 "5\xE6\x97\xA5",
                 kCjk),
            k20240105);
  EXPECT_EQ(date("2024\xE5\xB9\xB4"
                 "01\xE6\x9C\x88"
                 "05\xE6\x97\xA5 8:26",
                 kCjk),
            1704443160);
  EXPECT_EQ(date("2024\xE5\xB9\xB4"
                 "1\xE6\x9C\x88"
                 "5\xE6\x97\xA5"
                 "8:26",
                 kCjk),
            1704443160);
  EXPECT_EQ(date("2024\xE5\xB9\xB4"
                 "1\xE6\x9C\x88"
                 "5\xE5\x8F\xB7",
                 kCjk),
            k20240105);  // 号
  // ２０２４年１月５日 in full-width digits
  EXPECT_EQ(date("\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x94\xE5\xB9\xB4\xEF\xBC\x91\xE6\x9C"
                 "\x88\xEF\xBC\x95\xE6\x97\xA5",
                 kCjk),
            k20240105);
  // 2024年1月5日 下午 3:26 -> 15:26
  EXPECT_EQ(date("2024\xE5\xB9\xB4"
                 "1\xE6\x9C\x88"
                 "5\xE6\x97\xA5 \xE4\xB8\x8B\xE5\x8D\x88 3:26",
                 kCjk),
            k20240105 + (15 * 3600 + 26 * 60));
  EXPECT_EQ(rejection("2024\xE5\xB9\xB4"
                      "1\xE6\x9C\x88",
                      kCjk),
            "does not match the date format YYYY\xE5\xB9\xB4M\xE6\x9C\x88"
            "D\xE6\x97\xA5");
  EXPECT_EQ(rejection("2023\xE5\xB9\xB4"
                      "2\xE6\x9C\x88"
                      "29\xE6\x97\xA5",
                      kCjk),
            "no such day: February has 28 days in 2023");
}

TEST(DateCell, UsDatesWithAmPm) {
  EXPECT_EQ(date("12/1/2010 8:26", kMdy), 1291191960);
  EXPECT_EQ(date("12/1/2010 8:26 AM", kMdy), 1291191960);
  EXPECT_EQ(date("12/1/2010 8:26 PM", kMdy), 1291235160);
  EXPECT_EQ(date("12/1/2010 8:26PM", kMdy), 1291235160);
  EXPECT_EQ(date("12/1/2010 8:26 p.m.", kMdy), 1291235160);
  EXPECT_EQ(date("12/1/2010 8:26:00 pm", kMdy), 1291235160);
  EXPECT_EQ(date("1/5/2024 12:00 AM", kMdy), k20240105);                       // midnight
  EXPECT_EQ(date("1/5/2024 12:30 PM", kMdy), k20240105 + (12 * 3600 + 1800));  // half past noon
  EXPECT_EQ(date("01/05/2024", kMdy), k20240105);
  EXPECT_EQ(date("1-5-2024", kMdy), k20240105);
  EXPECT_EQ(rejection("1/5/2024 13:00 PM", kMdy), "no such hour with AM/PM: 13");
  EXPECT_EQ(rejection("1/5/2024 0:30 AM", kMdy), "no such hour with AM/PM: 0");
  EXPECT_EQ(rejection("13/5/2024", kMdy), "no such month: 13");
  EXPECT_EQ(rejection("1/5/2024 8:26 XM", kMdy), "does not match the date format M/D/YYYY h:mm");
}

TEST(DateCell, DayFirstDates) {
  EXPECT_EQ(date("05/01/2024", kDmy), k20240105);
  EXPECT_EQ(date("5.1.2024", kDmy), k20240105);
  EXPECT_EQ(date("13/01/2024", kDmy), k20240105 + Timestamp{8} * 86400);
  EXPECT_EQ(date("31/12/2010 23:59", kDmy), 1293839940);
  EXPECT_EQ(rejection("01/13/2024", kDmy), "no such month: 13");
}

TEST(DateCell, TwoDigitYearsFollowExcel) {
  EXPECT_EQ(date("1/5/24", kMdy), k20240105);
  EXPECT_EQ(date("1/5/29", kMdy), timestamp_from_civil(2029, 1, 5));
  EXPECT_EQ(date("1/5/30", kMdy), timestamp_from_civil(1930, 1, 5));
  EXPECT_EQ(date("31/12/99", kDmy), timestamp_from_civil(1999, 12, 31));
  EXPECT_EQ(date("1/1/00", kMdy), timestamp_from_civil(2000, 1, 1));
  EXPECT_EQ(rejection("1/5/202", kMdy), "does not match the date format M/D/YYYY h:mm");
  EXPECT_EQ(rejection("1/5/20245", kMdy), "does not match the date format M/D/YYYY h:mm");
}

TEST(DateCell, CompactDates) {
  EXPECT_EQ(date("19970101", kCompact), 852076800);  // CDNOW
  EXPECT_EQ(date("20240105", kCompact), k20240105);
  EXPECT_EQ(date("20240105 08:26", kCompact), 1704443160);
  EXPECT_EQ(rejection("2024015", kCompact), "does not match the date format YYYYMMDD");
  EXPECT_EQ(rejection("202401050", kCompact), "does not match the date format YYYYMMDD");
  EXPECT_EQ(rejection("20241301", kCompact), "no such month: 13");
  EXPECT_EQ(rejection("20240230", kCompact), "no such day: February has 29 days in 2024");
}

TEST(DateCell, ExcelSerials) {
  EXPECT_EQ(date("45296", kExcel), k20240105);
  EXPECT_EQ(date("45296.35", kExcel), 1704443040);  // 08:24
  EXPECT_EQ(date("45296.5", kExcel), k20240105 + 43200);
  EXPECT_EQ(date("45296.999999999", kExcel), k20240105 + 86400);  // rounds to the next midnight
  EXPECT_EQ(date("45296.", kExcel), k20240105);
  EXPECT_EQ(date("1", kExcel), timestamp_from_civil(1900, 1, 1));
  EXPECT_EQ(date("59", kExcel), timestamp_from_civil(1900, 2, 28));
  EXPECT_EQ(date("61", kExcel), timestamp_from_civil(1900, 3, 1));
  EXPECT_EQ(date("40179", kExcel), timestamp_from_civil(2010, 1, 1));
  EXPECT_EQ(date("109939", kExcel), timestamp_from_civil(2200, 12, 31));
  EXPECT_EQ(rejection("60", kExcel), "Excel serial 60 is 1900-02-29, a day that does not exist");
  EXPECT_EQ(rejection("0", kExcel), "Excel serial numbers start at 1 (1900-01-01)");
  EXPECT_EQ(rejection("109940", kExcel), "year 2201 is outside the supported years 1900 to 2200");
  EXPECT_EQ(rejection("-1", kExcel), "does not match the date format Excel serial number");
  EXPECT_EQ(rejection("45,296", kExcel), "does not match the date format Excel serial number");
  EXPECT_EQ(rejection("2024-01-05", kExcel), "does not match the date format Excel serial number");
}

TEST(DateCell, CalendarIsChecked) {
  EXPECT_EQ(rejection("2023-02-30", kIso), "no such day: February has 28 days in 2023");
  EXPECT_EQ(rejection("2023-02-29", kIso), "no such day: February has 28 days in 2023");
  EXPECT_EQ(date("2024-02-29", kIso), timestamp_from_civil(2024, 2, 29));
  EXPECT_EQ(date("2000-02-29", kIso), timestamp_from_civil(2000, 2, 29));  // 400-year rule
  EXPECT_EQ(rejection("2100-02-29", kIso), "no such day: February has 28 days in 2100");
  EXPECT_EQ(rejection("1900-02-29", kIso), "no such day: February has 28 days in 1900");
  EXPECT_EQ(rejection("2024-04-31", kIso), "no such day: April has 30 days");
  EXPECT_EQ(rejection("2024-01-32", kIso), "no such day: 32");
  EXPECT_EQ(rejection("2024-01-00", kIso), "no such day: 0");
  EXPECT_EQ(rejection("2024-13-01", kIso), "no such month: 13");
  EXPECT_EQ(rejection("2024-00-10", kIso), "no such month: 0");
  EXPECT_EQ(rejection("0000-00-00", kIso), "year 0 is outside the supported years 1900 to 2200");
  EXPECT_EQ(rejection("1899-12-31", kIso), "year 1899 is outside the supported years 1900 to 2200");
  EXPECT_EQ(rejection("2201-01-01", kIso), "year 2201 is outside the supported years 1900 to 2200");
  EXPECT_EQ(date("1900-01-01", kIso), -2208988800);
  EXPECT_EQ(date("2200-12-31 23:59:59", kIso), 7289568000 + 86399);
  EXPECT_EQ(rejection("2024-01-05 25:00", kIso), "no such hour: 25");
  EXPECT_EQ(rejection("2024-01-05 24:00", kIso), "no such hour: 24");
  EXPECT_EQ(rejection("2024-01-05 08:60", kIso), "no such minute: 60");
  EXPECT_EQ(rejection("2024-01-05 08:26:61", kIso), "no such second: 61");
}

TEST(DateCell, ShapeMismatchesAndJunk) {
  for (const char* bad :
       {"2024-01-05 8", "2024-01-05 8:2", "2024-01-05 08:26:0", "2024-01-05T",
        "2024-01-05 08:26:00.", "2024-01-05x", "2024-01-0512:00", "20240105", "2024-01",
        "2024--01-05", "n/a", "-", "yesterday", "2024-01-05 08:26 XYZ", "12/1/2010", "\xFF\xFE"}) {
    EXPECT_EQ(rejection(bad, kIso), "does not match the date format YYYY-MM-DD") << bad;
  }
  EXPECT_EQ(rejection("", kIso), "empty");
  EXPECT_EQ(rejection(" \xC2\xA0 ", kIso), "empty");
  // Without a label the order's usual one is named.
  EXPECT_EQ(rejection("x", DateFormat{Order::dmy, ""}), "does not match the date format D/M/YYYY");
}

TEST(DateCell, ReadsOnlyItsView) {
  const std::string line = "2024-01-05 08:26,17850";
  EXPECT_EQ(date(std::string_view(line).substr(0, 10), kIso), k20240105);
  EXPECT_EQ(date(std::string_view(line).substr(0, 16), kIso), 1704443160);
  const std::string serial = "4529612";
  EXPECT_EQ(date(std::string_view(serial).substr(0, 5), kExcel), k20240105);
}

TEST(DateCell, FastPathsAgreeWithTheGeneralReader) {
  const std::vector<std::string> times = {
      "",          " 8:26",     " 08:26:00", "T23:59:59", " 24:00",   " 8:60",    " 8:26:60",
      " 12:00 AM", " 12:30 PM", " 1:05PM",   " 13:00 PM", " 0:10 am", " 8:26 XM", "  8:26",
      " 8:2",      " 8:26:0",   " 8:26 P",   " 8:26 PMX", "x",        " "};
  int compared = 0;
  for (const DateFormat& format : {kIso, kYmd, kMdy, kDmy}) {
    for (const char* year : {"1899", "1900", "2023", "2024", "2200", "2201", "24", "99", "202"}) {
      for (const char* month : {"0", "1", "02", "12", "13"}) {
        for (const char* day : {"00", "1", "28", "29", "30", "31", "32"}) {
          for (const char* separator : {"-", "/", "."}) {
            const bool year_first = format.order == Order::iso || format.order == Order::ymd;
            const bool month_first = format.order == Order::mdy;
            const std::string date =
                year_first    ? std::string(year) + separator + month + separator + day
                : month_first ? std::string(month) + separator + day + separator + year
                              : std::string(day) + separator + month + separator + year;
            for (const std::string& time : times) {
              const std::string cell = date + time;
              const auto fast = parse_date_cell(cell, format);
              const auto general = parse_date_cell(full_width_digits(cell), format);
              ASSERT_EQ(fast.ok(), general.ok()) << cell << " as " << format.label;
              if (fast.ok()) {
                EXPECT_EQ(fast.value(), general.value()) << cell;
              } else {
                EXPECT_EQ(fast.error().message, general.error().message) << cell;
              }
              ++compared;
            }
          }
        }
      }
    }
  }
  EXPECT_EQ(compared, 4 * 9 * 5 * 7 * 3 * 20);
}

TEST(DateCell, RandomCellsReadTheSameOnBothPaths) {
  constexpr std::string_view kPieces[] = {"2024", "1", "12", "05", "31", "13", "24", "-",  "/",
                                          ".",    " ", ":",  "T",  "AM", "pm", "00", "29", "2010"};
  std::uint64_t state = 777;
  auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>(state >> 33);
  };
  int accepted = 0;
  const DateFormat formats[] = {kIso, kMdy, kDmy, kCompact, kExcel};
  for (int i = 0; i < 40000; ++i) {
    std::string cell;
    const std::size_t pieces = 3 + next() % 8;
    for (std::size_t j = 0; j < pieces; ++j) cell += kPieces[next() % std::size(kPieces)];
    const DateFormat& format = formats[next() % std::size(formats)];
    const auto fast = parse_date_cell(cell, format);
    const auto general = parse_date_cell(full_width_digits(cell), format);
    ASSERT_EQ(fast.ok(), general.ok()) << '"' << cell << "\" as " << format.label;
    if (fast.ok()) {
      ++accepted;
      ASSERT_EQ(fast.value(), general.value()) << '"' << cell << '"';
    } else {
      ASSERT_EQ(fast.error().message, general.error().message) << '"' << cell << '"';
    }
  }
  EXPECT_GT(accepted, 100);
}

TEST(CivilCalendar, EveryDayFrom1900To2200RoundTrips) {
  // Walk the calendar by hand, day by day, and check both directions against it.
  Timestamp expected = -2208988800;  // 1900-01-01
  int days = 0;
  for (int year = 1900; year <= 2200; ++year) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    for (int month = 1; month <= 12; ++month) {
      constexpr int kLengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      const int length = kLengths[month - 1] + (month == 2 && leap ? 1 : 0);
      for (int day = 1; day <= length; ++day, expected += 86400, ++days) {
        ASSERT_EQ(timestamp_from_civil(year, month, day), expected)
            << year << '-' << month << '-' << day;
        const CivilDate back = civil_from_timestamp(expected);
        ASSERT_EQ(back.year, year);
        ASSERT_EQ(back.month, month);
        ASSERT_EQ(back.day, day);
        const CivilDate late = civil_from_timestamp(expected + 86399);
        ASSERT_EQ(late.day, day);
      }
    }
  }
  EXPECT_EQ(days, 109939 - 1);  // 1900-01-01 .. 2200-12-31 (Excel serial 109939 counts 1900-02-29)
  EXPECT_EQ(expected, 7289568000 + 86400);
}

TEST(CivilCalendar, TimesAndCarries) {
  EXPECT_EQ(timestamp_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(timestamp_from_civil(2010, 12, 1, 8, 26), 1291191960);
  EXPECT_EQ(timestamp_from_civil(2024, 1, 5, 8, 26, 0), 1704443160);
  EXPECT_EQ(timestamp_from_civil(2024, 13, 1), timestamp_from_civil(2025, 1, 1));
  EXPECT_EQ(timestamp_from_civil(2024, 0, 1), timestamp_from_civil(2023, 12, 1));
  EXPECT_EQ(timestamp_from_civil(2024, -11, 1), timestamp_from_civil(2023, 1, 1));
  EXPECT_EQ(timestamp_from_civil(2024, 1, 32), timestamp_from_civil(2024, 2, 1));
  EXPECT_EQ(timestamp_from_civil(2024, 3, 0), timestamp_from_civil(2024, 2, 29));
  const CivilDate before_epoch = civil_from_timestamp(-1);
  EXPECT_EQ(before_epoch.year, 1969);
  EXPECT_EQ(before_epoch.month, 12);
  EXPECT_EQ(before_epoch.day, 31);
}

TEST(CivilCalendar, FormatDate) {
  EXPECT_EQ(format_date(k20240105), "2024-01-05");
  EXPECT_EQ(format_date(k20240105 + 86399), "2024-01-05");
  EXPECT_EQ(format_date(0), "1970-01-01");
  EXPECT_EQ(format_date(-1), "1969-12-31");
  EXPECT_EQ(format_date(-2208988800), "1900-01-01");
  EXPECT_EQ(format_date(7289568000), "2200-12-31");
  EXPECT_EQ(format_date(timestamp_from_civil(987, 6, 7)), "0987-06-07");
}

}  // namespace
