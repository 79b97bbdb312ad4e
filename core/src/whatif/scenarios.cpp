// Applies a scenario's lever changes ("add", "mul", "set") to the baseline.
#include "whatif/scenarios.hpp"

namespace servimetrics::whatif {

double changed_value(double baseline, const Change& change) {
  switch (change.op) {
    case ChangeOp::add:
      return baseline + change.amount;
    case ChangeOp::mul:
      return baseline * change.amount;
    case ChangeOp::set:
      break;
  }
  return change.amount;
}

Model apply_changes(const Model& baseline, const std::vector<Change>& changes) {
  Model model = baseline;
  for (const Change& change : changes) {
    model.levers[change.lever] = changed_value(model.levers[change.lever], change);
  }
  return model;
}

}  // namespace servimetrics::whatif
