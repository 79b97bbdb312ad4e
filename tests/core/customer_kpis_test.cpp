// Customer KPIs through compute(): CLV, CLTV (plain, with margin, discounted annuity), LTV:CAC
// (worked example, bands at and around 3 and 2, derived from the computed cltv and cac KPIs),
// retention, churn and revenue churn (band at 15%), NPS with its MOVER-Wilson interval, CSAT from
// counts and typed. Expected values are computed by hand from kpi-catalog.md.
#include <gtest/gtest.h>

#include <cmath>

#include "kpi_test_support.hpp"

namespace {

using namespace servimetrics::testing;

TEST(Clv, ValueTimesFrequencyTimesLifespan) {
  const json answer = compute_inputs(
      {{"avg_purchase_value", 120}, {"purchases_per_year", 4}, {"lifespan_years", 5}});
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
  EXPECT_DOUBLE_EQ(kpi_value(answer, "clv"), 2400);  // 120 * 4 * 5
  const json* clv = find_kpi_answer(answer, "clv");
  ASSERT_NE(clv, nullptr);
  EXPECT_EQ(str(*clv, "unit"), "money");
  EXPECT_EQ(str(*clv, "band"), "none");
  EXPECT_EQ(str(*clv, "rule"), "no threshold");
  EXPECT_TRUE(clv->contains("rule_spec") && (*clv)["rule_spec"].is_null());
  EXPECT_FALSE(str(*clv, "formula").empty());
  // Nothing else was asked for.
  EXPECT_EQ(answer["kpis"].size(), 1u);
}

TEST(Answer, CarriesTheInputsUsedAsDocumented) {
  // docs/JSON-API.md: each KPI of the answer has "inputs_used" ({"avg_purchase_value": 120, ...}).
  const json answer = compute_inputs(
      {{"avg_purchase_value", 120}, {"purchases_per_year", 4}, {"lifespan_years", 5}});
  const json* clv = find_kpi_answer(answer, "clv");
  ASSERT_NE(clv, nullptr);
  ASSERT_TRUE(clv->contains("inputs_used")) << clv->dump();
  EXPECT_DOUBLE_EQ(num((*clv)["inputs_used"], "avg_purchase_value"), 120);
  EXPECT_DOUBLE_EQ(num((*clv)["inputs_used"], "purchases_per_year"), 4);
  EXPECT_DOUBLE_EQ(num((*clv)["inputs_used"], "lifespan_years"), 5);
  // Derived inputs show the value taken from the other KPI.
  const json derived = compute_inputs({{"annual_revenue_per_customer", 10000},
                                       {"relationship_years", 3},
                                       {"sales_marketing_spend", 1000000},
                                       {"new_customers", 100}});
  const json* ratio = find_kpi_answer(derived, "ltv_cac_ratio");
  ASSERT_NE(ratio, nullptr);
  ASSERT_TRUE(ratio->contains("inputs_used")) << ratio->dump();
  EXPECT_DOUBLE_EQ(num((*ratio)["inputs_used"], "cltv"), 30000);
  EXPECT_DOUBLE_EQ(num((*ratio)["inputs_used"], "cac"), 10000);
}

TEST(Cltv, WorkedExampleTenThousandForThreeYears) {
  const json answer =
      compute_inputs({{"annual_revenue_per_customer", 10000}, {"relationship_years", 3}});
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
  EXPECT_DOUBLE_EQ(kpi_value(answer, "cltv"), 30000);
  EXPECT_EQ(kpi_band(answer, "cltv"), "none");
}

TEST(Cltv, GrossMarginScalesTheAnnualRevenue) {
  const json answer = compute_inputs(
      {{"annual_revenue_per_customer", 10000}, {"relationship_years", 3}, {"gross_margin", 0.4}});
  EXPECT_NEAR(kpi_value(answer, "cltv"), 12000, 1e-9);  // 10,000 * 0.4 * 3
}

TEST(Cltv, DiscountRateGivesTheAnnuityOfYearEndCash) {
  // 5,000 a year of margin for 3 years at 10%: 5000/1.1 + 5000/1.21 + 5000/1.331.
  const double by_hand = 5000 / 1.1 + 5000 / 1.21 + 5000 / 1.331;
  const json answer = compute_inputs({{"annual_revenue_per_customer", 10000},
                                      {"relationship_years", 3},
                                      {"gross_margin", 0.5},
                                      {"discount_rate", 0.1}});
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
  EXPECT_NEAR(kpi_value(answer, "cltv"), 12434.2599549211, 1e-6);
  EXPECT_NEAR(kpi_value(answer, "cltv"), by_hand, 1e-6);
}

TEST(Cltv, DiscountRateZeroIsTheUndiscountedValue) {
  const json answer = compute_inputs(
      {{"annual_revenue_per_customer", 10000}, {"relationship_years", 3}, {"discount_rate", 0}});
  EXPECT_DOUBLE_EQ(kpi_value(answer, "cltv"), 30000);
}

TEST(Cltv, TinyDiscountRateTendsToTheUndiscountedValue) {
  // (1 - (1+d)^-3) / d -> 3 as d -> 0: 3 - 6d + 10d^2 ... For d = 1e-12 that is 30000 - 6e-8;
  // for d = 1e-20 it is 30000 to the last digit. A formula that forms 1 + d loses it all.
  const json small = compute_inputs({{"annual_revenue_per_customer", 10000},
                                     {"relationship_years", 3},
                                     {"discount_rate", 1e-12}});
  EXPECT_NEAR(kpi_value(small, "cltv"), 30000, 0.01);
  const json tiny = compute_inputs({{"annual_revenue_per_customer", 10000},
                                    {"relationship_years", 3},
                                    {"discount_rate", 1e-20}});
  EXPECT_NEAR(kpi_value(tiny, "cltv"), 30000, 0.01);
}

TEST(LtvCacRatio, WorkedExampleRatioThreeIsHealthy) {
  const json answer = compute_inputs({{"cltv", 30000}, {"cac", 10000}});
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
  EXPECT_DOUBLE_EQ(kpi_value(answer, "ltv_cac_ratio"), 3);
  const json* kpi = find_kpi_answer(answer, "ltv_cac_ratio");
  ASSERT_NE(kpi, nullptr);
  EXPECT_EQ(str(*kpi, "band"), "good");
  EXPECT_EQ(str(*kpi, "unit"), "ratio");
  EXPECT_EQ(str(*kpi, "rule"), "LTV:CAC >= 3 is good");
  EXPECT_EQ((*kpi)["rule_spec"], json({{"band", "good"}, {"op", ">="}, {"value", 3}}));
}

TEST(LtvCacRatio, BandsAtAndAroundTheThresholds) {
  struct Case {
    double cltv;
    double expected_ratio;
    const char* band;
    const char* rule;
  };
  const Case cases[] = {
      {4000, 4, "good", "LTV:CAC >= 3 is good"},       {3000, 3, "good", "LTV:CAC >= 3 is good"},
      {2999, 2.999, "watch", "LTV:CAC >= 2 is watch"}, {2000, 2, "watch", "LTV:CAC >= 2 is watch"},
      {1990, 1.99, "bad", "LTV:CAC < 2 is bad"},       {0, 0, "bad", "LTV:CAC < 2 is bad"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.cltv);
    const json answer = compute_inputs({{"cltv", c.cltv}, {"cac", 1000}});
    EXPECT_DOUBLE_EQ(kpi_value(answer, "ltv_cac_ratio"), c.expected_ratio);
    EXPECT_EQ(kpi_band(answer, "ltv_cac_ratio"), c.band);
    const json* kpi = find_kpi_answer(answer, "ltv_cac_ratio");
    ASSERT_NE(kpi, nullptr);
    EXPECT_EQ(str(*kpi, "rule"), c.rule);
    EXPECT_EQ(str((*kpi)["rule_spec"], "band"), c.band);
  }
  const json bad = compute_inputs({{"cltv", 1990}, {"cac", 1000}});
  const json* kpi = find_kpi_answer(bad, "ltv_cac_ratio");
  ASSERT_NE(kpi, nullptr);
  EXPECT_EQ((*kpi)["rule_spec"], json({{"band", "bad"}, {"op", "<"}, {"value", 2}}));
}

TEST(LtvCacRatio, DerivedFromTheComputedCltvAndCacKpis) {
  // cltv KPI: 10,000 * 3 = 30,000; cac KPI: 1,000,000 / 100 = 10,000; ratio 3.
  const json answer = compute_inputs({{"annual_revenue_per_customer", 10000},
                                      {"relationship_years", 3},
                                      {"sales_marketing_spend", 1000000},
                                      {"new_customers", 100}});
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
  EXPECT_DOUBLE_EQ(kpi_value(answer, "cltv"), 30000);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "cac"), 10000);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "ltv_cac_ratio"), 3);
  EXPECT_EQ(kpi_band(answer, "ltv_cac_ratio"), "good");
}

