// Uncertainty: levers drawn from their ranges, P10/P50/P90 of the projection per year and the
// chance of meeting a target (internal to the core).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "whatif/outputs.hpp"

namespace servimetrics::whatif {

struct LeverRange {
  Lever lever;
  bool normal = false;  // false: triangular (low, likely, high); true: normal (mean, sd)
  double low = 0, likely = 0, high = 0;
  double mean = 0, sd = 0;
};

struct McTarget {
  Output output;
  int year = 0;
  bool at_least = true;
  double value = 0;
};

struct McOptions {
  int draws = 10000;
  std::uint64_t seed = 1;
  std::vector<LeverRange> ranges;
  std::vector<Output> series;  // outputs of a year: customers, revenue, profit, cumulative_profit
  std::optional<McTarget> target;
};

struct Percentiles {
  double p10 = 0, p50 = 0, p90 = 0;
};

struct McBand {
  Output series;
  std::vector<Percentiles> years;  // years 1..horizon
};

struct McAnswer {
  std::vector<McBand> bands;
  std::vector<int> clamped;  // per range: normal draws moved into the lever's valid range
  // The target: in how many draws it is met, and in how many the output has a value at all.
  int met = 0;
  int defined = 0;
  Percentiles target_values;
  int undefined_series_draws = 0;  // draws whose figures were not finite (left out of the bands)
};

McAnswer monte_carlo(const Model& model, const McOptions& options);

// Linear interpolation between order statistics (R's type 7); reorders `values`.
Percentiles percentiles(std::vector<double>& values);

}  // namespace servimetrics::whatif
