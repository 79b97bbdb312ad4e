// Kaplan-Meier with Greenwood's variance. The band is built on log(-log S) (Kalbfleisch & Prentice)
// so it stays within [0, 1]; at S = 1 or S = 0 it collapses to S.
#include "models/kaplan_meier.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace servimetrics::models {

SurvivalCurve kaplan_meier(const std::vector<double>& durations, const std::vector<bool>& ended) {
  std::vector<std::size_t> order(durations.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return durations[a] < durations[b]; });
  SurvivalCurve curve;
  double at_risk = static_cast<double>(durations.size());
  double survival = 1, greenwood = 0;
  constexpr double kZ = 1.959963984540054;
  for (std::size_t i = 0; i < order.size();) {
    SurvivalStep step{.time = durations[order[i]], .at_risk = at_risk};
    for (; i < order.size() && durations[order[i]] == step.time; ++i)
      (ended[order[i]] ? step.ended : step.censored) += 1;
    at_risk -= step.ended + step.censored;
    if (step.ended == 0) {
      // Only censoring here: S does not move; kept so the table shows who left it.
      step.survival = survival;
    } else {
      survival *= 1 - step.ended / step.at_risk;
      if (step.at_risk > step.ended)
        greenwood += step.ended / (step.at_risk * (step.at_risk - step.ended));
      step.survival = survival;
    }
    step.lower = step.upper = survival;
    if (survival > 0 && survival < 1) {
      const double log_s = std::log(survival);
      const double spread = kZ * std::sqrt(greenwood) / std::fabs(log_s);
      step.lower = std::pow(survival, std::exp(spread));
      step.upper = std::pow(survival, std::exp(-spread));
    }
    if (!curve.median && survival <= 0.5) curve.median = step.time;
    curve.steps.push_back(step);
  }
  return curve;
}

}  // namespace servimetrics::models
