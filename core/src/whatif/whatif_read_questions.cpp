// Reads the questions of a what-if request: the tornado, the goal seek and the Monte Carlo run.
#include <string>

#include "whatif/read_support.hpp"
#include "whatif/whatif_request.hpp"

namespace servimetrics::whatif {

using json = nlohmann::json;

namespace {

// "scenario": a scenario's name or "baseline" (the default).
ScenarioIndex read_scenario_ref(Reader& reader, const json& block, const std::string& where,
                                const WhatifRequest& request) {
  const json* name = reader.field(block, where, "scenario", false);
  if (name == nullptr || *name == "baseline") return -1;
  for (std::size_t i = 0; i < request.scenarios.size(); ++i) {
    if (*name == request.scenarios[i].name) return static_cast<ScenarioIndex>(i);
  }
  reader.fail(where + ".scenario", "no scenario is named " + name->dump(),
              "whatif_unknown_scenario",
              {{"name", name->is_string() ? name->get<std::string>() : name->dump()}});
  return -1;
}

// "output" and, for outputs of a year, an optional "year" within the horizon.
bool read_output_at(Reader& reader, const json& block, const std::string& where, int horizon,
                    Output& output, int& year) {
  const json* name = reader.field(block, where, "output", true);
  if (name == nullptr) return false;
  const auto found = reader.output(*name, where + ".output");
  if (!found) return false;
  output = *found;
  const json* at = reader.field(block, where, "year", false);
  if (at == nullptr) return true;
  if (!output_has_year(output)) {
    reader.fail(where + ".year", std::string(output_name(output)) + " is not a figure of one year",
                "whatif_output_has_no_year", {{"output", std::string(output_name(output))}});
    return false;
  }
  const auto value = reader.whole(*at, where + ".year", 1, horizon);
  if (value) year = *value;
  return value.has_value();
}

void read_tornado(Reader& reader, const json& block, WhatifRequest& out) {
  if (!reader.object(block, "tornado") ||
      !reader.known_keys(block, "tornado", {"output", "step", "year", "scenario"})) {
    return;
  }
  TornadoOptions options{};
  if (!read_output_at(reader, block, "tornado", out.baseline.horizon_years, options.output,
                      options.year)) {
    return;
  }
  if (const json* step = reader.field(block, "tornado", "step", false)) {
    if (*step == "range") {
      options.range = true;
    } else if (auto value = reader.in_range(*step, "tornado.step", 0.001, 1)) {
      options.step = *value;
    }
  }
  out.tornado_scenario = read_scenario_ref(reader, block, "tornado", out);
  out.tornado = options;
}

void read_goal(Reader& reader, const json& block, WhatifRequest& out) {
  if (!reader.object(block, "goal") ||
      !reader.known_keys(block, "goal",
                         {"lever", "output", "target", "year", "scenario", "low", "high"})) {
    return;
  }
  const std::size_t before = reader.count();
  GoalOptions options{};
  const json* lever = reader.field(block, "goal", "lever", true);
  const auto found = lever ? reader.lever(*lever, "goal.lever") : std::nullopt;
  read_output_at(reader, block, "goal", out.baseline.horizon_years, options.output, options.year);
  const json* target = reader.field(block, "goal", "target", true);
  if (target != nullptr) options.target = reader.number(*target, "goal.target").value_or(0);
  out.goal_scenario = read_scenario_ref(reader, block, "goal", out);
  if (!found || !reader.ok_since(before)) return;
  options.lever = *found;
  const json* low = reader.field(block, "goal", "low", false);
  const json* high = reader.field(block, "goal", "high", false);
  if (low != nullptr || high != nullptr) {
    const Range plausible =
        plausible_range(*found, model_of(out, out.goal_scenario).levers[*found]);
    const auto lo = low ? reader.lever_value(*low, "goal.low", *found) : plausible.low;
    const auto hi = high ? reader.lever_value(*high, "goal.high", *found) : plausible.high;
    if (!lo || !hi) return;
    if (*lo > *hi) {
      reader.fail("goal", "low is above high", "whatif_goal_range_empty",
                  {{"low", *lo}, {"high", *hi}});
      return;
    }
    options.range = Range{*lo, *hi};
  }
  out.goal = options;
}

}  // namespace

// In whatif_read_ranges.cpp.
void read_monte_carlo(Reader& reader, const json& block, WhatifRequest& out);

void read_questions(Reader& reader, const json& request, WhatifRequest& out) {
  if (const json* tornado = reader.field(request, "", "tornado", false)) {
    read_tornado(reader, *tornado, out);
  }
  if (const json* goal = reader.field(request, "", "goal", false)) read_goal(reader, *goal, out);
  if (const json* mc = reader.field(request, "", "monte_carlo", false)) {
    read_monte_carlo(reader, *mc, out);
  }
}

ScenarioIndex scenario_ref(Reader& reader, const json& block, const std::string& where,
                           const WhatifRequest& request) {
  return read_scenario_ref(reader, block, where, request);
}

bool output_at(Reader& reader, const json& block, const std::string& where, int horizon,
               Output& output, int& year) {
  return read_output_at(reader, block, where, horizon, output, year);
}

}  // namespace servimetrics::whatif
