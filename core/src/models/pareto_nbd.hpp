// The Pareto/NBD model (Schmittlein, Morrison & Colombo 1987; likelihood as in Fader & Hardie's
// 2005 note "A note on deriving the Pareto/NBD model and related expressions"): purchases at a
// gamma-distributed Poisson rate (r, alpha), an exponential lifetime with a gamma-distributed rate
// (s, beta).
#pragma once

#include <utility>
#include <vector>

#include "models/model_fit.hpp"

namespace servimetrics::models {

struct ParetoNbd {
  double r = 0, alpha = 0, s = 0, beta = 0;
};

// One customer's log-likelihood and P(alive), together (they share the 2F1 terms); NaN outside
// the model or when a 2F1 did not converge.
struct ParetoNbdCustomer {
  double log_likelihood = NAN;
  double p_alive = NAN;
};
ParetoNbdCustomer pareto_nbd_customer(const ParetoNbd& p, double x, double t_x, double T);

// The distinct (x, t_x) and (x, T) pairs of the customers, and each customer's index into them;
// the distinct x and T values too.
struct ParetoPairs {
  std::vector<std::pair<double, double>> at_t_x, at_T;
  std::vector<std::uint32_t> t_x_of, T_of;
  DistinctValues values;
};
ParetoPairs pareto_pairs(const CustomerSummaries& c);
double pareto_nbd_log_likelihood(const ParetoNbd& p, const CustomerSummaries& c,
                                 const ParetoPairs& pairs);
ModelFit fit_pareto_nbd(const CustomerSummaries& customers);

// E[Y(t) | x, t_x, T] over the next t (the note's eq. 22).
double pareto_nbd_conditional_expected(const ParetoNbd& p, double x, double t_x, double T,
                                       double t);
// Discounted expected purchases over an unbounded future, continuous discount rate delta per unit
// of time: DET of Fader, Hardie & Lee 2005 "RFM and CLV", eq. 2.
double pareto_nbd_discounted_purchases(const ParetoNbd& p, double x, double t_x, double T,
                                       double delta);

}  // namespace servimetrics::models
