// Each customer's predictions as columns: the same CountPredictor and Gamma-Gamma spend as the
// answer's rows (customer_predictions.cpp), from the parameters the answer reports.
#include "models/customer_columns.hpp"

#include <cmath>
#include <string>
#include <vector>

#include "models/count_predictor.hpp"
#include "models/gamma_gamma.hpp"

namespace servimetrics::models {
namespace {

using json = nlohmann::json;

// A converged fit's parameters from the answer, in the papers' order, or none.
std::vector<double> fitted_params(const json& answer, const std::string& model,
                                  std::initializer_list<const char*> names) {
  for (const json& fit : answer.value("models", json::array())) {
    if (fit.value("name", "") != model || !fit.value("converged", false)) continue;
    std::vector<double> params;
    for (const char* name : names) {
      const json& p = fit["params"][name];
      if (!p.is_number()) return {};
      params.push_back(p.get<double>());
    }
    return params;
  }
  return {};
}

std::string chosen_model(const json& answer) {
  if (answer.contains("model_choice")) return answer["model_choice"].value("model", "");
  const json base = answer.value("base", json::array());
  return base.empty() ? "" : base[0].value("model", "");
}

// The intervals' P5 and P95 per customer when they are of `model`; the rows are then emptied.
void take_intervals(json& answer, const std::string& model, std::size_t customers,
                    CustomerColumns& out) {
  if (!answer.contains("intervals") || answer["intervals"].value("model", "") != model) return;
  json& rows = answer["intervals"]["customers"];
  if (!rows.is_array() || rows.size() != customers) return;
  out.clv_p5.assign(customers, NAN);
  out.clv_p95.assign(customers, NAN);
  for (std::size_t i = 0; i < customers; ++i) {
    if (!rows[i].is_array() || rows[i].size() != 3) continue;
    if (rows[i][0].is_number()) out.clv_p5[i] = rows[i][0].get<double>();
    if (rows[i][2].is_number()) out.clv_p95[i] = rows[i][2].get<double>();
  }
  rows = json::array();
}

}  // namespace

void fill_customer_columns(json& answer, CustomerSummaries& c, const ModelsOptions& o,
                           CustomerColumns& out) {
  out = {};
  const std::size_t n = c.size();
  out.id_ends.reserve(n);
  for (const std::string& id : c.ids) {
    out.ids += id;
    out.id_ends.push_back(static_cast<std::uint32_t>(out.ids.size()));
  }
  const std::string model = chosen_model(answer);
  const std::vector<double> count =
      model == "bg_nbd"       ? fitted_params(answer, model, {"r", "alpha", "a", "b"})
      : model == "pareto_nbd" ? fitted_params(answer, model, {"r", "alpha", "s", "beta"})
                              : std::vector<double>{};
  const std::vector<double> spend = fitted_params(answer, "gamma_gamma", {"p", "q", "gamma"});
  if (!count.empty()) {
    out.model = model;
    CountPredictor predict(model, count, o, o.horizon.value_or(o.units_per_year()));
    out.p_alive.resize(n);
    out.expected.resize(n);
    out.clv.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      const CountPrediction p = predict(c.x[i], c.t_x[i], c.T[i]);
      const double m = spend.empty() ? NAN
                                     : gamma_gamma_expected_spend({spend[0], spend[1], spend[2]},
                                                                  c.x[i], c.mean_spend[i]);
      out.p_alive[i] = p.p_alive;
      out.expected[i] = p.expected;
      out.clv[i] = o.margin * m * p.discounted;
    }
    take_intervals(answer, model, n, out);
  }
  out.x = std::move(c.x);
  out.t_x = std::move(c.t_x);
  out.T = std::move(c.T);
  out.mean_spend = std::move(c.mean_spend);
  answer["customers"] = json::array();
}

}  // namespace servimetrics::models
