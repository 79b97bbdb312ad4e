// Financial KPIs through compute(): service revenue share per industry variant, service
// innovation ROI, the two digital transformation ROIs (worked example 96% / -4%, strict and
// non-strict boundaries), CAC change, time to market typed and from dates; scoped inputs
// (`service_innovation_roi.investment` beside a plain `investment`); parse_iso_date.
#include <gtest/gtest.h>

#include "kpi/metrics.hpp"
#include "kpi_test_support.hpp"

namespace {

using namespace servimetrics::testing;

json share_request(double service, double total, const char* industry) {
  json inputs = {{"service_revenue", service}, {"total_revenue", total}};
  if (industry != nullptr) inputs["industry"] = industry;
  return compute_inputs(inputs);
}

TEST(ServiceRevenueShare, ManufacturingBands) {
  struct Case {
    double service;
    double value;
    const char* band;
  };
  for (const Case& c : {Case{25, 0.25, "good"}, Case{20, 0.2, "good"}, Case{19, 0.19, "watch"},
                        Case{15, 0.15, "watch"}, Case{14, 0.14, "bad"}}) {
    SCOPED_TRACE(c.service);
    const json answer = share_request(c.service, 100, "manufacturing");
    EXPECT_EQ(error_count(answer), 0u) << answer.dump();
    EXPECT_DOUBLE_EQ(kpi_value(answer, "service_revenue_share"), c.value);
    EXPECT_EQ(kpi_band(answer, "service_revenue_share"), c.band);
  }
  const json answer = share_request(14, 100, "manufacturing");
  const json* kpi = find_kpi_answer(answer, "service_revenue_share");
  ASSERT_NE(kpi, nullptr);
  EXPECT_EQ(str(*kpi, "rule"), "service revenue share < 15% is bad");
  EXPECT_EQ((*kpi)["rule_spec"], json({{"band", "bad"}, {"op", "<"}, {"value", 0.15}}));
}

TEST(ServiceRevenueShare, TechnologyBands) {
  struct Case {
    double service;
    const char* band;
  };
  for (const Case& c : {Case{60, "good"}, Case{50, "good"}, Case{49, "watch"}, Case{30, "watch"},
                        Case{29, "bad"}}) {
    SCOPED_TRACE(c.service);
    const json answer = share_request(c.service, 100, "technology");
    EXPECT_DOUBLE_EQ(kpi_value(answer, "service_revenue_share"), c.service / 100);
    EXPECT_EQ(kpi_band(answer, "service_revenue_share"), c.band);
  }
}

TEST(ServiceRevenueShare, OtherOrNoIndustryHasNoBand) {
  for (const char* industry : {"other", static_cast<const char*>(nullptr)}) {
    SCOPED_TRACE(industry == nullptr ? "(none)" : industry);
    const json answer = share_request(10, 100, industry);
    EXPECT_EQ(error_count(answer), 0u) << answer.dump();
    EXPECT_DOUBLE_EQ(kpi_value(answer, "service_revenue_share"), 0.1);
    EXPECT_EQ(kpi_band(answer, "service_revenue_share"), "none");
  }
}

TEST(ServiceRevenueShare, UnknownIndustryIsAnError) {
  const json answer = share_request(10, 100, "retail");
  EXPECT_EQ(find_kpi_answer(answer, "service_revenue_share"), nullptr);
  EXPECT_NE(find_error(answer, "service_revenue_share", "industry"), nullptr) << answer.dump();
}

TEST(ServiceInnovationRoi, GainMinusInvestmentOverInvestment) {
  const json good = compute_inputs({{"revenue_gain", 150000}, {"investment", 100000}});
  EXPECT_EQ(error_count(good), 0u) << good.dump();
  EXPECT_DOUBLE_EQ(kpi_value(good, "service_innovation_roi"), 0.5);
  EXPECT_EQ(kpi_band(good, "service_innovation_roi"), "good");
  // Break-even is not good: good > 0, bad <= 0.
  const json even = compute_inputs({{"revenue_gain", 100000}, {"investment", 100000}});
  EXPECT_DOUBLE_EQ(kpi_value(even, "service_innovation_roi"), 0);
  EXPECT_EQ(kpi_band(even, "service_innovation_roi"), "bad");
  const json* kpi = find_kpi_answer(even, "service_innovation_roi");
  ASSERT_NE(kpi, nullptr);
  EXPECT_EQ((*kpi)["rule_spec"], json({{"band", "bad"}, {"op", "<="}, {"value", 0}}));
  const json loss = compute_inputs({{"revenue_gain", 60000}, {"investment", 100000}});
  EXPECT_DOUBLE_EQ(kpi_value(loss, "service_innovation_roi"), -0.4);
  EXPECT_EQ(kpi_band(loss, "service_innovation_roi"), "bad");
  const json barely = compute_inputs({{"revenue_gain", 100001}, {"investment", 100000}});
  EXPECT_DOUBLE_EQ(kpi_value(barely, "service_innovation_roi"), 0.00001);
  EXPECT_EQ(kpi_band(barely, "service_innovation_roi"), "good");
}

TEST(DigitalTransformationRoi, WorkedExampleBothDefinitions) {
  const json answer = compute_inputs({{"benefit_3y", 2400000}, {"investment", 2500000}});
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
  EXPECT_DOUBLE_EQ(kpi_value(answer, "digital_transformation_roi"), 0.96);
  EXPECT_EQ(kpi_band(answer, "digital_transformation_roi"), "good");
  EXPECT_DOUBLE_EQ(kpi_value(answer, "digital_transformation_net_roi"), -0.04);
  EXPECT_EQ(kpi_band(answer, "digital_transformation_net_roi"), "bad");
  // investment alone does not start service_innovation_roi (no revenue_gain): no error.
  EXPECT_EQ(find_kpi_answer(answer, "service_innovation_roi"), nullptr);
  const json* roi = find_kpi_answer(answer, "digital_transformation_roi");
  ASSERT_NE(roi, nullptr);
  EXPECT_EQ((*roi)["rule_spec"], json({{"band", "good"}, {"op", ">"}, {"value", 0.15}}));
}

TEST(DigitalTransformationRoi, BoundariesStrictAtFifteenInclusiveAtTen) {
  struct Case {
    double benefit;
    double value;
    const char* band;
  };
  for (const Case& c : {Case{16, 0.16, "good"}, Case{15, 0.15, "watch"}, Case{12, 0.12, "watch"},
                        Case{10, 0.1, "watch"}, Case{9.99, 0.0999, "bad"}, Case{0, 0, "bad"}}) {
    SCOPED_TRACE(c.benefit);
    const json answer = compute_inputs({{"benefit_3y", c.benefit}, {"investment", 100}});
    EXPECT_DOUBLE_EQ(kpi_value(answer, "digital_transformation_roi"), c.value);
    EXPECT_EQ(kpi_band(answer, "digital_transformation_roi"), c.band);
  }
  const json at = compute_inputs({{"benefit_3y", 15}, {"investment", 100}});
  const json* kpi = find_kpi_answer(at, "digital_transformation_roi");
  ASSERT_NE(kpi, nullptr);
  EXPECT_EQ((*kpi)["rule_spec"], json({{"band", "watch"}, {"op", ">="}, {"value", 0.1}}));
}

TEST(DigitalTransformationNetRoi, PositiveOnlyWhenBenefitExceedsInvestment) {
  const json good = compute_inputs({{"benefit_3y", 3000000}, {"investment", 2500000}});
  EXPECT_DOUBLE_EQ(kpi_value(good, "digital_transformation_net_roi"), 0.2);
  EXPECT_EQ(kpi_band(good, "digital_transformation_net_roi"), "good");
  const json even = compute_inputs({{"benefit_3y", 2500000}, {"investment", 2500000}});
  EXPECT_DOUBLE_EQ(kpi_value(even, "digital_transformation_net_roi"), 0);
  EXPECT_EQ(kpi_band(even, "digital_transformation_net_roi"), "bad");
  EXPECT_DOUBLE_EQ(kpi_value(even, "digital_transformation_roi"), 1);
}

TEST(ScopedInputs, ScopedInvestmentBelongsToOneKpiOnly) {
  const json answer = compute_inputs({{"revenue_gain", 150},
                                      {"service_innovation_roi.investment", 100},
                                      {"benefit_3y", 2400000},
                                      {"investment", 2500000}});
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
  EXPECT_DOUBLE_EQ(kpi_value(answer, "service_innovation_roi"), 0.5);  // (150 - 100) / 100
  EXPECT_DOUBLE_EQ(kpi_value(answer, "digital_transformation_roi"), 0.96);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "digital_transformation_net_roi"), -0.04);
}

