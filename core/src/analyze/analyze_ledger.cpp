// Revenue ledgers: revenue per period and category (product, basic service, value-added
// service), and the service and value-added revenue shares of the whole file through the catalog.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analyze/kind_analysis.hpp"
#include "analyze/kind_answer.hpp"
#include "base/format.hpp"

namespace servimetrics {
namespace {

using json = nlohmann::json;

// Category codes, in the order of the kind's categories (data_kinds.cpp).
constexpr std::size_t kProduct = 0;
constexpr std::size_t kBasicService = 1;
constexpr std::size_t kValueAdded = 2;
constexpr std::size_t kCategories = 3;
constexpr std::array<const char*, kCategories> kCategoryNames = {"Product", "Basic service",
                                                                 "Value-added service"};
constexpr std::array<const char*, kCategories> kCategoryIds = {"product", "basic_service",
                                                               "value_added_service"};
// One note code per category, so a page names the category in its own words.
constexpr std::array<const char*, kCategories> kNegativeTotalCodes = {
    "negative_product_total", "negative_basic_service_total", "negative_value_added_total"};

using Amounts = std::array<double, kCategories>;

// Where a period text sorts: year, first month, first day, then coarser periods before finer
// ones starting the same day (2024 < 2024-Q1 < 2024-01 < 2024-01-01).
using PeriodSortKey = std::array<int, 4>;

bool valid_month(int month) {
  return month >= 1 && month <= 12;
}

// Reads "2024", "2024-01", "2024/1", "202401", "2024-Q1", "Q1 2024", "2024年1月", "2024年第1季度",
// "2024-01-31" and "20240131"; nothing for other texts ("FY24", "Jan 2024").
std::optional<PeriodSortKey> period_sort_key(std::string_view text) {
  std::array<int, 3> numbers{};
  std::array<std::size_t, 3> digits{};
  std::size_t count = 0;
  bool quarter = false;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= '0' && c <= '9') {
      if (count == numbers.size()) return std::nullopt;
      int value = 0;
      std::size_t length = 0;
      for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++length) {
        if (length < 9) value = value * 10 + (text[i] - '0');
      }
      numbers[count] = value;
      digits[count++] = length;
      continue;
    }
    // Q1 or 第1季度 (季 in UTF-8).
    if (c == 'Q' || c == 'q' || text.substr(i, 3) == "\xE5\xAD\xA3") {
      quarter = true;
    } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
      return std::nullopt;
    }
    ++i;
  }
  const auto year_at = [&](std::size_t k) { return digits[k] == 4; };
  if (quarter) {
    if (count != 2) return std::nullopt;
    const std::size_t y = year_at(0) ? 0 : 1;
    const std::size_t q = 1 - y;
    if (!year_at(y) || digits[q] != 1 || numbers[q] < 1 || numbers[q] > 4) return std::nullopt;
    return PeriodSortKey{numbers[y], (numbers[q] - 1) * 3 + 1, 1, 1};
  }
  if (count == 1 && digits[0] == 4) return PeriodSortKey{numbers[0], 1, 1, 0};
  if (count == 1 && digits[0] == 6 && valid_month(numbers[0] % 100)) {
    return PeriodSortKey{numbers[0] / 100, numbers[0] % 100, 1, 2};
  }
  if (count == 1 && digits[0] == 8) {
    const int year = numbers[0] / 10000;
    const int month = numbers[0] / 100 % 100;
    const int day = numbers[0] % 100;
    if (valid_month(month) && day >= 1 && day <= days_in_month(year, month)) {
      return PeriodSortKey{year, month, day, 3};
    }
    return std::nullopt;
  }
  if (count == 2) {
    const std::size_t y = year_at(0) ? 0 : 1;
    const std::size_t m = 1 - y;
    if (!year_at(y) || digits[m] > 2 || !valid_month(numbers[m])) return std::nullopt;
    return PeriodSortKey{numbers[y], numbers[m], 1, 2};
  }
  if (count == 3 && year_at(0) && digits[1] <= 2 && digits[2] <= 2 && valid_month(numbers[1]) &&
      numbers[2] >= 1 && numbers[2] <= days_in_month(numbers[0], numbers[1])) {
    return PeriodSortKey{numbers[0], numbers[1], numbers[2], 3};
  }
  return std::nullopt;
}

