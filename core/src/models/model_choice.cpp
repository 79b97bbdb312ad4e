// The choice between the two count models, read off the answer's fits and holdout check.
#include "models/model_choice.hpp"

#include <cmath>
#include <string>

namespace servimetrics::models {
namespace {

using json = nlohmann::json;

const json* find_by(const json& list, const char* key, const std::string& value) {
  if (!list.is_array()) return nullptr;
  for (const json& item : list)
    if (item.value(key, std::string()) == value) return &item;
  return nullptr;
}

double number(const json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_number() ? it->get<double>() : NAN;
}

}  // namespace

void add_model_choice(json& answer) {
  const json* fits[2] = {find_by(answer["models"], "name", "bg_nbd"),
                         find_by(answer["models"], "name", "pareto_nbd")};
  for (const json* f : fits)
    if (!f || !f->value("converged", false) || std::isnan(number(*f, "log_likelihood"))) return;
  const double ll[2] = {number(*fits[0], "log_likelihood"), number(*fits[1], "log_likelihood")};
  const int by_likelihood = ll[1] > ll[0] ? 1 : 0;
  const char* names[2] = {"bg_nbd", "pareto_nbd"};
  const json* checks[2] = {nullptr, nullptr};
  if (answer.contains("holdout"))
    for (int k = 0; k < 2; ++k) checks[k] = find_by(answer["holdout"]["models"], "model", names[k]);
  const bool holdout = checks[0] && checks[1] &&
                       !std::isnan(number(*checks[0], "mean_absolute_error")) &&
                       !std::isnan(number(*checks[1], "mean_absolute_error"));
  int chosen = by_likelihood;
  std::string code = "models_choice_likelihood";
  json params = json::object();
  if (holdout) {
    const double mae[2] = {number(*checks[0], "mean_absolute_error"),
                           number(*checks[1], "mean_absolute_error")};
    const bool tie = std::fabs(mae[0] - mae[1]) <= 0.02 * std::fmax(mae[0], mae[1]);
    chosen = tie ? by_likelihood : (mae[1] < mae[0] ? 1 : 0);
    code = tie ? "models_choice_tie" : "models_choice_holdout";
    params["mae"] = mae[chosen];
    params["other_mae"] = mae[1 - chosen];
    params["total_error"] = (*checks[chosen])["total_error"];
    params["other_total_error"] = (*checks[1 - chosen])["total_error"];
  }
  params["model"] = names[chosen];
  params["other"] = names[1 - chosen];
  params["log_likelihood"] = ll[chosen];
  params["other_log_likelihood"] = ll[1 - chosen];
  answer["model_choice"] = {
      {"model", names[chosen]}, {"other", names[1 - chosen]}, {"code", code}, {"params", params}};
}

}  // namespace servimetrics::models
