// The count models' per-customer predictions, with the (x, T) work cached. BG/NBD: expected and
// discounted purchases are numerator(x, T) / (1 + odds(x, t_x, T)); Pareto/NBD: P(alive) times a
// factor of (x, T) (its DET's integral depends on T alone).
#include "models/count_predictor.hpp"

#include <cmath>

#include "models/bg_nbd.hpp"
#include "models/pareto_nbd.hpp"
#include "models/special_functions.hpp"

namespace servimetrics::models {

CountPredictor::CountPredictor(std::string name, std::vector<double> params, const ModelsOptions& o,
                               double horizon, bool with_value)
    : name_(std::move(name)),
      params_(std::move(params)),
      horizon_(horizon),
      with_value_(with_value),
      step_(o.units_per_year() / 12),
      monthly_rate_(std::pow(1 + o.discount_rate, 1.0 / 12) - 1),
      delta_(std::log1p(o.discount_rate) / o.units_per_year()),
      steps_(static_cast<int>(o.clv_years * 12)) {}

CountPredictor::Shared CountPredictor::shared_for(double x, double T) const {
  const auto& v = params_;
  Shared s;
  if (name_ == "bg_nbd") {
    const BgNbd p{v[0], v[1], v[2], v[3]};
    s.expected = bg_nbd_expected_numerator(p, x, T, horizon_);
    if (with_value_)
      s.discounted = bg_nbd_discounted_numerator(p, x, T, step_, steps_, monthly_rate_);
  } else {
    // E[Y(t)] / P(alive) = (r+x)/(alpha+T) (beta+T) [1 - ((beta+T)/(beta+T+t))^(s-1)] / (s-1).
    const double r = v[0], alpha = v[1], s1 = v[2] - 1, beta = v[3];
    const double rate = (r + x) / (alpha + T) * (beta + T);
    const double log_ratio = std::log1p(horizon_ / (beta + T));
    s.expected = horizon_ <= 0 ? 0
                               : rate * (std::fabs(s1) < 1e-10 ? log_ratio
                                                               : -std::expm1(-s1 * log_ratio) / s1);
    if (with_value_ && delta_ > 0)
      s.discounted = rate * discounted_survival_integral(v[2], delta_ * (beta + T));
  }
  return s;
}

CountPrediction CountPredictor::operator()(double x, double t_x, double T) {
  auto found = by_x_T_.find({x, T});
  if (found == by_x_T_.end()) found = by_x_T_.emplace(std::pair{x, T}, shared_for(x, T)).first;
  return combine(found->second, x, t_x, T);
}

CountPrediction CountPredictor::combine(const Shared& s, double x, double t_x, double T) const {
  const auto& v = params_;
  if (name_ == "bg_nbd") {
    const double denominator = 1 + bg_nbd_dropout_odds({v[0], v[1], v[2], v[3]}, x, t_x, T);
    return {1 / denominator, s.expected / denominator, s.discounted / denominator};
  }
  const double alive = pareto_nbd_customer({v[0], v[1], v[2], v[3]}, x, t_x, T).p_alive;
  return {alive, alive * s.expected, alive * s.discounted};
}

}  // namespace servimetrics::models
