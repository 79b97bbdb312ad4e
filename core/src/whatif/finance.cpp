// NPV by plain discounting, IRR by Brent's method on NPV, payback by interpolation.
#include "whatif/finance.hpp"

#include <cmath>

#include "whatif/root_finder.hpp"

namespace servimetrics::whatif {

double npv(const std::vector<double>& cash_flows, double rate) {
  double total = 0;
  double factor = 1;  // (1 + rate)^t by repeated multiplication: the same digits everywhere
  for (const double flow : cash_flows) {
    total += flow / factor;
    factor *= 1 + rate;
  }
  return total;
}

Irr irr(const std::vector<double>& cash_flows) {
  bool negative = false, positive = false;
  for (const double flow : cash_flows) {
    negative = negative || flow < 0;
    positive = positive || flow > 0;
  }
  if (!negative || !positive) return {IrrStatus::no_sign_change, 0};
  const MaybeFunction f = [&cash_flows](double rate) -> std::optional<double> {
    return npv(cash_flows, rate);
  };
  // NPV can cross zero more than once with several sign changes: the grid finds the lowest root.
  constexpr double kGrid[] = {-0.99, -0.9, -0.75, -0.5, -0.25, 0, 0.1, 0.25, 0.5, 1, 2, 5, 10};
  double a = kGrid[0];
  double fa = npv(cash_flows, a);
  for (const double b : kGrid) {
    const double fb = npv(cash_flows, b);
    if (std::isfinite(fa) && std::isfinite(fb) && (fa == 0 || (fa > 0) != (fb > 0))) {
      if (auto root = brent_root(f, a, fa, b, fb, 1e-12)) return {IrrStatus::found, root->x};
    }
    a = b;
    fa = fb;
  }
  return {IrrStatus::not_found, 0};
}

std::optional<double> payback_years(const std::vector<double>& cash_flows) {
  double cumulative = 0;
  bool ever_negative = false;
  for (std::size_t t = 0; t < cash_flows.size(); ++t) {
    const double before = cumulative;
    cumulative += cash_flows[t];
    if (before < 0 && cumulative >= 0) {
      return static_cast<double>(t) - 1 + (-before) / cash_flows[t];
    }
    ever_negative = ever_negative || cumulative < 0;
  }
  if (!ever_negative) return 0.0;  // nothing to pay back
  return std::nullopt;
}

}  // namespace servimetrics::whatif
