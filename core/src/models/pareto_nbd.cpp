// The Pareto/NBD likelihood, its fit, and what it says about each customer. The likelihood's A0
// needs 2F1 at (alpha-beta)/(alpha+t) or (beta-alpha)/(beta+t), whichever of alpha, beta is larger
// (so 0 <= z < 1), as Fader & Hardie's note does, or, where that series is slow, the integral A0
// comes from; everything is kept in logs.
#include "models/pareto_nbd.hpp"

#include <algorithm>
#include <cmath>

#include "models/special_functions.hpp"

namespace servimetrics::models {
namespace {

// 2F1's argument in A0 at time t: (alpha-beta)/(alpha+t) or (beta-alpha)/(beta+t). Its series needs
// about ln(1e-15)/ln(z) terms: above kSeriesLimit (and for degenerate fits that send one rate's
// scale far from the other's, z near 1 takes millions) A0 is integrated instead.
double a0_argument(const ParetoNbd& p, double t) {
  return std::fabs(p.alpha - p.beta) / (std::fmax(p.alpha, p.beta) + t);
}
constexpr double kSeriesLimit = 0.8;

// ln [2F1(r+s+x, b2; r+s+x+1; z(t)) / (m+t)^(r+s+x)], one of the two pieces of A0; NaN when the
// series did not converge.
double log_a0_piece(const ParetoNbd& p, double x, double t) {
  const double rsx = p.r + p.s + x;
  const bool alpha_larger = p.alpha >= p.beta;
  const double m = alpha_larger ? p.alpha : p.beta;
  const double b2 = alpha_larger ? p.s + 1 : p.r + x;
  const Hyp2f1 f = hyp2f1(rsx, b2, rsx + 1, a0_argument(p, t));
  if (!f.converged || f.sign < 0) return NAN;
  return f.log_magnitude - rsx * std::log(m + t);
}

// ln A0 = ln [(r+s+x) * integral over [t_x, T] of (alpha+t)^-(r+x) (beta+t)^-(s+1) dt].
double log_a0_integral(const ParetoNbd& p, double x, double t_x, double T) {
  return std::log(p.r + p.s + x) +
         log_power_product_integral(p.r + x, p.alpha, p.s + 1, p.beta, t_x, T);
}

// ln A0 from its pieces at t_x and at T (A0 = piece(t_x) - piece(T), 0 when t_x = T); by the
// integral when a piece is missing.
double log_a0(const ParetoNbd& p, double x, double t_x, double T, double at_tx, double at_T) {
  if (std::isnan(at_tx) || std::isnan(at_T)) return log_a0_integral(p, x, t_x, T);
  const double gap = at_T - at_tx;
  return gap >= 0 ? -INFINITY : at_tx + std::log(-std::expm1(gap));
}

// ln(e^u + e^v) without overflow; e^-inf counts as 0.
double log_sum_exp(double u, double v) {
  if (std::isinf(u) && u < 0) return v;
  if (std::isinf(v) && v < 0) return u;
  return std::fmax(u, v) + std::log1p(std::exp(-std::fabs(u - v)));
}

// ln L and P(alive) of a customer from ln A0.
ParetoNbdCustomer combine(const ParetoNbd& p, double x, double T, double log_a0) {
  const auto [r, alpha, s, beta] = p;
  if (std::isnan(log_a0)) return {};
  const double alive_term = -(r + x) * std::log(alpha + T) - s * std::log(beta + T);
  const double log_sum = log_sum_exp(alive_term, std::log(s / (r + s + x)) + log_a0);
  ParetoNbdCustomer out;
  out.log_likelihood =
      std::lgamma(r + x) - std::lgamma(r) + r * std::log(alpha) + s * std::log(beta) + log_sum;
  out.p_alive = std::exp(alive_term - log_sum);
  return out;
}

bool valid(const ParetoNbd& p) {
  return p.r > 0 && p.alpha > 0 && p.s > 0 && p.beta > 0;
}

}  // namespace

ParetoNbdCustomer pareto_nbd_customer(const ParetoNbd& p, double x, double t_x, double T) {
  if (!valid(p)) return {};
  if (a0_argument(p, t_x) > kSeriesLimit) return combine(p, x, T, log_a0_integral(p, x, t_x, T));
  return combine(p, x, T, log_a0(p, x, t_x, T, log_a0_piece(p, x, t_x), log_a0_piece(p, x, T)));
}

ParetoPairs pareto_pairs(const CustomerSummaries& c) {
  ParetoPairs pairs;
  const auto index = [](std::vector<std::pair<double, double>>& list,
                        std::vector<std::uint32_t>& of, const std::vector<double>& x,
                        const std::vector<double>& t) {
    list.clear();
    for (std::size_t i = 0; i < x.size(); ++i) list.emplace_back(x[i], t[i]);
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    of.resize(x.size());
    for (std::size_t i = 0; i < x.size(); ++i)
      of[i] = static_cast<std::uint32_t>(
          std::lower_bound(list.begin(), list.end(), std::pair{x[i], t[i]}) - list.begin());
  };
  index(pairs.at_t_x, pairs.t_x_of, c.x, c.t_x);
  index(pairs.at_T, pairs.T_of, c.x, c.T);
  pairs.values = distinct_values(c);
  return pairs;
}

double pareto_nbd_log_likelihood(const ParetoNbd& p, const CustomerSummaries& c,
                                 const ParetoPairs& pairs) {
  if (!valid(p)) return NAN;
  const auto [r, alpha, s, beta] = p;
  // The 2F1 pieces once per distinct (x, t_x) and (x, T) where the series is quick (CDNOW has 586
  // and 464 of them); a customer whose piece at t_x is not (z falls with t) gets the integral.
  const auto pieces = [&](const std::vector<std::pair<double, double>>& at) {
    std::vector<double> out(at.size(), NAN);
    for (std::size_t k = 0; k < at.size(); ++k)
      if (a0_argument(p, at[k].second) <= kSeriesLimit)
        out[k] = log_a0_piece(p, at[k].first, at[k].second);
    return out;
  };
  const std::vector<double> at_tx = pieces(pairs.at_t_x), at_T = pieces(pairs.at_T);
  // What depends on x alone or T alone, once per distinct value (as combine() computes it).
  const DistinctValues& d = pairs.values;
  const double constant = -std::lgamma(r) + r * std::log(alpha) + s * std::log(beta);
  std::vector<double> by_x(d.x.size()), dropout_x(d.x.size()), log_aT(d.T.size()),
      log_bT(d.T.size());
  for (std::size_t k = 0; k < d.x.size(); ++k) {
    by_x[k] = std::lgamma(r + d.x[k]) + constant;
    dropout_x[k] = std::log(s / (r + s + d.x[k]));
  }
  for (std::size_t k = 0; k < d.T.size(); ++k) {
    log_aT[k] = std::log(alpha + d.T[k]);
    log_bT[k] = std::log(beta + d.T[k]);
  }
  double total = 0;
  for (std::size_t i = 0; i < c.size(); ++i) {
    const double x = c.x[i];
    const std::uint32_t kx = d.x_of[i], kT = d.T_of[i];
    const double a0 = log_a0(p, x, c.t_x[i], c.T[i], at_tx[pairs.t_x_of[i]], at_T[pairs.T_of[i]]);
    const double alive_term = -(r + x) * log_aT[kT] - s * log_bT[kT];
    total += by_x[kx] + log_sum_exp(alive_term, dropout_x[kx] + a0);
  }
  return total;
}

ModelFit fit_pareto_nbd(const CustomerSummaries& customers) {
  ModelFit fit{.name = "pareto_nbd", .param_names = {"r", "alpha", "s", "beta"}};
  const ParetoPairs pairs = pareto_pairs(customers);
  fit_by_maximum_likelihood(fit, {1, 1, 1, 1}, [&](std::span<const double> v) {
    return -pareto_nbd_log_likelihood({v[0], v[1], v[2], v[3]}, customers, pairs);
  });
  return fit;
}

double pareto_nbd_conditional_expected(const ParetoNbd& p, double x, double t_x, double T,
                                       double t) {
  if (t <= 0) return 0;
  const double alive = pareto_nbd_customer(p, x, t_x, T).p_alive;
  // (beta+T)/(s-1) [1 - ((beta+T)/(beta+T+t))^(s-1)], and its limit (beta+T) ln(...) at s = 1.
  const double log_ratio = std::log1p(t / (p.beta + T));
  const double s1 = p.s - 1;
  const double survival_time =
      std::fabs(s1) < 1e-10 ? log_ratio : -std::expm1(-s1 * log_ratio) / s1;
  return alive * (p.r + x) / (p.alpha + T) * (p.beta + T) * survival_time;
}

double pareto_nbd_discounted_purchases(const ParetoNbd& p, double x, double t_x, double T,
                                       double delta) {
  const double alive = pareto_nbd_customer(p, x, t_x, T).p_alive;
  const double integral = discounted_survival_integral(p.s, delta * (p.beta + T));
  return alive * (p.r + x) / (p.alpha + T) * (p.beta + T) * integral;
}

}  // namespace servimetrics::models
