// analyze_ledger_table(): revenue per period and category with its shares, the file's service
// and value-added shares through the catalog, credit notes netted, a category netting below
// zero, natural period order (months, quarters, dates, texts first-seen), and the edges: no rows,
// a single row, and a million rows.
#include <gtest/gtest.h>

#include <string>

#include "analyze/kind_analysis.hpp"
#include "column_table_builder.hpp"
#include "kind_answer_support.hpp"

namespace {

using namespace servimetrics::testing;
using servimetrics::analyze_ledger_table;

json ledger(const std::vector<std::string_view>& periods,
            const std::vector<std::string_view>& categories, std::vector<double> amounts) {
  return analyze_ledger_table(ColumnTableBuilder("ledger")
                                  .texts("period", periods)
                                  .categories("category", categories)
                                  .numbers("amount", std::move(amounts))
                                  .build(),
                              {});
}

std::vector<std::string> period_order(const json& answer) {
  std::vector<std::string> out;
  const json* table = find_table(answer, "by_period");
  if (table == nullptr) return out;
  for (const json& row : (*table)["rows"])
    out.push_back(row[0].is_string() ? row[0].get<std::string>() : "");
  return out;
}

TEST(AnalyzeLedger, PeriodsCategoriesAndSharesByHand) {
  // Jan: product 200, basic 50, value-added 30 -> 280; Feb: product 100, basic 60 - 70 (credit
  // note), value-added 20 -> 110. File: product 300, basic 40, value-added 50, total 390.
  const json answer =
      ledger({"2024-02", "2024-01", "2024-01", "2024-01", "2024-02", "2024-02", "2024-02"},
             {"product", "product", "basic_service", "value_added_service", "value_added_service",
              "basic_service", "basic_service"},
             {100, 200, 50, 30, 20, 60, -70});
  expect_valid_kind_answer(answer);
  EXPECT_EQ(answer["errors"].size(), 0u) << answer.dump();
  EXPECT_EQ(answer["inputs"], json({{"service_revenue", 90.0},
                                    {"value_added_service_revenue", 50.0},
                                    {"total_revenue", 390.0}}));
  EXPECT_DOUBLE_EQ(kpi_value(answer, "service_revenue_share"), 90.0 / 390);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "value_added_service_share"), 50.0 / 390);
  EXPECT_DOUBLE_EQ(measure(answer, "total_revenue"), 390);
  EXPECT_DOUBLE_EQ(measure(answer, "product_revenue"), 300);
  EXPECT_DOUBLE_EQ(measure(answer, "basic_service_revenue"), 40);
  EXPECT_DOUBLE_EQ(measure(answer, "value_added_service_revenue"), 50);
  EXPECT_DOUBLE_EQ(measure(answer, "periods"), 2);
  EXPECT_DOUBLE_EQ(measure(answer, "credit_rows"), 1);
  EXPECT_NE(find_note(answer, "credit_rows"), nullptr);
  EXPECT_NE(find_note(answer, "service_revenue_definition"), nullptr);

  const json* table = find_table(answer, "by_period");
  ASSERT_NE(table, nullptr);
  ASSERT_EQ(table_rows(*table), 2u);
  EXPECT_EQ(cell(*table, 0, "period"), "2024-01");  // sorted, though February came first
  EXPECT_DOUBLE_EQ(cell(*table, 0, "total").get<double>(), 280);
  EXPECT_DOUBLE_EQ(cell(*table, 0, "service_share").get<double>(), 80.0 / 280);
  EXPECT_DOUBLE_EQ(cell(*table, 0, "value_added_share").get<double>(), 30.0 / 280);
  EXPECT_EQ(cell(*table, 1, "period"), "2024-02");
  EXPECT_DOUBLE_EQ(cell(*table, 1, "basic_service").get<double>(), -10);
  EXPECT_DOUBLE_EQ(cell(*table, 1, "total").get<double>(), 110);
  EXPECT_DOUBLE_EQ(cell(*table, 1, "service_share").get<double>(), 10.0 / 110);
}

TEST(AnalyzeLedger, CategoryNettingBelowZeroIsNotedAndTheCatalogSaysWhy) {
  const json answer =
      ledger({"2024-01", "2024-01", "2024-01"},
             {"product", "value_added_service", "value_added_service"}, {500, 40, -100});
  expect_valid_kind_answer(answer);
  EXPECT_NE(note_message(answer, "negative_category_total")
                .find("Value-added service revenue nets to -60"),
            std::string::npos);
  // A negative value-added revenue is outside the catalog's range: an error, not a share.
  EXPECT_EQ(find_kpi_answer(answer, "value_added_service_share"), nullptr);
  EXPECT_GT(answer["errors"].size(), 0u);
}

TEST(AnalyzeLedger, PeriodWithZeroTotalHasNoShare) {
  const json answer = ledger({"2024-01", "2024-01", "2024-02"},
                             {"product", "product", "basic_service"}, {100, -100, 50});
  expect_valid_kind_answer(answer);
  const json* table = find_table(answer, "by_period");
  ASSERT_NE(table, nullptr);
  EXPECT_DOUBLE_EQ(cell(*table, 0, "total").get<double>(), 0);
  EXPECT_TRUE(cell(*table, 0, "service_share").is_null());
  EXPECT_TRUE(cell(*table, 0, "value_added_share").is_null());
  EXPECT_DOUBLE_EQ(kpi_value(answer, "service_revenue_share"), 1);
}

