// Customer-base models (models layer): BG/NBD, Pareto/NBD and Gamma-Gamma on customers'
// purchase summaries, the sBG on a cohort's survival table, Kaplan-Meier on subscription
// durations. One coarse call per question, JSON in and out (docs/MODELS.md).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "servimetrics/imported_table.hpp"

namespace servimetrics {

// Request: {"models": ["bg_nbd", "pareto_nbd", "gamma_gamma", "sbg", "km"] (default: what the
// data allow), and the data, one or more of
//   "customers": {"id": [...], "x": [...], "t_x": [...], "T": [...], "mean_spend": [...],
//                 "x_holdout": [...]}   (columns; mean_spend and x_holdout optional)
//   "survival": [1000, 631, 468, ...]   (one cohort: active at the start of each period)
//   "durations": [...], "ended": [true, false, ...]   (subscriptions; ended false: censored)
// and options "time_unit" (day, week, month: the unit of t_x, T and horizons; default week),
// "horizon" (time units ahead for expected purchases; default one year), "holdout" (length in
// time units of the period x_holdout counts), "margin" (fraction of spend kept, default 1),
// "discount_rate" (per year for customers, per period for the sBG; default 0.1), "clv_years"
// (BG/NBD's discounted sum, default 10), "payment" (sBG: per period, default 1),
// "customer_rows" (customers listed in the answer, default all), "intervals" (true: 200 draws,
// seed 1, or {"draws", "seed"}: CLV intervals from the parameters' uncertainty, off by default).
// Answer: {"models": [{"name", "params", "std_errors", "log_likelihood", "converged",
// "evaluations", "warnings"}], "customer_columns": [...], "customers": [[...], ...],
// "customers_total", "base": [...], "holdout": {...}, "model_choice": {...}, "intervals": {...},
// "retention": {...}, "survival": {...}, "errors": [...], "warnings": [...]}; from a table also
// "summary" and "cohorts". No NaN, no infinity (docs/MODELS.md, docs/JSON-API.md).
nlohmann::json fit_models(const nlohmann::json& request);
// The same from JSON text (parse errors become "errors").
std::string fit_models(std::string_view request_json);
// From an imported transactions table (customer summaries built here, with "calibration_end" and
// "holdout_end" dates "YYYY-MM-DD" among the options) or subscriptions table (durations for
// Kaplan-Meier, censored at "as_of", default the latest date), plus the options above and
// "cohorts" (default true: the cohort table of active customers and revenue by month).
nlohmann::json fit_models(const ImportedTable& table, const nlohmann::json& options);

// The customers' table of a fit as plain columns, for a page that windows it (docs/JSON-API.md):
// the chosen count model's P(alive), expected purchases and CLV beside each customer's summary.
struct CustomerColumns {
  std::string model;                   // the count model of p_alive, expected, clv ("": none)
  std::string ids;                     // every id's UTF-8 bytes, one after another
  std::vector<std::uint32_t> id_ends;  // id i ends at id_ends[i] (and starts at the one before)
  std::vector<double> x, t_x, T, mean_spend;
  std::vector<double> p_alive, expected, clv;  // NaN: cannot be computed; empty without a model
  std::vector<double> clv_p5, clv_p95;         // with the options' "intervals"; else empty
};
// fit_models() on a table with the customers in `columns` instead of the answer's "customers"
// rows (the answer keeps "customers_total", "base" and the rest; "customers" is empty).
nlohmann::json fit_models(const ImportedTable& table, const nlohmann::json& options,
                          CustomerColumns& columns);

// A fitted model evaluated: {"model": "bg_nbd" | "pareto_nbd" | "gamma_gamma" | "sbg", "params":
// {...} (a fit's "params"), for a count model "x", "t_x", "T" and "horizon" (time units; default
// one year), for Gamma-Gamma "x" and "mean_spend", for the sBG "horizon" periods; and the options
// above (time_unit, discount_rate, margin, clv_years, payment). Answer: count models {"model",
// "p_alive", "expected_purchases", "discounted_purchases", "horizon", "errors"}; Gamma-Gamma
// {"expected_spend"}; sBG {"columns", "rows", "discounted_expected_lifetime",
// "expected_lifetime_value"}. Bad params: "models_bad_params".
nlohmann::json predict_models(const nlohmann::json& request);
std::string predict_models(std::string_view request_json);

}  // namespace servimetrics
