// Transaction lines netted into per-customer, per-channel, per-category and per-period totals
// (internal to the core). The netting rules are written at the top of transaction_lines.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cells/calendar.hpp"
#include "servimetrics/imported_table.hpp"

namespace servimetrics {

// 32 bytes: a million customers' totals are one request of 32 MB, the analysis's largest. The
// yes/no facts sit apart, a byte per customer (CustomerFlag), so that no count loses a bit.
struct CustomerTotals {
  double revenue = 0;  // net
  // Dates of the first and last purchase line; of any line while there is none; kNoTime: no row.
  Timestamp first = kNoTime;
  Timestamp last = kNoTime;
  std::uint32_t orders = 0;
  std::uint32_t channel = 0;  // bucket of the first purchase line: where the customer was won
  // The customer has at least one row (every row the netting reads sets first).
  [[nodiscard]] bool seen() const { return first != kNoTime; }
};
static_assert(sizeof(CustomerTotals) == 32);

// Bits of TransactionTotals::customer_flags.
namespace customer_flag {
inline constexpr std::uint8_t purchased = 1;  // at least one purchase line
inline constexpr std::uint8_t returned = 2;   // a negative line (a return or cancellation)
// Purchases in the retention windows before as_of.
inline constexpr std::uint8_t earlier_window = 4;
inline constexpr std::uint8_t latest_window = 8;
}  // namespace customer_flag

struct ChannelTotals {
  std::string name;             // "(blank)" for lines without a channel
  std::uint32_t customers = 0;  // won here (first purchase line)
  std::uint32_t orders = 0;     // orders whose first line came through here
  double revenue = 0;           // net revenue of the lines sold through here
  double customer_revenue = 0;  // net revenue to date, all channels, of the customers won here
};

struct PeriodTotals {
  double revenue = 0;  // net
  double returns = 0;  // returns and cancellations, as a positive amount
  std::uint32_t orders = 0;
  std::uint32_t new_customers = 0;  // first purchase in the period
};

struct TransactionTotals {
  std::size_t rows = 0;
  std::size_t rows_skipped = 0;          // no customer or no date
  std::size_t lines_without_value = 0;   // neither amount nor quantity x unit price
  std::size_t return_lines = 0;          // negative lines after netting, cancellations included
  std::size_t cancelled_lines = 0;       // by invoice_id prefix or status
  std::size_t cancelled_negated = 0;     // cancelled lines whose positive amount was negated
  std::size_t shared_invoice_lines = 0;  // purchase lines of an invoice owned by another customer
  std::size_t orders_by_day_lines = 0;   // purchase lines counted by (customer, day)
  std::size_t zero_value_lines = 0;      // lines whose value is exactly 0 (no purchase, no return)
  std::size_t zero_value_orders = 0;     // invoice ids whose lines are all zero-valued
  std::uint32_t customers = 0;
  std::uint32_t orders = 0;
  double gross_revenue = 0;  // positive lines
  double returns = 0;        // negative lines, as a positive amount
  double net_revenue = 0;
  Timestamp first_date = kNoTime;
  Timestamp last_date = kNoTime;
  Timestamp as_of = kNoTime;                // the end of the data: options.as_of, else last_date
  std::int64_t window_days = 0;             // length of each retention window (0: too short a file)
  std::vector<CustomerTotals> by_customer;  // indexed by customer_id code
  std::vector<std::uint8_t> customer_flags;  // customer_flag bits, parallel to by_customer
  std::vector<ChannelTotals> by_channel;     // empty without a channel column
  bool has_category = false;
  double by_category[4] = {0, 0, 0, 0};  // product, basic_service, value_added_service, blank
  std::int64_t first_period = 0;         // period_index of by_period[0]
  std::vector<PeriodTotals> by_period;
};

// One pass over the rows, O(rows): every per-key total is a vector indexed by dictionary code.
// as_of: the end of the data for the retention windows (kNoTime: the last date in the table).
TransactionTotals total_transactions(const ImportedTable& table, Period period,
                                     Timestamp as_of = kNoTime);

// The retention window for a file spanning span_days up to as_of: 365 days when the file spans
// two years or more, else half the span (whole days), or 0 below kMinRetentionWindowDays.
inline constexpr std::int64_t kMinRetentionWindowDays = 90;
std::int64_t retention_window_days(std::int64_t span_days);

bool is_cancelled_status(std::string_view status);
bool is_cancelled_invoice(std::string_view invoice_id);

}  // namespace servimetrics
