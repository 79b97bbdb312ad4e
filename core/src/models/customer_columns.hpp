// The customers' table of a fit as plain columns (servimetrics::CustomerColumns): what a page
// windows and sorts itself, instead of a JSON row per customer.
#pragma once

#include <string>
#include <vector>

#include "models/customer_predictions.hpp"
#include "models/models_request.hpp"
#include "servimetrics/models.hpp"

namespace servimetrics::models {

// Moves the customers' ids out of `c` into `columns`, packed (c.ids is left empty).
void take_customer_ids(CustomerSummaries& c, CustomerColumns& columns);
// Moves the customers' summaries (x, t_x, T, mean spend) out of `c` into `columns`.
void take_customer_summaries(CustomerSummaries& c, CustomerColumns& columns);
// Moves the predictions of the count model `model` out of `kept` into `columns` (its model,
// p_alive, expected and clv); nothing when `kept` has no such model.
void take_predictions(std::vector<PredictionColumns>& kept, const std::string& model,
                      CustomerColumns& columns);

}  // namespace servimetrics::models
