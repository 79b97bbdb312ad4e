// Number formatting for messages (internal to the core).
#pragma once

#include <string>

namespace servimetrics {

// Shortest round-trippable-enough text for a number in an error message ("120", "0.15", "1e+12").
std::string format_number(double value);

}  // namespace servimetrics
