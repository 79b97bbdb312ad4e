// The table of levers: each with its valid range, default and plausible spread.
#include "whatif/levers.hpp"

#include <algorithm>

namespace servimetrics::whatif {
namespace {

constexpr double kMoney = 1e15;
constexpr double kCount = 1e12;

// In the order of Lever. Plausible spreads are this engine's defaults, written in docs/WHATIF.md;
// a goal seek may give its own range.
const std::array<LeverSpec, kLeverCount> kLevers = {{
    {"starting_customers", 0, kCount, std::nullopt, Spread::factor, 0.5, 2, 0, kCount, false},
    {"retention_rate", 0, 1, std::nullopt, Spread::points, 0.15, 0.15, 0, 0.99, false},
    {"new_customers_per_year", 0, kCount, std::nullopt, Spread::factor, 0.5, 2, 0, kCount, false},
    {"cac", 0, kMoney, std::nullopt, Spread::factor, 0.5, 2, 0, kMoney, false},
    {"avg_order_value", 0, kMoney, std::nullopt, Spread::factor, 0.5, 2, 0, kMoney, false},
    {"purchases_per_year", 0, 1e6, std::nullopt, Spread::factor, 0.5, 2, 0, 1e6, false},
    {"gross_margin", -10, 1, std::nullopt, Spread::points, 0.15, 0.15, -1, 1, false},
    {"price_change", -0.9, 10, 0.0, Spread::points, 0.2, 0.2, -0.9, 10, true},
    {"service_attach_rate", 0, 1, 0.0, Spread::points, 0.2, 0.2, 0, 1, false},
    {"service_revenue_per_customer", 0, kMoney, 0.0, Spread::factor, 0.5, 2, 0, kMoney, false},
    {"service_gross_margin", -10, 1, 1.0, Spread::points, 0.15, 0.15, -1, 1, false},
    {"support_cost_per_customer", 0, kMoney, 0.0, Spread::factor, 0.5, 2, 0, kMoney, false},
    {"first_contact_resolution", 0, 1, 0.8, Spread::points, 0.15, 0.15, 0, 1, false},
    {"investment_one_off", 0, kMoney, 0.0, Spread::factor, 0.5, 2, 0, kMoney, false},
    {"investment_per_year", 0, kMoney, 0.0, Spread::factor, 0.5, 2, 0, kMoney, false},
    {"benefit_per_year", 0, kMoney, 0.0, Spread::factor, 0.5, 2, 0, kMoney, false},
    {"discount_rate", 0, 1, 0.0, Spread::points, 0.05, 0.05, 0, 0.5, false},
}};

}  // namespace

const LeverSpec& lever_spec(Lever lever) {
  return kLevers[static_cast<std::size_t>(lever)];
}

std::optional<Lever> lever_named(std::string_view name) {
  for (std::size_t i = 0; i < kLeverCount; ++i) {
    if (kLevers[i].name == name) return lever_at(i);
  }
  return std::nullopt;
}

Range plausible_range(Lever lever, double baseline) {
  const LeverSpec& spec = lever_spec(lever);
  Range range = spec.spread == Spread::factor
                    ? Range{baseline * spec.spread_low, baseline * spec.spread_high}
                    : Range{baseline - spec.spread_low, baseline + spec.spread_high};
  range.low = std::max(range.low, spec.plausible_min);
  range.high = std::min(range.high, spec.plausible_max);
  return {std::min(range.low, baseline), std::max(range.high, baseline)};
}

double clamp_to_valid(Lever lever, double value) {
  const LeverSpec& spec = lever_spec(lever);
  return std::clamp(value, spec.min, spec.max);
}

}  // namespace servimetrics::whatif
