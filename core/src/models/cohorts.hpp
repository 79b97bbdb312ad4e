// Cohort tables: customers by acquisition month (rows) and months since acquisition (columns),
// how many were active and what they brought in, from a transactions or a subscriptions table.
#pragma once

#include <nlohmann/json.hpp>

#include "models/model_fit.hpp"
#include "servimetrics/imported_table.hpp"

namespace servimetrics::models {

// {"cohorts": ["2024-01", ...] (every month from the first acquisition to the data's last month),
//  "customers": [...] (acquired in each), "months_since": n (columns 0..n-1),
//  "active": [[...]], "revenue": [[...]] (null where a cell lies after the data's last month)}.
// Transactions: acquired in the month of the first purchase; active in a month with a purchase
// (lines of value >= 0, as the summaries count them); revenue the sum of the known values.
// Subscriptions: acquired at the first start date; active in a month that one of its
// subscriptions overlaps; revenue the recurring revenue of those subscriptions (per month).
// At most `max_months` columns (the latest cohorts' cells fit in any case).
Result<nlohmann::json> cohort_table(const ImportedTable& table, int max_months = 120);

}  // namespace servimetrics::models
