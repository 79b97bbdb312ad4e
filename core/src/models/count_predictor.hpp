// What a fitted count model (BG/NBD or Pareto/NBD) says about one customer: P(alive), expected
// purchases over a horizon, discounted expected purchases; the work shared by customers with the
// same (x, T) is done once for them (a million customers have a few thousand such pairs).
#pragma once

#include <cmath>
#include <map>
#include <string>
#include <utility>
#include <vector>

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
  CountPredictor(std::string name, std::vector<double> params, const ModelsOptions& options,
                 double horizon, bool with_value = true);
  CountPrediction operator()(double x, double t_x, double T);

  // The two steps of operator(), for callers that group customers by (x, T) themselves.
  struct Shared {
    double expected = NAN, discounted = NAN;
  };
  [[nodiscard]] Shared shared_for(double x, double T) const;
  [[nodiscard]] CountPrediction combine(const Shared& s, double x, double t_x, double T) const;

 private:
  std::string name_;
  std::vector<double> params_;
  double horizon_;
  bool with_value_;
  double step_, monthly_rate_, delta_;  // BG/NBD's monthly sum; Pareto/NBD's continuous rate
  int steps_;
  std::map<std::pair<double, double>, Shared> by_x_T_;
};

}  // namespace servimetrics::models
