// Buyers, exposure-based purchase frequency and year-on-year retention of a transactions file
// (definitions in customer_base.hpp).
#include "analyze/customer_base.hpp"

#include <cmath>

#include "analyze/kind_answer.hpp"

namespace servimetrics {

namespace {
constexpr double kDaysPerYear = 365.25;
}  // namespace

CustomerBase customer_base(const TransactionTotals& t) {
  CustomerBase base;
  const std::int64_t as_of_day = t.as_of != kNoTime ? day_of(t.as_of) : 0;
  const bool full_year =
      t.as_of != kNoTime && t.first_date != kNoTime && as_of_day - day_of(t.first_date) >= 365;
  std::size_t new_buyers = 0;
  for (std::size_t who = 0; who < t.by_customer.size(); ++who) {
    const CustomerTotals& c = t.by_customer[who];
    const std::uint8_t flags = t.customer_flags[who];
    if (!c.seen()) continue;
    if (c.revenue < 0) ++base.negative_revenue;
    if ((flags & customer_flag::purchased) == 0) {
      if ((flags & customer_flag::returned) != 0) {
        ++base.returns_only;
        base.returns_only_amount += c.revenue;
      }
      continue;
    }
    ++base.buyers;
    base.buyer_revenue += c.revenue;
    if (c.revenue < 0) ++base.negative_buyers;
    if (c.orders >= 2) ++base.repeat_buyers;
    if (c.orders >= 1) base.repeat_purchases += static_cast<double>(c.orders - 1);
    const std::int64_t days = as_of_day - day_of(c.first);
    if (days < 365) ++new_buyers;
    if (days > 0) base.exposure_years += static_cast<double>(days) / kDaysPerYear;
    if ((flags & customer_flag::earlier_window) != 0) {
      ++base.window_buyers;
      if ((flags & customer_flag::latest_window) != 0) ++base.retained;
    }
  }
  if (full_year) base.new_buyers_last_year = new_buyers;
  if (t.window_days > 0 && base.window_buyers > 0) {
    const double share =
        static_cast<double>(base.retained) / static_cast<double>(base.window_buyers);
    base.window_retention = share;
    base.annual_retention =
        t.window_days == 365 ? share : std::pow(share, 365.0 / static_cast<double>(t.window_days));
  }
  return base;
}

}  // namespace servimetrics
