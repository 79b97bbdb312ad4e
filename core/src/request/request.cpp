// Answers a compute request: validates every input once, computes each KPI whose inputs are
// there, bands it with the (possibly overridden) thresholds, and adds the what-if projection.
// The answer is worked out once and then written either as text or as a tree (answer_text(),
// compute()), through the same writing code.
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
std::optional<Error> check_key(const std::string& key) {
  const auto dot = key.find('.');
  if (dot == std::string::npos) {
    if (find_input(key) != nullptr) return std::nullopt;
    return Error{.input = key,
                 .message = "unknown input '" + shortened(key, 40) + "'",
                 .code = "unknown_input",
                 .params = {{"name", shortened(key, 40)}}};
  }
  const KpiSpec* kpi = find_kpi(std::string_view(key).substr(0, dot));
  if (kpi == nullptr) {
    return Error{.input = key,
                 .message = "unknown KPI in input name '" + shortened(key, 40) + "'",
                 .code = "unknown_kpi_in_input_name",
                 .params = {{"name", shortened(key, 40)}}};
  }
  for (const KpiInput& in : kpi->inputs) {
    if (in.name == std::string_view(key).substr(dot + 1)) return std::nullopt;
  }
  const std::string input = shortened(key.substr(dot + 1), 40);
  return Error{.input = key,
               .message = "KPI " + std::string(kpi->id) + " has no input '" + input + "'",
               .code = "kpi_has_no_such_input",
               .params = {{"kpi", kpi->id}, {"name", input}}};
}

struct Request {
  const json* inputs = nullptr;
  bool has_scoped = false;  // any "<kpi>.<input>" key; most requests have none
  std::map<std::string, InputValue, std::less<>> valid;  // by request key
  std::map<std::string, bool, std::less<>> invalid;      // keys whose value failed its checks
};

// The KPI to blame for a bad value of `key`: the one the user is filling in, that is the first
// user of the input with other inputs given, else its first user.
std::string blamed_kpi(const Request& req, const std::string& key) {
  const auto dot = key.find('.');
  if (dot != std::string::npos) return key.substr(0, dot);
  std::string first_user;
  for (const KpiSpec& kpi : kpi_catalog()) {
    bool uses = false;
    bool others_given = false;
    for (const KpiInput& in : kpi.inputs) {
      uses = uses || (in.name == key && !in.companion);
      if (in.name == key || in.companion) continue;  // a companion given does not mean this KPI
      const auto given = req.inputs->find(std::string(in.name));
      others_given = others_given || (given != req.inputs->end() && !is_blank(&*given));
    }
    if (uses && others_given) return std::string(kpi.id);
    if (uses && first_user.empty()) first_user = kpi.id;
  }
  return first_user;
}

