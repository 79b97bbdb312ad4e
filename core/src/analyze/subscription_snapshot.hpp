// A subscription snapshot (tenure in months and a churned flag per customer, like the IBM Telco
// file) summed per customer, channel and tenure band (internal to the core).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "servimetrics/imported_table.hpp"

namespace servimetrics {

struct SnapshotGroup {
  std::string name;
  std::uint32_t customers = 0;
  std::uint32_t churned = 0;
  double recurring_revenue = 0;
  double recurring_revenue_churned = 0;
  double tenure_sum = 0;  // months, over the customers with a tenure
  std::uint32_t with_tenure = 0;
};

struct SubscriptionSnapshot {
  std::size_t rows_used = 0;
  std::size_t rows_without_customer = 0;
  std::uint32_t customers_without_flag = 0;  // left out of every figure
  bool has_revenue = false;
  bool has_tenure = false;
  SnapshotGroup all;              // every customer with a churn flag
  double churned_tenure_sum = 0;  // months, churned customers with a tenure
  std::uint32_t churned_with_tenure = 0;
  std::vector<SnapshotGroup> channels;      // empty without a channel column
  std::vector<SnapshotGroup> tenure_bands;  // 0-6, 7-12, 13-24, 25-48, 49+ months
};

// Churned: every row of the customer with a flag says churned. Tenure: the customer's largest
// tenure_months; revenue: the sum of their rows' recurring_revenue. O(rows).
SubscriptionSnapshot subscription_snapshot(const ImportedTable& table);

}  // namespace servimetrics
