// What the models share: the customers' summaries (x, t_x, T, mean repeat spend), a fitted model
// with its standard errors and warnings, and the coded warnings and errors they raise.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "servimetrics/result.hpp"

namespace servimetrics::models {

// One row per customer, in the time unit of the fit: x repeat purchases (distinct purchase days
// after the first), t_x the time of the last one after the first purchase (0 when x = 0), T the
// time from the first purchase to the end of calibration, and the mean value of the repeat
// purchases (0 when x = 0). x_holdout counts the purchases after calibration (negative: unknown;
// empty without a holdout period: a million customers' column of -1 is 8 MB).
struct CustomerSummaries {
  std::vector<std::string> ids;
  std::vector<double> x, t_x, T, mean_spend, x_holdout;
  [[nodiscard]] std::size_t size() const { return x.size(); }
};

// The distinct values of x, t_x and T with each customer's index into them: the likelihoods do the
// work that depends on one value once per distinct value (CDNOW: 2,357 customers, 84 T's).
struct DistinctValues {
  std::vector<double> x, t_x, T;
  std::vector<std::uint32_t> x_of, t_x_of, T_of;
};
DistinctValues distinct_values(const CustomerSummaries& customers);

struct ModelFit {
  std::string name = {};                      // "bg_nbd", "pareto_nbd", "gamma_gamma", "sbg"
  std::vector<std::string> param_names = {};  // as the papers write them: r, alpha, a, b, ...
  std::vector<double> params = {};
  std::optional<std::vector<double>> std_errors = {};
  // The parameters' covariance (inverse Hessian), when std_errors are known: the intervals' draws.
  std::optional<std::vector<std::vector<double>>> covariance = {};
  double log_likelihood = 0;
  bool converged = false;
  int evaluations = 0;
  std::vector<Error> warnings = {};  // coded, as the core's notes
};

// Fills in params, log-likelihood, convergence and standard errors from a negative log-likelihood
// of the natural parameters, minimised over their logarithms from `start`; warns when it did not
// converge or the Hessian is not positive definite.
void fit_by_maximum_likelihood(ModelFit& fit, const std::vector<double>& start,
                               const std::function<double(std::span<const double>)>& negative_ll);
// The same with the gradient of the negative log-likelihood in the natural parameters (written into
// its second argument): BFGS first, Nelder-Mead from its end point when it does not converge.
// `terms` (the customers each evaluation visits, 0 if few) bounds that fallback's work: on a
// million customers a fit running off along a ridge stops, not converged, instead of crawling for
// minutes.
using SmoothNegativeLl = std::function<double(std::span<const double>, std::span<double>)>;
void fit_by_maximum_likelihood(ModelFit& fit, const std::vector<double>& start,
                               const std::function<double(std::span<const double>)>& negative_ll,
                               const SmoothNegativeLl& with_gradient, std::size_t terms = 0);

// The coded warnings and errors of the models layer (docs/codes/models.md).
Error model_error(std::string code, std::string message, nlohmann::json params = {});
// "models_few_customers" when fewer than `minimum` customers carry the fit.
void warn_if_few(ModelFit& fit, std::size_t customers, std::size_t minimum);

}  // namespace servimetrics::models
