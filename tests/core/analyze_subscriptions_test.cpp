// analyze_subscriptions_table(): a hand-computed dated example (6 customers, a plan change, a
// customer who starts and ends within a month, an end after as_of) through periods, catalog
// KPIs, averages, lifetimes, cohorts and channels; the default as_of, quarters; the snapshot form
// by hand and on the IBM Telco file; every edge (no rows, nothing before as_of, no churn, zero
// revenue, bad rows, a 40-year span) and a 1,000,000-row table.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <string>

#include "analyze/kind_analysis.hpp"
#include "analyze_test_support.hpp"
#include "formats/csv_reader.hpp"
#include "row_table_builder.hpp"

namespace {

using namespace servimetrics;
using namespace servimetrics::testing;

// Boundaries Jan 1, Feb 1, Mar 1, Apr 1, May 1 (as_of Apr 15). Active at them:
//   A (Jan 1 -): Feb..May.  B (Jan 10 - Feb 20): Feb.  C (Jan 15 - Mar 1 at 30, then Mar 1 - at
//   60): Feb..May, no churn.  D (Feb 5 - Mar 31): Mar.  E (Mar 10 - Mar 20): none.
//   F (Feb 1 - May 1, after as_of so still active): Mar..May.
RowTableBuilder dated_example() {
  RowTableBuilder b("subscriptions",
                    {"customer_id", "start_date", "end_date", "recurring_revenue", "channel"});
  b.row({"A", "2024-01-01", "", "100", "Online"});
  b.row({"B", "2024-01-10", "2024-02-20", "50", "Online"});
  b.row({"C", "2024-01-15", "2024-03-01", "30", "Store"});
  b.row({"C", "2024-03-01", "", "60", "Online"});
  b.row({"D", "2024-02-05", "2024-03-31", "40", "Store"});
  b.row({"E", "2024-03-10", "2024-03-20", "10", "Online"});
  b.row({"F", "2024-02-01", "2024-05-01", "20", ""});
  return b;
}

AnalyzeOptions as_of(const char* date) {
  AnalyzeOptions options;
  options.as_of = date_cell(date);
  return options;
}

TEST(AnalyzeSubscriptions, DatedPeriods) {
  const json answer = analyze_subscriptions_table(dated_example().table(), as_of("2024-04-15"));
  expect_finite_answer(answer);
  const json& periods = answer_table(answer, "periods");
  ASSERT_EQ(periods["rows"].size(), 4u) << periods.dump();
  const json* jan = table_row(periods, "2024-01");
  const json* feb = table_row(periods, "2024-02");
  const json* mar = table_row(periods, "2024-03");
  const json* apr = table_row(periods, "2024-04");
  ASSERT_TRUE(jan && feb && mar && apr);
  EXPECT_EQ(cell(periods, *jan, "complete"), true);
  EXPECT_EQ(cell(periods, *apr, "complete"), false);
  EXPECT_DOUBLE_EQ(cell_number(periods, *jan, "customers_start"), 0);
  EXPECT_DOUBLE_EQ(cell_number(periods, *jan, "new_customers"), 3);
  EXPECT_TRUE(cell(periods, *jan, "churn_rate").is_null());
  EXPECT_TRUE(cell(periods, *jan, "net_revenue_retention").is_null());

  EXPECT_DOUBLE_EQ(cell_number(periods, *feb, "customers_start"), 3);
  EXPECT_DOUBLE_EQ(cell_number(periods, *feb, "new_customers"), 2);
  EXPECT_DOUBLE_EQ(cell_number(periods, *feb, "customers_lost"), 1);
  EXPECT_DOUBLE_EQ(cell_number(periods, *feb, "customers_end"), 4);
  expect_close(cell_number(periods, *feb, "churn_rate"), 1.0 / 3);
  expect_close(cell_number(periods, *feb, "retention_rate"), 2.0 / 3);
  EXPECT_DOUBLE_EQ(cell_number(periods, *feb, "recurring_revenue_start"), 180);
  EXPECT_DOUBLE_EQ(cell_number(periods, *feb, "recurring_revenue_lost"), 50);
  expect_close(cell_number(periods, *feb, "net_revenue_retention"), 130.0 / 180);

  EXPECT_DOUBLE_EQ(cell_number(periods, *mar, "customers_start"), 4);
  EXPECT_DOUBLE_EQ(cell_number(periods, *mar, "new_customers"), 0);  // E never reached a boundary
  EXPECT_DOUBLE_EQ(cell_number(periods, *mar, "customers_lost"), 1);
  EXPECT_DOUBLE_EQ(cell_number(periods, *mar, "recurring_revenue_start"), 190);
  EXPECT_DOUBLE_EQ(cell_number(periods, *mar, "recurring_revenue_lost"),
                   40);  // C's upgrade is no loss
  expect_close(cell_number(periods, *mar, "net_revenue_retention"), 180.0 / 190);
  EXPECT_DOUBLE_EQ(cell_number(periods, *mar, "recurring_revenue_end"), 180);
  EXPECT_DOUBLE_EQ(cell_number(periods, *apr, "customers_end"), 3);
}

TEST(AnalyzeSubscriptions, DatedKpisAndMeasures) {
  const json answer = analyze_subscriptions_table(dated_example().table(), as_of("2024-04-15"));
  EXPECT_EQ(error_count(answer), 0u) << answer["errors"].dump();
  // The last complete month with customers at its start is March.
  EXPECT_TRUE(has_note(answer, "kpi_period"));
  EXPECT_DOUBLE_EQ(kpi_value(answer, "churn_rate"), 0.25);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "retention_rate"), 0.75);
  expect_close(kpi_value(answer, "revenue_churn_rate"), 40.0 / 190);
  EXPECT_DOUBLE_EQ(num(answer["inputs"], "customers_start"), 4);
  EXPECT_DOUBLE_EQ(num(answer["inputs"], "customers_end"), 3);
  EXPECT_DOUBLE_EQ(num(answer["inputs"], "new_customers"), 0);
  EXPECT_DOUBLE_EQ(num(answer["inputs"], "customers_lost"), 1);

  EXPECT_DOUBLE_EQ(measure(answer, "customers"), 6);
  EXPECT_DOUBLE_EQ(measure(answer, "subscriptions"), 7);
  EXPECT_DOUBLE_EQ(measure(answer, "active_customers"), 3);
  EXPECT_DOUBLE_EQ(measure(answer, "lost_customers"), 3);
  EXPECT_DOUBLE_EQ(measure(answer, "recurring_revenue_active"), 180);
  expect_close(measure(answer, "average_churn_rate"), (1.0 / 3 + 1.0 / 4) / 2);
  expect_close(measure(answer, "average_retention_rate"), (2.0 / 3 + 3.0 / 4) / 2);
  expect_close(measure(answer, "average_revenue_churn_rate"), (50.0 / 180 + 40.0 / 190) / 2);
  expect_close(measure(answer, "average_net_revenue_retention"), (130.0 / 180 + 180.0 / 190) / 2);
  // Lifetimes 105, 41, 91, 55, 10 and 74 days.
  expect_close(measure(answer, "average_lifetime_months"), 376.0 / 6 / (365.25 / 12));
  expect_close(measure(answer, "expected_lifetime_months"), 24.0 / 7);
  EXPECT_TRUE(has_note(answer, "lifetime_censored"));
  EXPECT_TRUE(has_note(answer, "short_lived"));
  EXPECT_TRUE(has_note(answer, "nrr_expansion"));
}

