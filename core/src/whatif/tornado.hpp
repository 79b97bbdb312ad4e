// Sensitivity: every lever moved down and up, the output's swing, bars sorted by it (internal).
#pragma once

#include <vector>

#include "whatif/outputs.hpp"

namespace servimetrics::whatif {

struct TornadoOptions {
  Output output;
  int year = 0;        // for outputs of a year; 0: the horizon's last
  bool range = false;  // over each lever's plausible range instead of a relative step
  double step = 0.1;   // relative (points for additive levers such as price_change)
};

struct TornadoBar {
  Lever lever;
  double low_value;  // the lever's values tried
  double high_value;
  OutputValue at_low;
  OutputValue at_high;
  double swing;  // |at_high - at_low|, 0 when either has no value
};

struct Tornado {
  OutputValue base;
  std::vector<TornadoBar> bars;  // largest swing first; bars without a value last
};

Tornado tornado(const Model& model, const TornadoOptions& options);

}  // namespace servimetrics::whatif
