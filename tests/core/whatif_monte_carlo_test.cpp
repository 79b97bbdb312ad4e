// Monte Carlo: P50 against the deterministic answer when the ranges are symmetric and the output
// is linear in them, bands in order, the probability of a target, the same answer for a seed and
// another for another seed; and the generator's first numbers against xoshiro256**'s definition.
#include <gtest/gtest.h>

#include "whatif/distributions.hpp"
#include "whatif/monte_carlo.hpp"
#include "whatif_test_support.hpp"

namespace {

using namespace servimetrics::testing;

json monte_carlo_request(std::uint64_t seed) {
  // Profit is linear in order value and CAC (customers do not depend on them), so with symmetric
  // ranges around the baseline its median is the deterministic profit.
  return {{"baseline", sample_baseline()},
          {"monte_carlo",
           {{"draws", 10000},
            {"seed", seed},
            {"ranges",
             {{"avg_order_value", {{"low", 15000}, {"likely", 18000}, {"high", 21000}}},
              {"cac", {{"mean", 26000}, {"sd", 2000}}}}},
            {"series", {"cumulative_profit", "customers"}},
            {"target", {{"output", "cumulative_profit"}, {"at_least", 0}}}}}};
}

TEST(WhatifMonteCarlo, P50IsTheDeterministicResultForSymmetricRanges) {
  const json answer = whatif_json(monte_carlo_request(42));
  ASSERT_TRUE(answer["errors"].empty()) << answer["errors"].dump();
  const json& mc = answer["monte_carlo"];
  const json& deterministic = scenario_named(answer, "baseline")["years"]["cumulative_profit"];
  const json& band = mc["bands"]["cumulative_profit"];
  ASSERT_EQ(band.size(), 5u);
  for (int y = 0; y < 5; ++y) {
    const double p10 = band[y]["p10"], p50 = band[y]["p50"], p90 = band[y]["p90"];
    const double expected = deterministic[y];
    EXPECT_LT(p10, p50);
    EXPECT_LT(p50, p90);
    // The sampling error of a median of 10,000 draws: about 1.25 sd / 100; 3% of P10..P90 is wider.
    EXPECT_NEAR(p50, expected, 0.03 * (p90 - p10)) << "year " << y + 1;
  }
  // Customers do not depend on the ranged levers: one value in every draw.
  const json& customers = mc["bands"]["customers"][4];
  EXPECT_EQ(customers["p10"], customers["p90"]);
  // The chance that cumulative profit is at least its deterministic value is about one half.
  json at_median = monte_carlo_request(42);
  at_median["monte_carlo"]["target"]["at_least"] = deterministic[4];
  const double p = whatif_json(at_median)["monte_carlo"]["target"]["probability"];
  EXPECT_NEAR(p, 0.5, 0.03);
  EXPECT_EQ(mc["target"]["defined"], 10000);
}

TEST(WhatifMonteCarlo, ASeedGivesOneAnswerAndAnotherSeedAnother) {
  const std::string first = servimetrics::whatif_answer(monte_carlo_request(7));
  EXPECT_EQ(first, servimetrics::whatif_answer(monte_carlo_request(7)));
  EXPECT_NE(first, servimetrics::whatif_answer(monte_carlo_request(8)));
  // The order of the ranges' keys does not change the draws.
  json reordered = monte_carlo_request(7);
  json ranges = json::object();
  ranges["cac"] = reordered["monte_carlo"]["ranges"]["cac"];
  ranges["avg_order_value"] = reordered["monte_carlo"]["ranges"]["avg_order_value"];
  reordered["monte_carlo"]["ranges"] = ranges;
  EXPECT_EQ(first, servimetrics::whatif_answer(reordered));
}

TEST(WhatifMonteCarlo, GeneratorFollowsItsDefinition) {
  // splitmix64 from seed 0 gives 0xe220a8397b1dcdaf first (Vigna's reference output), so
  // s[0] = that; xoshiro256**'s first output is rotl(s[1] * 5, 7) * 9.
  servimetrics::whatif::Rng rng(0);
  std::uint64_t state = 0;
  auto splitmix = [&state] {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  };
  const std::uint64_t s0 = splitmix();
  EXPECT_EQ(s0, 0xe220a8397b1dcdafULL);
  const std::uint64_t s1 = splitmix();
  const std::uint64_t x = s1 * 5;
  EXPECT_EQ(rng.next(), ((x << 7) | (x >> 57)) * 9);
  // Triangular draws stay in their range and average (low + likely + high) / 3.
  double sum = 0;
  for (int i = 0; i < 20000; ++i) {
    const double v = servimetrics::whatif::triangular(rng, 1, 2, 6);
    ASSERT_GE(v, 1);
    ASSERT_LE(v, 6);
    sum += v;
  }
  EXPECT_NEAR(sum / 20000, 3, 0.03);
}

TEST(WhatifMonteCarlo, PercentilesInterpolateBetweenOrderStatistics) {
  std::vector<double> values = {5, 1, 4, 2, 3, 10, 9, 8, 7, 6, 11};  // 1..11
  const auto p = servimetrics::whatif::percentiles(values);
  EXPECT_DOUBLE_EQ(p.p10, 2);
  EXPECT_DOUBLE_EQ(p.p50, 6);
  EXPECT_DOUBLE_EQ(p.p90, 10);
}

}  // namespace
