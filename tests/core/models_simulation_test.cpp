// BG/NBD on a simulated customer base: 10,000 customers drawn from known parameters (fixed seed),
// fitted; the parameters come back within three standard errors and the holdout prediction of
// the total is unbiased (within 3%).
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "models/bg_nbd.hpp"

namespace {

using namespace servimetrics::models;

struct Simulated {
  CustomerSummaries customers;
  double holdout_total = 0;
};

// FHL 2005's story: purchases at rate lambda ~ gamma(r, alpha); after each repeat purchase the
// customer leaves with probability p ~ beta(a, b). Acquired uniformly over the first `spread`
// weeks; calibration ends at week `end`, the holdout runs `holdout` weeks more.
Simulated simulate(const BgNbd& truth, int n, double end, double spread, double holdout) {
  std::mt19937_64 random(20260611);
  std::gamma_distribution<double> rate(truth.r, 1 / truth.alpha);
  std::gamma_distribution<double> ga(truth.a, 1), gb(truth.b, 1);
  std::uniform_real_distribution<double> unit(0, 1);
  Simulated s;
  for (int i = 0; i < n; ++i) {
    const double lambda = rate(random);
    const double u = ga(random), v = gb(random);
    const double p = u / (u + v);
    const double T = end - spread * unit(random);
    double t = 0, x = 0, t_x = 0, later = 0;
    while (true) {
      t += -std::log1p(-unit(random)) / lambda;
      if (t > T + holdout) break;
      if (t <= T) {
        x += 1;
        t_x = t;
      } else {
        later += 1;
      }
      if (unit(random) < p) break;
    }
    s.customers.ids.push_back(std::to_string(i));
    s.customers.x.push_back(x);
    s.customers.t_x.push_back(t_x);
    s.customers.T.push_back(T);
    s.customers.mean_spend.push_back(0);
    s.customers.x_holdout.push_back(later);
    s.holdout_total += later;
  }
  return s;
}

TEST(ModelsSimulation, BgNbdRecoversItsParametersAndPredictsTheHoldout) {
  const BgNbd truth{0.25, 4.0, 0.8, 2.5};
  const Simulated s = simulate(truth, 10000, 39, 12, 39);
  const ModelFit fit = fit_bg_nbd(s.customers);
  ASSERT_TRUE(fit.converged);
  ASSERT_TRUE(fit.std_errors.has_value());
  const double expected[] = {truth.r, truth.alpha, truth.a, truth.b};
  for (int k = 0; k < 4; ++k) {
    std::printf("%s: true %.3f fitted %.3f se %.3f\n", fit.param_names[k].c_str(), expected[k],
                fit.params[k], (*fit.std_errors)[k]);
    EXPECT_LT(std::fabs(fit.params[k] - expected[k]), 3 * (*fit.std_errors)[k])
        << fit.param_names[k];
  }
  const BgNbd fitted{fit.params[0], fit.params[1], fit.params[2], fit.params[3]};
  double predicted = 0;
  for (std::size_t i = 0; i < s.customers.size(); ++i)
    predicted += bg_nbd_conditional_expected(fitted, s.customers.x[i], s.customers.t_x[i],
                                             s.customers.T[i], 39);
  std::printf("holdout: actual %.0f predicted %.1f\n", s.holdout_total, predicted);
  EXPECT_NEAR(predicted / s.holdout_total, 1, 0.03);
}

}  // namespace
