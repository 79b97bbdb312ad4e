// Building blocks the catalog's compute functions share (internal to the core).
#pragma once

#include <string_view>

#include "kpi/metrics.hpp"
#include "servimetrics/catalog.hpp"

namespace servimetrics {

inline Result<KpiValue> as_kpi(double value) {
  KpiValue kpi;
  kpi.value = value;
  return kpi;
}

inline Result<KpiValue> as_kpi(const Result<double>& value) {
  if (!value.ok()) return value.error();
  return as_kpi(value.value());
}

// A typed input taken as it is (months, days, hours, counts).
inline Result<KpiValue> typed_value(const KpiArgs& args, std::string_view input) {
  return as_kpi(args.number(input));
}

// part / whole of two inputs.
inline Result<KpiValue> input_share(const KpiArgs& args, std::string_view part,
                                    std::string_view whole) {
  return as_kpi(share_of({part, args.number(part)}, {whole, args.number(whole)}));
}

// Per-row and overall (row-weighted) shares of a groups input, e.g. steps in system per process.
Result<KpiValue> grouped_share(const KpiArgs& args, std::string_view input,
                               std::string_view part_field, std::string_view whole_field);

}  // namespace servimetrics
