// Issue 12 items 1, 2 (snapshot) and 8: churn and retention know their period and are banded on
// their annual equivalent; a snapshot's churn per customer-month of exposure, expected lifetime
// and lifetime value; customer counts that do not add up, fractional customers and negative
// margins are said, never silently resolved. Expected values worked out by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "analyze/kind_analysis.hpp"
#include "analyze/subscription_exposure.hpp"
#include "analyze_test_support.hpp"
#include "kpi_test_support.hpp"
#include "row_table_builder.hpp"

namespace {

using namespace servimetrics;
using namespace servimetrics::testing;

const json& kpi_of(const json& answer, std::string_view id) {
  static const json null_json;
  const json* kpi = find_kpi_answer(answer, id);
  EXPECT_NE(kpi, nullptr) << id << " is not in " << answer.dump();
  return kpi != nullptr ? *kpi : null_json;
}

bool has_warning(const json& kpi, std::string_view code) {
  if (!kpi.contains("warnings")) return false;
  for (const json& w : kpi["warnings"]) {
    if (w.value("code", "") == code) return true;
  }
  return false;
}

const json& warning_of(const json& kpi, std::string_view code) {
  static const json null_json;
  for (const json& w : kpi["warnings"]) {
    if (w.value("code", "") == code) return w;
  }
  ADD_FAILURE() << "no warning " << code << " in " << kpi.dump();
  return null_json;
}

// The case: a 14% monthly churn is about 84% a year; it was rated good by the 15% rule.
TEST(ChurnPeriod, MonthlyChurnIsBandedOnItsAnnualRate) {
  const json answer = compute_inputs(
      {{"customers_start", 1000}, {"customers_lost", 140}, {"churn_period", "month"}});
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
  const json& churn = kpi_of(answer, "churn_rate");
  EXPECT_DOUBLE_EQ(num(churn, "value"), 0.14);
  EXPECT_EQ(churn["details"]["period"], "month");
  const double annual = 1 - std::pow(0.86, 12);
  EXPECT_NEAR(num(churn["details"], "annual_rate"), annual, 1e-12);
  EXPECT_NEAR(annual, 0.836, 0.001);
  EXPECT_EQ(str(churn, "band"), "bad");
  EXPECT_EQ(str(churn, "rule"), "annual churn rate > 15% is bad");
}

// The sample subscriptions' last complete month: 4 of 75 lost, 5.3% a month, was rated good.
TEST(ChurnPeriod, TheSamplesMonthIsAbout48PercentAYear) {
  const json answer = compute_inputs({{"customers_start", 75},
                                      {"customers_lost", 4},
                                      {"customers_end", 75},
                                      {"new_customers", 4},
                                      {"churn_period", "month"}});
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
  const json& churn = kpi_of(answer, "churn_rate");
  EXPECT_NEAR(num(churn, "value"), 4.0 / 75, 1e-15);
  EXPECT_NEAR(num(churn["details"], "annual_rate"), 1 - std::pow(71.0 / 75, 12), 1e-12);
  EXPECT_NEAR(num(churn["details"], "annual_rate"), 0.482, 0.001);
  EXPECT_EQ(str(churn, "band"), "bad");
  EXPECT_TRUE(churn["warnings"].empty()) << churn.dump();  // 75 - 4 + 4 = 75: they add up
  const json& retention = kpi_of(answer, "retention_rate");
  EXPECT_NEAR(num(retention, "value"), 71.0 / 75, 1e-15);
  EXPECT_EQ(retention["details"]["period"], "month");
  EXPECT_NEAR(num(retention["details"], "annual_rate"), std::pow(71.0 / 75, 12), 1e-12);
}

TEST(ChurnPeriod, AYearIsTheDefaultAndItsOwnAnnualRate) {
  const json answer = compute_inputs({{"customers_start", 54}, {"customers_lost", 9}});
  const json& churn = kpi_of(answer, "churn_rate");
  EXPECT_EQ(churn["details"]["period"], "year");
  EXPECT_DOUBLE_EQ(num(churn["details"], "annual_rate"), num(churn, "value"));
  EXPECT_EQ(str(churn, "band"), "bad");  // 16.7% a year
  EXPECT_EQ(str(churn, "rule"), "churn rate > 15% is bad");
}

TEST(ChurnPeriod, QuartersRetentionAndRevenueChurn) {
  const json answer = compute_inputs({{"customers_start", 100},
                                      {"customers_end", 95},
                                      {"new_customers", 5},
                                      {"recurring_revenue_start", 1000},
                                      {"recurring_revenue_lost", 30},
                                      {"churn_period", "quarter"}});
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
  const json& retention = kpi_of(answer, "retention_rate");
  EXPECT_DOUBLE_EQ(num(retention, "value"), 0.9);
  EXPECT_NEAR(num(retention["details"], "annual_rate"), 0.6561, 1e-12);  // 0.9^4
  EXPECT_EQ(retention["details"]["period"], "quarter");
  const json& revenue = kpi_of(answer, "revenue_churn_rate");
  EXPECT_NEAR(num(revenue["details"], "annual_rate"), 1 - std::pow(0.97, 4), 1e-12);  // 11.5%
  EXPECT_EQ(str(revenue, "band"), "good");
  EXPECT_EQ(str(revenue, "rule"), "annual revenue churn <= 15% is good");
}

TEST(ChurnPeriod, AnUnknownPeriodIsAnError) {
  const json answer =
      compute_inputs({{"customers_start", 100}, {"customers_lost", 5}, {"churn_period", "week"}});
  const json* error = nullptr;
  for (const json& e : answer["errors"]) {
    if (e.value("code", "") == "not_a_choice" && e.value("input", "") == "churn_period") error = &e;
  }
  ASSERT_NE(error, nullptr) << answer.dump();
  EXPECT_EQ(find_kpi_answer(answer, "churn_rate"), nullptr);
}

TEST(ChurnPeriod, ChurnPerCustomerMonthOfExposure) {
  const json answer = compute_inputs(
      {{"customers_start", 4}, {"customers_lost", 2}, {"customer_months_at_risk", 102}});
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
  const json& churn = kpi_of(answer, "churn_rate");
  EXPECT_DOUBLE_EQ(num(churn, "value"), 2.0 / 102);
  EXPECT_EQ(churn["details"]["period"], "month");
  EXPECT_DOUBLE_EQ(num(churn["details"], "customers_share"), 0.5);
  EXPECT_NEAR(num(churn["details"], "annual_rate"), 1 - std::pow(100.0 / 102, 12), 1e-12);

  const json yearly = compute_inputs({{"customers_start", 4},
                                      {"customers_lost", 2},
                                      {"customer_months_at_risk", 102},
                                      {"churn_period", "year"}});
  const json& said = kpi_of(yearly, "churn_rate");
  EXPECT_EQ(said["details"]["period"], "month");
  EXPECT_TRUE(has_warning(said, "exposure_rate_is_monthly")) << said.dump();
}

// The contradiction: churn 21.7% "bad" beside retention 82.5% from counts that cannot
// both hold (120 - 26 + 11 = 105, not 110).
TEST(CustomersAddUp, ContradictoryCountsWarnOnBothRates) {
  const json answer = compute_inputs({{"customers_start", 120},
                                      {"customers_lost", 26},
                                      {"new_customers", 11},
                                      {"customers_end", 110}});
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
  for (const char* id : {"churn_rate", "retention_rate"}) {
    const json& kpi = kpi_of(answer, id);
    ASSERT_TRUE(has_warning(kpi, "customers_do_not_add_up")) << kpi.dump();
    const json& params = warning_of(kpi, "customers_do_not_add_up")["params"];
    EXPECT_DOUBLE_EQ(num(params, "customers_start"), 120);
    EXPECT_DOUBLE_EQ(num(params, "customers_lost"), 26);
    EXPECT_DOUBLE_EQ(num(params, "new_customers"), 11);
    EXPECT_DOUBLE_EQ(num(params, "customers_end"), 110);
    EXPECT_DOUBLE_EQ(num(params, "expected_end"), 105);
    EXPECT_NEAR(num(params, "churn_rate"), 26.0 / 120, 1e-15);
    EXPECT_NEAR(num(params, "retention_rate"), 0.825, 1e-15);
    EXPECT_EQ(str(warning_of(kpi, "customers_do_not_add_up"), "kpi"), id);
  }
  // Both values are still shown, as computed.
  EXPECT_NEAR(kpi_value(answer, "churn_rate"), 26.0 / 120, 1e-15);
  EXPECT_NEAR(kpi_value(answer, "retention_rate"), 0.825, 1e-15);
}

TEST(CustomersAddUp, CountsThatAddUpOrAreIncompleteSayNothing) {
  const json fine = compute_inputs({{"customers_start", 120},
                                    {"customers_lost", 26},
                                    {"new_customers", 16},
                                    {"customers_end", 110}});
  EXPECT_TRUE(kpi_of(fine, "churn_rate")["warnings"].empty());
  EXPECT_TRUE(kpi_of(fine, "retention_rate")["warnings"].empty());
  const json churn_only = compute_inputs({{"customers_start", 120}, {"customers_lost", 26}});
  EXPECT_TRUE(kpi_of(churn_only, "churn_rate")["warnings"].empty());
  EXPECT_EQ(find_kpi_answer(churn_only, "retention_rate"), nullptr);
}

TEST(FractionalCustomers, AreWarnedNotRounded) {
  const json answer = compute_inputs({{"customers_start", 100.5}, {"customers_lost", 10}});
  const json& churn = kpi_of(answer, "churn_rate");
  EXPECT_DOUBLE_EQ(num(churn, "value"), 10 / 100.5);
  ASSERT_TRUE(has_warning(churn, "fractional_customer_count")) << churn.dump();
  const json& w = warning_of(churn, "fractional_customer_count");
  EXPECT_EQ(str(w, "input"), "customers_start");
  EXPECT_DOUBLE_EQ(num(w["params"], "value"), 100.5);
  EXPECT_FALSE(has_warning(
      kpi_of(compute_inputs({{"customers_start", 100}, {"customers_lost", 10}}), "churn_rate"),
      "fractional_customer_count"));
}

TEST(NegativeGrossMargin, IsAllowedAndSaid) {
  const json answer = compute_inputs(
      {{"annual_revenue_per_customer", 1000}, {"relationship_years", 3}, {"gross_margin", -0.2}});
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
  const json& cltv = kpi_of(answer, "cltv");
  EXPECT_DOUBLE_EQ(num(cltv, "value"), -600);
  EXPECT_TRUE(has_warning(cltv, "negative_gross_margin")) << cltv.dump();
  EXPECT_FALSE(has_warning(kpi_of(compute_inputs({{"annual_revenue_per_customer", 1000},
                                                  {"relationship_years", 3},
                                                  {"gross_margin", 0.2}}),
                                  "cltv"),
                           "negative_gross_margin"));
  const json projection = servimetrics::compute({{"inputs", json::object()},
                                                 {"projection",
                                                  {{"starting_customers", 100},
                                                   {"baseline",
                                                    {{"retention_rate", 0.8},
                                                     {"avg_order_value", 100},
                                                     {"purchases_per_year", 2},
                                                     {"gross_margin", -0.1},
                                                     {"cac", 50},
                                                     {"new_customers_per_year", 10}}}}}});
  EXPECT_EQ(error_count(projection), 0u) << projection.dump();
}

RowTableBuilder snapshot() {
  RowTableBuilder b("subscriptions",
                    {"customer_id", "tenure_months", "recurring_revenue", "churned"});
  b.row({"s1", "2", "20", "Yes"});
  b.row({"s2", "10", "50", "No"});
  b.row({"s3", "30", "80", "Yes"});
  b.row({"s4", "60", "100", "No"});
  return b;
}

// 2 churned over 102 customer-months: 1.96% a month beside a plain share of 50%.
TEST(SnapshotExposure, RatePerCustomerMonthBesideThePlainShare) {
  const json answer = analyze_subscriptions_table(snapshot().table(), {});
  expect_finite_answer(answer);
  EXPECT_EQ(error_count(answer), 0u) << answer["errors"].dump();
  const double m = 2.0 / 102;
  EXPECT_DOUBLE_EQ(measure(answer, "churned_share"), 0.5);
  EXPECT_DOUBLE_EQ(measure(answer, "customer_months_at_risk"), 102);
  EXPECT_DOUBLE_EQ(measure(answer, "churn_rate_per_customer_month"), m);
  EXPECT_NEAR(measure(answer, "annual_churn_rate_from_exposure"), 1 - std::pow(1 - m, 12), 1e-12);
  EXPECT_DOUBLE_EQ(measure(answer, "expected_lifetime_months"), 51);
  EXPECT_DOUBLE_EQ(measure(answer, "recurring_revenue_per_customer_month"), 62.5);
  EXPECT_DOUBLE_EQ(measure(answer, "expected_lifetime_value"), 62.5 * 51);
  EXPECT_TRUE(has_note(answer, "snapshot_churn_definitions"));
  EXPECT_TRUE(has_note(answer, "snapshot_lifetime_value"));
  EXPECT_FALSE(has_note(answer, "snapshot_no_period"));
  const json& churn = kpi_of(answer, "churn_rate");
  EXPECT_DOUBLE_EQ(num(churn, "value"), m);
  EXPECT_EQ(churn["details"]["period"], "month");
  EXPECT_DOUBLE_EQ(num(churn["details"], "customers_share"), 0.5);
  EXPECT_EQ(find_kpi_answer(answer, "revenue_churn_rate"), nullptr);
}

TEST(SnapshotExposure, LifetimeValueWithMarginAndDiscount) {
  AnalyzeOptions options;
  options.gross_margin = 0.4;
  options.discount_rate = 0.1;
  const json answer = analyze_subscriptions_table(snapshot().table(), options);
  const double m = 2.0 / 102;
  const double i = std::pow(1.1, 1.0 / 12) - 1;
  EXPECT_NEAR(measure(answer, "expected_lifetime_value"), 62.5 * 0.4 * (1 + i) / (i + m), 1e-9);
  // Without a discount the formula is revenue x margin x lifetime.
  EXPECT_NEAR(expected_lifetime_value(62.5, 0.4, m, 0), 62.5 * 0.4 * 51, 1e-9);
}

TEST(SnapshotExposure, NobodyChurnedGivesNoLifetime) {
  RowTableBuilder b("subscriptions", {"customer_id", "tenure_months", "churned"});
  b.row({"x", "5", "0"});
  b.row({"y", "7", "0"});
  const json answer = analyze_subscriptions_table(b.table(), {});
  expect_finite_answer(answer);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "churn_rate"), 0);
  EXPECT_DOUBLE_EQ(measure(answer, "customer_months_at_risk"), 12);
  EXPECT_FALSE(has_measure(answer, "expected_lifetime_months"));
  EXPECT_TRUE(has_note(answer, "no_churn_lifetime"));
}