TEST(AnalyzeSubscriptions, DatedCohortsAndChannels) {
  const json answer = analyze_subscriptions_table(dated_example().table(), as_of("2024-04-15"));
  const json& cohorts = answer_table(answer, "cohorts");
  ASSERT_EQ(cohorts["rows"].size(), 3u) << cohorts.dump();
  EXPECT_EQ(cohorts["columns"].size(), 6u);  // cohort, customers, 0..3
  const json* jan = table_row(cohorts, "2024-01");
  const json* feb = table_row(cohorts, "2024-02");
  const json* mar = table_row(cohorts, "2024-03");
  ASSERT_TRUE(jan && feb && mar);
  EXPECT_DOUBLE_EQ(cell_number(cohorts, *jan, "customers"), 3);
  EXPECT_DOUBLE_EQ(cell_number(cohorts, *jan, "0"), 1);
  expect_close(cell_number(cohorts, *jan, "1"), 2.0 / 3);
  expect_close(cell_number(cohorts, *jan, "3"), 2.0 / 3);
  EXPECT_DOUBLE_EQ(cell_number(cohorts, *feb, "0"), 1);
  EXPECT_DOUBLE_EQ(cell_number(cohorts, *feb, "1"), 0.5);
  EXPECT_DOUBLE_EQ(cell_number(cohorts, *feb, "2"), 0.5);
  EXPECT_TRUE(cell(cohorts, *feb, "3").is_null());
  EXPECT_DOUBLE_EQ(cell_number(cohorts, *mar, "customers"), 1);
  EXPECT_DOUBLE_EQ(cell_number(cohorts, *mar, "0"), 0);

  const json& channels = answer_table(answer, "channels");
  const json* online = table_row(channels, "Online");
  const json* store = table_row(channels, "Store");
  const json* blank = table_row(channels, "(blank)");
  ASSERT_TRUE(online && store && blank) << channels.dump();
  EXPECT_DOUBLE_EQ(cell_number(channels, *online, "customers"), 3);  // A, B, E
  EXPECT_DOUBLE_EQ(cell_number(channels, *online, "active_customers"), 1);
  expect_close(cell_number(channels, *online, "lost_share"), 2.0 / 3);
  EXPECT_DOUBLE_EQ(cell_number(channels, *online, "recurring_revenue_active"), 100);
  EXPECT_DOUBLE_EQ(cell_number(channels, *store, "customers"), 2);  // C (first row), D
  EXPECT_DOUBLE_EQ(cell_number(channels, *store, "recurring_revenue_active"), 60);
  EXPECT_DOUBLE_EQ(cell_number(channels, *blank, "recurring_revenue_active"), 20);
}

