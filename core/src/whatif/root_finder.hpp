// Brent's bracketing root finder on a function that may be undefined (internal to the core).
#pragma once

#include <functional>
#include <optional>

namespace servimetrics::whatif {

struct Root {
  double x;
  double fx;
  int iterations;
};

using MaybeFunction = std::function<std::optional<double>(double)>;

// A root of f in [a, b], given f(a) and f(b) of opposite signs (or one of them 0). Nothing when f
// is undefined at a point tried. Stops when the bracket is narrower than x_tolerance or f is 0.
std::optional<Root> brent_root(const MaybeFunction& f, double a, double fa, double b, double fb,
                               double x_tolerance, int max_iterations = 100);

}  // namespace servimetrics::whatif
