// Net Promoter Score with its 95% interval by MOVER (Newcombe's square-and-add) on Wilson score
// intervals for the promoter and detractor shares, with their trinomial correlation; unlike the
// adjusted Wald it always contains the score it is shown with (one promoter: 100, not -48.5..98.5).
#include <algorithm>
#include <cmath>

#include "kpi/metrics.hpp"

namespace servimetrics {

Interval wilson_interval(double successes, double trials, double z) {
  const double p = successes / trials;
  const double z2 = z * z;
  const double denominator = 1 + z2 / trials;
  const double center = (p + z2 / (2 * trials)) / denominator;
  const double half =
      z / denominator * std::sqrt(std::max(p * (1 - p) / trials + z2 / (4 * trials * trials), 0.0));
  return {std::clamp(center - half, 0.0, p), std::clamp(center + half, p, 1.0)};
}

Interval mover_difference(double share1, Interval interval1, double share2, Interval interval2,
                          double correlation) {
  // How far each share's interval reaches below (down) and above (up) the share.
  const double down1 = std::max(share1 - interval1.low, 0.0);
  const double up1 = std::max(interval1.high - share1, 0.0);
  const double down2 = std::max(share2 - interval2.low, 0.0);
  const double up2 = std::max(interval2.high - share2, 0.0);
  const double r = std::clamp(correlation, -1.0, 1.0);
  // a^2 + b^2 - 2 r a b >= (a - b)^2 >= 0 for |r| <= 1; max() only guards rounding.
  const double below = std::sqrt(std::max(down1 * down1 + up2 * up2 - 2 * r * down1 * up2, 0.0));
  const double above = std::sqrt(std::max(up1 * up1 + down2 * down2 - 2 * r * up1 * down2, 0.0));
  const double difference = share1 - share2;
  return {difference - below, difference + above};
}

Result<NpsScore> nps(double promoters, double passives, double detractors) {
  const double n = promoters + passives + detractors;
  if (n <= 0) {
    return Error{.input = "promoters",
                 .message = "promoters, passives and detractors add up to 0 respondents",
                 .code = "nps_no_respondents"};
  }
  const double p = promoters / n;
  const double d = detractors / n;
  // Shares of one trinomial sample are negatively correlated: -sqrt(p d / ((1 - p)(1 - d))),
  // 0 when either share is 0 (then 1 - p and 1 - d are positive whenever both shares are).
  const double correlation = p > 0 && d > 0 ? -std::sqrt(p * d / ((1 - p) * (1 - d))) : 0.0;
  const Interval net = mover_difference(p, wilson_interval(promoters, n), d,
                                        wilson_interval(detractors, n), correlation);
  const double score = 100 * (promoters - detractors) / n;
  // Measured from the score as shown, so low <= score <= high holds after rounding too.
  const double difference = p - d;
  return NpsScore{score,
                  std::max(-100.0, score - 100 * (difference - net.low)),
                  std::min(100.0, score + 100 * (net.high - difference)),
                  p,
                  d,
                  n};
}

}  // namespace servimetrics
