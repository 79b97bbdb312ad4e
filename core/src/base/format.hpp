// Number and text formatting for messages (internal to the core).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace servimetrics {

// Shortest round-trippable-enough text for a number in an error message ("120", "0.15", "1e+12").
std::string format_number(double value);

// A count with a comma between groups of three digits, as messages write counts: "1,234,567".
std::string format_count(std::uint64_t count);

// The text cut to at most `limit` bytes on a character boundary, with "…" when cut: a cell or
// a name quoted in a message stays readable however long the file made it.
std::string shortened(std::string_view text, std::size_t limit = 200);

}  // namespace servimetrics
