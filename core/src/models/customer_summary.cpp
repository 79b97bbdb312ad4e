// Customer summaries from transaction rows: one pass to collect (customer, day, value), a sort,
// and one pass per customer over its purchase days.
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
  std::uint32_t customer;
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

// Adds one customer's summary from its lines [begin, end), sorted by day.
void summarize_one(const std::vector<Line>& lines, std::size_t begin, std::size_t end,
                   std::int64_t cal_day, std::int64_t holdout_day, double unit, std::string id,
                   CustomerSummaries& out) {
  const std::int64_t first = lines[begin].day;
  double x = 0, last = 0, spend = 0, spend_days = 0, holdout = 0;
  for (std::size_t i = begin; i < end;) {
    const std::int64_t day = lines[i].day;
    double value = 0;
    bool known = false;
    for (; i < end && lines[i].day == day; ++i) {
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
  out.ids.push_back(std::move(id));
  out.x.push_back(x);
  out.t_x.push_back(last / unit);
  out.T.push_back(static_cast<double>(cal_day - first) / unit);
  out.mean_spend.push_back(spend_days > 0 ? spend / spend_days : 0);
  out.x_holdout.push_back(holdout_day == INT64_MIN ? -1 : holdout);
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
  const ImportedColumn* amount = number_column("amount");
  const ImportedColumn* quantity = number_column("quantity");
  const ImportedColumn* price = number_column("unit_price");

  std::vector<Line> lines;
  lines.reserve(table.rows());
  std::size_t not_purchases = 0, without_value = 0;
  std::int64_t last_day = INT64_MIN;
  for (std::size_t row = 0; row < table.rows(); ++row) {
    if (customer->codes[row] == kNoCode || date->times[row] == kNoTime) continue;
    const double value = line_value(amount, quantity, price, row);
    if (value < 0) {
      ++not_purchases;
      continue;
    }
    without_value += std::isnan(value) ? 1 : 0;
    lines.push_back({customer->codes[row], day_number(date->times[row]), value});
    last_day = std::max(last_day, lines.back().day);
  }
  SummaryResult result;
  const std::int64_t cal_day =
      options.calibration_end == kNoTime ? last_day : day_number(options.calibration_end);
  result.calibration_end = cal_day == INT64_MIN ? kNoTime : cal_day * kSecondsPerDay;
  const std::int64_t holdout_day =
      options.holdout_end == kNoTime ? INT64_MIN : day_number(options.holdout_end);
  std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
    return a.customer != b.customer ? a.customer < b.customer : a.day < b.day;
  });
  std::size_t after_calibration = 0;
  for (std::size_t begin = 0; begin < lines.size();) {
    std::size_t end = begin;
    while (end < lines.size() && lines[end].customer == lines[begin].customer) ++end;
    if (lines[begin].day > cal_day) {
      ++after_calibration;
    } else {
      summarize_one(lines, begin, end, cal_day, holdout_day, options.days_per_unit,
                    std::string(customer->dictionary.text(lines[begin].customer)),
                    result.customers);
    }
    begin = end;
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
