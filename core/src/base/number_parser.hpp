// Parses decimal numbers in place, without allocating; faster than strtod and locale-free.
#pragma once

#include <optional>
#include <string_view>

namespace servimetrics {

// Accepts [+-]digits[.digits][(e|E)[+-]digits] (also ".5" and "5."), the whole text and nothing
// else; surrounding spaces are allowed. Returns nothing for anything else, and for values that
// overflow to infinity.
std::optional<double> parse_decimal(std::string_view text);

}  // namespace servimetrics
