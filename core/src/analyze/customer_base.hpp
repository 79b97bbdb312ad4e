// Who a transactions file's per-customer figures count, and what their purchases show over time:
// buyers, exposure-based purchase frequency and year-on-year retention (internal to the core).
#pragma once

#include <cstddef>
#include <optional>

#include "analyze/transaction_lines.hpp"

namespace servimetrics {

// Definitions (docs/DATA-KINDS.md, transactions):
//  - buyers: customers with at least one purchase line; the customer base of every per-customer
//    figure. returns_only: customers with a return line and no purchase line; other customers
//    without a purchase line (only zero-value or valueless lines) are counted in neither.
//    negative_revenue: customers whose net revenue is below zero (returns of purchases made before
//    the data starts): the returns_only customers and the negative_buyers, who stay in the base.
//  - buyer_revenue: the net revenue of the buyers (the returns_only customers' returns are not in
//    it; they are reported as returns_only_amount).
//  - purchase_frequency = repeat purchases / exposure: the sum over buyers of (orders - 1) over the
//    sum over buyers of the years (days / 365.25) from their first purchase to as_of.
//  - annual retention: of the buyers in the earlier window, the share who bought in the latest
//    (window_retention); with windows shorter than 365 days it is annualised as
//    window_retention^(365 / window_days).
//  - new_buyers_last_year: buyers whose first purchase is in the 365 days up to as_of; only when
//    the data start at least 365 days before as_of (else a first purchase seen may not be one).
struct CustomerBase {
  std::size_t buyers = 0;
  std::size_t repeat_buyers = 0;
  std::size_t returns_only = 0;
  double returns_only_amount = 0;  // their net revenue, negative
  std::size_t negative_revenue = 0;
  std::size_t negative_buyers = 0;
  double buyer_revenue = 0;
  double repeat_purchases = 0;
  double exposure_years = 0;
  std::size_t window_buyers = 0;  // buyers in the earlier window
  std::size_t retained = 0;       // ... who bought again in the latest window
  std::optional<double> window_retention;
  std::optional<double> annual_retention;
  std::optional<std::size_t> new_buyers_last_year;
};

CustomerBase customer_base(const TransactionTotals& t);

}  // namespace servimetrics
