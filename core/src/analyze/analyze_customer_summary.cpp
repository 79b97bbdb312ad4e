// Customer summaries (one row per customer, as a warehouse writes them for the customer-base
// models): how many customers, how many bought again, and how their repeat purchases spread.
#include <algorithm>
#include <array>
#include <string>

#include "analyze/kind_analysis.hpp"
#include "analyze/kind_answer.hpp"
#include "models/summary_table.hpp"

namespace servimetrics {
namespace {

using json = nlohmann::json;

// Repeat purchases 0..6 each, then 7 or more: the buckets of the models' holdout chart.
constexpr std::size_t kBuckets = 8;

json by_repeat_purchases(const models::CustomerSummaries& c) {
  std::array<double, kBuckets> customers{};
  std::array<double, kBuckets> spend{};
  std::array<double, kBuckets> spenders{};
  for (std::size_t i = 0; i < c.size(); ++i) {
    const auto b = static_cast<std::size_t>(std::min(c.x[i], double{kBuckets - 1}));
    customers[b] += 1;
    if (c.x[i] > 0 && c.mean_spend[i] > 0) {
      spend[b] += c.mean_spend[i];
      spenders[b] += 1;
    }
  }
  json rows = json::array();
  for (std::size_t b = 0; b < kBuckets; ++b) {
    const std::string label = b + 1 == kBuckets ? std::to_string(b) + "+" : std::to_string(b);
    rows.push_back({label, customers[b], share_or_null(customers[b], static_cast<double>(c.size())),
                    spenders[b] > 0 ? finite_or_null(spend[b] / spenders[b]) : json()});
  }
  return rows;
}

void add_measures(json& answer, const models::CustomerSummaries& c) {
  double repeat_buyers = 0, purchases = 0, spend = 0, spend_purchases = 0, holdout = 0;
  bool has_holdout = false;
  for (std::size_t i = 0; i < c.size(); ++i) {
    repeat_buyers += c.x[i] > 0 ? 1 : 0;
    purchases += c.x[i];
    if (c.x[i] > 0 && c.mean_spend[i] > 0) {
      spend += c.x[i] * c.mean_spend[i];
      spend_purchases += c.x[i];
    }
    if (c.x_holdout[i] >= 0) {
      holdout += c.x_holdout[i];
      has_holdout = true;
    }
  }
  add_count(answer, "customers", c.size());
  add_count(answer, "repeat_buyers", static_cast<std::uint64_t>(repeat_buyers));
  add_measure(answer, "repeat_buyer_share",
              c.size() > 0 ? repeat_buyers / static_cast<double>(c.size()) : 0, "fraction");
  add_count(answer, "repeat_purchases", static_cast<std::uint64_t>(purchases));
  // Weighted by purchases: the mean value of a repeat purchase, as Gamma-Gamma sees spend.
  if (spend_purchases > 0)
    add_measure(answer, "mean_repeat_spend", spend / spend_purchases, "money");
  if (has_holdout) add_count(answer, "holdout_purchases", static_cast<std::uint64_t>(holdout));
}

}  // namespace

json analyze_customer_summary_table(const ImportedTable& table, const AnalyzeOptions& /*options*/) {
  json answer = empty_kind_answer();
  if (table.rows() == 0) return answer_without_rows(std::move(answer));
  auto read = models::read_customer_summary(table);
  if (!read.ok()) {
    add_note(answer, read.error().code, read.error().message, read.error().params);
    return answer;
  }
  const models::CustomerSummaries& c = read.value().customers;
  for (const Error& w : read.value().warnings) add_note(answer, w.code, w.message, w.params);
  add_measures(answer, c);
  add_table(answer, "by_repeat_purchases",
            {"repeat_purchases_bucket", "customers", "customer_share", "mean_repeat_spend"},
            by_repeat_purchases(c), kBuckets);
  // The file says nothing of its time unit; the models ask for it (lifetimes' CDNOW summary is in
  // weeks, its own summaries in days).
  add_note(answer, "summary_time_unit",
           "Recency and age are read in the file's own time unit; choose it for the "
           "customer-base models.");
  add_catalog_kpis(answer, json::object());
  return answer;
}

namespace {

// What each column of this kind's answer tables holds.
constexpr auto kColumnUnits = std::to_array<ColumnUnit>({
    {"customer_share", "fraction"},
    {"mean_repeat_spend", "money"},
    {"repeat_purchases_bucket", "text"},
});

}  // namespace

extern const KindAnalysis kCustomerSummaryAnalysis = {"customer_summary",
                                                      analyze_customer_summary_table, kColumnUnits};

}  // namespace servimetrics
