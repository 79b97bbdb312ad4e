// The BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): purchases
// at a gamma-distributed Poisson rate (r, alpha), dropping out after any purchase with a
// beta-distributed probability (a, b).
#pragma once

#include "models/model_fit.hpp"

namespace servimetrics::models {

struct BgNbd {
  double r = 0, alpha = 0, a = 0, b = 0;
};

// Sum of the log-likelihoods of the customers (FHL 2005, eq. 6); NaN outside the model.
double bg_nbd_log_likelihood(const BgNbd& p, const CustomerSummaries& c, const DistinctValues& d);
// The same, with its gradient in (r, alpha, a, b) written into `gradient` (4 values; none when
// empty): the BFGS fit needs about a tenth of Nelder-Mead's passes over the customers.
double bg_nbd_log_likelihood(const BgNbd& p, const CustomerSummaries& c, const DistinctValues& d,
                             std::span<double> gradient);
ModelFit fit_bg_nbd(const CustomerSummaries& customers);

// P(alive | x, t_x, T) (Fader, Hardie & Lee 2008 note "Computing P(alive) using the BG/NBD").
double bg_nbd_p_alive(const BgNbd& p, double x, double t_x, double T);
// E[X(t)] of a new customer (FHL 2005, eq. 7) and E[Y(t) | x, t_x, T] over the next t (eq. 10),
// both with the Euler-transformed 2F1 of Fader & Hardie's note on the #NUM! error.
double bg_nbd_expected(const BgNbd& p, double t);
double bg_nbd_conditional_expected(const BgNbd& p, double x, double t_x, double T, double t);
// E[Y(t) | x, t_x, T] = numerator(x, T, t) / (1 + odds(x, t_x, T)), and P(alive) = 1 / (1 + odds):
// the numerator does not depend on t_x, so the customers' table computes it once per (x, T).
double bg_nbd_expected_numerator(const BgNbd& p, double x, double T, double t);
double bg_nbd_dropout_odds(const BgNbd& p, double x, double t_x, double T);
// Discounted expected purchases over `steps` periods of length `step`, each period's expected
// purchases discounted by (1 + rate_per_step)^-k at its end (a discrete-time sum).
double bg_nbd_discounted_purchases(const BgNbd& p, double x, double t_x, double T, double step,
                                   int steps, double rate_per_step);
// Its numerator (divide by 1 + odds): one per (x, T).
double bg_nbd_discounted_numerator(const BgNbd& p, double x, double T, double step, int steps,
                                   double rate_per_step);

}  // namespace servimetrics::models
