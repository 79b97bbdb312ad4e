// Dates of the Republic of China (民國) calendar as Taiwanese exports write them: every layout read
// as year + 1911, the calendar still checked, a column detected as 民國 only on evidence no other
// reading has, the note that states the conversion, and columns where 民國 must not be guessed.
#include <gtest/gtest.h>

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

const DateFormat kRoc{Order::roc, "YYY/MM/DD"};

DateDetection detect(const std::vector<std::string>& column) {
  const std::vector<std::string_view> views(column.begin(), column.end());
  const auto result = detect_date_format(views);
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
  return result.ok() ? result.value() : DateDetection{};
}

std::vector<std::string> note_codes(const DateDetection& detection) {
  std::vector<std::string> codes;
  for (const auto& part : detection.note_parts) codes.push_back(part.value("code", ""));
  return codes;
}

TEST(RocDates, EveryLayoutIsYearPlus1911) {
  const auto expected = timestamp_from_civil(2024, 1, 5);
  for (const char* text : {"113/01/05", "113-01-05", "113.01.05", "113/1/5", "113年1月5日",
                           "民國113年1月5日", "民國 113 年 1 月 5 日", "民国113年1月5日",
                           "民國113/01/05", " 113/01/05 ", "１１３/０１/０５"}) {
    const auto read = parse_date_cell(text, kRoc);
    ASSERT_TRUE(read.ok()) << text << ": " << read.error().message;
    EXPECT_EQ(read.value(), expected) << text;
  }
  // Times follow as in the other orders; after 日 no space is needed.
  EXPECT_EQ(parse_date_cell("113/01/05 08:30", kRoc).value(),
            timestamp_from_civil(2024, 1, 5, 8, 30));
  EXPECT_EQ(parse_date_cell("113年1月5日下午2:15", kRoc).value(),
            timestamp_from_civil(2024, 1, 5, 14, 15));
  // 民國 1 is 1912; two-digit years are older dates (99 is 2010).
  EXPECT_EQ(parse_date_cell("民國1年1月1日", kRoc).value(), timestamp_from_civil(1912, 1, 1));
  EXPECT_EQ(parse_date_cell("99/12/31", kRoc).value(), timestamp_from_civil(2010, 12, 31));
}

TEST(RocDates, TheCalendarIsChecked) {
  // 113 is 2024, a leap year; 112 is 2023, which is not.
  EXPECT_TRUE(parse_date_cell("113/02/29", kRoc).ok());
  const auto no_day = parse_date_cell("112/02/29", kRoc);
  ASSERT_FALSE(no_day.ok());
  EXPECT_EQ(no_day.error().code, "date_past_month_end");
  EXPECT_EQ(no_day.error().params.value("year", 0), 2023);
  EXPECT_EQ(parse_date_cell("113/13/01", kRoc).error().code, "date_no_such_month");
  // Year 0 does not exist in this calendar, four digits are not 民國 years, nor are mixed
  // separators or a space inside a numeric date.
  for (const char* text :
       {"0/01/05", "2024/01/05", "113/01-05", "113 /01/05", "113年1月5", "1130105"}) {
    const auto read = parse_date_cell(text, kRoc);
    ASSERT_FALSE(read.ok()) << text;
    EXPECT_EQ(read.error().code, "date_format_mismatch") << text;
  }
  // Beyond the supported years: 民國 290 is 2201.
  EXPECT_EQ(parse_date_cell("290/01/01", kRoc).error().code, "date_year_out_of_range");
}

TEST(RocDates, ASlashColumnOfThreeDigitYearsIsDetected) {
  const DateDetection detection = detect({"113/01/05", "113/01/07", "113/12/31", "114/02/01"});
  EXPECT_EQ(detection.format.order, Order::roc);
  EXPECT_EQ(detection.format.label, "YYY/MM/DD");
  EXPECT_FALSE(detection.ambiguous);
  ASSERT_EQ(note_codes(detection), std::vector<std::string>{"date_note_roc_calendar"});
  const auto& params = detection.note_parts[0]["params"];
  EXPECT_EQ(params.value("value", ""), "113/01/05");
  EXPECT_EQ(params.value("date", ""), "2024-01-05");
  EXPECT_NE(detection.note.find("\"113/01/05\" is 2024-01-05"), std::string::npos)
      << detection.note;
  EXPECT_EQ(parse_date_cell("114/02/01", detection.format).value(),
            timestamp_from_civil(2025, 2, 1));
}

