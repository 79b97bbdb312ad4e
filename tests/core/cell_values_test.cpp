// Number and yes/no cells: every spelling the header promises (currencies, thousands, percent,
// parentheses, full-width, decimal comma), each class of rejection with its reason, and the
// per-column decimal-mark detection.
#include "cells/cell_values.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "full_width_digits.hpp"

namespace {

using servimetrics::DateFormat;
using servimetrics::detect_number_style;
using servimetrics::NumberStyle;
using servimetrics::parse_date_cell;
using servimetrics::parse_flag_cell;
using servimetrics::parse_number_cell;

constexpr NumberStyle kComma{','};

double number(std::string_view cell, NumberStyle style = {}) {
  const auto result = parse_number_cell(cell, style);
  EXPECT_TRUE(result.ok()) << '"' << cell << "\": " << (result.ok() ? "" : result.error().message);
  return result.ok() ? result.value() : -999999.0;
}

std::string rejection(std::string_view cell, NumberStyle style = {}) {
  const auto result = parse_number_cell(cell, style);
  if (result.ok()) return "accepted as " + std::to_string(result.value());
  EXPECT_TRUE(result.error().input.empty());
  EXPECT_TRUE(result.error().kpi.empty());
  return result.error().message;
}

using servimetrics::testing::full_width_digits;

TEST(NumberCell, PlainNumbers) {
  EXPECT_EQ(number("0"), 0.0);
  EXPECT_EQ(number("42"), 42.0);
  EXPECT_EQ(number("2.55"), 2.55);
  EXPECT_EQ(number("-5"), -5.0);
  EXPECT_EQ(number("+3"), 3.0);
  EXPECT_EQ(number("1e3"), 1000.0);
  EXPECT_EQ(number("2.5E-3"), 0.0025);
  EXPECT_EQ(number(".5"), 0.5);
  EXPECT_EQ(number("-.5"), -0.5);
  EXPECT_EQ(number("5."), 5.0);
  EXPECT_EQ(number("29.85"), 29.85);
  EXPECT_EQ(number("1.7976931348623157e308"), 1.7976931348623157e308);
}

TEST(NumberCell, ThousandsSeparators) {
  EXPECT_EQ(number("1,234.50"), 1234.5);
  EXPECT_EQ(number("1,234"), 1234.0);
  EXPECT_EQ(number("12,345,678.9"), 12345678.9);
  EXPECT_EQ(number("1 234"), 1234.0);
  EXPECT_EQ(number("1\xC2\xA0"
                   "234\xC2\xA0"
                   "567"),
            1234567.0);  // NBSP groups
  EXPECT_EQ(number("1\xE2\x80\xAF"
                   "234,5",
                   kComma),
            1234.5);  // French narrow NBSP
  EXPECT_EQ(number("999"), 999.0);
  EXPECT_EQ(number("-1,000"), -1000.0);
  EXPECT_EQ(number("1,000e3"), 1e6);
}

TEST(NumberCell, Currencies) {
  EXPECT_EQ(number("\xC2\xA5"
                   "1,200"),
            1200.0);  // ¥
  EXPECT_EQ(number("\xEF\xBF\xA5"
                   "1200"),
            1200.0);  // ￥
  EXPECT_EQ(number("$-5"), -5.0);
  EXPECT_EQ(number("-$5"), -5.0);
  EXPECT_EQ(number("\xE2\x82\xAC 3.5"), 3.5);  // € 3.5
  EXPECT_EQ(number("\xC2\xA3"
                   "7"),
            7.0);  // £7
  EXPECT_EQ(number("CNY 100"), 100.0);
  EXPECT_EQ(number("USD 100"), 100.0);
  EXPECT_EQ(number("RMB 100"), 100.0);
  EXPECT_EQ(number("usd100"), 100.0);
  EXPECT_EQ(number("100 EUR"), 100.0);
  EXPECT_EQ(number("100EUR"), 100.0);  // the E is not an exponent
  EXPECT_EQ(number("US$12.99"), 12.99);
  EXPECT_EQ(number("HK$ 1,000"), 1000.0);
  EXPECT_EQ(number("100\xE5\x85\x83"), 100.0);   // 100元
  EXPECT_EQ(number("100 \xE5\x85\x83"), 100.0);  // 100 元
  EXPECT_EQ(number("3.5\xE5\x9D\x97"), 3.5);     // 3.5块
  EXPECT_EQ(number("\xE4\xBA\xBA\xE6\xB0\x91\xE5\xB8\x81"
                   "88"),
            88.0);  // 人民币88
  EXPECT_EQ(number("\xEF\xBC\x84"
                   "5"),
            5.0);  // ＄5
  EXPECT_EQ(number("($1,234.00)"), -1234.0);
}

TEST(NumberCell, PercentIsDividedByHundred) {
  EXPECT_EQ(number("12.5%"), 0.125);
  EXPECT_EQ(number("12.3%"), 0.123);  // exact, not 12.3 / 100
  EXPECT_EQ(number("7%"), 0.07);
  EXPECT_EQ(number("100%"), 1.0);
  EXPECT_EQ(number("-2.5 %"), -0.025);
  EXPECT_EQ(number("85\xEF\xBC\x85"), 0.85);  // 85％
  EXPECT_EQ(number("1e2%"), 1.0);
}

TEST(NumberCell, AccountingParenthesesAreNegative) {
  EXPECT_EQ(number("(1,234.00)"), -1234.0);
  EXPECT_EQ(number("(5)"), -5.0);
  EXPECT_EQ(number("\xEF\xBC\x88"
                   "5\xEF\xBC\x89"),
            -5.0);  // （5）
  EXPECT_EQ(number("(12%)"), -0.12);
}

TEST(NumberCell, UnicodeSignsAndFullWidth) {
  EXPECT_EQ(number("\xE2\x88\x92"
                   "5"),
            -5.0);  // −5, U+2212
  EXPECT_EQ(number("\xEF\xBC\x8D"
                   "5"),
            -5.0);  // －5
  EXPECT_EQ(number("\xEF\xBC\x8B"
                   "5"),
            5.0);  // ＋5
  // １２３．４５
  EXPECT_EQ(number("\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93\xEF\xBC\x8E\xEF\xBC\x94\xEF\xBC\x95"),
            123.45);
  // １，０００
  EXPECT_EQ(number("\xEF\xBC\x91\xEF\xBC\x8C\xEF\xBC\x90\xEF\xBC\x90\xEF\xBC\x90"), 1000.0);
  // ｅ as exponent: ２ｅ３
  EXPECT_EQ(number("\xEF\xBC\x92\xEF\xBD\x85\xEF\xBC\x93"), 2000.0);
}

TEST(NumberCell, SurroundingSpaces) {
  EXPECT_EQ(number("  12  "), 12.0);
  EXPECT_EQ(number("\t12\t"), 12.0);
  EXPECT_EQ(number("\xC2\xA0"
                   "12"
                   "\xC2\xA0"),
            12.0);
  EXPECT_EQ(number("\xE3\x80\x80"
                   "12"
                   "\xE3\x80\x80"),
            12.0);  // ideographic space
  EXPECT_EQ(number(" 1,234.50\r"), 1234.5);
}

TEST(NumberCell, DecimalComma) {
  EXPECT_EQ(number("1.234,5", kComma), 1234.5);
  EXPECT_EQ(number("3,5", kComma), 3.5);
  EXPECT_EQ(number("1.234.567,89", kComma), 1234567.89);
  EXPECT_EQ(number("1 234,5", kComma), 1234.5);
  EXPECT_EQ(number("-0,25", kComma), -0.25);
  EXPECT_EQ(number("12,5%", kComma), 0.125);
  EXPECT_EQ(number("\xE2\x82\xAC 1.000,00", kComma), 1000.0);
  EXPECT_EQ(number("1.234", kComma), 1234.0);  // a point groups thousands here
  EXPECT_EQ(number("42", kComma), 42.0);
  EXPECT_EQ(rejection("1.5", kComma), "thousands separator in the wrong place");
  EXPECT_EQ(rejection("1,2,3", kComma), "more than one decimal comma");
  // Not accepted by default.
  EXPECT_EQ(rejection("3,5"), "thousands separator in the wrong place");
  EXPECT_EQ(rejection("1.234,5"), "thousands separator in the wrong place");
}

TEST(NumberCell, RejectionsHaveReasons) {
  EXPECT_EQ(rejection(""), "empty");
  EXPECT_EQ(rejection("   "), "empty");
  EXPECT_EQ(rejection("\xC2\xA0"), "empty");
  EXPECT_EQ(rejection("abc"), "not a number");
  EXPECT_EQ(rejection("1.2.3"), "more than one decimal point");
  EXPECT_EQ(rejection("--5"), "more than one sign");
  EXPECT_EQ(rejection("+-5"), "more than one sign");
  EXPECT_EQ(rejection("(-5)"), "more than one sign");
  EXPECT_EQ(rejection("1,23,4"), "thousands separator in the wrong place");
  EXPECT_EQ(rejection("1,23,456"), "thousands separator in the wrong place");  // lakh grouping
  EXPECT_EQ(rejection("1234,567"), "thousands separator in the wrong place");
  EXPECT_EQ(rejection("1,234,5"), "thousands separator in the wrong place");
  EXPECT_EQ(rejection("1,"), "thousands separator in the wrong place");
  EXPECT_EQ(rejection(",5"), "thousands separator in the wrong place");
  EXPECT_EQ(rejection("1.234,56"), "thousands separator in the wrong place");
  EXPECT_EQ(rejection("1,234 567"), "thousands separator in the wrong place");  // mixed
  EXPECT_EQ(rejection("1 2"), "thousands separator in the wrong place");
  EXPECT_EQ(rejection("NaN"), "not a number");
  EXPECT_EQ(rejection("nan"), "not a number");
  EXPECT_EQ(rejection("inf"), "not a number");
  EXPECT_EQ(rejection("-Infinity"), "not a number");
  EXPECT_EQ(rejection("0x10"), "not a number");
  EXPECT_EQ(rejection("1e309"), "too large");
  EXPECT_EQ(rejection("-1e309"), "too large");
  EXPECT_EQ(rejection("12%%"), "more than one percent sign");
  EXPECT_EQ(rejection("$5 USD"), "more than one currency");
  EXPECT_EQ(rejection("$5%"), "both a currency and a percent sign");
  EXPECT_EQ(rejection("(5"), "unbalanced parentheses");
  EXPECT_EQ(rejection("5)"), "unbalanced parentheses");
  EXPECT_EQ(rejection("5-"), "sign after the number");
  EXPECT_EQ(rejection("5-3"), "not a number");
  EXPECT_EQ(rejection("-"), "not a number");
  EXPECT_EQ(rejection("."), "not a number");
  EXPECT_EQ(rejection("$"), "not a number");
  EXPECT_EQ(rejection("%"), "not a number");
  EXPECT_EQ(rejection("1e"), "not a number");
  EXPECT_EQ(rejection("1e+"), "not a number");
  EXPECT_EQ(rejection("5 6.5"), "thousands separator in the wrong place");
  EXPECT_EQ(rejection("1.5 3"), "not a number");
  EXPECT_EQ(rejection("12 apples"), "not a number");
  EXPECT_EQ(rejection("XYZ 5"), "not a number");
  EXPECT_EQ(rejection("\xC2\xBD"), "not a number");  // ½
  EXPECT_EQ(rejection("\xFF"
                      "5"),
            "not a number");                         // malformed UTF-8
  EXPECT_EQ(rejection("\xEF\xBC"), "not a number");  // truncated full-width character
  EXPECT_EQ(rejection(std::string(400, '1')), "too many digits");
}

TEST(NumberCell, ReadsOnlyItsView) {
  const std::string line = "12,34";
  EXPECT_EQ(number(std::string_view(line).substr(0, 2)), 12.0);
  EXPECT_EQ(number(std::string_view(line).substr(3, 2)), 34.0);
}

TEST(NumberCell, LongAndTinyValuesRoundLikeDecimalText) {
  EXPECT_EQ(number("12,345,678,901,234,567,890"), 12345678901234567890.0);
  EXPECT_EQ(number("0.1234567890123456789012345"), 0.1234567890123456789012345);
  EXPECT_EQ(number("$0.000001"), 1e-6);
}

TEST(NumberStyleDetection, PointUnlessCommasClearlyMarkDecimals) {
  auto detect = [](std::vector<std::string_view> samples) {
    return detect_number_style(samples).decimal;
  };
  EXPECT_EQ(detect({}), '.');
  EXPECT_EQ(detect({"1", "2", "3"}), '.');
  EXPECT_EQ(detect({"3.5", "12.25"}), '.');
  EXPECT_EQ(detect({"3,5", "1.234,56", "7"}), ',');
  EXPECT_EQ(detect({"12,50 \xE2\x82\xAC", "3"}), ',');
  EXPECT_EQ(detect({"1.234.567"}), ',');
  EXPECT_EQ(detect({"12,5%"}), ',');
  // "1,234" and "1.234" alone decide nothing.
  EXPECT_EQ(detect({"1,234", "1.234"}), '.');
  // Any clear decimal point wins the tie: the default is safer.
  EXPECT_EQ(detect({"3,5", "1,234.5"}), '.');
  EXPECT_EQ(detect({"3,5", "2.75"}), '.');
  EXPECT_EQ(detect({"1,234,567", "3,5"}), '.');
  // Full-width marks count too: ３，５
  EXPECT_EQ(detect({"\xEF\xBC\x93\xEF\xBC\x8C\xEF\xBC\x95"}), ',');
}

TEST(FlagCell, YesAndNoWords) {
  for (const char* yes : {"yes", "Yes", "YES", "y", "Y", "true", "TRUE", "True", "t", "1", "1.0",
                          " yes ", "\xEF\xBD\x99\xEF\xBD\x85\xEF\xBD\x93" /*ｙｅｓ*/,
                          "\xEF\xBC\x91" /*１*/, "\xE6\x98\xAF" /*是*/, "\xE6\x9C\x89" /*有*/,
                          "\xE5\xAF\xB9" /*对*/, "\xE2\x88\x9A" /*√*/, "\xE2\x9C\x93" /*✓*/}) {
    const auto result = parse_flag_cell(yes);
    ASSERT_TRUE(result.ok()) << yes;
    EXPECT_TRUE(result.value()) << yes;
  }
  for (const char* no : {"no", "No", "NO", "n", "N", "false", "FALSE", "f", "0", "0.0", "\tno\t",
                         "\xE5\x90\xA6" /*否*/, "\xE6\x97\xA0" /*无*/, "\xE7\x84\xA1" /*無*/,
                         "\xE6\xB2\xA1\xE6\x9C\x89" /*没有*/, "\xE6\xB2\x92\xE6\x9C\x89" /*沒有*/,
                         "\xE9\x94\x99" /*错*/, "\xC3\x97" /*×*/, "\xE2\x9C\x97" /*✗*/}) {
    const auto result = parse_flag_cell(no);
    ASSERT_TRUE(result.ok()) << no;
    EXPECT_FALSE(result.value()) << no;
  }
}

TEST(FlagCell, Rejections) {
  EXPECT_EQ(parse_flag_cell("").error().message, "empty");
  EXPECT_EQ(parse_flag_cell("  ").error().message, "empty");
  for (const char* bad : {"maybe", "yess", "2", "-1", "urgent", "normal", "ja", "oui", "yes no",
                          "\xE6\x98\xAF\xE7\x9A\x84" /*是的*/, "10", "1.5"}) {
    const auto result = parse_flag_cell(bad);
    ASSERT_FALSE(result.ok()) << bad;
    EXPECT_EQ(result.error().message, "not a yes/no value") << bad;
  }
}

TEST(FlagCell, TelcoChurnColumn) {
  // The Churn column of the IBM Telco file is Yes/No.
  int churned = 0;
  for (const char* cell : {"No", "No", "Yes", "No", "Yes", "Yes"}) {
    const auto result = parse_flag_cell(cell);
    ASSERT_TRUE(result.ok());
    churned += result.value() ? 1 : 0;
  }
  EXPECT_EQ(churned, 3);
}

TEST(NumberCell, FastPathAgreesWithTheGeneralReader) {
  for (const NumberStyle style : {NumberStyle{}, kComma}) {
    for (const char* cell : {"0",
                             "-0",
                             "+0",
                             "7",
                             "-5",
                             "+3",
                             "2.55",
                             "0.1",
                             ".5",
                             "5.",
                             "-.5",
                             "1,234",
                             "1,234.50",
                             "12,345,678.9",
                             "1.234",
                             "1.234,5",
                             "3,5",
                             "1,23,4",
                             "1,2345",
                             "1234,567",
                             ",5",
                             "1,",
                             "1.2.3",
                             "1,,234",
                             "--5",
                             "-",
                             ".",
                             "9007199254740993",
                             "123456789.123456789",
                             "0.30000000000000004",
                             "1234567890123456789",
                             "12345678901234567890",
                             "1e3",
                             "2.5e-3",
                             "1e309",
                             "1e-400",
                             "4.9e-324",
                             "000123",
                             "0.000000000000000000001",
                             "99.99"}) {
      const auto fast = parse_number_cell(cell, style);
      const std::string wide = full_width_digits(cell);
      const auto general = parse_number_cell(wide, style);
      ASSERT_EQ(fast.ok(), general.ok()) << cell << " with '" << style.decimal << "'";
      if (fast.ok()) {
        EXPECT_EQ(fast.value(), general.value()) << cell;
        EXPECT_EQ(std::signbit(fast.value()), std::signbit(general.value())) << cell;
      } else {
        EXPECT_EQ(fast.error().message, general.error().message) << cell;
      }
    }
  }
}

TEST(NumberCell, RandomCellsReadTheSameOnBothPaths) {
  // Deterministic random cells from the characters that matter; each is read as is and with
  // full-width digits, which must give the same value or the same reason.
  constexpr std::string_view kPieces[] = {"1", "2", "0", "9", "5", "12", "345", ",", ".",     "-",
                                          "+", "e", "E", " ", "%", "$",  "(",   ")", "1,234", "x"};
  std::uint64_t state = 12345;
  auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>(state >> 33);
  };
  int accepted = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string cell;
    const std::size_t pieces = 1 + next() % 6;
    for (std::size_t j = 0; j < pieces; ++j) cell += kPieces[next() % std::size(kPieces)];
    const NumberStyle style = i % 2 == 0 ? NumberStyle{} : kComma;
    const auto fast = parse_number_cell(cell, style);
    const auto general = parse_number_cell(full_width_digits(cell), style);
    ASSERT_EQ(fast.ok(), general.ok()) << '"' << cell << '"';
    if (fast.ok()) {
      ++accepted;
      ASSERT_EQ(fast.value(), general.value()) << '"' << cell << '"';
    } else {
      ASSERT_EQ(fast.error().message, general.error().message) << '"' << cell << '"';
    }
  }
  EXPECT_GT(accepted, 2000);  // the generator does produce numbers, not only junk
}

