// The count models' per-customer predictions, with the (x, T) work cached. BG/NBD: expected and
// discounted purchases are numerator(x, T) / (1 + odds(x, t_x, T)); Pareto/NBD: P(alive) times a
// factor of (x, T) (its discounted sum's survival part depends on T alone). Both models' value is
// the same monthly sum over clv_years at the same rate (docs/MODELS.md).
#include "models/count_predictor.hpp"

#include <cmath>

#include "models/bg_nbd.hpp"
#include "models/pareto_nbd.hpp"

namespace servimetrics::models {
namespace {

// Pareto/NBD: E[Y(t) | alive] / ((r+x)/(alpha+T)) = (beta+T) [1 - ((beta+T)/(beta+T+t))^(s-1)] /
// (s-1), the expected alive time in the next t (the note's eq. 22), and its limit at s = 1.
double pareto_alive_time(double s, double beta_T, double t) {
  if (t <= 0) return 0;
  const double log_ratio = std::log1p(t / beta_T);
  const double s1 = s - 1;
  return beta_T * (std::fabs(s1) < 1e-10 ? log_ratio : -std::expm1(-s1 * log_ratio) / s1);
}

}  // namespace

CountPredictor::CountPredictor(std::string name, std::vector<double> params, const ModelsOptions& o,
                               double horizon, bool with_value, std::size_t kept_T)
    : name_(std::move(name)),
      params_(std::move(params)),
      horizon_(horizon),
      with_value_(with_value),
      step_(o.units_per_year() / 12),
      monthly_rate_(std::pow(1 + o.discount_rate, 1.0 / 12) - 1),
      steps_(static_cast<int>(o.clv_years * 12)) {
  if (name_ == "bg_nbd" && with_value_)
    discounting_.emplace(BgNbd{params_[0], params_[1], params_[2], params_[3]}, step_, steps_,
                         monthly_rate_, kept_T);
  // The monthly sum by parts: sum_k d^k (N_k - N_(k-1)) = sum_k w_k N_k (as BgNbdDiscounting).
  const double d = 1 / (1 + monthly_rate_);
  double power = 1;
  for (int k = 1; k <= steps_ && name_ == "pareto_nbd" && with_value_; ++k) {
    power *= d;
    weights_.push_back(k < steps_ ? power * (1 - d) : power);
  }
}

double CountPredictor::pareto_discounted_time(double T) {
  const auto found = pareto_by_T_.find(T);
  if (found != pareto_by_T_.end()) return found->second;
  double sum = 0;
  for (std::size_t k = 0; k < weights_.size(); ++k)
    sum += weights_[k] * pareto_alive_time(params_[2], params_[3] + T, double(k + 1) * step_);
  return pareto_by_T_[T] = sum;
}

CountPredictor::Shared CountPredictor::shared_for(double x, double T) {
  const auto& v = params_;
  Shared s;
  if (name_ == "bg_nbd") {
    const BgNbd p{v[0], v[1], v[2], v[3]};
    s.expected = bg_nbd_expected_numerator(p, x, T, horizon_);
    if (discounting_) s.discounted = discounting_->numerator(x, T);
  } else {
    // E[Y(t)] / P(alive) = (r+x)/(alpha+T) x the expected alive time in t; discounted: the
    // monthly sum of that time's increments.
    const double rate = (v[0] + x) / (v[1] + T);
    s.expected = rate * pareto_alive_time(v[2], v[3] + T, horizon_);
    if (with_value_) s.discounted = rate * pareto_discounted_time(T);
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
