// A customer-summary table's rows as customers' summaries (x, t_x, T, mean spend, holdout).
#include "models/summary_table.hpp"

#include <array>
#include <cmath>
#include <string>

namespace servimetrics::models {
namespace {

// Rows left out for one reason: how many, and the first lines, for the warning.
struct LeftOut {
  const char* code;
  const char* message;
  std::size_t count = 0;
  std::vector<std::uint64_t> lines = {};
  void add(std::uint64_t line) {
    if (lines.size() < 20) lines.push_back(line);
    ++count;
  }
};

// Counts are whole numbers; a file rounded to two decimals (CDNOW's weeks) is read as written.
bool whole(double v) {
  return std::abs(v - std::round(v)) < 1e-9;
}

// A cell's number, or `none` for a blank cell or a column the file does not have (the summaries'
// conventions: mean spend 0 without one, holdout purchases -1 when not counted).
double value_or(const ImportedColumn* column, std::size_t row, double none) {
  if (column == nullptr || !column->present) return none;
  const double v = column->numbers[row];
  return std::isfinite(v) ? v : none;
}

}  // namespace

Result<SummaryResult> read_customer_summary(const ImportedTable& table) {
  const ImportedColumn* id = table.column("customer_id");
  const ImportedColumn* x = table.column("repeat_purchases");
  const ImportedColumn* t_x = table.column("recency");
  const ImportedColumn* age = table.column("age");
  if (table.kind != "customer_summary" || !id || !x || !t_x || !age)
    return model_error("models_needs_summary",
                       "A customer summary needs customer, repeat purchases, recency and age.");
  const ImportedColumn* spend = table.column("mean_spend");
  const ImportedColumn* holdout = table.column("holdout_purchases");
  std::array<LeftOut, 4> left_out = {{
      {"models_summary_fractional_purchases",
       "have a repeat purchase count that is no whole number"},
      {"models_summary_recency_after_age", "have a recency after their age (t_x > T)"},
      {"models_summary_recency_without_repeats", "have a recency but no repeat purchase"},
      {"models_summary_duplicate_customers", "repeat a customer met on an earlier row"},
  }};
  std::vector<std::uint8_t> seen(id->dictionary.size(), 0);
  SummaryResult result;
  CustomerSummaries& c = result.customers;
  for (std::size_t i = 0; i < table.rows(); ++i) {
    const double xi = x->numbers[i];
    const double ti = t_x->numbers[i];
    const double Ti = age->numbers[i];
    const std::uint32_t code = id->codes[i];
    LeftOut* reason = !whole(xi)                         ? &left_out[0]
                      : ti > Ti + 1e-9                   ? &left_out[1]
                      : xi == 0 && ti > 0                ? &left_out[2]
                      : code < seen.size() && seen[code] ? &left_out[3]
                                                         : nullptr;
    if (reason != nullptr) {
      reason->add(table.lines[i]);
      continue;
    }
    if (code < seen.size()) seen[code] = 1;
    c.ids.emplace_back(code < seen.size() ? id->dictionary.text(code) : std::string_view());
    c.x.push_back(std::round(xi));
    c.t_x.push_back(ti);
    c.T.push_back(Ti);
    c.mean_spend.push_back(value_or(spend, i, 0));
    c.x_holdout.push_back(value_or(holdout, i, -1));
  }
  for (const LeftOut& r : left_out) {
    if (r.count == 0) continue;
    result.warnings.push_back(model_error(
        r.code, std::to_string(r.count) + " rows " + r.message + " and are not in the fit.",
        {{"count", r.count}, {"lines", r.lines}, {"more", r.count - r.lines.size()}}));
  }
  return result;
}

}  // namespace servimetrics::models
