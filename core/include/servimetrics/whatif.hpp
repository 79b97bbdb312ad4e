// The what-if engine: a baseline and named scenarios projected side by side, a tornado, a goal
// seek and a Monte Carlo run, in one JSON call (docs/WHATIF.md, docs/JSON-API.md). Nothing here
// throws; every problem becomes an entry of "errors".
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace servimetrics {

// Answers {"baseline", "scenarios"?, "horizon_years"?, "step"?, "tornado"?, "goal"?,
// "monte_carlo"?} with {"errors", "horizon_years", "step", "years", "scenarios", "tornado"?,
// "goal"?, "monte_carlo"?} as JSON text.
std::string whatif_text(const std::string& request_text);
std::string whatif_answer(const nlohmann::json& request);

}  // namespace servimetrics
