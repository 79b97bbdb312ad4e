// CLV intervals from parameter uncertainty. Customers are taken in order of T, in groups of equal
// (x, T), so each draw's (x, T) work is done once per group, its T work once per T, and memory
// stays a few values per draw.
#include "models/clv_intervals.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

#include "models/count_predictor.hpp"
#include "models/customer_predictions.hpp"
#include "models/gamma_gamma.hpp"
#include "servimetrics/json_text.hpp"

namespace servimetrics::models {
namespace {

using json = nlohmann::json;

// splitmix64 (Steele, Lea & Flood 2014): small, seeded, the same on every platform.
struct SplitMix {
  std::uint64_t state;
  double uniform() {  // (0, 1)
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return (static_cast<double>(z >> 11) + 0.5) / 9007199254740992.0;
  }
  double normal() {  // Box-Muller, one of the pair
    return std::sqrt(-2 * std::log(uniform())) * std::cos(6.283185307179586 * uniform());
  }
};

// In-place Cholesky factor (lower) of a symmetric matrix; false when not positive definite.
bool cholesky(std::vector<std::vector<double>>& m) {
  const std::size_t n = m.size();
  for (std::size_t j = 0; j < n; ++j) {
    double d = m[j][j];
    for (std::size_t k = 0; k < j; ++k) d -= m[j][k] * m[j][k];
    if (!(d > 0)) return false;
    m[j][j] = std::sqrt(d);
    for (std::size_t i = j + 1; i < n; ++i) {
      double v = m[i][j];
      for (std::size_t k = 0; k < j; ++k) v -= m[i][k] * m[j][k];
      m[i][j] = v / m[j][j];
    }
    for (std::size_t k = j + 1; k < n; ++k) m[j][k] = 0;
  }
  return true;
}

// The 5th, 50th and 95th percentiles (nearest rank) of the finite `values`, which it reorders;
// NaN when none is finite.
std::array<double, 3> percentile_values(std::vector<double>& values) {
  values.erase(
      std::remove_if(values.begin(), values.end(), [](double v) { return !std::isfinite(v); }),
      values.end());
  std::array<double, 3> out = {NAN, NAN, NAN};
  if (values.empty()) return out;
  const double qs[3] = {0.05, 0.5, 0.95};
  for (int k = 0; k < 3; ++k) {
    const auto at =
        values.begin() +
        static_cast<std::ptrdiff_t>(std::lround(qs[k] * static_cast<double>(values.size() - 1)));
    std::nth_element(values.begin(), at, values.end());
    out[k] = *at;
  }
  return out;
}

json percentiles(std::vector<double>& values) {
  const std::array<double, 3> q = percentile_values(values);
  return {{"p5", finite(q[0])}, {"p50", finite(q[1])}, {"p95", finite(q[2])}};
}

const ModelFit* find_fit(const std::vector<ModelFit>& fits, const std::string& name) {
  for (const ModelFit& f : fits)
    if (f.name == name && f.converged && f.covariance) return &f;
  return nullptr;
}

}  // namespace

std::vector<std::vector<double>> draw_parameters(const ModelFit& fit, int draws,
                                                 std::uint64_t seed) {
  if (!fit.covariance) return {};
  const std::size_t n = fit.params.size();
  std::vector<std::vector<double>> factor = *fit.covariance;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) factor[i][j] /= fit.params[i] * fit.params[j];
  if (!cholesky(factor)) return {};
  SplitMix random{seed};
  std::vector<std::vector<double>> out(static_cast<std::size_t>(draws), std::vector<double>(n));
  std::vector<double> z(n);
  for (auto& drawn : out) {
    for (double& v : z) v = random.normal();
    for (std::size_t i = 0; i < n; ++i) {
      double shift = 0;
      for (std::size_t k = 0; k <= i; ++k) shift += factor[i][k] * z[k];
      drawn[i] = fit.params[i] * std::exp(shift);
    }
  }
  return out;
}

void add_intervals(json& answer, const CustomerSummaries& c, const std::vector<ModelFit>& fits,
                   const std::string& model, const ModelsOptions& o, CustomerColumns* columns) {
  if (o.interval_draws <= 0 || c.size() == 0) return;
  const ModelFit* count = find_fit(fits, model);
  const ModelFit* spend = find_fit(fits, "gamma_gamma");
  using Draws = std::vector<std::vector<double>>;
  const Draws count_draws =
      count ? draw_parameters(*count, o.interval_draws, o.interval_seed) : Draws{};
  const Draws spend_draws =
      spend ? draw_parameters(*spend, o.interval_draws, o.interval_seed + 1) : Draws{};
  if (count_draws.empty()) {
    answer["warnings"].push_back(error_json(
        model_error("models_no_intervals",
                    "The " + model + " fit has no covariance: its CLV intervals cannot be drawn.",
                    {{"model", model}})));
    return;
  }
  const std::size_t draws = count_draws.size();
  const double horizon = o.horizon.value_or(o.units_per_year());
  std::vector<CountPredictor> predictors;
  for (const auto& p : count_draws) predictors.emplace_back(model, p, o, horizon, true, 1);
  const bool valued = spend && !spend_draws.empty();
  // Customers in (x, T) groups; each group's shared terms once per draw.
  std::vector<std::size_t> order(c.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) {
    return c.T[i] != c.T[j] ? c.T[i] < c.T[j] : c.x[i] < c.x[j];
  });
  const std::size_t listed = columns ? 0 : std::min(c.size(), o.customer_rows.value_or(c.size()));
  if (columns) {  // as the rows: a range per customer, unknown without a spend model
    columns->clv_p5.assign(c.size(), NAN);
    columns->clv_p95.assign(c.size(), NAN);
  }
  std::vector<double> base_value(draws, 0.0), base_expected(draws, 0.0), clv(draws);
  std::vector<CountPredictor::Shared> shared(draws);
  json rows(listed, json());
  for (std::size_t g = 0; g < order.size();) {
    const double x = c.x[order[g]], T = c.T[order[g]];
    for (std::size_t d = 0; d < draws; ++d) shared[d] = predictors[d].shared_for(x, T);
    for (; g < order.size() && c.x[order[g]] == x && c.T[order[g]] == T; ++g) {
      const std::size_t i = order[g];
      for (std::size_t d = 0; d < draws; ++d) {
        const CountPrediction p = predictors[d].combine(shared[d], x, c.t_x[i], T);
        const auto& s = valued ? spend_draws[d] : count_draws[d];
        const double m =
            valued ? gamma_gamma_expected_spend({s[0], s[1], s[2]}, x, c.mean_spend[i]) : NAN;
        clv[d] = o.margin * m * p.discounted;
        base_expected[d] += std::isfinite(p.expected) ? p.expected : 0;
        base_value[d] += clv[d];
      }
      if (!valued || (!columns && i >= listed)) continue;
      std::vector<double> these = clv;
      const std::array<double, 3> q = percentile_values(these);
      if (columns) {
        columns->clv_p5[i] = q[0];
        columns->clv_p95[i] = q[2];
      } else {
        rows[i] = {finite(q[0]), finite(q[1]), finite(q[2])};
      }
    }
  }
  answer["intervals"] = {{"model", model},
                         {"draws", draws},
                         {"seed", o.interval_seed},
                         {"expected_purchases", percentiles(base_expected)},
                         {"value", valued ? percentiles(base_value) : json()},
                         {"customer_columns", {"clv_p5", "clv_p50", "clv_p95"}},
                         {"customers", std::move(rows)}};
}

}  // namespace servimetrics::models
