// Distinct (customer, day) pairs of the purchase lines without an invoice: each customer's lines
// grouped by a counting sort, a block of customers at a time, then its days sorted and counted once
// each.
#include "analyze/day_orders.hpp"

#include <algorithm>
#include <bit>
#include <utility>

#include "analyze/kind_answer.hpp"

namespace servimetrics {

void DayOrderLines::reset(std::size_t customers, std::size_t rows) {
  ends_.assign(customers + 1, 0);
  marked_.assign((rows + 63) / 64, 0);
}

namespace {

// The lines grouped in one pass for a block of customers: a million lines (4 MB) a pass, so that
// five million lines take six passes over the marks instead of 21 MB beside the analysis's
// per-customer totals (their high-water mark).
constexpr std::size_t kBlockLines = std::size_t{1} << 20;

// Calls first_line once per distinct day of one customer's rows (in file order).
void each_day(std::span<const std::uint32_t> rows, std::span<const Timestamp> times,
              std::vector<std::pair<std::int64_t, std::uint32_t>>& days,
              const std::function<void(std::size_t row)>& first_line) {
  days.clear();
  for (const std::uint32_t row : rows) days.emplace_back(day_of(times[row]), row);
  if (!std::is_sorted(days.begin(), days.end())) std::sort(days.begin(), days.end());
  for (std::size_t k = 0; k < days.size(); ++k) {
    if (k == 0 || days[k].first != days[k - 1].first) first_line(days[k].second);
  }
}

}  // namespace

void DayOrderLines::each_order(std::span<const std::uint32_t> customers,
                               std::span<const Timestamp> times,
                               const std::function<void(std::size_t row)>& first_line) {
  if (ends_.empty()) return;
  // ends_[c] becomes the start of customer c's lines (and ends_[c + 1] its end).
  for (std::size_t c = 1; c < ends_.size(); ++c) ends_[c] += ends_[c - 1];
  const std::size_t count = ends_.size() - 1;
  std::vector<std::uint32_t> rows(std::min<std::size_t>(ends_.back(), kBlockLines));
  std::vector<std::pair<std::int64_t, std::uint32_t>> days;  // one customer's (day, row), reused
  for (std::size_t first = 0, last = 0; first < count; first = last) {
    last = first + 1;
    while (last < count && ends_[last + 1] - ends_[first] <= kBlockLines) ++last;
    const std::uint32_t base = ends_[first];
    rows.resize(ends_[last] - base);
    // The block's marked rows to their customers' next places, in file order; afterwards
    // ends_[c] is the end of customer c's lines.
    for (std::size_t word = 0; word < marked_.size(); ++word) {
      for (std::uint64_t bits = marked_[word]; bits != 0; bits &= bits - 1) {
        const std::size_t row = word * 64 + static_cast<std::size_t>(std::countr_zero(bits));
        const std::uint32_t c = customers[row];
        if (c >= first && c < last) rows[ends_[c]++ - base] = static_cast<std::uint32_t>(row);
      }
    }
    for (std::size_t c = first, begin = base; c < last; begin = ends_[c++]) {
      each_day(std::span(rows).subspan(begin - base, ends_[c] - begin), times, days, first_line);
    }
  }
  marked_ = {};
  ends_ = {};
}

}  // namespace servimetrics
