// Digital and organization KPIs through compute(): process digitization per process and overall
// (step-weighted) with per-process bands and the overall "worst of the parts" band; data-driven
// decisions (strict at 70%); tech adoption; digital skill pass rate per role; decision lead time,
// onboarding and knowledge base updates at and around their thresholds; and one request holding
// every KPI of the catalog.
#include <gtest/gtest.h>

#include "kpi_test_support.hpp"
#include "servimetrics/catalog.hpp"

namespace {

using namespace servimetrics::testing;

json process(double total, double in_system) {
  return {{"steps_total", total}, {"steps_in_system", in_system}};
}
json role(double assessed, double passed) {
  return {{"assessed", assessed}, {"passed", passed}};
}

TEST(ProcessDigitization, PerProcessBandsAndStepWeightedOverall) {
  const json answer = compute_inputs({{"processes",
                                       {{"order_processing", process(10, 10)},
                                        {"customer_follow_up", process(10, 9)},
                                        {"after_sales", process(20, 5)}}}});
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
  // (10 + 9 + 5) / (10 + 10 + 20) = 24 / 40
  EXPECT_DOUBLE_EQ(kpi_value(answer, "process_digitization_rate"), 0.6);
  const json* kpi = find_kpi_answer(answer, "process_digitization_rate");
  ASSERT_NE(kpi, nullptr);
  const json* order = find_breakdown_row(*kpi, "order_processing");
  const json* follow = find_breakdown_row(*kpi, "customer_follow_up");
  const json* after = find_breakdown_row(*kpi, "after_sales");
  ASSERT_NE(order, nullptr) << kpi->dump();
  ASSERT_NE(follow, nullptr) << kpi->dump();
  ASSERT_NE(after, nullptr) << kpi->dump();
  EXPECT_DOUBLE_EQ(num(*order, "value"), 1.0);
  EXPECT_EQ(str(*order, "band"), "good");
  EXPECT_DOUBLE_EQ(num(*follow, "value"), 0.9);
  EXPECT_EQ(str(*follow, "band"), "good");
  EXPECT_DOUBLE_EQ(num(*after, "value"), 0.25);
  EXPECT_EQ(str(*after, "band"), "none");
  // Every banded part is good, so the whole is good.
  EXPECT_EQ(str(*kpi, "band"), "good");
}

TEST(ProcessDigitization, WorstOfThePartsDecidesTheOverallBand) {
  const json answer = compute_inputs({{"processes",
                                       {{"order_processing", process(10, 9)},
                                        {"customer_follow_up", process(10, 10)},
                                        {"renewal_reminders", process(4, 4)}}}});
  EXPECT_NEAR(kpi_value(answer, "process_digitization_rate"), 23.0 / 24, 1e-12);
  const json* kpi = find_kpi_answer(answer, "process_digitization_rate");
  ASSERT_NE(kpi, nullptr);
  const json* order = find_breakdown_row(*kpi, "order_processing");
  ASSERT_NE(order, nullptr);
  EXPECT_DOUBLE_EQ(num(*order, "value"), 0.9);
  EXPECT_EQ(str(*order, "band"), "bad");  // order processing must be fully in the system
  EXPECT_EQ(str(*order, "rule"), "order_processing < 100% is bad");
  const json* renewal = find_breakdown_row(*kpi, "renewal_reminders");
  ASSERT_NE(renewal, nullptr);
  EXPECT_EQ(str(*renewal, "band"), "none");
  EXPECT_EQ(str(*kpi, "band"), "bad");
  EXPECT_NE(str(*kpi, "rule").find("worst"), std::string::npos) << kpi->dump();
  EXPECT_EQ((*kpi)["rule_spec"], json({{"band", "bad"}, {"op", "<"}, {"value", 1.0}}));
}

TEST(ProcessDigitization, FollowUpBoundaryAtNinetyPercent) {
  const json answer = compute_inputs({{"processes", {{"customer_follow_up", process(100, 89)}}}});
  const json* kpi = find_kpi_answer(answer, "process_digitization_rate");
  ASSERT_NE(kpi, nullptr);
  EXPECT_DOUBLE_EQ(num(*kpi, "value"), 0.89);
  EXPECT_EQ(str(*kpi, "band"), "bad");
  const json* row = find_breakdown_row(*kpi, "customer_follow_up");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(str(*row, "band"), "bad");
}

TEST(ProcessDigitization, UserNamedProcessesOnlyHaveNoBand) {
  const json answer = compute_inputs({{"processes", {{"invoicing", process(8, 6)}}}});
  EXPECT_DOUBLE_EQ(kpi_value(answer, "process_digitization_rate"), 0.75);
  EXPECT_EQ(kpi_band(answer, "process_digitization_rate"), "none");
}

TEST(ProcessDigitization, RowErrorsNameTheRowAndField) {
  const json more = compute_inputs({{"processes", {{"after_sales", process(5, 6)}}}});
  EXPECT_EQ(find_kpi_answer(more, "process_digitization_rate"), nullptr);
  EXPECT_NE(find_error(more, "process_digitization_rate", "processes.after_sales.steps_in_system"),
            nullptr)
      << more.dump();
  const json zero = compute_inputs({{"processes", {{"after_sales", process(0, 0)}}}});
  EXPECT_NE(find_error(zero, "process_digitization_rate", "processes.after_sales.steps_total"),
            nullptr)
      << zero.dump();
  const json empty = compute_inputs({{"processes", json::object()}});
  EXPECT_EQ(find_kpi_answer(empty, "process_digitization_rate"), nullptr);
  EXPECT_NE(find_error(empty, "process_digitization_rate"), nullptr) << empty.dump();
}

TEST(DataDrivenDecisionRatio, StrictAtSeventyPercent) {
  struct Case {
    double with_data;
    const char* band;
  };
  for (const Case& c : {Case{71, "good"}, Case{70, "watch"}, Case{60, "watch"}, Case{50, "watch"},
                        Case{49, "bad"}}) {
    SCOPED_TRACE(c.with_data);
    const json answer =
        compute_inputs({{"decisions_total", 100}, {"decisions_with_data", c.with_data}});
    EXPECT_DOUBLE_EQ(kpi_value(answer, "data_driven_decision_ratio"), c.with_data / 100);
    EXPECT_EQ(kpi_band(answer, "data_driven_decision_ratio"), c.band);
  }
  const json at = compute_inputs({{"decisions_total", 10}, {"decisions_with_data", 7}});
  const json* kpi = find_kpi_answer(at, "data_driven_decision_ratio");
  ASSERT_NE(kpi, nullptr);
  EXPECT_EQ((*kpi)["rule_spec"], json({{"band", "watch"}, {"op", ">="}, {"value", 0.5}}));
}

TEST(TechAdoptionMonths, BandsAtOneAndThree) {
  struct Case {
    double months;
    const char* band;
  };
  for (const Case& c :
       {Case{0.5, "good"}, Case{1, "good"}, Case{2, "watch"}, Case{3, "watch"}, Case{3.5, "bad"}}) {
    SCOPED_TRACE(c.months);
    const json answer = compute_inputs({{"months_to_target", c.months}});
    EXPECT_DOUBLE_EQ(kpi_value(answer, "tech_adoption_months"), c.months);
    EXPECT_EQ(kpi_band(answer, "tech_adoption_months"), c.band);
  }
}

TEST(DigitalSkillPassRate, PerRoleBandsAndOverall) {
  // sales 10/10 good (must be 100%); customer service 19/20 = 95% good; analysts 3/5 no band.
  const json answer = compute_inputs(
      {{"roles",
        {{"sales", role(10, 10)}, {"customer_service", role(20, 19)}, {"analysts", role(5, 3)}}}});
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
  EXPECT_DOUBLE_EQ(kpi_value(answer, "digital_skill_pass_rate"), 32.0 / 35);
  const json* kpi = find_kpi_answer(answer, "digital_skill_pass_rate");
  ASSERT_NE(kpi, nullptr);
  const json* sales = find_breakdown_row(*kpi, "sales");
  const json* service = find_breakdown_row(*kpi, "customer_service");
  const json* analysts = find_breakdown_row(*kpi, "analysts");
  ASSERT_NE(sales, nullptr);
  ASSERT_NE(service, nullptr);
  ASSERT_NE(analysts, nullptr);
  EXPECT_EQ(str(*sales, "band"), "good");
  EXPECT_DOUBLE_EQ(num(*service, "value"), 0.95);
  EXPECT_EQ(str(*service, "band"), "good");
  EXPECT_DOUBLE_EQ(num(*analysts, "value"), 0.6);
  EXPECT_EQ(str(*analysts, "band"), "none");
  EXPECT_EQ(str(*kpi, "band"), "good");
}

TEST(DigitalSkillPassRate, OneSalespersonFailingMakesTheWholeBad) {
  const json answer =
      compute_inputs({{"roles", {{"sales", role(10, 9)}, {"customer_service", role(20, 20)}}}});
  EXPECT_DOUBLE_EQ(kpi_value(answer, "digital_skill_pass_rate"), 29.0 / 30);
  const json* kpi = find_kpi_answer(answer, "digital_skill_pass_rate");
  ASSERT_NE(kpi, nullptr);
  EXPECT_EQ(str(*find_breakdown_row(*kpi, "sales"), "band"), "bad");
  EXPECT_EQ(str(*find_breakdown_row(*kpi, "customer_service"), "band"), "good");
  EXPECT_EQ(str(*kpi, "band"), "bad");

  const json service_low = compute_inputs({{"roles", {{"customer_service", role(20, 18)}}}});
  EXPECT_DOUBLE_EQ(kpi_value(service_low, "digital_skill_pass_rate"), 0.9);
  EXPECT_EQ(kpi_band(service_low, "digital_skill_pass_rate"), "bad");
}

TEST(DecisionLeadTimeDays, BandsAtOneAndThree) {
  struct Case {
    double days;
    const char* band;
  };
  for (const Case& c : {Case{1, "good"}, Case{1.5, "watch"}, Case{3, "watch"}, Case{3.5, "bad"}}) {
    SCOPED_TRACE(c.days);
    const json answer = compute_inputs({{"request_to_decision_days", c.days}});
    EXPECT_DOUBLE_EQ(kpi_value(answer, "decision_lead_time_days"), c.days);
    EXPECT_EQ(kpi_band(answer, "decision_lead_time_days"), c.band);
  }
}

TEST(OnboardingMonths, BandsAtOneAndTwo) {
  struct Case {
    double months;
    const char* band;
  };
  for (const Case& c : {Case{1, "good"}, Case{1.5, "watch"}, Case{2, "watch"}, Case{2.5, "bad"}}) {
    SCOPED_TRACE(c.months);
    const json answer = compute_inputs({{"months_to_productive", c.months}});
    EXPECT_DOUBLE_EQ(kpi_value(answer, "onboarding_months"), c.months);
    EXPECT_EQ(kpi_band(answer, "onboarding_months"), c.band);
  }
}

TEST(KnowledgeBaseUpdates, AtLeastMonthly) {
  struct Case {
    double updates;
    const char* band;
  };
  for (const Case& c : {Case{4, "good"}, Case{1, "good"}, Case{0.5, "bad"}, Case{0, "bad"}}) {
    SCOPED_TRACE(c.updates);
    const json answer = compute_inputs({{"updates_per_month", c.updates}});
    EXPECT_DOUBLE_EQ(kpi_value(answer, "knowledge_base_updates"), c.updates);
    EXPECT_EQ(kpi_band(answer, "knowledge_base_updates"), c.band);
  }
  const json answer = compute_inputs({{"updates_per_month", 0.5}});
  const json* kpi = find_kpi_answer(answer, "knowledge_base_updates");
  ASSERT_NE(kpi, nullptr);
  EXPECT_EQ((*kpi)["rule_spec"], json({{"band", "bad"}, {"op", "<"}, {"value", 1}}));
}

// Inputs for every KPI of the catalog at once.
json every_kpi_inputs() {
  return {{"avg_purchase_value", 120},
          {"purchases_per_year", 4},
          {"lifespan_years", 5},
          {"annual_revenue_per_customer", 10000},
          {"relationship_years", 3},
          {"annual_retention_rate", 0.8},
          {"gross_margin", 0.4},
          {"discount_rate", 0.08},
          {"customers_start", 1000},
          {"customers_end", 1050},
          {"new_customers", 200},
          {"customers_lost", 150},
          {"recurring_revenue_start", 5000000},
          {"recurring_revenue_lost", 400000},
          {"promoters", 120},
          {"passives", 60},
          {"detractors", 20},
          {"csat_score_counts", {2, 3, 10, 40, 45}},
          {"sales_marketing_spend", 600000},
          {"channels",
           {{"online", {{"spend", 200000}, {"new_customers", 120}}},
            {"events", {{"spend", 400000}, {"new_customers", 80}}}}},
          {"cac_before", 3500},
          {"cac_after", 3000},
          {"new_customers_per_year", 200},
          {"avg_first_response_hours", 2.5},
          {"online_inquiries", 800},
          {"replied_within_1h", 700},
          {"urgent_requests", 40},
          {"urgent_responded_within_2h", 39},
          {"service_requests", 300},
          {"dispatched_within_24h", 290},
          {"complaints", 50},
          {"closed_within_7d", 44},
          {"repeat_complaints", 2},
          {"issues", 900},
          {"resolved_first_contact", 760},
          {"value_added_service_revenue", 800000},
          {"total_revenue", 10000000},
          {"cross_sell_revenue", 300000},
          {"upsell_revenue", 200000},
          {"customers", 1000},
          {"churn_before", 0.15},
          {"churn_after", 0.1},
          {"service_revenue", 2200000},
          {"industry", "manufacturing"},
          {"revenue_gain", 900000},
          {"investment", 600000},
          {"digital_transformation_roi.investment", 2500000},
          {"digital_transformation_net_roi.investment", 2500000},
          {"benefit_3y", 2400000},
          {"idea_date", "2024-01-15"},
          {"launch_date", "2024-05-15"},
          {"processes",
           {{"order_processing", process(12, 12)}, {"customer_follow_up", process(10, 8)}}},
          {"decisions_total", 40},
          {"decisions_with_data", 26},
          {"months_to_target", 2},
          {"roles", {{"sales", role(15, 15)}, {"customer_service", role(20, 19)}}},
          {"request_to_decision_days", 2},
          {"months_to_productive", 1.5},
          {"updates_per_month", 3}};
}

TEST(EveryKpi, OneRequestComputesAllOfThemWithoutErrors) {
  const json answer = compute_inputs(every_kpi_inputs());
  EXPECT_EQ(error_count(answer), 0u) << answer["errors"].dump();
  ASSERT_EQ(answer["kpis"].size(), servimetrics::kpi_catalog().size()) << answer.dump();
  // In catalog order.
  std::size_t i = 0;
  for (const auto& spec : servimetrics::kpi_catalog()) {
    EXPECT_EQ(str(answer["kpis"][i++], "id"), spec.id);
  }
  expect_finite_answer(answer);
  // A few values by hand.
  EXPECT_DOUBLE_EQ(kpi_value(answer, "clv"), 2400);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "cac"), 3000);             // 600,000 / 200
  EXPECT_DOUBLE_EQ(kpi_value(answer, "retention_rate"), 0.85);  // (1050 - 200) / 1000
  EXPECT_DOUBLE_EQ(kpi_value(answer, "churn_rate"), 0.15);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "service_innovation_roi"), 0.5);  // (900k - 600k) / 600k
  EXPECT_DOUBLE_EQ(kpi_value(answer, "digital_transformation_roi"), 0.96);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "service_revenue_share"), 0.22);
  EXPECT_EQ(kpi_band(answer, "service_revenue_share"), "good");
  EXPECT_DOUBLE_EQ(kpi_value(answer, "process_digitization_rate"), 20.0 / 22);
  EXPECT_EQ(kpi_band(answer, "process_digitization_rate"), "bad");  // follow-up 80%
  // cltv: 4,000 a year of margin for 3 years at 8%, year-end cash.
  const double cltv = 4000 / 1.08 + 4000 / (1.08 * 1.08) + 4000 / (1.08 * 1.08 * 1.08);
  EXPECT_NEAR(kpi_value(answer, "cltv"), cltv, 1e-6);
  EXPECT_NEAR(kpi_value(answer, "ltv_cac_ratio"), cltv / 3000, 1e-9);
  EXPECT_EQ(kpi_band(answer, "ltv_cac_ratio"), "good");  // 10,308.39 / 3,000 = 3.44
}

}  // namespace
