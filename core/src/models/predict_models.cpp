// predict_models(): a fitted model's parameters (from a fit's answer, or typed in) evaluated for
// one customer (x, t_x, T) over a horizon, or an sBG cohort over periods; errors coded.
#include <cmath>
#include <string>

#include "models/bg_nbd.hpp"
#include "models/count_predictor.hpp"
#include "models/customer_predictions.hpp"
#include "models/gamma_gamma.hpp"
#include "models/models_request.hpp"
#include "models/sbg.hpp"
#include "servimetrics/json_text.hpp"
#include "servimetrics/models.hpp"

namespace servimetrics {
namespace {

using json = nlohmann::json;
using namespace models;

// The named positive parameters of `model` from request["params"] (a fit's "params" object).
Result<std::vector<double>> read_params(const json& params, const std::vector<std::string>& names,
                                        const std::string& model) {
  std::vector<double> out;
  for (const std::string& name : names) {
    const auto it = params.is_object() ? params.find(name) : params.end();
    if (!params.is_object() || it == params.end() || !it->is_number() || !(it->get<double>() > 0) ||
        !std::isfinite(it->get<double>()))
      return model_error("models_bad_params",
                         "The " + model + " model needs the parameter " + name + " above 0.",
                         {{"model", model}, {"param", name}});
    out.push_back(it->get<double>());
  }
  return out;
}

// A finite number >= 0 under key, or `fallback` when absent.
Result<double> customer_value(const json& request, const char* key, double fallback) {
  const auto it = request.find(key);
  if (it == request.end() || it->is_null()) return fallback;
  if (!it->is_number() || !std::isfinite(it->get<double>()) || it->get<double>() < 0)
    return model_error("models_bad_option",
                       std::string("The option ") + key + " is not a number of 0 or more.",
                       {{"option", key}});
  return it->get<double>();
}

json predict_customer(const json& request, const std::string& model, const ModelsOptions& o,
                      const std::vector<double>& params) {
  json answer = {{"model", model}, {"errors", json::array()}};
  const auto fail = [&](const Error& e) {
    answer["errors"].push_back(error_json(e));
    return answer;
  };
  auto x = customer_value(request, "x", 0), t_x = customer_value(request, "t_x", 0),
       T = customer_value(request, "T", 0), spend = customer_value(request, "mean_spend", 0);
  for (const auto* v : {&x, &t_x, &T, &spend})
    if (!v->ok()) return fail(v->error());
  const double cx = x.value(), ct = t_x.value(), cT = T.value();
  if (cx != std::floor(cx) || ct > cT || (cx == 0 && ct > 0))
    return fail(model_error("models_bad_summary",
                            "x, t_x, T cannot be (x whole, 0 <= t_x <= T, t_x = 0 when x = 0).",
                            {{"row", 1}, {"id", "1"}}));
  const double horizon = o.horizon.value_or(o.units_per_year());
  answer["horizon"] = horizon;
  if (model == "gamma_gamma") {
    answer["expected_spend"] =
        finite(gamma_gamma_expected_spend({params[0], params[1], params[2]}, cx, spend.value()));
    return answer;
  }
  CountPredictor predict(model, params, o, horizon);
  const CountPrediction p = predict(cx, ct, cT);
  answer["p_alive"] = finite(p.p_alive);
  answer["expected_purchases"] = finite(p.expected);
  answer["discounted_purchases"] = finite(p.discounted);
  if (model == "bg_nbd" && cx == 0 && cT == 0)
    answer["new_customer_expected"] =
        finite(bg_nbd_expected({params[0], params[1], params[2], params[3]}, horizon));
  return answer;
}

json predict_cohort(const ModelsOptions& o, const std::vector<double>& params) {
  const Sbg m{params[0], params[1]};
  const int periods = static_cast<int>(std::fmin(o.horizon.value_or(10), 1000));
  json rows = json::array();
  const std::vector<double> survival = sbg_survival(m, periods);
  for (int t = 0; t <= periods; ++t)
    rows.push_back({t, survival[t], t > 0 ? json(sbg_retention(m, t)) : json(),
                    t > 0 ? finite(sbg_derl(m, t, o.discount_rate)) : json()});
  return {{"model", "sbg"},
          {"columns", {"period", "survival", "retention", "derl"}},
          {"rows", std::move(rows)},
          {"discounted_expected_lifetime", finite(sbg_del(m, o.discount_rate))},
          {"expected_lifetime_value", finite(o.payment * o.margin * sbg_del(m, o.discount_rate))},
          {"errors", json::array()}};
}

}  // namespace

json predict_models(const json& request) {
  json answer = {{"errors", json::array()}};
  const auto fail = [&](const Error& e) {
    answer["errors"].push_back(error_json(e));
    return answer;
  };
  if (!request.is_object())
    return fail(model_error("models_bad_request", "The request is not a JSON object."));
  const auto model_it = request.find("model");
  const std::string model =
      model_it != request.end() && model_it->is_string() ? model_it->get<std::string>() : "";
  const std::vector<std::string> names =
      model == "bg_nbd"        ? std::vector<std::string>{"r", "alpha", "a", "b"}
      : model == "pareto_nbd"  ? std::vector<std::string>{"r", "alpha", "s", "beta"}
      : model == "gamma_gamma" ? std::vector<std::string>{"p", "q", "gamma"}
      : model == "sbg"         ? std::vector<std::string>{"alpha", "beta"}
                               : std::vector<std::string>{};
  if (names.empty())
    return fail(model_error("models_unknown_model", "There is no model called " + model + ".",
                            {{"model", model}}));
  json options = request;
  options.erase("model");  // read_options checks "models" only
  auto o = read_options(options);
  if (!o.ok()) return fail(o.error());
  auto params = read_params(request.contains("params") ? request["params"] : json(), names, model);
  if (!params.ok()) return fail(params.error());
  return model == "sbg" ? predict_cohort(o.value(), params.value())
                        : predict_customer(request, model, o.value(), params.value());
}

std::string predict_models(std::string_view request_json) {
  auto request = parse_json(request_json);
  if (!request.ok()) return dump_answer({{"errors", json::array({error_json(request.error())})}});
  return dump_answer(predict_models(request.value()));
}

}  // namespace servimetrics
