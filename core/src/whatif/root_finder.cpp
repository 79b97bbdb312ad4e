// Brent (1973): inverse quadratic interpolation or secant when it stays inside the bracket and
// shrinks it fast enough, bisection otherwise; written from the published algorithm.
#include "whatif/root_finder.hpp"

#include <cmath>
#include <utility>

namespace servimetrics::whatif {

std::optional<Root> brent_root(const MaybeFunction& f, double a, double fa, double b, double fb,
                               double x_tolerance, int max_iterations) {
  if (fa == 0) return Root{a, fa, 0};
  if (fb == 0) return Root{b, fb, 0};
  if ((fa > 0) == (fb > 0)) return std::nullopt;
  double c = a, fc = fa, d = b - a, e = d;
  for (int i = 1; i <= max_iterations; ++i) {
    if ((fb > 0) == (fc > 0)) {  // keep the root between b and c
      c = a;
      fc = fa;
      d = e = b - a;
    }
    if (std::fabs(fc) < std::fabs(fb)) {  // b is the best guess so far
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const double tolerance = 2 * 1e-16 * std::fabs(b) + 0.5 * x_tolerance;
    const double half = 0.5 * (c - b);
    if (std::fabs(half) <= tolerance || fb == 0) return Root{b, fb, i};
    if (std::fabs(e) >= tolerance && std::fabs(fa) > std::fabs(fb)) {
      const double s = fb / fa;
      double p, q;
      if (a == c) {  // secant
        p = 2 * half * s;
        q = 1 - s;
      } else {  // inverse quadratic interpolation
        const double qa = fa / fc, r = fb / fc;
        p = s * (2 * half * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      p = std::fabs(p);
      if (2 * p < std::fmin(3 * half * q - std::fabs(tolerance * q), std::fabs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = half;
        e = d;
      }
    } else {
      d = half;
      e = d;
    }
    a = b;
    fa = fb;
    b += std::fabs(d) > tolerance ? d : (half > 0 ? tolerance : -tolerance);
    const std::optional<double> value = f(b);
    if (!value) return std::nullopt;
    fb = *value;
  }
  return Root{b, fb, max_iterations};
}

}  // namespace servimetrics::whatif
