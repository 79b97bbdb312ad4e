// Threshold overrides in the request's "thresholds": moving good and watch (the catalog's
// direction and strictness stay), variant overrides (industry, process, role), and every bad
// override (unknown KPI or variant, threshold the KPI lacks, non-number, good/watch out of order),
// which is reported while the KPI keeps its catalog bands.
#include <gtest/gtest.h>

#include "kpi_test_support.hpp"

namespace {

using namespace servimetrics::testing;

json request(json inputs, json thresholds) {
  return {{"inputs", std::move(inputs)}, {"thresholds", std::move(thresholds)}};
}

const json kRatioThree = {{"cltv", 30000}, {"cac", 10000}};  // LTV:CAC = 3

TEST(Thresholds, RaisingGoodMovesTheBand) {
  const json answer =
      servimetrics::compute(request(kRatioThree, {{"ltv_cac_ratio", {{"good", 4}}}}));
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
  EXPECT_DOUBLE_EQ(kpi_value(answer, "ltv_cac_ratio"), 3);
  EXPECT_EQ(kpi_band(answer, "ltv_cac_ratio"), "watch");  // below 4, at or above the catalog's 2
  const json* kpi = find_kpi_answer(answer, "ltv_cac_ratio");
  ASSERT_NE(kpi, nullptr);
  EXPECT_EQ(str(*kpi, "rule"), "LTV:CAC >= 2 is watch");

  const json at_four = servimetrics::compute(
      request({{"cltv", 40000}, {"cac", 10000}}, {{"ltv_cac_ratio", {{"good", 4}}}}));
  kpi = find_kpi_answer(at_four, "ltv_cac_ratio");
  ASSERT_NE(kpi, nullptr);
  EXPECT_EQ(str(*kpi, "band"), "good");
  EXPECT_EQ(str(*kpi, "rule"), "LTV:CAC >= 4 is good");
  EXPECT_EQ((*kpi)["rule_spec"], json({{"band", "good"}, {"op", ">="}, {"value", 4}}));
}

TEST(Thresholds, GoodAndWatchTogether) {
  const json thresholds = {{"ltv_cac_ratio", {{"good", 4}, {"watch", 2.5}}}};
  const json bad = servimetrics::compute(request({{"cltv", 24000}, {"cac", 10000}}, thresholds));
  EXPECT_EQ(kpi_band(bad, "ltv_cac_ratio"), "bad");  // 2.4 < 2.5
  const json watch = servimetrics::compute(request({{"cltv", 25000}, {"cac", 10000}}, thresholds));
  EXPECT_EQ(kpi_band(watch, "ltv_cac_ratio"), "watch");
}

TEST(Thresholds, NumericStringIsAccepted) {
  const json answer =
      servimetrics::compute(request(kRatioThree, {{"ltv_cac_ratio", {{"good", "4"}}}}));
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
  EXPECT_EQ(kpi_band(answer, "ltv_cac_ratio"), "watch");
}

TEST(Thresholds, StrictnessAndDirectionStay) {
  // repeat_complaint_rate is "good < x": moving x to 10% keeps it strict.
  const json at = servimetrics::compute(request({{"complaints", 100}, {"repeat_complaints", 10}},
                                                {{"repeat_complaint_rate", {{"good", 0.1}}}}));
  EXPECT_EQ(kpi_band(at, "repeat_complaint_rate"), "bad");
  const json under = servimetrics::compute(request({{"complaints", 100}, {"repeat_complaints", 9}},
                                                   {{"repeat_complaint_rate", {{"good", 0.1}}}}));
  EXPECT_EQ(kpi_band(under, "repeat_complaint_rate"), "good");
  // first_response_hours is lower-is-better: good <= 2 makes 1.5 good and 3 watch.
  const json fast = servimetrics::compute(
      request({{"avg_first_response_hours", 1.5}}, {{"first_response_hours", {{"good", 2}}}}));
  EXPECT_EQ(kpi_band(fast, "first_response_hours"), "good");
  const json slower = servimetrics::compute(
      request({{"avg_first_response_hours", 3}}, {{"first_response_hours", {{"good", 2}}}}));
  EXPECT_EQ(kpi_band(slower, "first_response_hours"), "watch");
}

TEST(Thresholds, OverrideOnlyTouchesItsKpi) {
  const json answer = servimetrics::compute(
      request({{"cltv", 30000}, {"cac", 10000}, {"customers_start", 100}, {"customers_lost", 20}},
              {{"churn_rate", {{"good", 0.25}}}}));
  EXPECT_EQ(kpi_band(answer, "churn_rate"), "good");  // 20% <= 25%
  EXPECT_EQ(kpi_band(answer, "ltv_cac_ratio"), "good");
  const json* kpi = find_kpi_answer(answer, "churn_rate");
  ASSERT_NE(kpi, nullptr);
  EXPECT_EQ(str(*kpi, "rule"), "churn rate <= 25% is good");
}

TEST(Thresholds, IndustryVariantOverride) {
  const json inputs = {
      {"service_revenue", 25}, {"total_revenue", 100}, {"industry", "manufacturing"}};
  const json before = compute_inputs(inputs);
  EXPECT_EQ(kpi_band(before, "service_revenue_share"), "good");
  const json after = servimetrics::compute(
      request(inputs, {{"service_revenue_share", {{"manufacturing", {{"good", 0.3}}}}}}));
  EXPECT_EQ(error_count(after), 0u) << after.dump();
  EXPECT_DOUBLE_EQ(kpi_value(after, "service_revenue_share"), 0.25);
  EXPECT_EQ(kpi_band(after, "service_revenue_share"), "watch");  // below 30%, at or above 15%
  // The technology variant is untouched.
  const json tech = servimetrics::compute(
      request({{"service_revenue", 25}, {"total_revenue", 100}, {"industry", "technology"}},
              {{"service_revenue_share", {{"manufacturing", {{"good", 0.3}}}}}}));
  EXPECT_EQ(kpi_band(tech, "service_revenue_share"), "bad");  // 25% < 30% of technology
}

TEST(Thresholds, ProcessAndRoleVariantOverrides) {
  const json processes = {
      {"processes", {{"customer_follow_up", {{"steps_total", 100}, {"steps_in_system", 85}}}}}};
  EXPECT_EQ(kpi_band(compute_inputs(processes), "process_digitization_rate"), "bad");
  const json moved = servimetrics::compute(request(
      processes, {{"process_digitization_rate", {{"customer_follow_up", {{"good", 0.8}}}}}}));
  EXPECT_EQ(error_count(moved), 0u) << moved.dump();
  EXPECT_EQ(kpi_band(moved, "process_digitization_rate"), "good");

  const json roles = {{"roles", {{"customer_service", {{"assessed", 10}, {"passed", 9}}}}}};
  const json relaxed = servimetrics::compute(
      request(roles, {{"digital_skill_pass_rate", {{"customer_service", {{"good", 0.9}}}}}}));
  EXPECT_EQ(kpi_band(relaxed, "digital_skill_pass_rate"), "good");
}

TEST(Thresholds, ErrorsForBadOverridesKeepTheCatalogBands) {
  struct Case {
    json thresholds;
    const char* kpi;  // "" for a request-level error
    const char* input;
  };
  const Case cases[] = {
      {{{"no_such_kpi", {{"good", 1}}}}, "", "thresholds.no_such_kpi"},
      {{{"ltv_cac_ratio", {{"good", "abc"}}}}, "ltv_cac_ratio", "thresholds.ltv_cac_ratio.good"},
      {{{"ltv_cac_ratio", {{"good", "NaN"}}}}, "ltv_cac_ratio", "thresholds.ltv_cac_ratio.good"},
      {{{"ltv_cac_ratio", {{"good", true}}}}, "ltv_cac_ratio", "thresholds.ltv_cac_ratio.good"},
      {{{"ltv_cac_ratio", {{"good", 1.5}}}},
       "ltv_cac_ratio",
       "thresholds.ltv_cac_ratio"},  // below watch 2
      {{{"ltv_cac_ratio", {{"good", 2}, {"watch", 3}}}},
       "ltv_cac_ratio",
       "thresholds.ltv_cac_ratio"},
      {{{"ltv_cac_ratio", {{"excellent", 5}}}}, "ltv_cac_ratio", ""},
      {{{"ltv_cac_ratio", 4}}, "ltv_cac_ratio", "thresholds.ltv_cac_ratio"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.thresholds.dump());
    const json answer = servimetrics::compute(request(kRatioThree, c.thresholds));
    EXPECT_NE(find_error(answer, c.kpi, c.input), nullptr) << answer.dump();
    EXPECT_EQ(kpi_band(answer, "ltv_cac_ratio"), "good") << answer.dump();  // catalog: 3 >= 3
  }
}

TEST(Thresholds, OverrideErrorsForVariantsAndMissingThresholds) {
  const json share = {
      {"service_revenue", 25}, {"total_revenue", 100}, {"industry", "manufacturing"}};
  // Unknown variant.
  const json retail = servimetrics::compute(
      request(share, {{"service_revenue_share", {{"retail", {{"good", 0.3}}}}}}));
  EXPECT_NE(find_error(retail, "service_revenue_share"), nullptr) << retail.dump();
  EXPECT_EQ(kpi_band(retail, "service_revenue_share"), "good");
  // Variant-only KPI has no single threshold.
  const json single =
      servimetrics::compute(request(share, {{"service_revenue_share", {{"good", 0.3}}}}));
  EXPECT_NE(find_error(single, "service_revenue_share"), nullptr) << single.dump();
  // Variant thresholds out of order (manufacturing watch is 15%).
  const json order = servimetrics::compute(
      request(share, {{"service_revenue_share", {{"manufacturing", {{"good", 0.1}}}}}}));
  EXPECT_NE(find_error(order, "service_revenue_share"), nullptr) << order.dump();
  EXPECT_EQ(kpi_band(order, "service_revenue_share"), "good");
  // churn_rate has no watch threshold.
  const json churn = servimetrics::compute(request(
      {{"customers_start", 100}, {"customers_lost", 10}}, {{"churn_rate", {{"watch", 0.2}}}}));
  EXPECT_NE(find_error(churn, "churn_rate"), nullptr) << churn.dump();
  EXPECT_EQ(kpi_band(churn, "churn_rate"), "good");
  // Lower-is-better: good must not be above watch.
  const json hours = servimetrics::compute(
      request({{"avg_first_response_hours", 2}}, {{"first_response_hours", {{"good", 5}}}}));
  EXPECT_NE(find_error(hours, "first_response_hours"), nullptr) << hours.dump();
  EXPECT_EQ(kpi_band(hours, "first_response_hours"), "watch");
  // KPI without any band.
  const json clv = servimetrics::compute(
      request({{"avg_purchase_value", 1}, {"purchases_per_year", 1}, {"lifespan_years", 1}},
              {{"clv", {{"good", 1}}}}));
  EXPECT_NE(find_error(clv, "clv"), nullptr) << clv.dump();
  EXPECT_EQ(kpi_band(clv, "clv"), "none");
}

TEST(Thresholds, NotAnObject) {
  const json answer = servimetrics::compute(request(kRatioThree, json::array({1})));
  EXPECT_NE(find_error(answer, "", "thresholds"), nullptr) << answer.dump();
  EXPECT_EQ(kpi_band(answer, "ltv_cac_ratio"), "good");
}

}  // namespace
