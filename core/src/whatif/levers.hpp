// The what-if model's levers: names, valid and plausible ranges, defaults (internal to the core).
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace servimetrics::whatif {

enum class Lever : std::size_t {
  starting_customers,
  retention_rate,
  new_customers_per_year,
  cac,
  avg_order_value,
  purchases_per_year,
  gross_margin,
  price_change,
  service_attach_rate,
  service_revenue_per_customer,
  service_gross_margin,
  support_cost_per_customer,
  first_contact_resolution,
  investment_one_off,
  investment_per_year,
  benefit_per_year,
  discount_rate,
};
inline constexpr std::size_t kLeverCount = 17;

// One value per lever, indexed by Lever.
struct Levers {
  std::array<double, kLeverCount> values{};
  double& operator[](Lever lever) { return values[static_cast<std::size_t>(lever)]; }
  double operator[](Lever lever) const { return values[static_cast<std::size_t>(lever)]; }
};

// How a lever's plausible range is found from its baseline value: a factor of it (money and
// counts: x0.5 to x2) or so many points either side (rates), within [plausible_min, max].
enum class Spread { factor, points };

struct LeverSpec {
  std::string_view name;
  double min;  // valid range: outside it a request is refused
  double max;
  std::optional<double> default_value;  // nothing: the baseline must give it
  Spread spread;
  double spread_low;  // factor or points below the baseline
  double spread_high;
  double plausible_min;
  double plausible_max;
  bool additive_step;  // a tornado step moves it by points, not by a share of it (price_change)
};

const LeverSpec& lever_spec(Lever lever);
std::optional<Lever> lever_named(std::string_view name);
inline Lever lever_at(std::size_t index) {
  return static_cast<Lever>(index);
}

struct Range {
  double low;
  double high;
};

// Where the lever may plausibly go from `baseline`: the range goal seek searches and the tornado's
// "range" step spans; it always holds the baseline value.
Range plausible_range(Lever lever, double baseline);

// The value within the lever's valid range.
double clamp_to_valid(Lever lever, double value);

}  // namespace servimetrics::whatif
