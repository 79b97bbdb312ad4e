// The Gamma-Gamma likelihood of repeat buyers' mean spend, its fit and the expected spend.
#include "models/gamma_gamma.hpp"

#include <cmath>

namespace servimetrics::models {

double gamma_gamma_log_likelihood(const GammaGamma& g, const CustomerSummaries& c) {
  const auto [p, q, gamma] = g;
  if (!(p > 0 && q > 0 && gamma > 0)) return NAN;
  const double constant = -std::lgamma(q) + q * std::log(gamma);
  double total = 0;
  for (std::size_t i = 0; i < c.size(); ++i) {
    const double x = c.x[i], z = c.mean_spend[i];
    if (!(x > 0 && z > 0)) continue;
    total += std::lgamma(p * x + q) - std::lgamma(p * x) + constant + (p * x - 1) * std::log(z) +
             p * x * std::log(x) - (p * x + q) * std::log(gamma + x * z);
  }
  return total;
}

ModelFit fit_gamma_gamma(const CustomerSummaries& customers) {
  ModelFit fit{.name = "gamma_gamma", .param_names = {"p", "q", "gamma"}};
  fit_by_maximum_likelihood(fit, {1, 1, 1}, [&](std::span<const double> v) {
    return -gamma_gamma_log_likelihood({v[0], v[1], v[2]}, customers);
  });
  return fit;
}

double gamma_gamma_expected_spend(const GammaGamma& g, double x, double mean_spend) {
  if (!(x > 0 && mean_spend > 0)) return g.q > 1 ? g.p * g.gamma / (g.q - 1) : NAN;
  return (g.gamma + x * mean_spend) * g.p / (g.p * x + g.q - 1);
}

}  // namespace servimetrics::models
