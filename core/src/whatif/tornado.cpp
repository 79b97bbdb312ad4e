// Moves one lever at a time to its low and high value and sorts the levers by the output's swing.
#include "whatif/tornado.hpp"

#include <algorithm>
#include <cmath>

namespace servimetrics::whatif {
namespace {

Range moved(const Model& model, Lever lever, const TornadoOptions& options) {
  const double value = model.levers[lever];
  if (options.range) return plausible_range(lever, value);
  const double by =
      lever_spec(lever).additive_step ? options.step : std::fabs(value) * options.step;
  return {clamp_to_valid(lever, value - by), clamp_to_valid(lever, value + by)};
}

}  // namespace

Tornado tornado(const Model& model, const TornadoOptions& options) {
  Path path;
  project(model, path);
  Tornado result{evaluate(model, path, options.output, options.year), {}};
  result.bars.reserve(kLeverCount);
  for (std::size_t i = 0; i < kLeverCount; ++i) {
    const Lever lever = lever_at(i);
    const Range values = moved(model, lever, options);
    TornadoBar bar{lever, values.low, values.high, {}, {}, 0};
    Model changed = model;
    // The support cost's reference stays the baseline's when first-contact resolution moves.
    changed.levers[lever] = values.low;
    project(changed, path);
    bar.at_low = evaluate(changed, path, options.output, options.year);
    changed.levers[lever] = values.high;
    project(changed, path);
    bar.at_high = evaluate(changed, path, options.output, options.year);
    if (bar.at_low.ok() && bar.at_high.ok()) {
      bar.swing = std::fabs(bar.at_high.value - bar.at_low.value);
    }
    result.bars.push_back(bar);
  }
  std::stable_sort(result.bars.begin(), result.bars.end(),
                   [](const TornadoBar& a, const TornadoBar& b) {
                     const bool a_ok = a.at_low.ok() && a.at_high.ok();
                     const bool b_ok = b.at_low.ok() && b.at_high.ok();
                     if (a_ok != b_ok) return a_ok;
                     return a.swing > b.swing;
                   });
  return result;
}

}  // namespace servimetrics::whatif
