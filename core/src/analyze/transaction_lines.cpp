// Nets transaction lines into totals. The rules, as the documentation states them:
//  1. A line's value is its amount when the cell is filled, else quantity x unit_price. A line
//     with neither is left out of every sum (its customer still counts as a customer).
//  2. Negative lines (returns, credit notes) are netted: they reduce the customer's revenue.
//  3. A line is a cancellation when its invoice_id is "C" followed by digits only (the UCI Online
//     Retail export: C536379; "CA-2016-152156" is not one) or its status is cancelled, canceled,
//     cancel, void, voided, refunded, refund, returned, 取消, 已取消, 退款, 已退款, 退货 or 退貨
//     (ASCII case and surrounding spaces ignored). A cancellation always reduces revenue: a
//     positive amount on a cancelled line is netted as its negative, because exports that flag
//     cancellations by status usually keep the original, positive amount.
//  4. A purchase line is a line that is not cancelled and has a positive value. Orders (purchase
//     occasions) are the distinct invoice_ids of purchase lines, each credited to the customer,
//     period and channel of its first purchase line; purchase lines without an invoice_id (or
//     files without the column) count one order per customer and calendar day, credited to the
//     period and channel of the customer's first purchase line of that day in the file.
//  5. Revenue is net (purchases minus returns and cancellations); returns are also reported
//     apart as a positive amount. Zero-value lines change nothing but their customer's dates.
//  6. A customer's first and last dates are those of their purchase lines (of any line when they
//     have none); the channel of the first purchase line is where the customer was won.
//  7. Zero-value lines (value exactly 0) are counted, and so are invoice ids whose lines are all
//     zero-valued (zero-value orders); neither is an order nor a return.
//  8. Retention windows: with as_of the end of the data (the request's as_of, else the last date)
//     and w = retention_window_days(), the latest window is the w days ending on as_of and the
//     earlier window the w days before it; a purchase line marks its customer in either.
#include "analyze/transaction_lines.hpp"

#include <algorithm>
#include <cmath>

#include "analyze/day_orders.hpp"
#include "analyze/kind_answer.hpp"
#include "cells/cell_text.hpp"