TEST(ScopedInputs, PlainInvestmentServesEveryKpiWithoutAScopedValue) {
  const json answer =
      compute_inputs({{"revenue_gain", 300}, {"benefit_3y", 240}, {"investment", 200}});
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
  EXPECT_DOUBLE_EQ(kpi_value(answer, "service_innovation_roi"), 0.5);  // (300 - 200) / 200
  EXPECT_DOUBLE_EQ(kpi_value(answer, "digital_transformation_roi"), 1.2);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "digital_transformation_net_roi"), 0.2);
}

TEST(ScopedInputs, EachKpiItsOwnScopedValue) {
  const json answer = compute_inputs({{"revenue_gain", 300},
                                      {"benefit_3y", 240},
                                      {"service_innovation_roi.investment", 100},
                                      {"digital_transformation_roi.investment", 300},
                                      {"digital_transformation_net_roi.investment", 120}});
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
  EXPECT_DOUBLE_EQ(kpi_value(answer, "service_innovation_roi"), 2);          // (300 - 100) / 100
  EXPECT_DOUBLE_EQ(kpi_value(answer, "digital_transformation_roi"), 0.8);    // 240 / 300
  EXPECT_DOUBLE_EQ(kpi_value(answer, "digital_transformation_net_roi"), 1);  // (240 - 120) / 120
}

