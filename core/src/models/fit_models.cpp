// fit_models(): the one entry of the models layer. Reads the request, fits what was asked (or what
// the data allow), and answers with the fits, the customers' table, the holdout check, the sBG's
// projection and the Kaplan-Meier curve; every problem is a coded error or warning.
#include <cmath>
#include <numeric>

#include "models/bg_nbd.hpp"
#include "models/clv_intervals.hpp"
#include "models/customer_columns.hpp"
#include "models/customer_predictions.hpp"
#include "models/gamma_gamma.hpp"
#include "models/kaplan_meier.hpp"
#include "models/model_choice.hpp"
#include "models/models_request.hpp"
#include "models/pareto_nbd.hpp"
#include "models/sbg.hpp"
#include "servimetrics/json_text.hpp"
#include "servimetrics/models.hpp"

namespace servimetrics {
namespace {

using json = nlohmann::json;
using namespace models;

// Below these the fits run but say their parameters are guesses (docs/MODELS.md).
constexpr std::size_t kFewCustomers = 100;  // BG/NBD, Pareto/NBD: customers
constexpr std::size_t kFewRepeaters = 30;   // Gamma-Gamma: repeat buyers with a spend
constexpr std::size_t kFewInCohort = 100;   // sBG: the cohort's size
constexpr std::size_t kFewDurations = 30;   // Kaplan-Meier: subscriptions

json fit_json(const ModelFit& fit) {
  json params = json::object(), errors = json::object(), warnings = json::array();
  for (std::size_t i = 0; i < fit.param_names.size(); ++i) {
    params[fit.param_names[i]] = finite(fit.params[i]);
    errors[fit.param_names[i]] = fit.std_errors ? finite((*fit.std_errors)[i]) : json();
  }
  for (const Error& w : fit.warnings) warnings.push_back(error_json(w));
  return {{"name", fit.name},
          {"params", std::move(params)},
          {"std_errors", std::move(errors)},
          {"log_likelihood", finite(fit.log_likelihood)},
          {"converged", fit.converged},
          {"evaluations", fit.evaluations},
          {"warnings", std::move(warnings)}};
}

void add_error(json& answer, const Error& e) {
  answer["errors"].push_back(error_json(e));
}

void fit_customers(json& answer, const CustomerSummaries& c, ModelsOptions o,
                   CustomerColumns* columns) {
  if (o.models.empty()) o.models = {"bg_nbd", "pareto_nbd", "gamma_gamma"};
  if (c.size() == 0)
    return add_error(answer, model_error("models_no_customers", "There is no customer to fit."));
  std::size_t repeaters = 0, spenders = 0;
  for (std::size_t i = 0; i < c.size(); ++i) {
    repeaters += c.x[i] > 0 ? 1 : 0;
    spenders += c.x[i] > 0 && c.mean_spend[i] > 0 ? 1 : 0;
  }
  std::vector<ModelFit> fits;
  for (const std::string& name : o.models) {
    const bool spend_model = name == "gamma_gamma";
    if (name != "bg_nbd" && name != "pareto_nbd" && !spend_model) continue;
    if ((spend_model ? spenders : repeaters) == 0) {
      add_error(answer, model_error("models_no_repeat_buyers",
                                    "No customer bought twice" +
                                        std::string(spend_model ? " with a spend" : "") + ": the " +
                                        name + " model cannot be fitted.",
                                    {{"model", name}}));
      continue;
    }
    fits.push_back(name == "bg_nbd"       ? fit_bg_nbd(c)
                   : name == "pareto_nbd" ? fit_pareto_nbd(c)
                                          : fit_gamma_gamma(c));
    if (spend_model)
      warn_if_few(fits.back(), spenders, kFewRepeaters);
    else
      warn_if_few(fits.back(), c.size(), kFewCustomers);
    answer["models"].push_back(fit_json(fits.back()));
  }
  std::vector<PredictionColumns> kept;
  add_customer_table(answer, c, fits, o, columns ? &kept : nullptr);
  add_holdout(answer, c, fits, o);
  add_model_choice(answer);
  std::string chosen;  // the choice between two count models, else the one that converged
  if (answer.contains("model_choice")) chosen = answer["model_choice"]["model"].get<std::string>();
  for (const char* count : {"bg_nbd", "pareto_nbd"})
    if (chosen.empty() && converged_fit(fits, count)) chosen = count;
  if (chosen.empty()) return;
  add_intervals(answer, c, fits, chosen, o, columns);
  if (columns) take_predictions(kept, chosen, *columns);
}

void fit_retention(json& answer, const std::vector<double>& alive, const ModelsOptions& o) {
  bool decreasing = alive.size() >= 3 && alive[0] > 0;
  for (std::size_t t = 1; t < alive.size(); ++t)
    decreasing = decreasing && alive[t] >= 0 && alive[t] <= alive[t - 1];
  if (!decreasing || alive.back() >= alive[0])
    return add_error(answer, model_error("models_bad_survival",
                                         "The survival table needs three or more counts that "
                                         "start above 0, never rise, and fall at least once.",
                                         {{"periods", alive.size()}}));
  ModelFit fit = fit_sbg(alive);
  warn_if_few(fit, static_cast<std::size_t>(alive[0]), kFewInCohort);
  answer["models"].push_back(fit_json(fit));
  if (!fit.converged) return;
  const Sbg m{fit.params[0], fit.params[1]};
  const int periods = static_cast<int>(alive.size() - 1) * 2 + 1;
  const std::vector<double> survival = sbg_survival(m, periods);
  json rows = json::array();
  for (int t = 0; t <= periods; ++t) {
    const bool seen = t < static_cast<int>(alive.size());
    rows.push_back({t, survival[t], t > 0 ? json(sbg_retention(m, t)) : json(),
                    seen ? json(alive[t] / alive[0]) : json(),
                    t > 0 ? finite(sbg_derl(m, t, o.discount_rate)) : json()});
  }
  answer["retention"] = {
      {"columns", {"period", "survival", "retention", "observed", "derl"}},
      {"rows", std::move(rows)},
      {"discounted_expected_lifetime", finite(sbg_del(m, o.discount_rate))},
      {"expected_lifetime_value", finite(o.payment * o.margin * sbg_del(m, o.discount_rate))}};
}

void fit_survival_curve(json& answer, const std::vector<double>& durations,
                        const std::vector<bool>& ended) {
  for (std::size_t i = 0; i < durations.size(); ++i)
    if (durations[i] < 0)
      return add_error(answer, model_error("models_bad_value", "A duration is negative.",
                                           {{"column", "durations"}, {"row", i + 1}}));
  if (durations.empty())
    return add_error(answer,
                     model_error("models_no_durations", "There is no subscription to fit."));
  const SurvivalCurve curve = kaplan_meier(durations, ended);
  json rows = json::array();
  for (const SurvivalStep& s : curve.steps)
    rows.push_back({s.time, s.at_risk, s.ended, s.censored, s.survival, s.lower, s.upper});
  json warnings = json::array();
  if (durations.size() < kFewDurations)
    warnings.push_back(error_json(model_error(
        "models_few_customers", "Few subscriptions: the curve's band is wide.",
        {{"model", "km"}, {"customers", durations.size()}, {"minimum", kFewDurations}})));
  answer["survival"] = {
      {"columns", {"time", "at_risk", "ended", "censored", "survival", "lower", "upper"}},
      {"rows", std::move(rows)},
      {"median", curve.median ? json(*curve.median) : json()},
      {"warnings", std::move(warnings)}};
}

json empty_answer() {
  return {{"models", json::array()}, {"errors", json::array()}, {"warnings", json::array()}};
}

}  // namespace

json models::fit_data(const ModelsOptions& o, const ModelsData& d, json answer,
                      CustomerColumns* columns) {
  if (answer.is_null()) answer = empty_answer();
  if (!d.customers && d.survival.empty() && !d.has_durations)
    add_error(answer, model_error("models_no_data",
                                  "The request has no customers, survival table or durations."));
  if (d.customers) fit_customers(answer, *d.customers, o, columns);
  if (!d.survival.empty() || o.wants("sbg")) fit_retention(answer, d.survival, o);
  if (d.has_durations || o.wants("km")) fit_survival_curve(answer, d.durations, d.ended);
  return answer;
}

json fit_models(const json& request) {
  if (!request.is_object()) {
    json answer = empty_answer();
    add_error(answer, model_error("models_bad_request", "The request is not a JSON object."));
    return answer;
  }
  auto options = read_options(request);
  auto data = read_data(request);
  if (!options.ok() || !data.ok()) {
    json answer = empty_answer();
    add_error(answer, options.ok() ? data.error() : options.error());
    return answer;
  }
  return fit_data(options.value(), data.value());
}

std::string fit_models(std::string_view request_json) {
  auto request = parse_json(request_json);
  if (!request.ok()) {
    json answer = empty_answer();
    add_error(answer, request.error());
    return dump_answer(answer);
  }
  return dump_answer(fit_models(request.value()));
}

}  // namespace servimetrics
