// Compounds retention and acquisition through a customer base, year by year.
#include "request/projection.hpp"

namespace servimetrics {

ProjectionPath project(const ProjectionAssumptions& a, double starting_customers, int years) {
  ProjectionPath path;
  for (auto* series :
       {&path.customers, &path.revenue, &path.gross_profit, &path.acquisition_cost, &path.profit}) {
    series->reserve(static_cast<std::size_t>(years));
  }
  double customers = starting_customers;
  for (int year = 1; year <= years; ++year) {
    customers = customers * a.retention_rate + a.new_customers_per_year;
    const double revenue = customers * a.avg_order_value * a.purchases_per_year;
    const double gross_profit = revenue * a.gross_margin;
    const double acquisition_cost = a.cac * a.new_customers_per_year;
    path.customers.push_back(customers);
    path.revenue.push_back(revenue);
    path.gross_profit.push_back(gross_profit);
    path.acquisition_cost.push_back(acquisition_cost);
    path.profit.push_back(gross_profit - acquisition_cost);
  }
  return path;
}

}  // namespace servimetrics
