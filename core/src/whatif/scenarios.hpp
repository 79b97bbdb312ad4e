// Named scenarios: lever changes applied to the baseline (internal to the core).
#pragma once

#include <string>
#include <vector>

#include "whatif/driver_model.hpp"

namespace servimetrics::whatif {

enum class ChangeOp { add, mul, set };

struct Change {
  Lever lever;
  ChangeOp op;
  double amount;
};

struct Scenario {
  std::string name;
  std::vector<Change> changes;
  Model model;  // the baseline with the changes applied
};

// The lever's value after the change (not yet checked against its valid range).
double changed_value(double baseline, const Change& change);

// The baseline model with every change applied; the reference first-contact resolution stays the
// baseline's, so support cost moves with a changed resolution.
Model apply_changes(const Model& baseline, const std::vector<Change>& changes);

}  // namespace servimetrics::whatif