TEST(AnalyzeSubscriptions, DefaultAsOfIsTheLatestDate) {
  // as_of = May 1 (F's end): April is complete with nobody lost; F is lost in May.
  const json answer = analyze_subscriptions_table(dated_example().table(), {});
  expect_finite_answer(answer);
  const json& periods = answer_table(answer, "periods");
  ASSERT_EQ(periods["rows"].size(), 5u);
  EXPECT_DOUBLE_EQ(cell_number(periods, *table_row(periods, "2024-04"), "customers_lost"), 0);
  EXPECT_DOUBLE_EQ(cell_number(periods, *table_row(periods, "2024-05"), "customers_lost"), 1);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "churn_rate"), 0);
  EXPECT_DOUBLE_EQ(num(answer["inputs"], "customers_start"), 3);
  EXPECT_DOUBLE_EQ(measure(answer, "active_customers"), 2);
}

TEST(AnalyzeSubscriptions, QuarterWithoutCompletePeriodWithCustomers) {
  AnalyzeOptions options = as_of("2024-04-15");
  options.period = "quarter";
  const json answer = analyze_subscriptions_table(dated_example().table(), options);
  expect_finite_answer(answer);
  EXPECT_EQ(answer_table(answer, "periods")["rows"].size(), 2u);
  EXPECT_TRUE(has_note(answer, "no_complete_period"));
  EXPECT_TRUE(has_note(answer, "no_churn_lifetime"));
  EXPECT_TRUE(answer["kpis"].empty());
  EXPECT_FALSE(has_measure(answer, "average_churn_rate"));
}

TEST(AnalyzeSubscriptions, QuarterlyChurnToMonthlyLifetime) {
  // 4 customers at the start of Q2, one lost in it: quarterly churn 1/4, monthly
  // 1 - 0.75^(1/3), expected lifetime its inverse.
  RowTableBuilder b("subscriptions", {"customer_id", "start_date", "end_date"});
  for (const char* id : {"a", "b", "c"}) b.row({id, "2024-01-10", ""});
  b.row({"d", "2024-01-10", "2024-05-05"});
  AnalyzeOptions options = as_of("2024-06-30");
  options.period = "quarter";
  const json answer = analyze_subscriptions_table(b.table(), options);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "churn_rate"), 0.25);
  expect_close(measure(answer, "expected_lifetime_months"), 1 / (1 - std::pow(0.75, 1.0 / 3)),
               1e-12);
  EXPECT_FALSE(answer["inputs"].contains("recurring_revenue_start"));
  EXPECT_EQ(find_kpi_answer(answer, "revenue_churn_rate"), nullptr);
}

