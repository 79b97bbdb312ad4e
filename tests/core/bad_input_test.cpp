// Bad input, one class at a time: each error names the KPI and the input, and the other KPIs of the
// same request are still computed. Negative and out-of-range values, zero denominators, NaN and
// Infinity, text in number fields, numeric strings (accepted), part larger than whole, unknown
// names, missing inputs, malformed groups/counts/choices, malformed JSON text, non-object
// requests; and no answer ever holds NaN or Infinity, even for huge or tiny values.
#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <string>

#include "kpi_test_support.hpp"
#include "servimetrics/catalog.hpp"

namespace {

using namespace servimetrics::testing;

// Valid inputs of clv (120 * 4 * 5 = 2400), added to a bad request to see it still computed.
json with_clv(json inputs) {
  inputs["avg_purchase_value"] = 120;
  inputs["purchases_per_year"] = 4;
  inputs["lifespan_years"] = 5;
  return inputs;
}

void expect_clv_still_computed(const json& answer) {
  EXPECT_DOUBLE_EQ(kpi_value(answer, "clv"), 2400);
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(BadInput, NegativeCount) {
  const json answer = compute_inputs(with_clv({{"customers_start", 100}, {"customers_lost", -1}}));
  EXPECT_EQ(find_kpi_answer(answer, "churn_rate"), nullptr);
  const json* error = find_error(answer, "churn_rate", "customers_lost");
  ASSERT_NE(error, nullptr) << answer.dump();
  EXPECT_TRUE(contains(str(*error, "message"), "customers_lost")) << error->dump();
  expect_clv_still_computed(answer);
}

TEST(BadInput, NegativeMoney) {
  const json answer = compute_inputs(with_clv({{"cltv", -30000}, {"cac", 10000}}));
  EXPECT_EQ(find_kpi_answer(answer, "ltv_cac_ratio"), nullptr);
  EXPECT_NE(find_error(answer, "ltv_cac_ratio", "cltv"), nullptr) << answer.dump();
  expect_clv_still_computed(answer);
}

TEST(BadInput, FractionAboveOne) {
  const json answer = compute_inputs(with_clv(
      {{"annual_revenue_per_customer", 10000}, {"relationship_years", 3}, {"gross_margin", 1.5}}));
  EXPECT_EQ(find_kpi_answer(answer, "cltv"), nullptr);
  const json* error = find_error(answer, "cltv", "gross_margin");
  ASSERT_NE(error, nullptr) << answer.dump();
  EXPECT_TRUE(contains(str(*error, "message"), "1.5")) << error->dump();
  expect_clv_still_computed(answer);

  const json churn = compute_inputs(with_clv({{"customers", 100},
                                              {"churn_before", 1.2},
                                              {"churn_after", 0.1},
                                              {"annual_revenue_per_customer", 50}}));
  EXPECT_EQ(find_kpi_answer(churn, "churn_reduction_value"), nullptr);
  EXPECT_NE(find_error(churn, "churn_reduction_value", "churn_before"), nullptr) << churn.dump();
  expect_clv_still_computed(churn);
}

TEST(BadInput, AboveTheInputMaximum) {
  const json answer = compute_inputs(with_clv({{"months_to_target", 1e9}}));
  EXPECT_EQ(find_kpi_answer(answer, "tech_adoption_months"), nullptr);
  EXPECT_NE(find_error(answer, "tech_adoption_months", "months_to_target"), nullptr)
      << answer.dump();
  expect_clv_still_computed(answer);
}

TEST(BadInput, ZeroDenominators) {
  struct Case {
    json inputs;
    const char* kpi;
    const char* input;
  };
  const Case cases[] = {
      {{{"customers_start", 0}, {"customers_lost", 0}}, "churn_rate", "customers_start"},
      {{{"issues", 0}, {"resolved_first_contact", 0}}, "first_contact_resolution_rate", "issues"},
      {{{"cltv", 30000}, {"cac", 0}}, "ltv_cac_ratio", "cac"},
      {{{"sales_marketing_spend", 1000}, {"new_customers", 0}}, "cac", "new_customers"},
      {{{"revenue_gain", 10}, {"investment", 0}}, "service_innovation_roi", "investment"},
      {{{"benefit_3y", 10}, {"digital_transformation_roi.investment", 0}},
       "digital_transformation_roi",
       "digital_transformation_roi.investment"},
      {{{"recurring_revenue_start", 0}, {"recurring_revenue_lost", 0}},
       "revenue_churn_rate",
       "recurring_revenue_start"},
      {{{"decisions_total", 0}, {"decisions_with_data", 0}},
       "data_driven_decision_ratio",
       "decisions_total"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.kpi);
    const json answer = compute_inputs(with_clv(c.inputs));
    EXPECT_EQ(find_kpi_answer(answer, c.kpi), nullptr) << answer.dump();
    const json* error = find_error(answer, c.kpi, c.input);
    ASSERT_NE(error, nullptr) << answer.dump();
    EXPECT_TRUE(contains(str(*error, "message"), c.input)) << error->dump();
    expect_clv_still_computed(answer);
    expect_finite_answer(answer);
  }
}

TEST(BadInput, NanAndInfinityAsStrings) {
  for (const char* text : {"NaN", "nan", "Infinity", "-Infinity", "inf", "1e999"}) {
    SCOPED_TRACE(text);
    const json answer =
        compute_inputs(with_clv({{"customers_start", 100}, {"customers_lost", text}}));
    EXPECT_EQ(find_kpi_answer(answer, "churn_rate"), nullptr);
    EXPECT_NE(find_error(answer, "churn_rate", "customers_lost"), nullptr) << answer.dump();
    expect_clv_still_computed(answer);
    expect_finite_answer(answer);
  }
}

TEST(BadInput, NanAndInfinityAsJsonDoubles) {
  // Not reachable from JSON text, but a caller holding a json value can pass them.
  for (const double bad :
       {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
        -std::numeric_limits<double>::infinity()}) {
    SCOPED_TRACE(bad);
    const json answer =
        compute_inputs(with_clv({{"customers_start", 100}, {"customers_lost", bad}}));
    EXPECT_EQ(find_kpi_answer(answer, "churn_rate"), nullptr);
    EXPECT_NE(find_error(answer, "churn_rate", "customers_lost"), nullptr) << answer.dump();
    expect_clv_still_computed(answer);
  }
}

TEST(BadInput, OverflowingNumberInJsonText) {
  for (const char* text : {R"({"inputs": {"customers_start": 100, "customers_lost": 1e400}})",
                           R"({"inputs": {"customers_start": -1e400, "customers_lost": 10}})"}) {
    SCOPED_TRACE(text);
    const json answer = parse_or_fail(servimetrics::compute_text(text));
    ASSERT_TRUE(answer.contains("errors") && answer["errors"].is_array()) << answer.dump();
    EXPECT_GE(answer["errors"].size(), 1u);
    EXPECT_EQ(find_kpi_answer(answer, "churn_rate"), nullptr);
    expect_finite_answer(answer);
  }
}

TEST(BadInput, TextInANumberField) {
  const json answer =
      compute_inputs(with_clv({{"customers_start", "abc"}, {"customers_lost", 10}}));
  EXPECT_EQ(find_kpi_answer(answer, "churn_rate"), nullptr);
  const json* error = find_error(answer, "churn_rate", "customers_start");
  ASSERT_NE(error, nullptr) << answer.dump();
  EXPECT_TRUE(contains(str(*error, "message"), "abc")) << error->dump();
  expect_clv_still_computed(answer);

  for (const json& bad :
       {json(true), json::array({1}), json::object({{"x", 1}}), json("1,000"), json("12abc")}) {
    SCOPED_TRACE(bad.dump());
    const json other =
        compute_inputs(with_clv({{"customers_start", 100}, {"customers_lost", bad}}));
    EXPECT_EQ(find_kpi_answer(other, "churn_rate"), nullptr);
    EXPECT_NE(find_error(other, "churn_rate", "customers_lost"), nullptr) << other.dump();
    expect_clv_still_computed(other);
  }
}

TEST(BadInput, NumericStringsAreAccepted) {
  const json answer = compute_inputs(
      {{"avg_purchase_value", "12.5"}, {"purchases_per_year", " 4 "}, {"lifespan_years", "2e0"}});
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
  EXPECT_DOUBLE_EQ(kpi_value(answer, "clv"), 100);  // 12.5 * 4 * 2
  const json rate = compute_inputs({{"customers_start", "200"}, {"customers_lost", ".5e2"}});
  EXPECT_DOUBLE_EQ(kpi_value(rate, "churn_rate"), 0.25);
}

TEST(BadInput, BlankValuesCountAsAbsent) {
  // null and "" are "not filled in": with every input blank the KPI is simply absent.
  const json answer =
      compute_inputs(with_clv({{"customers_start", nullptr}, {"customers_lost", ""}}));
  EXPECT_EQ(find_kpi_answer(answer, "churn_rate"), nullptr);
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
  expect_clv_still_computed(answer);
}

TEST(BadInput, PartLargerThanWhole) {
  const json answer = compute_inputs(with_clv({{"customers_start", 100}, {"customers_lost", 120}}));
  EXPECT_EQ(find_kpi_answer(answer, "churn_rate"), nullptr);
  const json* error = find_error(answer, "churn_rate", "customers_lost");
  ASSERT_NE(error, nullptr) << answer.dump();
  EXPECT_EQ(str(*error, "message"), "customers_lost (120) is larger than customers_start (100)");
  expect_clv_still_computed(answer);

  const json replies =
      compute_inputs(with_clv({{"online_inquiries", 10}, {"replied_within_1h", 11}}));
  EXPECT_NE(find_error(replies, "reply_within_1h_rate", "replied_within_1h"), nullptr)
      << replies.dump();
  expect_clv_still_computed(replies);
}

TEST(BadInput, UnknownInputName) {
  const json answer = compute_inputs(with_clv({{"avg_purchase_valu", 3}}));
  const json* error = find_error(answer, "", "avg_purchase_valu");
  ASSERT_NE(error, nullptr) << answer.dump();
  EXPECT_TRUE(contains(str(*error, "message"), "avg_purchase_valu")) << error->dump();
  expect_clv_still_computed(answer);
}

TEST(BadInput, UnknownScopedKpiOrInput) {
  const json answer = compute_inputs(with_clv({{"no_such_kpi.investment", 3}}));
  const json* error = find_error(answer, "", "no_such_kpi.investment");
  ASSERT_NE(error, nullptr) << answer.dump();
  EXPECT_TRUE(contains(str(*error, "message"), "no_such_kpi")) << error->dump();
  expect_clv_still_computed(answer);

  const json wrong_input = compute_inputs(with_clv({{"clv.investment", 3}}));
  EXPECT_NE(find_error(wrong_input, "", "clv.investment"), nullptr) << wrong_input.dump();
  expect_clv_still_computed(wrong_input);
}

TEST(BadInput, MissingInputWhenPartiallyFilled) {
  const json answer = compute_inputs({{"avg_purchase_value", 120},
                                      {"purchases_per_year", 4},
                                      {"customers_start", 100},
                                      {"customers_lost", 10}});
  EXPECT_EQ(find_kpi_answer(answer, "clv"), nullptr);
  const json* error = find_error(answer, "clv", "lifespan_years");
  ASSERT_NE(error, nullptr) << answer.dump();
  EXPECT_TRUE(contains(str(*error, "message"), "missing")) << error->dump();
  EXPECT_DOUBLE_EQ(kpi_value(answer, "churn_rate"), 0.1);
  EXPECT_EQ(error_count(answer), 1u) << answer.dump();

  // The first missing one is named.
  const json two_missing = compute_inputs({{"customers", 10}, {"annual_revenue_per_customer", 5}});
  const json* first = find_error(two_missing, "churn_reduction_value", "churn_before");
  ASSERT_NE(first, nullptr) << two_missing.dump();
  EXPECT_TRUE(contains(str(*first, "message"), "missing"));
}

TEST(BadInput, KpiWithoutInputsIsAbsentWithoutError) {
  const json answer = compute_inputs(with_clv(json::object()));
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
  ASSERT_EQ(answer["kpis"].size(), 1u) << answer.dump();
  const json empty = compute_inputs(json::object());
  EXPECT_EQ(error_count(empty), 0u);
  EXPECT_TRUE(empty["kpis"].is_array() && empty["kpis"].empty()) << empty.dump();
  const json nothing = servimetrics::compute(json::object());
  EXPECT_EQ(error_count(nothing), 0u) << nothing.dump();
}

TEST(BadInput, MalformedCountsGroupsAndChoices) {
  struct Case {
    json inputs;
    const char* kpi;
    const char* input;
  };
  const Case cases[] = {
      {{{"csat_score_counts", {1, 2, 3}}}, "csat", "csat_score_counts"},
      {{{"csat_score_counts", {1, 2, "x", 4, 5}}}, "csat", "csat_score_counts"},
      {{{"csat_score_counts", {1, 2, -3, 4, 5}}}, "csat", "csat_score_counts"},
      {{{"csat_score_counts", 5}}, "csat", "csat_score_counts"},
      {{{"processes", 5}}, "process_digitization_rate", "processes"},
      {{{"processes", {{"order_processing", 3}}}},
       "process_digitization_rate",
       "processes.order_processing"},
      {{{"processes", {{"order_processing", {{"steps_total", 3}}}}}},
       "process_digitization_rate",
       "processes.order_processing.steps_in_system"},
      {{{"processes",
         {{"order_processing", {{"steps_total", 3}, {"steps_in_system", 2}, {"owner", 1}}}}}},
       "process_digitization_rate",
       "processes.order_processing.owner"},
      {{{"processes", {{"order_processing", {{"steps_total", 3}, {"steps_in_system", -2}}}}}},
       "process_digitization_rate",
       "processes.order_processing.steps_in_system"},
      {{{"roles", {{"sales", {{"assessed", "ten"}, {"passed", 2}}}}}},
       "digital_skill_pass_rate",
       "roles.sales.assessed"},
      {{{"channels", {{"web", {{"spend", -1}, {"new_customers", 2}}}}}},
       "cac",
       "channels.web.spend"},
      {{{"service_revenue", 1}, {"total_revenue", 2}, {"industry", 7}},
       "service_revenue_share",
       "industry"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.inputs.dump());
    const json answer = compute_inputs(with_clv(c.inputs));
    EXPECT_EQ(find_kpi_answer(answer, c.kpi), nullptr) << answer.dump();
    EXPECT_NE(find_error(answer, c.kpi, c.input), nullptr) << answer.dump();
    expect_clv_still_computed(answer);
  }
}

TEST(BadInput, BadValueOfASharedInputIsReportedOnce) {
  // complaints feeds two KPIs; its bad value is one error, not two.
  const json answer =
      compute_inputs({{"complaints", -5}, {"closed_within_7d", 1}, {"repeat_complaints", 1}});
  EXPECT_EQ(error_count(answer), 1u) << answer.dump();
  EXPECT_TRUE(answer["kpis"].empty());
}

TEST(BadRequest, NotAnObject) {
  for (const json& request : {json::array({1, 2}), json(42), json("inputs"), json(nullptr)}) {
    SCOPED_TRACE(request.dump());
    const json answer = servimetrics::compute(request);
    ASSERT_TRUE(answer.contains("errors") && answer["errors"].is_array());
    ASSERT_EQ(answer["errors"].size(), 1u) << answer.dump();
    EXPECT_TRUE(answer["errors"][0]["kpi"].is_null());
    EXPECT_TRUE(answer["kpis"].is_array() && answer["kpis"].empty());
  }
}

TEST(BadRequest, InputsNotAnObjectAndUnknownFields) {
  const json answer = servimetrics::compute({{"inputs", {1, 2}}});
  EXPECT_NE(find_error(answer, "", "inputs"), nullptr) << answer.dump();
  EXPECT_TRUE(answer["kpis"].empty());

  const json unknown = servimetrics::compute(
      {{"inputs", {{"customers_start", 100}, {"customers_lost", 10}}}, {"input", {{"x", 1}}}});
  EXPECT_NE(find_error(unknown, "", "input"), nullptr) << unknown.dump();
  EXPECT_DOUBLE_EQ(kpi_value(unknown, "churn_rate"), 0.1);
}

TEST(BadRequest, MalformedJsonTextNeverCrashes) {
  for (const char* text : {"", "{", "{\"inputs\": {", "nul", "{\"inputs\": {\"clv\": 1,}}", "[1, 2",
                           "{\"inputs\": {\"x\": \"\xff\"}}", "\x01", "{} trailing"}) {
    SCOPED_TRACE(text);
    const std::string out = servimetrics::compute_text(text);
    const json answer = parse_or_fail(out);
    ASSERT_TRUE(answer.contains("errors") && answer["errors"].is_array()) << out;
    ASSERT_GE(answer["errors"].size(), 1u) << out;
    EXPECT_TRUE(answer["errors"][0]["kpi"].is_null()) << out;
    EXPECT_TRUE(answer["errors"][0]["message"].is_string()) << out;
    EXPECT_TRUE(answer.contains("kpis") && answer["kpis"].is_array() && answer["kpis"].empty())
        << out;
  }
  const json located = parse_or_fail(servimetrics::compute_text("{\"inputs\": {"));
  EXPECT_TRUE(contains(str(located["errors"][0], "message"), "JSON")) << located.dump();
}

// Regression: a threshold nested 100,000 arrays deep was copied recursively and overflowed the
// stack (ASan: stack-overflow in read_threshold_overrides). Deep text is now refused up front.
TEST(BadRequest, DeeplyNestedRequestIsRefusedNotRecursedInto) {
  const std::string deep = std::string(100000, '[') + "1" + std::string(100000, ']');
  const json answer = parse_or_fail(servimetrics::compute_text(
      R"({"inputs": {"avg_purchase_value": 1}, "thresholds": {"clv": {"good": )" + deep + "}}}"));
  ASSERT_EQ(error_count(answer), 1u) << answer.dump();
  EXPECT_EQ(str(answer["errors"][0], "message"),
            "request nests arrays or objects more than 64 levels deep (at byte 131)");
  EXPECT_TRUE(answer["kpis"].empty());
  // 64 levels are read (and answered: thresholds.clv.good must be a number).
  const std::string deepest = std::string(61, '[') + "1" + std::string(61, ']');
  const json read = parse_or_fail(servimetrics::compute_text(
      R"({"inputs": {}, "thresholds": {"clv": {"good": )" + deepest + "}}}"));
  ASSERT_GE(error_count(read), 1u) << read.dump();
  EXPECT_FALSE(contains(str(read["errors"][0], "message"), "levels deep")) << read.dump();
  // Brackets inside strings, escaped quotes included, do not count.
  const json quoted = parse_or_fail(servimetrics::compute_text(
      R"({"inputs": {"industry": ")" + std::string(1000, '[') + R"(\"{"}})"));
  const json* industry = find_error(quoted, "service_revenue_share", "industry");
  ASSERT_NE(industry, nullptr) << quoted.dump();
  EXPECT_EQ(str(*industry, "message"), "industry must be one of: manufacturing, technology, other");
}

TEST(BadRequest, ComputeTextAnswersValidRequests) {
  const json answer = parse_or_fail(servimetrics::compute_text(
      R"({"inputs": {"annual_revenue_per_customer": 10000, "relationship_years": 3}})"));
  EXPECT_DOUBLE_EQ(kpi_value(answer, "cltv"), 30000);
  EXPECT_EQ(error_count(answer), 0u);
}

TEST(NoNanOrInfinity, HugeValuesAtTheTopOfEveryRange) {
  // clv at its maximum: 1e15 * 1e6 * 200 = 2e23, still a finite number.
  const json clv = compute_inputs(
      {{"avg_purchase_value", 1e15}, {"purchases_per_year", 1e6}, {"lifespan_years", 200}});
  EXPECT_EQ(error_count(clv), 0u) << clv.dump();
  EXPECT_DOUBLE_EQ(kpi_value(clv, "clv"), 2e23);
  expect_finite_answer(clv);

  const json big = compute_inputs({{"annual_revenue_per_customer", 1e15},
                                   {"relationship_years", 200},
                                   {"cac_before", 1e15},
                                   {"cac_after", 0},
                                   {"new_customers_per_year", 1e12},
                                   {"customers", 1e12},
                                   {"churn_before", 1},
                                   {"churn_after", 0},
                                   {"promoters", 1e12},
                                   {"passives", 1e12},
                                   {"detractors", 1e12},
                                   {"csat_score_counts", {1e12, 1e12, 1e12, 1e12, 1e12}},
                                   {"cross_sell_revenue", 1e15},
                                   {"upsell_revenue", 1e15}});
  expect_finite_answer(big);
  EXPECT_DOUBLE_EQ(kpi_value(big, "cltv"), 2e17);
  EXPECT_DOUBLE_EQ(kpi_value(big, "cac_savings"), 1e27);
  EXPECT_DOUBLE_EQ(kpi_value(big, "churn_reduction_value"), 1e27);
  EXPECT_DOUBLE_EQ(kpi_value(big, "cross_upsell_revenue"), 2e15);
}

TEST(NoNanOrInfinity, TinyDenominatorsGiveAnErrorNotInfinity) {
  // 1e15 / 1e-300 overflows a double: the KPI must become an error, not Infinity.
  const json ratio = compute_inputs(with_clv({{"cltv", 1e15}, {"cac", 1e-300}}));
  EXPECT_EQ(find_kpi_answer(ratio, "ltv_cac_ratio"), nullptr);
  EXPECT_NE(find_error(ratio, "ltv_cac_ratio"), nullptr) << ratio.dump();
  expect_clv_still_computed(ratio);
  expect_finite_answer(ratio);

  const json roi =
      compute_inputs({{"revenue_gain", 1e15}, {"investment", 1e-300}, {"benefit_3y", 1e15}});
  expect_finite_answer(roi);
  EXPECT_EQ(find_kpi_answer(roi, "service_innovation_roi"), nullptr);
  EXPECT_EQ(find_kpi_answer(roi, "digital_transformation_roi"), nullptr);

  const json cac = compute_inputs({{"sales_marketing_spend", 1e15}, {"new_customers", 1e-300}});
  EXPECT_EQ(find_kpi_answer(cac, "cac"), nullptr);
  expect_finite_answer(cac);
}

TEST(NoNanOrInfinity, ChannelBreakdownWithATinyDenominator) {
  // The overall CAC is finite (~1e14), but one channel's CAC is 1e15 / 1e-300: the answer may show
  // an error or drop that channel, never an infinite (or null) value.
  const json answer = compute_inputs({{"channels",
                                       {{"a", {{"spend", 1e15}, {"new_customers", 1e-300}}},
                                        {"b", {{"spend", 100}, {"new_customers", 10}}}}}});
  expect_finite_answer(answer);
}

TEST(NoNanOrInfinity, EveryKpiAtTheEdgesOfItsRanges) {
  // Every numeric input of the catalog at its min, at its max, and at a tiny positive value.
  for (const double pick : {0.0, 1.0, 1e-300}) {
    json inputs = json::object();
    for (const auto& spec : servimetrics::input_catalog()) {
      if (spec.kind != servimetrics::InputKind::number) continue;
      inputs[std::string(spec.name)] = pick == 1.0 ? spec.max : std::max(spec.min, pick);
    }
    SCOPED_TRACE(pick);
    const json answer = compute_inputs(inputs);
    expect_finite_answer(answer);
  }
}

// Issue 11: every error has a stable code and params naming what its message names, so the page
// never reads the English text.
const json* error_with_code(const json& answer, std::string_view code) {
  for (const json& error : answer["errors"]) {
    if (error["code"] == code) return &error;
  }
  return nullptr;
}

TEST(ErrorCodes, EveryErrorOfABadRequestHasACodeAndParams) {
  const json requests[] = {
      {{"inputs", {{"customers_start", 1200}, {"customers_lost", 1300}, {"cac", 0}}}},
      {{"inputs", with_clv({{"csat_score_counts", {1, "x", 3, 4, 5}}, {"industry", "farm"}})}},
      {{"inputs", {{"processes", {{"order", {{"steps_total", 0}, {"steps_in_system", 0}}}}}}}},
      {{"inputs", {{"roles", {{"sales", {{"assessed", 4}, {"passed", 5}}}}}}}},
      {{"inputs", {{"idea_date", "2024-05-01"}, {"launch_date", "2024-01-01"}}}},
      {{"inputs", {{"idea_date", "2024-02-30"}, {"x.y", 1}, {"nps.cac", 2}}}},
      {{"inputs", {{"promoters", 0}, {"passives", 0}, {"detractors", 0}}}},
      {{"inputs", {{"cross_sell_revenue", 60}, {"upsell_revenue", 50}, {"total_revenue", 100}}}},
      {{"inputs", {{"customers_start", 100}, {"customers_end", 120}, {"new_customers", 10}}}},
      {{"inputs", {{"cltv", 1}}},
       {"thresholds",
        {{"ltv_cac_ratio", {{"good", 1}, {"watch", 2}}},
         {"churn_rate", {{"good", 0.5}, {"watch", 0.1}}},
         {"nps", 3},
         {"service_revenue_share", {{"good", 0.1}}},
         {"process_digitization_rate", {{"order_processing", {{"watch", 0.1}}}}}}}},
      {{"inputs", json::array()},
       {"projection",
        {{"years", 2.5},
         {"baseline",
          {{"retention_rate", 2},
           {"avg_order_value", "x"},
           {"purchases_per_year", true},
           {"gross_margin", 0.3},
           {"cac", 1},
           {"new_customers_per_year", 1}}},
         {"scenario", 1}}}},
      json::array(),
  };
  for (const json& request : requests) {
    SCOPED_TRACE(request.dump());
    const json answer = servimetrics::compute(request);
    ASSERT_GE(answer["errors"].size(), 1u) << answer.dump();
    for (const json& error : answer["errors"]) {
      ASSERT_TRUE(error["code"].is_string()) << error.dump();
      EXPECT_FALSE(error["code"].get<std::string>().empty()) << error.dump();
      EXPECT_TRUE(error["params"].is_object()) << error.dump();
    }
  }
  const json text_errors = parse_or_fail(servimetrics::compute_text("{\"inputs\": [1,"));
  EXPECT_EQ(text_errors["errors"][0]["code"], "invalid_json");
  EXPECT_TRUE(text_errors["errors"][0]["params"]["byte"].is_number());
}

TEST(ErrorCodes, ParamsHoldWhatTheMessageNames) {
  const json answer = servimetrics::compute(
      {{"inputs",
        {{"customers_start", 1200}, {"customers_lost", 1300}, {"cltv", "often"}, {"cac", 5}}}});
  const json* larger = error_with_code(answer, "part_exceeds_whole");
  ASSERT_NE(larger, nullptr) << answer.dump();
  EXPECT_EQ((*larger)["message"], "customers_lost (1300) is larger than customers_start (1200)");
  EXPECT_EQ((*larger)["params"], json({{"part", "customers_lost"},
                                       {"part_value", 1300.0},
                                       {"whole", "customers_start"},
                                       {"whole_value", 1200.0}}));
  const json* text = error_with_code(answer, "not_a_number");
  ASSERT_NE(text, nullptr) << answer.dump();
  EXPECT_EQ((*text)["params"], json({{"input", "cltv"}, {"value", "often"}}));

  const json range = compute_inputs(
      {{"gross_margin", 1.5}, {"annual_revenue_per_customer", 1}, {"relationship_years", 1}});
  const json* out = error_with_code(range, "out_of_range");
  ASSERT_NE(out, nullptr) << range.dump();
  EXPECT_EQ((*out)["params"],
            json({{"input", "gross_margin"}, {"min", -10.0}, {"max", 1.0}, {"value", 1.5}}));

  const json missing = compute_inputs({{"cac", 10}});
  const json* need = error_with_code(missing, "input_missing");
  ASSERT_NE(need, nullptr) << missing.dump();
  EXPECT_EQ((*need)["params"], json({{"input", "cltv"}, {"kpi", "ltv_cac_ratio"}}));
}

}  // namespace
