// Writing a what-if answer's parts as JSON text (internal to the core).
#pragma once

#include "base/json_writer.hpp"
#include "whatif/whatif_request.hpp"

namespace servimetrics::whatif {

// {"name", "levers", "years": {series}, "months"?, "kpis", "difference"?} of each scenario,
// the baseline first; `paths` in the same order.
void write_scenarios(JsonWriter& out, const WhatifRequest& request, const std::vector<Path>& paths);

void write_tornado(JsonWriter& out, const WhatifRequest& request, const Tornado& tornado);
void write_goal(JsonWriter& out, const WhatifRequest& request, const GoalAnswer& goal);
void write_monte_carlo(JsonWriter& out, const WhatifRequest& request, const McAnswer& answer);

// The name of a scenario index ("baseline" for -1).
std::string_view scenario_name(const WhatifRequest& request, ScenarioIndex index);

}  // namespace servimetrics::whatif