TEST(LtvCacRatio, TypedInputWinsOverTheDerivedKpi) {
  // cltv typed as 20,000 although the cltv KPI computes 30,000; cac from the KPI: 10,000.
  const json answer = compute_inputs({{"annual_revenue_per_customer", 10000},
                                      {"relationship_years", 3},
                                      {"cltv", 20000},
                                      {"sales_marketing_spend", 1000000},
                                      {"new_customers", 100}});
  EXPECT_DOUBLE_EQ(kpi_value(answer, "ltv_cac_ratio"), 2);
  EXPECT_EQ(kpi_band(answer, "ltv_cac_ratio"), "watch");
}

TEST(LtvCacRatio, DerivedCacFromChannels) {
  // cac KPI from channels: (30,000 + 70,000) / (20 + 30) = 2,000; cltv typed 5,000 -> 2.5.
  const json answer = compute_inputs({{"cltv", 5000},
                                      {"channels",
                                       {{"online", {{"spend", 30000}, {"new_customers", 20}}},
                                        {"events", {{"spend", 70000}, {"new_customers", 30}}}}}});
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
  EXPECT_DOUBLE_EQ(kpi_value(answer, "cac"), 2000);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "ltv_cac_ratio"), 2.5);
}

TEST(LtvCacRatio, OnlyTheCltvKpiComputedGivesNoRatioAndNoError) {
  const json answer =
      compute_inputs({{"annual_revenue_per_customer", 10000}, {"relationship_years", 3}});
  EXPECT_EQ(find_kpi_answer(answer, "ltv_cac_ratio"), nullptr);
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
}

