// Churn and retention rates know their period (month, quarter, year): the annual equivalent the
// bands judge, the rate per customer-month of exposure, and warnings when the customer counts
// contradict each other (internal to the core).
#pragma once

#include <optional>
#include <string_view>

#include "servimetrics/catalog.hpp"

namespace servimetrics {

// What a rate is of: customers lost, customers kept, or recurring revenue lost.
enum class RateOf { churn, retention, revenue_churn };

// Months in the churn_period input's choice; a year when the input is absent.
double months_in_period(std::string_view period);

// The annual equivalent of a rate over `months`: churn 1 - (1 - c)^(12 / months), retention
// r^(12 / months).
double annual_churn(double rate, double months);
double annual_retention(double rate, double months);

// Adds the period (a.raw("churn_period"), a year when absent) to a computed rate: details
// {"period", "annual_rate"}, and the band judges the annual rate when the period is shorter.
Result<KpiValue> with_period(Result<KpiValue> rate, const KpiArgs& a, RateOf of);

// churn_rate: customers_lost / customer_months_at_risk, a monthly rate, when the exposure is given
// (details "customers_share" keeps customers_lost / customers_start).
Result<KpiValue> exposure_churn(const KpiArgs& a);

// "customers_do_not_add_up" when customers_start - customers_lost + new_customers differs from
// customers_end (all four given), naming the four counts and both rates.
std::optional<Error> customers_add_up_warning(const KpiArgs& a);

}  // namespace servimetrics
