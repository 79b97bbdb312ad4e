// Reads projection assumptions (scenario fields default to the baseline's) and answers the paths,
// their difference and totals.
#include "projection_json.hpp"

#include <cmath>
#include <string>

#include "format.hpp"
#include "input_values.hpp"
#include "servimetrics/projection.hpp"
#include "servimetrics/request.hpp"

namespace servimetrics {
namespace {

using json = nlohmann::json;

struct Field {
  const char* name;
  double ProjectionAssumptions::*member;
  double max;
};

constexpr Field kFields[] = {
    {"retention_rate", &ProjectionAssumptions::retention_rate, 1},
    {"avg_order_value", &ProjectionAssumptions::avg_order_value, 1e15},
    {"purchases_per_year", &ProjectionAssumptions::purchases_per_year, 1e6},
    {"gross_margin", &ProjectionAssumptions::gross_margin, 1},
    {"cac", &ProjectionAssumptions::cac, 1e15},
    {"new_customers_per_year", &ProjectionAssumptions::new_customers_per_year, 1e12},
};

bool read_bounded(const json& block, const std::string& where, const char* name, double max,
                  double& out, json& errors) {
  const std::string key = where + "." + name;
  auto number = read_number(key, block.at(name));
  if (number.ok() && (number.value() < 0 || number.value() > max)) {
    number = input_error(key, key + " must be between 0 and " + format_number(max) + " (got " +
                                  format_number(number.value()) + ")");
  }
  if (!number.ok()) {
    errors.push_back(error_json({"projection", key, number.error().message}));
    return false;
  }
  out = number.value();
  return true;
}

// Fills `out` from `block`, keeping `out`'s values for fields the block leaves out when
// `fallback` is set (the scenario falls back to the baseline).
bool read_assumptions(const json& block, const std::string& where, bool fallback,
                      ProjectionAssumptions& out, json& errors) {
  if (!block.is_object()) {
    errors.push_back(error_json({"projection", where, where + " must be an object"}));
    return false;
  }
  bool ok = true;
  for (const auto& [key, unused] : block.items()) {
    bool known = false;
    for (const Field& f : kFields) known = known || key == f.name;
    if (!known) {
      errors.push_back(
          error_json({"projection", where + "." + key, "unknown assumption " + where + "." + key}));
      ok = false;
    }
  }
  for (const Field& f : kFields) {
    if (!block.contains(f.name) || is_blank(&block.at(f.name))) {
      if (fallback) continue;
      errors.push_back(
          error_json({"projection", where + "." + f.name, where + "." + f.name + " is missing"}));
      ok = false;
      continue;
    }
    ok = read_bounded(block, where, f.name, f.max, out.*f.member, errors) && ok;
  }
  return ok;
}

json path_json(const ProjectionPath& p) {
  return {{"customers", p.customers},
          {"revenue", p.revenue},
          {"gross_profit", p.gross_profit},
          {"acquisition_cost", p.acquisition_cost},
          {"profit", p.profit}};
}

std::vector<double> minus(const std::vector<double>& a, const std::vector<double>& b) {
  std::vector<double> out(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) out[i] = a[i] - b[i];
  return out;
}

double sum(const std::vector<double>& v) {
  double total = 0;
  for (const double x : v) total += x;
  return total;
}

json totals_json(const ProjectionPath& p) {
  return {{"revenue", sum(p.revenue)},
          {"gross_profit", sum(p.gross_profit)},
          {"acquisition_cost", sum(p.acquisition_cost)},
          {"profit", sum(p.profit)},
          {"customers_final", p.customers.empty() ? 0.0 : p.customers.back()}};
}

}  // namespace

json projection_json(const json& request, json& errors) {
  if (!request.is_object()) {
    errors.push_back(error_json({"projection", "projection", "projection must be an object"}));
    return nullptr;
  }
  double starting_customers = 0;
  double years = 5;
  bool ok = true;
  if (request.contains("starting_customers")) {
    ok =
        read_bounded(request, "projection", "starting_customers", 1e12, starting_customers, errors);
  }
  if (request.contains("years")) {
    ok = read_bounded(request, "projection", "years", 50, years, errors) && ok;
    if (ok && (years < 1 || years != std::floor(years))) {
      errors.push_back(error_json({"projection", "projection.years",
                                   "projection.years must be a whole number from 1 to 50"}));
      ok = false;
    }
  }
  ProjectionAssumptions baseline{};
  if (!request.contains("baseline")) {
    errors.push_back(
        error_json({"projection", "projection.baseline", "projection.baseline is missing"}));
    return nullptr;
  }
  ok = read_assumptions(request.at("baseline"), "projection.baseline", false, baseline, errors) &&
       ok;
  ProjectionAssumptions scenario = baseline;
  if (request.contains("scenario")) {
    ok = read_assumptions(request.at("scenario"), "projection.scenario", true, scenario, errors) &&
         ok;
  }
  if (!ok) return nullptr;

  const int n = static_cast<int>(years);
  const ProjectionPath base = project(baseline, starting_customers, n);
  const ProjectionPath alt = project(scenario, starting_customers, n);
  const ProjectionPath diff{minus(alt.customers, base.customers), minus(alt.revenue, base.revenue),
                            minus(alt.gross_profit, base.gross_profit),
                            minus(alt.acquisition_cost, base.acquisition_cost),
                            minus(alt.profit, base.profit)};
  std::vector<int> year_numbers;
  for (int y = 1; y <= n; ++y) year_numbers.push_back(y);
  json answer = {{"years", year_numbers},
                 {"baseline", path_json(base)},
                 {"scenario", path_json(alt)},
                 {"difference", path_json(diff)},
                 {"totals",
                  {{"baseline", totals_json(base)},
                   {"scenario", totals_json(alt)},
                   {"difference", totals_json(diff)}}}};
  if (!all_finite(answer)) {
    errors.push_back(error_json(
        {"projection", "projection", "projection is too large to compute from these assumptions"}));
    return nullptr;
  }
  return answer;
}

}  // namespace servimetrics
