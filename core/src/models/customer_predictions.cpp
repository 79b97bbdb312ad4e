// Per-customer predictions and the holdout check. CLV = margin x expected spend (Gamma-Gamma) x
// discounted expected purchases: Pareto/NBD's DET (continuous discounting, unbounded future),
// BG/NBD's monthly discrete sum over clv_years (docs/MODELS.md).
#include "models/customer_predictions.hpp"

#include <cmath>

#include "models/bg_nbd.hpp"
#include "models/gamma_gamma.hpp"
#include "models/pareto_nbd.hpp"

namespace servimetrics::models {
namespace {

using json = nlohmann::json;

const ModelFit* converged_fit(const std::vector<ModelFit>& fits, const char* name) {
  for (const ModelFit& f : fits)
    if (f.name == name && f.converged) return &f;
  return nullptr;
}

struct Prediction {
  double p_alive, expected, discounted;
};

// One model's answers for customer i; `horizon` in time units.
Prediction predict(const ModelFit& fit, const CustomerSummaries& c, std::size_t i, double horizon,
                   const ModelsOptions& o, bool with_value = true) {
  const double x = c.x[i], tx = c.t_x[i], T = c.T[i];
  const auto& v = fit.params;
  if (fit.name == "bg_nbd") {
    const BgNbd p{v[0], v[1], v[2], v[3]};
    const double step = o.units_per_year() / 12;
    const double monthly = std::pow(1 + o.discount_rate, 1.0 / 12) - 1;
    return {bg_nbd_p_alive(p, x, tx, T), bg_nbd_conditional_expected(p, x, tx, T, horizon),
            with_value ? bg_nbd_discounted_purchases(p, x, tx, T, step,
                                                     static_cast<int>(o.clv_years * 12), monthly)
                       : NAN};
  }
  const ParetoNbd p{v[0], v[1], v[2], v[3]};
  const double delta = std::log1p(o.discount_rate) / o.units_per_year();
  return {pareto_nbd_customer(p, x, tx, T).p_alive,
          pareto_nbd_conditional_expected(p, x, tx, T, horizon),
          with_value && delta > 0 ? pareto_nbd_discounted_purchases(p, x, tx, T, delta) : NAN};
}

}  // namespace

json finite(double v) {
  return std::isfinite(v) ? json(v) : json();
}

void add_customer_table(json& answer, const CustomerSummaries& c, const std::vector<ModelFit>& fits,
                        const ModelsOptions& o) {
  json columns = {"id", "x", "t_x", "T", "mean_spend"};
  std::vector<const ModelFit*> counting;
  for (const char* name : {"bg_nbd", "pareto_nbd"}) {
    if (const ModelFit* f = converged_fit(fits, name)) {
      counting.push_back(f);
      for (const char* what : {"_p_alive", "_expected", "_clv"})
        columns.push_back(name + std::string(what));
    }
  }
  const ModelFit* spend = converged_fit(fits, "gamma_gamma");
  if (spend) columns.push_back("expected_spend");
  const double horizon = o.horizon.value_or(o.units_per_year());
  json rows = json::array();
  for (std::size_t i = 0; i < c.size(); ++i) {
    json row = {c.ids[i], c.x[i], c.t_x[i], c.T[i], c.mean_spend[i]};
    const double m =
        spend ? gamma_gamma_expected_spend({spend->params[0], spend->params[1], spend->params[2]},
                                           c.x[i], c.mean_spend[i])
              : NAN;
    for (const ModelFit* f : counting) {
      const Prediction p = predict(*f, c, i, horizon, o);
      row.push_back(finite(p.p_alive));
      row.push_back(finite(p.expected));
      row.push_back(finite(o.margin * m * p.discounted));
    }
    if (spend) row.push_back(finite(m));
    rows.push_back(std::move(row));
  }
  answer["customer_columns"] = std::move(columns);
  answer["customers"] = std::move(rows);
  answer["horizon"] = horizon;
}

void add_holdout(json& answer, const CustomerSummaries& c, const std::vector<ModelFit>& fits,
                 const ModelsOptions& o) {
  if (!o.holdout || c.size() == 0) return;
  for (double h : c.x_holdout)
    if (h < 0) return;
  json by_model = json::array();
  for (const char* name : {"bg_nbd", "pareto_nbd"}) {
    const ModelFit* f = converged_fit(fits, name);
    if (!f) continue;
    constexpr int kBins = 8;  // calibration frequency 0, 1, ..., 6, 7+
    double count[kBins] = {}, actual[kBins] = {}, predicted[kBins] = {};
    double abs_error = 0, total_actual = 0, total_predicted = 0;
    for (std::size_t i = 0; i < c.size(); ++i) {
      const double e = predict(*f, c, i, *o.holdout, o, false).expected;
      const int bin = static_cast<int>(std::fmin(c.x[i], kBins - 1));
      count[bin] += 1;
      actual[bin] += c.x_holdout[i];
      predicted[bin] += e;
      abs_error += std::fabs(e - c.x_holdout[i]);
      total_actual += c.x_holdout[i];
      total_predicted += e;
    }
    json bins = json::array();
    for (int b = 0; b < kBins; ++b)
      bins.push_back({{"frequency", b},
                      {"customers", count[b]},
                      {"mean_actual", finite(actual[b] / count[b])},
                      {"mean_predicted", finite(predicted[b] / count[b])}});
    by_model.push_back({{"model", name},
                        {"by_frequency", std::move(bins)},
                        {"mean_absolute_error", finite(abs_error / double(c.size()))},
                        {"total_actual", total_actual},
                        {"total_predicted", finite(total_predicted)},
                        {"total_error", finite((total_predicted - total_actual) / total_actual)}});
  }
  answer["holdout"] = {{"length", *o.holdout}, {"models", std::move(by_model)}};
}

}  // namespace servimetrics::models
