// The model's outputs by name: KPIs and period figures a tornado, goal seek or Monte Carlo run
// can ask for (internal to the core).
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "whatif/driver_model.hpp"

namespace servimetrics::whatif {

enum class Output : std::size_t {
  cumulative_profit,  // through a year (the horizon's last by default)
  profit,             // in a year
  revenue,            // in a year
  customers,          // at the end of a year
  profit_npv,
  churn,
  cltv,
  ltv_cac,
  cac_payback_months,
  service_revenue_share,
  roi,
  net_roi,
  npv,
  irr,
  payback_years,
};
inline constexpr std::size_t kOutputCount = 15;

std::string_view output_name(Output output);
std::optional<Output> output_named(std::string_view name);
// Whether the output is a figure of one year (and takes "year").
bool output_has_year(Output output);
// The formula written in answers and docs/WHATIF.md.
std::string_view output_formula(Output output);

// A value, or the code saying why there is none ("whatif_no_investment"...).
struct OutputValue {
  double value = 0;
  const char* code = nullptr;
  [[nodiscard]] bool ok() const { return code == nullptr; }
};

// `year` 1..horizon for the outputs of a year, 0 for the horizon's last.
OutputValue evaluate(const Model& model, const Path& path, Output output, int year = 0);

// The investment's cash flows: year 0 the one-off (negative), then benefit - yearly investment.
std::vector<double> investment_cash_flows(const Model& model);

// Benefit and investment over the seed's three years (fewer when the horizon is shorter).
struct RoiParts {
  double years;
  double benefit;
  double investment;
};
RoiParts roi_parts(const Model& model);

}  // namespace servimetrics::whatif
