// Customer KPIs: lifetime value, LTV:CAC, retention and CSAT.
#include <cmath>
#include <numeric>

#include "base/format.hpp"
#include "kpi/metrics.hpp"

namespace servimetrics {

double clv(double avg_purchase_value, double purchases_per_year, double lifespan_years) {
  return avg_purchase_value * purchases_per_year * lifespan_years;
}

double cltv(double annual_revenue_per_customer, double relationship_years, double gross_margin,
            double discount_rate) {
  const double annual_margin = annual_revenue_per_customer * gross_margin;
  if (discount_rate == 0) return annual_margin * relationship_years;
  // expm1/log1p keep tiny rates exact where 1 + d would round d away.
  const double annuity_factor =
      -std::expm1(-relationship_years * std::log1p(discount_rate)) / discount_rate;
  return annual_margin * annuity_factor;
}

Result<double> ltv_cac_ratio(double cltv_value, double cac) {
  return per_unit({"cltv", cltv_value}, {"cac", cac});
}

Result<double> retention_rate(double customers_start, double customers_end, double new_customers) {
  if (new_customers > customers_end) {
    auto part = share_of({"new_customers", new_customers}, {"customers_end", customers_end});
    if (!part.ok()) return part.error();
  }
  auto rate = share_of({"customers_end", customers_end - new_customers},
                       {"customers_start", customers_start});
  if (!rate.ok() && rate.error().input == "customers_end") {
    return Error{.input = "customers_end",
                 .message = "customers_end (" + format_number(customers_end) +
                            ") minus new_customers (" + format_number(new_customers) +
                            ") is larger than customers_start (" + format_number(customers_start) +
                            ")",
                 .code = "retained_exceeds_start",
                 .params = {{"customers_end", customers_end},
                            {"new_customers", new_customers},
                            {"customers_start", customers_start}}};
  }
  return rate;
}

Result<CsatScore> csat_from_counts(const std::array<double, 5>& counts) {
  const double respondents = std::accumulate(counts.begin(), counts.end(), 0.0);
  if (respondents <= 0) {
    return Error{.input = "csat_score_counts",
                 .message = "csat_score_counts must hold at least one response",
                 .code = "csat_no_responses",
                 .params = {{"input", "csat_score_counts"}}};
  }
  double weighted = 0;
  for (int score = 1; score <= 5; ++score) weighted += score * counts[score - 1];
  return CsatScore{weighted / respondents, (counts[3] + counts[4]) / respondents, respondents};
}

}  // namespace servimetrics
