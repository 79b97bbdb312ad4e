// Scans the lever's range on a grid for a sign change of output - target (the lowest root when
// there are several), then narrows it down with Brent's method; without one, the closest point.
#include "whatif/goal_seek.hpp"

#include <cmath>

#include "whatif/root_finder.hpp"

namespace servimetrics::whatif {
namespace {

constexpr int kGridPoints = 33;

}  // namespace

GoalAnswer goal_seek(const Model& model, const GoalOptions& options) {
  GoalAnswer answer;
  answer.range =
      options.range ? *options.range : plausible_range(options.lever, model.levers[options.lever]);
  Model changed = model;
  Path path;
  const MaybeFunction gap = [&](double x) -> std::optional<double> {
    ++answer.evaluations;
    changed.levers[options.lever] = x;
    project(changed, path);
    const OutputValue value = evaluate(changed, path, options.output, options.year);
    if (!value.ok()) return std::nullopt;
    return value.value - options.target;
  };
  const double low = answer.range.low, high = answer.range.high;
  double best_gap = 0;
  std::optional<double> previous;
  double previous_x = low;
  for (int i = 0; i < kGridPoints; ++i) {
    const double x = i == kGridPoints - 1 ? high : low + (high - low) * i / (kGridPoints - 1);
    const std::optional<double> g = gap(x);
    if (g && (!answer.has_best || std::fabs(*g) < std::fabs(best_gap))) {
      answer.has_best = true;
      best_gap = *g;
      answer.value = x;
      answer.output_value = *g + options.target;
    }
    if (g && previous && (*g == 0 || (*g > 0) != (*previous > 0))) {
      if (auto root = brent_root(gap, previous_x, *previous, x, *g, 1e-12 * (high - low + 1))) {
        answer.reached = true;
        answer.value = root->x;
        answer.output_value = root->fx + options.target;
        return answer;
      }
    }
    if (g) {
      previous = g;
      previous_x = x;
    }
    if (high == low) break;
  }
  if (answer.has_best && best_gap == 0) {
    answer.reached = true;
    return answer;
  }
  answer.code = answer.has_best ? "whatif_goal_unreachable" : "whatif_goal_output_undefined";
  return answer;
}

}  // namespace servimetrics::whatif