struct PeriodRow {
  std::uint32_t code;
  std::size_t first_row;  // for first-seen order
  std::optional<PeriodSortKey> key;
};

// Dated periods in calendar order, then the others in the order first seen.
bool period_before(const PeriodRow& a, const PeriodRow& b) {
  if (a.key.has_value() != b.key.has_value()) return a.key.has_value();
  if (a.key && *a.key != *b.key) return *a.key < *b.key;
  return a.first_row < b.first_row;
}

json amounts_row(json label, const Amounts& amounts) {
  const double total = amounts[kProduct] + amounts[kBasicService] + amounts[kValueAdded];
  return {std::move(label),
          finite_or_null(amounts[kProduct]),
          finite_or_null(amounts[kBasicService]),
          finite_or_null(amounts[kValueAdded]),
          finite_or_null(total),
          share_or_null(amounts[kBasicService] + amounts[kValueAdded], total),
          share_or_null(amounts[kValueAdded], total)};
}

// The amounts of a ledger per period and category, and what was left out.
struct LedgerTotals {
  std::vector<Amounts> by_period;      // per period code
  std::vector<std::size_t> first_row;  // per period code; rows when the period is not used
  Amounts totals{};
  SetAsideRows unusable;
  std::size_t credits = 0;
  std::vector<PeriodRow> periods;  // the periods used, in calendar order
  std::size_t undated = 0;         // periods that are no dates
  std::string undated_examples;
  json examples = json::array();
};

LedgerTotals total_ledger(const ImportedTable& table, const ImportedColumn* period,
                          const ImportedColumn* category, const ImportedColumn* amount) {
  const std::size_t rows = table.rows();
  const std::size_t period_count = period->dictionary.size();
  LedgerTotals t;
  t.by_period.assign(period_count, Amounts{});
  t.first_row.assign(period_count, rows);
  for (std::size_t i = 0; i < rows; ++i) {
    const std::uint32_t code = period->codes[i];
    const std::uint32_t kind = category->codes[i];
    const double value = amount->numbers[i];
    if (code >= period_count || kind >= kCategories || !std::isfinite(value)) {
      t.unusable.add(table.lines[i]);
      continue;
    }
    if (t.first_row[code] == rows) t.first_row[code] = i;
    t.by_period[code][kind] += value;
    t.totals[kind] += value;
    t.credits += value < 0 ? 1 : 0;
  }

  for (std::uint32_t code = 0; code < period_count; ++code) {
    if (t.first_row[code] == rows) continue;
    const std::string_view text = period->dictionary.text(code);
    PeriodRow row{code, t.first_row[code], period_sort_key(text)};
    if (!row.key) {
      if (++t.undated <= 3) {
        t.examples.push_back(std::string(text.substr(0, 40)));
        t.undated_examples +=
            (t.undated_examples.empty() ? "'" : ", '") + std::string(text.substr(0, 40)) + "'";
      }
    }
    t.periods.push_back(row);
  }
  std::sort(t.periods.begin(), t.periods.end(), period_before);
  return t;
}

