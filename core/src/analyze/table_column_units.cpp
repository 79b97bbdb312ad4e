// What each column of the analyzers' answer tables holds, in one list: the page formats cells by it
// and a test checks that every column any analyzer writes is listed.
#include <algorithm>
#include <array>
#include <utility>

#include "analyze/kind_answer.hpp"

namespace servimetrics {
namespace {

using Entry = std::pair<std::string_view, std::string_view>;

// Sorted by column id, for a binary search.
constexpr std::array kColumnUnits = std::to_array<Entry>({
    {"active_customers", "count"},
    {"annual_revenue_per_customer", "money"},
    {"average_customer_revenue", "money"},
    {"average_revenue", "money"},
    {"average_tenure_months", "months"},
    {"basic_service", "money"},
    {"cac", "money"},
    {"call_by", "date"},
    {"category", "text"},
    {"channel", "text"},
    {"churn_rate", "fraction"},
    {"churned", "count"},
    {"cltv", "money"},
    {"clv", "money"},
    {"cohort", "text"},
    {"comment", "text"},
    {"complete", "flag"},
    {"contact", "text"},
    {"count", "count"},
    {"created", "date"},
    {"csat_average", "score"},
    {"customer_id", "text"},
    {"customer_revenue", "money"},
    {"customers", "count"},
    {"customers_end", "count"},
    {"customers_lost", "count"},
    {"customers_start", "count"},
    {"date", "date"},
    {"first_date", "date"},
    {"first_response", "date"},
    {"hours", "hours"},
    {"last_date", "date"},
    {"lifespan_days", "days"},
    {"line", "line"},
    {"lost_customers", "count"},
    {"lost_share", "fraction"},
    {"median_first_response_hours", "hours"},
    {"net_revenue_retention", "fraction"},
    {"new_customers", "count"},
    {"nps", "points"},
    {"nps_high", "points"},
    {"nps_low", "points"},
    {"orders", "count"},
    {"period", "text"},
    {"product", "money"},
    {"recurring_revenue", "money"},
    {"recurring_revenue_active", "money"},
    {"recurring_revenue_churned", "money"},
    {"recurring_revenue_end", "money"},
    {"recurring_revenue_lost", "money"},
    {"recurring_revenue_start", "money"},
    {"respondent_id", "text"},
    {"responses", "count"},
    {"retention_rate", "fraction"},
    {"returns", "money"},
    {"revenue", "money"},
    {"revenue_churn_rate", "fraction"},
    {"revenue_share", "fraction"},
    {"scale", "text"},
    {"score", "score"},
    {"segment", "text"},
    {"service_share", "fraction"},
    {"share", "fraction"},
    {"spend", "money"},
    {"tenure_months", "text"},
    {"ticket_id", "text"},
    {"tickets", "count"},
    {"total", "money"},
    {"value_added_service", "money"},
    {"value_added_share", "fraction"},
    {"within_1h_rate", "fraction"},
});

static_assert(std::is_sorted(kColumnUnits.begin(), kColumnUnits.end()));

}  // namespace

std::string_view table_column_unit(std::string_view column) {
  // Cohort tables: one column per period offset ("0", "1", ...), the share still active.
  if (!column.empty() &&
      std::all_of(column.begin(), column.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return "fraction";
  }
  const auto found =
      std::lower_bound(kColumnUnits.begin(), kColumnUnits.end(), column,
                       [](const Entry& e, std::string_view id) { return e.first < id; });
  return found != kColumnUnits.end() && found->first == column ? found->second : std::string_view{};
}

}  // namespace servimetrics
