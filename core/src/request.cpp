// Answers a compute request: validates every input once, computes each KPI whose inputs are
// there, bands it with the (possibly overridden) thresholds, and adds the what-if projection.
#include "servimetrics/request.hpp"

#include <cmath>
#include <map>
#include <optional>

#include "input_values.hpp"
#include "projection_json.hpp"
#include "servimetrics/catalog.hpp"
#include "thresholds.hpp"

namespace servimetrics {
namespace {

using json = nlohmann::json;

// How many KPIs use each input; counted once, since every request asks it for every input.
int users_of(std::string_view input) {
  static const std::map<std::string_view, int> users = [] {
    std::map<std::string_view, int> counts;
    for (const KpiSpec& kpi : kpi_catalog()) {
      for (const KpiInput& in : kpi.inputs) ++counts[in.name];
    }
    return counts;
  }();
  const auto found = users.find(input);
  return found == users.end() ? 0 : found->second;
}

// A request key is an input name, or "<kpi id>.<input name>" for that KPI alone.
std::optional<std::string> check_key(const std::string& key) {
  const auto dot = key.find('.');
  if (dot == std::string::npos) {
    if (find_input(key) == nullptr) return "unknown input '" + key + "'";
    return std::nullopt;
  }
  const KpiSpec* kpi = find_kpi(std::string_view(key).substr(0, dot));
  if (kpi == nullptr) return "unknown KPI in input name '" + key + "'";
  for (const KpiInput& in : kpi->inputs) {
    if (in.name == std::string_view(key).substr(dot + 1)) return std::nullopt;
  }
  return "KPI " + std::string(kpi->id) + " has no input '" + key.substr(dot + 1) + "'";
}

// Writes band, rule and rule_spec into `out`; direct assignment, as this runs for every KPI.
void put_decision(json& out, const BandDecision& d) {
  out["band"] = band_name(d.band);
  out["rule"] = d.rule;
  json& spec = out["rule_spec"];
  if (d.band != Band::none) {
    spec["band"] = band_name(d.band);
    spec["op"] = d.op;
    spec["value"] = d.threshold;
  }
}

struct Request {
  const json* inputs = nullptr;
  std::map<std::string, InputValue> valid;  // by request key
  std::map<std::string, bool> invalid;      // keys whose value failed its checks
};

// Validates every given input once, so a bad value is reported once however many KPIs use it.
void validate_inputs(Request& req, json& errors) {
  for (const auto& [key, value] : req.inputs->items()) {
    if (auto problem = check_key(key)) {
      errors.push_back(error_json({{}, key, *problem}));
      continue;
    }
    if (is_blank(&value)) continue;
    const auto dot = key.find('.');
    const std::string name = dot == std::string::npos ? key : key.substr(dot + 1);
    auto read = read_input(*find_input(name), key, value);
    if (read.ok()) {
      req.valid.emplace(key, std::move(read.value()));
      continue;
    }
    // Blame the KPI the user is filling in: the first user of the input with other inputs given.
    std::string first_user;
    std::string filled_user;
    if (dot != std::string::npos) {
      first_user = key.substr(0, dot);
    } else {
      for (const KpiSpec& kpi : kpi_catalog()) {
        bool uses = false;
        bool others_given = false;
        for (const KpiInput& in : kpi.inputs) {
          uses = uses || in.name == name;
          if (in.name == name) continue;
          const auto given = req.inputs->find(std::string(in.name));
          others_given = others_given || (given != req.inputs->end() && !is_blank(&*given));
        }
        if (uses && first_user.empty()) first_user = kpi.id;
        if (uses && others_given && filled_user.empty()) filled_user = kpi.id;
      }
      if (!filled_user.empty()) first_user = filled_user;
    }
    req.invalid[key] = true;
    errors.push_back(error_json({first_user, read.error().input, read.error().message}));
  }
}

struct KpiRun {
  bool attempted = false;
  std::optional<Error>
      error;  // an error to report; none when an invalid input was reported already
  std::optional<KpiValue> value;
  nlohmann::json inputs_used;
};

KpiRun run_kpi(const KpiSpec& kpi, const Request& req, const std::map<std::string, double>& done) {
  KpiRun run;
  KpiArgs args;
  bool any_present = false;
  bool unique_present = false;
  bool any_invalid = false;
  std::string missing;
  std::map<std::string, std::string> key_of;  // input name -> request key actually used
  for (const KpiInput& in : kpi.inputs) {
    const std::string scoped = std::string(kpi.id) + "." + std::string(in.name);
    const std::string plain(in.name);
    const std::string& key =
        req.valid.count(scoped) != 0 || req.invalid.count(scoped) != 0 ? scoped : plain;
    key_of[plain] = key;
    if (req.invalid.count(key) != 0) {
      any_present = any_invalid = true;
      unique_present = unique_present || key == scoped || users_of(in.name) == 1;
      continue;
    }
    if (const auto found = req.valid.find(key); found != req.valid.end()) {
      any_present = true;
      unique_present = unique_present || key == scoped || users_of(in.name) == 1;
      args.set(in.name, found->second.number, found->second.raw);
      continue;
    }
    if (!in.derived_from.empty()) {
      if (const auto derived = done.find(std::string(in.derived_from)); derived != done.end()) {
        any_present = true;
        args.set(in.name, derived->second, derived->second);
        continue;
      }
    }
    if (in.default_value) {
      args.set(in.name, *in.default_value, *in.default_value);
    } else if (!in.optional && missing.empty()) {
      missing = plain;
    }
  }
  bool has_required = false;
  for (const KpiInput& in : kpi.inputs) has_required = has_required || !in.optional;
  // A KPI is tried when the user gave an input only it uses, or when all it needs is there; a
  // shared input alone (total_revenue) does not summon every KPI that uses it.
  run.attempted = unique_present || (any_present && missing.empty() && has_required);
  if (!run.attempted || any_invalid) return run;
  if (!missing.empty()) {
    run.error = Error{std::string(kpi.id), key_of[missing],
                      missing + " is missing (needed for " + std::string(kpi.id) + ")"};
    return run;
  }
  auto result = kpi.compute(args);
  if (!result.ok()) {
    Error error = result.error();
    error.kpi = kpi.id;
    const auto dot = error.input.find('.');
    const std::string base = error.input.substr(0, dot);
    if (key_of.count(base) != 0 && key_of[base] != base) {
      error.message =
          key_of[base] + error.message.substr(std::min(error.message.size(), base.size()));
      error.input = key_of[base] + error.input.substr(base.size());
    }
    run.error = std::move(error);
    return run;
  }
  bool finite = std::isfinite(result.value().value) && all_finite(result.value().details);
  for (const BreakdownRow& row : result.value().breakdown)
    finite = finite && std::isfinite(row.value);
  if (!finite) {
    run.error = Error{std::string(kpi.id),
                      {},
                      std::string(kpi.id) + " is too large to compute from these inputs"};
    return run;
  }
  run.value = std::move(result.value());
  run.inputs_used = args.to_json();
  return run;
}

json kpi_json(const KpiSpec& kpi, const KpiValue& value, const ThresholdOverrides& overrides) {
  const bool as_percent = kpi.unit == Unit::fraction;
  json out = {{"id", kpi.id},
              {"value", value.value},
              {"unit", unit_name(kpi.unit)},
              {"formula", kpi.formula}};
  BandDecision overall = no_band();
  if (!value.breakdown.empty() && !kpi.band_variants.empty()) {
    json rows = json::array();
    Band worst = Band::none;
    for (const BreakdownRow& row : value.breakdown) {
      const BandRule* rule = effective_rule(kpi, row.name, overrides);
      const BandDecision d =
          rule != nullptr ? classify(row.value, *rule, row.name, as_percent) : no_band();
      json row_json = {{"name", row.name}, {"value", row.value}};
      put_decision(row_json, d);
      rows.push_back(std::move(row_json));
      if (d.band == Band::bad || (d.band == Band::watch && worst != Band::bad) ||
          (d.band == Band::good && worst == Band::none)) {
        worst = d.band;
        overall = d;
      }
    }
    if (worst != Band::none) overall.rule = "worst of the parts: " + overall.rule;
    out["breakdown"] = std::move(rows);
  } else {
    if (!value.breakdown.empty()) {
      json rows = json::array();
      for (const BreakdownRow& row : value.breakdown) {
        rows.push_back({{"name", row.name}, {"value", row.value}, {"band", "none"}});
      }
      out["breakdown"] = std::move(rows);
    }
    const BandRule* rule = effective_rule(kpi, value.band_variant, overrides);
    if (rule != nullptr) overall = classify(value.value, *rule, kpi.symbol, as_percent);
  }
  put_decision(out, overall);
  if (!value.band_variant.empty()) out["variant"] = value.band_variant;
  if (value.details.contains("interval")) out["interval"] = value.details["interval"];
  out["details"] = value.details;
  return out;
}

}  // namespace

json compute(const json& request) {
  json answer = {{"kpis", json::array()}, {"errors", json::array()}};
  json& errors = answer["errors"];
  if (!request.is_object()) {
    errors.push_back(error_json({{}, {}, "request must be a JSON object with \"inputs\""}));
    return answer;
  }
  for (const auto& [field, unused] : request.items()) {
    if (field != "inputs" && field != "thresholds" && field != "projection") {
      errors.push_back(error_json({{}, field, "unknown request field '" + field + "'"}));
    }
  }
  static const json empty_object = json::object();
  Request req;
  req.inputs = &empty_object;
  if (const auto found = request.find("inputs"); found != request.end()) {
    if (found->is_object()) {
      req.inputs = &*found;
    } else {
      errors.push_back(error_json({{}, "inputs", "\"inputs\" must be an object of input names"}));
    }
  }
  validate_inputs(req, errors);

  ThresholdOverrides overrides;
  if (const auto found = request.find("thresholds"); found != request.end()) {
    overrides = read_threshold_overrides(*found, errors);
  }

  // KPIs that take another KPI's value run after the others.
  std::map<std::string, double> done;
  std::map<std::string, json> answers;
  for (const int pass : {0, 1}) {
    for (const KpiSpec& kpi : kpi_catalog()) {
      bool derives = false;
      for (const KpiInput& in : kpi.inputs) derives = derives || !in.derived_from.empty();
      if (derives != (pass == 1)) continue;
      KpiRun run = run_kpi(kpi, req, done);
      if (run.error) errors.push_back(error_json(*run.error));
      if (!run.value) continue;
      done[std::string(kpi.id)] = run.value->value;
      answers[std::string(kpi.id)] = kpi_json(kpi, *run.value, overrides);
      answers[std::string(kpi.id)]["inputs_used"] = std::move(run.inputs_used);
    }
  }
  for (const KpiSpec& kpi : kpi_catalog()) {
    if (auto found = answers.find(std::string(kpi.id)); found != answers.end()) {
      answer["kpis"].push_back(std::move(found->second));
    }
  }

  if (const auto found = request.find("projection"); found != request.end() && !found->is_null()) {
    json projection = projection_json(*found, errors);
    if (!projection.is_null()) answer["projection"] = std::move(projection);
  }
  return answer;
}

}  // namespace servimetrics
