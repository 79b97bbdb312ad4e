// The shifted-beta-geometric model of contractual retention (Fader & Hardie 2007, "How to project
// customer retention"): each customer renews each period with a fixed probability 1 - theta,
// theta beta(alpha, beta) across customers.
#pragma once

#include <vector>

#include "models/model_fit.hpp"

namespace servimetrics::models {

struct Sbg {
  double alpha = 0, beta = 0;
};

// Log-likelihood of one cohort's survival counts alive[0] (the cohort), alive[1], ... (FH 2007,
// eq. 5): those lost in each period, and the survivors of the last period censored.
double sbg_log_likelihood(const Sbg& m, const std::vector<double>& alive);
ModelFit fit_sbg(const std::vector<double>& alive);

// S(t), t = 0..periods: the share of the cohort still active after t periods (eq. 3, recursively).
std::vector<double> sbg_survival(const Sbg& m, int periods);
// r(t) = (beta + t - 1) / (alpha + beta + t - 1), the retention rate of period t (eq. 4).
double sbg_retention(const Sbg& m, int t);
// Discounted expected residual lifetime of a customer who has made n - 1 renewals, at discount
// rate d per period (Fader & Hardie 2010, "Customer-base valuation in a contractual setting",
// eq. 6): (beta+n-1)/(alpha+beta+n-1) 2F1(1, beta+n; alpha+beta+n; 1/(1+d)). NaN when the series
// does not converge.
double sbg_derl(const Sbg& m, int n, double d);
// Discounted expected lifetime of a new customer paying at the start of each period (their eq. 3):
// 2F1(1, beta; alpha+beta; 1/(1+d)); times the payment it is the expected lifetime value.
double sbg_del(const Sbg& m, double d);

}  // namespace servimetrics::models
