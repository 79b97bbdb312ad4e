// Replays dated subscriptions over period boundaries. Rules, as the documentation states them:
//  - A subscription covers the instants after its start up to and including its end: it counts
//    at a period's start boundary b when start < b <= end (blank end: still running). So a
//    subscription starting on the 1st is new in that period, and one ending on any day of a
//    period is lost in that period.
//  - End dates after as_of are treated as blank (still active at as_of); rows starting after
//    as_of, without a start, or ending before they start are left out (counted in notes).
//  - A customer is active at a boundary when any of their subscriptions is, so a plan change
//    (one row ends as the next starts) is no churn. Customers count once however many rows.
//  - Revenue at a boundary is the sum of the recurring_revenue of the subscriptions covering it.
//    Lost revenue of a period = the start revenue of customers lost in it, plus the drop of
//    those who stay (contraction); retained revenue = the end revenue of the customers active
//    at its start, so retained / start is net revenue retention (expansion shows only when a
//    customer has several rows).
#include "analyze/subscription_periods.hpp"

#include <algorithm>
#include <cmath>

#include "analyze/kind_answer.hpp"

namespace servimetrics {
namespace {

struct Subscription {
  Timestamp start;
  Timestamp end;  // kNoTime while active at as_of
  double revenue;
  std::int64_t covers_from;  // first and last period boundary it counts at
  std::int64_t covers_to;
  std::uint32_t channel;
};

struct Event {
  std::int64_t boundary;
  int customers;  // +1 when a subscription starts covering, -1 when it stops
  double revenue;
};

}  // namespace

SubscriptionHistory subscription_history(const ImportedTable& table, Period period,
                                         Timestamp as_of) {
  SubscriptionHistory h;
  const ImportedColumn* customer = table.column("customer_id");
  const ImportedColumn* start = table.column("start_date");
  if (customer == nullptr || start == nullptr) return h;
  const ImportedColumn* end = table.column("end_date");
  const ImportedColumn* revenue = table.column("recurring_revenue");
  const ImportedColumn* channel = table.column("channel");
  h.has_revenue = revenue != nullptr;
  h.has_channel = channel != nullptr;
  const std::size_t rows = table.rows();
  auto end_of = [&](std::size_t row) { return end != nullptr ? end->times[row] : kNoTime; };

  if (as_of == kNoTime) {
    for (std::size_t row = 0; row < rows; ++row) {
      as_of = std::max(as_of, start->times[row]);
      as_of = std::max(as_of, end_of(row));
    }
  }
  h.as_of = as_of;
  if (as_of == kNoTime) {
    h.rows_without_start = rows;
    return h;
  }

  // Rows kept, grouped by customer with a counting sort (customer codes are dense).
  const std::vector<std::uint8_t> customer_blank = blank_codes(*customer);
  enum Use : std::uint8_t { kept, no_start, after_as_of, end_before_start };
  auto use_of = [&](std::size_t row) {
    const Timestamp begins = start->times[row];
    const std::uint32_t who = customer->codes[row];
    if (begins == kNoTime || who >= customer_blank.size() || customer_blank[who] != 0) {
      return no_start;
    }
    if (begins > as_of) return after_as_of;
    return end_of(row) != kNoTime && end_of(row) < begins ? end_before_start : kept;
  };
  std::vector<std::uint32_t> per_customer(customer->dictionary.size() + 1, 0);
  Timestamp earliest = as_of;
  for (std::size_t row = 0; row < rows; ++row) {
    switch (use_of(row)) {
      case no_start:
        ++h.rows_without_start;
        break;
      case after_as_of:
        ++h.rows_after_as_of;
        break;
      case end_before_start:
        ++h.rows_end_before_start;
        break;
      case kept:
        ++h.rows_used;
        ++per_customer[customer->codes[row] + 1];
        earliest = std::min(earliest, start->times[row]);
        break;
    }
  }
  const std::int64_t last_period = period_index(as_of, period);
  std::int64_t first_period = period_index(earliest, period);
  if (last_period - first_period + 1 > kMaxSubscriptionPeriods) {
    first_period = last_period - kMaxSubscriptionPeriods + 1;
    h.window_clipped = true;
  }
  h.first_period = first_period;
  const auto period_count = static_cast<std::size_t>(last_period - first_period + 1);
  const auto last_boundary = static_cast<std::int64_t>(period_count);
  for (std::size_t c = 1; c < per_customer.size(); ++c) per_customer[c] += per_customer[c - 1];
  // Each kept row copied once, in customer order, so the replay reads memory in sequence.
  std::vector<Subscription> subscriptions(h.rows_used);
  {
    std::vector<std::uint32_t> next(per_customer.begin(), per_customer.end() - 1);
    for (std::size_t row = 0; row < rows; ++row) {
      if (use_of(row) != kept) continue;
      Subscription& sub = subscriptions[next[customer->codes[row]]++];
      sub.start = start->times[row];
      sub.end = end_of(row) != kNoTime && end_of(row) <= as_of ? end_of(row) : kNoTime;
      sub.revenue =
          revenue != nullptr && !std::isnan(revenue->numbers[row]) ? revenue->numbers[row] : 0;
      sub.covers_from =
          std::max<std::int64_t>(0, period_index(sub.start, period) - first_period + 1);
      sub.covers_to =
          sub.end == kNoTime ? last_boundary : period_index(sub.end, period) - first_period;
      sub.channel = channel != nullptr ? channel->codes[row] : kNoCode;
    }
  }

  TextBuckets channels;
  if (channel != nullptr) {
    channels = text_buckets(*channel);
    for (std::string& name : channels.names) h.channels.push_back({std::move(name)});
  }

  h.periods.resize(period_count);
  h.cohorts.resize(period_count);
  std::vector<std::int64_t> active_change(period_count + 1, 0);
  std::vector<double> revenue_change(period_count + 1, 0);
  std::vector<double> retained_change(period_count, 0);
  std::vector<std::vector<std::int64_t>> cohort_change(period_count);
  double revenue_scale = 0;  // sum of |revenue|: what rounding residue is measured against
  std::vector<Event> events;

  for (std::size_t who = 0; who + 1 < per_customer.size(); ++who) {
    const std::uint32_t from = per_customer[who];
    const std::uint32_t to = per_customer[who + 1];
    if (from == to) continue;
    ++h.customers;
    events.clear();
    Timestamp first_start = kNoTime;
    Timestamp last_end = kNoTime;
    std::uint32_t first_channel = kNoCode;
    bool active = false;
    double active_revenue = 0;
    for (std::uint32_t i = from; i < to; ++i) {
      const Subscription& sub = subscriptions[i];
      revenue_scale += std::abs(sub.revenue);
      if (first_start == kNoTime || sub.start < first_start) {
        first_start = sub.start;
        first_channel = sub.channel;
      }
      if (sub.end == kNoTime) {
        active = true;
        active_revenue += sub.revenue;
      } else {
        last_end = std::max(last_end, sub.end);
      }
      const std::int64_t covers_from = sub.covers_from;
      const std::int64_t covers_to = sub.covers_to;
      const double amount = sub.revenue;
      if (covers_from > covers_to) continue;
      events.push_back({covers_from, 1, amount});
      if (covers_to + 1 <= last_boundary) events.push_back({covers_to + 1, -1, -amount});
    }
    h.lifetime_days_sum +=
        static_cast<double>(day_of(active ? as_of : last_end) - day_of(first_start));
    if (active) {
      ++h.active_customers;
      h.recurring_revenue_active += active_revenue;
    }
    if (channel != nullptr) {
      const std::uint32_t code = first_channel;
      SubscriptionChannel& bucket = h.channels[channels.of(code)];
      ++bucket.customers;
      if (active) {
        ++bucket.active;
        bucket.recurring_revenue += active_revenue;
      }
    }
    if (events.empty()) {
      ++h.short_lived_customers;
    }
    const std::int64_t cohort = period_index(first_start, period) - first_period;
    if (cohort >= 0) {
      auto& counts = cohort_change[static_cast<std::size_t>(cohort)];
      if (counts.empty()) counts.assign(period_count - static_cast<std::size_t>(cohort) + 1, 0);
      ++h.cohorts[static_cast<std::size_t>(cohort)].customers;
    }
    // Boundaries b_from..b_to where the customer is active, as offsets from the cohort's start.
    auto add_active_range = [&](std::int64_t b_from, std::int64_t b_to) {
      if (cohort < 0) return;
      auto& counts = cohort_change[static_cast<std::size_t>(cohort)];
      counts[static_cast<std::size_t>(b_from - 1 - cohort)] += 1;
      counts[static_cast<std::size_t>(b_to - cohort)] -= 1;
    };

    std::sort(events.begin(), events.end(),
              [](const Event& a, const Event& b) { return a.boundary < b.boundary; });
    int count = 0;
    double amount = 0;
    std::int64_t active_from = 0;
    for (std::size_t i = 0; i < events.size();) {
      const std::int64_t boundary = events[i].boundary;
      int next_count = count;
      double next_amount = amount;
      for (; i < events.size() && events[i].boundary == boundary; ++i) {
        next_count += events[i].customers;
        next_amount += events[i].revenue;
      }
      if (next_count == 0) next_amount = 0;
      const auto b = static_cast<std::size_t>(boundary);
      active_change[b] += (next_count > 0 ? 1 : 0) - (count > 0 ? 1 : 0);
      revenue_change[b] += next_amount - amount;
      if (boundary >= 1) {
        SubscriptionPeriod& p = h.periods[b - 1];
        if (count > 0 && next_count == 0) {
          ++p.customers_lost;
          p.revenue_lost += amount;
          retained_change[b - 1] -= amount;
        } else if (count > 0) {
          if (next_amount < amount) p.revenue_lost += amount - next_amount;
          retained_change[b - 1] += next_amount - amount;
        } else if (next_count > 0) {
          ++p.new_customers;
        }
      }
      if (count == 0 && next_count > 0) active_from = boundary;
      if (count > 0 && next_count == 0) add_active_range(active_from, boundary - 1);
      count = next_count;
      amount = next_amount;
    }
    if (count > 0) add_active_range(active_from, last_boundary);
  }

  // Sums of + and - of the same amounts in another order leave residue; below this it is zero.
  const double residue = revenue_scale * 1e-12;
  auto settled = [&](double value) { return std::abs(value) < residue ? 0.0 : value; };
  std::int64_t active_now = 0;
  double revenue_now = 0;
  std::vector<std::int64_t> active_at(period_count + 1);
  std::vector<double> revenue_at(period_count + 1);
  for (std::size_t b = 0; b <= period_count; ++b) {
    active_now += active_change[b];
    revenue_now += revenue_change[b];
    active_at[b] = active_now;
    revenue_at[b] = settled(revenue_now);
  }
  const std::int64_t as_of_day = day_of(as_of);
  for (std::size_t k = 0; k < period_count; ++k) {
    SubscriptionPeriod& p = h.periods[k];
    p.complete = day_of(period_start(first_period + static_cast<std::int64_t>(k) + 1, period)) <=
                 as_of_day + 1;
    p.customers_start = static_cast<std::uint32_t>(active_at[k]);
    p.customers_end = static_cast<std::uint32_t>(active_at[k + 1]);
    p.revenue_start = revenue_at[k];
    p.revenue_end = revenue_at[k + 1];
    p.revenue_lost = std::min(settled(p.revenue_lost), p.revenue_start);
    p.revenue_retained = std::max(0.0, settled(p.revenue_start + retained_change[k]));
  }
  for (std::size_t c = 0; c < period_count; ++c) {
    if (cohort_change[c].empty()) continue;
    std::vector<std::uint32_t>& active = h.cohorts[c].active;
    active.resize(period_count - c);
    std::int64_t running = 0;
    for (std::size_t offset = 0; offset < active.size(); ++offset) {
      running += cohort_change[c][offset];
      active[offset] = static_cast<std::uint32_t>(running);
    }
  }
  return h;
}

}  // namespace servimetrics
