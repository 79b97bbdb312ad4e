// Shares and per-unit ratios shared by many KPIs, with the checks every ratio needs.
#include <string>

#include "base/format.hpp"
#include "kpi/metrics.hpp"

namespace servimetrics {

namespace {

Error not_positive(Named denominator) {
  const std::string name(denominator.name);
  return Error{.input = name,
               .message = name + " must be greater than 0 (it is the denominator)",
               .code = "denominator_not_positive",
               .params = {{"input", name}, {"value", denominator.value}}};
}

}  // namespace

Result<double> share_of(Named part, Named whole) {
  if (whole.value <= 0) return not_positive(whole);
  if (part.value > whole.value) {
    const std::string part_name(part.name);
    const std::string whole_name(whole.name);
    return Error{.input = part_name,
                 .message = part_name + " (" + format_number(part.value) + ") is larger than " +
                            whole_name + " (" + format_number(whole.value) + ")",
                 .code = "part_exceeds_whole",
                 .params = {{"part", part_name},
                            {"part_value", part.value},
                            {"whole", whole_name},
                            {"whole_value", whole.value}}};
  }
  return part.value / whole.value;
}

Result<double> per_unit(Named amount, Named count) {
  if (count.value <= 0) return not_positive(count);
  return amount.value / count.value;
}

}  // namespace servimetrics
