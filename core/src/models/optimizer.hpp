// Maximum likelihood machinery: a Nelder-Mead minimiser (used on log-parameters, so every model
// parameter stays positive) and standard errors from the numeric Hessian.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <vector>

namespace servimetrics::models {

// A function of the parameters to minimise; +inf (or NaN) marks a point outside the model.
using Objective = std::function<double(std::span<const double>)>;

struct Minimum {
  std::vector<double> x;
  double value = 0;
  bool converged = false;
  int evaluations = 0;
};

// Nelder-Mead from start (initial steps of `step` in every coordinate), restarted at the best point
// until a restart no longer improves: converged when the simplex's values agree to `tolerance`
// (relative) within max_evaluations.
Minimum minimize(const Objective& f, std::vector<double> start, double step = 0.5,
                 double tolerance = 1e-11, int max_evaluations = 20000);

// A smooth function and its gradient: returns f(x) and writes the gradient into `gradient`.
using SmoothObjective = std::function<double(std::span<const double>, std::span<double>)>;

// BFGS with a backtracking (Armijo) line search from start: converged when the largest gradient
// component is below tolerance x (|f| + 1). Far fewer evaluations than Nelder-Mead on a smooth
// likelihood over many customers. With `rounding_noise` (relative, > 0: f is a sum so long that
// its last digits are noise), also converged when a full step promising less than that is refused
// near a minimum.
Minimum minimize_smooth(const SmoothObjective& f, std::vector<double> start,
                        double tolerance = 1e-9, int max_iterations = 400,
                        double rounding_noise = 0);

// Standard errors of the parameters at a minimum of a negative log-likelihood: the square roots of
// the diagonal of the inverse of its numeric Hessian (central differences, relative steps).
// Empty when the Hessian is not positive definite there.
std::optional<std::vector<double>> standard_errors(const Objective& negative_ll,
                                                   const std::vector<double>& at);
// The whole inverse Hessian (the parameters' covariance), as standard_errors() computes it.
std::optional<std::vector<std::vector<double>>> covariance_matrix(const Objective& negative_ll,
                                                                  const std::vector<double>& at);
// The same from an analytic gradient (central differences of it: 2n evaluations instead of
// 2n^2 + 1, and no cancellation of second differences of a large value).
std::optional<std::vector<std::vector<double>>> covariance_from_gradient(
    const SmoothObjective& negative_ll, const std::vector<double>& at);

}  // namespace servimetrics::models
