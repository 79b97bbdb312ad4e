// The KPI formulas as pure functions on typed numbers; each error names the input to blame.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "servimetrics/result.hpp"

namespace servimetrics {

// A number together with the catalog name of the input it came from, so errors can name it.
struct Named {
  std::string_view name;
  double value;
};

// part / whole, for rates: whole must be positive and part may not exceed it.
Result<double> share_of(Named part, Named whole);
// amount / count, for per-unit costs: count must be positive.
Result<double> per_unit(Named amount, Named count);

// --- Customer -------------------------------------------------------------------------------
double clv(double avg_purchase_value, double purchases_per_year, double lifespan_years);
// Annual margin received at each year's end, discounted; undiscounted when discount_rate is 0.
double cltv(double annual_revenue_per_customer, double relationship_years, double gross_margin,
            double discount_rate);
Result<double> ltv_cac_ratio(double cltv, double cac);
Result<double> retention_rate(double customers_start, double customers_end, double new_customers);

// --- Samples and intervals -------------------------------------------------------------------
// A figure from fewer cases than this (respondents, tickets, customers) carries a small-sample
// warning: one case more or less moves it by more than 3 points.
inline constexpr double kSmallSampleMinimum = 30;
inline bool is_small_sample(double cases) {
  return cases < kSmallSampleMinimum;
}

inline constexpr double kZ95 = 1.959963984540054;  // two-sided 95% normal quantile

struct Interval {
  double low;
  double high;
};
// Wilson score interval of successes / trials (trials > 0), within 0..1.
Interval wilson_interval(double successes, double trials, double z = kZ95);
// MOVER, Newcombe's square-and-add: the interval of share1 - share2 from each share's own interval
// and the correlation of the two estimates (Newcombe 1998, method 10; Zou & Donner 2008). It
// always contains share1 - share2.
Interval mover_difference(double share1, Interval interval1, double share2, Interval interval2,
                          double correlation);

// The name of the NPS interval's method in answers ("details.interval.method").
inline constexpr std::string_view kNpsIntervalMethod = "mover_wilson";

struct NpsScore {
  double score;  // -100..100
  double low;    // 95% interval by MOVER with Wilson intervals, in points; low <= score <= high
  double high;
  double promoter_share;
  double detractor_share;
  double respondents;
};
Result<NpsScore> nps(double promoters, double passives, double detractors);

struct CsatScore {
  double average;  // 1..5
  double top2_share;
  double respondents;
};
Result<CsatScore> csat_from_counts(const std::array<double, 5>& counts_for_scores_1_to_5);

// --- Service operations ---------------------------------------------------------------------
double cac_savings(double cac_before, double cac_after, double new_customers_per_year);
double churn_reduction_value(double customers, double churn_before, double churn_after,
                             double annual_revenue_per_customer);

// --- Financial ------------------------------------------------------------------------------
Result<double> service_innovation_roi(double revenue_gain, double investment);
// The articles' definition: benefit over three years divided by the investment.
Result<double> digital_transformation_roi(double benefit_3y, double investment);
// The textbook definition: (benefit - investment) / investment.
Result<double> digital_transformation_net_roi(double benefit_3y, double investment);
Result<double> cac_change(double cac_before, double cac_after);

// Days since 1970-01-01 for a valid proleptic Gregorian date, or nothing.
std::optional<long long> checked_days_from_civil(int year, int month, int day);
// Parses "YYYY-MM-DD" strictly.
std::optional<long long> parse_iso_date(std::string_view text);
constexpr double kDaysPerMonth = 365.2425 / 12.0;

}  // namespace servimetrics
