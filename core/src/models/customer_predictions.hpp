// What the fitted models say about each customer (P(alive), expected purchases, expected spend,
// CLV) and how well they predicted a holdout period.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "models/model_fit.hpp"
#include "models/models_request.hpp"

namespace servimetrics::models {

// Adds "customer_columns" and "customers" to the answer: per customer its summary and, for each
// converged fit among `fits`, P(alive), expected purchases over the horizon and the discounted CLV.
void add_customer_table(nlohmann::json& answer, const CustomerSummaries& c,
                        const std::vector<ModelFit>& fits, const ModelsOptions& options);
// Adds "holdout" when the customers carry holdout counts and options.holdout is set: per model,
// mean actual and predicted purchases by calibration frequency 0..7+, the mean absolute error per
// customer and the totals.
void add_holdout(nlohmann::json& answer, const CustomerSummaries& c,
                 const std::vector<ModelFit>& fits, const ModelsOptions& options);

// A number as JSON, null when it is not finite: no NaN or infinity leaves the layer.
nlohmann::json finite(double v);

}  // namespace servimetrics::models
