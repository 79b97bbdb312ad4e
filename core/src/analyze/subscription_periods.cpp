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
#include <span>

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

namespace {

// The columns read, and how the rows are used.
struct SubscriptionColumns {
  const ImportedColumn* customer;
  const ImportedColumn* start;
  const ImportedColumn* end;
  const ImportedColumn* revenue;
  const ImportedColumn* channel;
  [[nodiscard]] Timestamp end_of(std::size_t row) const {
    return end != nullptr ? end->times[row] : kNoTime;
  }
};

enum Use : std::uint8_t { kept, no_start, after_as_of, end_before_start };

Use use_of(const SubscriptionColumns& c, const std::vector<std::uint8_t>& customer_blank,
           std::size_t row, Timestamp as_of) {
  const Timestamp begins = c.start->times[row];
  const std::uint32_t who = c.customer->codes[row];
  if (begins == kNoTime || who >= customer_blank.size() || customer_blank[who] != 0) {
    return no_start;
  }
  if (begins > as_of) return after_as_of;
  return c.end_of(row) != kNoTime && c.end_of(row) < begins ? end_before_start : kept;
}

// The latest start or end date of the data.
Timestamp latest_date(const SubscriptionColumns& c, std::size_t rows) {
  Timestamp as_of = kNoTime;
  for (std::size_t row = 0; row < rows; ++row) {
    as_of = std::max(as_of, c.start->times[row]);
    as_of = std::max(as_of, c.end_of(row));
  }
  return as_of;
}

// Counts the rows of each use; answers the first kept row of each customer code (shifted by one:
// per_customer[code + 1] ends a counting sort) and the earliest start kept.
std::vector<std::uint32_t> count_rows(SubscriptionHistory& h, const SubscriptionColumns& c,
                                      const std::vector<std::uint8_t>& customer_blank,
                                      std::size_t rows, Timestamp& earliest) {
  std::vector<std::uint32_t> per_customer(c.customer->dictionary.size() + 1, 0);
  earliest = h.as_of;
  for (std::size_t row = 0; row < rows; ++row) {
    switch (use_of(c, customer_blank, row, h.as_of)) {
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
        ++per_customer[c.customer->codes[row] + 1];
        earliest = std::min(earliest, c.start->times[row]);
        break;
    }
  }
  for (std::size_t k = 1; k < per_customer.size(); ++k) per_customer[k] += per_customer[k - 1];
  return per_customer;
}

// Each kept row copied once, in customer order, so the replay reads memory in sequence.
std::vector<Subscription> kept_subscriptions(const SubscriptionHistory& h,
                                             const SubscriptionColumns& c,
                                             const std::vector<std::uint8_t>& customer_blank,
                                             const std::vector<std::uint32_t>& per_customer,
                                             std::size_t rows, Period period) {
  const Timestamp as_of = h.as_of;
  const auto last_boundary = static_cast<std::int64_t>(h.periods.size());
  std::vector<Subscription> subscriptions(h.rows_used);
  std::vector<std::uint32_t> next(per_customer.begin(), per_customer.end() - 1);
  for (std::size_t row = 0; row < rows; ++row) {
    if (use_of(c, customer_blank, row, as_of) != kept) continue;
    Subscription& sub = subscriptions[next[c.customer->codes[row]]++];
    sub.start = c.start->times[row];
    sub.end = c.end_of(row) != kNoTime && c.end_of(row) <= as_of ? c.end_of(row) : kNoTime;
    sub.revenue =
        c.revenue != nullptr && !std::isnan(c.revenue->numbers[row]) ? c.revenue->numbers[row] : 0;
    sub.covers_from =
        std::max<std::int64_t>(0, period_index(sub.start, period) - h.first_period + 1);
    sub.covers_to =
        sub.end == kNoTime ? last_boundary : period_index(sub.end, period) - h.first_period;
    sub.channel = c.channel != nullptr ? c.channel->codes[row] : kNoCode;
  }
  return subscriptions;
}

// Changes at each period boundary, summed over the customers as they are replayed.
struct Replay {
  std::size_t period_count = 0;
  std::int64_t last_boundary = 0;
  std::vector<std::int64_t> active_change;
  std::vector<double> revenue_change;
  std::vector<double> retained_change;
  std::vector<std::vector<std::int64_t>> cohort_change;
  double revenue_scale = 0;  // sum of |revenue|: what rounding residue is measured against
  std::vector<Event> events;

