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

void fit_by_maximum_likelihood(ModelFit& fit, const std::vector<double>& start,
                               const std::function<double(std::span<const double>)>& negative_ll) {
  std::vector<double> log_start(start.size());
  for (std::size_t i = 0; i < start.size(); ++i) log_start[i] = std::log(start[i]);
  std::vector<double> natural(start.size());
  const Objective on_logs = [&](std::span<const double> logs) {
    for (std::size_t i = 0; i < logs.size(); ++i) {
      if (std::fabs(logs[i]) > 30)
        return std::numeric_limits<double>::infinity();  // e^30: far outside any sensible model
      natural[i] = std::exp(logs[i]);
    }
    return negative_ll(natural);
  };
  const Minimum best = minimize(on_logs, log_start);
  fit.params.resize(start.size());
  for (std::size_t i = 0; i < start.size(); ++i) fit.params[i] = std::exp(best.x[i]);
  fit.log_likelihood = -best.value;
  fit.converged = best.converged;
  fit.evaluations = best.evaluations;
  if (!fit.converged) {
    fit.warnings.push_back(model_error(
        "models_not_converged",
        "The " + fit.name + " fit did not settle; its parameters may be far from the best ones.",
        {{"model", fit.name}, {"evaluations", best.evaluations}}));
  }
  fit.std_errors = standard_errors(negative_ll, fit.params);
  if (!fit.std_errors) {
    fit.warnings.push_back(model_error(
        "models_no_standard_errors",
        "The " + fit.name +
            " fit is flat or at an edge in some direction: its standard errors are unknown.",
        {{"model", fit.name}}));
  }
}

}  // namespace servimetrics::models
