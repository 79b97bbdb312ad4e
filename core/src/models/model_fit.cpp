// Maximum likelihood for every model: log-parameters, Nelder-Mead, standard errors, and the
// warnings that go with them.
#include "models/model_fit.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "models/optimizer.hpp"

namespace servimetrics::models {
namespace {

void index_values(const std::vector<double>& values, std::vector<double>& distinct,
                  std::vector<std::uint32_t>& index) {
  distinct = values;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  // The copy's room handed back: a million customers' T held 8 MB for a few hundred values, and
  // the three columns' copies stayed beside the fit's other arrays.
  distinct.shrink_to_fit();
  index.resize(values.size());
  for (std::size_t i = 0; i < values.size(); ++i)
    index[i] = static_cast<std::uint32_t>(
        std::lower_bound(distinct.begin(), distinct.end(), values[i]) - distinct.begin());
}

}  // namespace

DistinctValues distinct_values(const CustomerSummaries& customers) {
  DistinctValues d;
  index_values(customers.x, d.x, d.x_of);
  index_values(customers.t_x, d.t_x, d.t_x_of);
  index_values(customers.T, d.T, d.T_of);
  return d;
}

Error model_error(std::string code, std::string message, nlohmann::json params) {
  return Error{.message = std::move(message),
               .code = std::move(code),
               .params = params.is_null() ? nlohmann::json::object() : std::move(params)};
}

void warn_if_few(ModelFit& fit, std::size_t customers, std::size_t minimum) {
  if (customers >= minimum) return;
  fit.warnings.push_back(
      model_error("models_few_customers",
                  "Only " + std::to_string(customers) + " customers carry the " + fit.name +
                      " fit; with fewer than " + std::to_string(minimum) +
                      " its parameters are little more than guesses.",
                  {{"model", fit.name}, {"customers", customers}, {"minimum", minimum}}));
}

namespace {

// The fit's figures from the optimiser's minimum over the log-parameters, its warnings, and the
// standard errors from the numeric Hessian in the natural parameters (from the gradient when
// there is one).
void finish_fit(ModelFit& fit, const Minimum& best,
                const std::function<double(std::span<const double>)>& negative_ll,
                const SmoothNegativeLl* with_gradient = nullptr) {
  const std::size_t n = best.x.size();
  fit.params.resize(n);
  for (std::size_t i = 0; i < n; ++i) fit.params[i] = std::exp(best.x[i]);
  fit.log_likelihood = -best.value;
  fit.converged = best.converged;
  fit.evaluations = best.evaluations;
  if (!fit.converged) {
    fit.warnings.push_back(model_error(
        "models_not_converged",
        "The " + fit.name + " fit did not settle; its parameters may be far from the best ones.",
        {{"model", fit.name}, {"evaluations", best.evaluations}}));
  }
  fit.covariance = with_gradient ? covariance_from_gradient(*with_gradient, fit.params)
                                 : covariance_matrix(negative_ll, fit.params);
  if (fit.covariance) {
    fit.std_errors.emplace(n);
    for (std::size_t i = 0; i < n; ++i) (*fit.std_errors)[i] = std::sqrt((*fit.covariance)[i][i]);
  }
  if (!fit.std_errors) {
    fit.warnings.push_back(model_error(
        "models_no_standard_errors",
        "The " + fit.name +
            " fit is flat or at an edge in some direction: its standard errors are unknown.",
        {{"model", fit.name}}));
  }
}

std::vector<double> logs_of(const std::vector<double>& start) {
  std::vector<double> out(start.size());
  for (std::size_t i = 0; i < start.size(); ++i) out[i] = std::log(start[i]);
  return out;
}

// False (and `natural` untouched beyond i) when a log-parameter is beyond +-30: e^30 is far
// outside any sensible model.
bool to_natural(std::span<const double> logs, std::vector<double>& natural) {
  for (std::size_t i = 0; i < logs.size(); ++i) {
    if (std::fabs(logs[i]) > 30) return false;
    natural[i] = std::exp(logs[i]);
  }
  return true;
}

}  // namespace

void fit_by_maximum_likelihood(ModelFit& fit, const std::vector<double>& start,
                               const std::function<double(std::span<const double>)>& negative_ll) {
  std::vector<double> natural(start.size());
  const Objective on_logs = [&](std::span<const double> logs) {
    return to_natural(logs, natural) ? negative_ll(natural)
                                     : std::numeric_limits<double>::infinity();
  };
  finish_fit(fit, minimize(on_logs, logs_of(start)), negative_ll);
}

void fit_by_maximum_likelihood(ModelFit& fit, const std::vector<double>& start,
                               const std::function<double(std::span<const double>)>& negative_ll,
                               const SmoothNegativeLl& with_gradient, std::size_t terms) {
  std::vector<double> natural(start.size()), gradient(start.size());
  const SmoothObjective on_logs = [&](std::span<const double> logs, std::span<double> out) {
    if (!to_natural(logs, natural)) return std::numeric_limits<double>::infinity();
    const double value = with_gradient(natural, gradient);
    for (std::size_t i = 0; i < logs.size(); ++i) out[i] = gradient[i] * natural[i];
    return value;
  };
  // A sum of 100,000 terms or more: its value's last 1e-12 is rounding noise (a million customers'
  // Gamma-Gamma spent 230 of 252 evaluations below it). Smaller fits keep every step as before.
  constexpr std::size_t kNoisySum = 100000;
  Minimum best =
      minimize_smooth(on_logs, logs_of(start), 1e-9, 400, terms >= kNoisySum ? 1e-12 : 0);
  if (!best.converged) {  // a rough surface: Nelder-Mead from where BFGS stopped
    const Objective values_only = [&](std::span<const double> logs) {
      return to_natural(logs, natural) ? negative_ll(natural)
                                       : std::numeric_limits<double>::infinity();
    };
    // About 2e8 customer-terms at most (a few seconds), never fewer than 100 evaluations.
    constexpr double kTermBudget = 2e8;
    const int budget = terms == 0 ? 20000
                                  : static_cast<int>(std::clamp(
                                        kTermBudget / static_cast<double>(terms), 100.0, 20000.0));
    const int spent = best.evaluations;
    best = minimize(values_only, best.x, 0.5, 1e-11, budget);
    best.evaluations += spent;
  }
  finish_fit(fit, best, negative_ll, &with_gradient);
}

}  // namespace servimetrics::models
