// Each output's name, formula and value from a projected path and the levers.
#include "whatif/outputs.hpp"

#include <algorithm>
#include <cmath>

#include "whatif/finance.hpp"

namespace servimetrics::whatif {
namespace {

struct OutputSpec {
  std::string_view name;
  std::string_view formula;
  bool has_year;
};

// In the order of Output.
constexpr std::array<OutputSpec, kOutputCount> kOutputs = {{
    {"cumulative_profit", "sum of profit over the years up to year", true},
    {"profit", "gross_profit - acquisition_cost - service_cost + benefit - investment in year",
     true},
    {"revenue",
     "customers * (avg_order_value * purchases_per_year * (1 + price_change) + "
     "service_attach_rate * service_revenue_per_customer) in year",
     true},
    {"customers",
     "customers at the end of year: customers * retention_rate + new_customers_per_year "
     "each year from starting_customers",
     true},
    {"profit_npv", "sum over years t of profit_t / (1 + discount_rate)^t", false},
    {"churn", "1 - retention_rate", false},
    {"cltv",
     "annual_margin * retention_rate / (1 + discount_rate - retention_rate), annual_margin "
     "= avg_order_value * purchases_per_year * (gross_margin + price_change) + "
     "service_attach_rate * service_revenue_per_customer * service_gross_margin - "
     "support_cost_per_customer * (2 - first_contact_resolution) / (2 - "
     "reference_first_contact_resolution)",
     false},
    {"ltv_cac", "cltv / cac", false},
    {"cac_payback_months", "cac / (annual_margin / 12)", false},
    {"service_revenue_share", "total service_revenue / total revenue over the horizon", false},
    {"roi",
     "benefit_3y / investment_3y (the seed's ROI): benefit_per_year * 3 / "
     "(investment_one_off + investment_per_year * 3)",
     false},
    {"net_roi", "(benefit_3y - investment_3y) / investment_3y", false},
    {"npv",
     "sum over t = 0..horizon of cash_flow_t / (1 + discount_rate)^t, cash_flow_0 = "
     "-investment_one_off, cash_flow_t = benefit_per_year - investment_per_year",
     false},
    {"irr", "the rate r where sum of cash_flow_t / (1 + r)^t = 0 (Brent's method)", false},
    {"payback_years",
     "years until the cumulative cash flow turns from negative to 0 or more, "
     "interpolated within the year",
     false},
}};

// The series value of year `year` (1-based): summed for flows, at the end for stocks.
double year_value(const std::vector<double>& series, const Model& model, int year, bool flow) {
  const int per_year = periods_per_year(model.step);
  const auto end = static_cast<std::size_t>(year * per_year);
  if (!flow) return series[end - 1];
  double total = 0;
  for (std::size_t p = end - static_cast<std::size_t>(per_year); p < end; ++p) total += series[p];
  return total;
}

double total(const std::vector<double>& series) {
  double sum = 0;
  for (const double v : series) sum += v;
  return sum;
}

OutputValue checked(double value) {
  return std::isfinite(value) ? OutputValue{value} : OutputValue{0, "whatif_output_not_finite"};
}

OutputValue customer_output(const Model& model, Output output) {
  const Levers& l = model.levers;
  const double r = l[Lever::retention_rate];
  const double d = l[Lever::discount_rate];
  const double margin = economics(model).annual_margin;
  if (output == Output::churn) return checked(1 - r);
  if (output == Output::cac_payback_months) {
    if (margin <= 0) return {0, "whatif_payback_never"};
    return checked(l[Lever::cac] / (margin / 12));
  }
  if (1 + d - r <= 0) return {0, "whatif_clv_unbounded"};
  const double cltv = margin * r / (1 + d - r);
  if (output == Output::cltv) return checked(cltv);
  if (l[Lever::cac] <= 0) return {0, "whatif_cac_zero"};
  return checked(cltv / l[Lever::cac]);
}

OutputValue investment_output(const Model& model, Output output) {
  const Levers& l = model.levers;
  if (l[Lever::investment_one_off] == 0 && l[Lever::investment_per_year] == 0) {
    return {0, "whatif_no_investment"};
  }
  if (output == Output::roi || output == Output::net_roi) {
    const RoiParts parts = roi_parts(model);
    const double gain = output == Output::roi ? parts.benefit : parts.benefit - parts.investment;
    return checked(gain / parts.investment);
  }
  const std::vector<double> flows = investment_cash_flows(model);
  if (output == Output::npv) return checked(npv(flows, l[Lever::discount_rate]));
  if (output == Output::payback_years) {
    const auto years = payback_years(flows);
    return years ? checked(*years) : OutputValue{0, "whatif_payback_beyond_horizon"};
  }
  const Irr found = irr(flows);
  if (found.status == IrrStatus::no_sign_change) return {0, "whatif_irr_no_sign_change"};
  if (found.status == IrrStatus::not_found) return {0, "whatif_irr_not_found"};
  return checked(found.rate);
}

}  // namespace

std::string_view output_name(Output output) {
  return kOutputs[static_cast<std::size_t>(output)].name;
}

std::optional<Output> output_named(std::string_view name) {
  for (std::size_t i = 0; i < kOutputCount; ++i) {
    if (kOutputs[i].name == name) return static_cast<Output>(i);
  }
  return std::nullopt;
}

bool output_has_year(Output output) {
  return kOutputs[static_cast<std::size_t>(output)].has_year;
}

std::string_view output_formula(Output output) {
  return kOutputs[static_cast<std::size_t>(output)].formula;
}

std::vector<double> investment_cash_flows(const Model& model) {
  const Levers& l = model.levers;
  std::vector<double> flows(static_cast<std::size_t>(model.horizon_years) + 1,
                            l[Lever::benefit_per_year] - l[Lever::investment_per_year]);
  flows[0] = -l[Lever::investment_one_off];
  return flows;
}

RoiParts roi_parts(const Model& model) {
  const Levers& l = model.levers;
  const double years = std::min(3, model.horizon_years);
  return {years, l[Lever::benefit_per_year] * years,
          l[Lever::investment_one_off] + l[Lever::investment_per_year] * years};
}

OutputValue evaluate(const Model& model, const Path& path, Output output, int year) {
  const int y = year == 0 ? model.horizon_years : year;
  switch (output) {
    case Output::cumulative_profit:
      return checked(year_value(path.cumulative_profit, model, y, false));
    case Output::profit:
      return checked(year_value(path.profit, model, y, true));
    case Output::revenue:
      return checked(year_value(path.revenue, model, y, true));
    case Output::customers:
      return checked(year_value(path.customers, model, y, false));
    case Output::profit_npv: {
      const std::vector<double> years = yearly_sum(path.profit, model.step);
      std::vector<double> flows(years.size() + 1, 0.0);
      std::copy(years.begin(), years.end(), flows.begin() + 1);
      return checked(npv(flows, model.levers[Lever::discount_rate]));
    }
    case Output::service_revenue_share: {
      const double all = total(path.revenue);
      if (all <= 0) return {0, "whatif_no_revenue"};
      return checked(total(path.service_revenue) / all);
    }
    case Output::churn:
    case Output::cltv:
    case Output::ltv_cac:
    case Output::cac_payback_months:
      return customer_output(model, output);
    default:
      return investment_output(model, output);
  }
}

}  // namespace servimetrics::whatif
