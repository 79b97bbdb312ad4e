// Sums a subscription snapshot per customer first (a customer may have several rows), then per
// channel (of the customer's first row) and tenure band.
#include "analyze/subscription_snapshot.hpp"

#include <cmath>

#include "analyze/kind_answer.hpp"

namespace servimetrics {
namespace {

struct CustomerState {
  bool seen = false;
  bool stayed = false;   // a row flagged 0
  bool churned = false;  // a row flagged 1
  double tenure = std::nan("");
  double revenue = 0;
  std::uint32_t channel = 0;
};

void add_to(SnapshotGroup& group, const CustomerState& c, bool churned) {
  ++group.customers;
  group.recurring_revenue += c.revenue;
  if (churned) {
    ++group.churned;
    group.recurring_revenue_churned += c.revenue;
  }
  if (!std::isnan(c.tenure)) {
    group.tenure_sum += c.tenure;
    ++group.with_tenure;
  }
}

}  // namespace

SubscriptionSnapshot subscription_snapshot(const ImportedTable& table) {
  SubscriptionSnapshot s;
  const ImportedColumn* customer = table.column("customer_id");
  const ImportedColumn* churned = table.column("churned");
  if (customer == nullptr || churned == nullptr) return s;
  const ImportedColumn* tenure = table.column("tenure_months");
  const ImportedColumn* revenue = table.column("recurring_revenue");
  const ImportedColumn* channel = table.column("channel");
  s.has_revenue = revenue != nullptr;
  s.has_tenure = tenure != nullptr;

  std::vector<std::uint32_t> channel_bucket;
  if (channel != nullptr) {
    channel_bucket.resize(channel->dictionary.size());
    for (std::uint32_t code = 0; code < channel_bucket.size(); ++code) {
      if (is_blank_code(*channel, code)) continue;
      channel_bucket[code] = static_cast<std::uint32_t>(s.channels.size());
      s.channels.push_back({std::string(channel->dictionary.text(code))});
    }
    const auto blank = static_cast<std::uint32_t>(s.channels.size());
    s.channels.push_back({"(blank)"});
    for (std::uint32_t code = 0; code < channel_bucket.size(); ++code) {
      if (is_blank_code(*channel, code)) channel_bucket[code] = blank;
    }
  }

  const std::vector<std::uint8_t> customer_blank = blank_codes(*customer);
  std::vector<CustomerState> customers(customer->dictionary.size());
  for (std::size_t row = 0; row < table.rows(); ++row) {
    const std::uint32_t who = customer->codes[row];
    if (who >= customer_blank.size() || customer_blank[who] != 0) {
      ++s.rows_without_customer;
      continue;
    }
    ++s.rows_used;
    CustomerState& c = customers[who];
    if (!c.seen && channel != nullptr) {
      const std::uint32_t code = channel->codes[row];
      c.channel = code < channel_bucket.size() ? channel_bucket[code]
                                               : static_cast<std::uint32_t>(s.channels.size() - 1);
    }
    c.seen = true;
    const std::uint8_t flag = churned->flags[row];
    c.stayed = c.stayed || flag == 0;
    c.churned = c.churned || flag == 1;
    if (tenure != nullptr && !std::isnan(tenure->numbers[row]) &&
        (std::isnan(c.tenure) || tenure->numbers[row] > c.tenure)) {
      c.tenure = tenure->numbers[row];
    }
    if (revenue != nullptr && !std::isnan(revenue->numbers[row]))
      c.revenue += revenue->numbers[row];
  }

  static constexpr const char* kBands[] = {"0-6", "7-12", "13-24", "25-48", "49+"};
  static constexpr double kBandTops[] = {6, 12, 24, 48};
  if (tenure != nullptr) {
    for (const char* band : kBands) s.tenure_bands.push_back({band});
  }
  for (const CustomerState& c : customers) {
    if (!c.seen) continue;
    if (!c.stayed && !c.churned) {
      ++s.customers_without_flag;
      continue;
    }
    const bool lost = c.churned && !c.stayed;
    add_to(s.all, c, lost);
    if (lost && !std::isnan(c.tenure)) {
      s.churned_tenure_sum += c.tenure;
      ++s.churned_with_tenure;
    }
    if (channel != nullptr) add_to(s.channels[c.channel], c, lost);
    if (tenure != nullptr && !std::isnan(c.tenure)) {
      std::size_t band = 0;
      while (band < 4 && c.tenure > kBandTops[band]) ++band;
      add_to(s.tenure_bands[band], c, lost);
    }
  }
  return s;
}

}  // namespace servimetrics