// The measures, the catalog inputs and the notes on what was left out.
void add_ledger_results(json& answer, json& inputs, const LedgerTotals& t, std::size_t rows) {
  const double service = t.totals[kBasicService] + t.totals[kValueAdded];
  const double total = service + t.totals[kProduct];
  add_count(answer, "periods", t.periods.size());
  add_measure(answer, "product_revenue", t.totals[kProduct], "money");
  add_measure(answer, "basic_service_revenue", t.totals[kBasicService], "money");
  add_measure(answer, "value_added_service_revenue", t.totals[kValueAdded], "money");
  add_measure(answer, "total_revenue", total, "money");
  add_count(answer, "credit_rows", t.credits);

  if (t.unusable.count() < rows) {
    inputs["service_revenue"] = service;
    inputs["value_added_service_revenue"] = t.totals[kValueAdded];
    inputs["total_revenue"] = total;
    add_note(answer, "service_revenue_definition",
             "Service revenue is basic service plus value-added service revenue; total revenue "
             "adds product revenue. service_revenue_share has a band once an industry "
             "(manufacturing or technology) is chosen.",
             {{"input", "industry"}, {"kpi", "service_revenue_share"}});
  }

  if (t.unusable.count() > 0) {
    add_note(answer, "unusable_rows",
             "Rows without a period, category or amount, left out: " +
                 format_count(t.unusable.count()) + " (" + t.unusable.lines_text() + ").",
             t.unusable.params());
  }
  if (t.credits > 0) {
    add_note(answer, "credit_rows",
             "Rows with negative amounts (credit notes), netted against their period and "
             "category: " +
                 format_count(t.credits) + ".",
             {{"count", t.credits}});
  }
  for (std::size_t kind = 0; kind < kCategories; ++kind) {
    if (t.totals[kind] >= 0) continue;
    add_note_as(answer, "negative_category_total", kNegativeTotalCodes[kind],
                std::string(kCategoryNames[kind]) + " revenue nets to " +
                    format_number(t.totals[kind]) +
                    " over the file: its credit notes exceed its sales. Shares need revenue of at "
                    "least 0, so check the file.",
                {{"category", kCategoryIds[kind]}, {"amount", t.totals[kind]}});
  }
  if (t.undated > 0) {
    add_note(answer, "periods_not_recognised",
             "Periods that are not dates, months, quarters or years, listed after the others "
             "in the order first seen: " +
                 format_count(t.undated) + " (" + t.undated_examples +
                 (t.undated > 3 ? ", ..." : "") + ").",
             {{"count", t.undated}, {"examples", t.examples}});
  }
}

}  // namespace

json analyze_ledger_table(const ImportedTable& table, const AnalyzeOptions& /*options*/) {
  json answer = empty_kind_answer();
  const std::size_t rows = table.rows();
  if (rows == 0) return answer_without_rows(std::move(answer));

  const ImportedColumn* period = find_column(table, "period", FieldType::text);
  const ImportedColumn* category = find_column(table, "category", FieldType::category);
  const ImportedColumn* amount = find_column(table, "amount", FieldType::number);
  if (period == nullptr || category == nullptr || amount == nullptr) {
    add_note_as(answer, "missing_columns", "ledger_missing_columns",
                "The ledger needs period, category and amount columns, so nothing is computed.",
                {{"fields", {"period", "category", "amount"}}});
    return answer;
  }
  const LedgerTotals t = total_ledger(table, period, category, amount);
  json list = json::array();
  for (std::size_t k = 0; k < t.periods.size() && k < table_row_limit(); ++k) {
    const std::string_view text = period->dictionary.text(t.periods[k].code);
    list.push_back(amounts_row(text.empty() ? json() : json(std::string(text)),
                               t.by_period[t.periods[k].code]));
  }
  add_table(answer, "by_period",
            {"period", "product", "basic_service", "value_added_service", "total", "service_share",
             "value_added_share"},
            std::move(list), t.periods.size());

  json inputs = json::object();
  add_ledger_results(answer, inputs, t, rows);
  add_catalog_kpis(answer, std::move(inputs));
  return answer;
}

namespace {

// What each column of this kind's answer tables holds.
constexpr auto kColumnUnits = std::to_array<ColumnUnit>({
    {"basic_service", "money"},
    {"period", "text"},
    {"product", "money"},
    {"service_share", "fraction"},
    {"total", "money"},
    {"value_added_service", "money"},
    {"value_added_share", "fraction"},
});

}  // namespace

extern const KindAnalysis kLedgerAnalysis = {"ledger", analyze_ledger_table, kColumnUnits};

}  // namespace servimetrics