TEST(ScopedInputs, ErrorsNameTheScopedKey) {
  const json answer = compute_inputs({{"revenue_gain", 300},
                                      {"service_innovation_roi.investment", 0},
                                      {"benefit_3y", 240},
                                      {"investment", 200}});
  EXPECT_EQ(find_kpi_answer(answer, "service_innovation_roi"), nullptr);
  const json* error =
      find_error(answer, "service_innovation_roi", "service_innovation_roi.investment");
  ASSERT_NE(error, nullptr) << answer.dump();
  EXPECT_NE(str(*error, "message").find("service_innovation_roi.investment"), std::string::npos);
  // The plain investment still serves the digital ROIs.
  EXPECT_DOUBLE_EQ(kpi_value(answer, "digital_transformation_roi"), 1.2);

  const json negative =
      compute_inputs({{"revenue_gain", 300}, {"service_innovation_roi.investment", -5}});
  EXPECT_NE(find_error(negative, "service_innovation_roi", "service_innovation_roi.investment"),
            nullptr)
      << negative.dump();
}

TEST(CacChange, AfterMinusBeforeOverBefore) {
  const json lower = compute_inputs({{"cac_before", 20000}, {"cac_after", 18000}});
  EXPECT_DOUBLE_EQ(kpi_value(lower, "cac_change"), -0.1);
  EXPECT_EQ(kpi_band(lower, "cac_change"), "good");
  const json higher = compute_inputs({{"cac_before", 20000}, {"cac_after", 22000}});
  EXPECT_DOUBLE_EQ(kpi_value(higher, "cac_change"), 0.1);
  EXPECT_EQ(kpi_band(higher, "cac_change"), "bad");
  const json* kpi = find_kpi_answer(higher, "cac_change");
  ASSERT_NE(kpi, nullptr);
  EXPECT_EQ((*kpi)["rule_spec"], json({{"band", "bad"}, {"op", ">"}, {"value", 0}}));
  // Unchanged CAC is neither good (< 0) nor bad (> 0).
  const json same = compute_inputs({{"cac_before", 20000}, {"cac_after", 20000}});
  EXPECT_DOUBLE_EQ(kpi_value(same, "cac_change"), 0);
  EXPECT_EQ(kpi_band(same, "cac_change"), "watch");
  // Only cac_before and cac_after: cac_savings lacks new_customers_per_year and is not started.
  EXPECT_EQ(find_kpi_answer(same, "cac_savings"), nullptr);
  EXPECT_EQ(error_count(same), 0u) << same.dump();
}

TEST(CacChange, ZeroCacBeforeIsAnError) {
  const json answer = compute_inputs({{"cac_before", 0}, {"cac_after", 100}});
  EXPECT_EQ(find_kpi_answer(answer, "cac_change"), nullptr);
  EXPECT_NE(find_error(answer, "cac_change", "cac_before"), nullptr) << answer.dump();
}

TEST(TimeToMarket, TypedMonthsWithBandsAtThreeAndSix) {
  struct Case {
    double months;
    const char* band;
  };
  for (const Case& c :
       {Case{2, "good"}, Case{3, "good"}, Case{3.5, "watch"}, Case{6, "watch"}, Case{6.5, "bad"}}) {
    SCOPED_TRACE(c.months);
    const json answer = compute_inputs({{"idea_to_launch_months", c.months}});
    EXPECT_DOUBLE_EQ(kpi_value(answer, "time_to_market_months"), c.months);
    EXPECT_EQ(kpi_band(answer, "time_to_market_months"), c.band);
  }
}

