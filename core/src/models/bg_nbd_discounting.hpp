// The BG/NBD's discounted expected purchases of many customers at once. The monthly sum's terms
// are 2F1(a+b-1-r, a-1; a+b+x-1; z_k) (Euler's transformation of eq. 10's 2F1): a power series
// whose coefficients depend on x alone and whose powers z_k^n, weighted by each month's discount,
// depend on T alone. So the sum over months is a sum over n of coefficient(x) x moment(T): the
// moments once per T, then a short sum per (x, T); no 2F1 per month and customer.
#pragma once

#include <map>
#include <vector>

#include "models/bg_nbd.hpp"

namespace servimetrics::models {

class BgNbdDiscounting {
 public:
  // The sum over `steps` periods of length `step` (time units), each period's purchases
  // discounted by (1 + rate_per_step)^-k; moments of at most `kept_T` values of T are kept (the
  // callers that go through T in order keep one).
  BgNbdDiscounting(const BgNbd& p, double step, int steps, double rate_per_step,
                   std::size_t kept_T = SIZE_MAX);
  // bg_nbd_discounted_numerator(p, x, T, step, steps, rate_per_step), to about 1e-13.
  double numerator(double x, double T);

 private:
  const std::vector<double>& moments(double T);

  BgNbd p_;
  double step_;
  int steps_;
  double rate_;
  std::size_t kept_T_;
  std::vector<double> weights_;  // w_k = d^k - d^(k+1), k < steps; d^steps for the last
  double weight_sum_ = 0;
  std::map<double, std::vector<double>> moments_;  // T -> m_n; empty: the series is too long
};

}  // namespace servimetrics::models
