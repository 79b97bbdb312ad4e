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
//     files without the column) count one order per customer and calendar day.
//  5. Revenue is net (purchases minus returns and cancellations); returns are also reported
//     apart as a positive amount. Zero-value lines change nothing but their customer's dates.
//  6. A customer's first and last dates are those of their purchase lines (of any line when they
//     have none); the channel of the first purchase line is where the customer was won.
#include "analyze/transaction_lines.hpp"

#include <algorithm>
#include <cmath>

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

// An order counted by (customer, day): sorted and deduplicated after the pass.
struct DayOrder {
  std::uint64_t key;  // customer code in the high half, day + 2^31 in the low half
  std::uint32_t channel;
  std::uint32_t period;
};

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

TransactionTotals total_transactions(const ImportedTable& table, Period period) {
  TransactionTotals totals;
  totals.rows = table.rows();
  const ImportedColumn* customer = table.column("customer_id");
  const ImportedColumn* date = table.column("date");
  if (customer == nullptr || date == nullptr) return totals;
  const ImportedColumn* amount = table.column("amount");
  const ImportedColumn* quantity = table.column("quantity");
  const ImportedColumn* unit_price = table.column("unit_price");
  if (quantity == nullptr || unit_price == nullptr) quantity = unit_price = nullptr;
  const ImportedColumn* channel = table.column("channel");
  const ImportedColumn* category = table.column("category");
  const ImportedColumn* invoice = table.column("invoice_id");
  const ImportedColumn* status = table.column("status");
  const std::size_t rows = table.rows();

  // The period range first, so the per-period totals are one vector.
  for (std::size_t row = 0; row < rows; ++row) {
    const Timestamp when = date->times[row];
    if (when == kNoTime) continue;
    if (totals.first_date == kNoTime || when < totals.first_date) totals.first_date = when;
    if (totals.last_date == kNoTime || when > totals.last_date) totals.last_date = when;
  }
  if (totals.first_date != kNoTime) {
    totals.first_period = period_index(totals.first_date, period);
    totals.by_period.resize(
        static_cast<std::size_t>(period_index(totals.last_date, period) - totals.first_period + 1));
  }

  totals.by_customer.resize(customer->dictionary.size());
  TextBuckets channels;
  if (channel != nullptr) {
    channels = text_buckets(*channel);
    for (std::string& name : channels.names) totals.by_channel.push_back({std::move(name)});
  }
  totals.has_category = category != nullptr;
  const std::vector<std::uint8_t> cancelled_invoice = flag_texts(invoice, is_cancelled_invoice);
  const std::vector<std::uint8_t> cancelled_status = flag_texts(status, is_cancelled_status);
  std::vector<std::uint8_t> invoice_blank;
  std::vector<std::uint32_t> invoice_owner;
  if (invoice != nullptr) {
    invoice_blank.resize(invoice->dictionary.size());
    for (std::uint32_t code = 0; code < invoice_blank.size(); ++code) {
      invoice_blank[code] = is_blank_code(*invoice, code) ? 1 : 0;
    }
    invoice_owner.assign(invoice->dictionary.size(), kNoCode);
  }
  const std::vector<std::uint8_t> customer_blank = flag_texts(customer, is_blank_text);
  std::vector<DayOrder> day_orders;

  for (std::size_t row = 0; row < rows; ++row) {
    const std::uint32_t who = customer->codes[row];
    const Timestamp when = date->times[row];
    if (who >= customer_blank.size() || customer_blank[who] != 0 || when == kNoTime) {
      ++totals.rows_skipped;
      continue;
    }
    CustomerTotals& c = totals.by_customer[who];
    c.seen = true;
    double value = std::nan("");
    if (amount != nullptr && !std::isnan(amount->numbers[row])) {
      value = amount->numbers[row];
    } else if (quantity != nullptr) {
      value = quantity->numbers[row] * unit_price->numbers[row];  // NaN when either is blank
    }
    const bool purchased_before = c.purchased;
    auto widen_dates = [&] {
      if (purchased_before) return;
      if (c.first == kNoTime || when < c.first) c.first = when;
      if (c.last == kNoTime || when > c.last) c.last = when;
    };
    if (std::isnan(value)) {
      ++totals.lines_without_value;
      widen_dates();
      continue;
    }
    const std::uint32_t invoice_code = invoice != nullptr ? invoice->codes[row] : kNoCode;
    const bool cancelled =
        (invoice_code < cancelled_invoice.size() && cancelled_invoice[invoice_code] != 0) ||
        (status != nullptr && status->codes[row] < cancelled_status.size() &&
         cancelled_status[status->codes[row]] != 0);
    if (cancelled) {
      ++totals.cancelled_lines;
      if (value > 0) {
        value = -value;
        ++totals.cancelled_negated;
      }
    }
    const auto p = static_cast<std::size_t>(period_index(when, period) - totals.first_period);
    PeriodTotals& in_period = totals.by_period[p];
    std::uint32_t bucket = 0;
    if (channel != nullptr) {
      const std::uint32_t code = channel->codes[row];
      bucket = channels.of(code);
      totals.by_channel[bucket].revenue += value;
    }
    if (category != nullptr) {
      const std::uint32_t code = category->codes[row];
      totals.by_category[code < 3 ? code : 3] += value;
    }
    c.revenue += value;
    in_period.revenue += value;
    if (value < 0) {
      totals.returns -= value;
      in_period.returns -= value;
      ++totals.return_lines;
    } else {
      totals.gross_revenue += value;
    }
    if (cancelled || value <= 0) {
      widen_dates();
      continue;
    }

    if (!c.purchased) {
      c.purchased = true;
      c.first = c.last = when;
      c.channel = bucket;
    } else if (when < c.first) {
      c.first = when;
      c.channel = bucket;
    } else if (when > c.last) {
      c.last = when;
    }
    if (invoice_code < invoice_blank.size() && invoice_blank[invoice_code] == 0) {
      std::uint32_t& owner = invoice_owner[invoice_code];
      if (owner == kNoCode) {
        owner = who;
        ++c.orders;
        ++totals.orders;
        ++in_period.orders;
        if (channel != nullptr) ++totals.by_channel[bucket].orders;
      } else if (owner != who) {
        ++totals.shared_invoice_lines;
      }
    } else {
      ++totals.orders_by_day_lines;
      const auto day = static_cast<std::uint64_t>(day_of(when) + (std::int64_t{1} << 31));
      day_orders.push_back({(std::uint64_t{who} << 32) | (day & 0xFFFFFFFFU), bucket,
                            static_cast<std::uint32_t>(p)});
    }
  }

  std::sort(day_orders.begin(), day_orders.end(),
            [](const DayOrder& a, const DayOrder& b) { return a.key < b.key; });
  for (std::size_t i = 0; i < day_orders.size(); ++i) {
    if (i > 0 && day_orders[i].key == day_orders[i - 1].key) continue;
    ++totals.by_customer[day_orders[i].key >> 32].orders;
    ++totals.orders;
    ++totals.by_period[day_orders[i].period].orders;
    if (channel != nullptr) ++totals.by_channel[day_orders[i].channel].orders;
  }

  for (const CustomerTotals& c : totals.by_customer) {
    if (!c.seen) continue;
    ++totals.customers;
    totals.net_revenue += c.revenue;
    if (!c.purchased) continue;
    ++totals
          .by_period[static_cast<std::size_t>(period_index(c.first, period) - totals.first_period)]
          .new_customers;
    if (channel != nullptr) {
      ++totals.by_channel[c.channel].customers;
      totals.by_channel[c.channel].customer_revenue += c.revenue;
    }
  }
  return totals;
}

}  // namespace servimetrics
