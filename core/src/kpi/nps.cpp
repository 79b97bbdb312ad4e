// Net Promoter Score with its adjusted-Wald 95% interval (Sauro & Lewis: add 3 to n, 3/4 to
// promoters and to detractors), which stays sensible for small samples and extreme scores.
#include <algorithm>
#include <cmath>

#include "kpi/metrics.hpp"

namespace servimetrics {

Result<NpsScore> nps(double promoters, double passives, double detractors) {
  const double n = promoters + passives + detractors;
  if (n <= 0) {
    return Error{.input = "promoters",
                 .message = "promoters, passives and detractors add up to 0 respondents",
                 .code = "nps_no_respondents"};
  }
  constexpr double kZ95 = 1.959963984540054;
  const double adjusted_n = n + 3;
  const double p = (promoters + 0.75) / adjusted_n;
  const double d = (detractors + 0.75) / adjusted_n;
  const double adjusted_nps = p - d;
  const double variance = (p + d - adjusted_nps * adjusted_nps) / adjusted_n;
  const double margin = kZ95 * std::sqrt(std::max(variance, 0.0));
  return NpsScore{100 * (promoters - detractors) / n,
                  100 * std::max(-1.0, adjusted_nps - margin),
                  100 * std::min(1.0, adjusted_nps + margin),
                  promoters / n,
                  detractors / n,
                  n};
}

}  // namespace servimetrics
