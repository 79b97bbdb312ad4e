// Threshold overrides: a user may move any catalog threshold; the override keeps the catalog's
// direction and strictness and must stay in order (good beyond watch).
#include "request/thresholds.hpp"

#include "base/format.hpp"
#include "request/input_values.hpp"

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

// Where an override stands: "thresholds.<kpi>" or "thresholds.<kpi>.<variant>".
struct Place {
  std::string kpi;
  std::string variant;  // "" for the KPI's own bands
  [[nodiscard]] std::string where() const {
    return "thresholds." + kpi + (variant.empty() ? "" : "." + variant);
  }
  [[nodiscard]] json params() const { return {{"kpi", kpi}, {"variant", variant}}; }
};

Error not_an_object(const Place& at) {
  const std::string where = at.where();
  return Error{.kpi = at.kpi,
               .input = where,
               .message = where + " must be an object like {\"good\": 3}",
               .code = "threshold_not_an_object",
               .params = at.params()};
}

Result<BandRule> checked_order(const BandRule& rule, const Place& at) {
  if (!rule.good || !rule.watch) return rule;
  const bool higher = rule.direction == Direction::higher;
  if (higher ? rule.good->value >= rule.watch->value : rule.good->value <= rule.watch->value) {
    return rule;
  }
  const std::string where = at.where();
  json params = at.params();
  params["good"] = rule.good->value;
  params["watch"] = rule.watch->value;
  return Error{.kpi = at.kpi,
               .input = where,
               .message = where + ": good (" + format_number(rule.good->value) + ") must be " +
                          (higher ? "at least" : "at most") + " watch (" +
                          format_number(rule.watch->value) + ")",
               .code = higher ? "threshold_good_below_watch" : "threshold_good_above_watch",
               .params = std::move(params)};
}

// `rule` with {"good": x, "watch": y} applied, or why that is unusable.
Result<BandRule> apply_override(BandRule rule, const json& spec, const Place& at) {
  if (!spec.is_object()) return not_an_object(at);
  const std::string where = at.where();
  for (const auto& [band, value] : spec.items()) {
    const std::string key = where + "." + band;
    json params = at.params();
    params["band"] = band;
    std::optional<Threshold>* target = band == "good"    ? &rule.good
                                       : band == "watch" ? &rule.watch
                                                         : nullptr;
    if (target == nullptr || !target->has_value()) {
      return Error{.kpi = at.kpi,
                   .input = key,
                   .message = key + ": this KPI has no such threshold",
                   .code = "threshold_no_such_band",
                   .params = std::move(params)};
    }
    auto number = read_number({key, "threshold_", [&params] { return params; }}, value);
    if (!number.ok()) {
      Error error = number.error();
      error.kpi = at.kpi;
      return error;
    }
    (*target)->value = number.value();
  }
  return checked_order(rule, at);
}

// The overrides of one KPI's variants ("thresholds.nps.<variant>"), and its own {"good", "watch"}.
void read_kpi_overrides(const KpiSpec& kpi, const json& spec, ThresholdsRead& read) {
  const std::string kpi_id(kpi.id);
  const Place own_place{kpi_id, ""};
  json own = json::object();
  for (const auto& [key, value] : spec.items()) {
    if (key == "good" || key == "watch") {
      own[key] = value;
      continue;
    }
    const Place at{kpi_id, key};
    const BandRule* base = catalog_rule(kpi, key);
    if (base == nullptr || kpi.band_variants.empty()) {
      read.errors.push_back(Error{.kpi = kpi_id,
                                  .input = at.where(),
                                  .message = at.where() + ": not a threshold of " + kpi_id,
                                  .code = "threshold_not_a_variant",
                                  .params = at.params()});
      continue;
    }
    auto rule = apply_override(*base, value, at);
    if (rule.ok()) {
      read.overrides[{kpi_id, key}] = rule.value();
    } else {
      read.errors.push_back(rule.error());
    }
  }
  if (own.empty()) return;
  if (!kpi.bands) {
    const std::string where = own_place.where();
    read.errors.push_back(Error{.kpi = kpi_id,
                                .input = where,
                                .message = kpi_id +
                                           " has no single threshold; give one per variant, e.g. " +
                                           where + ".<name>.good",
                                .code = "threshold_needs_variant",
                                .params = {{"kpi", kpi_id}}});
    return;
  }
  auto rule = apply_override(*kpi.bands, own, own_place);
  if (rule.ok()) {
    read.overrides[{kpi_id, ""}] = rule.value();
  } else {
    read.errors.push_back(rule.error());
  }
}

}  // namespace

ThresholdsRead read_threshold_overrides(const json& thresholds) {
  ThresholdsRead read;
  if (!thresholds.is_object()) {
    read.errors.push_back(Error{.input = "thresholds",
                                .message = "\"thresholds\" must be an object keyed by KPI id",
                                .code = "thresholds_not_an_object"});
    return read;
  }
  for (const auto& [kpi_id, spec] : thresholds.items()) {
    const KpiSpec* kpi = find_kpi(kpi_id);
    if (kpi == nullptr) {
      read.errors.push_back(Error{.input = "thresholds." + kpi_id,
                                  .message = "unknown KPI '" + kpi_id + "' in thresholds",
                                  .code = "threshold_unknown_kpi",
                                  .params = {{"name", kpi_id}}});
    } else if (!spec.is_object()) {
      read.errors.push_back(not_an_object({kpi_id, ""}));
    } else {
      read_kpi_overrides(*kpi, spec, read);
    }
  }
  return read;
}

const BandRule* effective_rule(const KpiSpec& kpi, const std::string& variant,
                               const ThresholdOverrides& overrides) {
  if (const auto found = overrides.find({std::string(kpi.id), variant}); found != overrides.end()) {
    return &found->second;
  }
  return catalog_rule(kpi, variant);
}

}  // namespace servimetrics
