// Nelder-Mead (Lagarias et al. 1998 coefficients) with restarts, and the numeric Hessian's inverse
// for standard errors. Small dense algebra: the models have two to four parameters.
#include "models/optimizer.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace servimetrics::models {
namespace {

using Point = std::vector<double>;

double evaluate(const Objective& f, const Point& x, int& count) {
  ++count;
  const double v = f(x);
  return std::isfinite(v) ? v : std::numeric_limits<double>::infinity();
}

Point along(const Point& from, const Point& to, double t) {
  Point out(from.size());
  for (std::size_t i = 0; i < from.size(); ++i) out[i] = from[i] + t * (to[i] - from[i]);
  return out;
}

// One Nelder-Mead run; true when the simplex converged.
bool nelder_mead(const Objective& f, Point& best, double& best_value, double step, double tolerance,
                 int budget, int& count) {
  const std::size_t n = best.size();
  std::vector<Point> simplex(n + 1, best);
  std::vector<double> values(n + 1);
  values[0] = evaluate(f, best, count);
  for (std::size_t i = 0; i < n; ++i) {
    simplex[i + 1][i] += step;
    values[i + 1] = evaluate(f, simplex[i + 1], count);
  }
  std::vector<std::size_t> order(n + 1);
  bool converged = false;
  while (count < budget) {
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return values[a] < values[b]; });
    const double lo = values[order[0]];
    const double hi = values[order[n]];
    double size = 0;
    for (std::size_t i = 1; i <= n; ++i)
      for (std::size_t j = 0; j < n; ++j)
        size = std::fmax(size, std::fabs(simplex[order[i]][j] - simplex[order[0]][j]));
    if (std::isfinite(hi) && hi - lo <= tolerance * (std::fabs(lo) + 1e-10) && size < 1e-6) {
      converged = true;
      break;
    }
    Point centroid(n, 0.0);
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < n; ++j) centroid[j] += simplex[order[i]][j] / double(n);
    const Point& worst = simplex[order[n]];
    const Point reflected = along(centroid, worst, -1.0);
    const double fr = evaluate(f, reflected, count);
    if (fr < lo) {
      const Point expanded = along(centroid, worst, -2.0);
      const double fe = evaluate(f, expanded, count);
      simplex[order[n]] = fe < fr ? expanded : reflected;
      values[order[n]] = std::fmin(fe, fr);
      continue;
    }
    if (fr < values[order[n - 1]]) {
      simplex[order[n]] = reflected;
      values[order[n]] = fr;
      continue;
    }
    const bool outside = fr < hi;
    const Point contracted = along(centroid, outside ? reflected : worst, 0.5);
    const double fc = evaluate(f, contracted, count);
    if (fc < (outside ? fr : hi)) {
      simplex[order[n]] = contracted;
      values[order[n]] = fc;
      continue;
    }
    for (std::size_t i = 1; i <= n; ++i) {
      simplex[order[i]] = along(simplex[order[0]], simplex[order[i]], 0.5);
      values[order[i]] = evaluate(f, simplex[order[i]], count);
    }
  }
  const auto at = std::min_element(values.begin(), values.end()) - values.begin();
  best = simplex[at];
  best_value = values[at];
  return converged;
}

// Inverse of a symmetric positive definite matrix by Cholesky; false when it is not one.
bool invert_spd(std::vector<std::vector<double>>& m) {
  const std::size_t n = m.size();
  std::vector<std::vector<double>> l(n, std::vector<double>(n, 0.0));
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j <= i; ++j) {
      double sum = m[i][j];
      for (std::size_t k = 0; k < j; ++k) sum -= l[i][k] * l[j][k];
      if (i == j) {
        if (!(sum > 0)) return false;
        l[i][i] = std::sqrt(sum);
      } else {
        l[i][j] = sum / l[j][j];
      }
    }
  }
  // Columns of the inverse: solve L L^T x = e_c.
  for (std::size_t c = 0; c < n; ++c) {
    std::vector<double> y(n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
      double sum = i == c ? 1.0 : 0.0;
      for (std::size_t k = 0; k < i; ++k) sum -= l[i][k] * y[k];
      y[i] = sum / l[i][i];
    }
    for (std::size_t i = n; i-- > 0;) {
      double sum = y[i];
      for (std::size_t k = i + 1; k < n; ++k) sum -= l[k][i] * y[k];
      y[i] = sum / l[i][i];
    }
    for (std::size_t i = 0; i < n; ++i) m[i][c] = y[i];
  }
  return true;
}

}  // namespace