TEST(RetentionRate, EndMinusNewOverStart) {
  // (95 - 5) / 100 = 0.9
  const json answer =
      compute_inputs({{"customers_start", 100}, {"customers_end", 95}, {"new_customers", 5}});
  EXPECT_DOUBLE_EQ(kpi_value(answer, "retention_rate"), 0.9);
  EXPECT_EQ(kpi_band(answer, "retention_rate"), "none");
}

TEST(RetentionRate, AlonePutsNoErrorInTheAnswer) {
  // new_customers is shared with cac; giving it for retention must not start cac, which also needs
  // sales_marketing_spend (or channels): the answer is clean.
  const json answer =
      compute_inputs({{"customers_start", 100}, {"customers_end", 95}, {"new_customers", 5}});
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
  EXPECT_EQ(find_kpi_answer(answer, "cac"), nullptr);
  EXPECT_EQ(answer["kpis"].size(), 1u) << answer.dump();
}

TEST(RetentionRate, ErrorQuotesTheValuesTheUserGave) {
  // (100 - 20) / 50 > 1: impossible. The message must not claim customers_end is 80.
  const json answer =
      compute_inputs({{"customers_start", 50}, {"customers_end", 100}, {"new_customers", 20}});
  EXPECT_EQ(find_kpi_answer(answer, "retention_rate"), nullptr);
  const json* error = find_error(answer, "retention_rate");
  ASSERT_NE(error, nullptr) << answer.dump();
  const std::string message = str(*error, "message");
  EXPECT_EQ(message.find("customers_end (80)"), std::string::npos) << message;
}

TEST(ChurnRate, WorkedExampleTenOfAHundred) {
  const json answer = compute_inputs({{"customers_start", 100}, {"customers_lost", 10}});
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
  EXPECT_DOUBLE_EQ(kpi_value(answer, "churn_rate"), 0.1);
  EXPECT_EQ(kpi_band(answer, "churn_rate"), "good");
  // customers_start alone is shared with retention_rate, which is not attempted.
  EXPECT_EQ(find_kpi_answer(answer, "retention_rate"), nullptr);
}

