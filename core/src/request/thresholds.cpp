// Threshold overrides: a user may move any catalog threshold; the override keeps the catalog's
// direction and strictness and must stay in order (good beyond watch).
#include "request/thresholds.hpp"

#include "base/format.hpp"
#include "request/input_values.hpp"
#include "servimetrics/request.hpp"

namespace servimetrics {
namespace {

using json = nlohmann::json;

const BandRule* catalog_rule(const KpiSpec& kpi, const std::string& variant) {
  for (const auto& [name, rule] : kpi.band_variants) {
    if (name == variant) return &rule;
  }
  if (!variant.empty() && !kpi.band_variants.empty()) return nullptr;
  return kpi.bands ? &*kpi.bands : nullptr;
}

// Applies {"good": x, "watch": y} to `rule`; returns false (with an error) when unusable.
bool apply_override(BandRule& rule, const json& spec, const std::string& where,
                    const std::string& kpi_id, json& errors) {
  if (!spec.is_object()) {
    errors.push_back(error_json({kpi_id, where, where + " must be an object like {\"good\": 3}"}));
    return false;
  }
  for (const auto& [band, value] : spec.items()) {
    const std::string key = where + "." + band;
    std::optional<Threshold>* target = band == "good"    ? &rule.good
                                       : band == "watch" ? &rule.watch
                                                         : nullptr;
    if (target == nullptr || !target->has_value()) {
      errors.push_back(error_json({kpi_id, key, key + ": this KPI has no such threshold"}));
      return false;
    }
    auto number = read_number(key, value);
    if (!number.ok()) {
      errors.push_back(error_json({kpi_id, key, number.error().message}));
      return false;
    }
    (*target)->value = number.value();
  }
  if (rule.good && rule.watch) {
    const bool ordered = rule.direction == Direction::higher
                             ? rule.good->value >= rule.watch->value
                             : rule.good->value <= rule.watch->value;
    if (!ordered) {
      errors.push_back(
          error_json({kpi_id, where,
                      where + ": good (" + format_number(rule.good->value) + ") must be " +
                          (rule.direction == Direction::higher ? "at least" : "at most") +
                          " watch (" + format_number(rule.watch->value) + ")"}));
      return false;
    }
  }
  return true;
}

}  // namespace

ThresholdOverrides read_threshold_overrides(const json& thresholds, json& errors) {
  ThresholdOverrides overrides;
  if (!thresholds.is_object()) {
    errors.push_back(
        error_json({{}, "thresholds", "\"thresholds\" must be an object keyed by KPI id"}));
    return overrides;
  }
  for (const auto& [kpi_id, spec] : thresholds.items()) {
    const std::string where = "thresholds." + kpi_id;
    const KpiSpec* kpi = find_kpi(kpi_id);
    if (kpi == nullptr) {
      errors.push_back(error_json({{}, where, "unknown KPI '" + kpi_id + "' in thresholds"}));
      continue;
    }
    if (!spec.is_object()) {
      errors.push_back(
          error_json({kpi_id, where, where + " must be an object like {\"good\": 3}"}));
      continue;
    }
    json own = json::object();
    for (const auto& [key, value] : spec.items()) {
      if (key == "good" || key == "watch") {
        own[key] = value;
        continue;
      }
      const BandRule* base = catalog_rule(*kpi, key);
      if (base == nullptr || kpi->band_variants.empty()) {
        errors.push_back(error_json(
            {kpi_id, where + "." + key, where + "." + key + ": not a threshold of " + kpi_id}));
        continue;
      }
      BandRule rule = *base;
      if (apply_override(rule, value, where + "." + key, kpi_id, errors)) {
        overrides[{kpi_id, key}] = rule;
      }
    }
    if (own.empty()) continue;
    if (!kpi->bands) {
      errors.push_back(
          error_json({kpi_id, where,
                      kpi_id + " has no single threshold; give one per variant, e.g. " + where +
                          ".<name>.good"}));
      continue;
    }
    BandRule rule = *kpi->bands;
    if (apply_override(rule, own, where, kpi_id, errors)) overrides[{kpi_id, ""}] = rule;
  }
  return overrides;
}

const BandRule* effective_rule(const KpiSpec& kpi, const std::string& variant,
                               const ThresholdOverrides& overrides) {
  if (const auto found = overrides.find({std::string(kpi.id), variant}); found != overrides.end()) {
    return &found->second;
  }
  return catalog_rule(kpi, variant);
}

}  // namespace servimetrics
