// Shares and per-unit ratios shared by many KPIs, with the checks every ratio needs.
#include <string>

#include "base/format.hpp"
#include "kpi/metrics.hpp"

namespace servimetrics {

Result<double> share_of(Named part, Named whole) {
  if (whole.value <= 0) {
    return input_error(std::string(whole.name),
                       std::string(whole.name) + " must be greater than 0 (it is the denominator)");
  }
  if (part.value > whole.value) {
    return input_error(std::string(part.name), std::string(part.name) + " (" +
                                                   format_number(part.value) + ") is larger than " +
                                                   std::string(whole.name) + " (" +
                                                   format_number(whole.value) + ")");
  }
  return part.value / whole.value;
}

Result<double> per_unit(Named amount, Named count) {
  if (count.value <= 0) {
    return input_error(std::string(count.name),
                       std::string(count.name) + " must be greater than 0 (it is the denominator)");
  }
  return amount.value / count.value;
}

}  // namespace servimetrics
