// How sure the CLVs are: the fitted parameters drawn from their sampling distribution (normal on
// the log-parameters, covariance from the Hessian), the base's value and each customer's CLV
// recomputed per draw, their 5th, 50th and 95th percentiles reported.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "models/model_fit.hpp"
#include "models/models_request.hpp"
#include "servimetrics/models.hpp"

namespace servimetrics::models {

// Adds "intervals" when options.interval_draws > 0: for the count model `model` (and the
// Gamma-Gamma fit, when converged, for the value) {"model", "draws", "seed", "expected_purchases",
// "value" (each {"p5", "p50", "p95"} over the base), "customer_columns" ["clv_p5", "clv_p50",
// "clv_p95"], "customers" (rows in the customers' order, as many as the answer lists)}; with
// `columns` every customer's P5 and P95 go to its clv_p5 and clv_p95 instead, and no row is made.
// Without a covariance the warning models_no_intervals is added to "warnings" instead.
void add_intervals(nlohmann::json& answer, const CustomerSummaries& c,
                   const std::vector<ModelFit>& fits, const std::string& model,
                   const ModelsOptions& options, CustomerColumns* columns = nullptr);

// Parameters drawn around a fit: exp(log theta + L z), L the Cholesky factor of the log-parameters'
// covariance (delta method: cov_ij / (theta_i theta_j)), z standard normal from a seeded
// splitmix64 generator (the same draws natively and in wasm). Empty when there is no covariance or
// it is not positive definite.
std::vector<std::vector<double>> draw_parameters(const ModelFit& fit, int draws,
                                                 std::uint64_t seed);

}  // namespace servimetrics::models