TEST(AnalyzeSubscriptions, NoChurnAndZeroRevenue) {
  RowTableBuilder b("subscriptions",
                    {"customer_id", "start_date", "end_date", "recurring_revenue"});
  b.row({"a", "2024-01-05", "", "0"});
  b.row({"b", "2024-02-05", "", "0"});
  const json answer = analyze_subscriptions_table(b.table(), as_of("2024-03-31"));
  expect_finite_answer(answer);
  EXPECT_EQ(error_count(answer), 0u) << answer["errors"].dump();
  EXPECT_DOUBLE_EQ(kpi_value(answer, "churn_rate"), 0);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "retention_rate"), 1);
  EXPECT_EQ(find_kpi_answer(answer, "revenue_churn_rate"), nullptr);
  EXPECT_TRUE(has_note(answer, "no_churn_lifetime"));
  EXPECT_FALSE(has_measure(answer, "average_revenue_churn_rate"));
  const json& periods = answer_table(answer, "periods");
  EXPECT_TRUE(cell(periods, *table_row(periods, "2024-03"), "revenue_churn_rate").is_null());
}

TEST(AnalyzeSubscriptions, SingleCustomerSingleDay) {
  RowTableBuilder b("subscriptions",
                    {"customer_id", "start_date", "end_date", "recurring_revenue"});
  b.row({"a", "2024-01-05", "2024-01-05", "10"});
  const json answer = analyze_subscriptions_table(b.table(), {});
  expect_finite_answer(answer);
  EXPECT_DOUBLE_EQ(measure(answer, "customers"), 1);
  EXPECT_DOUBLE_EQ(measure(answer, "average_lifetime_months"), 0);
  EXPECT_TRUE(has_note(answer, "short_lived"));
  EXPECT_TRUE(has_note(answer, "no_complete_period"));
  const json& cohorts = answer_table(answer, "cohorts");
  ASSERT_EQ(cohorts["rows"].size(), 1u);
  EXPECT_DOUBLE_EQ(cell_number(cohorts, cohorts["rows"][0], "0"), 0);
}

TEST(AnalyzeSubscriptions, NoRowsAndNothingBeforeAsOf) {
  RowTableBuilder empty("subscriptions", {"customer_id", "start_date"});
  const json none = analyze_subscriptions_table(empty.table(), {});
  expect_finite_answer(none);
  EXPECT_TRUE(has_note(none, "no_rows"));
  EXPECT_TRUE(none["measures"].empty());

  const json early = analyze_subscriptions_table(dated_example().table(), as_of("2023-06-30"));
  expect_finite_answer(early);
  EXPECT_TRUE(has_note(early, "no_rows"));
  EXPECT_TRUE(early["kpis"].empty());
}

TEST(AnalyzeSubscriptions, BadRowsAreLeftOutAndNoted) {
  RowTableBuilder b("subscriptions", {"customer_id", "start_date", "end_date"});
  b.row({"a", "2024-01-05", ""});
  b.row({"b", "", ""});                      // no start
  b.row({"c", "2024-03-05", "2024-02-01"});  // ends before it starts
  b.row({"d", "2025-01-01", ""});            // after as_of
  const json answer = analyze_subscriptions_table(b.table(), as_of("2024-03-31"));
  expect_finite_answer(answer);
  EXPECT_TRUE(has_note(answer, "rows_skipped"));
  EXPECT_DOUBLE_EQ(measure(answer, "customers"), 1);
  EXPECT_DOUBLE_EQ(measure(answer, "subscriptions"), 1);
}

