// The KPI catalog as data: every KPI's id, inputs, formula, unit, bands and texts, in one place.
// The page, the CLI and the tests all read it from here (see catalog_json()).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "servimetrics/band.hpp"
#include "servimetrics/result.hpp"

namespace servimetrics {

struct Text {
  std::string_view en;
  std::string_view zh;
};

enum class Unit {
  money,
  count,
  fraction,
  ratio,
  score,
  points,
  years,
  months,
  days,
  hours,
  per_year,
  per_month,
  date,
  choice,
  groups
};
std::string_view unit_name(Unit unit);

enum class InputKind { number, counts5, date, choice, groups };

// One distinct input name, shared by every KPI that uses it.
struct InputSpec {
  std::string_view name;
  Unit unit;
  InputKind kind;
  double min;
  double max;
  Text label;
  bool scoped = false;  // means different things to different KPIs: give it as "<kpi>.<name>"
  std::vector<std::string_view> choices = {};  // kind choice
  std::vector<std::string_view> fields = {};   // kind groups: numeric fields of each row
};

struct KpiInput {
  std::string_view name;
  bool optional = false;
  std::optional<double> default_value = {};
  std::string_view derived_from = {};  // KPI id whose value stands in when the input is absent
  // Read when given for another KPI (LTV:CAC reads cac's channels): it neither asks for this KPI
  // nor blocks it when invalid, and the page does not show it among this KPI's fields.
  bool companion = false;
};

// The validated inputs of one KPI, handed to its compute function.
class KpiArgs {
 public:
  [[nodiscard]] bool has(std::string_view name) const;
  [[nodiscard]] double number(std::string_view name) const;              // 0 when absent
  [[nodiscard]] const nlohmann::json& raw(std::string_view name) const;  // null when absent

  void set(std::string_view name, double number, nlohmann::json raw);
  // Refers to `raw` instead of copying it (a channels table is many allocations); it must outlive
  // these arguments, as the request's validated inputs do.
  void set_ref(std::string_view name, double number, const nlohmann::json& raw);
  // {name: value} of every input set, for the answer's "inputs_used".
  [[nodiscard]] nlohmann::json to_json() const;

  struct Entry {
    std::string_view name;
    double number;
    nlohmann::json owned;                 // the raw value when set() copied it
    const nlohmann::json* ref = nullptr;  // the raw value when set_ref() referred to it
    [[nodiscard]] const nlohmann::json& raw() const { return ref != nullptr ? *ref : owned; }
  };
  [[nodiscard]] const std::vector<Entry>& entries() const { return entries_; }

 private:
  std::vector<Entry> entries_;
};

struct BreakdownRow {
  std::string name;
  double value;
};

struct KpiValue {
  double value = 0;
  nlohmann::json details = nlohmann::json::object();  // KPI-specific extras (interval, shares)
  std::vector<BreakdownRow> breakdown;                // per process, role or channel
  std::string band_variant;                           // picks a band_variants entry, if any
  // What the band judges when it is not `value` (a monthly churn judged by its annual equivalent),
  // and how the rule sentence names it ("annual churn rate").
  std::optional<double> band_value;
  std::string band_label;
  // Shown with the value, never instead of it: a small sample, inputs that contradict each other.
  std::vector<Error> warnings;
};

using ComputeKpi = Result<KpiValue> (*)(const KpiArgs&);

// Catalog entries are written with designated initializers ({.id = "clv", .group = ...}).
struct KpiSpec {
  std::string_view id;
  std::string_view group;
  Unit unit;
  std::string_view symbol;  // short label used in rule sentences
  Text name;
  std::string_view formula;
  Text explanation;
  std::vector<KpiInput> inputs;
  std::optional<BandRule> bands = {};  // none: the KPI has no health band
  std::vector<std::pair<std::string_view, BandRule>> band_variants = {};
  ComputeKpi compute = nullptr;
};

struct GroupSpec {
  std::string_view id;
  Text name;
};

std::span<const GroupSpec> kpi_groups();
std::span<const KpiSpec> kpi_catalog();
std::span<const InputSpec> input_catalog();
const KpiSpec* find_kpi(std::string_view id);
const InputSpec* find_input(std::string_view name);

// The whole catalog as the JSON documented in docs/JSON-API.md.
nlohmann::json catalog_json();

// Parts of the catalog, defined per group in catalog_<group>.cpp.
std::vector<KpiSpec> customer_kpis();
std::vector<KpiSpec> operations_kpis();
std::vector<KpiSpec> financial_kpis();
std::vector<KpiSpec> digital_kpis();
std::vector<KpiSpec> organization_kpis();

}  // namespace servimetrics
