// The request of fit_models(), read once and checked: which models, the data, the options.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "models/model_fit.hpp"
#include "servimetrics/models.hpp"

namespace servimetrics::models {

struct ModelsOptions {
  std::vector<std::string> models;  // empty: what the data allow
  std::string time_unit = "week";
  double days_per_unit = 7;
  std::optional<double> horizon;  // time units; default one year
  std::optional<double> holdout;  // time units x_holdout covers
  double margin = 1;
  double discount_rate = 0.1;
  double clv_years = 10;
  double payment = 1;
  std::optional<std::size_t> customer_rows;  // customers listed in the answer; all by default
  int interval_draws = 0;                    // 0: no intervals
  std::uint64_t interval_seed = 1;
  [[nodiscard]] double units_per_year() const { return 365.25 / days_per_unit; }
  [[nodiscard]] bool wants(const std::string& model) const;
};

struct ModelsData {
  std::optional<CustomerSummaries> customers;
  std::vector<double> survival;
  std::vector<double> durations;
  std::vector<bool> ended;
  bool has_durations = false;  // given, even if empty
};

// Options shared by every path (the table's too); errors say which option is wrong.
Result<ModelsOptions> read_options(const nlohmann::json& request);
// The data of a JSON request: customers' columns, a survival table, durations.
Result<ModelsData> read_data(const nlohmann::json& request);

// Fits what the options ask (or what the data allow) and adds it to `answer` (fit_models.cpp).
// With `columns`, the chosen count model's predictions per customer (and their intervals) go
// there rather than into the answer's rows.
nlohmann::json fit_data(const ModelsOptions& options, const ModelsData& data,
                        nlohmann::json answer = nullptr, CustomerColumns* columns = nullptr);

}  // namespace servimetrics::models
