// Shared by the what-if tests: the sample company's baseline, calling the engine as the faces do,
// and finding a scenario's KPI in an answer.
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "servimetrics/json_text.hpp"
#include "servimetrics/whatif.hpp"

namespace servimetrics::testing {

using json = nlohmann::json;

// public/samples/sample-company.json's projection baseline with its starting customers, the
// discount rate and first-contact resolution of its inputs (5236 / 6800 = 0.77).
inline json sample_baseline() {
  return {{"starting_customers", 1250},
          {"retention_rate", 0.825},
          {"avg_order_value", 18000},
          {"purchases_per_year", 3},
          {"gross_margin", 0.28},
          {"cac", 26000},
          {"new_customers_per_year", 260},
          {"discount_rate", 0.08},
          {"first_contact_resolution", 0.77}};
}

// The answer read back from the text the wasm and CLI faces return.
inline json whatif_json(const json& request) {
  auto parsed = parse_json(whatif_answer(request));
  EXPECT_TRUE(parsed.ok());
  return parsed.ok() ? parsed.value() : json::object();
}

inline const json& scenario_named(const json& answer, const std::string& name) {
  for (const json& s : answer.at("scenarios")) {
    if (s.at("name") == name) return s;
  }
  ADD_FAILURE() << "no scenario " << name << " in " << answer.dump().substr(0, 400);
  static const json kNone = json::object();
  return kNone;
}

inline double kpi(const json& answer, const std::string& name,
                  const std::string& scenario = "baseline") {
  const json& value = scenario_named(answer, scenario).at("kpis").at(name).at("value");
  EXPECT_TRUE(value.is_number()) << name << ": "
                                 << scenario_named(answer, scenario).at("kpis").at(name).dump();
  return value.is_number() ? value.get<double>() : 0;
}

// The codes of the answer's errors, in order.
inline std::vector<std::string> error_codes(const json& answer) {
  std::vector<std::string> codes;
  for (const json& e : answer.at("errors")) codes.push_back(e.at("code").get<std::string>());
  return codes;
}

}  // namespace servimetrics::testing
