// Special functions of the customer-base models. 2F1 is summed as its power series in the variable
// where it converges fastest: Pfaff's transformation maps z < -0.5 into (0, 1/3], and for z > 0
// Euler's transformation 2F1(a,b;c;z) = (1-z)^(c-a-b) 2F1(c-a,c-b;c;z) is used when it makes the
// terms decay faster (Fader & Hardie's notes on the Pareto/NBD and on the BG/NBD's #NUM! error).
#include "models/special_functions.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace servimetrics::models {
namespace {

// The 16-point Gauss-Legendre rule on [-1, 1]: the positive nodes and their weights.
constexpr std::array<double, 8> kLegendreNodes = {
    0.0950125098376374, 0.2816035507792589, 0.4580167776572274, 0.6178762444026438,
    0.7554044083550030, 0.8656312023878318, 0.9445750230732326, 0.9894009349916499};
constexpr std::array<double, 8> kLegendreWeights = {
    0.1894506104550685, 0.1826034150449236, 0.1691565193950025, 0.1495959888165767,
    0.1246289712555339, 0.0951585116824928, 0.0622535239386479, 0.0271524594117541};

// A running ln(sum of e^v): rescaled to its largest term so that nothing overflows.
struct LogSum {
  double peak = -INFINITY;
  double scaled = 0;
  void add(double v) {
    if (v <= peak) {
      scaled += std::exp(v - peak);
      return;
    }
    scaled = scaled * std::exp(peak - v) + 1;
    peak = v;
  }
  [[nodiscard]] double value() const { return peak + std::log(scaled); }
};

constexpr int kMaxTerms = 200000;
constexpr double kRelativeTolerance = 1e-15;

// The series sum_k (a)_k (b)_k / ((c)_k k!) z^k, scaled: returns its sign and log magnitude.
// Terms are rescaled on the way so that huge intermediate sums do not overflow.
Hyp2f1 hyp2f1_series(double a, double b, double c, double z) {
  Hyp2f1 out;
  if (c <= 0 && c == std::floor(c)) return {0, 1, false};
  double term = 1;
  double sum = 1;
  double log_scale = 0;
  bool settled = false;
  for (int k = 0; k < kMaxTerms; ++k) {
    const double ratio = (a + k) * (b + k) / ((c + k) * (k + 1.0)) * z;
    term *= ratio;
    sum += term;
    if (term == 0) {
      settled = true;
      break;
    }
    // Past the peak the ratios tend to z monotonically: with rr the larger of |ratio| and |z|,
    // every later term shrinks by rr at least and the tail is below |term| rr / (1 - rr).
    const double rr = std::fmax(std::fabs(ratio), std::fabs(z));
    const double next = std::fabs((a + k + 1) * (b + k + 1) / ((c + k + 1) * (k + 2.0)) * z);
    if (rr < 1 && next <= rr &&
        std::fabs(term) * rr / (1 - rr) <= kRelativeTolerance * std::fabs(sum)) {
      settled = true;
      break;
    }
    if (std::fabs(sum) > 1e250) {
      sum *= 1e-250;
      term *= 1e-250;
      log_scale += 250 * std::log(10.0);
    }
  }
  if (!std::isfinite(sum) || sum == 0) return {0, 1, false};
  out.sign = sum < 0 ? -1 : 1;
  out.log_magnitude = std::log(std::fabs(sum)) + log_scale;
  out.converged = settled;
  return out;
}

}  // namespace

double digamma(double x) {
  if (!(x > 0)) return NAN;
  double shift = 0;
  for (; x < 6; x += 1) shift -= 1 / x;
  const double inv2 = 1 / (x * x);
  // ln x - 1/(2x) - 1/(12x^2) + 1/(120x^4) - 1/(252x^6) + 1/(240x^8) - 1/(132x^10)
  const double series =
      inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240 - inv2 / 132))));
  return shift + std::log(x) - 0.5 / x - series;
}

double log_beta(double a, double b) {
  return std::lgamma(a) + std::lgamma(b) - std::lgamma(a + b);
}

double Hyp2f1::value() const {
  return sign * std::exp(log_magnitude);
}

Hyp2f1 hyp2f1(double a, double b, double c, double z) {
  if (!std::isfinite(z) || z >= 1 || z <= -1e300) return {0, 1, false};
  if (z < -0.5) {
    // Pfaff: 2F1(a,b;c;z) = (1-z)^(-a) 2F1(a, c-b; c; z/(z-1)).
    Hyp2f1 inner = hyp2f1_series(a, c - b, c, z / (z - 1));
    inner.log_magnitude -= a * std::log1p(-z);
    return inner;
  }
  // Terms behave like k^(a+b-c-1) z^k; Euler's form like k^(c-a-b-1) z^k.
  if (z > 0.5 && c - a - b < a + b - c) {
    Hyp2f1 inner = hyp2f1_series(c - a, c - b, c, z);
    inner.log_magnitude += (c - a - b) * std::log1p(-z);
    return inner;
  }
  return hyp2f1_series(a, b, c, z);
}

double log_power_product_integral(double p, double a, double q, double b, double lo, double hi) {
  if (!(hi > lo)) return -INFINITY;
  if (a > b) {
    std::swap(p, q);
    std::swap(a, b);
  }
  // t = e^w - a: the integrand becomes exp((1 - p) w - q ln(b - a + e^w)), whose slope lies in
  // [1 - p - q, 1 - p] and whose curvature is at most q / 4.
  const double gap = b - a;
  const double w0 = std::log(a + lo);
  const double w1 = std::log(a + hi);
  const double width = w1 - w0;
  const double steep = std::fabs(1 - p) + q;
  const int panels = static_cast<int>(
      std::clamp(std::ceil(std::fmax(steep * width / 6, width * std::sqrt(q) / 2)), 1.0, 4096.0));
  const double half = width / panels / 2;
  const auto log_integrand = [&](double w) {
    return (1 - p) * w - q * std::log(gap + std::exp(w));
  };
  LogSum sum;
  for (int k = 0; k < panels; ++k) {
    const double mid = w0 + (2 * k + 1) * half;
    for (std::size_t i = 0; i < kLegendreNodes.size(); ++i) {
      const double log_weight = std::log(kLegendreWeights[i] * half);
      sum.add(log_weight + log_integrand(mid - kLegendreNodes[i] * half));
      sum.add(log_weight + log_integrand(mid + kLegendreNodes[i] * half));
    }
  }
  return sum.value();
}

double discounted_survival_integral(double s, double z) {
  if (!(z > 0) || !(s >= 0) || !std::isfinite(s) || !std::isfinite(z)) return NAN;
  // With u = e^v - 1 the integrand exp(-z (e^v - 1) + (1 - s) v) is smooth and dies doubly
  // exponentially: Simpson's rule on [0, V], V where the exponent is below -60.
  const auto exponent = [&](double v) { return -z * std::expm1(v) + (1 - s) * v; };
  double upper = 1;
  while (exponent(upper) > -60 && upper < 1e4) upper *= 1.5;
  constexpr int kIntervals = 2048;
  const double h = upper / kIntervals;
  double sum = std::exp(exponent(0)) + std::exp(exponent(upper));
  for (int i = 1; i < kIntervals; ++i) sum += (i % 2 == 1 ? 4 : 2) * std::exp(exponent(i * h));
  return sum * h / 3;
}

}  // namespace servimetrics::models
