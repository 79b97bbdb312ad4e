// Goal seek: the value of one lever that makes an output equal a target (internal to the core).
#pragma once

#include <optional>

#include "whatif/outputs.hpp"

namespace servimetrics::whatif {

struct GoalOptions {
  Lever lever;
  Output output;
  double target;
  int year = 0;
  std::optional<Range> range;  // default: the lever's plausible range
};

struct GoalAnswer {
  bool reached = false;
  double value = 0;         // the lever's value: the root, or the best reachable when not reached
  double output_value = 0;  // the output there
  bool has_best = false;    // not reached: whether any point of the range had a value
  Range range{0, 0};        // the range searched
  int evaluations = 0;
  const char* code = nullptr;  // not reached: why
};

GoalAnswer goal_seek(const Model& model, const GoalOptions& options);

}  // namespace servimetrics::whatif
