// Issue 12 (transactions): what a transactions file's numbers mean. A lifetime value looks
// forward (retention-based, unbounded when no customer is lost), purchase frequency counts repeat
// purchases over each customer's exposure, year-on-year retention is measured from the file (a
// shorter window annualised, or no value with a note), net and gross AOV, customers counted
// apart, zero-value lines noted, and the value carried by rejected rows in the import report.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "analyze/kind_analysis.hpp"
#include "analyze_test_support.hpp"
#include "row_table_builder.hpp"
#include "servimetrics/file_analysis.hpp"

namespace {

using namespace servimetrics;
using namespace servimetrics::testing;

const json* find_note(const json& answer, std::string_view id) {
  for (const json& n : answer["notes"]) {
    if (n["id"] == std::string(id)) return &n;
  }
  return nullptr;
}

// The issue's example: 100 customers who each buy 100 every 1 January of 2020-2023, none lost.
RowTableBuilder yearly_buyers() {
  RowTableBuilder b("transactions", {"customer_id", "date", "amount"});
  for (int c = 0; c < 100; ++c) {
    for (const char* day : {"2020-01-01", "2021-01-01", "2022-01-01", "2023-01-01"}) {
      b.row({"C" + std::to_string(c), day, "100"});
    }
  }
  return b;
}

TEST(TransactionDefinitions, YearlyBuyersNoneLostHaveNoLifetimeNumber) {
  const json answer = analyze_transactions_table(yearly_buyers().table(), {});
  expect_finite_answer(answer);
  // Once a year reads as 1 a year: 3 repeat purchases over 1096 days (2020 is a leap year).
  expect_close(measure(answer, "purchase_frequency"), 300 / (100 * 1096 / 365.25));
  EXPECT_NEAR(measure(answer, "purchase_frequency"), 1.0, 0.001);
  // What is observed, under its own name: 400 over 1097 days.
  expect_close(measure(answer, "observed_span_years"), 1097 / 365.25);
  expect_close(measure(answer, "revenue_per_customer_year"), 400 / (1097 / 365.25));
  EXPECT_DOUBLE_EQ(measure(answer, "annual_retention_rate"), 1);
  EXPECT_DOUBLE_EQ(measure(answer, "retention_window_days"), 365);
  EXPECT_FALSE(has_measure(answer, "expected_lifetime_years"));
  // No "CLV" of 400 (what they already spent): no number at all, with coded reasons.
  EXPECT_EQ(find_kpi_answer(answer, "clv"), nullptr);
  EXPECT_EQ(find_kpi_answer(answer, "retention_clv"), nullptr);
  EXPECT_TRUE(has_note(answer, "lifetime_unbounded"));
  const json* unbounded = find_error(answer, "retention_clv");
  ASSERT_NE(unbounded, nullptr) << answer["errors"].dump();
  EXPECT_EQ(str(*unbounded, "code"), "clv_unbounded");
  // The customers table carries what was observed, not a lifetime value.
  const json& customers = answer_table(answer, "customers");
  const json* row = table_row(customers, "C0");
  ASSERT_NE(row, nullptr);
  expect_close(cell_number(customers, *row, "revenue_per_year"), 400 / (1097 / 365.25));
}

// As of 2023-01-01: ten customers buy on 2021-06-01 (the earlier window), six of them again on
// 2022-06-01 (the latest); one buys on 2020-01-01 and 2023-01-01 (in the latest only). r = 0.6.
RowTableBuilder six_of_ten_kept() {
  RowTableBuilder b("transactions", {"customer_id", "date", "amount"});
  for (int c = 0; c < 10; ++c) {
    b.row({"K" + std::to_string(c), "2021-06-01", "100"});
    if (c < 6) b.row({"K" + std::to_string(c), "2022-06-01", "100"});
  }
  b.row({"Z", "2020-01-01", "100"});
  b.row({"Z", "2023-01-01", "100"});
  return b;
}

TEST(TransactionDefinitions, LifetimeValueFromMeasuredRetentionAndMargin) {
  AnalyzeOptions options;
  options.gross_margin = 0.5;
  options.discount_rate = 0.1;
  const json answer = analyze_transactions_table(six_of_ten_kept().table(), options);
  expect_finite_answer(answer);
  EXPECT_DOUBLE_EQ(measure(answer, "annual_retention_rate"), 0.6);
  expect_close(measure(answer, "expected_lifetime_years"), 2.5);
  const double span = 1097 / 365.25;
  const double annual = 1800.0 / 11 / span;
  expect_close(measure(answer, "revenue_per_customer_year"), annual);
  // margin x r / (1 + d - r) = annual x 0.5 x 0.6 / 0.5.
  expect_close(kpi_value(answer, "retention_clv"), annual * 0.5 * 0.6 / 0.5);
  EXPECT_TRUE(find_kpi_answer(answer, "retention_clv")->value("warnings", json::array()).empty());
  // Repeat purchases 6 + 1 over 10 x 579 + 1096 days of exposure.
  const double frequency = 7 / ((10 * 579 + 1096) / 365.25);
  expect_close(measure(answer, "purchase_frequency"), frequency);
  // clv = AOV x frequency x expected lifetime; cltv over the expected lifetime, discounted.
  expect_close(kpi_value(answer, "clv"), 100 * frequency * 2.5);
  expect_close(kpi_value(answer, "cltv"), annual * 0.5 * (1 - std::pow(1.1, -2.5)) / 0.1, 1e-9);
  const json* note = find_note(answer, "retention_windows");
  ASSERT_NE(note, nullptr);
  EXPECT_EQ((*note)["code"], "retention_from_windows");
  EXPECT_EQ((*note)["params"]["buyers"], 10);
  EXPECT_EQ((*note)["params"]["retained"], 6);
}

// A loss-making segment's negative gross margin is read from the import request and said; a
// margin under -1000% or over 100% is refused with its range.
TEST(TransactionDefinitions, NegativeGrossMarginIsAllowedAndSaid) {
  auto request =
      import_request_from_json(json::parse(R"({"kind": "transactions", "gross_margin": -0.2})"));
  ASSERT_TRUE(request.ok()) << request.error().message;
  EXPECT_DOUBLE_EQ(request.value().second.gross_margin.value_or(0), -0.2);
  const json answer = analyze_transactions_table(six_of_ten_kept().table(), request.value().second);
  expect_finite_answer(answer);
  EXPECT_LT(kpi_value(answer, "cltv"), 0);
  const json* cltv = find_kpi_answer(answer, "cltv");
  ASSERT_NE(cltv, nullptr);
  ASSERT_EQ((*cltv)["warnings"].size(), 1u) << cltv->dump();
  EXPECT_EQ((*cltv)["warnings"][0]["code"], "negative_gross_margin");
  for (const char* bad : {R"({"gross_margin": -11})", R"({"gross_margin": 1.5})"}) {
    auto refused = import_request_from_json(json::parse(bad));
    ASSERT_FALSE(refused.ok()) << bad;
    EXPECT_EQ(refused.error().code, "option_not_fraction");
    EXPECT_EQ(refused.error().params["min"], -10);
    EXPECT_EQ(refused.error().params["max"], 1);
  }
  auto rate = import_request_from_json(json::parse(R"({"discount_rate": -0.1})"));
  ASSERT_FALSE(rate.ok());
  EXPECT_EQ(rate.error().params["min"], 0);
}

TEST(TransactionDefinitions, WithoutMarginTheValueIsRevenueBased) {
  const json answer = analyze_transactions_table(six_of_ten_kept().table(), {});
  const json* kpi = find_kpi_answer(answer, "retention_clv");
  ASSERT_NE(kpi, nullptr) << answer["errors"].dump();
  expect_close(num(*kpi, "value"), 1800.0 / 11 / (1097 / 365.25) * 0.6 / 0.4);
  ASSERT_EQ((*kpi)["warnings"].size(), 1u);
  EXPECT_EQ((*kpi)["warnings"][0]["code"], "clv_revenue_based");
  EXPECT_TRUE(has_note(answer, "cltv_needs_margin"));
  EXPECT_EQ(find_kpi_answer(answer, "cltv"), nullptr);
}

// 300 days (2024-01-01 .. 2024-10-26): two windows of 150 days, the latest 2024-05-30 ..
// 2024-10-26 and the earlier 2024-01-01 .. 2024-05-29. Two of the four earlier buyers come back.
TEST(TransactionDefinitions, ShortFileRetentionIsAnnualisedAndSaysSo) {
  RowTableBuilder b("transactions", {"customer_id", "date", "amount"});
  for (int c = 0; c < 4; ++c) b.row({"S" + std::to_string(c), "2024-01-01", "10"});
  b.row({"S0", "2024-10-26", "10"});
  b.row({"S1", "2024-07-01", "10"});
  const json answer = analyze_transactions_table(b.table(), {});
  EXPECT_DOUBLE_EQ(measure(answer, "retention_window_days"), 150);
  EXPECT_DOUBLE_EQ(measure(answer, "window_retention_rate"), 0.5);
  expect_close(measure(answer, "annual_retention_rate"), std::pow(0.5, 365.0 / 150));
  const json* note = find_note(answer, "retention_windows");
  ASSERT_NE(note, nullptr);
  EXPECT_EQ((*note)["code"], "retention_from_short_windows");
  EXPECT_EQ((*note)["params"]["window_days"], 150);
}

// The what-if's new customers a year: buyers whose first purchase is in the 365 days up to as_of
// (here 2023-01-01): K6..K9 first bought 2021-06-01 and Z 2020-01-01, so none; then N1, N2 join.
TEST(TransactionDefinitions, NewBuyersOfTheLastYearOnlyWithAFullYearOfData) {
  RowTableBuilder b = six_of_ten_kept();
  const json before = analyze_transactions_table(b.table(), {});
  EXPECT_DOUBLE_EQ(measure(before, "new_buyers_last_year"), 0);
  b.row({"N1", "2022-01-02", "10"});  // 364 days before as_of: in
  b.row({"N2", "2022-12-31", "10"});
  b.row({"N3", "2022-01-01", "10"});  // 365 days before: out
  const json after = analyze_transactions_table(b.table(), {});
  EXPECT_DOUBLE_EQ(measure(after, "new_buyers_last_year"), 2);
  // Less than a year of data: a first purchase seen may not be the customer's first.
  RowTableBuilder short_file("transactions", {"customer_id", "date", "amount"});
  short_file.row({"A", "2024-01-01", "10"});
  short_file.row({"B", "2024-06-01", "10"});
  EXPECT_FALSE(
      has_measure(analyze_transactions_table(short_file.table(), {}), "new_buyers_last_year"));
}

TEST(TransactionDefinitions, TooShortAFileHasNoRetentionAndNoLifetimeValue) {
  RowTableBuilder b("transactions", {"customer_id", "date", "amount"});
  b.row({"A", "2024-01-01", "10"});
  b.row({"A", "2024-03-01", "10"});
  b.row({"B", "2024-02-01", "10"});
  const json answer = analyze_transactions_table(b.table(), {});
  EXPECT_FALSE(has_measure(answer, "annual_retention_rate"));
  EXPECT_TRUE(has_note(answer, "retention_not_measured"));
  EXPECT_EQ(find_kpi_answer(answer, "clv"), nullptr);
  EXPECT_EQ(find_kpi_answer(answer, "retention_clv"), nullptr);
  EXPECT_EQ(error_count(answer), 0u) << answer["errors"].dump();
  // What is observed is still there.
  EXPECT_TRUE(has_measure(answer, "revenue_per_customer_year"));
}

// Buyer A (net 150 after a return of 50), R only returns (-40), N's return outweighs its purchase
// (net -20); A has two zero-value lines, on invoices 2 and 9, which hold nothing else.
TEST(TransactionDefinitions, CustomersCountedApartAovNetAndGrossZeroLinesNoted) {
  RowTableBuilder b("transactions", {"customer_id", "date", "amount", "invoice_id"});
  b.row({"A", "2024-01-01", "200", "1"});
  b.row({"A", "2024-01-01", "0", "2"});
  b.row({"A", "2024-02-01", "-50", "3"});
  b.row({"A", "2024-02-01", "0", "9"});
  b.row({"R", "2024-01-05", "-40", "4"});
  b.row({"N", "2024-01-07", "30", "5"});
  b.row({"N", "2024-01-08", "-50", "6"});
  const json answer = analyze_transactions_table(b.table(), {});
  EXPECT_DOUBLE_EQ(measure(answer, "customers"), 3);
  EXPECT_DOUBLE_EQ(measure(answer, "buying_customers"), 2);
  EXPECT_DOUBLE_EQ(measure(answer, "returns_only_customers"), 1);
  EXPECT_DOUBLE_EQ(measure(answer, "negative_revenue_customers"), 2);
  EXPECT_DOUBLE_EQ(measure(answer, "negative_revenue_buyers"), 1);
  EXPECT_DOUBLE_EQ(measure(answer, "orders"), 2);
  // Net of returns: the buyers' 150 - 20 over 2 orders; gross 230 / 2.
  EXPECT_DOUBLE_EQ(measure(answer, "average_order_value"), 65);
  EXPECT_DOUBLE_EQ(measure(answer, "gross_average_order_value"), 115);
  EXPECT_DOUBLE_EQ(measure(answer, "average_revenue_per_customer"), 65);
  EXPECT_DOUBLE_EQ(measure(answer, "zero_value_lines"), 2);
  EXPECT_DOUBLE_EQ(measure(answer, "zero_value_orders"), 2);
  const json* apart = find_note(answer, "customers_counted_apart");
  ASSERT_NE(apart, nullptr);
  EXPECT_EQ((*apart)["params"]["returns_only"], 1);
  EXPECT_DOUBLE_EQ((*apart)["params"]["amount"].get<double>(), -40);
  EXPECT_EQ((*apart)["params"]["negative_revenue"], 2);  // R and N
  EXPECT_EQ((*apart)["params"]["negative_buyers"], 1);
  EXPECT_TRUE(has_note(answer, "aov_net_of_returns"));
  const json* zero = find_note(answer, "zero_value_lines");
  ASSERT_NE(zero, nullptr);
  EXPECT_EQ((*zero)["params"]["count"], 2);
  EXPECT_EQ((*zero)["params"]["orders"], 2);
}

// Rows without a customer id are rejected by the import; the report says what value they carry.
TEST(TransactionDefinitions, ImportReportGivesTheValueOfRejectedRows) {
  const std::string file =
      "CustomerID,InvoiceDate,Quantity,UnitPrice\n"
      "A,2024-01-01,2,10\n"
      ",2024-01-02,3,5\n"
      "B,2024-01-03,1,40\n"
      ",2024-01-04,-1,5\n"
      "C,2024-01-05,,\n";
  ImportOptions import;
  import.kind = "transactions";
  const json answer = analyze_file(file, import, AnalyzeOptions{});
  const json& report = answer["import"];
  EXPECT_EQ(report["rows_rejected"], 3) << report.dump();
  // 20 + 40 kept, 15 - 5 rejected; the row without quantity and price carries no value.
  EXPECT_DOUBLE_EQ(report["rejected_value"].get<double>(), 10);
  EXPECT_DOUBLE_EQ(report["file_value"].get<double>(), 70);
  EXPECT_DOUBLE_EQ(report["rejected_value_share"].get<double>(), 10.0 / 70);
  EXPECT_EQ(report["rejected_rows_without_value"], 1);
  const json* note = find_note(answer, "rejected_value");
  ASSERT_NE(note, nullptr) << answer["notes"].dump();
  EXPECT_EQ((*note)["params"]["count"], 3);
  EXPECT_DOUBLE_EQ((*note)["params"]["amount"].get<double>(), 10);
}

TEST(TransactionDefinitions, OtherKindsHaveNoRejectedValue) {
  ImportOptions import;
  import.kind = "tickets";
  const json answer = analyze_file("ticket_id,created\n1,2024-01-01\n", import, AnalyzeOptions{});
  EXPECT_FALSE(answer["import"].contains("rejected_value")) << answer["import"].dump();
}

// The issue's figures on UCI Online Retail, each recomputed independently from the raw file (a
// Python pass over the CSV with the same definitions).
TEST(TransactionDefinitions, OnlineRetailFigures) {
  const auto text = read_shared_data("online-retail/online_retail.csv");
  if (!text) GTEST_SKIP() << "online_retail.csv is not there";
  ImportOptions import;
  import.kind = "transactions";
  const json answer = analyze_file(*text, import, AnalyzeOptions{});
  const json& report = answer["import"];
  EXPECT_EQ(report["rows_rejected"], 135080);
  expect_close(report["rejected_value"].get<double>(), 1447682.12, 1e-9);
  expect_close(report["file_value"].get<double>(), 9747747.934, 1e-9);
  EXPECT_NEAR(report["rejected_value_share"].get<double>(), 0.1485, 0.0001);
  EXPECT_TRUE(has_note(answer, "rejected_value"));
  EXPECT_DOUBLE_EQ(measure(answer, "customers"), 4372);
  EXPECT_DOUBLE_EQ(measure(answer, "buying_customers"), 4338);
  EXPECT_DOUBLE_EQ(measure(answer, "returns_only_customers"), 33);
  EXPECT_DOUBLE_EQ(measure(answer, "negative_revenue_customers"), 43);
  EXPECT_DOUBLE_EQ(measure(answer, "negative_revenue_buyers"), 10);
  EXPECT_DOUBLE_EQ(measure(answer, "zero_value_lines"), 40);
  expect_close(measure(answer, "average_order_value"), 448.4392971077054, 1e-9);
  expect_close(measure(answer, "gross_average_order_value"), 480.8659563999145, 1e-9);
  expect_close(measure(answer, "purchase_frequency"), 5.363271886874255, 1e-9);
  EXPECT_DOUBLE_EQ(measure(answer, "retention_window_days"), 187);
  expect_close(measure(answer, "window_retention_rate"), 1935.0 / 2754);
  expect_close(measure(answer, "annual_retention_rate"), 0.5021243955508305, 1e-9);
  expect_close(kpi_value(answer, "retention_clv"), 1886.885315780946, 1e-9);
}

}  // namespace
