// The driver model: levers compounded through a customer base into a table of periods, and the
// per-customer economics the KPIs read (internal to the core; formulas in docs/WHATIF.md).
#pragma once

#include <vector>

#include "whatif/levers.hpp"

namespace servimetrics::whatif {

enum class Step { year, month };

// What one projection needs: the levers, the first-contact resolution the support cost was
// measured at (the baseline's), the horizon and the step.
struct Model {
  Levers levers;
  double fcr_reference = 0.8;
  int horizon_years = 5;
  Step step = Step::year;
};

// One value per period (a year or a month) of each series.
struct Path {
  std::vector<double> customers;  // active in the period: retained + newly acquired
  std::vector<double> product_revenue;
  std::vector<double> service_revenue;
  std::vector<double> revenue;
  std::vector<double> gross_profit;  // product and service
  std::vector<double> acquisition_cost;
  std::vector<double> service_cost;
  std::vector<double> investment;  // the one-off in the first period, plus the yearly part
  std::vector<double> benefit;
  std::vector<double> profit;
  std::vector<double> cumulative_profit;
};

// A customer's year at the levers' values.
struct Economics {
  double fcr_factor;  // support cost relative to the reference: (2 - fcr) / (2 - fcr_reference)
  double annual_revenue;
  double annual_margin;  // gross margin of products and service, less support cost
};

Economics economics(const Model& model);
int periods_per_year(Step step);

// Fills `path` (reusing its storage) with horizon x periods-per-year periods.
void project(const Model& model, Path& path);

// A series summed (flows) or taken at the end (stocks) per year: years 1..horizon.
std::vector<double> yearly_sum(const std::vector<double>& series, Step step);
std::vector<double> yearly_end(const std::vector<double>& series, Step step);

}  // namespace servimetrics::whatif
