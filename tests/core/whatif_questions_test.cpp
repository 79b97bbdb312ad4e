// The what-if questions on cases worked by hand: the tornado's bars and their order, goal seeks
// whose answers are known in closed form (the retention and the highest CAC for LTV:CAC = 3, the
// benefit for ROI = 15%), and goal seek's "unreachable" answer with the best value it reached.
#include <gtest/gtest.h>

#include <map>

#include "whatif_test_support.hpp"

namespace {

using namespace servimetrics::testing;

TEST(WhatifTornado, BarsSortedBySwingAsWorkedByHand) {
  // One year: 100 x 0.5 + 100 new = 150 customers; revenue 150 x 10 x 2 = 3,000; gross 1,500;
  // acquisition 100 x 20 = 2,000; profit -500. Each lever +-10% (price_change +-10 points):
  //   price_change: gross 3,000 x (0.5 -+ 0.1) = 1,200 / 1,800           swing 600
  //   cac 18 / 22: acquisition 1,800 / 2,200                            swing 400
  //   avg_order_value, purchases_per_year, gross_margin: gross x 0.9/1.1 swing 300 each
  //   new customers 90 / 110: gross 1,400 / 1,600, acquisition 1,800 / 2,200  swing 200
  //   retention 0.45 / 0.55 and starting customers 90 / 110: 145 / 155 customers  swing 100
  //   every other lever leaves the profit as it is                      swing 0
  const json baseline = {{"starting_customers", 100},
                         {"retention_rate", 0.5},
                         {"new_customers_per_year", 100},
                         {"cac", 20},
                         {"avg_order_value", 10},
                         {"purchases_per_year", 2},
                         {"gross_margin", 0.5}};
  const json answer = whatif_json({{"baseline", baseline},
                                   {"horizon_years", 1},
                                   {"tornado", {{"output", "cumulative_profit"}}}});
  ASSERT_TRUE(answer["errors"].empty()) << answer["errors"].dump();
  const json& t = answer["tornado"];
  EXPECT_NEAR(t["base"].get<double>(), -500, 1e-9);
  std::map<std::string, double> swing;
  std::vector<std::string> order;
  for (const json& bar : t["bars"]) {
    order.push_back(bar["lever"]);
    swing[bar["lever"]] = bar["swing"];
  }
  ASSERT_EQ(order.size(), 17u);
  EXPECT_EQ(order[0], "price_change");
  EXPECT_EQ(order[1], "cac");
  EXPECT_NEAR(swing["price_change"], 600, 1e-9);
  EXPECT_NEAR(swing["cac"], 400, 1e-9);
  for (const char* lever : {"avg_order_value", "purchases_per_year", "gross_margin"}) {
    EXPECT_NEAR(swing[lever], 300, 1e-9) << lever;
  }
  EXPECT_EQ(order[5], "new_customers_per_year");
  EXPECT_NEAR(swing["new_customers_per_year"], 200, 1e-9);
  EXPECT_NEAR(swing["retention_rate"], 100, 1e-9);
  EXPECT_NEAR(swing["starting_customers"], 100, 1e-9);
  for (std::size_t i = 8; i < order.size(); ++i) EXPECT_EQ(swing[order[i]], 0) << order[i];
  // The cac bar: lower CAC, higher profit.
  EXPECT_NEAR(t["bars"][1]["low"].get<double>(), 18, 1e-12);
  EXPECT_NEAR(t["bars"][1]["output_low"].get<double>(), -300, 1e-9);
  EXPECT_NEAR(t["bars"][1]["output_high"].get<double>(), -700, 1e-9);
}

TEST(WhatifGoalSeek, RetentionForLtvCacOf3IsTheClosedForm) {
  // margin x r / (1 + d - r) = 3 cac  =>  r = 3 cac (1 + d) / (margin + 3 cac)
  //   = 78,000 x 1.08 / (15,120 + 78,000) = 0.904639...
  const json answer =
      whatif_json({{"baseline", sample_baseline()},
                   {"goal", {{"lever", "retention_rate"}, {"output", "ltv_cac"}, {"target", 3}}}});
  ASSERT_TRUE(answer["errors"].empty()) << answer["errors"].dump();
  const json& goal = answer["goal"];
  EXPECT_EQ(goal["status"], "reached");
  EXPECT_NEAR(goal["value"].get<double>(), 78000 * 1.08 / 93120, 1e-9);
  EXPECT_NEAR(goal["output_value"].get<double>(), 3, 1e-9);
  EXPECT_NEAR(goal["range"]["low"].get<double>(), 0.675, 1e-12);
  EXPECT_NEAR(goal["range"]["high"].get<double>(), 0.975, 1e-12);
}

TEST(WhatifGoalSeek, HighestCacForLtvCacOf3) {
  // CLTV 48,917.647 does not depend on CAC: CAC = CLTV / 3 = 16,305.88.
  const json answer =
      whatif_json({{"baseline", sample_baseline()},
                   {"goal", {{"lever", "cac"}, {"output", "ltv_cac"}, {"target", 3}}}});
  EXPECT_EQ(answer["goal"]["status"], "reached");
  EXPECT_NEAR(answer["goal"]["value"].get<double>(), 12474 / 0.255 / 3, 1e-6);
}

TEST(WhatifGoalSeek, UnreachableSaysSoWithTheBestReachable) {
  // LTV:CAC 50 is beyond the retention range 0.675..0.975: the best is at 0.975, where CLTV is
  // 15,120 x 0.975 / 0.105 = 140,400 and LTV:CAC 5.4.
  const json answer =
      whatif_json({{"baseline", sample_baseline()},
                   {"goal", {{"lever", "retention_rate"}, {"output", "ltv_cac"}, {"target", 50}}}});
  ASSERT_TRUE(answer["errors"].empty()) << answer["errors"].dump();
  const json& goal = answer["goal"];
  EXPECT_EQ(goal["status"], "unreachable");
  EXPECT_EQ(goal["code"], "whatif_goal_unreachable");
  EXPECT_FALSE(goal.contains("value"));
  EXPECT_NEAR(goal["best"]["value"].get<double>(), 0.975, 1e-12);
  EXPECT_NEAR(goal["best"]["output_value"].get<double>(), 140400.0 / 26000, 1e-9);
}

TEST(WhatifGoalSeek, BenefitForRoiOf15PercentInAGivenRange) {
  // ROI = 3 benefit / 2,500,000 = 0.15 => benefit 125,000 a year: below the plausible range
  // (x0.5 to x2 of 800,000), reached once the range starts at 0.
  json baseline = sample_baseline();
  baseline["investment_one_off"] = 2500000;
  baseline["benefit_per_year"] = 800000;
  json goal = {{"lever", "benefit_per_year"}, {"output", "roi"}, {"target", 0.15}};
  EXPECT_EQ(whatif_json({{"baseline", baseline}, {"goal", goal}})["goal"]["status"], "unreachable");
  goal["low"] = 0;
  const json answer = whatif_json({{"baseline", baseline}, {"goal", goal}});
  EXPECT_EQ(answer["goal"]["status"], "reached");
  EXPECT_NEAR(answer["goal"]["value"].get<double>(), 125000, 1e-6);
}

TEST(WhatifGoalSeek, ProfitTargetInAScenario) {
  // Cumulative profit through year 1 in "cheaper acquisition" (cac 20,000): customers 1,291.25,
  // gross 1,291.25 x 54,000 x 0.28 = 19,524,700; setting new customers n gives customers
  // 1,031.25 + n and profit (1,031.25 + n) x 15,120 - 20,000 n = 0 at n = 3,195.2...
  const json answer = whatif_json(
      {{"baseline", sample_baseline()},
       {"scenarios", {{{"name", "cheaper acquisition"}, {"changes", {{"cac", 20000}}}}}},
       {"goal",
        {{"lever", "new_customers_per_year"},
         {"output", "cumulative_profit"},
         {"year", 1},
         {"target", 0},
         {"scenario", "cheaper acquisition"},
         {"high", 5000}}}});
  ASSERT_TRUE(answer["errors"].empty()) << answer["errors"].dump();
  EXPECT_EQ(answer["goal"]["scenario"], "cheaper acquisition");
  EXPECT_EQ(answer["goal"]["status"], "reached");
  EXPECT_NEAR(answer["goal"]["value"].get<double>(), 1031.25 * 15120 / (20000 - 15120), 1e-6);
}

}  // namespace
