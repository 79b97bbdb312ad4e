// A snapshot's churn per customer-month of exposure (churned / sum of tenure), its annual
// equivalent, the expected lifetime and the expected lifetime value (internal to the core).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "analyze/subscription_snapshot.hpp"
#include "servimetrics/file_analysis.hpp"

namespace servimetrics {

// Expected value of a customer paying `revenue_per_month` at the start of each month while active,
// with monthly churn `monthly_churn` and annual discount rate `discount_rate`:
// revenue * margin * (1 + i) / (i + m), i = (1 + discount_rate)^(1/12) - 1; with no discount,
// revenue * margin / m = revenue * margin * expected lifetime in months.
double expected_lifetime_value(double revenue_per_month, double gross_margin, double monthly_churn,
                               double discount_rate);

// Adds the exposure measures and their notes; answers the customer-months at risk for the
// churn_rate KPI when every customer with a churn flag has a tenure and the rate is defined.
std::optional<double> add_snapshot_exposure(nlohmann::json& answer, const SubscriptionSnapshot& s,
                                            const AnalyzeOptions& options);

}  // namespace servimetrics