Minimum minimize(const Objective& f, std::vector<double> start, double step, double tolerance,
                 int max_evaluations) {
  Minimum out{std::move(start)};
  double value = std::numeric_limits<double>::infinity();
  int count = 0;
  // Restarts rebuild the simplex around the best point: a collapsed simplex can stall away from
  // the minimum, a fresh one cannot stay there.
  for (int run = 0; run < 20 && count < max_evaluations; ++run) {
    const double before = value;
    const bool settled =
        nelder_mead(f, out.x, value, run == 0 ? step : 0.05, tolerance, max_evaluations, count);
    if (settled && run > 0 && before - value <= tolerance * (std::fabs(value) + 1e-10)) {
      out.converged = true;
      break;
    }
  }
  out.value = value;
  out.evaluations = count;
  out.converged = out.converged && std::isfinite(value);
  return out;
}

namespace {

double largest(const std::vector<double>& v) {
  double m = 0;
  for (double x : v) m = std::fmax(m, std::fabs(x));
  return m;
}

// H <- (I - rho s y') H (I - rho y s') + rho s s', rho = 1 / (y's): the inverse Hessian update.
void bfgs_update(std::vector<std::vector<double>>& h, const Point& s, const Point& y, double sy) {
  const std::size_t n = s.size();
  const double rho = 1 / sy;
  Point hy(n, 0.0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) hy[i] += h[i][j] * y[j];
  double yhy = 0;
  for (std::size_t i = 0; i < n; ++i) yhy += y[i] * hy[i];
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j)
      h[i][j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
}

// True when a full step was refused although it promised to lower the value by less than its
// rounding noise (`noise`, relative; 0: never), with the gradient already near zero: every line
// search from here halves 15 to 30 times for nothing (a million customers' Gamma-Gamma: 230 of
// its 252 evaluations).
bool at_rounding_floor(double slope, double value, double gradient, double tolerance,
                       double noise) {
  const double scale = std::fabs(value) + 1;
  return -slope <= noise * scale && gradient <= 1e3 * tolerance * scale;
}

}  // namespace

Minimum minimize_smooth(const SmoothObjective& f, std::vector<double> start, double tolerance,
                        int max_iterations, double rounding_noise) {
  const std::size_t n = start.size();
  Minimum out{std::move(start)};
  Point g(n), trial_g(n), p(n), trial(n), s(n), y(n);
  double value = f(out.x, g);
  ++out.evaluations;
  std::vector<std::vector<double>> h(n, Point(n, 0.0));
  for (std::size_t i = 0; i < n; ++i) h[i][i] = 1 / std::fmax(1.0, largest(g));
  int stalls = 0;  // steps in a row that no longer lowered the value
  for (int iteration = 0; iteration < max_iterations && std::isfinite(value); ++iteration) {
    if (largest(g) <= tolerance * (std::fabs(value) + 1)) {
      out.converged = true;
      break;
    }
    double slope = 0;
    for (std::size_t i = 0; i < n; ++i) {
      p[i] = 0;
      for (std::size_t j = 0; j < n; ++j) p[i] -= h[i][j] * g[j];
      slope += p[i] * g[i];
    }
    if (!(slope < 0)) {  // not a descent direction: start the curvature over
      for (std::size_t i = 0; i < n; ++i) {
        std::fill(h[i].begin(), h[i].end(), 0.0);
        h[i][i] = 1 / std::fmax(1.0, largest(g));
        p[i] = -h[i][i] * g[i];
      }
      slope = 0;
      for (std::size_t i = 0; i < n; ++i) slope += p[i] * g[i];
    }
    double step = 1, trial_value = NAN;
    bool at_floor = false;
    for (int halving = 0; halving < 60 && !at_floor; ++halving, step *= 0.5) {
      for (std::size_t i = 0; i < n; ++i) trial[i] = out.x[i] + step * p[i];
      trial_value = f(trial, trial_g);
      ++out.evaluations;
      if (std::isfinite(trial_value) && trial_value <= value + 1e-4 * step * slope) break;
      at_floor = halving == 0 && rounding_noise > 0 &&
                 at_rounding_floor(slope, value, largest(g), tolerance, rounding_noise);
    }
    if (at_floor) {  // the point reached is the minimum as far as the arithmetic can tell
      out.converged = true;
      break;
    }
    if (!(std::isfinite(trial_value) && trial_value <= value)) break;  // no progress possible
    double sy = 0;
    for (std::size_t i = 0; i < n; ++i) {
      s[i] = trial[i] - out.x[i];
      y[i] = trial_g[i] - g[i];
      sy += s[i] * y[i];
    }
    if (sy > 1e-300) bfgs_update(h, s, y, sy);
    const bool stalled = value - trial_value <= 1e-15 * (std::fabs(value) + 1);
    out.x = trial;
    value = trial_value;
    g = trial_g;
    if (stalled && largest(g) <= 1e3 * tolerance * (std::fabs(value) + 1)) {
      out.converged = true;  // at the floor of the arithmetic, near enough to a minimum
      break;
    }
    // Three steps in a row at the floor of the arithmetic far from a minimum (a ridge running off
    // to the parameters' edge): further line searches would cost 60 evaluations each for nothing.
    stalls = stalled ? stalls + 1 : 0;
    if (stalls >= 3) break;
  }
  out.value = value;
  return out;
}

