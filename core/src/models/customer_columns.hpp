// The customers' table of a fit as plain columns (servimetrics::CustomerColumns): what a page
// windows and sorts itself, instead of a JSON row per customer.
#pragma once

#include <nlohmann/json.hpp>

#include "models/model_fit.hpp"
#include "models/models_request.hpp"
#include "servimetrics/models.hpp"

namespace servimetrics::models {

// Fills `columns` from the customers `c` (their summary columns are moved out) and the fitted
// `answer`: the chosen count model's (its "model_choice", else the first of "base") P(alive),
// expected purchases over the horizon and CLV, as the answer's rows would hold them, and the CLV
// intervals when the answer has them for that model (their per-customer rows are then emptied).
void fill_customer_columns(nlohmann::json& answer, CustomerSummaries& c,
                           const ModelsOptions& options, CustomerColumns& columns);

}  // namespace servimetrics::models