TEST(TimeToMarket, FromTwoDates) {
  // A month is a twelfth of the mean Gregorian year (365.2425 / 12 = 30.436875 days); allow for
  // 30.44 too. 2024-01-01 to 2024-04-01: 31 + 29 + 31 = 91 days = 2.99 months.
  struct Case {
    const char* idea;
    const char* launch;
    double days;
    const char* band;
  };
  for (const Case& c : {Case{"2024-01-01", "2024-04-01", 91, "good"},
                        Case{"2023-01-01", "2023-07-01", 181, "watch"},
                        Case{"2023-01-01", "2024-01-01", 365, "bad"},
                        Case{"2024-05-05", "2024-05-05", 0, "good"}}) {
    SCOPED_TRACE(c.launch);
    const json answer = compute_inputs({{"idea_date", c.idea}, {"launch_date", c.launch}});
    EXPECT_EQ(error_count(answer), 0u) << answer.dump();
    EXPECT_NEAR(kpi_value(answer, "time_to_market_months"), c.days / 30.436875, 0.002);
    EXPECT_EQ(kpi_band(answer, "time_to_market_months"), c.band);
  }
}

TEST(TimeToMarket, TypedMonthsWinOverDates) {
  const json answer = compute_inputs(
      {{"idea_to_launch_months", 5}, {"idea_date", "2024-01-01"}, {"launch_date", "2024-02-01"}});
  EXPECT_DOUBLE_EQ(kpi_value(answer, "time_to_market_months"), 5);
}

TEST(TimeToMarket, DateErrors) {
  const json before = compute_inputs({{"idea_date", "2024-05-01"}, {"launch_date", "2024-04-01"}});
  EXPECT_EQ(find_kpi_answer(before, "time_to_market_months"), nullptr);
  EXPECT_NE(find_error(before, "time_to_market_months", "launch_date"), nullptr) << before.dump();

  const json one = compute_inputs({{"idea_date", "2024-05-01"}});
  const json* missing = find_error(one, "time_to_market_months", "launch_date");
  ASSERT_NE(missing, nullptr) << one.dump();
  EXPECT_NE(str(*missing, "message").find("missing"), std::string::npos);

  for (const json& bad : {json("2023-02-29"), json("2024/01/01"), json("2024-1-1"), json(20240101),
                          json("yesterday")}) {
    SCOPED_TRACE(bad.dump());
    const json answer = compute_inputs({{"idea_date", bad}, {"launch_date", "2024-06-01"}});
    EXPECT_EQ(find_kpi_answer(answer, "time_to_market_months"), nullptr);
    EXPECT_NE(find_error(answer, "time_to_market_months", "idea_date"), nullptr) << answer.dump();
  }
}

TEST(ParseIsoDate, DaysSinceEpochAndLeapYears) {
  using servimetrics::parse_iso_date;
  EXPECT_EQ(parse_iso_date("1970-01-01"), 0);
  EXPECT_EQ(parse_iso_date("1970-01-02"), 1);
  EXPECT_EQ(parse_iso_date("1969-12-31"), -1);
  EXPECT_EQ(parse_iso_date("2000-01-01"), 10957);  // 30 * 365 + 7 leap days (1972..1996)
  ASSERT_TRUE(parse_iso_date("2024-02-29").has_value());
  EXPECT_EQ(*parse_iso_date("2024-03-01") - *parse_iso_date("2024-02-28"), 2);
  EXPECT_EQ(*parse_iso_date("2023-03-01") - *parse_iso_date("2023-02-28"), 1);
  EXPECT_TRUE(parse_iso_date("2000-02-29").has_value());   // divisible by 400
  EXPECT_FALSE(parse_iso_date("1900-02-29").has_value());  // divisible by 100 only
  EXPECT_FALSE(parse_iso_date("2023-02-29").has_value());
  for (const char* bad : {"2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00", "2024-01-32",
                          "2024-1-01", "24-01-01", " 2024-01-01", "2024-01-01 ", "2024/01/01",
                          "2024-01-01T00:00", "", "abcd-ef-gh", "+024-01-01", "0000-01-01"}) {
    EXPECT_FALSE(parse_iso_date(bad).has_value()) << bad;
  }
}

}  // namespace
