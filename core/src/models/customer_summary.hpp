// Each customer's summary (x, t_x, T, mean repeat spend, holdout purchases) from a transactions
// table, as the papers build it: purchases are distinct purchase days.
#pragma once

#include <vector>

#include "models/model_fit.hpp"
#include "servimetrics/imported_table.hpp"

namespace servimetrics::models {

struct SummaryOptions {
  double days_per_unit = 7;             // day 1, week 7, month 365.25 / 12
  Timestamp calibration_end = kNoTime;  // its day is the last of calibration; kNoTime: last date
  Timestamp holdout_end = kNoTime;      // kNoTime: no holdout counts
};

struct SummaryResult {
  CustomerSummaries customers;
  Timestamp calibration_end = kNoTime;  // as used
  std::vector<Error> warnings;          // rows and customers left out, and why
};

// A line's value is its amount, or quantity x unit price; lines of negative value (returns) are
// not purchases, lines of value 0 are (CDNOW has $0 purchases, and the papers count them); a line
// without a value is a purchase of unknown value (it counts as a purchase day; the day's spend is
// the sum of the known values). A customer whose first purchase comes after the calibration end is
// not in the summary (counted in a warning).
Result<SummaryResult> summarize_customers(const ImportedTable& table,
                                          const SummaryOptions& options);

}  // namespace servimetrics::models
