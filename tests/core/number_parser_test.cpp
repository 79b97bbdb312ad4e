// parse_decimal: integers, decimals, exponents, signs, ".5" and "5.", surrounding spaces; what it
// rejects ("", "-", "1e", "0x10", "1,000", "NaN", "inf", overflow); and long mantissas, which must
// round exactly as strtod does.
#include "base/number_parser.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using servimetrics::parse_decimal;

double strtod_of(const std::string& text) {
  return std::strtod(text.c_str(), nullptr);
}

TEST(ParseDecimal, Integers) {
  EXPECT_EQ(parse_decimal("0"), 0.0);
  EXPECT_EQ(parse_decimal("7"), 7.0);
  EXPECT_EQ(parse_decimal("120"), 120.0);
  EXPECT_EQ(parse_decimal("007"), 7.0);
  EXPECT_EQ(parse_decimal("9007199254740992"), 9007199254740992.0);  // 2^53
  EXPECT_EQ(parse_decimal("1000000000000000"), 1e15);
}

TEST(ParseDecimal, Decimals) {
  EXPECT_EQ(parse_decimal("12.5"), 12.5);
  EXPECT_EQ(parse_decimal("0.1"), 0.1);
  EXPECT_EQ(parse_decimal("0.85"), 0.85);
  EXPECT_EQ(parse_decimal("3.14159"), 3.14159);
  EXPECT_EQ(parse_decimal(".5"), 0.5);
  EXPECT_EQ(parse_decimal("5."), 5.0);
  EXPECT_EQ(parse_decimal("0.000001"), 1e-6);
  EXPECT_EQ(parse_decimal("123456.789"), 123456.789);
}

TEST(ParseDecimal, Exponents) {
  EXPECT_EQ(parse_decimal("1e3"), 1000.0);
  EXPECT_EQ(parse_decimal("1E3"), 1000.0);
  EXPECT_EQ(parse_decimal("2.5e-3"), 0.0025);
  EXPECT_EQ(parse_decimal("2.5E+3"), 2500.0);
  EXPECT_EQ(parse_decimal(".5e1"), 5.0);
  EXPECT_EQ(parse_decimal("5.e1"), 50.0);
  EXPECT_EQ(parse_decimal("1e22"), 1e22);
  EXPECT_EQ(parse_decimal("1e23"), 1e23);
  EXPECT_EQ(parse_decimal("1e-22"), 1e-22);
  EXPECT_EQ(parse_decimal("1e-30"), 1e-30);
  EXPECT_EQ(parse_decimal("1.7976931348623157e308"), 1.7976931348623157e308);
  EXPECT_EQ(parse_decimal("4.9e-324"), 4.9e-324);
  EXPECT_EQ(parse_decimal("123e-2"), 1.23);
}

TEST(ParseDecimal, Signs) {
  EXPECT_EQ(parse_decimal("-5"), -5.0);
  EXPECT_EQ(parse_decimal("+5"), 5.0);
  EXPECT_EQ(parse_decimal("-0.25"), -0.25);
  EXPECT_EQ(parse_decimal("-.5"), -0.5);
  EXPECT_EQ(parse_decimal("-1e-3"), -0.001);
  const auto negative_zero = parse_decimal("-0");
  ASSERT_TRUE(negative_zero.has_value());
  EXPECT_EQ(*negative_zero, 0.0);
}

TEST(ParseDecimal, SurroundingSpaces) {
  EXPECT_EQ(parse_decimal(" 12"), 12.0);
  EXPECT_EQ(parse_decimal("12 "), 12.0);
  EXPECT_EQ(parse_decimal("  -1.5e2  "), -150.0);
  EXPECT_EQ(parse_decimal("\t3\t"), 3.0);
}

TEST(ParseDecimal, Rejects) {
  for (const char* bad : {"",     " ",        "-",     "+",      ".",     "-.",   "e5",  "1e",
                          "1e+",  "1e-",      "0x10",  "1,000",  "1,5",   "NaN",  "nan", "inf",
                          "-inf", "Infinity", "1e309", "-1e309", "1.2.3", "1..2", "--1", "+-1",
                          "1-",   "12abc",    "abc",   "1 2",    "1e5.5", "½",    "１２"}) {
    EXPECT_FALSE(parse_decimal(bad).has_value()) << '"' << bad << '"';
  }
  // Interior NUL: the whole text must be the number.
  EXPECT_FALSE(parse_decimal(std::string_view("12\0"
                                              "3",
                                              4))
                   .has_value());
}

TEST(ParseDecimal, ViewIsNotReadPastItsEnd) {
  const std::string text = "12345";
  EXPECT_EQ(parse_decimal(std::string_view(text).substr(0, 2)), 12.0);
  const std::string with_exponent = "2e3999";
  EXPECT_EQ(parse_decimal(std::string_view(with_exponent).substr(0, 3)), 2000.0);
}

TEST(ParseDecimal, LongMantissasRoundLikeStrtod) {
  for (const std::string& text : std::vector<std::string>{
           "12345678901234567890", "123456789012345678901234567890", "0.1234567890123456789012345",
           "9007199254740993",             // 2^53 + 1: ties to even
           "9007199254740993.0000000001",  // just above the tie: rounds up
           "18446744073709551615", "18446744073709551616", "99999999999999999999999",
           "3.141592653589793238462643383279", "2.2250738585072011e-308",
           "1.00000000000000011102230246251565404", "0.30000000000000000000000000001",
           "7.2057594037927933e16", "12345678901234567890e-10", "-98765432109876543210.123456789",
           "1" + std::string(40, '0'), "0." + std::string(30, '0') + "17",
           "4.9406564584124654e-324", "1.7976931348623158e308"}) {
    SCOPED_TRACE(text);
    const auto parsed = parse_decimal(text);
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(*parsed, strtod_of(text));
  }
}

TEST(ParseDecimal, ShortDecimalsRoundLikeStrtod) {
  // Every two-decimal rate from 0.00 to 10.00 and a spread of exponents.
  for (int cents = 0; cents <= 1000; ++cents) {
    const std::string text = std::to_string(cents / 100) + "." + (cents % 100 < 10 ? "0" : "") +
                             std::to_string(cents % 100);
    const auto parsed = parse_decimal(text);
    ASSERT_TRUE(parsed.has_value()) << text;
    EXPECT_EQ(*parsed, strtod_of(text)) << text;
  }
  for (int exponent = -40; exponent <= 40; ++exponent) {
    const std::string text = "314159.26535e" + std::to_string(exponent);
    const auto parsed = parse_decimal(text);
    ASSERT_TRUE(parsed.has_value()) << text;
    EXPECT_EQ(*parsed, strtod_of(text)) << text;
  }
}

}  // namespace
