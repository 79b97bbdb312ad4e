// The Gamma-Gamma spend model (Fader, Hardie & Lee 2005 "RFM and CLV"; Fader & Hardie 2013 note
// "The Gamma-Gamma model of monetary value"): a customer's transaction values are gamma(p, nu),
// nu gamma(q, gamma) across customers; fitted on the repeat buyers' mean spend.
#pragma once

#include "models/model_fit.hpp"

namespace servimetrics::models {

struct GammaGamma {
  double p = 0, q = 0, gamma = 0;
};

// Sum over customers with x > 0 and mean spend > 0 of ln f(mean | p, q, gamma, x); NaN outside.
double gamma_gamma_log_likelihood(const GammaGamma& g, const CustomerSummaries& c);
ModelFit fit_gamma_gamma(const CustomerSummaries& customers);
// E[M | p, q, gamma, mean, x] = (gamma + x mean) p / (p x + q - 1); the population mean
// p gamma / (q - 1) when x = 0.
double gamma_gamma_expected_spend(const GammaGamma& g, double x, double mean_spend);

}  // namespace servimetrics::models
