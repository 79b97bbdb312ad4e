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
  double min = 0;
};

constexpr Field kFields[] = {
    {"retention_rate", &ProjectionAssumptions::retention_rate, 1},
    {"avg_order_value", &ProjectionAssumptions::avg_order_value, 1e15},
    {"purchases_per_year", &ProjectionAssumptions::purchases_per_year, 1e6},
    {"gross_margin", &ProjectionAssumptions::gross_margin, 1, -10},  // a loss-making segment
    {"cac", &ProjectionAssumptions::cac, 1e15},
    {"new_customers_per_year", &ProjectionAssumptions::new_customers_per_year, 1e12},
};

Error projection_error(std::string input, std::string message, std::string code,
                       json params = json::object()) {
  return Error{.kpi = "projection",
               .input = std::move(input),
               .message = std::move(message),
               .code = std::move(code),
               .params = std::move(params)};
}

// `block` is "baseline" or "scenario", or "" for the projection's own fields.
bool read_bounded(const json& value, const std::string& block, const Field& field, double& out,
                  std::vector<Error>& errors) {
  const char* name = field.name;
  const std::string key = "projection." + (block.empty() ? "" : block + ".") + name;
  auto number = read_in_range({key, "projection_",
                               [&block, name] {
                                 return json{{"block", block}, {"field", name}};
                               }},
                              value, field.min, field.max);
  if (!number.ok()) {
    Error error = number.error();
    error.kpi = "projection";
    errors.push_back(std::move(error));
    return false;
  }
  out = number.value();
  return true;
}

// Fills `out` from the block, keeping `out`'s values for fields the block leaves out when
// `fallback` is set (the scenario falls back to the baseline).
bool read_assumptions(const json& request, const std::string& block, bool fallback,
                      ProjectionAssumptions& out, std::vector<Error>& errors) {
  const std::string where = "projection." + block;
  const json& values = request.at(block);
  if (!values.is_object()) {
    errors.push_back(projection_error(where, where + " must be an object",
                                      "projection_block_not_an_object", {{"block", block}}));
    return false;
  }
  bool ok = true;
  for (const auto& [key, unused] : values.items()) {
    bool known = false;
    for (const Field& f : kFields) known = known || key == f.name;
    if (!known) {
      errors.push_back(
          projection_error(where + "." + key, "unknown assumption " + where + "." + key,
                           "projection_unknown_assumption", {{"block", block}, {"field", key}}));
      ok = false;
    }
  }
  for (const Field& f : kFields) {
    if (!values.contains(f.name) || is_blank(&values.at(f.name))) {
      if (fallback) continue;
      errors.push_back(projection_error(where + "." + f.name, where + "." + f.name + " is missing",
                                        "projection_assumption_missing",
                                        {{"block", block}, {"field", f.name}}));
      ok = false;
      continue;
    }
    ok = read_bounded(values.at(f.name), block, f, out.*f.member, errors) && ok;
  }
  return ok;
}

// Keys in alphabetical order, as the rest of the answer (nlohmann's object order) has them.
template <class Out>
void write_path(Out& out, const ProjectionPath& p) {
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

template <class Out>
void write_totals(Out& out, const ProjectionPath& p) {
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

// The years asked for, 5 when not given; whether they are whole is checked only when the fields
// before them were usable.
bool read_years(const json& request, bool others_ok, double& years, std::vector<Error>& errors) {
  if (!request.contains("years")) return true;
  if (!read_bounded(request.at("years"), "", {"years", nullptr, 50}, years, errors)) return false;
  if (others_ok && (years < 1 || years != std::floor(years))) {
    errors.push_back(projection_error("projection.years",
                                      "projection.years must be a whole number from 1 to 50",
                                      "projection_years_not_whole", {{"min", 1}, {"max", 50}}));
    return false;
  }
  return true;
}

ProjectionAnswer project_both(const ProjectionAssumptions& baseline,
                              const ProjectionAssumptions& scenario, double starting_customers,
                              int years) {
  const ProjectionPath base = project(baseline, starting_customers, years);
  const ProjectionPath alt = project(scenario, starting_customers, years);
  const ProjectionPath diff{minus(alt.customers, base.customers), minus(alt.revenue, base.revenue),
                            minus(alt.gross_profit, base.gross_profit),
                            minus(alt.acquisition_cost, base.acquisition_cost),
                            minus(alt.profit, base.profit)};
  return ProjectionAnswer{base, alt, diff};
}

template <class Out>
void write_projection_to(Out& out, const ProjectionAnswer& projection) {
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

}  // namespace

ProjectionRead read_projection(const json& request) {
  ProjectionRead read;
  if (!request.is_object()) {
    read.errors.push_back(
        projection_error("projection", "projection must be an object", "projection_not_an_object"));
    return read;
  }
  double starting_customers = 0;
  double years = 5;
  bool ok = true;
  if (request.contains("starting_customers")) {
    ok = read_bounded(request.at("starting_customers"), "", {"starting_customers", nullptr, 1e12},
                      starting_customers, read.errors);
  }
  ok = read_years(request, ok, years, read.errors) && ok;
  ProjectionAssumptions baseline{};
  if (!request.contains("baseline")) {
    read.errors.push_back(projection_error("projection.baseline", "projection.baseline is missing",
                                           "projection_baseline_missing"));
    return read;
  }
  ok = read_assumptions(request, "baseline", false, baseline, read.errors) && ok;
  ProjectionAssumptions scenario = baseline;
  if (request.contains("scenario")) {
    ok = read_assumptions(request, "scenario", true, scenario, read.errors) && ok;
  }
  if (!ok) return read;
  ProjectionAnswer answer =
      project_both(baseline, scenario, starting_customers, static_cast<int>(years));
  if (!all_finite(answer.baseline) || !all_finite(answer.scenario) ||
      !all_finite(answer.difference)) {
    read.errors.push_back(
        projection_error("projection", "projection is too large to compute from these assumptions",
                         "projection_too_large"));
    return read;
  }
  read.answer = std::move(answer);
  return read;
}

void write_projection(JsonWriter& out, const ProjectionAnswer& projection) {
  write_projection_to(out, projection);
}

void write_projection(JsonTreeWriter& out, const ProjectionAnswer& projection) {
  write_projection_to(out, projection);
}

}  // namespace servimetrics