TEST(AnalyzeLedger, PeriodsSortNaturally) {
  const std::vector<std::string_view> months = {"2024-10", "2024-9", "2023-12", "2024-02"};
  EXPECT_EQ(
      period_order(ledger(months, {"product", "product", "product", "product"}, {1, 1, 1, 1})),
      (std::vector<std::string>{"2023-12", "2024-02", "2024-9", "2024-10"}));
  EXPECT_EQ(period_order(ledger({"2024-Q3", "Q1 2024", "2023-Q4", "2024年第2季度"},
                                {"product", "product", "product", "product"}, {1, 1, 1, 1})),
            (std::vector<std::string>{"2023-Q4", "Q1 2024", "2024年第2季度", "2024-Q3"}));
  EXPECT_EQ(period_order(ledger({"202402", "2024/01", "2024年3月", "2023"},
                                {"product", "product", "product", "product"}, {1, 1, 1, 1})),
            (std::vector<std::string>{"2023", "2024/01", "202402", "2024年3月"}));
  EXPECT_EQ(period_order(ledger({"2024-01-31", "20240115", "2024-01"},
                                {"product", "product", "product"}, {1, 1, 1})),
            (std::vector<std::string>{"2024-01", "20240115", "2024-01-31"}));
}

TEST(AnalyzeLedger, TextPeriodsFollowInTheOrderFirstSeen) {
  const json answer =
      ledger({"H2", "2024", "FY23", "H1", "2023"},
             {"product", "product", "product", "product", "product"}, {1, 1, 1, 1, 1});
  expect_valid_kind_answer(answer);
  EXPECT_EQ(period_order(answer), (std::vector<std::string>{"2023", "2024", "H2", "FY23", "H1"}));
  EXPECT_NE(note_message(answer, "periods_not_recognised").find("'H2', 'FY23', 'H1'"),
            std::string::npos);
}

TEST(AnalyzeLedger, RowsWithoutACategoryAreLeftOutWithTheirLines) {
  const json answer = analyze_ledger_table(ColumnTableBuilder("ledger")
                                               .texts("period", {"2024-01", "2024-01"})
                                               .categories("category", {"product", ""})
                                               .numbers("amount", {100, 50})
                                               .lines({2, 9})
                                               .build(),
                                           {});
  expect_valid_kind_answer(answer);
  EXPECT_NE(note_message(answer, "unusable_rows").find("(line 9)"), std::string::npos);
  EXPECT_DOUBLE_EQ(measure(answer, "total_revenue"), 100);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "service_revenue_share"), 0);
}

TEST(AnalyzeLedger, SingleRow) {
  const json answer = ledger({"2024-03"}, {"value_added_service"}, {1234.5});
  expect_valid_kind_answer(answer);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "service_revenue_share"), 1);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "value_added_service_share"), 1);
  EXPECT_EQ(kpi_band(answer, "service_revenue_share"), "none");
}

TEST(AnalyzeLedger, NoRowsAnswersWithANoteAndNoKpis) {
  const json answer = ledger({}, {}, {});
  expect_valid_kind_answer(answer);
  EXPECT_EQ(answer["kpis"].size(), 0u);
  EXPECT_NE(find_note(answer, "no_rows"), nullptr);
}

TEST(AnalyzeLedger, HugeAmountsStayFinite) {
  const json answer = ledger({"2024-01", "2024-01"}, {"product", "product"}, {1.5e308, 1.5e308});
  expect_valid_kind_answer(answer);
  EXPECT_NE(find_note(answer, "input_too_large"), nullptr);
}

TEST(AnalyzeLedger, AMillionRowsInOnePass) {
  constexpr std::size_t kRows = 1'000'000;
  ColumnTableBuilder builder("ledger");
  auto& period = builder.column("period");
  auto& category = builder.column("category").codes;
  auto& amount = builder.column("amount").numbers;
  std::vector<std::uint32_t> months;
  for (int m = 1; m <= 36; ++m) {
    const std::string key =
        std::to_string(2021 + (m - 1) / 12) + "-" + std::to_string((m - 1) % 12 + 1);
    months.push_back(period.dictionary.code(key));
  }
  period.codes.reserve(kRows);
  category.reserve(kRows);
  amount.reserve(kRows);
  for (std::size_t i = 0; i < kRows; ++i) {
    period.codes.push_back(months[(i * 7) % 36]);
    category.push_back(static_cast<std::uint32_t>(i % 3));
    amount.push_back(i % 3 == 0 ? 3.0 : 1.0);  // product 3, each service 1
  }
  const json answer = analyze_ledger_table(builder.build(), {});
  expect_valid_kind_answer(answer);
  EXPECT_DOUBLE_EQ(measure(answer, "periods"), 36);
  // 333,334 product rows of 3 and 333,333 of each service: 666,666 / 1,666,668.
  EXPECT_NEAR(kpi_value(answer, "service_revenue_share"), 666666.0 / 1666668.0, 1e-12);
  EXPECT_EQ(period_order(answer).front(), "2021-1");
  EXPECT_EQ(period_order(answer).back(), "2023-12");
}

}  // namespace