TEST(AnalyzeSubscriptions, LongSpanIsClippedTo240Periods) {
  RowTableBuilder b("subscriptions", {"customer_id", "start_date", "end_date"});
  b.row({"old", "1980-01-01", ""});
  b.row({"new", "2023-06-01", "2024-02-10"});
  const json answer = analyze_subscriptions_table(b.table(), as_of("2024-03-31"));
  expect_finite_answer(answer);
  EXPECT_TRUE(has_note(answer, "window_clipped"));
  const json& periods = answer_table(answer, "periods");
  EXPECT_EQ(periods["rows"].size(), 240u);
  // "old" is there from the first boundary on; the first period is 2004-04.
  EXPECT_DOUBLE_EQ(cell_number(periods, periods["rows"][0], "customers_start"), 1);
  EXPECT_EQ(periods["rows"][0][0], "2004-04");
  EXPECT_EQ(answer_table(answer, "cohorts")["rows"].size(), 1u);  // only "new"'s cohort
  EXPECT_DOUBLE_EQ(kpi_value(answer, "churn_rate"), 0);           // March: nobody lost
}

TEST(AnalyzeSubscriptions, NeitherForm) {
  RowTableBuilder b("subscriptions", {"customer_id", "recurring_revenue"});
  b.row({"a", "10"});
  const json answer = analyze_subscriptions_table(b.table(), {});
  expect_finite_answer(answer);
  EXPECT_TRUE(has_note(answer, "form_unknown"));
}

RowTableBuilder snapshot_example() {
  RowTableBuilder b("subscriptions",
                    {"customer_id", "tenure_months", "recurring_revenue", "churned", "channel"});
  b.row({"s1", "2", "20", "Yes", "Online"});
  b.row({"s2", "10", "50", "No", "Online"});
  b.row({"s3", "30", "80", "Yes", "Store"});
  b.row({"s4", "60", "100", "No", "Store"});
  b.row({"s5", "5", "30", "", "Store"});  // no churn flag: left out
  return b;
}

TEST(AnalyzeSubscriptions, SnapshotByHand) {
  const json answer = analyze_subscriptions_table(snapshot_example().table(), {});
  expect_finite_answer(answer);
  EXPECT_EQ(error_count(answer), 0u) << answer["errors"].dump();
  // Issue 12: churn_rate is per customer-month of exposure (2 churned over 2 + 10 + 30 + 60
  // months); the plain shares are measures, and no revenue_churn_rate KPI (it held no period).
  EXPECT_DOUBLE_EQ(kpi_value(answer, "churn_rate"), 2.0 / 102);
  EXPECT_DOUBLE_EQ(measure(answer, "churned_share"), 0.5);
  EXPECT_DOUBLE_EQ(measure(answer, "churned_revenue_share"), 100.0 / 250);
  EXPECT_EQ(find_kpi_answer(answer, "revenue_churn_rate"), nullptr);
  EXPECT_DOUBLE_EQ(num(answer["inputs"], "customer_months_at_risk"), 102);
  EXPECT_DOUBLE_EQ(num(answer["inputs"], "customers_start"), 4);
  EXPECT_DOUBLE_EQ(num(answer["inputs"], "customers_lost"), 2);
  EXPECT_DOUBLE_EQ(measure(answer, "customers"), 4);
  EXPECT_DOUBLE_EQ(measure(answer, "churned_customers"), 2);
  EXPECT_DOUBLE_EQ(measure(answer, "recurring_revenue"), 250);
  EXPECT_DOUBLE_EQ(measure(answer, "average_tenure_months"), 25.5);
  EXPECT_DOUBLE_EQ(measure(answer, "average_tenure_churned_months"), 16);
  EXPECT_TRUE(has_note(answer, "snapshot_churn_definitions"));
  EXPECT_TRUE(has_note(answer, "churn_unknown"));

  const json& channels = answer_table(answer, "channels");
  const json* online = table_row(channels, "Online");
  const json* store = table_row(channels, "Store");
  ASSERT_TRUE(online && store);
  EXPECT_DOUBLE_EQ(cell_number(channels, *online, "churned_share"), 0.5);
  expect_close(cell_number(channels, *online, "churned_revenue_share"), 20.0 / 70);
  EXPECT_DOUBLE_EQ(cell_number(channels, *online, "average_tenure_months"), 6);
  EXPECT_DOUBLE_EQ(cell_number(channels, *store, "customers"), 2);
  EXPECT_DOUBLE_EQ(cell_number(channels, *store, "recurring_revenue_churned"), 80);

  const json& bands = answer_table(answer, "tenure_bands");
  EXPECT_EQ(bands["rows"].size(), 4u);  // no customer in 13-24
  EXPECT_DOUBLE_EQ(cell_number(bands, *table_row(bands, "0-6"), "churned_share"), 1);
  EXPECT_DOUBLE_EQ(cell_number(bands, *table_row(bands, "49+"), "churned"), 0);
  EXPECT_EQ(table_row(bands, "13-24"), nullptr);
}