TEST(SnapshotExposure, WithoutTenureThePlainShareStays) {
  RowTableBuilder b("subscriptions", {"customer_id", "churned"});
  b.row({"x", "1"});
  b.row({"y", "0"});
  const json answer = analyze_subscriptions_table(b.table(), {});
  EXPECT_DOUBLE_EQ(kpi_value(answer, "churn_rate"), 0.5);
  EXPECT_TRUE(has_note(answer, "snapshot_no_period"));
  EXPECT_FALSE(has_measure(answer, "churn_rate_per_customer_month"));
}

TEST(DatedSubscriptions, KpisCarryTheAnalysisPeriod) {
  RowTableBuilder b("subscriptions", {"customer_id", "start_date", "end_date"});
  b.row({"A", "2024-01-01", ""});
  b.row({"B", "2024-01-01", "2024-02-15"});
  b.row({"C", "2024-01-01", ""});
  b.row({"D", "2024-01-01", ""});
  AnalyzeOptions options;
  options.as_of = date_cell("2024-03-15");
  const json answer = analyze_subscriptions_table(b.table(), options);
  EXPECT_EQ(answer["inputs"]["churn_period"], "month");
  const json& churn = kpi_of(answer, "churn_rate");
  EXPECT_DOUBLE_EQ(num(churn, "value"), 0.25);  // February, the last complete month: B left
  EXPECT_EQ(churn["details"]["period"], "month");
  EXPECT_TRUE(has_note(answer, "rates_per_period"));
}

}  // namespace