  explicit Replay(std::size_t periods)
      : period_count(periods),
        last_boundary(static_cast<std::int64_t>(periods)),
        active_change(periods + 1, 0),
        revenue_change(periods + 1, 0),
        retained_change(periods, 0),
        cohort_change(periods) {}
};

// One customer's subscriptions: as_of state, channel, cohort, and the boundary events.
struct CustomerState {
  Timestamp first_start = kNoTime;
  Timestamp last_end = kNoTime;
  std::uint32_t first_channel = kNoCode;
  bool active = false;
  double active_revenue = 0;
};

CustomerState collect_events(Replay& r, std::span<const Subscription> subs) {
  CustomerState s;
  r.events.clear();
  for (const Subscription& sub : subs) {
    r.revenue_scale += std::abs(sub.revenue);
    if (s.first_start == kNoTime || sub.start < s.first_start) {
      s.first_start = sub.start;
      s.first_channel = sub.channel;
    }
    if (sub.end == kNoTime) {
      s.active = true;
      s.active_revenue += sub.revenue;
    } else {
      s.last_end = std::max(s.last_end, sub.end);
    }
    if (sub.covers_from > sub.covers_to) continue;
    r.events.push_back({sub.covers_from, 1, sub.revenue});
    if (sub.covers_to + 1 <= r.last_boundary) {
      r.events.push_back({sub.covers_to + 1, -1, -sub.revenue});
    }
  }
  return s;
}

// Walks one customer's events boundary by boundary: active customers and revenue at each,
// joins, losses and contraction per period, and the boundaries active for the cohort.
void replay_events(SubscriptionHistory& h, Replay& r, std::int64_t cohort) {
  // Boundaries b_from..b_to where the customer is active, as offsets from the cohort's start.
  auto add_active_range = [&](std::int64_t b_from, std::int64_t b_to) {
    if (cohort < 0) return;
    auto& counts = r.cohort_change[static_cast<std::size_t>(cohort)];
    counts[static_cast<std::size_t>(b_from - 1 - cohort)] += 1;
    counts[static_cast<std::size_t>(b_to - cohort)] -= 1;
  };
  std::vector<Event>& events = r.events;
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
    r.active_change[b] += (next_count > 0 ? 1 : 0) - (count > 0 ? 1 : 0);
    r.revenue_change[b] += next_amount - amount;
    if (boundary >= 1) {
      SubscriptionPeriod& p = h.periods[b - 1];
      if (count > 0 && next_count == 0) {
        ++p.customers_lost;
        p.revenue_lost += amount;
        r.retained_change[b - 1] -= amount;
      } else if (count > 0) {
        if (next_amount < amount) p.revenue_lost += amount - next_amount;
        r.retained_change[b - 1] += next_amount - amount;
      } else if (next_count > 0) {
        ++p.new_customers;
      }
    }
    if (count == 0 && next_count > 0) active_from = boundary;
    if (count > 0 && next_count == 0) add_active_range(active_from, boundary - 1);
    count = next_count;
    amount = next_amount;
  }
  if (count > 0) add_active_range(active_from, r.last_boundary);
}

void replay_customer(SubscriptionHistory& h, Replay& r, std::span<const Subscription> subs,
                     const TextBuckets& channels, Period period) {
  ++h.customers;
  const CustomerState s = collect_events(r, subs);
  h.lifetime_days_sum +=
      static_cast<double>(day_of(s.active ? h.as_of : s.last_end) - day_of(s.first_start));
  if (s.active) {
    ++h.active_customers;
    h.recurring_revenue_active += s.active_revenue;
  }
  if (h.has_channel) {
    SubscriptionChannel& bucket = h.channels[channels.of(s.first_channel)];
    ++bucket.customers;
    if (s.active) {
      ++bucket.active;
      bucket.recurring_revenue += s.active_revenue;
    }
  }
  if (r.events.empty()) ++h.short_lived_customers;
  const std::int64_t cohort = period_index(s.first_start, period) - h.first_period;
  if (cohort >= 0) {
    auto& counts = r.cohort_change[static_cast<std::size_t>(cohort)];
    if (counts.empty()) counts.assign(r.period_count - static_cast<std::size_t>(cohort) + 1, 0);
    ++h.cohorts[static_cast<std::size_t>(cohort)].customers;
  }
  replay_events(h, r, cohort);
}

