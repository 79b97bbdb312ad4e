// Writes each scenario: its levers, yearly (and monthly) table, KPIs with their explanation, and
// its differences from the baseline.
#include "whatif/whatif_json.hpp"

#include "whatif/explain.hpp"

namespace servimetrics::whatif {
namespace {

struct SeriesOf {
  std::string_view name;
  std::vector<double> Path::*member;
  bool stock;  // a level at the period's end (customers), not a flow over it
};

constexpr SeriesOf kSeries[] = {
    {"customers", &Path::customers, true},
    {"product_revenue", &Path::product_revenue, false},
    {"service_revenue", &Path::service_revenue, false},
    {"revenue", &Path::revenue, false},
    {"gross_profit", &Path::gross_profit, false},
    {"acquisition_cost", &Path::acquisition_cost, false},
    {"service_cost", &Path::service_cost, false},
    {"investment", &Path::investment, false},
    {"benefit", &Path::benefit, false},
    {"profit", &Path::profit, false},
    {"cumulative_profit", &Path::cumulative_profit, true},
};

std::vector<double> yearly(const Path& path, const SeriesOf& s, Step step) {
  return s.stock ? yearly_end(path.*s.member, step) : yearly_sum(path.*s.member, step);
}

void write_list(JsonWriter& out, const std::vector<double>& values) {
  out.begin_array();
  for (const double v : values) out.value(v);
  out.end_array();
}

// The table by year, or by period when `by_period`; minus the baseline's when `base` is given.
void write_table(JsonWriter& out, const Path& path, const Path* base, Step step, bool by_period) {
  out.begin_object();
  for (const SeriesOf& s : kSeries) {
    std::vector<double> values = by_period ? path.*s.member : yearly(path, s, step);
    if (base != nullptr) {
      const std::vector<double> before = by_period ? base->*s.member : yearly(*base, s, step);
      for (std::size_t i = 0; i < values.size(); ++i) values[i] -= before[i];
    }
    out.key(s.name);
    write_list(out, values);
  }
  out.end_object();
}

void write_value(JsonWriter& out, const OutputValue& value) {
  if (value.ok()) {
    out.key("value").value(value.value);
  } else {
    out.key("value").null();
    out.key("code").value(value.code);
  }
}

void write_kpis(JsonWriter& out, const Model& model, const Path& path) {
  out.begin_object();
  for (std::size_t i = 0; i < kOutputCount; ++i) {
    const auto output = static_cast<Output>(i);
    out.key(output_name(output)).begin_object();
    write_value(out, evaluate(model, path, output));
    write_explanation(out, model, path, output);
    out.end_object();
  }
  out.end_object();
}

void write_kpi_differences(JsonWriter& out, const Model& model, const Path& path,
                           const Model& base_model, const Path& base) {
  out.begin_object();
  for (std::size_t i = 0; i < kOutputCount; ++i) {
    const auto output = static_cast<Output>(i);
    const OutputValue now = evaluate(model, path, output);
    const OutputValue before = evaluate(base_model, base, output);
    out.key(output_name(output));
    if (now.ok() && before.ok()) {
      out.value(now.value - before.value);
    } else {
      out.null();
    }
  }
  out.end_object();
}

void write_levers(JsonWriter& out, const Model& model) {
  out.begin_object();
  for (std::size_t i = 0; i < kLeverCount; ++i) {
    out.key(lever_spec(lever_at(i)).name).value(model.levers[lever_at(i)]);
  }
  out.end_object();
}

void write_one(JsonWriter& out, const Model& model, const Path& path, const Path* base,
               const Model& base_model) {
  out.key("levers");
  write_levers(out, model);
  out.key("years");
  write_table(out, path, nullptr, model.step, false);
  if (model.step == Step::month) {
    out.key("months");
    write_table(out, path, nullptr, model.step, true);
  }
  out.key("kpis");
  write_kpis(out, model, path);
  if (base == nullptr) return;
  out.key("difference").begin_object();
  out.key("years");
  write_table(out, path, base, model.step, false);
  out.key("kpis");
  write_kpi_differences(out, model, path, base_model, *base);
  out.end_object();
}

}  // namespace

std::string_view scenario_name(const WhatifRequest& request, ScenarioIndex index) {
  return index < 0 ? std::string_view("baseline")
                   : std::string_view(request.scenarios[static_cast<std::size_t>(index)].name);
}

void write_scenarios(JsonWriter& out, const WhatifRequest& request,
                     const std::vector<Path>& paths) {
  out.begin_array();
  for (std::size_t i = 0; i < paths.size(); ++i) {
    const auto index = static_cast<ScenarioIndex>(i) - 1;
    out.begin_object();
    out.key("name").value(scenario_name(request, index));
    write_one(out, model_of(request, index), paths[i], i == 0 ? nullptr : &paths[0],
              request.baseline);
    out.end_object();
  }
  out.end_array();
}

}  // namespace servimetrics::whatif
