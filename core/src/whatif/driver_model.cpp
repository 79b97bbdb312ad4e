// Compounds retention and acquisition through a customer base, period by period, and prices each
// period's customers: products, value-added services, support, acquisition and an investment.
#include "whatif/driver_model.hpp"

#include "whatif/det_math.hpp"

namespace servimetrics::whatif {

int periods_per_year(Step step) {
  return step == Step::month ? 12 : 1;
}

Economics economics(const Model& model) {
  const Levers& l = model.levers;
  const double base_revenue = l[Lever::avg_order_value] * l[Lever::purchases_per_year];
  const double service = l[Lever::service_attach_rate] * l[Lever::service_revenue_per_customer];
  // Each issue not solved at the first contact takes one more contact.
  const double fcr_factor = (2 - l[Lever::first_contact_resolution]) / (2 - model.fcr_reference);
  const double support = l[Lever::support_cost_per_customer] * fcr_factor;
  return {fcr_factor, base_revenue * (1 + l[Lever::price_change]) + service,
          base_revenue * (l[Lever::gross_margin] + l[Lever::price_change]) +
              service * l[Lever::service_gross_margin] - support};
}

void project(const Model& model, Path& path) {
  const Levers& l = model.levers;
  const int per_year = periods_per_year(model.step);
  const auto periods = static_cast<std::size_t>(model.horizon_years * per_year);
  for (auto* series : {&path.customers, &path.product_revenue, &path.service_revenue, &path.revenue,
                       &path.gross_profit, &path.acquisition_cost, &path.service_cost,
                       &path.investment, &path.benefit, &path.profit, &path.cumulative_profit}) {
    series->resize(periods);
  }
  const double f = 1.0 / per_year;
  const double retention =
      per_year == 1 ? l[Lever::retention_rate] : det_pow(l[Lever::retention_rate], f);
  const double new_customers = l[Lever::new_customers_per_year] * f;
  const double base_revenue = l[Lever::avg_order_value] * l[Lever::purchases_per_year] * f;
  const double service = l[Lever::service_attach_rate] * l[Lever::service_revenue_per_customer] * f;
  const double support = l[Lever::support_cost_per_customer] * economics(model).fcr_factor * f;
  double customers = l[Lever::starting_customers];
  double cumulative = 0;
  for (std::size_t p = 0; p < periods; ++p) {
    customers = customers * retention + new_customers;
    path.customers[p] = customers;
    path.product_revenue[p] = customers * base_revenue * (1 + l[Lever::price_change]);
    path.service_revenue[p] = customers * service;
    path.revenue[p] = path.product_revenue[p] + path.service_revenue[p];
    // A price change moves revenue and leaves the cost of goods where it was.
    path.gross_profit[p] =
        customers * base_revenue * (l[Lever::gross_margin] + l[Lever::price_change]) +
        path.service_revenue[p] * l[Lever::service_gross_margin];
    path.acquisition_cost[p] = new_customers * l[Lever::cac];
    path.service_cost[p] = customers * support;
    path.investment[p] =
        l[Lever::investment_per_year] * f + (p == 0 ? l[Lever::investment_one_off] : 0);
    path.benefit[p] = l[Lever::benefit_per_year] * f;
    path.profit[p] = path.gross_profit[p] - path.acquisition_cost[p] - path.service_cost[p] +
                     path.benefit[p] - path.investment[p];
    cumulative += path.profit[p];
    path.cumulative_profit[p] = cumulative;
  }
}

std::vector<double> yearly_sum(const std::vector<double>& series, Step step) {
  const auto per_year = static_cast<std::size_t>(periods_per_year(step));
  std::vector<double> years(series.size() / per_year, 0.0);
  for (std::size_t p = 0; p < series.size(); ++p) years[p / per_year] += series[p];
  return years;
}

std::vector<double> yearly_end(const std::vector<double>& series, Step step) {
  const auto per_year = static_cast<std::size_t>(periods_per_year(step));
  std::vector<double> years(series.size() / per_year);
  for (std::size_t y = 0; y < years.size(); ++y) years[y] = series[(y + 1) * per_year - 1];
  return years;
}

}  // namespace servimetrics::whatif
