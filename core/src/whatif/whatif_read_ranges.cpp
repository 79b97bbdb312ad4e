// Reads the Monte Carlo block: draws, seed, each lever's range, the series and the target.
#include <algorithm>
#include <cmath>
#include <string>

#include "whatif/read_support.hpp"
#include "whatif/whatif_request.hpp"

namespace servimetrics::whatif {

using json = nlohmann::json;

// In whatif_read_questions.cpp.
ScenarioIndex scenario_ref(Reader& reader, const json& block, const std::string& where,
                           const WhatifRequest& request);
bool output_at(Reader& reader, const json& block, const std::string& where, int horizon,
               Output& output, int& year);

namespace {

// {"low", "likely", "high"} (triangular) or {"mean", "sd"} (normal), in the lever's valid range.
std::optional<LeverRange> read_range(Reader& reader, const std::string& where, Lever lever,
                                     const json& block) {
  if (!reader.object(block, where)) return std::nullopt;
  const std::size_t before = reader.count();
  LeverRange range{lever};
  if (block.contains("mean")) {
    if (!reader.known_keys(block, where, {"mean", "sd"})) return std::nullopt;
    const json* sd = reader.field(block, where, "sd", true);
    range.normal = true;
    range.mean = reader.lever_value(block.at("mean"), where + ".mean", lever).value_or(0);
    if (sd != nullptr) range.sd = reader.in_range(*sd, where + ".sd", 0, 1e15).value_or(0);
    return reader.ok_since(before) ? std::optional(range) : std::nullopt;
  }
  if (!reader.known_keys(block, where, {"low", "likely", "high"})) return std::nullopt;
  double* parts[] = {&range.low, &range.likely, &range.high};
  const char* names[] = {"low", "likely", "high"};
  for (int i = 0; i < 3; ++i) {
    const json* value = reader.field(block, where, names[i], true);
    if (value != nullptr) {
      *parts[i] = reader.lever_value(*value, where + "." + names[i], lever).value_or(0);
    }
  }
  if (!reader.ok_since(before)) return std::nullopt;
  if (range.low > range.likely || range.likely > range.high) {
    reader.fail(where, "needs low <= likely <= high", "whatif_range_not_ordered",
                {{"low", range.low}, {"likely", range.likely}, {"high", range.high}});
    return std::nullopt;
  }
  return range;
}

void read_ranges(Reader& reader, const json& block, McOptions& options) {
  if (!reader.object(block, "monte_carlo.ranges")) return;
  for (const auto& [key, value] : block.items()) {
    const std::string where = "monte_carlo.ranges." + key;
    const auto lever = reader.lever(json(key), where);
    if (!lever) continue;
    if (auto range = read_range(reader, where, *lever, value)) options.ranges.push_back(*range);
  }
  // One order of draws whatever the order of the keys: a seed gives one answer.
  std::sort(options.ranges.begin(), options.ranges.end(),
            [](const LeverRange& a, const LeverRange& b) { return a.lever < b.lever; });
}

void read_series(Reader& reader, const json& block, McOptions& options) {
  if (!block.is_array()) {
    reader.fail("monte_carlo.series", "must be a list", "whatif_not_a_list");
    return;
  }
  options.series.clear();
  for (std::size_t i = 0; i < block.size(); ++i) {
    const std::string where = "monte_carlo.series[" + std::to_string(i) + "]";
    const auto output = reader.output(block.at(i), where);
    if (!output) continue;
    if (!output_has_year(*output)) {
      reader.fail(where, std::string(output_name(*output)) + " is not a figure of each year",
                  "whatif_output_has_no_year", {{"output", std::string(output_name(*output))}});
      continue;
    }
    options.series.push_back(*output);
  }
}

void read_target(Reader& reader, const json& block, int horizon, McOptions& options) {
  const std::string where = "monte_carlo.target";
  if (!reader.object(block, where) ||
      !reader.known_keys(block, where, {"output", "year", "at_least", "at_most"})) {
    return;
  }
  McTarget target{};
  if (!output_at(reader, block, where, horizon, target.output, target.year)) return;
  const json* at_least = reader.field(block, where, "at_least", false);
  const json* at_most = reader.field(block, where, "at_most", false);
  if ((at_least == nullptr) == (at_most == nullptr)) {
    reader.fail(where, "give one of at_least or at_most", "whatif_target_bound_missing");
    return;
  }
  target.at_least = at_least != nullptr;
  const auto value = reader.number(target.at_least ? *at_least : *at_most,
                                   where + (target.at_least ? ".at_least" : ".at_most"));
  if (!value) return;
  target.value = *value;
  options.target = target;
}

}  // namespace

void read_monte_carlo(Reader& reader, const json& block, WhatifRequest& out) {
  const std::string where = "monte_carlo";
  if (!reader.object(block, where) ||
      !reader.known_keys(block, where,
                         {"draws", "seed", "ranges", "series", "target", "scenario"})) {
    return;
  }
  const std::size_t before = reader.count();
  McOptions options;
  options.series = {Output::profit, Output::cumulative_profit};
  if (const json* draws = reader.field(block, where, "draws", false)) {
    options.draws = reader.whole(*draws, where + ".draws", 1, kMaxDraws).value_or(1);
  }
  if (const json* seed = reader.field(block, where, "seed", false)) {
    // Whole numbers a double holds exactly, so JavaScript can send any of them.
    const auto value = reader.in_range(*seed, where + ".seed", 0, 9007199254740991.0);
    if (value && *value != std::floor(*value)) {
      reader.fail(where + ".seed", "must be a whole number", "whatif_not_whole",
                  {{"value", *value}});
    }
    options.seed = static_cast<std::uint64_t>(value.value_or(0));
  }
  if (const json* ranges = reader.field(block, where, "ranges", true)) {
    read_ranges(reader, *ranges, options);
  }
  if (const json* series = reader.field(block, where, "series", false)) {
    read_series(reader, *series, options);
  }
  if (const json* target = reader.field(block, where, "target", false)) {
    read_target(reader, *target, out.baseline.horizon_years, options);
  }
  out.monte_carlo_scenario = scenario_ref(reader, block, where, out);
  if (reader.ok_since(before)) out.monte_carlo = std::move(options);
}

}  // namespace servimetrics::whatif
