// The BG/NBD likelihood, its fit, and what it says about each customer. The per-customer work is
// two logs and one exp: terms depending on x, t_x or T alone are computed once per distinct value.
#include "models/bg_nbd.hpp"

#include <cmath>

#include "models/special_functions.hpp"

namespace servimetrics::models {

double bg_nbd_log_likelihood(const BgNbd& p, const CustomerSummaries& c, const DistinctValues& d) {
  const auto [r, alpha, a, b] = p;
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return NAN;
  // ln L = A1 + A2 + ln(exp(A3) + [x > 0] exp(A4)) with
  //   A1 = lnG(r+x) - lnG(r) + r ln(alpha),  A2 = lnB(a, b+x) - lnB(a, b),
  //   A3 = -(r+x) ln(alpha+T),  A4 = ln(a / (b+x-1)) - (r+x) ln(alpha+t_x).
  std::vector<double> by_x(d.x.size()), by_x_dropout(d.x.size()), log_t(d.t_x.size()),
      log_T(d.T.size());
  const double lg_r = std::lgamma(r), lb_ab = log_beta(a, b);
  for (std::size_t k = 0; k < d.x.size(); ++k) {
    const double x = d.x[k];
    by_x[k] = std::lgamma(r + x) - lg_r + r * std::log(alpha) + log_beta(a, b + x) - lb_ab;
    by_x_dropout[k] = x > 0 ? std::log(a / (b + x - 1)) : 0;
  }
  for (std::size_t k = 0; k < d.t_x.size(); ++k) log_t[k] = std::log(alpha + d.t_x[k]);
  for (std::size_t k = 0; k < d.T.size(); ++k) log_T[k] = std::log(alpha + d.T[k]);
  double total = 0;
  for (std::size_t i = 0; i < c.size(); ++i) {
    const double x = c.x[i];
    const double a3 = -(r + x) * log_T[d.T_of[i]];
    double ll = by_x[d.x_of[i]] + a3;
    if (x > 0) {
      const double a4 = by_x_dropout[d.x_of[i]] - (r + x) * log_t[d.t_x_of[i]];
      ll = by_x[d.x_of[i]] + std::fmax(a3, a4) + std::log1p(std::exp(-std::fabs(a3 - a4)));
    }
    total += ll;
  }
  return total;
}

ModelFit fit_bg_nbd(const CustomerSummaries& customers) {
  ModelFit fit{.name = "bg_nbd", .param_names = {"r", "alpha", "a", "b"}};
  const DistinctValues d = distinct_values(customers);
  fit_by_maximum_likelihood(fit, {1, 1, 1, 1}, [&](std::span<const double> v) {
    return -bg_nbd_log_likelihood({v[0], v[1], v[2], v[3]}, customers, d);
  });
  return fit;
}

double bg_nbd_p_alive(const BgNbd& p, double x, double t_x, double T) {
  if (x <= 0) return 1;
  const double log_odds =
      std::log(p.a / (p.b + x - 1)) + (p.r + x) * std::log((p.alpha + T) / (p.alpha + t_x));
  return 1 / (1 + std::exp(log_odds));
}

double bg_nbd_expected(const BgNbd& p, double t) {
  if (t <= 0) return 0;
  // (a+b-1)/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b; a+b-1; t/(alpha+t))]
  const double z = t / (p.alpha + t);
  const Hyp2f1 f = hyp2f1(p.r, p.b, p.a + p.b - 1, z);
  const double tail = std::exp(p.r * std::log1p(-z) + f.log_magnitude) * f.sign;
  return (p.a + p.b - 1) / (p.a - 1) * (1 - tail);
}

double bg_nbd_conditional_expected(const BgNbd& p, double x, double t_x, double T, double t) {
  if (t <= 0) return 0;
  const auto [r, alpha, a, b] = p;
  const double z = t / (alpha + T + t);
  const Hyp2f1 f = hyp2f1(r + x, b + x, a + b + x - 1, z);
  const double tail = std::exp((r + x) * std::log1p(-z) + f.log_magnitude) * f.sign;
  const double numerator = (a + b + x - 1) / (a - 1) * (1 - tail);
  const double odds = x > 0 ? a / (b + x - 1) * std::pow((alpha + T) / (alpha + t_x), r + x) : 0;
  return numerator / (1 + odds);
}

double bg_nbd_discounted_purchases(const BgNbd& p, double x, double t_x, double T, double step,
                                   int steps, double rate_per_step) {
  double total = 0, before = 0, discount = 1;
  for (int k = 1; k <= steps; ++k) {
    const double upto = bg_nbd_conditional_expected(p, x, t_x, T, k * step);
    discount /= 1 + rate_per_step;
    total += (upto - before) * discount;
    before = upto;
  }
  return total;
}

}  // namespace servimetrics::models
