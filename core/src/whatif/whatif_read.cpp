// Reads a what-if request's baseline, horizon, step and scenarios; the questions are read in
// whatif_read_questions.cpp.
#include <string>

#include "whatif/read_support.hpp"
#include "whatif/whatif_request.hpp"

namespace servimetrics::whatif {

using json = nlohmann::json;

// In whatif_read_questions.cpp.
void read_questions(Reader& reader, const json& request, WhatifRequest& out);

namespace {

void read_baseline(Reader& reader, const json& block, Model& model) {
  if (!reader.object(block, "baseline")) return;
  for (const auto& [key, value] : block.items()) {
    if (!lever_named(key)) {
      reader.fail("baseline." + key, "unknown lever \"" + key + "\"", "whatif_unknown_lever",
                  {{"name", key}});
    }
  }
  for (std::size_t i = 0; i < kLeverCount; ++i) {
    const Lever lever = lever_at(i);
    const LeverSpec& spec = lever_spec(lever);
    const std::string where = "baseline." + std::string(spec.name);
    const json* value = reader.field(block, "baseline", spec.name, !spec.default_value);
    if (value == nullptr) {
      model.levers[lever] = spec.default_value.value_or(0);
      continue;
    }
    if (auto number = reader.lever_value(*value, where, lever)) model.levers[lever] = *number;
  }
  model.fcr_reference = model.levers[Lever::first_contact_resolution];
}

std::optional<Change> read_change(Reader& reader, const std::string& where, Lever lever,
                                  const json& value) {
  if (value.is_number()) {
    const auto amount = reader.number(value, where);
    return amount ? std::optional<Change>(Change{lever, ChangeOp::set, *amount}) : std::nullopt;
  }
  if (!value.is_object() || value.size() != 1) {
    reader.fail(where, "a change is a number or one of {\"add\": x}, {\"mul\": x}, {\"set\": x}",
                "whatif_change_not_valid");
    return std::nullopt;
  }
  const auto first = value.begin();
  const std::string op_name = first.key();
  const json& amount_json = first.value();
  const ChangeOp op = op_name == "add"   ? ChangeOp::add
                      : op_name == "mul" ? ChangeOp::mul
                                         : ChangeOp::set;
  if (op == ChangeOp::set && op_name != "set") {
    reader.fail(where, "a change is a number or one of {\"add\": x}, {\"mul\": x}, {\"set\": x}",
                "whatif_change_not_valid");
    return std::nullopt;
  }
  const auto amount = reader.number(amount_json, where + "." + op_name);
  if (!amount) return std::nullopt;
  return Change{lever, op, *amount};
}

void read_scenario(Reader& reader, const json& block, std::size_t index, const Model& baseline,
                   std::vector<Scenario>& out) {
  const std::string where = "scenarios[" + std::to_string(index) + "]";
  if (!reader.object(block, where) || !reader.known_keys(block, where, {"name", "changes"})) return;
  Scenario scenario;
  const json* name = reader.field(block, where, "name", true);
  if (name != nullptr && (!name->is_string() || name->get<std::string>().empty())) {
    reader.fail(where + ".name", "must be a text that is not empty", "whatif_name_not_valid");
  } else if (name != nullptr) {
    scenario.name = name->get<std::string>();
    bool taken = scenario.name == "baseline";
    for (const Scenario& other : out) taken = taken || other.name == scenario.name;
    if (taken) {
      reader.fail(where + ".name", "the name \"" + scenario.name + "\" is already used",
                  "whatif_name_repeated", {{"name", scenario.name}});
    }
  }
  const json* changes = reader.field(block, where, "changes", false);
  if (changes != nullptr && reader.object(*changes, where + ".changes")) {
    for (const auto& [key, value] : changes->items()) {
      const std::string at = where + ".changes." + key;
      const auto lever = reader.lever(json(key), at);
      if (!lever) continue;
      const auto change = read_change(reader, at, *lever, value);
      if (!change) continue;
      scenario.changes.push_back(*change);
      reader.lever_value_in_range(changed_value(baseline.levers[*lever], *change), at, *lever);
    }
  }
  scenario.model = apply_changes(baseline, scenario.changes);
  out.push_back(std::move(scenario));
}

void read_horizon(Reader& reader, const json& request, Model& model) {
  if (const json* years = reader.field(request, "", "horizon_years", false)) {
    if (auto value = reader.whole(*years, "horizon_years", 1, kMaxHorizonYears)) {
      model.horizon_years = *value;
    }
  }
  if (const json* step = reader.field(request, "", "step", false)) {
    if (*step == "year" || *step == "month") {
      model.step = *step == "month" ? Step::month : Step::year;
    } else {
      reader.fail("step", "must be \"year\" or \"month\"", "whatif_step_unknown",
                  {{"value", step->dump()}});
    }
  }
}

}  // namespace

const Model& model_of(const WhatifRequest& request, ScenarioIndex index) {
  return index < 0 ? request.baseline : request.scenarios[static_cast<std::size_t>(index)].model;
}

ReadRequest read_whatif_request(const json& request) {
  ReadRequest read;
  Reader reader(read.errors);
  if (!reader.object(request, "request")) return read;
  reader.known_keys(
      request, "request",
      {"baseline", "scenarios", "horizon_years", "step", "tornado", "goal", "monte_carlo"});
  WhatifRequest& out = read.request;
  read_horizon(reader, request, out.baseline);
  const json* baseline = reader.field(request, "request", "baseline", true);
  if (baseline == nullptr) return read;
  read_baseline(reader, *baseline, out.baseline);
  if (const json* scenarios = reader.field(request, "", "scenarios", false)) {
    if (!scenarios->is_array()) {
      reader.fail("scenarios", "must be a list", "whatif_not_a_list");
    } else if (scenarios->size() > static_cast<std::size_t>(kMaxScenarios)) {
      reader.fail("scenarios", "more than " + std::to_string(kMaxScenarios) + " scenarios",
                  "whatif_too_many_scenarios", {{"max", kMaxScenarios}});
    } else {
      for (std::size_t i = 0; i < scenarios->size(); ++i) {
        read_scenario(reader, scenarios->at(i), i, out.baseline, out.scenarios);
      }
    }
  }
  read_questions(reader, request, out);
  return read;
}

}  // namespace servimetrics::whatif
