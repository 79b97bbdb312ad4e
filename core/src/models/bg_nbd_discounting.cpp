// BG/NBD discounting by moments. With N_k = C (1 - (1-z_k)^(a-1) S(z_k)), C = (a+b+x-1)/(a-1),
// z_k = k step / (alpha + T + k step), S the Euler-transformed series sum_n c_n(x) z^n, and the
// discounted sum written by parts, sum_k d^k (N_k - N_(k-1)) = sum_k w_k N_k, it is
// C (W - sum_n c_n(x) m_n(T)) with m_n(T) = sum_k w_k (1-z_k)^(a-1) z_k^n.
#include "models/bg_nbd_discounting.hpp"

#include <algorithm>
#include <cmath>

namespace servimetrics::models {
namespace {

constexpr int kMaxTerms = 20000;  // beyond: z too near 1; the month-by-month sum instead

}  // namespace

BgNbdDiscounting::BgNbdDiscounting(const BgNbd& p, double step, int steps, double rate_per_step,
                                   std::size_t kept_T)
    : p_(p), step_(step), steps_(steps), rate_(rate_per_step), kept_T_(kept_T) {
  const double d = 1 / (1 + rate_per_step);
  double power = 1;
  for (int k = 1; k <= steps; ++k) {
    power *= d;
    weights_.push_back(k < steps ? power * (1 - d) : power);
    weight_sum_ += weights_.back();
  }
}

const std::vector<double>& BgNbdDiscounting::moments(double T) {
  const auto found = moments_.find(T);
  if (found != moments_.end()) return found->second;
  if (moments_.size() >= kept_T_) moments_.clear();
  std::vector<double>& m = moments_[T];
  if (steps_ <= 0) return m;
  const double z_max = steps_ * step_ / (p_.alpha + T + steps_ * step_);
  // Terms beyond n contribute below z_max^n of the largest.
  // (The coefficients may grow like a power of n: 1e-20 and 50 more terms cover it.)
  const double terms = std::ceil(std::log(1e-20) / std::log(z_max)) + 50;
  if (!(terms > 0) || terms > kMaxTerms) return m;  // empty: the caller sums month by month
  m.assign(static_cast<std::size_t>(terms), 0.0);
  // Each month's powers stop where they fall below 1e-20 of its first (the same rule as `terms`
  // for z_max, applied to that month's z: early months need tens of terms, not hundreds). Four
  // months at a time keep four independent multiplication chains in flight; each m_n still adds
  // the months in order.
  const auto month = [&](int k, double& z, double& power) {
    const double t = k * step_;
    z = t / (p_.alpha + T + t);
    power = weights_[static_cast<std::size_t>(k - 1)] * std::pow(1 - z, p_.a - 1);
    return std::min(m.size(),
                    static_cast<std::size_t>(std::ceil(std::log(1e-20) / std::log(z))) + 50);
  };
  int k = 1;
  for (; k + 3 <= steps_; k += 4) {
    double z[4], power[4];
    std::size_t length = 0;
    for (int j = 0; j < 4; ++j) length = std::max(length, month(k + j, z[j], power[j]));
    for (std::size_t n = 0; n < length; ++n) {
      m[n] = m[n] + power[0] + power[1] + power[2] + power[3];
      for (int j = 0; j < 4; ++j) power[j] *= z[j];
    }
  }
  for (; k <= steps_; ++k) {
    double z = 0, power = 0;
    const std::size_t length = month(k, z, power);
    for (std::size_t n = 0; n < length; ++n) {
      m[n] += power;
      power *= z;
    }
  }
  return m;
}

double BgNbdDiscounting::numerator(double x, double T) {
  const std::vector<double>& m = moments(T);
  if (m.empty()) return bg_nbd_discounted_numerator(p_, x, T, step_, steps_, rate_);
  const auto [r, alpha, a, b] = p_;
  (void)alpha;
  const double ca = a + b - 1 - r, cb = a - 1, c = a + b + x - 1;
  if (!(c > 0)) return bg_nbd_discounted_numerator(p_, x, T, step_, steps_, rate_);
  double coefficient = 1, sum = 0;
  for (std::size_t n = 0; n < m.size(); ++n) {
    sum += coefficient * m[n];
    const double dn = static_cast<double>(n);
    coefficient *= (ca + dn) * (cb + dn) / ((c + dn) * (dn + 1));
  }
  return c / (a - 1) * (weight_sum_ - sum);
}

}  // namespace servimetrics::models
