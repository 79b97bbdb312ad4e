// The Kaplan-Meier survival curve of subscriptions: from each one's duration and whether its end
// was seen (churned) or not (still active: censored).
#pragma once

#include <optional>
#include <vector>

namespace servimetrics::models {

struct SurvivalStep {
  double time = 0;      // a time at which some subscriptions ended
  double at_risk = 0;   // still running just before it
  double ended = 0;     // ended at it
  double censored = 0;  // seen still active at it (left the table without an end)
  double survival = 1;  // S(time)
  double lower = 1;     // 95% band (Greenwood's variance, on log(-log S))
  double upper = 1;
};

struct SurvivalCurve {
  std::vector<SurvivalStep> steps;
  std::optional<double> median;  // the first time S <= 0.5; none when S stays above it
};

// durations >= 0; ended[i] says whether subscription i's end was seen. Negative or non-finite
// durations must be filtered out by the caller.
SurvivalCurve kaplan_meier(const std::vector<double>& durations, const std::vector<bool>& ended);

}  // namespace servimetrics::models