// The running sums of the boundary changes: each period's customers and revenue.
void settle_periods(SubscriptionHistory& h, const Replay& r, Period period) {
  // Sums of + and - of the same amounts in another order leave residue; below this it is zero.
  const double residue = r.revenue_scale * 1e-12;
  auto settled = [&](double value) { return std::abs(value) < residue ? 0.0 : value; };
  std::int64_t active_now = 0;
  double revenue_now = 0;
  std::vector<std::int64_t> active_at(r.period_count + 1);
  std::vector<double> revenue_at(r.period_count + 1);
  for (std::size_t b = 0; b <= r.period_count; ++b) {
    active_now += r.active_change[b];
    revenue_now += r.revenue_change[b];
    active_at[b] = active_now;
    revenue_at[b] = settled(revenue_now);
  }
  const std::int64_t as_of_day = day_of(h.as_of);
  for (std::size_t k = 0; k < r.period_count; ++k) {
    SubscriptionPeriod& p = h.periods[k];
    p.complete = day_of(period_start(h.first_period + static_cast<std::int64_t>(k) + 1, period)) <=
                 as_of_day + 1;
    p.customers_start = static_cast<std::uint32_t>(active_at[k]);
    p.customers_end = static_cast<std::uint32_t>(active_at[k + 1]);
    p.revenue_start = revenue_at[k];
    p.revenue_end = revenue_at[k + 1];
    p.revenue_lost = std::min(settled(p.revenue_lost), p.revenue_start);
    p.revenue_retained = std::max(0.0, settled(p.revenue_start + r.retained_change[k]));
  }
  for (std::size_t c = 0; c < r.period_count; ++c) {
    if (r.cohort_change[c].empty()) continue;
    std::vector<std::uint32_t>& active = h.cohorts[c].active;
    active.resize(r.period_count - c);
    std::int64_t running = 0;
    for (std::size_t offset = 0; offset < active.size(); ++offset) {
      running += r.cohort_change[c][offset];
      active[offset] = static_cast<std::uint32_t>(running);
    }
  }
}

}  // namespace

SubscriptionHistory subscription_history(const ImportedTable& table, Period period,
                                         Timestamp as_of) {
  SubscriptionHistory h;
  const SubscriptionColumns c{table.column("customer_id"), table.column("start_date"),
                              table.column("end_date"), table.column("recurring_revenue"),
                              table.column("channel")};
  if (c.customer == nullptr || c.start == nullptr) return h;
  h.has_revenue = c.revenue != nullptr;
  h.has_channel = c.channel != nullptr;
  const std::size_t rows = table.rows();
  h.as_of = as_of != kNoTime ? as_of : latest_date(c, rows);
  if (h.as_of == kNoTime) {
    h.rows_without_start = rows;
    return h;
  }

  // Rows kept, grouped by customer with a counting sort (customer codes are dense).
  const std::vector<std::uint8_t> customer_blank = blank_codes(*c.customer);
  Timestamp earliest = kNoTime;
  const std::vector<std::uint32_t> per_customer = count_rows(h, c, customer_blank, rows, earliest);
  const std::int64_t last_period = period_index(h.as_of, period);
  h.first_period = period_index(earliest, period);
  if (last_period - h.first_period + 1 > kMaxSubscriptionPeriods) {
    h.first_period = last_period - kMaxSubscriptionPeriods + 1;
    h.window_clipped = true;
  }
  const auto period_count = static_cast<std::size_t>(last_period - h.first_period + 1);
  h.periods.resize(period_count);
  h.cohorts.resize(period_count);
  const std::vector<Subscription> subscriptions =
      kept_subscriptions(h, c, customer_blank, per_customer, rows, period);

  TextBuckets channels;
  if (c.channel != nullptr) {
    channels = text_buckets(*c.channel);
    for (std::string& name : channels.names) h.channels.push_back({std::move(name)});
  }
  Replay replay(period_count);
  for (std::size_t who = 0; who + 1 < per_customer.size(); ++who) {
    const std::uint32_t from = per_customer[who];
    const std::uint32_t to = per_customer[who + 1];
    if (from == to) continue;
    replay_customer(h, replay,
                    std::span<const Subscription>(subscriptions).subspan(from, to - from), channels,
                    period);
  }
  settle_periods(h, replay, period);
  return h;
}

}  // namespace servimetrics
