// The what-if driver model's formulas against cases worked by hand: the seed's ROI 240 / 250 = 96%
// (net -4%), an NPV, IRR and payback, the retention-based CLTV, LTV:CAC and CAC payback, service
// revenue share and support cost with first-contact resolution, and the six-assumption projection
// of compute() reproduced exactly.
#include <gtest/gtest.h>

#include <cmath>

#include "servimetrics/request.hpp"
#include "whatif/det_math.hpp"
#include "whatif/finance.hpp"
#include "whatif_test_support.hpp"

namespace {

using namespace servimetrics::testing;
using namespace servimetrics::whatif;

TEST(WhatifFormulas, SeedRoiIs96PercentAndNetRoiMinus4Percent) {
  // The seed: 2,500,000 invested, 2,400,000 of benefit over 3 years (800,000 a year).
  json baseline = sample_baseline();
  baseline["investment_one_off"] = 2500000;
  baseline["benefit_per_year"] = 800000;
  const json answer = whatif_json({{"baseline", baseline}});
  ASSERT_TRUE(answer["errors"].empty()) << answer["errors"].dump();
  EXPECT_NEAR(kpi(answer, "roi"), 0.96, 1e-12);
  EXPECT_NEAR(kpi(answer, "net_roi"), -0.04, 1e-12);
  const json& inputs = scenario_named(answer, "baseline")["kpis"]["roi"]["inputs"];
  EXPECT_EQ(inputs["benefit_3y"], 2400000);
  EXPECT_EQ(inputs["investment_3y"], 2500000);
  EXPECT_NE(scenario_named(answer, "baseline")["kpis"]["roi"]["formula"].get<std::string>().find(
                "benefit_3y / investment_3y"),
            std::string::npos);
}

TEST(WhatifFormulas, NpvIrrAndPaybackWorkedByHand) {
  // -1000, +600, +600. NPV at 10%: -1000 + 545.4545... + 495.8677... = 41.3223...
  // IRR: 1000 x^2 = 600 x + 600, x = (0.6 + sqrt(0.36 + 2.4)) / 2, IRR = x - 1 = 13.0662...%.
  // Payback: -400 after year 1, +200 after year 2: 1 + 400 / 600 = 1.6667 years.
  const std::vector<double> flows = {-1000, 600, 600};
  EXPECT_NEAR(npv(flows, 0.1), -1000 + 600 / 1.1 + 600 / 1.21, 1e-9);
  const Irr found = irr(flows);
  ASSERT_EQ(found.status, IrrStatus::found);
  EXPECT_NEAR(found.rate, (0.6 + std::sqrt(2.76)) / 2 - 1, 1e-10);
  EXPECT_NEAR(*payback_years(flows), 1 + 400.0 / 600, 1e-12);
  EXPECT_EQ(irr({100, 50}).status, IrrStatus::no_sign_change);
  EXPECT_FALSE(payback_years({-1000, 100, 100}).has_value());

  // The same through a request: one-off 1000, benefit 600 a year, 2 years, discount 10%.
  json baseline = sample_baseline();
  baseline["investment_one_off"] = 1000;
  baseline["benefit_per_year"] = 600;
  baseline["discount_rate"] = 0.1;
  const json answer = whatif_json({{"baseline", baseline}, {"horizon_years", 2}});
  EXPECT_NEAR(kpi(answer, "npv"), 41.32231404958677, 1e-9);
  EXPECT_NEAR(kpi(answer, "irr"), (0.6 + std::sqrt(2.76)) / 2 - 1, 1e-9);
  EXPECT_NEAR(kpi(answer, "payback_years"), 5.0 / 3, 1e-12);
  // ROI over the 2 years there are: 1200 / 1000.
  EXPECT_NEAR(kpi(answer, "roi"), 1.2, 1e-12);
}

TEST(WhatifFormulas, NoInvestmentAndNoSignChangeAreCodedNotNumbers) {
  const json answer = whatif_json({{"baseline", sample_baseline()}});
  const json& kpis = scenario_named(answer, "baseline")["kpis"];
  for (const char* name : {"roi", "net_roi", "npv", "irr", "payback_years"}) {
    EXPECT_TRUE(kpis[name]["value"].is_null()) << name;
    EXPECT_EQ(kpis[name]["code"], "whatif_no_investment") << name;
  }
  json baseline = sample_baseline();
  baseline["investment_per_year"] = 100;
  baseline["benefit_per_year"] = 50;  // every year loses 50: never pays back, no sign change
  const json losing = whatif_json({{"baseline", baseline}});
  const json& k = scenario_named(losing, "baseline")["kpis"];
  EXPECT_EQ(k["irr"]["code"], "whatif_irr_no_sign_change");
  EXPECT_EQ(k["payback_years"]["code"], "whatif_payback_beyond_horizon");
  EXPECT_NEAR(k["net_roi"]["value"].get<double>(), -0.5, 1e-12);
}

TEST(WhatifFormulas, CltvLtvCacAndPaybackFromTheSampleCompany) {
  // Annual margin 18,000 x 3 x 0.28 = 15,120. CLTV = 15,120 x 0.825 / (1 + 0.08 - 0.825)
  // = 12,474 / 0.255 = 48,917.647...; LTV:CAC = 48,917.647 / 26,000 = 1.8814...;
  // CAC payback = 26,000 / (15,120 / 12) = 20.634... months; churn 17.5%.
  const json answer = whatif_json({{"baseline", sample_baseline()}});
  ASSERT_TRUE(answer["errors"].empty()) << answer["errors"].dump();
  EXPECT_NEAR(kpi(answer, "cltv"), 12474 / 0.255, 1e-6);
  EXPECT_NEAR(kpi(answer, "ltv_cac"), 12474 / 0.255 / 26000, 1e-12);
  EXPECT_NEAR(kpi(answer, "cac_payback_months"), 26000 / 1260.0, 1e-12);
  EXPECT_NEAR(kpi(answer, "churn"), 0.175, 1e-12);
  EXPECT_NEAR(
      scenario_named(answer, "baseline")["kpis"]["cltv"]["inputs"]["annual_margin"].get<double>(),
      15120, 1e-9);
}

TEST(WhatifFormulas, ServiceRevenueSupportCostAndFirstContactResolution) {
  // One year from 100 customers kept at 100%, no new ones: 100 customers.
  // Products 100 x 10 x 1 = 1,000 at 40%; 50% attach x 20 = 10 service revenue a customer:
  // 1,000 service revenue at 60% margin. Support 5 a customer at the baseline FCR 0.8;
  // the scenario's FCR 0.9: 5 x (2 - 0.9) / (2 - 0.8) = 4.5833 a customer.
  const json baseline = {{"starting_customers", 100},
                         {"retention_rate", 1},
                         {"new_customers_per_year", 0},
                         {"cac", 1},
                         {"avg_order_value", 10},
                         {"purchases_per_year", 1},
                         {"gross_margin", 0.4},
                         {"service_attach_rate", 0.5},
                         {"service_revenue_per_customer", 20},
                         {"service_gross_margin", 0.6},
                         {"support_cost_per_customer", 5},
                         {"first_contact_resolution", 0.8},
                         {"discount_rate", 0.1}};
  const json answer = whatif_json(
      {{"baseline", baseline},
       {"horizon_years", 1},
       {"scenarios",
        {{{"name", "FCR +10 points"}, {"changes", {{"first_contact_resolution", {{"add", 0.1}}}}}},
         {{"name", "price +5%"}, {"changes", {{"price_change", 0.05}}}}}}});
  ASSERT_TRUE(answer["errors"].empty()) << answer["errors"].dump();
  const json& base = scenario_named(answer, "baseline")["years"];
  EXPECT_NEAR(base["revenue"][0].get<double>(), 2000, 1e-9);
  EXPECT_NEAR(base["gross_profit"][0].get<double>(), 400 + 600, 1e-9);
  EXPECT_NEAR(base["service_cost"][0].get<double>(), 500, 1e-9);
  EXPECT_NEAR(base["profit"][0].get<double>(), 500, 1e-9);
  EXPECT_NEAR(kpi(answer, "service_revenue_share"), 0.5, 1e-12);
  const json& fcr = scenario_named(answer, "FCR +10 points");
  EXPECT_NEAR(fcr["years"]["service_cost"][0].get<double>(), 500 * 1.1 / 1.2, 1e-9);
  EXPECT_NEAR(fcr["difference"]["years"]["profit"][0].get<double>(), 500 - 500 * 1.1 / 1.2, 1e-9);
  // Price +5%: product revenue 1,050, cost of goods unchanged (600): gross 450 + 600 service.
  const json& price = scenario_named(answer, "price +5%");
  EXPECT_NEAR(price["years"]["product_revenue"][0].get<double>(), 1050, 1e-9);
  EXPECT_NEAR(price["years"]["gross_profit"][0].get<double>(), 1050, 1e-9);
  // CLTV with margin 10 x 0.4 + 10 x 0.6 - 5 = 5 and r = 1, d = 0.1: 5 x 1 / 0.1 = 50.
  EXPECT_NEAR(kpi(answer, "cltv"), 50, 1e-9);
}

TEST(WhatifFormulas, BaselineReproducesComputesProjection) {
  const json sample = {{"retention_rate", 0.825},
                       {"avg_order_value", 18000},
                       {"purchases_per_year", 3},
                       {"gross_margin", 0.28},
                       {"cac", 26000},
                       {"new_customers_per_year", 260}};
  const json projected = servimetrics::compute(
      {{"inputs", json::object()},
       {"projection", {{"starting_customers", 1250}, {"years", 5}, {"baseline", sample}}}});
  json baseline = sample;
  baseline["starting_customers"] = 1250;
  const json answer = whatif_json({{"baseline", baseline}});
  const json& years = scenario_named(answer, "baseline")["years"];
  for (const char* series :
       {"customers", "revenue", "gross_profit", "acquisition_cost", "profit"}) {
    for (int y = 0; y < 5; ++y) {
      const double expected = projected["projection"]["baseline"][series][y].get<double>();
      EXPECT_NEAR(years[series][y].get<double>(), expected, 1e-9 * std::fabs(expected) + 1e-9)
          << series << " year " << y + 1;
    }
  }
}

TEST(WhatifFormulas, MonthlyStepsKeepTheYearlyRetention) {
  // Monthly: retention r^(1/12) a month, so 12 months keep r of the starting customers.
  json baseline = sample_baseline();
  baseline["new_customers_per_year"] = 0;
  const json answer =
      whatif_json({{"baseline", baseline}, {"step", "month"}, {"horizon_years", 2}});
  ASSERT_TRUE(answer["errors"].empty()) << answer["errors"].dump();
  const json& s = scenario_named(answer, "baseline");
  EXPECT_EQ(s["months"]["customers"].size(), 24u);
  EXPECT_NEAR(s["years"]["customers"][0].get<double>(), 1250 * 0.825, 1e-6);
  EXPECT_NEAR(s["years"]["customers"][1].get<double>(), 1250 * 0.825 * 0.825, 1e-6);
}

TEST(WhatifFormulas, OwnLogExpAndPowAgreeWithLibm) {
  for (const double x : {1e-300, 0.001, 0.5, 0.825, 1.0, 1.08, 2.0, 1234.5, 1e300}) {
    EXPECT_NEAR(det_log(x), std::log(x), 1e-15 * std::fabs(std::log(x)) + 1e-16) << x;
  }
  for (const double x : {-700.0, -5.0, -0.3, 0.0, 0.1, 1.0, 3.7, 700.0}) {
    EXPECT_NEAR(det_exp(x), std::exp(x), 1e-15 * std::exp(x)) << x;
  }
  EXPECT_NEAR(det_pow(0.825, 1.0 / 12), std::pow(0.825, 1.0 / 12), 1e-15);
  EXPECT_EQ(det_pow(0, 0.5), 0);
}

}  // namespace
