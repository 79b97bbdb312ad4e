// Cohort tables (acquisition month x months since) of active customers and revenue, on hand-made
// transactions and subscriptions tables whose every cell is counted here by hand.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "column_table_builder.hpp"
#include "models/cohorts.hpp"
#include "servimetrics/models.hpp"

namespace {

using nlohmann::json;
using servimetrics::models::cohort_table;
using servimetrics::testing::at;
using servimetrics::testing::ColumnTableBuilder;

TEST(ModelsCohorts, TransactionsByAcquisitionMonth) {
  // c1: Jan 5 (2 lines, one day), Mar 2.   c2: Jan 20, a return in Feb (not a purchase).
  // c3: Feb 3, Feb 20, Mar 9.              c4: first buys in March.
  const auto table =
      ColumnTableBuilder("transactions")
          .texts("customer_id", {"c1", "c1", "c1", "c2", "c2", "c3", "c3", "c3", "c4"})
          .dates("date",
                 {at(2024, 1, 5), at(2024, 1, 5), at(2024, 3, 2), at(2024, 1, 20), at(2024, 2, 7),
                  at(2024, 2, 3), at(2024, 2, 20), at(2024, 3, 9), at(2024, 3, 30)})
          .numbers("amount", {10, 5, 20, 7, -7, 1, 2, 4, 100})
          .build();
  const auto result = cohort_table(table);
  ASSERT_TRUE(result.ok()) << result.error().message;
  const json& c = result.value();
  EXPECT_EQ(c["cohorts"], json({"2024-01", "2024-02", "2024-03"}));
  EXPECT_EQ(c["customers"], json({2, 1, 1}));
  EXPECT_EQ(c["months_since"], 3);
  // Jan cohort: both active in Jan, nobody in Feb (c2's return is no purchase), c1 in Mar.
  EXPECT_EQ(c["active"], json::parse("[[2, 0, 1], [1, 1, null], [1, null, null]]"));
  EXPECT_EQ(c["revenue"], json::parse("[[22, 0, 20], [3, 4, null], [100, null, null]]"));
}

TEST(ModelsCohorts, SubscriptionsActiveInEveryMonthTheyOverlap) {
  // s1: Jan 15 - Mar 10 at 10/month; s2: Jan 31 - (open) at 5; s3: Feb 1 - Feb 28 at 8;
  // s4 of c1 again: Apr 1 - open at 1 (c1 stays in the January cohort).
  const auto table =
      ColumnTableBuilder("subscriptions")
          .texts("customer_id", {"c1", "c2", "c3", "c1"})
          .dates("start_date", {at(2024, 1, 15), at(2024, 1, 31), at(2024, 2, 1), at(2024, 4, 1)})
          .dates("end_date",
                 {at(2024, 3, 10), servimetrics::kNoTime, at(2024, 2, 28), servimetrics::kNoTime})
          .numbers("recurring_revenue", {10, 5, 8, 1})
          .build();
  const auto result = cohort_table(table);
  ASSERT_TRUE(result.ok()) << result.error().message;
  const json& c = result.value();
  EXPECT_EQ(c["cohorts"], json({"2024-01", "2024-02", "2024-03", "2024-04"}));
  EXPECT_EQ(c["customers"], json({2, 1, 0, 0}));
  // Jan cohort: c1 Jan-Mar then Apr (s4), c2 Jan-Apr (open until the data's last month, April).
  EXPECT_EQ(c["active"][0], json({2, 2, 2, 2}));
  EXPECT_EQ(c["revenue"][0], json({15, 15, 15, 6}));
  EXPECT_EQ(c["active"][1], json::parse("[1, 0, 0, null]"));
  EXPECT_EQ(c["revenue"][1], json::parse("[8, 0, 0, null]"));
}

TEST(ModelsCohorts, InTheTableAnswerAndOffOnRequest) {
  const auto table = ColumnTableBuilder("transactions")
                         .texts("customer_id", {"a", "a", "b"})
                         .dates("date", {at(2024, 1, 1), at(2024, 2, 1), at(2024, 2, 2)})
                         .numbers("amount", {1, 2, 3})
                         .build();
  const json answer = servimetrics::fit_models(table, json::object());
  ASSERT_TRUE(answer.contains("cohorts")) << answer.dump();
  EXPECT_EQ(answer["cohorts"]["customers"], json({1, 1}));
  EXPECT_FALSE(servimetrics::fit_models(table, {{"cohorts", false}}).contains("cohorts"));
  // A cohorts option of the wrong type is not a crash.
  EXPECT_TRUE(servimetrics::fit_models(table, {{"cohorts", "yes"}}).contains("cohorts"));
  // No customer column: no cohorts, the models' coded error instead.
  const auto bare = ColumnTableBuilder("transactions").numbers("amount", {1}).build();
  const json none = servimetrics::fit_models(bare, json::object());
  EXPECT_FALSE(none.contains("cohorts"));
  EXPECT_EQ(none["errors"][0]["code"], "models_needs_transactions");
}

}  // namespace

