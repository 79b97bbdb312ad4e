// Per-request threshold overrides and the band rule in force for a KPI (internal to the core).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "servimetrics/catalog.hpp"

namespace servimetrics {

// Keyed by (kpi id, variant); the variant is "" for a KPI's own bands.
using ThresholdOverrides = std::map<std::pair<std::string, std::string>, BandRule>;

struct ThresholdsRead {
  ThresholdOverrides overrides;  // every usable override
  std::vector<Error> errors;     // one per unusable one
};

// Reads {"<kpi>": {"good": x, "watch": y, "<variant>": {"good": x}}}.
ThresholdsRead read_threshold_overrides(const nlohmann::json& thresholds);

// The rule for a KPI (or one of its variants: an industry, a process, a role), or null for none.
const BandRule* effective_rule(const KpiSpec& kpi, const std::string& variant,
                               const ThresholdOverrides& overrides);

}  // namespace servimetrics
