// What the fitted models say about each customer (P(alive), expected purchases, expected spend,
// CLV) and how well they predicted a holdout period.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "models/model_fit.hpp"
#include "models/models_request.hpp"

namespace servimetrics::models {

// One count model's P(alive), expected purchases and CLV per customer, in the customers' order,
// kept for a page that takes the table as columns (NaN where they cannot be computed).
struct PredictionColumns {
  std::string model;
  std::vector<double> p_alive, expected, clv;
};

// Adds "customer_columns" and "customers" to the answer: per customer its summary and, for each
// converged fit among `fits`, P(alive), expected purchases over the horizon and the discounted CLV
// (the first options.customer_rows customers; all by default); "customers_total"; and "base", per
// count model the base's expected purchases, value (sum of CLVs), customers probably lost
// (P(alive) < 0.5) and the P(alive) histogram in ten bins. With `kept`, each count model's
// predictions for every customer are also kept there.
void add_customer_table(nlohmann::json& answer, const CustomerSummaries& c,
                        const std::vector<ModelFit>& fits, const ModelsOptions& options,
                        std::vector<PredictionColumns>* kept = nullptr);
// Adds "holdout" when the customers carry holdout counts and options.holdout is set: per model,
// mean actual and predicted purchases by calibration frequency 0..7+, the mean absolute error per
// customer and the totals.
void add_holdout(nlohmann::json& answer, const CustomerSummaries& c,
                 const std::vector<ModelFit>& fits, const ModelsOptions& options);

// The converged fit called `name` among `fits`, or null.
const ModelFit* converged_fit(const std::vector<ModelFit>& fits, const char* name);

// A number as JSON, null when it is not finite: no NaN or infinity leaves the layer.
nlohmann::json finite(double v);

}  // namespace servimetrics::models
