// Per-customer predictions, the customer base's totals and the holdout check. CLV = margin x
// expected spend (Gamma-Gamma) x discounted expected purchases, for both count models the same
// monthly sum over clv_years at discount_rate a year (docs/MODELS.md): the base's value does not
// jump when the chosen model changes.
#include "models/customer_predictions.hpp"

#include <algorithm>
#include <cmath>

#include "models/count_predictor.hpp"
#include "models/gamma_gamma.hpp"

namespace servimetrics::models {
namespace {

using json = nlohmann::json;

constexpr int kAliveBins = 10;  // the P(alive) distribution: [0, 0.1), ..., [0.9, 1]

// A count model's totals over the customers: the base's value, purchases and P(alive) spread.
struct BaseTotals {
  double expected = 0, value = 0, probably_lost = 0;
  bool value_known = true;
  std::vector<double> alive_bins = std::vector<double>(kAliveBins, 0.0);
};

json base_json(const std::string& name, const BaseTotals& t, std::size_t customers) {
  return {{"model", name},
          {"customers", customers},
          {"expected_purchases", finite(t.expected)},
          {"value", t.value_known ? finite(t.value) : json()},
          {"probably_lost", t.probably_lost},
          {"probably_lost_share", finite(t.probably_lost / double(customers))},
          {"p_alive_histogram", t.alive_bins}};
}

}  // namespace

json finite(double v) {
  return std::isfinite(v) ? json(v) : json();
}

const ModelFit* converged_fit(const std::vector<ModelFit>& fits, const char* name) {
  for (const ModelFit& f : fits)
    if (f.name == name && f.converged) return &f;
  return nullptr;
}

void add_customer_table(json& answer, const CustomerSummaries& c, const std::vector<ModelFit>& fits,
                        const ModelsOptions& o, std::vector<PredictionColumns>* kept) {
  json columns = {"id", "x", "t_x", "T", "mean_spend"};
  const double horizon = o.horizon.value_or(o.units_per_year());
  std::vector<CountPredictor> counting;
  std::vector<std::string> names;
  // Without a spend model there is no CLV: the discounted purchases are not worked out.
  const ModelFit* spend = converged_fit(fits, "gamma_gamma");
  for (const char* name : {"bg_nbd", "pareto_nbd"}) {
    if (const ModelFit* f = converged_fit(fits, name)) {
      counting.emplace_back(name, f->params, o, horizon, spend != nullptr);
      names.emplace_back(name);
      for (const char* what : {"_p_alive", "_expected", "_clv"})
        columns.push_back(name + std::string(what));
    }
  }
  if (spend) columns.push_back("expected_spend");
  std::vector<BaseTotals> totals(counting.size());
  if (kept) {
    kept->assign(counting.size(), {});
    for (std::size_t k = 0; k < counting.size(); ++k) {
      (*kept)[k].model = names[k];
      for (auto* column : {&(*kept)[k].p_alive, &(*kept)[k].expected, &(*kept)[k].clv})
        column->resize(c.size());
    }
  }
  const std::size_t listed = std::min(c.size(), o.customer_rows.value_or(c.size()));
  json rows = json::array();
  for (std::size_t i = 0; i < c.size(); ++i) {
    json row = i < listed ? json{c.ids[i], c.x[i], c.t_x[i], c.T[i], c.mean_spend[i]} : json();
    const double m =
        spend ? gamma_gamma_expected_spend({spend->params[0], spend->params[1], spend->params[2]},
                                           c.x[i], c.mean_spend[i])
              : NAN;
    for (std::size_t k = 0; k < counting.size(); ++k) {
      const CountPrediction p = counting[k](c.x[i], c.t_x[i], c.T[i]);
      const double clv = o.margin * m * p.discounted;
      BaseTotals& t = totals[k];
      t.expected += std::isfinite(p.expected) ? p.expected : 0;
      t.value_known = t.value_known && std::isfinite(clv);
      t.value += std::isfinite(clv) ? clv : 0;
      t.probably_lost += p.p_alive < 0.5 ? 1 : 0;
      if (std::isfinite(p.p_alive))
        t.alive_bins[std::clamp(static_cast<int>(p.p_alive * kAliveBins), 0, kAliveBins - 1)] += 1;
      if (kept) {
        (*kept)[k].p_alive[i] = p.p_alive;
        (*kept)[k].expected[i] = p.expected;
        (*kept)[k].clv[i] = clv;
      }
      if (i >= listed) continue;
      row.push_back(finite(p.p_alive));
      row.push_back(finite(p.expected));
      row.push_back(finite(clv));
    }
    if (i >= listed) continue;
    if (spend) row.push_back(finite(m));
    rows.push_back(std::move(row));
  }
  json base = json::array();
  for (std::size_t k = 0; k < counting.size(); ++k)
    base.push_back(base_json(names[k], totals[k], c.size()));
  answer["customer_columns"] = std::move(columns);
  answer["customers"] = std::move(rows);
  answer["customers_total"] = c.size();
  answer["horizon"] = horizon;
  answer["clv_years"] = o.clv_years;  // the value's horizon and rate, stated beside it
  answer["discount_rate"] = o.discount_rate;
  answer["base"] = std::move(base);
}

void add_holdout(json& answer, const CustomerSummaries& c, const std::vector<ModelFit>& fits,
                 const ModelsOptions& o) {
  if (!o.holdout || c.size() == 0 || c.x_holdout.size() != c.size()) return;
  for (double h : c.x_holdout)
    if (h < 0) return;
  json by_model = json::array();
  for (const char* name : {"bg_nbd", "pareto_nbd"}) {
    const ModelFit* f = converged_fit(fits, name);
    if (!f) continue;
    CountPredictor predict(name, f->params, o, *o.holdout, false);
    constexpr int kBins = 8;  // calibration frequency 0, 1, ..., 6, 7+
    double count[kBins] = {}, actual[kBins] = {}, predicted[kBins] = {};
    double abs_error = 0, total_actual = 0, total_predicted = 0;
    for (std::size_t i = 0; i < c.size(); ++i) {
      const double e = predict(c.x[i], c.t_x[i], c.T[i]).expected;
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
