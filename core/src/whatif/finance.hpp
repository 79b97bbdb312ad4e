// Investment arithmetic: net present value, internal rate of return, payback (internal to the
// core).
#pragma once

#include <optional>
#include <vector>

namespace servimetrics::whatif {

// cash_flows[t] at the end of year t (t = 0 is now), discounted at `rate` (> -1).
double npv(const std::vector<double>& cash_flows, double rate);

enum class IrrStatus { found, no_sign_change, not_found };
struct Irr {
  IrrStatus status;
  double rate;  // when found
};
// The rate where npv is 0, searched in (-0.99, 10]; cash flows that never change sign have none.
Irr irr(const std::vector<double>& cash_flows);

// Years until the cumulative cash flow first turns from negative to 0 or more, interpolated
// within the year; 0 when it is never negative; nothing when it never turns within the flows.
std::optional<double> payback_years(const std::vector<double>& cash_flows);

}  // namespace servimetrics::whatif