TEST(ChurnRate, BadOnlyAboveFifteenPercent) {
  const json at = compute_inputs({{"customers_start", 100}, {"customers_lost", 15}});
  EXPECT_DOUBLE_EQ(kpi_value(at, "churn_rate"), 0.15);
  EXPECT_EQ(kpi_band(at, "churn_rate"), "good");
  const json* kpi = find_kpi_answer(at, "churn_rate");
  ASSERT_NE(kpi, nullptr);
  EXPECT_EQ(str(*kpi, "rule"), "churn rate <= 15% is good");
  EXPECT_EQ((*kpi)["rule_spec"], json({{"band", "good"}, {"op", "<="}, {"value", 0.15}}));

  const json above = compute_inputs({{"customers_start", 1000}, {"customers_lost", 151}});
  EXPECT_DOUBLE_EQ(kpi_value(above, "churn_rate"), 0.151);
  EXPECT_EQ(kpi_band(above, "churn_rate"), "bad");
  kpi = find_kpi_answer(above, "churn_rate");
  ASSERT_NE(kpi, nullptr);
  EXPECT_EQ(str(*kpi, "rule"), "churn rate > 15% is bad");
  EXPECT_EQ((*kpi)["rule_spec"], json({{"band", "bad"}, {"op", ">"}, {"value", 0.15}}));
}

TEST(RevenueChurnRate, LostOverStartWithTheSameBand) {
  const json good =
      compute_inputs({{"recurring_revenue_start", 200000}, {"recurring_revenue_lost", 30000}});
  EXPECT_DOUBLE_EQ(kpi_value(good, "revenue_churn_rate"), 0.15);
  EXPECT_EQ(kpi_band(good, "revenue_churn_rate"), "good");
  const json bad =
      compute_inputs({{"recurring_revenue_start", 200000}, {"recurring_revenue_lost", 50000}});
  EXPECT_DOUBLE_EQ(kpi_value(bad, "revenue_churn_rate"), 0.25);
  EXPECT_EQ(kpi_band(bad, "revenue_churn_rate"), "bad");
}

// NPS by hand: 100 (P - D) / n; the 95% interval by MOVER (Newcombe's square-and-add) on Wilson
// score intervals of p = P / n and d = D / n, correlated r = -sqrt(p d / ((1 - p)(1 - d))):
// low = p - d - sqrt((p - l_p)^2 + (u_d - d)^2 - 2 r (p - l_p)(u_d - d)), high likewise; x100.
// Values from an independent Python script of these formulas (small_sample_test.cpp has more).
struct NpsCase {
  double promoters, passives, detractors;
  double score, low, high;
};

TEST(Nps, ScoreAndMoverWilsonInterval) {
  const NpsCase cases[] = {
      {50, 30, 20, 30.0, 13.974532728908, 44.176156098898},
      {3, 1, 2, 100.0 / 6, -46.104414716114, 67.46556349602},
      {10, 0, 0, 100.0, 60.750935043052, 100.0},    // all promoters: the interval reaches 100
      {0, 0, 7, -100.0, -100.0, -49.890109316713},  // all detractors: it reaches -100
  };
  for (const NpsCase& c : cases) {
    SCOPED_TRACE(::testing::Message() << c.promoters << "/" << c.passives << "/" << c.detractors);
    const json answer = compute_inputs(
        {{"promoters", c.promoters}, {"passives", c.passives}, {"detractors", c.detractors}});
    EXPECT_EQ(error_count(answer), 0u) << answer.dump();
    EXPECT_NEAR(kpi_value(answer, "nps"), c.score, 1e-9);
    const json* kpi = find_kpi_answer(answer, "nps");
    ASSERT_NE(kpi, nullptr);
    EXPECT_EQ(str(*kpi, "unit"), "points");
    EXPECT_EQ(str(*kpi, "band"), "none");
    ASSERT_TRUE(kpi->contains("interval") && (*kpi)["interval"].is_object()) << kpi->dump();
    const json& interval = (*kpi)["interval"];
    EXPECT_NEAR(num(interval, "low"), c.low, 1e-9);
    EXPECT_NEAR(num(interval, "high"), c.high, 1e-9);
    EXPECT_DOUBLE_EQ(num(interval, "level"), 0.95);
    EXPECT_EQ(str(interval, "method"), "mover_wilson");
    EXPECT_LE(num(interval, "low"), c.score);
    EXPECT_GE(num(interval, "high"), c.score);
  }
}