TEST(AnalyzeSubscriptions, SnapshotCustomerWithSeveralRows) {
  RowTableBuilder b("subscriptions",
                    {"customer_id", "tenure_months", "recurring_revenue", "churned"});
  b.row({"x", "10", "50", "No"});
  b.row({"x", "12", "10", "Yes"});  // one row still active: x has not churned
  b.row({"y", "3", "", "Yes"});
  const json answer = analyze_subscriptions_table(b.table(), {});
  expect_finite_answer(answer);
  EXPECT_DOUBLE_EQ(measure(answer, "customers"), 2);
  EXPECT_DOUBLE_EQ(measure(answer, "churned_customers"), 1);
  EXPECT_DOUBLE_EQ(measure(answer, "recurring_revenue"), 60);
  EXPECT_DOUBLE_EQ(measure(answer, "recurring_revenue_churned"), 0);
  EXPECT_DOUBLE_EQ(measure(answer, "average_tenure_months"), 7.5);  // x's 12 and y's 3
  EXPECT_DOUBLE_EQ(measure(answer, "churned_revenue_share"), 0);
}

TEST(AnalyzeSubscriptions, SnapshotWithoutFlagsOrRevenue) {
  RowTableBuilder b("subscriptions", {"customer_id", "tenure_months", "churned"});
  b.row({"x", "10", ""});
  const json none = analyze_subscriptions_table(b.table(), {});
  expect_finite_answer(none);
  EXPECT_TRUE(has_note(none, "no_rows"));
  EXPECT_TRUE(none["kpis"].empty());

  RowTableBuilder all_churned("subscriptions", {"customer_id", "churned"});
  all_churned.row({"x", "1"});
  const json answer = analyze_subscriptions_table(all_churned.table(), {});
  expect_finite_answer(answer);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "churn_rate"), 1);
  EXPECT_FALSE(has_measure(answer, "average_tenure_months"));
  EXPECT_FALSE(answer["tables"].contains("tenure_bands"));
}

