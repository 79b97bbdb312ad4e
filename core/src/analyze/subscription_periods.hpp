// Dated subscriptions replayed period by period: customers and recurring revenue at each period
// boundary, who joined and who left, and cohorts by start period (internal to the core).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cells/calendar.hpp"
#include "servimetrics/imported_table.hpp"

namespace servimetrics {

struct SubscriptionPeriod {
  bool complete = false;  // its last day is on or before as_of
  std::uint32_t customers_start = 0;
  std::uint32_t new_customers = 0;   // active at the end, not at the start (returns included)
  std::uint32_t customers_lost = 0;  // active at the start, not at the end
  std::uint32_t customers_end = 0;   // = start - lost + new
  double revenue_start = 0;
  double revenue_lost = 0;      // churned customers' revenue plus contraction of those who stay
  double revenue_retained = 0;  // revenue at the end from the customers active at the start
  double revenue_end = 0;
};

struct SubscriptionCohort {
  std::uint32_t customers = 0;  // first subscription started in this period
  // Customers of the cohort active at the end of 0, 1, ... periods after its start period,
  // up to the period holding as_of.
  std::vector<std::uint32_t> active;
};

struct SubscriptionChannel {
  std::string name;              // "(blank)" for customers without a channel
  std::uint32_t customers = 0;   // by the channel of their first subscription
  std::uint32_t active = 0;      // at as_of
  double recurring_revenue = 0;  // of the active subscriptions at as_of
};

struct SubscriptionHistory {
  Timestamp as_of = kNoTime;
  std::int64_t first_period = 0;  // period_index of periods[0]
  bool window_clipped = false;    // starts before the first period were folded into it
  bool has_revenue = false;
  bool has_channel = false;
  std::size_t rows_used = 0;
  std::size_t rows_without_start = 0;
  std::size_t rows_after_as_of = 0;
  std::size_t rows_end_before_start = 0;
  std::uint32_t customers = 0;
  std::uint32_t active_customers = 0;       // an open subscription at as_of
  std::uint32_t short_lived_customers = 0;  // never active at any period boundary
  double recurring_revenue_active = 0;
  double lifetime_days_sum = 0;  // first start to last end, or to as_of while active
  std::vector<SubscriptionPeriod> periods;
  std::vector<SubscriptionCohort> cohorts;  // parallel to periods
  std::vector<SubscriptionChannel> channels;
};

// At most this many periods, ending with the one holding as_of.
inline constexpr std::int64_t kMaxSubscriptionPeriods = 240;

// `as_of` kNoTime: the latest start or end date of the data. O(rows + events log events per
// customer + periods^2 for the cohorts).
SubscriptionHistory subscription_history(const ImportedTable& table, Period period,
                                         Timestamp as_of);

}  // namespace servimetrics