TEST(Nps, IntervalNarrowsWithMoreRespondents) {
  const json small = compute_inputs({{"promoters", 5}, {"passives", 3}, {"detractors", 2}});
  const json large = compute_inputs({{"promoters", 500}, {"passives", 300}, {"detractors", 200}});
  EXPECT_DOUBLE_EQ(kpi_value(small, "nps"), 30);
  EXPECT_DOUBLE_EQ(kpi_value(large, "nps"), 30);
  const json* s = find_kpi_answer(small, "nps");
  const json* l = find_kpi_answer(large, "nps");
  ASSERT_NE(s, nullptr);
  ASSERT_NE(l, nullptr);
  const double small_width = num((*s)["interval"], "high") - num((*s)["interval"], "low");
  const double large_width = num((*l)["interval"], "high") - num((*l)["interval"], "low");
  EXPECT_LT(large_width, small_width / 5);
  EXPECT_NEAR(num((*s)["interval"], "low"), -19.698676021174, 1e-9);
  EXPECT_NEAR(num((*s)["interval"], "high"), 65.731515114428, 1e-9);
  EXPECT_NEAR(num((*l)["interval"], "low"), 25.070328322868, 1e-9);
  EXPECT_NEAR(num((*l)["interval"], "high"), 34.738562556702, 1e-9);
}

TEST(Nps, ZeroRespondentsIsAnError) {
  const json answer = compute_inputs({{"promoters", 0}, {"passives", 0}, {"detractors", 0}});
  EXPECT_EQ(find_kpi_answer(answer, "nps"), nullptr);
  EXPECT_NE(find_error(answer, "nps"), nullptr) << answer.dump();
}

TEST(Csat, MeanAndTopTwoBoxFromCounts) {
  // Scores 1..5 counted 2, 3, 10, 40, 45: n = 100; sum = 2 + 6 + 30 + 160 + 225 = 423.
  const json answer = compute_inputs({{"csat_score_counts", {2, 3, 10, 40, 45}}});
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
  EXPECT_DOUBLE_EQ(kpi_value(answer, "csat"), 4.23);
  EXPECT_EQ(kpi_band(answer, "csat"), "good");
  const json* kpi = find_kpi_answer(answer, "csat");
  ASSERT_NE(kpi, nullptr);
  EXPECT_EQ(str(*kpi, "unit"), "score");
  ASSERT_TRUE(kpi->contains("details"));
  EXPECT_DOUBLE_EQ(num((*kpi)["details"], "top2_share"), 0.85);  // (40 + 45) / 100
}

TEST(Csat, UnderFourIsBad) {
  // 10 each: mean (10 + 20 + 30 + 40 + 50) / 50 = 3; top-2 = 20 / 50.
  const json answer = compute_inputs({{"csat_score_counts", {10, 10, 10, 10, 10}}});
  EXPECT_DOUBLE_EQ(kpi_value(answer, "csat"), 3);
  EXPECT_EQ(kpi_band(answer, "csat"), "bad");
  const json* kpi = find_kpi_answer(answer, "csat");
  ASSERT_NE(kpi, nullptr);
  EXPECT_DOUBLE_EQ(num((*kpi)["details"], "top2_share"), 0.4);
  EXPECT_EQ(str(*kpi, "rule"), "CSAT < 4 is bad");
}

TEST(Csat, TypedAverage) {
  const json at = compute_inputs({{"csat_average", 4}});
  EXPECT_DOUBLE_EQ(kpi_value(at, "csat"), 4);
  EXPECT_EQ(kpi_band(at, "csat"), "good");
  const json below = compute_inputs({{"csat_average", 3.99}});
  EXPECT_DOUBLE_EQ(kpi_value(below, "csat"), 3.99);
  EXPECT_EQ(kpi_band(below, "csat"), "bad");
}

TEST(Csat, AverageOutsideOneToFiveIsAnError) {
  const json answer = compute_inputs({{"csat_average", 5.5}});
  EXPECT_EQ(find_kpi_answer(answer, "csat"), nullptr);
  EXPECT_NE(find_error(answer, "csat", "csat_average"), nullptr) << answer.dump();
}

TEST(Csat, NoResponsesIsAnError) {
  const json answer = compute_inputs({{"csat_score_counts", {0, 0, 0, 0, 0}}});
  EXPECT_EQ(find_kpi_answer(answer, "csat"), nullptr);
  EXPECT_NE(find_error(answer, "csat", "csat_score_counts"), nullptr) << answer.dump();
}

}  // namespace
