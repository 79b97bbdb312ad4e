// Answers a compute request: validates every input once, computes each KPI whose inputs are
// there, bands it with the (possibly overridden) thresholds, and adds the what-if projection.
#include "servimetrics/request.hpp"

#include <cmath>
#include <map>
#include <optional>

#include "base/format.hpp"
#include "base/json_writer.hpp"
#include "request/input_values.hpp"
#include "request/projection_json.hpp"
#include "request/thresholds.hpp"
#include "servimetrics/catalog.hpp"

namespace servimetrics {
namespace {

using json = nlohmann::json;

// How many KPIs use each input; counted once, since every request asks it for every input.
int users_of(std::string_view input) {
  static const std::map<std::string_view, int> users = [] {
    std::map<std::string_view, int> counts;
    for (const KpiSpec& kpi : kpi_catalog()) {
      for (const KpiInput& in : kpi.inputs) counts[in.name] += in.companion ? 0 : 1;
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
    if (find_input(key) == nullptr) return "unknown input '" + shortened(key, 40) + "'";
    return std::nullopt;
  }
  const KpiSpec* kpi = find_kpi(std::string_view(key).substr(0, dot));
  if (kpi == nullptr) return "unknown KPI in input name '" + shortened(key, 40) + "'";
  for (const KpiInput& in : kpi->inputs) {
    if (in.name == std::string_view(key).substr(dot + 1)) return std::nullopt;
  }
  return "KPI " + std::string(kpi->id) + " has no input '" + shortened(key.substr(dot + 1), 40) +
         "'";
}

void write_decision(JsonWriter& out, const BandDecision& d) {
  out.key("band").value(band_name(d.band));
  out.key("rule").value(d.rule);
  out.key("rule_spec");
  if (d.band == Band::none) {
    out.null();
    return;
  }
  out.begin_object();
  out.key("band").value(band_name(d.band));
  out.key("op").value(d.op);
  out.key("value").value(d.threshold);
  out.end_object();
}

struct Request {
  const json* inputs = nullptr;
  bool has_scoped = false;  // any "<kpi>.<input>" key; most requests have none
  std::map<std::string, InputValue, std::less<>> valid;  // by request key
  std::map<std::string, bool, std::less<>> invalid;      // keys whose value failed its checks
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
    req.has_scoped = req.has_scoped || dot != std::string::npos;
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
          uses = uses || (in.name == name && !in.companion);
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
  KpiArgs args;  // what the KPI was computed from, for "inputs_used"
};

KpiRun run_kpi(const KpiSpec& kpi, const Request& req,
               const std::map<std::string_view, double, std::less<>>& done) {
  KpiRun run;
  KpiArgs& args = run.args;
  bool any_present = false;
  bool unique_present = false;
  bool any_invalid = false;
  std::string_view missing;
  std::map<std::string_view, std::string, std::less<>> key_of;  // input -> "<kpi>.<input>" key
  std::string scoped;  // only built when the request has scoped keys at all
  for (const KpiInput& in : kpi.inputs) {
    const std::string_view plain = in.name;
    bool use_scoped = false;
    if (req.has_scoped) {
      scoped.assign(kpi.id).append(".").append(in.name);
      use_scoped = req.valid.count(scoped) != 0 || req.invalid.count(scoped) != 0;
      if (use_scoped) key_of[plain] = scoped;
    }
    const std::string_view key = use_scoped ? std::string_view(scoped) : plain;
    if (in.companion) {
      if (const auto found = req.valid.find(key); found != req.valid.end()) {
        args.set_ref(in.name, found->second.number, found->second.raw);
      }
      continue;
    }
    if (req.invalid.count(key) != 0) {
      any_present = any_invalid = true;
      unique_present = unique_present || use_scoped || users_of(in.name) == 1;
      continue;
    }
    if (const auto found = req.valid.find(key); found != req.valid.end()) {
      any_present = true;
      unique_present = unique_present || use_scoped || users_of(in.name) == 1;
      args.set_ref(in.name, found->second.number, found->second.raw);
      continue;
    }
    if (!in.derived_from.empty()) {
      if (const auto derived = done.find(in.derived_from); derived != done.end()) {
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
    const auto scoped_key = key_of.find(missing);
    run.error = Error{
        std::string(kpi.id), scoped_key != key_of.end() ? scoped_key->second : std::string(missing),
        std::string(missing) + " is missing (needed for " + std::string(kpi.id) + ")"};
    return run;
  }
  auto result = kpi.compute(args);
  if (!result.ok()) {
    Error error = result.error();
    error.kpi = kpi.id;
    const auto dot = error.input.find('.');
    const std::string base = error.input.substr(0, dot);
    if (const auto scoped_key = key_of.find(base);
        scoped_key != key_of.end() && scoped_key->second != base) {
      error.message =
          scoped_key->second + error.message.substr(std::min(error.message.size(), base.size()));
      error.input = scoped_key->second + error.input.substr(base.size());
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
  return run;
}

void write_kpi(JsonWriter& out, const KpiSpec& kpi, const KpiRun& run,
               const ThresholdOverrides& overrides, bool compact) {
  const KpiValue& value = *run.value;
  const bool as_percent = kpi.unit == Unit::fraction;
  out.begin_object();
  out.key("id").value(kpi.id);
  out.key("value").value(value.value);
  out.key("unit").value(unit_name(kpi.unit));
  if (!compact) out.key("formula").value(kpi.formula);
  BandDecision overall = no_band();
  if (!value.breakdown.empty()) {
    const bool banded = !kpi.band_variants.empty();
    Band worst = Band::none;
    out.key("breakdown").begin_array();
    for (const BreakdownRow& row : value.breakdown) {
      const BandRule* rule = banded ? effective_rule(kpi, row.name, overrides) : nullptr;
      const BandDecision d =
          rule != nullptr ? classify(row.value, *rule, row.name, as_percent) : no_band();
      out.begin_object().key("name").value(row.name).key("value").value(row.value);
      if (banded) {
        write_decision(out, d);
      } else if (const BandRule* whole = effective_rule(kpi, {}, overrides); whole != nullptr) {
        // One rule for the whole and its parts (LTV:CAC per channel); the whole keeps its own band.
        write_decision(out, classify(row.value, *whole, row.name, as_percent));
      } else {
        out.key("band").value("none");
      }
      out.end_object();
      if (d.band == Band::bad || (d.band == Band::watch && worst != Band::bad) ||
          (d.band == Band::good && worst == Band::none)) {
        worst = d.band;
        overall = d;
      }
    }
    out.end_array();
    if (worst != Band::none) overall.rule = "worst of the parts: " + overall.rule;
  }
  if (value.breakdown.empty() || kpi.band_variants.empty()) {
    const BandRule* rule = effective_rule(kpi, value.band_variant, overrides);
    if (rule != nullptr) overall = classify(value.value, *rule, kpi.symbol, as_percent);
  }
  write_decision(out, overall);
  if (!value.band_variant.empty()) out.key("variant").value(value.band_variant);
  if (const auto interval = value.details.find("interval"); interval != value.details.end()) {
    out.key("interval").value(*interval);
  }
  out.key("details").value(value.details);
  if (!compact) {
    out.key("inputs_used").begin_object();
    for (const KpiArgs::Entry& entry : run.args.entries()) out.key(entry.name).value(entry.raw());
    out.end_object();
  }
  out.end_object();
}

// The answer's parts in their order: KPIs in catalog order, errors, then the projection.
std::string assemble_answer(const std::vector<std::optional<KpiRun>>& runs,
                            const ThresholdOverrides& overrides, bool compact, const json& errors,
                            const std::optional<ProjectionAnswer>& projection) {
  std::string text;
  text.reserve(16384);  // the sample company's answer is 14 KB; one allocation, not a dozen
  JsonWriter out(text);
  out.begin_object();
  out.key("kpis").begin_array();
  const auto& catalog = kpi_catalog();
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (runs[i] && runs[i]->value) write_kpi(out, catalog[i], *runs[i], overrides, compact);
  }
  out.end_array();
  out.key("errors").value(errors);
  if (projection) {
    out.key("projection");
    write_projection(out, *projection);
  }
  out.end_object();
  return text;
}

}  // namespace

std::string answer_text(const json& request) {
  json errors = json::array();
  std::vector<std::optional<KpiRun>> runs;
  ThresholdOverrides overrides;
  if (!request.is_object()) {
    errors.push_back(error_json({{}, {}, "request must be a JSON object with \"inputs\""}));
    return assemble_answer(runs, overrides, false, errors, std::nullopt);
  }
  for (const auto& [field, unused] : request.items()) {
    if (field != "inputs" && field != "thresholds" && field != "projection" && field != "compact") {
      errors.push_back(
          error_json({{}, field, "unknown request field '" + shortened(field, 40) + "'"}));
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

  if (const auto found = request.find("thresholds"); found != request.end()) {
    overrides = read_threshold_overrides(*found, errors);
  }

  // KPIs that take another KPI's value run after the others; answers keep catalog order.
  const auto& catalog = kpi_catalog();
  std::map<std::string_view, double, std::less<>> done;
  runs.resize(catalog.size());
  for (const int pass : {0, 1}) {
    for (std::size_t i = 0; i < catalog.size(); ++i) {
      const KpiSpec& kpi = catalog[i];
      bool derives = false;
      for (const KpiInput& in : kpi.inputs) derives = derives || !in.derived_from.empty();
      if (derives != (pass == 1)) continue;
      runs[i] = run_kpi(kpi, req, done);
      if (runs[i]->error) errors.push_back(error_json(*runs[i]->error));
      if (runs[i]->value) done[kpi.id] = runs[i]->value->value;
    }
  }

  std::optional<ProjectionAnswer> projection;
  if (const auto found = request.find("projection"); found != request.end() && !found->is_null()) {
    projection = read_projection(*found, errors);
  }
  bool compact = false;
  if (const auto found = request.find("compact"); found != request.end()) {
    if (found->is_boolean()) {
      compact = found->get<bool>();
    } else {
      errors.push_back(error_json({{}, "compact", "\"compact\" must be true or false"}));
    }
  }
  return assemble_answer(runs, overrides, compact, errors, projection);
}

json compute(const json& request) {
  // The text is the primary form (it is what the page and the CLI get); the tree is read back
  // from it, so every test of compute() checks the text too.
  return json::parse(answer_text(request), nullptr, /*allow_exceptions=*/false);
}

std::string compute_text(std::string_view request_text) {
  auto request = parse_json(request_text);
  if (!request.ok()) {
    return dump_answer({{"kpis", nlohmann::json::array()},
                        {"errors", nlohmann::json::array({error_json(request.error())})}});
  }
  return answer_text(request.value());
}

}  // namespace servimetrics
