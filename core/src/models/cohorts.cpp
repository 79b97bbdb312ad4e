// Cohort tables: each customer's acquisition month and the months it was active (with revenue),
// summed into the cohort x months-since grid.
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

// The cohort x months-since grid of sizes, active customers and revenue.
struct Grid {
  std::int64_t first = INT64_MAX, last = INT64_MIN;
  std::size_t cohorts = 0, columns = 0;
  std::vector<double> size, active, revenue;
  void shape(int max_months) {
    cohorts = static_cast<std::size_t>(last - first + 1);
    columns = static_cast<std::size_t>(std::min<std::int64_t>(last - first + 1, max_months));
    size.assign(cohorts, 0);
    active.assign(cohorts * columns, 0);
    revenue.assign(cohorts * columns, 0);
  }
};

// A transaction line's value (NaN: unknown), or below 0 for a return.
double transaction_value(const ImportedColumn* amount, const ImportedColumn* quantity,
                         const ImportedColumn* price, std::size_t row) {
  double value = amount && std::isfinite(amount->numbers[row]) ? amount->numbers[row] : NAN;
  if (std::isnan(value) && quantity && price) value = quantity->numbers[row] * price->numbers[row];
  return value;
}

// Transactions in two passes over the rows with flat arrays by customer code (a million customers
// cost their first month and a bit per month since, not a map of vectors): each customer's first
// month, then each purchase into its cell, a customer counted once per month by its bit.
Result<Grid> transaction_grid(const ImportedTable& table, int max_months) {
  const ImportedColumn* customer = table.column("customer_id");
  const ImportedColumn* date = table.column("date");
  if (!customer || !date || customer->type != FieldType::text || date->type != FieldType::date)
    return model_error("models_needs_transactions",
                       "Customer-base models need a transactions table with customer and date.");
  const ImportedColumn* amount = table.column("amount");
  const ImportedColumn* quantity = table.column("quantity");
  const ImportedColumn* price = table.column("unit_price");
  const auto purchase = [&](std::size_t row) {
    return customer->codes[row] != kNoCode && date->times[row] != kNoTime &&
           !(transaction_value(amount, quantity, price, row) < 0);
  };
  Grid g;
  std::vector<std::int64_t> first(customer->dictionary.size(), INT64_MAX);
  for (std::size_t row = 0; row < table.rows(); ++row) {
    if (!purchase(row)) continue;
    const std::int64_t month = month_of(date->times[row]);
    std::int64_t& f = first[customer->codes[row]];
    f = std::min(f, month);
    g.first = std::min(g.first, month);
    g.last = std::max(g.last, month);
  }
  if (g.last == INT64_MIN) return g;
  g.shape(max_months);
  for (std::int64_t f : first)
    if (f != INT64_MAX) g.size[static_cast<std::size_t>(f - g.first)] += 1;
  const std::size_t words = (g.columns + 63) / 64;
  std::vector<std::uint64_t> seen(first.size() * words, 0);
  for (std::size_t row = 0; row < table.rows(); ++row) {
    if (!purchase(row)) continue;
    const std::uint32_t code = customer->codes[row];
    const auto since = static_cast<std::size_t>(month_of(date->times[row]) - first[code]);
    if (since >= g.columns) continue;
    const std::size_t cell = static_cast<std::size_t>(first[code] - g.first) * g.columns + since;
    const double value = transaction_value(amount, quantity, price, row);
    g.revenue[cell] += std::isfinite(value) ? value : 0;
    std::uint64_t& bits = seen[code * words + since / 64];
    const std::uint64_t bit = std::uint64_t{1} << (since % 64);
    if ((bits & bit) == 0) g.active[cell] += 1;
    bits |= bit;
  }
  return g;
}

Result<Grid> subscription_grid(const ImportedTable& table, int max_months) {
  Grid g;
  auto activity = subscription_activity(table, g.last);
  if (!activity.ok()) return activity.error();
  for (const auto& [code, a] : activity.value()) g.first = std::min(g.first, a.first);
  if (activity.value().empty()) {
    g.last = INT64_MIN;
    return g;
  }
  g.shape(max_months);
  std::vector<std::int64_t> seen;
  for (auto& [code, a] : activity.value()) {
    const auto row = static_cast<std::size_t>(a.first - g.first);
    g.size[row] += 1;
    seen.clear();
    for (const auto& [month, value] : a.months) {
      const auto since = static_cast<std::size_t>(month - a.first);
      if (since >= g.columns) continue;
      g.revenue[row * g.columns + since] += value;
      seen.push_back(month);
    }
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    for (std::int64_t month : seen)
      g.active[row * g.columns + static_cast<std::size_t>(month - a.first)] += 1;
  }
  return g;
}

}  // namespace

Result<json> cohort_table(const ImportedTable& table, int max_months) {
  auto grid = table.kind == "subscriptions" ? subscription_grid(table, max_months)
                                            : transaction_grid(table, max_months);
  if (!grid.ok()) return grid.error();
  const Grid& g = grid.value();
  if (g.last == INT64_MIN) return json{{"cohorts", json::array()}};
  json names = json::array(), sizes = json::array(), active_rows = json::array(),
       revenue_rows = json::array();
  for (std::size_t r = 0; r < g.cohorts; ++r) {
    names.push_back(period_key_from_index(g.first + static_cast<std::int64_t>(r), Period::month));
    sizes.push_back(g.size[r]);
    json a = json::array(), v = json::array();
    for (std::size_t k = 0; k < g.columns; ++k) {
      const bool observed = g.first + static_cast<std::int64_t>(r + k) <= g.last;
      a.push_back(observed ? json(g.active[r * g.columns + k]) : json());
      v.push_back(observed ? finite(g.revenue[r * g.columns + k]) : json());
    }
    active_rows.push_back(std::move(a));
    revenue_rows.push_back(std::move(v));
  }
  return json{{"cohorts", std::move(names)},
              {"customers", std::move(sizes)},
              {"months_since", g.columns},
              {"active", std::move(active_rows)},
              {"revenue", std::move(revenue_rows)}};
}

}  // namespace servimetrics::models
