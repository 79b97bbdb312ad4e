// CLV intervals from the parameters' uncertainty: seeded (the same draws twice), around the point
// values (CDNOW), and narrower for a larger customer base drawn from the same model (simulation).
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <random>

#include "models/bg_nbd.hpp"
#include "models/clv_intervals.hpp"
#include "models_test_support.hpp"
#include "servimetrics/models.hpp"

namespace {

using nlohmann::json;
using namespace servimetrics::models;

json cdnow_request(const CustomerSummaries& c) {
  return {{"customers", {{"x", c.x}, {"t_x", c.t_x}, {"T", c.T}, {"mean_spend", c.mean_spend}}},
          {"models", {"bg_nbd", "gamma_gamma"}},
          {"margin", 0.3},
          {"intervals", {{"draws", 200}, {"seed", 7}}}};
}

TEST(ModelsIntervals, CdnowIntervalsHoldThePointValues) {
  const auto c = models_test::cdnow_summaries();
  SKIP_WITHOUT_CDNOW(c);
  const json answer = servimetrics::fit_models(cdnow_request(*c));
  ASSERT_TRUE(answer["errors"].empty()) << answer["errors"].dump();
  ASSERT_TRUE(answer.contains("intervals")) << answer["warnings"].dump();
  const json& iv = answer["intervals"];
  EXPECT_EQ(iv["model"], "bg_nbd");
  EXPECT_EQ(iv["draws"], 200);
  const double point = answer["base"][0]["value"];
  const double p5 = iv["value"]["p5"], p50 = iv["value"]["p50"], p95 = iv["value"]["p95"];
  std::printf("CDNOW base value (margin 0.3): point %.0f, P5 %.0f P50 %.0f P95 %.0f\n", point, p5,
              p50, p95);
  EXPECT_LT(p5, point);
  EXPECT_GT(p95, point);
  EXPECT_LT(p5, p50);
  EXPECT_LT(p50, p95);
  EXPECT_LT(iv["expected_purchases"]["p5"].get<double>(),
            answer["base"][0]["expected_purchases"].get<double>());
  EXPECT_GT(iv["expected_purchases"]["p95"].get<double>(),
            answer["base"][0]["expected_purchases"].get<double>());
  // Every customer's CLV lies within its own interval.
  const std::size_t clv_column = 7;  // id x t_x T mean_spend p_alive expected clv
  ASSERT_EQ(answer["customer_columns"][clv_column], "bg_nbd_clv");
  ASSERT_EQ(iv["customers"].size(), c->size());
  std::size_t inside = 0;
  for (std::size_t i = 0; i < c->size(); ++i) {
    const double v = answer["customers"][i][clv_column];
    const json& q = iv["customers"][i];
    inside += q[0].get<double>() <= v && v <= q[2].get<double>() ? 1 : 0;
  }
  EXPECT_EQ(inside, c->size());
  // Seeded: the same request gives the same intervals; another seed others.
  EXPECT_EQ(servimetrics::fit_models(cdnow_request(*c))["intervals"], iv);
  json other = cdnow_request(*c);
  other["intervals"]["seed"] = 8;
  EXPECT_NE(servimetrics::fit_models(other)["intervals"]["value"], iv["value"]);
}

// A customer base drawn from BG/NBD (r, alpha, a, b) and Gamma-Gamma (p, q, gamma) spends, first
// purchases on whole days over 12 weeks, calibration 39 weeks.
json simulated_request(int n, std::uint64_t seed) {
  std::mt19937_64 random(seed);
  std::gamma_distribution<double> rate(0.25, 1 / 4.0), ga(0.8, 1), gb(2.5, 1), nu(3.7, 1 / 15.0);
  std::uniform_real_distribution<double> unit(0, 1);
  std::uniform_int_distribution<int> day(0, 83);
  std::vector<double> x, t_x, T, spend;
  for (int i = 0; i < n; ++i) {
    const double lambda = rate(random), u = ga(random), v = gb(random), p = u / (u + v);
    const double age = 39 - day(random) / 7.0;
    const double scale = nu(random);
    std::gamma_distribution<double> value(6.25, 1 / scale);
    double t = 0, count = 0, last = 0, total = 0;
    while (true) {
      t += -std::log1p(-unit(random)) / lambda;
      if (t > age) break;
      count += 1;
      last = std::round(t * 7) / 7;  // whole days, as a transactions file gives them
      total += value(random);
      if (unit(random) < p) break;
    }
    x.push_back(count);
    t_x.push_back(count > 0 ? std::fmin(last, age) : 0);
    T.push_back(age);
    spend.push_back(count > 0 ? total / count : 0);
  }
  return {{"customers", {{"x", x}, {"t_x", t_x}, {"T", T}, {"mean_spend", spend}}},
          {"models", {"bg_nbd", "gamma_gamma"}},
          {"clv_years", 2},
          {"customer_rows", 0},
          {"intervals", {{"draws", 100}, {"seed", 3}}}};
}

double relative_width(const json& answer) {
  const json& v = answer["intervals"]["value"];
  return (v["p95"].get<double>() - v["p5"].get<double>()) / v["p50"].get<double>();
}

TEST(ModelsIntervals, NarrowWithMoreCustomers) {
  const json small = servimetrics::fit_models(simulated_request(1000, 11));
  const json large = servimetrics::fit_models(simulated_request(10000, 12));
  ASSERT_TRUE(small.contains("intervals")) << small["warnings"].dump() << small["errors"].dump();
  ASSERT_TRUE(large.contains("intervals")) << large["warnings"].dump() << large["errors"].dump();
  EXPECT_TRUE(large["customers"].empty());  // customer_rows 0: totals only
  const double w_small = relative_width(small), w_large = relative_width(large);
  std::printf("relative width of the base value: 1,000 customers %.3f, 10,000 %.3f\n", w_small,
              w_large);
  // Parameter uncertainty shrinks like 1/sqrt(n): ten times the customers, about a third the width.
  EXPECT_LT(w_large, 0.6 * w_small);
  for (const json* a : {&small, &large}) {
    const double point = (*a)["base"][0]["value"];
    EXPECT_LT((*a)["intervals"]["value"]["p5"].get<double>(), point);
    EXPECT_GT((*a)["intervals"]["value"]["p95"].get<double>(), point);
  }
}

TEST(ModelsIntervals, DrawsFollowTheCovariance) {
  ModelFit fit{.name = "bg_nbd", .params = {0.25, 4, 0.8, 2.5}};
  fit.covariance = std::vector<std::vector<double>>{
      {1e-4, 0, 0, 0}, {0, 0.04, 0, 0}, {0, 0, 0.01, 0}, {0, 0, 0, 0.09}};
  const auto draws = draw_parameters(fit, 4000, 5);
  ASSERT_EQ(draws.size(), 4000u);
  // The log of each parameter: mean near log(theta), sd near se / theta (the delta method).
  for (std::size_t k = 0; k < 4; ++k) {
    double sum = 0, sum2 = 0;
    for (const auto& d : draws) {
      sum += std::log(d[k]);
      sum2 += std::log(d[k]) * std::log(d[k]);
    }
    const double mean = sum / 4000, sd = std::sqrt(sum2 / 4000 - mean * mean);
    const double expected_sd = std::sqrt((*fit.covariance)[k][k]) / fit.params[k];
    EXPECT_NEAR(mean, std::log(fit.params[k]), 4 * expected_sd / std::sqrt(4000.0)) << k;
    EXPECT_NEAR(sd, expected_sd, 0.05 * expected_sd) << k;
  }
  EXPECT_EQ(draw_parameters(fit, 10, 5), draw_parameters(fit, 10, 5));
  fit.covariance.reset();
  EXPECT_TRUE(draw_parameters(fit, 10, 5).empty());
}

}  // namespace
