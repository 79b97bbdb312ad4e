// fit_models() on an imported table: a transactions table becomes customers' summaries (with the
// calibration and holdout ends), a subscriptions table the durations of Kaplan-Meier.
#include <algorithm>
#include <cmath>

#include "cells/calendar.hpp"
#include "models/cohorts.hpp"
#include "models/customer_columns.hpp"
#include "models/customer_summary.hpp"
#include "models/models_request.hpp"
#include "models/summary_table.hpp"
#include "servimetrics/json_text.hpp"
#include "servimetrics/models.hpp"

namespace servimetrics {
namespace {

using json = nlohmann::json;
using namespace models;

// "YYYY-MM-DD" under key, or kNoTime when absent; an error when it is not such a date.
Result<Timestamp> date_option(const json& options, const char* key) {
  const auto it = options.find(key);
  if (it == options.end() || it->is_null()) return kNoTime;
  const std::string text = it->is_string() ? it->get<std::string>() : "";
  int y = 0, m = 0, d = 0;
  bool ok = text.size() == 10 && text[4] == '-' && text[7] == '-';
  for (std::size_t i = 0; ok && i < 10; ++i)
    ok = i == 4 || i == 7 || (text[i] >= '0' && text[i] <= '9');
  if (ok) {
    const auto digits = [&](std::size_t at, std::size_t n) {
      int v = 0;
      for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (text[i] - '0');
      return v;
    };
    y = digits(0, 4);
    m = digits(5, 2);
    d = digits(8, 2);
    ok = m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
  }
  if (!ok)
    return model_error("models_bad_option",
                       std::string("The option ") + key + " is not a date written YYYY-MM-DD.",
                       {{"option", key}});
  return timestamp_from_civil(y, m, d);
}

// Durations in time units from start and end dates, censored at as_of (default: the latest date).
Result<ModelsData> subscription_durations(const ImportedTable& table, const json& options,
                                          double days_per_unit) {
  const ImportedColumn* start = table.column("start_date");
  const ImportedColumn* end = table.column("end_date");
  if (!start || start->type != FieldType::date)
    return model_error("models_needs_start_dates",
                       "Survival curves need subscriptions with a start date.");
  auto as_of = date_option(options, "as_of");
  if (!as_of.ok()) return as_of.error();
  Timestamp now = as_of.value();
  if (now == kNoTime)
    for (std::size_t i = 0; i < table.rows(); ++i)
      for (const ImportedColumn* c : {start, end})
        if (c && c->times[i] != kNoTime) now = std::max(now, c->times[i]);
  ModelsData data;
  data.has_durations = true;
  for (std::size_t i = 0; i < table.rows(); ++i) {
    const Timestamp s = start->times[i];
    if (s == kNoTime || s > now) continue;  // not started by as_of: not at risk
    const Timestamp e = end ? end->times[i] : kNoTime;
    const bool ended = e != kNoTime && e <= now;
    data.durations.push_back(static_cast<double>((ended ? e : now) - s) / 86400 / days_per_unit);
    data.ended.push_back(ended);
  }
  return data;
}

// Fits the customers; with `columns`, their table goes there instead of the answer's rows.
json fit_customers(ModelsOptions o, CustomerSummaries c, json answer, CustomerColumns* columns) {
  if (columns) o.customer_rows = 0;
  ModelsData data;
  data.customers = std::move(c);
  // The ids packed before the fit: the predictions' columns then take the room their strings
  // held (a million customers: 12 MB in the wasm), and the fit reads no id without rows.
  if (columns) take_customer_ids(*data.customers, *columns);
  answer = fit_data(o, data, std::move(answer), columns);
  if (columns) take_customer_summaries(*data.customers, *columns);
  return answer;
}

// A customer-summary file: its rows are the customers, in the file's own time unit.
json fit_summary_table(const ImportedTable& table, const ModelsOptions& options, json answer,
                       CustomerColumns* columns) {
  auto summary = read_customer_summary(table);
  if (!summary.ok()) {
    answer["errors"].push_back(error_json(summary.error()));
    return answer;
  }
  json warnings = json::array();
  for (const Error& w : summary.value().warnings) warnings.push_back(error_json(w));
  answer["summary"] = {{"customers", summary.value().customers.size()},
                       {"calibration_end", json()},
                       {"time_unit", options.time_unit},
                       {"warnings", std::move(warnings)}};
  return fit_customers(options, std::move(summary.value().customers), std::move(answer), columns);
}

json fit_table(const ImportedTable& table, const json& options, CustomerColumns* columns) {
  json answer = {{"models", json::array()}, {"errors", json::array()}, {"warnings", json::array()}};
  const auto fail = [&](const Error& e) {
    answer["errors"].push_back(error_json(e));
    return answer;
  };
  auto o = read_options(options.is_object() ? options : json::object());
  if (!o.ok()) return fail(o.error());
  const auto cohorts_option = options.is_object() ? options.find("cohorts") : options.end();
  if (options.is_object() && (cohorts_option == options.end() || !cohorts_option->is_boolean() ||
                              cohorts_option->get<bool>())) {
    auto cohorts = cohort_table(table);
    if (cohorts.ok()) answer["cohorts"] = std::move(cohorts.value());
  }
  if (table.kind == "subscriptions") {
    auto data = subscription_durations(table, options, o.value().days_per_unit);
    if (!data.ok()) return fail(data.error());
    return fit_data(o.value(), data.value(), std::move(answer));
  }
  if (table.kind == "customer_summary") return fit_summary_table(table, o.value(), answer, columns);
  auto calibration_end = date_option(options, "calibration_end");
  auto holdout_end = date_option(options, "holdout_end");
  if (!calibration_end.ok()) return fail(calibration_end.error());
  if (!holdout_end.ok()) return fail(holdout_end.error());
  auto summary = summarize_customers(
      table, {o.value().days_per_unit, calibration_end.value(), holdout_end.value()});
  if (!summary.ok()) return fail(summary.error());
  json warnings = json::array();
  for (const Error& w : summary.value().warnings) warnings.push_back(error_json(w));
  ModelsOptions chosen = o.value();
  if (holdout_end.value() != kNoTime && summary.value().calibration_end != kNoTime)
    chosen.holdout = static_cast<double>(holdout_end.value() - summary.value().calibration_end) /
                     86400 / chosen.days_per_unit;
  answer["summary"] = {
      {"customers", summary.value().customers.size()},
      {"calibration_end", summary.value().calibration_end == kNoTime
                              ? json()
                              : json(format_date(summary.value().calibration_end))},
      {"time_unit", chosen.time_unit},
      {"warnings", std::move(warnings)}};
  return fit_customers(chosen, std::move(summary.value().customers), std::move(answer), columns);
}

}  // namespace

json fit_models(const ImportedTable& table, const json& options) {
  return fit_table(table, options, nullptr);
}

json fit_models(const ImportedTable& table, const json& options, CustomerColumns& columns) {
  columns = {};
  return fit_table(table, options, &columns);
}

}  // namespace servimetrics
