// Date format detection on realistic columns: Online Retail, US exports, CDNOW, day-first with a
// 13th, an undecidable column, a column with a few bad values, Chinese dates, Excel serials, and
// columns no format fits. Where the real files are present, their whole columns are read too.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cells/cell_values.hpp"

namespace {

using servimetrics::DateDetection;
using servimetrics::DateFormat;
using servimetrics::detect_date_format;
using servimetrics::parse_date_cell;
using servimetrics::timestamp_from_civil;
using Order = DateFormat::Order;

DateDetection detect(const std::vector<std::string>& column) {
  const std::vector<std::string_view> views(column.begin(), column.end());
  const auto result = detect_date_format(views);
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
  return result.ok() ? result.value() : DateDetection{};
}

std::string failure(const std::vector<std::string>& column) {
  const std::vector<std::string_view> views(column.begin(), column.end());
  const auto result = detect_date_format(views);
  return result.ok() ? "detected " + result.value().format.label : result.error().message;
}

std::string two(int n) {
  return (n < 10 ? "0" : "") + std::to_string(n);
}

TEST(DateDetection, OnlineRetailColumn) {
  std::vector<std::string> column;
  for (int day = 1; day <= 28; ++day) {
    column.push_back("2010-12-" + two(day) + " 08:26:00");
    column.push_back("2011-01-" + two(day) + " 17:05:00");
  }
  const DateDetection detection = detect(column);
  EXPECT_EQ(detection.format.order, Order::iso);
  EXPECT_EQ(detection.format.label, "YYYY-MM-DD h:mm:ss");
  EXPECT_FALSE(detection.ambiguous);
  EXPECT_EQ(detection.note, "");
  EXPECT_EQ(parse_date_cell(column[0], detection.format).value(), 1291191960);
}

TEST(DateDetection, UsStyleWithTimes) {
  // Online Retail as Excel shows it in the US: every day and month up to 12 is ambiguous, but
  // 12/13/2010 has 13 in the second place.
  const std::vector<std::string> column = {"12/1/2010 8:26", "12/1/2010 9:01", "12/2/2010 10:15",
                                           "12/13/2010 16:40", "1/4/2011 11:11"};
  const DateDetection detection = detect(column);
  EXPECT_EQ(detection.format.order, Order::mdy);
  EXPECT_EQ(detection.format.label, "M/D/YYYY h:mm");
  EXPECT_FALSE(detection.ambiguous);
  EXPECT_EQ(detection.note,
            "Month first: \"12/13/2010 16:40\" has a day above 12 in the second place.");
}

TEST(DateDetection, UsStyleWithAmPm) {
  const DateDetection detection =
      detect({"1/15/2024 8:26:00 AM", "1/16/2024 3:05:10 PM", "2/1/2024 12:00:00 PM"});
  EXPECT_EQ(detection.format.order, Order::mdy);
  EXPECT_EQ(detection.format.label, "M/D/YYYY h:mm:ss AM/PM");
}

TEST(DateDetection, CdnowCompactColumn) {
  const DateDetection detection = detect({"19970101", "19970118", "19970802", "19971212"});
  EXPECT_EQ(detection.format.order, Order::compact);
  EXPECT_EQ(detection.format.label, "YYYYMMDD");
  EXPECT_FALSE(detection.ambiguous);
}

TEST(DateDetection, DayFirstDecidedByA13th) {
  const std::vector<std::string> column = {"05/01/2024", "06/01/2024", "13/01/2024", "02/02/2024"};
  const DateDetection detection = detect(column);
  EXPECT_EQ(detection.format.order, Order::dmy);
  EXPECT_EQ(detection.format.label, "DD/MM/YYYY");
  EXPECT_FALSE(detection.ambiguous);
  EXPECT_EQ(detection.note, "Day first: \"13/01/2024\" has a day above 12 in the first place.");
  EXPECT_EQ(parse_date_cell(column[0], detection.format).value(), 1704412800);  // 5 January
}

TEST(DateDetection, GermanDots) {
  const DateDetection detection = detect({"5.1.2024", "31.12.2023", "1.2.2024"});
  EXPECT_EQ(detection.format.order, Order::dmy);
  EXPECT_EQ(detection.format.label, "D.M.YYYY");
}

TEST(DateDetection, AmbiguousColumnIsMonthFirstAndSaysSo) {
  const DateDetection detection = detect({"01/02/2024", "03/04/2024", "05/06/2024", "12/11/2024"});
  EXPECT_EQ(detection.format.order, Order::mdy);
  EXPECT_EQ(detection.format.label, "MM/DD/YYYY");
  EXPECT_TRUE(detection.ambiguous);
  EXPECT_EQ(detection.note,
            "Every date here reads both as month/day and as day/month (no part is above 12), so "
            "they are read as MM/DD/YYYY; switch to DD/MM/YYYY if the file puts the day first.");
}

TEST(DateDetection, TwoDigitYears) {
  const DateDetection detection = detect({"1/5/24", "1/20/24", "12/31/99"});
  EXPECT_EQ(detection.format.order, Order::mdy);
  EXPECT_EQ(detection.format.label, "M/D/YY");
  EXPECT_NE(detection.note.find("00-29 as 2000-2029, 30-99 as 1930-1999"), std::string::npos);
  EXPECT_EQ(parse_date_cell("12/31/99", detection.format).value(),
            timestamp_from_civil(1999, 12, 31));
}

TEST(DateDetection, AFewBadValuesAreTolerated) {
  std::vector<std::string> column;
  column.reserve(500);
  for (int i = 0; i < 500; ++i) column.push_back("2024-03-" + two(i % 28 + 1));
  column[10] = "n/a";
  column[200] = "2024-02-30";
  column[300] = "TBD";
  const DateDetection detection = detect(column);
  EXPECT_EQ(detection.format.order, Order::iso);
  EXPECT_EQ(detection.format.label, "YYYY-MM-DD");
  EXPECT_EQ(detection.note,
            "3 of 500 sampled values do not fit (for example \"n/a\": does not match the date "
            "format YYYY-MM-DD); such rows are rejected.");
  // Six bad values out of 500 is more than 1%.
  column[20] = "x";
  column[30] = "y";
  column[40] = "z";
  EXPECT_EQ(failure(column),
            "No date format fits the column: the closest, YYYY-MM-DD, reads 494 of 500 values; it "
            "cannot read \"n/a\" (does not match the date format YYYY-MM-DD).");
}

TEST(DateDetection, BlanksAreIgnored) {
  const DateDetection detection = detect({"", "2024/1/5", "  ", "2024/1/6", "\xC2\xA0"});
  EXPECT_EQ(detection.format.order, Order::ymd);
  EXPECT_EQ(detection.format.label, "YYYY/M/D");
  EXPECT_EQ(detection.note, "");
}

TEST(DateDetection, ChineseDates) {
  const DateDetection detection =
      detect({"2024\xE5\xB9\xB4"
              "1\xE6\x9C\x88"
              "5\xE6\x97\xA5",
              "2024\xE5\xB9\xB4"
              "12\xE6\x9C\x88"
              "25\xE6\x97\xA5 14:30"});
  EXPECT_EQ(detection.format.order, Order::cjk);
  EXPECT_EQ(detection.format.label,
            "YYYY\xE5\xB9\xB4M\xE6\x9C\x88"
            "D\xE6\x97\xA5 h:mm");
}

TEST(DateDetection, ExcelSerials) {
  const DateDetection detection = detect({"45296", "45297.5", "45300.35"});
  EXPECT_EQ(detection.format.order, Order::excel_serial);
  EXPECT_EQ(detection.format.label, "Excel serial number (fraction = time of day)");
  EXPECT_EQ(detection.note,
            "Excel serial numbers count days in Excel's 1900 date system (1 is 1900-01-01).");
  EXPECT_EQ(parse_date_cell("45296", detection.format).value(), 1704412800);
  EXPECT_EQ(detect({"45296", "45297"}).format.label, "Excel serial number");
}

TEST(DateDetection, OffsetsAreNoted) {
  const DateDetection detection = detect({"2024-01-05T08:26:00+08:00", "2024-01-06T09:00:00Z"});
  EXPECT_EQ(detection.format.order, Order::iso);
  EXPECT_EQ(detection.format.label, "YYYY-MM-DD h:mm:ss");
  EXPECT_EQ(detection.note, "Times with a time zone are converted to UTC.");
}

TEST(DateDetection, NothingFits) {
  EXPECT_EQ(failure({}), "The column has no values to tell its date format from.");
  EXPECT_EQ(failure({"", " "}), "The column has no values to tell its date format from.");
  EXPECT_EQ(failure({"yesterday", "today"}),
            "No date format fits the column: \"yesterday\" is not written in any of the date "
            "formats the calculator reads.");
  // Years alone would read as Excel serials of 1905 and 1906.
  EXPECT_EQ(failure({"2019", "2020", " 2021 "}),
            "The column holds years such as \"2019\", not dates: a date needs a month and a day.");
  EXPECT_EQ(detect({"2019", "45296"}).format.order, Order::excel_serial);
  // Half ISO, half US: neither reads 99%.
  EXPECT_EQ(failure({"2024-01-05", "1/5/2024"}),
            "No date format fits the column: the closest, YYYY-MM-DD, reads 1 of 2 values; it "
            "cannot read \"1/5/2024\" (does not match the date format YYYY-MM-DD).");
  // Day-first and month-first evidence in one small column.
  EXPECT_NE(failure({"13/01/2024", "01/13/2024"}).find("No date format fits"), std::string::npos);
}

TEST(DateDetection, LooksAtTheFirst5000Values) {
  std::vector<std::string> column(5000, "2024-01-05");
  for (int i = 0; i < 1000; ++i) column.emplace_back("junk");
  EXPECT_EQ(detect(column).format.order, Order::iso);
}

// The real files, whole columns: every value must read with the detected format.
std::vector<std::string> column_of(const std::string& path, char delimiter, int index,
                                   bool header) {
  std::ifstream file(path);
  std::vector<std::string> values;
  std::string line;
  if (header) std::getline(file, line);
  while (std::getline(file, line)) {
    std::stringstream fields(line);
    std::string field;
    for (int i = 0; i <= index && std::getline(fields, field, delimiter); ++i) {
    }
    values.push_back(field);
  }
  return values;
}

TEST(DateDetection, RealFiles) {
  // The data sits next to the main checkout, or two levels up from a helper's worktree.
  std::string data;
  std::vector<std::string> cdnow;
  for (const char* place : {"/../shared/data/", "/../../shared/data/"}) {
    data = std::string(SERVIMETRICS_SOURCE_DIR) + place;
    cdnow = column_of(data + "cdnow-btyd/cdnowElog.csv", ',', 2, true);
    if (!cdnow.empty()) break;
  }
  if (cdnow.empty()) GTEST_SKIP() << "shared data not present";
  const DateDetection cdnow_format = detect(cdnow);
  EXPECT_EQ(cdnow_format.format.order, Order::compact);
  for (const std::string& value : cdnow) {
    ASSERT_TRUE(parse_date_cell(value, cdnow_format.format).ok()) << value;
  }
  EXPECT_EQ(parse_date_cell(cdnow.front(), cdnow_format.format).value(),
            timestamp_from_civil(1997, 1, 1));

  const std::vector<std::string> lifetimes =
      column_of(data + "cdnow-lifetimes/example_transactions.csv", ',', 0, true);
  ASSERT_FALSE(lifetimes.empty());
  const DateDetection lifetimes_format = detect(lifetimes);
  EXPECT_EQ(lifetimes_format.format.label, "YYYY-MM-DD h:mm:ss");
  for (const std::string& value : lifetimes) {
    ASSERT_TRUE(parse_date_cell(value, lifetimes_format.format).ok()) << value;
  }
}

}  // namespace
