// What a fitted count model (BG/NBD or Pareto/NBD) says about one customer: P(alive), expected
// purchases over a horizon, discounted expected purchases (both models: each month's purchases
// over clv_years discounted at the year's rate compounded monthly); the work shared by customers
// with the same (x, T) is done once for them (a million customers have a few thousand such pairs).
#pragma once

#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "models/bg_nbd_discounting.hpp"
#include "models/model_fit.hpp"
#include "models/models_request.hpp"

namespace servimetrics::models {

struct CountPrediction {
  double p_alive = NAN, expected = NAN, discounted = NAN;
};

class CountPredictor {
 public:
  // `name` "bg_nbd" or "pareto_nbd" with its natural parameters; `horizon` in time units; without
  // `with_value` the discounted purchases are not computed (NaN).
  // `kept_T`: how many T's discounting moments the BG/NBD keeps (1 for callers going through the
  // customers in order of T).
  CountPredictor(std::string name, std::vector<double> params, const ModelsOptions& options,
                 double horizon, bool with_value = true, std::size_t kept_T = SIZE_MAX);
  CountPrediction operator()(double x, double t_x, double T);

  // The two steps of operator(), for callers that group customers by (x, T) themselves.
  struct Shared {
    double expected = NAN, discounted = NAN;
  };
  [[nodiscard]] Shared shared_for(double x, double T);
  [[nodiscard]] CountPrediction combine(const Shared& s, double x, double t_x, double T) const;

 private:
  // Pareto/NBD: sum_k w_k x the expected alive time in the first k months, once per T.
  double pareto_discounted_time(double T);

  std::string name_;
  std::vector<double> params_;
  double horizon_;
  bool with_value_;
  double step_, monthly_rate_;  // both models' monthly sum: a month in time units, its rate
  int steps_;
  std::map<std::pair<double, double>, Shared> by_x_T_;
  std::optional<BgNbdDiscounting> discounting_;
  std::vector<double> weights_;  // Pareto/NBD's monthly weights w_k
  std::map<double, double> pareto_by_T_;
};

}  // namespace servimetrics::models
