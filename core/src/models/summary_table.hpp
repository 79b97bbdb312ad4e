// Customers' summaries read from a customer-summary file (one row per customer, as a warehouse
// writes them: docs/MODELS.md), checked as the models need them.
#pragma once

#include "models/customer_summary.hpp"

namespace servimetrics::models {

// Each usable row of a customer_summary table as a customer: x the repeat purchases, t_x the
// recency, T the age, in the file's own time unit; mean spend and holdout purchases when the file
// has them (0 and -1 otherwise, as summarize_customers() writes them). Rows that contradict the
// model's definitions are left out, each reason a warning naming how many and their first lines: a
// fractional count of purchases, recency after age, a recency without repeat purchases, a customer
// id met before.
Result<SummaryResult> read_customer_summary(const ImportedTable& table);

}  // namespace servimetrics::models
