// Which count model to believe: BG/NBD or Pareto/NBD, by holdout error when there is a holdout,
// by likelihood otherwise; a code and its figures, the page words it.
#pragma once

#include <nlohmann/json.hpp>

namespace servimetrics::models {

// Adds "model_choice": {"model", "other", "code", "params"} to an answer holding both count models'
// converged fits ("models", and "holdout" when there is one); nothing when fewer than two.
//   models_choice_holdout: the one with the smaller mean absolute error per holdout customer
//   models_choice_tie: errors within 2% of each other; the higher likelihood decides
//   models_choice_likelihood: no holdout; the higher likelihood (both have four parameters)
void add_model_choice(nlohmann::json& answer);

}  // namespace servimetrics::models
