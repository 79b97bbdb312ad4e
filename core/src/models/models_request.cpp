// Reading fit_models()'s request: every option and data column checked, errors coded.
#include "models/models_request.hpp"

#include <algorithm>
#include <cmath>

namespace servimetrics::models {
namespace {

using json = nlohmann::json;

Error bad_option(const std::string& option, const std::string& why) {
  return model_error("models_bad_option", "The option " + option + " " + why + ".",
                     {{"option", option}});
}

// A finite number in [low, high] under `key`, or the error; absent: nullopt.
Result<std::optional<double>> number_option(const json& request, const char* key, double low,
                                            double high) {
  const auto it = request.find(key);
  if (it == request.end() || it->is_null()) return std::optional<double>{};
  if (!it->is_number() || !std::isfinite(it->get<double>()) || it->get<double>() < low ||
      it->get<double>() > high)
    return model_error("models_bad_option",
                       std::string("The option ") + key + " is not a number in its range.",
                       {{"option", key}, {"low", low}, {"high", high}});
  return std::optional<double>{it->get<double>()};
}

// A column of finite numbers, all of `rows` rows; absent: an empty vector.
Result<std::vector<double>> number_column(const json& columns, const char* key, std::size_t rows,
                                          bool required) {
  const auto it = columns.find(key);
  if (it == columns.end() && !required) return std::vector<double>{};
  if (it == columns.end() || !it->is_array() || it->size() != rows)
    return model_error(
        "models_bad_column",
        std::string("The column ") + key + " is missing or not as long as the others.",
        {{"column", key}});
  std::vector<double> out;
  out.reserve(rows);
  for (std::size_t i = 0; i < rows; ++i) {
    const json& v = (*it)[i];
    if (!v.is_number() || !std::isfinite(v.get<double>()))
      return model_error(
          "models_bad_value",
          std::string("Row ") + std::to_string(i + 1) + " of " + key + " is not a number.",
          {{"column", key}, {"row", i + 1}});
    out.push_back(v.get<double>());
  }
  return out;
}

Result<CustomerSummaries> read_customers(const json& columns) {
  if (!columns.is_object() || !columns.contains("x") || !columns["x"].is_array())
    return model_error("models_bad_column", "The column x is missing or not as long as the others.",
                       {{"column", "x"}});
  const std::size_t rows = columns["x"].size();
  CustomerSummaries c;
  for (auto [key, target, required] : {std::tuple{"x", &c.x, true},
                                       {"t_x", &c.t_x, true},
                                       {"T", &c.T, true},
                                       {"mean_spend", &c.mean_spend, false},
                                       {"x_holdout", &c.x_holdout, false}}) {
    auto column = number_column(columns, key, rows, required);
    if (!column.ok()) return column.error();
    *target = std::move(column.value());
  }
  if (c.mean_spend.empty()) c.mean_spend.assign(rows, 0);
  if (c.x_holdout.empty()) c.x_holdout.assign(rows, -1);
  json ids = columns.value("id", json::array());
  if (!ids.is_array()) ids = json::array();
  for (std::size_t i = 0; i < rows; ++i) {
    c.ids.push_back(i < ids.size() && ids[i].is_string()   ? ids[i].get<std::string>()
                    : i < ids.size() && ids[i].is_number() ? ids[i].dump()
                                                           : std::to_string(i + 1));
    // x whole and >= 0, 0 <= t_x <= T, t_x = 0 when x = 0.
    const bool fits = c.x[i] >= 0 && c.x[i] == std::floor(c.x[i]) && c.t_x[i] >= 0 &&
                      c.t_x[i] <= c.T[i] && (c.x[i] > 0 || c.t_x[i] == 0);
    if (!fits)
      return model_error("models_bad_summary",
                         "Customer " + c.ids.back() + " has x, t_x, T that cannot be (x whole, " +
                             "0 <= t_x <= T, t_x = 0 when x = 0).",
                         {{"row", i + 1}, {"id", c.ids.back()}});
  }
  return c;
}

// "intervals": true (200 draws, seed 1) or {"draws": 20..5000, "seed": 0..2^53}.
Result<bool> read_intervals(const json& request, ModelsOptions& o) {
  const auto it = request.find("intervals");
  if (it == request.end() || it->is_null() || (it->is_boolean() && !it->get<bool>())) return true;
  o.interval_draws = 200;
  if (it->is_boolean()) return true;
  if (!it->is_object()) return bad_option("intervals", "is not true or {\"draws\", \"seed\"}");
  auto draws = number_option(*it, "draws", 20, 5000);
  auto seed = number_option(*it, "seed", 0, 9007199254740992.0);
  if (!draws.ok()) return draws.error();
  if (!seed.ok()) return seed.error();
  if (draws.value()) o.interval_draws = static_cast<int>(*draws.value());
  if (seed.value()) o.interval_seed = static_cast<std::uint64_t>(*seed.value());
  return true;
}

}  // namespace

bool ModelsOptions::wants(const std::string& model) const {
  return std::find(models.begin(), models.end(), model) != models.end();
}

Result<ModelsOptions> read_options(const json& request) {
  ModelsOptions o;
  for (const json& m : request.value("models", json::array())) {
    const std::string name = m.is_string() ? m.get<std::string>() : m.dump();
    static const char* const kKnown[] = {"bg_nbd", "pareto_nbd", "gamma_gamma", "sbg", "km"};
    if (std::none_of(std::begin(kKnown), std::end(kKnown), [&](auto k) { return name == k; }))
      return model_error("models_unknown_model", "There is no model called " + name + ".",
                         {{"model", name}});
    o.models.push_back(name);
  }
  const auto unit_option = request.find("time_unit");
  const std::string unit = unit_option == request.end() || unit_option->is_null() ? "week"
                           : unit_option->is_string() ? unit_option->get<std::string>()
                                                      : "";
  if (unit != "day" && unit != "week" && unit != "month")
    return bad_option("time_unit", "is not day, week or month");
  o.time_unit = unit;
  o.days_per_unit = unit == "day" ? 1 : unit == "week" ? 7 : 365.25 / 12;
  struct Number {
    const char* key;
    double low, high;
    double* target;
  };
  double horizon = NAN, holdout = NAN;
  for (const Number& n : {Number{"horizon", 0, 1e6, &horizon},
                          {"holdout", 0, 1e6, &holdout},
                          {"margin", -10, 1, &o.margin},
                          {"discount_rate", 0, 10, &o.discount_rate},
                          {"clv_years", 0, 100, &o.clv_years},
                          {"payment", -1e12, 1e12, &o.payment}}) {
    auto value = number_option(request, n.key, n.low, n.high);
    if (!value.ok()) return value.error();
    if (value.value()) *n.target = *value.value();
  }
  if (!std::isnan(horizon)) o.horizon = horizon;
  auto rows = number_option(request, "customer_rows", 0, 1e9);
  if (!rows.ok()) return rows.error();
  if (rows.value()) o.customer_rows = static_cast<std::size_t>(*rows.value());
  auto intervals = read_intervals(request, o);
  if (!intervals.ok()) return intervals.error();
  if (!std::isnan(holdout)) o.holdout = holdout;
  return o;
}

Result<ModelsData> read_data(const json& request) {
  ModelsData data;
  if (request.contains("customers")) {
    auto customers = read_customers(request["customers"]);
    if (!customers.ok()) return customers.error();
    data.customers = std::move(customers.value());
  }
  if (request.contains("survival")) {
    json wrapper = {{"survival", request["survival"]}};
    const std::size_t n = request["survival"].is_array() ? request["survival"].size() : 0;
    auto survival = number_column(wrapper, "survival", n, true);
    if (!survival.ok()) return survival.error();
    data.survival = std::move(survival.value());
  }
  if (request.contains("durations")) {
    const std::size_t n = request["durations"].is_array() ? request["durations"].size() : 0;
    auto durations = number_column(request, "durations", n, true);
    if (!durations.ok()) return durations.error();
    data.durations = std::move(durations.value());
    data.has_durations = true;
    json ended = request.value("ended", json::array());
    if (!ended.is_array()) ended = json::array();
    for (std::size_t i = 0; i < n; ++i)
      data.ended.push_back(i < ended.size() ? ended[i].is_boolean() && ended[i].get<bool>() : true);
  }
  return data;
}

}  // namespace servimetrics::models
