// The BG/NBD likelihood, its fit, and what it says about each customer. The per-customer work is
// two logs and one exp: terms depending on x, t_x or T alone are computed once per distinct value.
#include "models/bg_nbd.hpp"

#include <cmath>

#include "models/special_functions.hpp"

namespace servimetrics::models {

double bg_nbd_log_likelihood(const BgNbd& p, const CustomerSummaries& c, const DistinctValues& d) {
  return bg_nbd_log_likelihood(p, c, d, {});
}

double bg_nbd_log_likelihood(const BgNbd& p, const CustomerSummaries& c, const DistinctValues& d,
                             std::span<double> gradient) {
  const auto [r, alpha, a, b] = p;
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return NAN;
  // ln L = A1 + A2 + ln(exp(A3) + [x > 0] exp(A4)) with
  //   A1 = lnG(r+x) - lnG(r) + r ln(alpha),  A2 = lnB(a, b+x) - lnB(a, b),
  //   A3 = -(r+x) ln(alpha+T),  A4 = ln(a / (b+x-1)) - (r+x) ln(alpha+t_x).
  // The gradient: dA/dtheta of each piece, the last two weighted by w4 = e^A4 / (e^A3 + e^A4).
  const bool with_gradient = !gradient.empty();
  std::vector<double> by_x(d.x.size()), by_x_dropout(d.x.size()), log_t(d.t_x.size()),
      log_T(d.T.size()), inv_t, inv_T, dr_x, da_x, db_x, db_dropout;
  const double lg_r = std::lgamma(r), lb_ab = log_beta(a, b);
  for (std::size_t k = 0; k < d.x.size(); ++k) {
    const double x = d.x[k];
    by_x[k] = std::lgamma(r + x) - lg_r + r * std::log(alpha) + log_beta(a, b + x) - lb_ab;
    by_x_dropout[k] = x > 0 ? std::log(a / (b + x - 1)) : 0;
  }
  for (std::size_t k = 0; k < d.t_x.size(); ++k) log_t[k] = std::log(alpha + d.t_x[k]);
  for (std::size_t k = 0; k < d.T.size(); ++k) log_T[k] = std::log(alpha + d.T[k]);
  if (with_gradient) {
    const double psi_r = digamma(r), psi_ab = digamma(a + b), psi_b = digamma(b);
    for (double x : d.x) {
      const double psi_abx = digamma(a + b + x);
      dr_x.push_back(digamma(r + x) - psi_r + std::log(alpha));
      da_x.push_back(psi_ab - psi_abx);
      db_x.push_back(digamma(b + x) - psi_abx - psi_b + psi_ab);
      db_dropout.push_back(x > 0 ? -1 / (b + x - 1) : 0);
    }
    for (double t : d.t_x) inv_t.push_back(1 / (alpha + t));
    for (double t : d.T) inv_T.push_back(1 / (alpha + t));
  }
  double total = 0, g_r = 0, g_alpha = 0, g_a = 0, g_b = 0, alive_weight = 0;
  for (std::size_t i = 0; i < c.size(); ++i) {
    const double x = c.x[i];
    const std::uint32_t kx = d.x_of[i], kT = d.T_of[i], kt = d.t_x_of[i];
    const double a3 = -(r + x) * log_T[kT];
    double ll = by_x[kx] + a3, w4 = 0;
    if (x > 0) {
      const double a4 = by_x_dropout[kx] - (r + x) * log_t[kt];
      const double e = std::exp(-std::fabs(a3 - a4));
      ll = by_x[kx] + std::fmax(a3, a4) + std::log1p(e);
      w4 = a4 >= a3 ? 1 / (1 + e) : e / (1 + e);
    }
    total += ll;
    if (!with_gradient) continue;
    const double w3 = 1 - w4;
    g_r += dr_x[kx] - w3 * log_T[kT] - (w4 > 0 ? w4 * log_t[kt] : 0);
    g_alpha += r / alpha - (r + x) * (w3 * inv_T[kT] + (w4 > 0 ? w4 * inv_t[kt] : 0));
    g_a += da_x[kx];
    alive_weight += w4;
    g_b += db_x[kx] + w4 * db_dropout[kx];
  }
  if (with_gradient) {
    gradient[0] = g_r;
    gradient[1] = g_alpha;
    gradient[2] = g_a + alive_weight / a;
    gradient[3] = g_b;
  }
  return total;
}

ModelFit fit_bg_nbd(const CustomerSummaries& customers) {
  ModelFit fit{.name = "bg_nbd", .param_names = {"r", "alpha", "a", "b"}};
  const DistinctValues d = distinct_values(customers);
  fit_by_maximum_likelihood(
      fit, {1, 1, 1, 1},
      [&](std::span<const double> v) {
        return -bg_nbd_log_likelihood({v[0], v[1], v[2], v[3]}, customers, d);
      },
      [&](std::span<const double> v, std::span<double> gradient) {
        const double ll = bg_nbd_log_likelihood({v[0], v[1], v[2], v[3]}, customers, d, gradient);
        for (double& g : gradient) g = -g;
        return -ll;
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

double bg_nbd_expected_numerator(const BgNbd& p, double x, double T, double t) {
  if (t <= 0) return 0;
  const auto [r, alpha, a, b] = p;
  const double z = t / (alpha + T + t);
  const Hyp2f1 f = hyp2f1(r + x, b + x, a + b + x - 1, z);
  const double tail = std::exp((r + x) * std::log1p(-z) + f.log_magnitude) * f.sign;
  return (a + b + x - 1) / (a - 1) * (1 - tail);
}

double bg_nbd_dropout_odds(const BgNbd& p, double x, double t_x, double T) {
  if (x <= 0) return 0;
  return p.a / (p.b + x - 1) * std::pow((p.alpha + T) / (p.alpha + t_x), p.r + x);
}

double bg_nbd_conditional_expected(const BgNbd& p, double x, double t_x, double T, double t) {
  if (t <= 0) return 0;
  return bg_nbd_expected_numerator(p, x, T, t) / (1 + bg_nbd_dropout_odds(p, x, t_x, T));
}

double bg_nbd_discounted_numerator(const BgNbd& p, double x, double T, double step, int steps,
                                   double rate_per_step) {
  double total = 0, before = 0, discount = 1;
  for (int k = 1; k <= steps; ++k) {
    const double upto = bg_nbd_expected_numerator(p, x, T, k * step);
    discount /= 1 + rate_per_step;
    total += (upto - before) * discount;
    before = upto;
  }
  return total;
}

double bg_nbd_discounted_purchases(const BgNbd& p, double x, double t_x, double T, double step,
                                   int steps, double rate_per_step) {
  return bg_nbd_discounted_numerator(p, x, T, step, steps, rate_per_step) /
         (1 + bg_nbd_dropout_odds(p, x, t_x, T));
}

}  // namespace servimetrics::models
