// Customer summaries from transaction rows: a counting sort of the purchase rows by customer (4
// bytes a row), then one pass per customer over its purchase days.
#include "models/customer_summary.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace servimetrics::models {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

std::int64_t day_number(Timestamp t) {
  return t >= 0 ? t / kSecondsPerDay : -((-t + kSecondsPerDay - 1) / kSecondsPerDay);
}

struct Line {
  std::int64_t day;
  double value;  // NaN: unknown
};

double line_value(const ImportedColumn* amount, const ImportedColumn* quantity,
                  const ImportedColumn* price, std::size_t row) {
  if (amount && std::isfinite(amount->numbers[row])) return amount->numbers[row];
  if (quantity && price && std::isfinite(quantity->numbers[row]) &&
      std::isfinite(price->numbers[row]))
    return quantity->numbers[row] * price->numbers[row];
  return NAN;
}

// Adds one customer's summary from its lines, sorted by day.
void summarize_one(const std::vector<Line>& lines, std::int64_t cal_day, std::int64_t holdout_day,
                   double unit, std::string_view id, CustomerSummaries& out) {
  const std::int64_t first = lines.front().day;
  double x = 0, last = 0, spend = 0, spend_days = 0, holdout = 0;
  for (std::size_t i = 0; i < lines.size();) {
    const std::int64_t day = lines[i].day;
    double value = 0;
    bool known = false;
    for (; i < lines.size() && lines[i].day == day; ++i) {
      if (std::isnan(lines[i].value)) continue;
      value += lines[i].value;
      known = true;
    }
    if (day > cal_day) {
      holdout += day <= holdout_day ? 1 : 0;
      continue;
    }
    if (day == first) continue;
    x += 1;
    last = static_cast<double>(day - first);
    if (known) {
      spend += value;
      spend_days += 1;
    }
  }
  out.ids.emplace_back(id);
  out.x.push_back(x);
  out.t_x.push_back(last / unit);
  out.T.push_back(static_cast<double>(cal_day - first) / unit);
  out.mean_spend.push_back(spend_days > 0 ? spend / spend_days : 0);
  if (holdout_day != INT64_MIN) out.x_holdout.push_back(holdout);
}

// The purchase rows of each customer code, in file order: ends[c] is one past customer c's last
// row in `rows` (a counting sort by code: 4 bytes a row, no comparison sort of the lines).
struct RowsByCustomer {
  std::vector<std::uint32_t> ends, rows;
  std::size_t not_purchases = 0, without_value = 0;
  std::int64_t last_day = INT64_MIN;
};

// A row is a purchase when it has a customer, a date and a value not below 0 (or none).
struct Purchases {
  const ImportedColumn *customer, *date, *amount, *quantity, *price;
  [[nodiscard]] bool dated(std::size_t row) const {
    return customer->codes[row] != kNoCode && date->times[row] != kNoTime;
  }
  [[nodiscard]] double value(std::size_t row) const {
    return line_value(amount, quantity, price, row);
  }
};

RowsByCustomer rows_by_customer(const Purchases& p, std::size_t row_count) {
  RowsByCustomer r;
  std::vector<std::uint32_t>& ends = r.ends;
  ends.assign(p.customer->dictionary.size() + 1, 0);
  for (std::size_t row = 0; row < row_count; ++row) {
    if (!p.dated(row)) continue;
    const double value = p.value(row);
    if (value < 0) {
      ++r.not_purchases;
      continue;
    }
    r.without_value += std::isnan(value) ? 1 : 0;
    ++ends[p.customer->codes[row] + 1];
    r.last_day = std::max(r.last_day, day_number(p.date->times[row]));
  }
  for (std::size_t c = 1; c < ends.size(); ++c) ends[c] += ends[c - 1];
  r.rows.resize(ends.back());
  // Each row goes to its customer's next place; afterwards ends[c] is the end of customer c.
  for (std::size_t row = 0; row < row_count; ++row)
    if (p.dated(row) && !(p.value(row) < 0))
      r.rows[ends[p.customer->codes[row]]++] = static_cast<std::uint32_t>(row);
  ends.pop_back();
  return r;
}

}  // namespace

Result<SummaryResult> summarize_customers(const ImportedTable& table,
                                          const SummaryOptions& options) {
  const ImportedColumn* customer = table.column("customer_id");
  const ImportedColumn* date = table.column("date");
  if (!customer || !date || customer->type != FieldType::text || date->type != FieldType::date)
    return model_error("models_needs_transactions",
                       "Customer-base models need a transactions table with customer and date.");
  const auto number_column = [&](const char* id) {
    const ImportedColumn* c = table.column(id);
    return c && c->type == FieldType::number ? c : nullptr;
  };
  const Purchases purchases{customer, date, number_column("amount"), number_column("quantity"),
                            number_column("unit_price")};
  const RowsByCustomer grouped = rows_by_customer(purchases, table.rows());
  const std::size_t not_purchases = grouped.not_purchases, without_value = grouped.without_value;
  SummaryResult result;
  const std::int64_t cal_day =
      options.calibration_end == kNoTime ? grouped.last_day : day_number(options.calibration_end);
  result.calibration_end = cal_day == INT64_MIN ? kNoTime : cal_day * kSecondsPerDay;
  const std::int64_t holdout_day =
      options.holdout_end == kNoTime ? INT64_MIN : day_number(options.holdout_end);
  std::size_t after_calibration = 0;
  for (auto* column : {&result.customers.x, &result.customers.t_x, &result.customers.T,
                       &result.customers.mean_spend})
    column->reserve(grouped.ends.size());
  if (holdout_day != INT64_MIN) result.customers.x_holdout.reserve(grouped.ends.size());
  result.customers.ids.reserve(grouped.ends.size());
  std::vector<Line> lines;  // one customer's, reused
  for (std::size_t c = 0, begin = 0; c < grouped.ends.size(); begin = grouped.ends[c++]) {
    if (grouped.ends[c] == begin) continue;  // no purchase (only returns, or no date)
    lines.clear();
    for (std::size_t k = begin; k < grouped.ends[c]; ++k) {
      const std::uint32_t row = grouped.rows[k];
      lines.push_back({day_number(date->times[row]), purchases.value(row)});
    }
    // A file in date order leaves nothing to sort.
    const auto by_day = [](const Line& a, const Line& b) { return a.day < b.day; };
    if (!std::is_sorted(lines.begin(), lines.end(), by_day))
      std::stable_sort(lines.begin(), lines.end(), by_day);
    if (lines.front().day > cal_day) {
      ++after_calibration;
      continue;
    }
    summarize_one(lines, cal_day, holdout_day, options.days_per_unit,
                  customer->dictionary.text(static_cast<std::uint32_t>(c)), result.customers);
  }
  if (not_purchases > 0)
    result.warnings.push_back(model_error(
        "models_lines_not_purchases",
        std::to_string(not_purchases) + " lines of value below 0 (returns) are not purchases.",
        {{"count", not_purchases}}));
  if (without_value > 0)
    result.warnings.push_back(
        model_error("models_lines_without_value",
                    std::to_string(without_value) +
                        " lines have no value: they count as purchase days, not in the mean spend.",
                    {{"count", without_value}}));
  if (after_calibration > 0)
    result.warnings.push_back(
        model_error("models_customers_after_calibration",
                    std::to_string(after_calibration) +
                        " customers first bought after the calibration end and are not in the fit.",
                    {{"count", after_calibration}}));
  return result;
}

}  // namespace servimetrics::models
