// The assembled catalog: groups, KPIs and inputs, lookups, and its JSON form.
#include "servimetrics/catalog.hpp"

#include <iterator>

namespace servimetrics {
namespace {

std::vector<KpiSpec> assemble() {
  std::vector<KpiSpec> all;
  for (auto part : {customer_kpis(), operations_kpis(), financial_kpis(), digital_kpis(),
                    organization_kpis()}) {
    all.insert(all.end(), std::make_move_iterator(part.begin()),
               std::make_move_iterator(part.end()));
  }
  return all;
}

nlohmann::json text_json(const Text& text) {
  return {{"en", text.en}, {"zh", text.zh}};
}

nlohmann::json threshold_json(const std::optional<Threshold>& t) {
  if (!t) return nullptr;
  return {{"value", t->value}, {"strict", t->strict}};
}

nlohmann::json bands_json(const BandRule& rule) {
  nlohmann::json out = {{"direction", direction_name(rule.direction)},
                        {"good", threshold_json(rule.good)}};
  if (rule.watch) out["watch"] = threshold_json(rule.watch);
  return out;
}

nlohmann::json input_json(const InputSpec& spec) {
  nlohmann::json out = {{"name", spec.name},
                        {"unit", unit_name(spec.unit)},
                        {"label", text_json(spec.label)},
                        {"scoped", spec.scoped}};
  static constexpr const char* kKinds[] = {"number", "counts5", "date", "choice", "groups"};
  out["kind"] = kKinds[static_cast<int>(spec.kind)];
  if (spec.kind == InputKind::number || spec.kind == InputKind::counts5 ||
      spec.kind == InputKind::groups) {
    out["min"] = spec.min;
    out["max"] = spec.max;
  }
  if (!spec.choices.empty()) out["choices"] = spec.choices;
  if (!spec.fields.empty()) out["fields"] = spec.fields;
  return out;
}

}  // namespace

std::string_view unit_name(Unit unit) {
  static constexpr const char* kNames[] = {"money",    "count",     "fraction", "ratio",  "score",
                                           "points",   "years",     "months",   "days",   "hours",
                                           "per_year", "per_month", "date",     "choice", "groups"};
  return kNames[static_cast<int>(unit)];
}

std::span<const GroupSpec> kpi_groups() {
  static const GroupSpec groups[] = {
      {"customer", {"Customer", "客户"}},
      {"operations", {"Service operations", "服务运营"}},
      {"financial", {"Financial", "财务"}},
      {"digital", {"Digital", "数字化"}},
      {"organization", {"Organization and people", "组织与人才"}},
  };
  return groups;
}

std::span<const KpiSpec> kpi_catalog() {
  static const std::vector<KpiSpec> catalog = assemble();
  return catalog;
}

const KpiSpec* find_kpi(std::string_view id) {
  for (const KpiSpec& kpi : kpi_catalog()) {
    if (kpi.id == id) return &kpi;
  }
  return nullptr;
}

bool KpiArgs::has(std::string_view name) const {
  for (const Entry& e : entries_) {
    if (e.name == name) return true;
  }
  return false;
}

double KpiArgs::number(std::string_view name) const {
  for (const Entry& e : entries_) {
    if (e.name == name) return e.number;
  }
  return 0;
}

const nlohmann::json& KpiArgs::raw(std::string_view name) const {
  static const nlohmann::json null_json;
  for (const Entry& e : entries_) {
    if (e.name == name) return e.raw();
  }
  return null_json;
}

void KpiArgs::set(std::string_view name, double number, nlohmann::json raw) {
  entries_.push_back({name, number, std::move(raw), nullptr});
}

void KpiArgs::set_ref(std::string_view name, double number, const nlohmann::json& raw) {
  entries_.push_back({name, number, nullptr, &raw});
}

nlohmann::json KpiArgs::to_json() const {
  nlohmann::json out = nlohmann::json::object();
  for (const Entry& e : entries_) out[std::string(e.name)] = e.raw();
  return out;
}

nlohmann::json catalog_json() {
  nlohmann::json groups = nlohmann::json::array();
  for (const GroupSpec& g : kpi_groups())
    groups.push_back({{"id", g.id}, {"name", text_json(g.name)}});

  nlohmann::json kpis = nlohmann::json::array();
  for (const KpiSpec& kpi : kpi_catalog()) {
    nlohmann::json inputs = nlohmann::json::array();
    for (const KpiInput& in : kpi.inputs) {
      nlohmann::json entry = input_json(*find_input(in.name));
      entry["optional"] = in.optional;
      entry["default"] = in.default_value ? nlohmann::json(*in.default_value) : nlohmann::json();
      entry["derived_from"] =
          in.derived_from.empty() ? nlohmann::json() : nlohmann::json(in.derived_from);
      if (in.companion) entry["companion"] = true;
      inputs.push_back(std::move(entry));
    }
    nlohmann::json variants = nullptr;
    if (!kpi.band_variants.empty()) {
      variants = nlohmann::json::object();
      for (const auto& [name, rule] : kpi.band_variants)
        variants[std::string(name)] = bands_json(rule);
    }
    kpis.push_back({{"id", kpi.id},
                    {"group", kpi.group},
                    {"unit", unit_name(kpi.unit)},
                    {"symbol", kpi.symbol},
                    {"name", text_json(kpi.name)},
                    {"formula", kpi.formula},
                    {"explanation", text_json(kpi.explanation)},
                    {"inputs", std::move(inputs)},
                    {"bands", kpi.bands ? bands_json(*kpi.bands) : nlohmann::json()},
                    {"band_variants", std::move(variants)}});
  }

  nlohmann::json inputs = nlohmann::json::array();
  for (const InputSpec& spec : input_catalog()) {
    nlohmann::json entry = input_json(spec);
    nlohmann::json used_by = nlohmann::json::array();
    for (const KpiSpec& kpi : kpi_catalog()) {
      for (const KpiInput& in : kpi.inputs) {
        if (in.name == spec.name) used_by.push_back(kpi.id);
      }
    }
    entry["used_by"] = std::move(used_by);
    inputs.push_back(std::move(entry));
  }
  return {{"version", 1},
          {"groups", std::move(groups)},
          {"kpis", std::move(kpis)},
          {"inputs", std::move(inputs)}};
}

}  // namespace servimetrics