namespace {

// Edge cases of a transactions table: a calibration end after the data, everyone buying on one
// day, a single customer.
TEST(ModelsEdges, CalibrationEndAfterTheData) {
  const auto table = ColumnTableBuilder("transactions")
                         .texts("customer_id", {"a", "a", "b", "b", "b"})
                         .dates("date", {at(2024, 1, 1), at(2024, 1, 15), at(2024, 1, 3),
                                         at(2024, 1, 10), at(2024, 1, 24)})
                         .numbers("amount", {1, 2, 3, 4, 5})
                         .build();
  const json answer = servimetrics::fit_models(
      table, {{"calibration_end", "2024-12-31"}, {"time_unit", "day"}, {"models", {"bg_nbd"}}});
  ASSERT_EQ(answer["customers"].size(), 2u) << answer.dump();
  EXPECT_EQ(answer["summary"]["calibration_end"], "2024-12-31");
  EXPECT_EQ(answer["customers"][0][3], 365);  // a: 2024-01-01 to 2024-12-31, days
  EXPECT_EQ(answer["customers"][1][1], 2);    // b: two repeat days
  EXPECT_EQ(answer.dump().find("NaN"), std::string::npos);
  EXPECT_EQ(answer.dump().find("nan"), std::string::npos);
}

TEST(ModelsEdges, EveryoneOnOneDayFromATable) {
  const auto table =
      ColumnTableBuilder("transactions")
          .texts("customer_id", {"a", "b", "c", "c"})
          .dates("date", {at(2024, 3, 1), at(2024, 3, 1), at(2024, 3, 1), at(2024, 3, 1, 18)})
          .numbers("amount", {1, 2, 3, 4})
          .build();
  const json answer = servimetrics::fit_models(table, json::object());
  EXPECT_EQ(answer["errors"][0]["code"], "models_no_repeat_buyers") << answer.dump();
  EXPECT_EQ(answer["customers"].size(), 3u);
  EXPECT_EQ(answer["cohorts"]["customers"], json({3}));
  EXPECT_EQ(answer.dump().find("nan"), std::string::npos);
}

TEST(ModelsEdges, OneCustomerFromATable) {
  const auto table = ColumnTableBuilder("transactions")
                         .texts("customer_id", {"solo", "solo", "solo"})
                         .dates("date", {at(2024, 1, 1), at(2024, 2, 1), at(2024, 3, 1)})
                         .numbers("amount", {10, 20, 30})
                         .build();
  const json answer = servimetrics::fit_models(table, {{"intervals", true}});
  ASSERT_EQ(answer["customers"].size(), 1u) << answer.dump();
  for (const json& m : answer["models"]) {
    bool few = false;
    for (const json& w : m["warnings"]) few = few || w["code"] == "models_few_customers";
    EXPECT_TRUE(few) << m.dump();
  }
  const std::string text = answer.dump();
  EXPECT_EQ(text.find("nan"), std::string::npos);
  EXPECT_EQ(text.find("inf"), std::string::npos);
}

}  // namespace
