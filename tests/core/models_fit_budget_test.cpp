// The fallback after BFGS is bounded by the customers each evaluation visits: a likelihood that
// runs off along a ridge (as Gamma-Gamma does when every customer spends alike) stops, not
// converged.
#include <gtest/gtest.h>

#include <cmath>
#include <span>
#include <vector>

#include "models/model_fit.hpp"

namespace servimetrics::models {
namespace {

// No minimum inside: the value keeps falling as q and gamma grow together (q / gamma fixed), the
// shape of a Gamma-Gamma fit on spends with no heterogeneity between customers: BFGS's gradient
// test is never met, so the fallback runs.
struct Ridge {
  double operator()(std::span<const double> v) const {
    const double along = std::log(v[0]) + std::log(v[1]);
    const double across = std::log(v[0]) - std::log(v[1]);
    return -along + 50 * across * across;
  }
};

ModelFit fit_ridge(const Ridge& ridge, std::size_t terms) {
  ModelFit fit{.name = "ridge", .param_names = {"q", "gamma"}};
  fit_by_maximum_likelihood(
      fit, {1, 1}, [&](std::span<const double> v) { return ridge(v); },
      [&](std::span<const double> v, std::span<double> gradient) {
        const double along = std::log(v[0]) + std::log(v[1]);
        const double across = std::log(v[0]) - std::log(v[1]);
        const double d_along = -1;
        gradient[0] = (d_along + 100 * across) / v[0];
        gradient[1] = (d_along - 100 * across) / v[1];
        return ridge(v);
      },
      terms);
  return fit;
}

TEST(ModelsFitBudget, AMillionCustomersBoundTheFallbackAfterBfgs) {
  Ridge ridge;
  // Unbounded, Nelder-Mead crawls to the edge of the parameters (here about 600 evaluations in all,
  // each a pass over every customer in a real fit).
  const ModelFit unbounded = fit_ridge(ridge, 0);
  // 2e8 customer-terms over a million customers: the fallback's floor of 100 evaluations after
  // BFGS's own; it stops there, not converged, and says so.
  const ModelFit bounded = fit_ridge(ridge, 1'000'000);
  EXPECT_FALSE(bounded.converged);
  EXPECT_LT(bounded.evaluations, unbounded.evaluations);
  for (const double p : bounded.params) EXPECT_TRUE(std::isfinite(p));
  EXPECT_FALSE(bounded.warnings.empty());
}

}  // namespace
}  // namespace servimetrics::models
