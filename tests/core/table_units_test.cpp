// Every column of every answer table carries its unit from the core's one list
// (table_column_units.cpp): each sample, a CSAT survey, and the real IBM Telco snapshot, so a new
// column cannot reach the page without saying what it holds.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "analyze/analyze.hpp"
#include "analyze_test_support.hpp"

namespace {

using namespace servimetrics::testing;

const std::set<std::string> kKnownUnits = {"text",  "date",  "flag",     "line",
                                           "count", "money", "fraction", "points",
                                           "score", "hours", "days",     "months"};

void expect_units(const json& answer, const std::string& what) {
  ASSERT_TRUE(answer.contains("tables")) << what;
  ASSERT_FALSE(answer["tables"].empty()) << what << " has tables";
  for (const auto& [name, table] : answer["tables"].items()) {
    SCOPED_TRACE(what + " / " + name);
    ASSERT_TRUE(table.contains("units")) << table.dump().substr(0, 300);
    ASSERT_EQ(table["units"].size(), table["columns"].size());
    for (std::size_t i = 0; i < table["columns"].size(); ++i) {
      const std::string column = table["columns"][i];
      const std::string unit = table["units"][i];
      EXPECT_TRUE(kKnownUnits.count(unit) == 1) << column << " has unit " << unit;
      // Numbers never sit in text or date columns, texts never in numeric ones.
      for (const json& row : table["rows"]) {
        const json& cell = row[i];
        if (cell.is_null()) continue;
        if (unit == "text" || unit == "date") {
          EXPECT_TRUE(cell.is_string()) << column << ": " << cell.dump();
        } else if (unit == "flag") {
          EXPECT_TRUE(cell.is_boolean()) << column << ": " << cell.dump();
        } else {
          EXPECT_TRUE(cell.is_number()) << column << ": " << cell.dump();
        }
      }
    }
  }
}

TEST(TableUnits, EverySampleTableColumnHasAKnownUnit) {
  for (const char* kind : {"transactions", "subscriptions", "survey", "tickets", "spend", "ledger",
                           "survival_table"}) {
    const auto text =
        read_whole_file(std::string(SERVIMETRICS_SOURCE_DIR) + "/public/samples/" + kind + ".csv");
    ASSERT_TRUE(text) << kind;
    expect_units(servimetrics::analyze(kind, *text), kind);
  }
}

TEST(TableUnits, CsatSurveyAndSubscriptionSnapshotTables) {
  expect_units(servimetrics::analyze("survey",
                                     "date,csat_score,segment\n2024-01-05,5,A\n2024-01-09,3,B\n"
                                     "2024-02-01,4,A\n"),
               "csat survey");
  expect_units(servimetrics::analyze("subscriptions",
                                     "customer_id,tenure_months,churned,recurring_revenue,channel\n"
                                     "a,3,yes,50,web\nb,30,no,80,store\n"),
               "snapshot");
  const auto telco = read_shared_data("telco-churn/Telco-Customer-Churn.csv");
  if (!telco) GTEST_SKIP() << "../shared/data/telco-churn is not here";
  expect_units(servimetrics::analyze("subscriptions", *telco), "IBM Telco");
}

TEST(TableUnits, SpendChannelsTable) {
  const json answer =
      servimetrics::analyze("spend", "period,channel,spend,new_customers\n1,a,10,1\n");
  EXPECT_EQ(answer["tables"]["channels"]["units"],
            json::array({"text", "money", "count", "money"}));
}

}  // namespace
