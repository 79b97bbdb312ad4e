// Writes the answers to the questions: the tornado's bars, the goal seek, the Monte Carlo bands.
#include "whatif/whatif_json.hpp"

namespace servimetrics::whatif {
namespace {

void write_value(JsonWriter& out, std::string_view key, const OutputValue& value) {
  out.key(key);
  if (value.ok()) {
    out.value(value.value);
  } else {
    out.null();
    out.key(std::string(key) + "_code").value(value.code);
  }
}

void write_percentiles(JsonWriter& out, const Percentiles& p) {
  out.begin_object();
  out.key("p10").value(p.p10);
  out.key("p50").value(p.p50);
  out.key("p90").value(p.p90);
  out.end_object();
}

}  // namespace

void write_tornado(JsonWriter& out, const WhatifRequest& request, const Tornado& tornado) {
  const TornadoOptions& options = *request.tornado;
  out.begin_object();
  out.key("scenario").value(scenario_name(request, request.tornado_scenario));
  out.key("output").value(output_name(options.output));
  if (output_has_year(options.output)) {
    out.key("year").integer(options.year == 0 ? request.baseline.horizon_years : options.year);
  }
  out.key("step");
  if (options.range) {
    out.value("range");
  } else {
    out.value(options.step);
  }
  write_value(out, "base", tornado.base);
  out.key("bars").begin_array();
  for (const TornadoBar& bar : tornado.bars) {
    out.begin_object();
    out.key("lever").value(lever_spec(bar.lever).name);
    out.key("low").value(bar.low_value);
    out.key("high").value(bar.high_value);
    write_value(out, "output_low", bar.at_low);
    write_value(out, "output_high", bar.at_high);
    out.key("swing").value(bar.swing);
    out.end_object();
  }
  out.end_array();
  out.end_object();
}

void write_goal(JsonWriter& out, const WhatifRequest& request, const GoalAnswer& goal) {
  const GoalOptions& options = *request.goal;
  out.begin_object();
  out.key("scenario").value(scenario_name(request, request.goal_scenario));
  out.key("lever").value(lever_spec(options.lever).name);
  out.key("output").value(output_name(options.output));
  if (output_has_year(options.output)) {
    out.key("year").integer(options.year == 0 ? request.baseline.horizon_years : options.year);
  }
  out.key("target").value(options.target);
  out.key("range").begin_object();
  out.key("low").value(goal.range.low);
  out.key("high").value(goal.range.high);
  out.end_object();
  out.key("status").value(goal.reached ? "reached" : "unreachable");
  if (goal.reached) {
    out.key("value").value(goal.value);
    out.key("output_value").value(goal.output_value);
  } else {
    out.key("code").value(goal.code);
    out.key("best");
    if (goal.has_best) {
      out.begin_object();
      out.key("value").value(goal.value);
      out.key("output_value").value(goal.output_value);
      out.end_object();
    } else {
      out.null();
    }
  }
  out.key("evaluations").integer(goal.evaluations);
  out.end_object();
}

void write_monte_carlo(JsonWriter& out, const WhatifRequest& request, const McAnswer& answer) {
  const McOptions& options = *request.monte_carlo;
  out.begin_object();
  out.key("scenario").value(scenario_name(request, request.monte_carlo_scenario));
  out.key("draws").integer(options.draws);
  out.key("seed").integer(static_cast<std::int64_t>(options.seed));
  out.key("bands").begin_object();
  for (const McBand& band : answer.bands) {
    out.key(output_name(band.series)).begin_array();
    for (const Percentiles& p : band.years) write_percentiles(out, p);
    out.end_array();
  }
  out.end_object();
  out.key("clamped").begin_object();
  for (std::size_t r = 0; r < options.ranges.size(); ++r) {
    out.key(lever_spec(options.ranges[r].lever).name).integer(answer.clamped[r]);
  }
  out.end_object();
  out.key("undefined_draws").integer(answer.undefined_series_draws);
  if (options.target) {
    const McTarget& target = *options.target;
    out.key("target").begin_object();
    out.key("output").value(output_name(target.output));
    if (output_has_year(target.output)) {
      out.key("year").integer(target.year == 0 ? request.baseline.horizon_years : target.year);
    }
    out.key(target.at_least ? "at_least" : "at_most").value(target.value);
    out.key("met").integer(answer.met);
    out.key("defined").integer(answer.defined);
    out.key("probability").value(static_cast<double>(answer.met) / options.draws);
    out.key("values");
    if (answer.defined > 0) {
      write_percentiles(out, answer.target_values);
    } else {
      out.null();
    }
    out.end_object();
  }
  out.end_object();
}

}  // namespace servimetrics::whatif