// Validates every given input once, so a bad value is reported once however many KPIs use it.
void validate_inputs(Request& req, std::vector<Error>& errors) {
  for (const auto& [key, value] : req.inputs->items()) {
    if (auto problem = check_key(key)) {
      errors.push_back(std::move(*problem));
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
    req.invalid[key] = true;
    Error error = read.error();
    error.kpi = blamed_kpi(req, key);
    errors.push_back(std::move(error));
  }
}

struct KpiRun {
  bool attempted = false;
  std::optional<Error> error;  // an error to report; none when a bad input was reported already
  std::optional<KpiValue> value;
  KpiArgs args;  // what the KPI was computed from, for "inputs_used"
};

// What the request gives a KPI: its arguments and whether it is to be tried.
struct Gathered {
  bool any_present = false;
  bool unique_present = false;  // an input only this KPI uses, or one scoped to it
  bool any_invalid = false;
  std::string_view missing;                                     // the first required one absent
  std::map<std::string_view, std::string, std::less<>> key_of;  // input -> "<kpi>.<input>" key
};

Gathered gather_inputs(const KpiSpec& kpi, const Request& req,
                       const std::map<std::string_view, double, std::less<>>& done, KpiArgs& args) {
  Gathered g;
  std::string scoped;  // only built when the request has scoped keys at all
  for (const KpiInput& in : kpi.inputs) {
    bool use_scoped = false;
    if (req.has_scoped) {
      scoped.assign(kpi.id).append(".").append(in.name);
      use_scoped = req.valid.count(scoped) != 0 || req.invalid.count(scoped) != 0;
      if (use_scoped) g.key_of[in.name] = scoped;
    }
    const std::string_view key = use_scoped ? std::string_view(scoped) : in.name;
    const bool invalid = !in.companion && req.invalid.count(key) != 0;
    const auto found = invalid ? req.valid.end() : req.valid.find(key);
    if (in.companion || invalid || found != req.valid.end()) {
      if (found != req.valid.end()) args.set_ref(in.name, found->second.number, found->second.raw);
      if (in.companion) continue;
      g.any_present = true;
      g.any_invalid = g.any_invalid || invalid;
      g.unique_present = g.unique_present || use_scoped || users_of(in.name) == 1;
      continue;
    }
    const auto derived = in.derived_from.empty() ? done.end() : done.find(in.derived_from);
    if (derived != done.end()) {
      g.any_present = true;
      args.set(in.name, derived->second, derived->second);
    } else if (in.default_value) {
      args.set(in.name, *in.default_value, *in.default_value);
    } else if (!in.optional && g.missing.empty()) {
      g.missing = in.name;
    }
  }
  return g;
}

// The KPI's error with the scoped key ("<kpi>.investment") where the request gave one.
Error scoped_error(Error error, const KpiSpec& kpi, const Gathered& g) {
  error.kpi = kpi.id;
  const auto dot = error.input.find('.');
  const std::string base = error.input.substr(0, dot);
  if (const auto scoped_key = g.key_of.find(base);
      scoped_key != g.key_of.end() && scoped_key->second != base) {
    error.message =
        scoped_key->second + error.message.substr(std::min(error.message.size(), base.size()));
    error.input = scoped_key->second + error.input.substr(base.size());
  }
  return error;
}

bool finite_value(const KpiValue& value) {
  bool finite = std::isfinite(value.value) && all_finite(value.details);
  for (const BreakdownRow& row : value.breakdown) finite = finite && std::isfinite(row.value);
  if (value.band_value) finite = finite && std::isfinite(*value.band_value);
  return finite;
}

// Customers come whole: a fractional count is computed with as given and said, never rounded.
void warn_fractional_counts(const KpiArgs& args, std::vector<Error>& warnings) {
  static constexpr std::string_view kCustomerCounts[] = {
      "customers_start", "customers_end", "new_customers", "customers_lost", "customers"};
  for (const KpiArgs::Entry& entry : args.entries()) {
    bool customers = false;
    for (const std::string_view name : kCustomerCounts) customers = customers || entry.name == name;
    if (!customers || entry.number == std::floor(entry.number)) continue;
    const std::string name(entry.name);
    warnings.push_back(Error{.input = name,
                             .message = name + " is " + format_number(entry.number) +
                                        ": customers are counted whole; the rate uses it as given",
                             .code = "fractional_customer_count",
                             .params = {{"input", name}, {"value", entry.number}}});
  }
}

KpiRun run_kpi(const KpiSpec& kpi, const Request& req,
               const std::map<std::string_view, double, std::less<>>& done) {
  KpiRun run;
  const Gathered g = gather_inputs(kpi, req, done, run.args);
  bool has_required = false;
  for (const KpiInput& in : kpi.inputs) has_required = has_required || !in.optional;
  // A KPI is tried when the user gave an input only it uses, or when all it needs is there; a
  // shared input alone (total_revenue) does not summon every KPI that uses it.
  run.attempted = g.unique_present || (g.any_present && g.missing.empty() && has_required);
  if (!run.attempted || g.any_invalid) return run;
  const std::string id(kpi.id);
  if (!g.missing.empty()) {
    const std::string missing(g.missing);
    const auto scoped_key = g.key_of.find(g.missing);
    run.error = Error{.kpi = id,
                      .input = scoped_key != g.key_of.end() ? scoped_key->second : missing,
                      .message = missing + " is missing (needed for " + id + ")",
                      .code = "input_missing",
                      .params = {{"input", missing}, {"kpi", id}}};
    return run;
  }
  auto result = kpi.compute(run.args);
  if (!result.ok()) {
    run.error = scoped_error(result.error(), kpi, g);
  } else if (!finite_value(result.value())) {
    run.error = Error{.kpi = id,
                      .message = id + " is too large to compute from these inputs",
                      .code = "kpi_too_large",
                      .params = {{"kpi", id}}};
  } else {
    run.value = std::move(result.value());
    warn_fractional_counts(run.args, run.value->warnings);
    for (Error& warning : run.value->warnings) {
      if (warning.kpi.empty()) warning.kpi = id;
    }
  }
  return run;
}

// Everything an answer says, worked out before it is written.
struct Answer {
  Request req;  // the validated inputs, which the runs' arguments refer to
  std::vector<std::optional<KpiRun>> runs;
  ThresholdOverrides overrides;
  std::vector<Error> errors;
  std::optional<ProjectionAnswer> projection;
  bool compact = false;
};

void check_request_fields(const json& request, Answer& answer) {
  for (const auto& [field, unused] : request.items()) {
    if (field != "inputs" && field != "thresholds" && field != "projection" && field != "compact") {
      answer.errors.push_back(
          Error{.input = field,
                .message = "unknown request field '" + shortened(field, 40) + "'",
                .code = "unknown_request_field",
                .params = {{"field", shortened(field, 40)}}});
    }
  }
  static const json empty_object = json::object();
  answer.req.inputs = &empty_object;
  if (const auto found = request.find("inputs"); found != request.end()) {
    if (found->is_object()) {
      answer.req.inputs = &*found;
    } else {
      answer.errors.push_back(Error{.input = "inputs",
                                    .message = "\"inputs\" must be an object of input names",
                                    .code = "inputs_not_an_object"});
    }
  }
}

// KPIs that take another KPI's value run after the others; answers keep catalog order.
void run_kpis(Answer& answer) {
  const auto& catalog = kpi_catalog();
  std::map<std::string_view, double, std::less<>> done;
  answer.runs.resize(catalog.size());
  for (const int pass : {0, 1}) {
    for (std::size_t i = 0; i < catalog.size(); ++i) {
      const KpiSpec& kpi = catalog[i];
      bool derives = false;
      for (const KpiInput& in : kpi.inputs) derives = derives || !in.derived_from.empty();
      if (derives != (pass == 1)) continue;
      auto& run = answer.runs[i] = run_kpi(kpi, answer.req, done);
      if (run->error) answer.errors.push_back(*run->error);
      if (run->value) done[kpi.id] = run->value->value;
    }
  }
}

void read_projection_and_compact(const json& request, Answer& answer) {
  if (const auto found = request.find("projection"); found != request.end() && !found->is_null()) {
    ProjectionRead read = read_projection(*found);
    answer.projection = std::move(read.answer);
    for (Error& error : read.errors) answer.errors.push_back(std::move(error));
  }
  if (const auto found = request.find("compact"); found != request.end()) {
    if (found->is_boolean()) {
      answer.compact = found->get<bool>();
    } else {
      answer.errors.push_back(Error{.input = "compact",
                                    .message = "\"compact\" must be true or false",
                                    .code = "compact_not_a_boolean"});
    }
  }
}

void work_out(const json& request, Answer& answer) {
  if (!request.is_object()) {
    answer.errors.push_back(Error{.message = "request must be a JSON object with \"inputs\"",
                                  .code = "request_not_an_object"});
    return;
  }
  check_request_fields(request, answer);
  validate_inputs(answer.req, answer.errors);
  if (const auto found = request.find("thresholds"); found != request.end()) {
    ThresholdsRead read = read_threshold_overrides(*found);
    answer.overrides = std::move(read.overrides);
    for (Error& error : read.errors) answer.errors.push_back(std::move(error));
  }
  run_kpis(answer);
  read_projection_and_compact(request, answer);
}

// --- Writing, as text (JsonWriter) or as a tree (JsonTreeWriter) -----------------------------

template <class Out>
void write_decision(Out& out, const BandDecision& d) {
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

// The breakdown rows, each banded; answers the worst band of the parts when they are banded.
template <class Out>
BandDecision write_breakdown(Out& out, const KpiSpec& kpi, const KpiValue& value,
                             const ThresholdOverrides& overrides) {
  const bool as_percent = kpi.unit == Unit::fraction;
  const bool banded = !kpi.band_variants.empty();
  BandDecision overall = no_band();
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
  return overall;
}

// {"code", "input", "kpi", "message", "params"}: error_json()'s fields, in its order.
template <class Out>
void write_error(Out& out, const Error& error) {
  out.begin_object();
  out.key("code").value(error.code);
  out.key("input");
  error.input.empty() ? out.null() : out.value(error.input);
  out.key("kpi");
  error.kpi.empty() ? out.null() : out.value(error.kpi);
  out.key("message").value(error.message);
  out.key("params").value(error.params);
  out.end_object();
}

template <class Out>
void write_kpi(Out& out, const KpiSpec& kpi, const KpiRun& run, const ThresholdOverrides& overrides,
               bool compact) {
  const KpiValue& value = *run.value;
  out.begin_object();
  out.key("id").value(kpi.id);
  out.key("value").value(value.value);
  out.key("unit").value(unit_name(kpi.unit));
  if (!compact) out.key("formula").value(kpi.formula);
  BandDecision overall = no_band();
  if (!value.breakdown.empty()) overall = write_breakdown(out, kpi, value, overrides);
  if (value.breakdown.empty() || kpi.band_variants.empty()) {
    const BandRule* rule = effective_rule(kpi, value.band_variant, overrides);
    if (rule != nullptr) {
      const std::string_view label = value.band_label.empty() ? kpi.symbol : value.band_label;
      overall = classify(value.band_value.value_or(value.value), *rule, label,
                         kpi.unit == Unit::fraction);
    }
  }
  write_decision(out, overall);
  if (!value.band_variant.empty()) out.key("variant").value(value.band_variant);
  if (const auto interval = value.details.find("interval"); interval != value.details.end()) {
    out.key("interval").value(*interval);
  }
  out.key("details").value(value.details);
  out.key("warnings").begin_array();
  for (const Error& warning : value.warnings) write_error(out, warning);
  out.end_array();
  if (!compact) {
    out.key("inputs_used").begin_object();
    for (const KpiArgs::Entry& entry : run.args.entries()) out.key(entry.name).value(entry.raw());
    out.end_object();
  }
  out.end_object();
}

// The answer's parts in their order: KPIs in catalog order, errors, then the projection.
template <class Out>
void write_answer(Out& out, const Answer& answer) {
  out.begin_object();
  out.key("kpis").begin_array();
  const auto& catalog = kpi_catalog();
  for (std::size_t i = 0; i < answer.runs.size(); ++i) {
    const auto& run = answer.runs[i];
    if (run && run->value) write_kpi(out, catalog[i], *run, answer.overrides, answer.compact);
  }
  out.end_array();
  out.key("errors").begin_array();
  for (const Error& error : answer.errors) write_error(out, error);
  out.end_array();
  if (answer.projection) {
    out.key("projection");
    write_projection(out, *answer.projection);
  }
  out.end_object();
}

}  // namespace

std::string answer_text(const json& request) {
  Answer answer;
  work_out(request, answer);
  std::string text;
  text.reserve(16384);  // the sample company's answer is 14 KB; one allocation, not a dozen
  JsonWriter out(text);
  write_answer(out, answer);
  out.flush();
  return text;
}

json compute(const json& request) {
  Answer answer;
  work_out(request, answer);
  json tree;
  JsonTreeWriter out(tree);
  write_answer(out, answer);
  return tree;
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
