// The Pareto/NBD likelihood, its fit, and what it says about each customer. The likelihood's A0
// needs 2F1 at (alpha-beta)/(alpha+t) or (beta-alpha)/(beta+t), whichever of alpha, beta is larger
// (so 0 <= z < 1), as Fader & Hardie's note does; everything is kept in logs.
#include "models/pareto_nbd.hpp"

#include <algorithm>
#include <cmath>

#include "models/special_functions.hpp"

namespace servimetrics::models {
namespace {

// ln [2F1(r+s+x, b2; r+s+x+1; z(t)) / (m+t)^(r+s+x)], one of the two pieces of A0; NaN when the
// series did not converge.
double log_a0_piece(const ParetoNbd& p, double x, double t) {
  const double rsx = p.r + p.s + x;
  const bool alpha_larger = p.alpha >= p.beta;
  const double m = alpha_larger ? p.alpha : p.beta;
  const double b2 = alpha_larger ? p.s + 1 : p.r + x;
  const double z = (alpha_larger ? p.alpha - p.beta : p.beta - p.alpha) / (m + t);
  const Hyp2f1 f = hyp2f1(rsx, b2, rsx + 1, z);
  if (!f.converged || f.sign < 0) return NAN;
  return f.log_magnitude - rsx * std::log(m + t);
}

// ln(e^u + e^v) without overflow; e^-inf counts as 0.
double log_sum_exp(double u, double v) {
  if (std::isinf(u) && u < 0) return v;
  if (std::isinf(v) && v < 0) return u;
  return std::fmax(u, v) + std::log1p(std::exp(-std::fabs(u - v)));
}

// ln L and P(alive) of a customer from A0's two pieces (at t_x and at T).
ParetoNbdCustomer combine(const ParetoNbd& p, double x, double T, double at_tx, double at_T) {
  const auto [r, alpha, s, beta] = p;
  if (std::isnan(at_tx) || std::isnan(at_T)) return {};
  // A0 = piece(t_x) - piece(T) > 0 (0 when t_x = T).
  const double gap = at_T - at_tx;
  const double log_a0 = gap >= 0 ? -INFINITY : at_tx + std::log(-std::expm1(gap));
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
  return combine(p, x, T, log_a0_piece(p, x, t_x), log_a0_piece(p, x, T));
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
  return pairs;
}

double pareto_nbd_log_likelihood(const ParetoNbd& p, const CustomerSummaries& c,
                                 const ParetoPairs& pairs) {
  if (!valid(p)) return NAN;
  // The 2F1 pieces once per distinct (x, t_x) and (x, T): CDNOW has 586 and 464 of them.
  std::vector<double> at_tx(pairs.at_t_x.size()), at_T(pairs.at_T.size());
  for (std::size_t k = 0; k < at_tx.size(); ++k)
    at_tx[k] = log_a0_piece(p, pairs.at_t_x[k].first, pairs.at_t_x[k].second);
  for (std::size_t k = 0; k < at_T.size(); ++k)
    at_T[k] = log_a0_piece(p, pairs.at_T[k].first, pairs.at_T[k].second);
  double total = 0;
  for (std::size_t i = 0; i < c.size(); ++i)
    total += combine(p, c.x[i], c.T[i], at_tx[pairs.t_x_of[i]], at_T[pairs.T_of[i]]).log_likelihood;
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
