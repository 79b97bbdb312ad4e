// The what-if projection: a 2-year path computed by hand (customers_t = customers_{t-1} *
// retention + new; revenue = customers * AOV * purchases; gross profit = revenue * margin;
// acquisition = cac * new; profit = gross - acquisition), the scenario falling back to baseline
// fields, difference and totals, the project() function itself, and bad projection blocks.
#include "request/projection.hpp"

#include <gtest/gtest.h>

#include "kpi_test_support.hpp"

namespace {

using namespace servimetrics::testing;

const json kBaseline = {{"retention_rate", 0.9},
                        {"avg_order_value", 100},
                        {"purchases_per_year", 2},
                        {"gross_margin", 0.4},
                        {"cac", 300},
                        {"new_customers_per_year", 50}};

json projection_request(json projection) {
  return {{"inputs", json::object()}, {"projection", std::move(projection)}};
}

void expect_series(const json& path, const char* series, std::initializer_list<double> expected) {
  ASSERT_TRUE(path.contains(series) && path[series].is_array()) << series << ": " << path.dump();
  ASSERT_EQ(path[series].size(), expected.size()) << series;
  std::size_t i = 0;
  for (const double value : expected) {
    ASSERT_TRUE(path[series][i].is_number()) << series << "[" << i << "]";
    EXPECT_NEAR(path[series][i].get<double>(), value, 1e-6) << series << "[" << i << "]";
    ++i;
  }
}

TEST(Projection, TwoYearsByHandWithScenarioFallingBackToBaseline) {
  // Baseline: 1000 -> 1000*0.9+50 = 950 -> 950*0.9+50 = 905 customers.
  //   revenue 950*100*2 = 190,000 and 181,000; gross 40%: 76,000 and 72,400;
  //   acquisition 300*50 = 15,000 a year; profit 61,000 and 57,400.
  // Scenario: only retention 0.95 given: 1000 -> 1000 -> 1000; revenue 200,000 a year;
  //   gross 80,000; acquisition 15,000; profit 65,000.
  const json answer =
      servimetrics::compute(projection_request({{"starting_customers", 1000},
                                                {"years", 2},
                                                {"baseline", kBaseline},
                                                {"scenario", {{"retention_rate", 0.95}}}}));
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
  ASSERT_TRUE(answer.contains("projection")) << answer.dump();
  const json& p = answer["projection"];
  EXPECT_EQ(p["years"], json({1, 2}));

  const json& base = p["baseline"];
  expect_series(base, "customers", {950, 905});
  expect_series(base, "revenue", {190000, 181000});
  expect_series(base, "gross_profit", {76000, 72400});
  expect_series(base, "acquisition_cost", {15000, 15000});
  expect_series(base, "profit", {61000, 57400});

  const json& alt = p["scenario"];
  expect_series(alt, "customers", {1000, 1000});
  expect_series(alt, "revenue", {200000, 200000});
  expect_series(alt, "gross_profit", {80000, 80000});
  expect_series(alt, "acquisition_cost", {15000, 15000});
  expect_series(alt, "profit", {65000, 65000});

  const json& diff = p["difference"];
  expect_series(diff, "customers", {50, 95});
  expect_series(diff, "revenue", {10000, 19000});
  expect_series(diff, "gross_profit", {4000, 7600});
  expect_series(diff, "acquisition_cost", {0, 0});
  expect_series(diff, "profit", {4000, 7600});

  const json& totals = p["totals"];
  EXPECT_NEAR(num(totals["baseline"], "revenue"), 371000, 1e-6);
  EXPECT_NEAR(num(totals["baseline"], "profit"), 118400, 1e-6);
  EXPECT_NEAR(num(totals["scenario"], "revenue"), 400000, 1e-6);
  EXPECT_NEAR(num(totals["scenario"], "profit"), 130000, 1e-6);
  EXPECT_NEAR(num(totals["difference"], "revenue"), 29000, 1e-6);
  EXPECT_NEAR(num(totals["difference"], "profit"), 11600, 1e-6);
  expect_finite_answer(answer);
}

TEST(Projection, ScenarioChangingCacAndNewCustomers) {
  // Baseline: start 0, keep 50%, win 100 a year: 100, 150, 175 customers.
  // Scenario: cac 200 and 120 new: 120, 180, 210.
  const json baseline = {{"retention_rate", 0.5},
                         {"avg_order_value", 10},
                         {"purchases_per_year", 1},
                         {"gross_margin", 1},
                         {"cac", 5},
                         {"new_customers_per_year", 100}};
  const json answer = servimetrics::compute(
      projection_request({{"years", 3},
                          {"baseline", baseline},
                          {"scenario", {{"cac", 2}, {"new_customers_per_year", 120}}}}));
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
  ASSERT_TRUE(answer.contains("projection")) << answer.dump();
  const json& p = answer["projection"];
  expect_series(p["baseline"], "customers", {100, 150, 175});
  expect_series(p["baseline"], "revenue", {1000, 1500, 1750});
  expect_series(p["baseline"], "acquisition_cost", {500, 500, 500});
  expect_series(p["baseline"], "profit", {500, 1000, 1250});
  expect_series(p["scenario"], "customers", {120, 180, 210});
  expect_series(p["scenario"], "acquisition_cost", {240, 240, 240});
  expect_series(p["scenario"], "profit", {960, 1560, 1860});
  EXPECT_NEAR(num(p["totals"]["difference"], "profit"), (960 - 500) + (1560 - 1000) + (1860 - 1250),
              1e-9);
}

TEST(Projection, WithoutScenarioTheScenarioIsTheBaseline) {
  const json answer = servimetrics::compute(
      projection_request({{"starting_customers", 1000}, {"years", 2}, {"baseline", kBaseline}}));
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
  ASSERT_TRUE(answer.contains("projection")) << answer.dump();
  const json& p = answer["projection"];
  expect_series(p["scenario"], "customers", {950, 905});
  expect_series(p["difference"], "profit", {0, 0});
}

TEST(Projection, FiveYearsByDefault) {
  const json answer = servimetrics::compute(
      projection_request({{"starting_customers", 10}, {"baseline", kBaseline}}));
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
  ASSERT_TRUE(answer.contains("projection")) << answer.dump();
  EXPECT_EQ(answer["projection"]["years"], json({1, 2, 3, 4, 5}));
  EXPECT_EQ(answer["projection"]["baseline"]["revenue"].size(), 5u);
}

TEST(Projection, KpisAndProjectionInOneRequest) {
  const json answer =
      servimetrics::compute({{"inputs", {{"customers_start", 100}, {"customers_lost", 10}}},
                             {"projection", {{"years", 1}, {"baseline", kBaseline}}}});
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
  EXPECT_DOUBLE_EQ(kpi_value(answer, "churn_rate"), 0.1);
  ASSERT_TRUE(answer.contains("projection")) << answer.dump();
  // start 0 customers: 50 in year 1; revenue 50 * 200 = 10,000; profit 4,000 - 15,000.
  expect_series(answer["projection"]["baseline"], "profit", {-11000});
}

TEST(Projection, ProjectFunctionDirectly) {
  const servimetrics::ProjectionAssumptions a{0.8, 50, 3, 0.5, 100, 20};
  const auto path = servimetrics::project(a, 100, 2);
  ASSERT_EQ(path.customers.size(), 2u);
  EXPECT_NEAR(path.customers[0], 100.0, 1e-9);  // 100 * 0.8 + 20
  EXPECT_NEAR(path.customers[1], 100.0, 1e-9);
  EXPECT_NEAR(path.revenue[0], 15000, 1e-9);  // 100 * 50 * 3
  EXPECT_NEAR(path.gross_profit[0], 7500, 1e-9);
  EXPECT_NEAR(path.acquisition_cost[0], 2000, 1e-9);  // 100 * 20
  EXPECT_NEAR(path.profit[0], 5500, 1e-9);
}

TEST(Projection, BadBlocksAreErrorsAndKpisStillComputed) {
  struct Case {
    json projection;
    const char* input;  // "" when any input will do
  };
  json missing_field = kBaseline;
  missing_field.erase("cac");
  json retention_above_one = kBaseline;
  retention_above_one["retention_rate"] = 1.5;
  json negative_cac = kBaseline;
  negative_cac["cac"] = -1;
  json text_aov = kBaseline;
  text_aov["avg_order_value"] = "lots";
  json unknown_field = kBaseline;
  unknown_field["price"] = 3;
  json nan_margin = kBaseline;
  nan_margin["gross_margin"] = "NaN";
  const Case cases[] = {
      {json::array({1}), "projection"},
      {json(5), "projection"},
      {{{"years", 2}}, "projection.baseline"},
      {{{"baseline", missing_field}}, "projection.baseline.cac"},
      {{{"baseline", retention_above_one}}, "projection.baseline.retention_rate"},
      {{{"baseline", negative_cac}}, "projection.baseline.cac"},
      {{{"baseline", text_aov}}, "projection.baseline.avg_order_value"},
      {{{"baseline", unknown_field}}, "projection.baseline.price"},
      {{{"baseline", nan_margin}}, "projection.baseline.gross_margin"},
      {{{"baseline", kBaseline}, {"years", 0}}, "projection.years"},
      {{{"baseline", kBaseline}, {"years", 2.5}}, "projection.years"},
      {{{"baseline", kBaseline}, {"years", 51}}, "projection.years"},
      {{{"baseline", kBaseline}, {"starting_customers", -10}}, "projection.starting_customers"},
      {{{"baseline", kBaseline}, {"scenario", 7}}, "projection.scenario"},
      {{{"baseline", kBaseline}, {"scenario", {{"retention_rate", 2}}}},
       "projection.scenario.retention_rate"},
      {{{"baseline", "none"}}, "projection.baseline"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.projection.dump());
    const json answer =
        servimetrics::compute({{"inputs", {{"customers_start", 100}, {"customers_lost", 10}}},
                               {"projection", c.projection}});
    EXPECT_FALSE(answer.contains("projection")) << answer.dump();
    EXPECT_NE(find_error(answer, "projection", c.input), nullptr) << answer.dump();
    EXPECT_DOUBLE_EQ(kpi_value(answer, "churn_rate"), 0.1);
  }
}

TEST(Projection, NullBlockIsNoProjection) {
  const json answer = servimetrics::compute({{"inputs", json::object()}, {"projection", nullptr}});
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
  EXPECT_FALSE(answer.contains("projection"));
}

TEST(Projection, LargestAssumptionsStayFinite) {
  const json huge = {{"retention_rate", 1},
                     {"avg_order_value", 1e15},
                     {"purchases_per_year", 1e6},
                     {"gross_margin", 1},
                     {"cac", 1e15},
                     {"new_customers_per_year", 1e12}};
  const json answer = servimetrics::compute(
      projection_request({{"starting_customers", 1e12}, {"years", 50}, {"baseline", huge}}));
  expect_finite_answer(answer);
}

}  // namespace