// Every reason a cell reader gives carries its code (docs/codes/import.md), and a date's the
// numbers its sentence names.
TEST(CellReasons, EveryReasonHasItsCode) {
  const std::pair<const char*, const char*> numbers[] = {
      {"abc", "cell_not_a_number"},
      {"1.2.3", "number_two_decimal_points"},
      {"12,34", "number_misplaced_separator"},
      {"5-", "number_sign_after"},
      {"--5", "number_two_signs"},
      {"5%%", "number_two_percent_signs"},
      {"(5", "number_unbalanced_parentheses"},
      {"$5 EUR", "number_two_currencies"},
      {"$5%", "number_currency_and_percent"},
      {"1e400", "number_too_large"},
  };
  for (const auto& [text, code] : numbers) {
    const auto parsed = parse_number_cell(text);
    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_EQ(parsed.error().code, code) << text << ": " << parsed.error().message;
  }
  EXPECT_EQ(parse_number_cell("1,2,3", NumberStyle{','}).error().code, "number_two_decimal_commas");
  EXPECT_EQ(parse_number_cell(" ").error().code, "cell_empty");
  EXPECT_EQ(parse_flag_cell("maybe").error().code, "flag_not_yes_no");

  const DateFormat iso{DateFormat::Order::iso, "YYYY-MM-DD"};
  const auto day = parse_date_cell("2023-02-29", iso);
  ASSERT_FALSE(day.ok());
  EXPECT_EQ(day.error().message, "no such day: February has 28 days in 2023");
  EXPECT_EQ(day.error().code, "date_past_month_end");
  EXPECT_EQ(day.error().params["days"], 28);
  EXPECT_EQ(day.error().params["year"], 2023);
  EXPECT_EQ(parse_date_cell("2023-13-01", iso).error().code, "date_no_such_month");
  EXPECT_EQ(parse_date_cell("1800-01-01", iso).error().params["year"], 1800);
  EXPECT_EQ(parse_date_cell("5 Jan", iso).error().params["format"], "YYYY-MM-DD");
  const DateFormat serial{DateFormat::Order::excel_serial, "Excel serial number"};
  EXPECT_EQ(parse_date_cell("60", serial).error().code, "date_excel_leap_day");
  EXPECT_EQ(parse_date_cell("0", serial).error().code, "date_excel_serial_zero");
}

}  // namespace