// The IBM Telco sample: 7,043 customers, 1,869 churned. Expected values from plain Python over
// the same file.
TEST(AnalyzeSubscriptions, TelcoChurnFile) {
  const auto text = read_shared_data("telco-churn/Telco-Customer-Churn.csv");
  if (!text) GTEST_SKIP() << "Telco-Customer-Churn.csv is not there";
  RowTableBuilder b("subscriptions",
                    {"customer_id", "tenure_months", "recurring_revenue", "churned"});
  ImportedColumn& customer = b.column("customer_id");
  ImportedColumn& tenure = b.column("tenure_months");
  ImportedColumn& revenue = b.column("recurring_revenue");
  ImportedColumn& churned = b.column("churned");
  std::size_t records = 0;
  const auto read = read_csv(*text, ',', [&](const CsvRecord& record) {
    if (records++ == 0) return true;
    if (record.fields.size() < 21) return false;
    customer.codes.push_back(customer.dictionary.code(record.fields[0]));
    tenure.numbers.push_back(parse_decimal(record.fields[5]).value_or(std::nan("")));
    revenue.numbers.push_back(parse_decimal(record.fields[18]).value_or(std::nan("")));
    churned.flags.push_back(record.fields[20] == "Yes" ? 1 : record.fields[20] == "No" ? 0 : 2);
    b.add_line();
    return true;
  });
  ASSERT_TRUE(read.ok());
  ASSERT_EQ(records, 7044u);
  const json answer = analyze_subscriptions_table(b.table(), {});
  expect_finite_answer(answer);
  EXPECT_EQ(error_count(answer), 0u) << answer["errors"].dump();
  EXPECT_DOUBLE_EQ(measure(answer, "customers"), 7043);
  EXPECT_DOUBLE_EQ(measure(answer, "churned_customers"), 1869);
  // Issue 12: churn_rate per customer-month (1,869 over 227,990 months of tenure), the plain
  // share 26.5% a measure beside it.
  expect_close(kpi_value(answer, "churn_rate"), 1869.0 / 227990);
  expect_close(measure(answer, "churned_share"), 1869.0 / 7043);
  expect_close(measure(answer, "expected_lifetime_months"), 227990.0 / 1869);
  expect_close(measure(answer, "recurring_revenue"), 456116.6000000003, 1e-12);
  expect_close(measure(answer, "recurring_revenue_churned"), 139130.84999999986, 1e-12);
  expect_close(measure(answer, "churned_revenue_share"), 0.3050335155528208, 1e-12);
  expect_close(measure(answer, "average_tenure_months"), 32.37114865824223, 1e-12);
  expect_close(measure(answer, "average_tenure_churned_months"), 17.979133226324237, 1e-12);
  const json& bands = answer_table(answer, "tenure_bands");
  EXPECT_DOUBLE_EQ(cell_number(bands, *table_row(bands, "0-6"), "customers"), 1481);
  EXPECT_DOUBLE_EQ(cell_number(bands, *table_row(bands, "0-6"), "churned"), 784);
  EXPECT_DOUBLE_EQ(cell_number(bands, *table_row(bands, "49+"), "churned"), 213);
}

TEST(AnalyzeSubscriptions, MillionRowsFinish) {
  RowTableBuilder b("subscriptions",
                    {"customer_id", "start_date", "end_date", "recurring_revenue", "channel"});
  ImportedColumn& customer = b.column("customer_id");
  ImportedColumn& start = b.column("start_date");
  ImportedColumn& end = b.column("end_date");
  ImportedColumn& revenue = b.column("recurring_revenue");
  ImportedColumn& channel = b.column("channel");
  constexpr std::uint32_t kCustomers = 400000;
  constexpr std::size_t kRows = 1000000;
  for (std::uint32_t c = 0; c < kCustomers; ++c) customer.dictionary.code("c" + std::to_string(c));
  for (const char* name : {"Online", "Store", "Partner"}) channel.dictionary.code(name);
  const Timestamp first = timestamp_from_civil(2019, 1, 1);
  for (std::size_t row = 0; row < kRows; ++row) {
    const Timestamp begins =
        first + static_cast<Timestamp>((row * 7919) % (std::size_t{5} * 365)) * 86400;
    customer.codes.push_back(static_cast<std::uint32_t>((row * 104729) % kCustomers));
    start.times.push_back(begins);
    end.times.push_back(row % 3 == 0 ? kNoTime
                                     : begins + static_cast<Timestamp>(30 + row % 700) * 86400);
    revenue.numbers.push_back(9.99 + static_cast<double>(row % 5) * 10);
    channel.codes.push_back(static_cast<std::uint32_t>(row % 3));
    b.add_line();
  }
  const auto began = std::chrono::steady_clock::now();
  const json answer = analyze_subscriptions_table(b.table(), {});
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - began)
                      .count();
  std::printf("1,000,000 subscription rows analyzed in %lld ms\n", static_cast<long long>(ms));
  expect_finite_answer(answer);
  EXPECT_DOUBLE_EQ(measure(answer, "customers"), kCustomers);
  EXPECT_NE(find_kpi_answer(answer, "churn_rate"), nullptr);
  // Every period: end = start - lost + new.
  const json& periods = answer_table(answer, "periods");
  for (const json& row : periods["rows"]) {
    EXPECT_DOUBLE_EQ(cell_number(periods, row, "customers_end"),
                     cell_number(periods, row, "customers_start") -
                         cell_number(periods, row, "customers_lost") +
                         cell_number(periods, row, "new_customers"));
  }
}

}  // namespace