namespace {

// The inverse of a finite, positive definite Hessian; empty otherwise.
std::optional<std::vector<std::vector<double>>> inverted_hessian(
    std::vector<std::vector<double>> hessian) {
  for (const auto& row : hessian)
    for (double v : row)
      if (!std::isfinite(v)) return std::nullopt;
  if (!invert_spd(hessian)) return std::nullopt;
  for (std::size_t i = 0; i < hessian.size(); ++i)
    if (!(hessian[i][i] > 0)) return std::nullopt;
  return hessian;
}

}  // namespace

std::optional<std::vector<std::vector<double>>> covariance_matrix(const Objective& negative_ll,
                                                                  const std::vector<double>& at) {
  const std::size_t n = at.size();
  std::vector<double> h(n);
  for (std::size_t i = 0; i < n; ++i) h[i] = 1e-4 * std::fmax(std::fabs(at[i]), 1e-3);
  const auto f = [&](std::size_t i, double di, std::size_t j, double dj) {
    std::vector<double> x = at;
    x[i] += di;
    x[j] += dj;
    return negative_ll(x);
  };
  const double centre = negative_ll(at);
  std::vector<std::vector<double>> hessian(n, std::vector<double>(n, 0.0));
  for (std::size_t i = 0; i < n; ++i) {
    hessian[i][i] = (f(i, h[i], i, 0) - 2 * centre + f(i, -h[i], i, 0)) / (h[i] * h[i]);
    for (std::size_t j = 0; j < i; ++j) {
      const double d =
          f(i, h[i], j, h[j]) - f(i, h[i], j, -h[j]) - f(i, -h[i], j, h[j]) + f(i, -h[i], j, -h[j]);
      hessian[i][j] = hessian[j][i] = d / (4 * h[i] * h[j]);
    }
  }
  return inverted_hessian(std::move(hessian));
}

std::optional<std::vector<std::vector<double>>> covariance_from_gradient(
    const SmoothObjective& negative_ll, const std::vector<double>& at) {
  const std::size_t n = at.size();
  std::vector<std::vector<double>> hessian(n, std::vector<double>(n, 0.0));
  std::vector<double> x = at, up(n), down(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double h = 1e-4 * std::fmax(std::fabs(at[i]), 1e-3);
    x[i] = at[i] + h;
    const double above = negative_ll(x, up);
    x[i] = at[i] - h;
    const double below = negative_ll(x, down);
    x[i] = at[i];
    if (!std::isfinite(above) || !std::isfinite(below)) return std::nullopt;
    for (std::size_t j = 0; j < n; ++j) hessian[i][j] = (up[j] - down[j]) / (2 * h);
  }
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < i; ++j)
      hessian[i][j] = hessian[j][i] = (hessian[i][j] + hessian[j][i]) / 2;
  return inverted_hessian(std::move(hessian));
}

std::optional<std::vector<double>> standard_errors(const Objective& negative_ll,
                                                   const std::vector<double>& at) {
  const auto covariance = covariance_matrix(negative_ll, at);
  if (!covariance) return std::nullopt;
  std::vector<double> se(at.size());
  for (std::size_t i = 0; i < at.size(); ++i) se[i] = std::sqrt((*covariance)[i][i]);
  return se;
}

}  // namespace servimetrics::models
