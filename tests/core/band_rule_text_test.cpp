// The rule sentence of a band decision writes its threshold as printf("%g") would, though it no
// longer calls printf for short numbers; checked against printf itself over many thresholds.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>

#include "servimetrics/band.hpp"

namespace servimetrics {
namespace {

std::string printf_g(double value, bool as_percent) {
  std::array<char, 64> text{};
  if (as_percent) {
    std::snprintf(text.data(), text.size(), "%g%%", std::round(value * 1e6) / 1e4);
  } else {
    std::snprintf(text.data(), text.size(), "%g", value);
  }
  return text.data();
}

std::string rule_threshold(double threshold, bool as_percent) {
  BandRule rule;
  rule.good = Threshold{threshold, false};
  // A value meeting the threshold, so the sentence is "X >= <threshold> is good".
  const BandDecision d = classify(threshold, rule, "X", as_percent);
  const std::string prefix = "X >= ";
  const std::string suffix = " is good";
  EXPECT_EQ(d.rule.substr(0, prefix.size()), prefix);
  return d.rule.substr(prefix.size(), d.rule.size() - prefix.size() - suffix.size());
}

TEST(BandRuleText, CatalogStyleThresholds) {
  EXPECT_EQ(rule_threshold(50, false), "50");
  EXPECT_EQ(rule_threshold(2.5, false), "2.5");
  EXPECT_EQ(rule_threshold(0.3, true), "30%");
  EXPECT_EQ(rule_threshold(0.925, true), "92.5%");
  EXPECT_EQ(rule_threshold(-10, false), "-10");
  EXPECT_EQ(rule_threshold(0, false), "0");
  EXPECT_EQ(rule_threshold(1234567, false), "1.23457e+06");
  EXPECT_EQ(rule_threshold(0.00001, false), "1e-05");
  EXPECT_EQ(rule_threshold(0.0001, false), "0.0001");
  EXPECT_EQ(rule_threshold(123456, false), "123456");
  EXPECT_EQ(rule_threshold(100000, false), "100000");
  EXPECT_EQ(rule_threshold(1.0 / 3, false), "0.333333");
}

TEST(BandRuleText, SameAsPrintfOverManyValues) {
  std::mt19937_64 random(20261123);
  std::uniform_int_distribution<int> digits(1, 9);
  std::uniform_int_distribution<int> power(-7, 8);
  std::uniform_real_distribution<double> any(-1e7, 1e7);
  for (int i = 0; i < 20000; ++i) {
    // Short decimals (as thresholds are), and arbitrary doubles.
    const double mantissa = static_cast<double>(digits(random) * 1000 + digits(random) * 10);
    const double shortish = mantissa * std::pow(10.0, power(random));
    for (const double value : {shortish, -shortish, any(random), any(random) * 1e-9}) {
      ASSERT_EQ(rule_threshold(value, false), printf_g(value, false)) << value;
      ASSERT_EQ(rule_threshold(value, true), printf_g(value, true)) << value;
    }
  }
}

}  // namespace
}  // namespace servimetrics