TEST(RocDates, LabelsSayHowTheColumnIsWritten) {
  EXPECT_EQ(detect({"113-1-5", "113-12-25"}).format.label, "YYY-M-D");
  EXPECT_EQ(detect({"113.01.05", "113.12.25"}).format.label, "YYY.MM.DD");
  const DateDetection words = detect({"民國113年1月5日", "民國113年12月25日 14:30"});
  EXPECT_EQ(words.format.order, Order::roc);
  EXPECT_EQ(words.format.label, "民國YYY年M月D日 h:mm");
  EXPECT_EQ(detect({"113年1月5日", "113年2月9日"}).format.label, "YYY年M月D日");
  // With 民國 written, even one- and two-digit years are evidence.
  EXPECT_EQ(detect({"民國99年12月31日", "民國100年1月1日"}).format.order, Order::roc);
}

TEST(RocDates, NeverGuessedWithoutEvidence) {
  // Two-digit years first could be 民國 12 (1923) or a Gregorian date: the Gregorian orders read
  // them as today, with their own ambiguity note.
  const DateDetection two_digit = detect({"12/01/05", "11/03/04"});
  EXPECT_NE(two_digit.format.order, Order::roc);
  EXPECT_TRUE(two_digit.ambiguous);
  EXPECT_EQ(detect({"1/5/24", "1/20/24", "12/31/99"}).format.order, Order::mdy);
  // Three digits outside 100-150 prove nothing on their own ("99/12/31" nothing reads; "151/..."
  // is far in the future): no format fits rather than a guess.
  for (const std::vector<std::string>& column :
       {std::vector<std::string>{"99/12/31", "98/01/05"},
        std::vector<std::string>{"151/01/05", "152/01/05"}}) {
    const std::vector<std::string_view> views(column.begin(), column.end());
    const auto result = detect_date_format(views);
    ASSERT_FALSE(result.ok()) << result.value().format.label;
    EXPECT_EQ(result.error().code, "date_no_format_fits");
  }
}

TEST(RocDates, GregorianLookingValuesInARocColumnAreNoted) {
  // A column spanning 民國 99 to 100 (2010 to 2011): "99/12/31" reads only as 民國; "12/01/05"
  // would also read as a US date, and the note says how it is read instead.
  const DateDetection detection = detect({"99/12/31", "100/01/05", "100/02/03", "12/01/05"});
  EXPECT_EQ(detection.format.order, Order::roc);
  const std::vector<std::string> expected = {"date_note_roc_calendar",
                                             "date_note_roc_also_gregorian"};
  EXPECT_EQ(note_codes(detection), expected);
  const auto& params = detection.note_parts[1]["params"];
  EXPECT_EQ(params.value("count", 0), 1);
  EXPECT_EQ(params.value("value", ""), "12/01/05");
  EXPECT_EQ(params.value("date", ""), "1923-01-05");
}

TEST(RocDates, TheWholeColumnMustFit) {
  // ROC and Gregorian dates mixed half and half: neither reads 99% of the column.
  const std::vector<std::string> column = {"113/01/05", "2024/01/06", "113/01/07", "2024/01/08"};
  const std::vector<std::string_view> views(column.begin(), column.end());
  const auto result = detect_date_format(views);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "date_format_fits_too_few");
}

TEST(RocDates, TheOrderIsNamedForRequests) {
  EXPECT_EQ(servimetrics::date_order_from_name("roc"), Order::roc);
  EXPECT_EQ(servimetrics::date_order_entry(Order::roc).name, "roc");
}

}  // namespace
