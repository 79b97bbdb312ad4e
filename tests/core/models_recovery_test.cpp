// Simulated customer bases the existing BG/NBD simulation does not cover: Pareto/NBD and
// Gamma-Gamma fits recover the parameters they were drawn from (10,000 customers, fixed seeds)
// within three standard errors, and the Pareto/NBD's holdout prediction of the total is unbiased.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "models/gamma_gamma.hpp"
#include "models/pareto_nbd.hpp"

namespace {

using namespace servimetrics::models;

void expect_recovered(const ModelFit& fit, const std::vector<double>& truth) {
  ASSERT_TRUE(fit.converged) << fit.name;
  ASSERT_TRUE(fit.std_errors.has_value()) << fit.name;
  for (std::size_t k = 0; k < truth.size(); ++k) {
    std::printf("%s %s: true %.3f fitted %.3f se %.3f\n", fit.name.c_str(),
                fit.param_names[k].c_str(), truth[k], fit.params[k], (*fit.std_errors)[k]);
    EXPECT_LT(std::fabs(fit.params[k] - truth[k]), 3 * (*fit.std_errors)[k]) << fit.param_names[k];
  }
}

// Pareto/NBD's story: purchases at rate lambda ~ gamma(r, alpha) for an exponential lifetime of
// rate mu ~ gamma(s, beta); first purchases spread over 12 weeks on whole days, calibration 39
// weeks, holdout 39 more; times on whole days (as a transactions file has them).
TEST(ModelsRecovery, ParetoNbdFromSimulatedCustomers) {
  const double r = 0.55, alpha = 10.5, s = 0.6, beta = 11.7;
  std::mt19937_64 random(424242);
  std::gamma_distribution<double> rate(r, 1 / alpha), death(s, 1 / beta);
  std::uniform_real_distribution<double> unit(0, 1);
  std::uniform_int_distribution<int> day(0, 83);
  CustomerSummaries c;
  double holdout_actual = 0;
  for (int i = 0; i < 10000; ++i) {
    const double lambda = rate(random), mu = death(random);
    const double lifetime = -std::log1p(-unit(random)) / mu;
    const double T = 39 - day(random) / 7.0;
    double t = 0, x = 0, t_x = 0, later = 0;
    while (true) {
      t += -std::log1p(-unit(random)) / lambda;
      if (t > lifetime || t > T + 39) break;
      const double on_day = std::round(t * 7) / 7;
      if (on_day <= T) {
        x += 1;
        t_x = on_day;
      } else {
        later += 1;
      }
    }
    c.ids.push_back(std::to_string(i));
    c.x.push_back(x);
    c.t_x.push_back(x > 0 ? t_x : 0);
    c.T.push_back(T);
    c.mean_spend.push_back(0);
    c.x_holdout.push_back(later);
    holdout_actual += later;
  }
  const ModelFit fit = fit_pareto_nbd(c);
  expect_recovered(fit, {r, alpha, s, beta});
  const ParetoNbd p{fit.params[0], fit.params[1], fit.params[2], fit.params[3]};
  double predicted = 0;
  for (std::size_t i = 0; i < c.size(); ++i)
    predicted += pareto_nbd_conditional_expected(p, c.x[i], c.t_x[i], c.T[i], 39);
  std::printf("Pareto/NBD holdout: actual %.0f predicted %.1f\n", holdout_actual, predicted);
  EXPECT_NEAR(predicted / holdout_actual, 1, 0.05);
}

// Gamma-Gamma: each customer's transactions ~ gamma(p, nu), nu ~ gamma(q, gamma); x repeat
// purchases from 1 to 10.
TEST(ModelsRecovery, GammaGammaFromSimulatedSpends) {
  const double p = 6.25, q = 3.74, g = 15.44;
  std::mt19937_64 random(31337);
  std::gamma_distribution<double> nu_of(q, 1 / g);
  std::uniform_int_distribution<int> purchases(1, 10);
  CustomerSummaries c;
  for (int i = 0; i < 10000; ++i) {
    const double nu = nu_of(random);
    std::gamma_distribution<double> value(p, 1 / nu);
    const int x = purchases(random);
    double total = 0;
    for (int k = 0; k < x; ++k) total += value(random);
    c.x.push_back(x);
    c.t_x.push_back(1);
    c.T.push_back(2);
    c.mean_spend.push_back(total / x);
  }
  expect_recovered(fit_gamma_gamma(c), {p, q, g});
}

}  // namespace
