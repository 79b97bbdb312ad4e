// Cohort tables. One pass over the rows to find each customer's acquisition month and the months
// it was active (with revenue), then a sum into the cohort x months-since grid.
#include "models/cohorts.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>
#include <vector>

#include "cells/calendar.hpp"
#include "models/customer_predictions.hpp"

namespace servimetrics::models {
namespace {

using json = nlohmann::json;

std::int64_t month_of(Timestamp t) {
  return period_index(t, Period::month);
}

// One customer's activity: (month, revenue) entries, possibly several per month.
struct Activity {
  std::int64_t first = INT64_MAX;
  std::vector<std::pair<std::int64_t, double>> months;
};

using Activities = std::unordered_map<std::uint32_t, Activity>;

Result<Activities> transaction_activity(const ImportedTable& table, std::int64_t& last) {
  const ImportedColumn* customer = table.column("customer_id");
  const ImportedColumn* date = table.column("date");
  if (!customer || !date || customer->type != FieldType::text || date->type != FieldType::date)
    return model_error("models_needs_transactions",
                       "Customer-base models need a transactions table with customer and date.");
  const ImportedColumn* amount = table.column("amount");
  const ImportedColumn* quantity = table.column("quantity");
  const ImportedColumn* price = table.column("unit_price");
  Activities out;
  for (std::size_t row = 0; row < table.rows(); ++row) {
    if (customer->codes[row] == kNoCode || date->times[row] == kNoTime) continue;
    double value = amount && std::isfinite(amount->numbers[row]) ? amount->numbers[row] : NAN;
    if (std::isnan(value) && quantity && price)
      value = quantity->numbers[row] * price->numbers[row];
    if (value < 0) continue;  // a return: not a purchase
    const std::int64_t month = month_of(date->times[row]);
    Activity& a = out[customer->codes[row]];
    a.first = std::min(a.first, month);
    a.months.emplace_back(month, std::isfinite(value) ? value : 0);
    last = std::max(last, month);
  }
  return out;
}

Result<Activities> subscription_activity(const ImportedTable& table, std::int64_t& last) {
  const ImportedColumn* customer = table.column("customer_id");
  const ImportedColumn* start = table.column("start_date");
  if (!customer || !start || start->type != FieldType::date)
    return model_error("models_needs_start_dates",
                       "Survival curves need subscriptions with a start date.");
  const ImportedColumn* end = table.column("end_date");
  const ImportedColumn* revenue = table.column("recurring_revenue");
  for (std::size_t row = 0; row < table.rows(); ++row)
    for (const ImportedColumn* c : {start, end})
      if (c && c->times[row] != kNoTime) last = std::max(last, month_of(c->times[row]));
  Activities out;
  for (std::size_t row = 0; row < table.rows(); ++row) {
    if (customer->codes[row] == kNoCode || start->times[row] == kNoTime) continue;
    const std::int64_t from = month_of(start->times[row]);
    const Timestamp e = end ? end->times[row] : kNoTime;
    const std::int64_t to = e == kNoTime ? last : std::min(last, month_of(e));
    const double monthly =
        revenue && std::isfinite(revenue->numbers[row]) ? revenue->numbers[row] : 0;
    Activity& a = out[customer->codes[row]];
    a.first = std::min(a.first, from);
    for (std::int64_t m = from; m <= to; ++m) a.months.emplace_back(m, monthly);
  }
  return out;
}

}  // namespace

Result<json> cohort_table(const ImportedTable& table, int max_months) {
  std::int64_t last = INT64_MIN;
  auto activity = table.kind == "subscriptions" ? subscription_activity(table, last)
                                                : transaction_activity(table, last);
  if (!activity.ok()) return activity.error();
  std::int64_t first = INT64_MAX;
  for (const auto& [code, a] : activity.value()) first = std::min(first, a.first);
  if (activity.value().empty()) return json{{"cohorts", json::array()}};
  const auto cohorts = static_cast<std::size_t>(last - first + 1);
  const auto columns =
      static_cast<std::size_t>(std::min<std::int64_t>(last - first + 1, max_months));
  std::vector<double> size(cohorts, 0), active(cohorts * columns, 0), revenue(cohorts * columns, 0);
  std::vector<std::int64_t> seen;
  for (auto& [code, a] : activity.value()) {
    const auto row = static_cast<std::size_t>(a.first - first);
    size[row] += 1;
    seen.clear();
    for (const auto& [month, value] : a.months) {
      const auto since = static_cast<std::size_t>(month - a.first);
      if (since >= columns) continue;
      revenue[row * columns + since] += value;
      seen.push_back(month);
    }
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    for (std::int64_t month : seen)
      active[row * columns + static_cast<std::size_t>(month - a.first)] += 1;
  }
  json names = json::array(), sizes = json::array(), active_rows = json::array(),
       revenue_rows = json::array();
  for (std::size_t r = 0; r < cohorts; ++r) {
    names.push_back(period_key_from_index(first + static_cast<std::int64_t>(r), Period::month));
    sizes.push_back(size[r]);
    json a = json::array(), v = json::array();
    for (std::size_t k = 0; k < columns; ++k) {
      const bool observed = first + static_cast<std::int64_t>(r + k) <= last;
      a.push_back(observed ? json(active[r * columns + k]) : json());
      v.push_back(observed ? finite(revenue[r * columns + k]) : json());
    }
    active_rows.push_back(std::move(a));
    revenue_rows.push_back(std::move(v));
  }
  return json{{"cohorts", std::move(names)},
              {"customers", std::move(sizes)},
              {"months_since", columns},
              {"active", std::move(active_rows)},
              {"revenue", std::move(revenue_rows)}};
}

}  // namespace servimetrics::models
