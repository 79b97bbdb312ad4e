// The shared building blocks of per-kind answers (core/src/kind_answer.hpp): nearest-rank
// percentiles, line lists of set-aside rows, the table cap, null for non-finite numbers, and
// catalog KPIs computed from derived inputs (non-finite inputs left out with a note).
#include "analyze/kind_answer.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "kind_answer_support.hpp"

namespace {

using namespace servimetrics::testing;
using servimetrics::add_catalog_kpis;
using servimetrics::add_measure;
using servimetrics::add_table;
using servimetrics::empty_kind_answer;
using servimetrics::nearest_rank_percentile;
using servimetrics::SetAsideRows;

TEST(KindAnswer, NearestRankPercentiles) {
  // 1..10: p50 rank 5 -> 5; p90 rank 9 -> 9; p91 rank ceil(9.1) = 10; p0 and p1 rank 1.
  const std::vector<double> ten = {7, 3, 10, 1, 9, 2, 8, 6, 4, 5};
  for (const auto& [percent, expected] :
       std::vector<std::pair<int, double>>{{50, 5}, {90, 9}, {91, 10}, {100, 10}, {0, 1}, {1, 1}}) {
    std::vector<double> values = ten;
    EXPECT_DOUBLE_EQ(nearest_rank_percentile(values, percent), expected) << percent;
  }
  std::vector<double> one = {4.5};
  EXPECT_DOUBLE_EQ(nearest_rank_percentile(one, 90), 4.5);
  std::vector<double> none;
  EXPECT_TRUE(std::isnan(nearest_rank_percentile(none, 50)));
}

TEST(KindAnswer, SetAsideRowsNameTheirFirstTwentyLines) {
  SetAsideRows one;
  one.add(7);
  EXPECT_EQ(one.lines_text(), "line 7");
  SetAsideRows three;
  for (const std::uint64_t line : {4, 9, 12}) three.add(line);
  EXPECT_EQ(three.lines_text(), "lines 4, 9 and 12");
  SetAsideRows many;
  for (std::uint64_t line = 1; line <= 1500; ++line) many.add(line);
  EXPECT_EQ(many.count(), 1500u);
  EXPECT_EQ(many.lines_text(),
            "lines 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 and "
            "1,480 more");
}

TEST(KindAnswer, NotesCarryTheirCodeAndParams) {
  json answer = empty_kind_answer();
  servimetrics::add_note(answer, "open_tickets", "Tickets not closed: 3.", {{"count", 3}});
  servimetrics::add_note_as(answer, "as_of", "tickets_as_of_given", "As of 2024-01-01 (given).",
                            {{"as_of", "2024-01-01"}});
  servimetrics::add_note(answer, "reply_rule", "Every ticket counts.");
  ASSERT_EQ(answer["notes"].size(), 3u);
  EXPECT_EQ(answer["notes"][0]["code"], "open_tickets");
  EXPECT_EQ(answer["notes"][0]["params"]["count"], 3);
  EXPECT_EQ(answer["notes"][1]["id"], "as_of");
  EXPECT_EQ(answer["notes"][1]["code"], "tickets_as_of_given");
  EXPECT_EQ(answer["notes"][2]["params"], json::object());
  expect_valid_kind_answer(answer);
}

TEST(KindAnswer, TablesAreCappedAndKeepTheirTotal) {
  json answer = empty_kind_answer();
  json rows = json::array();
  for (int i = 0; i < 1200; ++i) rows.push_back({i});
  add_table(answer, "long", {"n"}, rows, 0);
  add_table(answer, "partial", {"n"}, json::array({{1}}), 5000);
  expect_valid_kind_answer(answer);
  EXPECT_EQ(answer["tables"]["long"]["rows"].size(), 1000u);
  EXPECT_EQ(answer["tables"]["long"]["total_rows"], 1200);
  EXPECT_EQ(answer["tables"]["partial"]["total_rows"], 5000);
}

TEST(KindAnswer, NonFiniteNumbersNeverReachTheAnswer) {
  json answer = empty_kind_answer();
  add_measure(answer, "overflow", std::numeric_limits<double>::infinity(), "money");
  add_measure(answer, "undefined", std::nan(""), "fraction");
  add_catalog_kpis(answer, {{"service_revenue", 10.0},
                            {"total_revenue", std::numeric_limits<double>::infinity()}});
  expect_valid_kind_answer(answer);
  EXPECT_TRUE(answer["measures"][0]["value"].is_null());
  EXPECT_TRUE(answer["measures"][1]["value"].is_null());
  EXPECT_FALSE(answer["inputs"].contains("total_revenue"));
  EXPECT_NE(note_message(answer, "input_too_large").find("total_revenue"), std::string::npos);
  EXPECT_EQ(find_kpi_answer(answer, "service_revenue_share"), nullptr);
}

TEST(KindAnswer, CatalogKpisOfDerivedInputs) {
  json answer = empty_kind_answer();
  add_catalog_kpis(answer, {{"promoters", 6}, {"passives", 2}, {"detractors", 2}});
  expect_valid_kind_answer(answer);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "nps"), 40);
  EXPECT_EQ(answer["inputs"]["promoters"], 6);
}

}  // namespace
