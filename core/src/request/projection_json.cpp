// Reads projection assumptions (scenario fields default to the baseline's) and answers the paths,
// their difference and totals.
#include "request/projection_json.hpp"

#include <cmath>
#include <string>

#include "base/format.hpp"
#include "request/input_values.hpp"
#include "request/projection.hpp"
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

// Keys in alphabetical order, as the rest of the answer (nlohmann's object order) has them.
void write_path(JsonWriter& out, const ProjectionPath& p) {
  const auto series = [&out](std::string_view name, const std::vector<double>& values) {
    out.key(name).begin_array();
    for (const double v : values) out.value(v);
    out.end_array();
  };
  out.begin_object();
  series("acquisition_cost", p.acquisition_cost);
  series("customers", p.customers);
  series("gross_profit", p.gross_profit);
  series("profit", p.profit);
  series("revenue", p.revenue);
  out.end_object();
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

void write_totals(JsonWriter& out, const ProjectionPath& p) {
  out.begin_object();
  out.key("acquisition_cost").value(sum(p.acquisition_cost));
  out.key("customers_final").value(p.customers.empty() ? 0.0 : p.customers.back());
  out.key("gross_profit").value(sum(p.gross_profit));
  out.key("profit").value(sum(p.profit));
  out.key("revenue").value(sum(p.revenue));
  out.end_object();
}

bool all_finite(const ProjectionPath& p) {
  for (const auto* series :
       {&p.customers, &p.revenue, &p.gross_profit, &p.acquisition_cost, &p.profit}) {
    for (const double v : *series) {
      if (!std::isfinite(v)) return false;
    }
    if (!std::isfinite(sum(*series))) return false;
  }
  return true;
}

}  // namespace

std::optional<ProjectionAnswer> read_projection(const json& request, json& errors) {
  if (!request.is_object()) {
    errors.push_back(error_json({"projection", "projection", "projection must be an object"}));
    return std::nullopt;
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
    return std::nullopt;
  }
  ok = read_assumptions(request.at("baseline"), "projection.baseline", false, baseline, errors) &&
       ok;
  ProjectionAssumptions scenario = baseline;
  if (request.contains("scenario")) {
    ok = read_assumptions(request.at("scenario"), "projection.scenario", true, scenario, errors) &&
         ok;
  }
  if (!ok) return std::nullopt;

  const int n = static_cast<int>(years);
  const ProjectionPath base = project(baseline, starting_customers, n);
  const ProjectionPath alt = project(scenario, starting_customers, n);
  const ProjectionPath diff{minus(alt.customers, base.customers), minus(alt.revenue, base.revenue),
                            minus(alt.gross_profit, base.gross_profit),
                            minus(alt.acquisition_cost, base.acquisition_cost),
                            minus(alt.profit, base.profit)};
  if (!all_finite(base) || !all_finite(alt) || !all_finite(diff)) {
    errors.push_back(error_json(
        {"projection", "projection", "projection is too large to compute from these assumptions"}));
    return std::nullopt;
  }
  return ProjectionAnswer{base, alt, diff};
}

void write_projection(JsonWriter& out, const ProjectionAnswer& projection) {
  out.begin_object();
  out.key("baseline");
  write_path(out, projection.baseline);
  out.key("difference");
  write_path(out, projection.difference);
  out.key("scenario");
  write_path(out, projection.scenario);
  out.key("totals").begin_object();
  out.key("baseline");
  write_totals(out, projection.baseline);
  out.key("difference");
  write_totals(out, projection.difference);
  out.key("scenario");
  write_totals(out, projection.scenario);
  out.end_object();
  out.key("years").begin_array();
  for (std::size_t y = 1; y <= projection.baseline.customers.size(); ++y) {
    out.integer(static_cast<std::int64_t>(y));
  }
  out.end_array();
  out.end_object();
}

}  // namespace servimetrics
