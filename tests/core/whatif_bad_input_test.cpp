// Bad what-if requests are answered with coded errors naming where, never a crash, and no answer
// holds NaN or Infinity: out-of-range levers (in the baseline, by a scenario's change, in a
// range), unknown levers, outputs and scenarios, horizon 0 or 11, too many draws, bad JSON.
#include <gtest/gtest.h>

#include "whatif_test_support.hpp"

namespace {

using namespace servimetrics::testing;

json with(const json& base, const json& patch) {
  json request = base;
  request.merge_patch(patch);
  return request;
}

const json kGood = {{"baseline", sample_baseline()}};

void expect_error(const json& request, const std::string& code, const std::string& where) {
  const json answer = whatif_json(request);
  bool found = false;
  for (const json& e : answer["errors"]) {
    found = found || (e["code"] == code && e["params"]["where"] == where);
  }
  EXPECT_TRUE(found) << code << " at " << where << " in " << answer["errors"].dump();
  EXPECT_FALSE(answer.contains("scenarios")) << "nothing is computed from a bad request";
  for (const json& e : answer["errors"]) EXPECT_FALSE(e["message"].get<std::string>().empty());
}

TEST(WhatifBadInput, OutOfRangeAndUnknownLevers) {
  expect_error(with(kGood, {{"baseline", {{"retention_rate", 1.5}}}}), "whatif_lever_out_of_range",
               "baseline.retention_rate");
  expect_error(with(kGood, {{"baseline", {{"cac", -1}}}}), "whatif_lever_out_of_range",
               "baseline.cac");
  expect_error(with(kGood, {{"baseline", {{"retention", 0.8}}}}), "whatif_unknown_lever",
               "baseline.retention");
  expect_error(with(kGood, {{"baseline", {{"cac", "lots"}}}}), "whatif_not_a_number",
               "baseline.cac");
  json missing = kGood;
  missing["baseline"].erase("cac");
  expect_error(missing, "whatif_field_missing", "baseline");
  // A change that takes retention past 100%.
  expect_error(
      with(kGood, {{"scenarios",
                    {{{"name", "too much"}, {"changes", {{"retention_rate", {{"add", 0.3}}}}}}}}}),
      "whatif_lever_out_of_range", "scenarios[0].changes.retention_rate");
  expect_error(
      with(kGood, {{"scenarios", {{{"name", "x"}, {"changes", {{"cac", {{"times", 2}}}}}}}}}),
      "whatif_change_not_valid", "scenarios[0].changes.cac");
  expect_error(with(kGood, {{"scenarios", {{{"name", "baseline"}}}}}), "whatif_name_repeated",
               "scenarios[0].name");
}

TEST(WhatifBadInput, HorizonStepAndFields) {
  expect_error(with(kGood, {{"horizon_years", 0}}), "whatif_out_of_range", "horizon_years");
  expect_error(with(kGood, {{"horizon_years", 11}}), "whatif_out_of_range", "horizon_years");
  expect_error(with(kGood, {{"horizon_years", 2.5}}), "whatif_not_whole", "horizon_years");
  expect_error(with(kGood, {{"step", "week"}}), "whatif_step_unknown", "step");
  expect_error(with(kGood, {{"colour", "red"}}), "whatif_unknown_field", "request");
  expect_error(json::object(), "whatif_field_missing", "request");
  expect_error(json::array(), "whatif_not_an_object", "request");
}

TEST(WhatifBadInput, QuestionsNameOnlyWhatExists) {
  expect_error(with(kGood, {{"tornado", {{"output", "happiness"}}}}), "whatif_unknown_output",
               "tornado.output");
  expect_error(with(kGood, {{"tornado", {{"output", "cltv"}, {"step", 0}}}}), "whatif_out_of_range",
               "tornado.step");
  expect_error(with(kGood, {{"goal", {{"lever", "luck"}, {"output", "cltv"}, {"target", 1}}}}),
               "whatif_unknown_lever", "goal.lever");
  expect_error(
      with(kGood,
           {{"goal",
             {{"lever", "cac"}, {"output", "cltv"}, {"target", 1}, {"scenario", "nowhere"}}}}),
      "whatif_unknown_scenario", "goal.scenario");
  expect_error(
      with(kGood, {{"goal", {{"lever", "cac"}, {"output", "cltv"}, {"year", 2}, {"target", 1}}}}),
      "whatif_output_has_no_year", "goal.year");
  expect_error(
      with(kGood, {{"goal", {{"lever", "cac"}, {"output", "profit"}, {"year", 6}, {"target", 1}}}}),
      "whatif_out_of_range", "goal.year");
  const json mc = {{"ranges", {{"cac", {{"low", 1}, {"likely", 2}, {"high", 3}}}}}};
  expect_error(with(kGood, {{"monte_carlo", with(mc, {{"draws", 100001}})}}), "whatif_out_of_range",
               "monte_carlo.draws");
  expect_error(with(kGood, {{"monte_carlo", with(mc, {{"ranges", {{"cac", {{"low", 3}}}}}})}}),
               "whatif_range_not_ordered", "monte_carlo.ranges.cac");
  expect_error(
      with(kGood,
           {{"monte_carlo",
             with(mc, {{"ranges",
                        {{"retention_rate", {{"low", 0.5}, {"likely", 0.9}, {"high", 1.2}}}}}})}}),
      "whatif_lever_out_of_range", "monte_carlo.ranges.retention_rate.high");
  expect_error(with(kGood, {{"monte_carlo", with(mc, {{"series", {"cltv"}}})}}),
               "whatif_output_has_no_year", "monte_carlo.series[0]");
}

TEST(WhatifBadInput, BadJsonAndHugeNumbersAreErrorsNotCrashes) {
  auto parsed = servimetrics::parse_json(servimetrics::whatif_text("{\"baseline\": "));
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(error_codes(parsed.value()), std::vector<std::string>{"invalid_json"});
  // The largest valid levers stay finite (1e12 customers x 1e15 x 1e6 x 11 is about 1e34):
  // answered without errors, NaN or Infinity.
  const json huge = with(kGood, {{"baseline",
                                  {{"starting_customers", 1e12},
                                   {"avg_order_value", 1e15},
                                   {"purchases_per_year", 1e6},
                                   {"price_change", 10}}}});
  const std::string text = servimetrics::whatif_answer(huge);
  EXPECT_EQ(text.find("nan"), std::string::npos);
  EXPECT_EQ(text.find("inf"), std::string::npos);
  EXPECT_TRUE(whatif_json(huge)["errors"].empty());
}

TEST(WhatifBadInput, EveryNumberOfAFullAnswerIsFiniteAndEveryNullHasACode) {
  // Retention 1 with no discount rate: CLTV has no finite value; it is null with its code.
  const json request =
      with(kGood, {{"baseline", {{"retention_rate", 1}, {"discount_rate", 0}}},
                   {"tornado", {{"output", "ltv_cac"}, {"step", "range"}}},
                   {"goal", {{"lever", "cac"}, {"output", "ltv_cac"}, {"target", 3}}},
                   {"monte_carlo",
                    {{"draws", 500},
                     {"ranges", {{"retention_rate", {{"mean", 0.95}, {"sd", 0.1}}}}},
                     {"target", {{"output", "ltv_cac"}, {"at_least", 3}}}}}});
  const std::string text = servimetrics::whatif_answer(request);
  EXPECT_EQ(text.find("nan"), std::string::npos);
  EXPECT_EQ(text.find("inf"), std::string::npos);
  const json answer = whatif_json(request);
  ASSERT_TRUE(answer["errors"].empty()) << answer["errors"].dump();
  const json& cltv = scenario_named(answer, "baseline")["kpis"]["cltv"];
  EXPECT_TRUE(cltv["value"].is_null());
  EXPECT_EQ(cltv["code"], "whatif_clv_unbounded");
  EXPECT_EQ(answer["goal"]["code"], "whatif_goal_output_undefined");
  // Normal draws above 100% retention were moved back into the lever's range and counted.
  EXPECT_GT(answer["monte_carlo"]["clamped"]["retention_rate"].get<int>(), 0);
  // Draws at retention 1 have no LTV:CAC: they are not counted as meeting the target.
  EXPECT_LT(answer["monte_carlo"]["target"]["defined"].get<int>(), 500);
}

}  // namespace
