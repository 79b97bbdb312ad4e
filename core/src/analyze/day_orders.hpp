// Purchase lines without an invoice id, one order per customer and calendar day, counted from a
// counting sort of their rows by customer (internal to the core).
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "servimetrics/imported_table.hpp"

namespace servimetrics {

// The lines as they are found, then their distinct (customer, day) pairs. A table of those pairs
// would take 16 bytes a line (86 MB for five million lines, the analysis's high-water mark); this
// takes a bit a line, 4 bytes a customer and 4 MB for the lines of a block of customers.
class DayOrderLines {
 public:
  // Room for the codes of `customers` customers in a table of `rows` rows.
  void reset(std::size_t customers, std::size_t rows);
  void add(std::uint32_t customer, std::size_t row) {
    ++ends_[customer + 1];
    marked_[row >> 6] |= std::uint64_t{1} << (row & 63);
  }
  // Calls `first_line` once per distinct (customer, day) of the lines added, with the first of
  // that customer's lines on that day in the file's order; the lines are forgotten.
  void each_order(std::span<const std::uint32_t> customers, std::span<const Timestamp> times,
                  const std::function<void(std::size_t row)>& first_line);

 private:
  std::vector<std::uint32_t> ends_;    // per customer + 1: the counts, then the ends of the groups
  std::vector<std::uint64_t> marked_;  // one bit a row: the rows added
};

}  // namespace servimetrics
