// Snapshot churn per unit of exposure: churned customers over the customer-months they and the
// active ones were at risk (the sum of tenure), as a monthly rate and its annual equivalent, and
// the expected lifetime and lifetime value that follow from it.
#include "analyze/subscription_exposure.hpp"

#include <cmath>
#include <string>

#include "analyze/kind_answer.hpp"
#include "base/format.hpp"
#include "kpi/churn_period.hpp"

namespace servimetrics {
namespace {

using json = nlohmann::json;

std::string percent_text(double fraction) {
  return format_number(std::round(fraction * 10000) / 100) + "%";
}

void add_lifetime_value(json& answer, const SubscriptionSnapshot& s, double monthly_churn,
                        const AnalyzeOptions& options) {
  if (!s.has_revenue || s.all.recurring_revenue <= 0) return;
  const double per_month = s.all.recurring_revenue / s.all.customers;
  const double margin = options.gross_margin.value_or(1);
  const double discount = options.discount_rate.value_or(0);
  const double value = expected_lifetime_value(per_month, margin, monthly_churn, discount);
  add_measure(answer, "recurring_revenue_per_customer_month", per_month, "money");
  add_measure(answer, "expected_lifetime_value", value, "money");
  add_note(answer, "snapshot_lifetime_value",
           "expected_lifetime_value = recurring revenue per customer-month (" +
               format_number(per_month) + ") x gross margin (" + format_number(margin) +
               ") x (1 + i) / (i + m), with m the monthly churn (" + percent_text(monthly_churn) +
               ") and i the monthly discount rate (1 + " + format_number(discount) +
               ")^(1/12) - 1; without a discount rate, revenue x margin x expected lifetime "
               "(1 / m months)." +
               (options.gross_margin ? "" : " Without --gross-margin it is revenue, not margin."),
           {{"revenue_per_month", per_month},
            {"gross_margin", margin},
            {"discount_rate", discount},
            {"monthly_rate", monthly_churn},
            {"lifetime_months", 1 / monthly_churn},
            {"value", value},
            {"margin_given", options.gross_margin.has_value()}});
}

}  // namespace

double expected_lifetime_value(double revenue_per_month, double gross_margin, double monthly_churn,
                               double discount_rate) {
  const double monthly_discount = std::expm1(std::log1p(discount_rate) / 12);
  return revenue_per_month * gross_margin * (1 + monthly_discount) /
         (monthly_discount + monthly_churn);
}

std::optional<double> add_snapshot_exposure(json& answer, const SubscriptionSnapshot& s,
                                            const AnalyzeOptions& options) {
  const SnapshotGroup& all = s.all;
  const double churned = all.churned;
  if (all.with_tenure != all.customers || all.tenure_sum <= 0 || churned > all.tenure_sum) {
    return std::nullopt;
  }
  const double monthly = churned / all.tenure_sum;
  const double annual = annual_churn(monthly, 1);
  add_measure(answer, "customer_months_at_risk", all.tenure_sum, "months");
  add_measure(answer, "churn_rate_per_customer_month", monthly, "fraction");
  add_measure(answer, "annual_churn_rate_from_exposure", annual, "fraction");
  add_note(answer, "snapshot_churn_definitions",
           "churned_share = churned / customers = " + percent_text(churned / all.customers) +
               ", over no stated period. churn_rate (the KPI) = churned / customer-months at risk "
               "(the sum of every customer's tenure, " +
               format_number(all.tenure_sum) + ") = " + percent_text(monthly) + " a month, " +
               percent_text(annual) +
               " a year (1 - (1 - m)^12): it assumes a steady monthly churn and that a churned "
               "customer's tenure runs to when they left.",
           {{"churned", all.churned},
            {"customers", all.customers},
            {"customer_months", all.tenure_sum},
            {"share", churned / all.customers},
            {"monthly_rate", monthly},
            {"annual_rate", annual}});
  if (monthly <= 0) {
    add_note_as(
        answer, "no_churn_lifetime", "snapshot_no_churn_lifetime",
        "expected_lifetime_months (1 / monthly churn) needs at least one churned customer.");
    return all.tenure_sum;
  }
  add_measure(answer, "expected_lifetime_months", 1 / monthly, "months");
  add_lifetime_value(answer, s, monthly, options);
  return all.tenure_sum;
}

}  // namespace servimetrics
