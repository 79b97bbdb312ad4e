// Draws every ranged lever per run in a fixed order from one seeded stream, projects, and keeps the
// yearly figures of each chosen series to take their percentiles.
#include "whatif/monte_carlo.hpp"

#include <algorithm>
#include <cmath>

#include "whatif/distributions.hpp"

namespace servimetrics::whatif {
namespace {

double quantile_of_sorted_part(std::vector<double>& v, double q) {
  const double h = (static_cast<double>(v.size()) - 1) * q;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(lo), v.end());
  const double below = v[lo];
  if (lo + 1 >= v.size()) return below;
  const double above = *std::min_element(v.begin() + static_cast<std::ptrdiff_t>(lo) + 1, v.end());
  return below + (h - static_cast<double>(lo)) * (above - below);
}

double draw(Rng& rng, const LeverRange& range, int& clamped) {
  if (!range.normal) return triangular(rng, range.low, range.likely, range.high);
  const double x = range.mean + range.sd * standard_normal(rng);
  const double inside = clamp_to_valid(range.lever, x);
  if (inside != x) ++clamped;
  return inside;
}

}  // namespace

Percentiles percentiles(std::vector<double>& values) {
  if (values.empty()) return {};
  return {quantile_of_sorted_part(values, 0.1), quantile_of_sorted_part(values, 0.5),
          quantile_of_sorted_part(values, 0.9)};
}

McAnswer monte_carlo(const Model& model, const McOptions& options) {
  McAnswer answer;
  answer.clamped.assign(options.ranges.size(), 0);
  const auto years = static_cast<std::size_t>(model.horizon_years);
  const auto draws = static_cast<std::size_t>(options.draws);
  // figures[s][y]: the draws' values of series s in year y
  std::vector<std::vector<std::vector<double>>> figures(options.series.size(),
                                                        std::vector<std::vector<double>>(years));
  for (auto& series : figures) {
    for (auto& year : series) year.reserve(draws);
  }
  std::vector<double> target_values;
  target_values.reserve(options.target ? draws : 0);
  Rng rng(options.seed);
  Model changed = model;
  Path path;
  std::vector<double> row(years * options.series.size());
  for (std::size_t d = 0; d < draws; ++d) {
    for (std::size_t r = 0; r < options.ranges.size(); ++r) {
      changed.levers[options.ranges[r].lever] = draw(rng, options.ranges[r], answer.clamped[r]);
    }
    project(changed, path);
    bool finite = true;
    for (std::size_t s = 0; s < options.series.size(); ++s) {
      for (std::size_t y = 0; y < years; ++y) {
        const OutputValue v = evaluate(changed, path, options.series[s], static_cast<int>(y) + 1);
        finite = finite && v.ok();
        row[s * years + y] = v.value;
      }
    }
    if (finite) {
      for (std::size_t s = 0; s < options.series.size(); ++s) {
        for (std::size_t y = 0; y < years; ++y) figures[s][y].push_back(row[s * years + y]);
      }
    } else {
      ++answer.undefined_series_draws;
    }
    if (!options.target) continue;
    const OutputValue v = evaluate(changed, path, options.target->output, options.target->year);
    if (!v.ok()) continue;
    ++answer.defined;
    target_values.push_back(v.value);
    const bool met = options.target->at_least ? v.value >= options.target->value
                                              : v.value <= options.target->value;
    if (met) ++answer.met;
  }
  for (std::size_t s = 0; s < options.series.size(); ++s) {
    McBand band{options.series[s], {}};
    for (auto& year : figures[s]) band.years.push_back(percentiles(year));
    answer.bands.push_back(std::move(band));
  }
  answer.target_values = percentiles(target_values);
  return answer;
}

}  // namespace servimetrics::whatif
