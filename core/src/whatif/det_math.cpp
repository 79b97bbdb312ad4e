// Series for log and exp after range reduction by powers of two; accurate to a few ulps.
#include "whatif/det_math.hpp"

#include <cmath>
#include <limits>

namespace servimetrics::whatif {
namespace {

constexpr double kLn2 = 0.6931471805599453;
// ln 2 split so that k * kLn2High is exact for |k| < 2^11 (Cody and Waite's range reduction).
constexpr double kLn2High = 6.93147180369123816490e-01;
constexpr double kLn2Low = 1.90821492927058770002e-10;
constexpr double kSqrtHalf = 0.7071067811865476;

}  // namespace

double det_log(double x) {
  if (!(x > 0))
    return x == 0 ? -std::numeric_limits<double>::infinity()
                  : std::numeric_limits<double>::quiet_NaN();
  if (std::isinf(x)) return x;
  int exponent = 0;
  double m = std::frexp(x, &exponent);  // exact: x = m * 2^exponent, m in [0.5, 1)
  if (m < kSqrtHalf) {
    m *= 2;
    --exponent;
  }
  // log m = 2 atanh(s), s = (m - 1) / (m + 1), |s| <= 0.172: 14 odd terms reach double precision.
  const double s = (m - 1) / (m + 1);
  const double s2 = s * s;
  double term = s;
  double sum = 0;
  for (int k = 0; k < 14; ++k) {
    sum += term / (2 * k + 1);
    term *= s2;
  }
  return exponent * kLn2 + 2 * sum;
}

double det_exp(double x) {
  if (std::isnan(x)) return x;
  if (x > 709.78) return std::numeric_limits<double>::infinity();
  if (x < -745.2) return 0;
  const double k = std::nearbyint(x / kLn2);
  const double r = (x - k * kLn2High) - k * kLn2Low;  // |r| <= 0.35: 20 Taylor terms suffice
  double term = 1;
  double sum = 1;
  for (int n = 1; n <= 20; ++n) {
    term *= r / n;
    sum += term;
  }
  return std::ldexp(sum, static_cast<int>(k));
}

double det_pow(double x, double y) {
  if (x == 0) return y > 0 ? 0 : (y == 0 ? 1 : std::numeric_limits<double>::infinity());
  if (x == 1 || y == 0) return 1;
  return det_exp(y * det_log(x));
}

}  // namespace servimetrics::whatif
