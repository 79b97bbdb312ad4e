// The sBG likelihood of a survival table, its fit, its projections and DERL.
#include "models/sbg.hpp"

#include <cmath>

#include "models/special_functions.hpp"

namespace servimetrics::models {

double sbg_log_likelihood(const Sbg& m, const std::vector<double>& alive) {
  if (!(m.alpha > 0 && m.beta > 0) || alive.size() < 2) return NAN;
  // P(T = 1) = alpha / (alpha + beta), P(T = t) = P(T = t-1) (beta + t - 2) / (alpha + beta + t -
  // 1).
  double churn = m.alpha / (m.alpha + m.beta);
  double survival = 1 - churn;
  double total = (alive[0] - alive[1]) * std::log(churn);
  for (std::size_t t = 2; t < alive.size(); ++t) {
    churn *= (m.beta + double(t) - 2) / (m.alpha + m.beta + double(t) - 1);
    survival -= churn;
    total += (alive[t - 1] - alive[t]) * std::log(churn);
  }
  return total + alive.back() * std::log(survival);
}

ModelFit fit_sbg(const std::vector<double>& alive) {
  ModelFit fit{.name = "sbg", .param_names = {"alpha", "beta"}};
  fit_by_maximum_likelihood(fit, {1, 1}, [&](std::span<const double> v) {
    return -sbg_log_likelihood({v[0], v[1]}, alive);
  });
  return fit;
}

std::vector<double> sbg_survival(const Sbg& m, int periods) {
  std::vector<double> s{1};
  for (int t = 1; t <= periods; ++t) s.push_back(s.back() * sbg_retention(m, t));
  return s;
}

double sbg_retention(const Sbg& m, int t) {
  return (m.beta + t - 1) / (m.alpha + m.beta + t - 1);
}

double sbg_derl(const Sbg& m, int n, double d) {
  const Hyp2f1 f = hyp2f1(1, m.beta + n, m.alpha + m.beta + n, 1 / (1 + d));
  if (!f.converged) return NAN;
  return (m.beta + n - 1) / (m.alpha + m.beta + n - 1) * f.value();
}

double sbg_del(const Sbg& m, double d) {
  const Hyp2f1 f = hyp2f1(1, m.beta, m.alpha + m.beta, 1 / (1 + d));
  return f.converged ? f.value() : NAN;
}

}  // namespace servimetrics::models
