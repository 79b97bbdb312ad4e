// The what-if projection: customers, revenue and profit year by year, baseline beside scenario.
#pragma once

#include <vector>

#include "servimetrics/result.hpp"

namespace servimetrics {

struct ProjectionAssumptions {
  double retention_rate;  // share of last year's customers still buying this year
  double avg_order_value;
  double purchases_per_year;
  double gross_margin;
  double cac;
  double new_customers_per_year;
};

struct ProjectionPath {
  std::vector<double> customers;  // active during the year: retained + newly acquired
  std::vector<double> revenue;
  std::vector<double> gross_profit;
  std::vector<double> acquisition_cost;
  std::vector<double> profit;  // gross profit - acquisition cost
};

// Year t: customers_t = customers_{t-1} * retention + new; revenue_t = customers_t * AOV *
// purchases. Arithmetic only: no empirical rule of thumb enters here.
ProjectionPath project(const ProjectionAssumptions& assumptions, double starting_customers,
                       int years);

}  // namespace servimetrics
