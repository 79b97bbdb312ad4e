// A what-if request read and checked: the baseline, the scenarios and the questions asked of them
// (internal to the core; docs/JSON-API.md describes the JSON).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "servimetrics/result.hpp"
#include "whatif/goal_seek.hpp"
#include "whatif/monte_carlo.hpp"
#include "whatif/scenarios.hpp"
#include "whatif/tornado.hpp"

namespace servimetrics::whatif {

// -1: the baseline; otherwise the index of a scenario.
using ScenarioIndex = int;

struct WhatifRequest {
  Model baseline;
  std::vector<Scenario> scenarios;
  std::optional<TornadoOptions> tornado;
  ScenarioIndex tornado_scenario = -1;
  std::optional<GoalOptions> goal;
  ScenarioIndex goal_scenario = -1;
  std::optional<McOptions> monte_carlo;
  ScenarioIndex monte_carlo_scenario = -1;
};

inline constexpr int kMaxHorizonYears = 10;
inline constexpr int kMaxDraws = 100000;
inline constexpr int kMaxScenarios = 50;

struct ReadRequest {
  WhatifRequest request;
  std::vector<Error> errors;  // when not empty, nothing is computed
};

ReadRequest read_whatif_request(const nlohmann::json& request);

// The model of a scenario index.
const Model& model_of(const WhatifRequest& request, ScenarioIndex index);

}  // namespace servimetrics::whatif
