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

// Warns, on the KPI's card, that `cases` (respondents, tickets, customers) are fewer than
// kSmallSampleMinimum, so the figure can swing by chance; nothing for a large enough sample.
void add_small_sample_warning(KpiValue& kpi, double cases);

// part / whole of two inputs; a whole that counts cases (an input of unit count: customers,
// tickets, complaints) under kSmallSampleMinimum adds the small-sample warning.
inline Result<KpiValue> input_share(const KpiArgs& args, std::string_view part,
                                    std::string_view whole) {
  const double cases = args.number(whole);
  auto kpi = as_kpi(share_of({part, args.number(part)}, {whole, cases}));
  // The catalog is searched only for a small whole: every keystroke recomputes every share.
  if (kpi.ok() && is_small_sample(cases)) {
    const InputSpec* spec = find_input(whole);
    if (spec != nullptr && spec->unit == Unit::count) add_small_sample_warning(kpi.value(), cases);
  }
  return kpi;
}

// Per-row and overall (row-weighted) shares of a groups input, e.g. steps in system per process.
Result<KpiValue> grouped_share(const KpiArgs& args, std::string_view input,
                               std::string_view part_field, std::string_view whole_field);

}  // namespace servimetrics