namespace servimetrics {
namespace {

bool equals_ascii_folded(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

bool is_blank_text(std::string_view text) {
  return cell_text::trim(text).empty();
}

// One flag per distinct text of a column, so the text tests run once per text, not per row.
std::vector<std::uint8_t> flag_texts(const ImportedColumn* column, bool (*test)(std::string_view)) {
  std::vector<std::uint8_t> flags;
  if (column == nullptr) return flags;
  flags.resize(column->dictionary.size());
  for (std::size_t code = 0; code < flags.size(); ++code) {
    flags[code] = test(column->dictionary.text(static_cast<std::uint32_t>(code))) ? 1 : 0;
  }
  return flags;
}

}  // namespace

bool is_cancelled_status(std::string_view status) {
  static constexpr std::string_view kWords[] = {
      "cancelled", "canceled", "cancel", "void", "voided", "refunded", "refund",
      "returned",  "取消",     "已取消", "退款", "已退款", "退货",     "退貨"};
  status = cell_text::trim(status);
  return std::any_of(std::begin(kWords), std::end(kWords),
                     [&](std::string_view word) { return equals_ascii_folded(status, word); });
}

bool is_cancelled_invoice(std::string_view invoice_id) {
  invoice_id = cell_text::trim(invoice_id);
  if (invoice_id.size() < 2 || (invoice_id.front() != 'C' && invoice_id.front() != 'c')) {
    return false;
  }
  return std::all_of(invoice_id.begin() + 1, invoice_id.end(),
                     [](char c) { return c >= '0' && c <= '9'; });
}

namespace {

// The columns the netting reads, with flags per distinct text, and what the pass carries along.
struct LinePass {
  const ImportedColumn* customer = nullptr;
  const ImportedColumn* date = nullptr;
  const ImportedColumn* amount = nullptr;
  const ImportedColumn* quantity = nullptr;  // with unit_price, or neither
  const ImportedColumn* unit_price = nullptr;
  const ImportedColumn* channel = nullptr;
  const ImportedColumn* category = nullptr;
  const ImportedColumn* invoice = nullptr;
  const ImportedColumn* status = nullptr;
  Period period = Period::month;
  TextBuckets channels;
  std::vector<std::uint8_t> cancelled_invoice;
  std::vector<std::uint8_t> cancelled_status;
  std::vector<std::uint8_t> invoice_blank;
  std::vector<std::uint32_t> invoice_owner;  // customer of each invoice's first purchase line
  std::vector<std::uint8_t> invoice_zero;    // the invoice has a zero-value line
  std::vector<std::uint8_t> customer_blank;
  DayOrderLines day_lines;  // purchase lines without an invoice id
  // The period of the last day a line fell on (period_of).
  Timestamp period_day = kNoTime;
  std::int64_t period_at_day = 0;
};

// The period of a line's time. Lines come in runs of one day (an order's lines), and the calendar
// was the costliest step of a line.
std::int64_t period_of(LinePass& pass, Timestamp when) {
  Timestamp day = when / 86400;
  if (when % 86400 < 0) --day;  // floor, for times before 1970
  if (day != pass.period_day) {
    pass.period_day = day;
    pass.period_at_day = period_index(when, pass.period);
  }
  return pass.period_at_day;
}

LinePass line_pass(const ImportedTable& table, Period period) {
  LinePass pass;
  pass.customer = table.column("customer_id");
  pass.date = table.column("date");
  pass.amount = table.column("amount");
  pass.quantity = table.column("quantity");
  pass.unit_price = table.column("unit_price");
  if (pass.quantity == nullptr || pass.unit_price == nullptr) {
    pass.quantity = pass.unit_price = nullptr;
  }
  pass.channel = table.column("channel");
  pass.category = table.column("category");
  pass.invoice = table.column("invoice_id");
  pass.status = table.column("status");
  pass.period = period;
  return pass;
}

// The first and last dates, and one (empty) period total per period between them.
void set_period_range(TransactionTotals& totals, const LinePass& pass, std::size_t rows) {
  for (std::size_t row = 0; row < rows; ++row) {
    const Timestamp when = pass.date->times[row];
    if (when == kNoTime) continue;
    if (totals.first_date == kNoTime || when < totals.first_date) totals.first_date = when;
    if (totals.last_date == kNoTime || when > totals.last_date) totals.last_date = when;
  }
  if (totals.first_date != kNoTime) {
    totals.first_period = period_index(totals.first_date, pass.period);
    totals.by_period.resize(static_cast<std::size_t>(period_index(totals.last_date, pass.period) -
                                                     totals.first_period + 1));
  }
}

void prepare_flags(TransactionTotals& totals, LinePass& pass) {
  totals.by_customer.resize(pass.customer->dictionary.size());
  totals.customer_flags.resize(pass.customer->dictionary.size());
  pass.day_lines.reset(pass.customer->dictionary.size(), pass.customer->codes.size());
  if (pass.channel != nullptr) {
    pass.channels = text_buckets(*pass.channel);
    for (std::string& name : pass.channels.names) totals.by_channel.push_back({std::move(name)});
  }
  totals.has_category = pass.category != nullptr;
  pass.cancelled_invoice = flag_texts(pass.invoice, is_cancelled_invoice);
  pass.cancelled_status = flag_texts(pass.status, is_cancelled_status);
  if (pass.invoice != nullptr) {
    pass.invoice_blank.resize(pass.invoice->dictionary.size());
    for (std::uint32_t code = 0; code < pass.invoice_blank.size(); ++code) {
      pass.invoice_blank[code] = is_blank_code(*pass.invoice, code) ? 1 : 0;
    }
    pass.invoice_owner.assign(pass.invoice->dictionary.size(), kNoCode);
    pass.invoice_zero.assign(pass.invoice->dictionary.size(), 0);
  }
  pass.customer_blank = flag_texts(pass.customer, is_blank_text);
}

// A line's value by rule 1: the amount, else quantity x unit_price; NaN when it has neither.
double line_value(const LinePass& pass, std::size_t row) {
  if (pass.amount != nullptr && !std::isnan(pass.amount->numbers[row])) {
    return pass.amount->numbers[row];
  }
  if (pass.quantity != nullptr) {
    return pass.quantity->numbers[row] * pass.unit_price->numbers[row];  // NaN when either is blank
  }
  return std::nan("");
}

bool is_cancelled_line(const LinePass& pass, std::size_t row, std::uint32_t invoice_code) {
  return (invoice_code < pass.cancelled_invoice.size() &&
          pass.cancelled_invoice[invoice_code] != 0) ||
         (pass.status != nullptr && pass.status->codes[row] < pass.cancelled_status.size() &&
          pass.cancelled_status[pass.status->codes[row]] != 0);
}

// A purchase line's order (rule 4): its invoice's first line, or one per customer and day.
void count_order(TransactionTotals& totals, LinePass& pass, std::uint32_t who,
                 std::uint32_t invoice_code, std::size_t row, std::uint32_t bucket, std::size_t p) {
  CustomerTotals& c = totals.by_customer[who];
  if (invoice_code < pass.invoice_blank.size() && pass.invoice_blank[invoice_code] == 0) {
    std::uint32_t& owner = pass.invoice_owner[invoice_code];
    if (owner == kNoCode) {
      owner = who;
      ++c.orders;
      ++totals.orders;
      ++totals.by_period[p].orders;
      if (pass.channel != nullptr) ++totals.by_channel[bucket].orders;
    } else if (owner != who) {
      ++totals.shared_invoice_lines;
    }
    return;
  }
  ++totals.orders_by_day_lines;
  pass.day_lines.add(who, row);
}

// Rule 8: marks the customer as a buyer in the latest or the earlier retention window.
void mark_window(const TransactionTotals& totals, std::uint8_t& flags, Timestamp when) {
  if (totals.window_days == 0) return;
  const std::int64_t before = day_of(totals.as_of) - day_of(when);
  if (before < 0) return;
  if (before < totals.window_days) {
    flags |= customer_flag::latest_window;
  } else if (before < 2 * totals.window_days) {
    flags |= customer_flag::earlier_window;
  }
}

// Invoice ids with a zero-value line and no purchase line (rule 7).
void count_zero_orders(TransactionTotals& totals, const LinePass& pass) {
  for (std::size_t code = 0; code < pass.invoice_zero.size(); ++code) {
    if (pass.invoice_zero[code] != 0 && pass.invoice_owner[code] == kNoCode &&
        pass.invoice_blank[code] == 0 && pass.cancelled_invoice[code] == 0) {
      ++totals.zero_value_orders;
    }
  }
}

// One row, by the rules at the top of this file.
void net_row(TransactionTotals& totals, LinePass& pass, std::size_t row) {
  const std::uint32_t who = pass.customer->codes[row];
  const Timestamp when = pass.date->times[row];
  if (who >= pass.customer_blank.size() || pass.customer_blank[who] != 0 || when == kNoTime) {
    ++totals.rows_skipped;
    return;
  }
  CustomerTotals& c = totals.by_customer[who];
  std::uint8_t& flags = totals.customer_flags[who];
  double value = line_value(pass, row);
  const bool purchased_before = (flags & customer_flag::purchased) != 0;
  auto widen_dates = [&] {
    if (purchased_before) return;
    if (c.first == kNoTime || when < c.first) c.first = when;
    if (c.last == kNoTime || when > c.last) c.last = when;
  };
  if (std::isnan(value)) {
    ++totals.lines_without_value;
    widen_dates();
    return;
  }
  const std::uint32_t invoice_code = pass.invoice != nullptr ? pass.invoice->codes[row] : kNoCode;
  if (value == 0) {
    ++totals.zero_value_lines;
    if (invoice_code < pass.invoice_zero.size()) pass.invoice_zero[invoice_code] = 1;
  }
  const bool cancelled = is_cancelled_line(pass, row, invoice_code);
  if (cancelled) {
    ++totals.cancelled_lines;
    if (value > 0) {
      value = -value;
      ++totals.cancelled_negated;
    }
  }
  const auto p = static_cast<std::size_t>(period_of(pass, when) - totals.first_period);
  PeriodTotals& in_period = totals.by_period[p];
  std::uint32_t bucket = 0;
  if (pass.channel != nullptr) {
    bucket = pass.channels.of(pass.channel->codes[row]);
    totals.by_channel[bucket].revenue += value;
  }
  if (pass.category != nullptr) {
    const std::uint32_t code = pass.category->codes[row];
    totals.by_category[code < 3 ? code : 3] += value;
  }
  c.revenue += value;
  in_period.revenue += value;
  if (value < 0) {
    totals.returns -= value;
    in_period.returns -= value;
    ++totals.return_lines;
    flags |= customer_flag::returned;
  } else {
    totals.gross_revenue += value;
  }
  if (cancelled || value <= 0) {
    widen_dates();
    return;
  }
  if (!purchased_before) {
    flags |= customer_flag::purchased;
    c.first = c.last = when;
    c.channel = bucket;
  } else if (when < c.first) {
    c.first = when;
    c.channel = bucket;
  } else if (when > c.last) {
    c.last = when;
  }
  mark_window(totals, flags, when);
  count_order(totals, pass, who, invoice_code, row, bucket, p);
}

// The orders counted by customer and day, once each, credited to the period and channel of the
// customer's first purchase line of that day in the file.
void count_day_orders(TransactionTotals& totals, LinePass& pass) {
  pass.day_lines.each_order(pass.customer->codes, pass.date->times, [&](std::size_t row) {
    ++totals.by_customer[pass.customer->codes[row]].orders;
    ++totals.orders;
    const Timestamp when = pass.date->times[row];
    ++totals
          .by_period[static_cast<std::size_t>(period_index(when, pass.period) -
                                              totals.first_period)]
          .orders;
    if (pass.channel != nullptr)
      ++totals.by_channel[pass.channels.of(pass.channel->codes[row])].orders;
  });
}

// Customers, net revenue, new customers per period and the channels' customers.
void sum_customers(TransactionTotals& totals, const LinePass& pass) {
  for (std::size_t who = 0; who < totals.by_customer.size(); ++who) {
    const CustomerTotals& c = totals.by_customer[who];
    if (!c.seen()) continue;
    ++totals.customers;
    totals.net_revenue += c.revenue;
    if ((totals.customer_flags[who] & customer_flag::purchased) == 0) continue;
    ++totals
          .by_period[static_cast<std::size_t>(period_index(c.first, pass.period) -
                                              totals.first_period)]
          .new_customers;
    if (pass.channel != nullptr) {
      ++totals.by_channel[c.channel].customers;
      totals.by_channel[c.channel].customer_revenue += c.revenue;
    }
  }
}

}  // namespace

std::int64_t retention_window_days(std::int64_t span_days) {
  if (span_days >= 2 * 365) return 365;
  const std::int64_t half = span_days / 2;
  return half >= kMinRetentionWindowDays ? half : 0;
}

TransactionTotals total_transactions(const ImportedTable& table, Period period, Timestamp as_of) {
  TransactionTotals totals;
  totals.rows = table.rows();
  LinePass pass = line_pass(table, period);
  if (pass.customer == nullptr || pass.date == nullptr) return totals;
  // The period range first, so the per-period totals are one vector.
  set_period_range(totals, pass, table.rows());
  totals.as_of = as_of != kNoTime ? as_of : totals.last_date;
  if (totals.first_date != kNoTime && totals.as_of >= totals.first_date) {
    totals.window_days =
        retention_window_days(day_of(totals.as_of) - day_of(totals.first_date) + 1);
  }
  prepare_flags(totals, pass);
  for (std::size_t row = 0; row < table.rows(); ++row) net_row(totals, pass, row);
  count_day_orders(totals, pass);
  count_zero_orders(totals, pass);
  sum_customers(totals, pass);
  return totals;
}

}  // namespace servimetrics
