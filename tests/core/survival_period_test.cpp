// A survival table's period length read from its period column's header when the user gave none.
#include "analyze/survival_period.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "servimetrics/file_analysis.hpp"

namespace {

using json = nlohmann::json;
using servimetrics::period_from_header;

json analyze_text(std::string_view text, servimetrics::AnalyzeOptions options = {}) {
  servimetrics::ImportOptions import;
  import.kind = "survival_table";
  return servimetrics::analyze_file(text, import, options);
}

const json* note(const json& answer, std::string_view id) {
  for (const json& n : answer["notes"])
    if (n["id"] == id) return &n;
  return nullptr;
}

TEST(SurvivalPeriod, HeadersNameTheirPeriod) {
  EXPECT_EQ(period_from_header("Months"), "month");
  EXPECT_EQ(period_from_header("months since start"), "month");
  EXPECT_EQ(period_from_header("月数"), "month");
  EXPECT_EQ(period_from_header("年"), "year");
  EXPECT_EQ(period_from_header("Years"), "year");
  EXPECT_EQ(period_from_header("年數"), "year");
  EXPECT_EQ(period_from_header("quarter"), "quarter");
  EXPECT_EQ(period_from_header("季度"), "quarter");
  EXPECT_EQ(period_from_header("weeks"), "week");
  EXPECT_EQ(period_from_header("週數"), "week");
  EXPECT_EQ(period_from_header("renewals"), "year");
  EXPECT_EQ(period_from_header("period"), std::nullopt);
  EXPECT_EQ(period_from_header("期数"), std::nullopt);
  EXPECT_EQ(period_from_header("t"), std::nullopt);
}

// The same counts by "months" and by "period": the monthly retention to the 12th power is the
// annual one, said in a note; the user's own choice wins over the header.
TEST(SurvivalPeriod, TheHeaderSetsThePeriodUnlessTheUserDid) {
  const std::string counts = "0,1000\n1,700\n2,540\n3,450\n4,390\n5,350\n6,320\n";
  const json plain = analyze_text("period,active\n" + counts);
  const json monthly = analyze_text("months,active\n" + counts);
  const double yearly_rate = plain["inputs"]["annual_retention_rate"].get<double>();
  EXPECT_EQ(note(plain, "survival_period_from_header"), nullptr);
  EXPECT_NEAR(monthly["inputs"]["annual_retention_rate"].get<double>(), std::pow(yearly_rate, 12),
              1e-12);
  const json* said = note(monthly, "survival_period_from_header");
  ASSERT_NE(said, nullptr);
  EXPECT_EQ((*said)["params"]["column"], "months");
  EXPECT_EQ((*said)["params"]["period"], "month");

  servimetrics::AnalyzeOptions chosen;
  chosen.period = "quarter";
  chosen.period_given = true;
  const json quarterly = analyze_text("months,active\n" + counts, chosen);
  EXPECT_EQ(note(quarterly, "survival_period_from_header"), nullptr);
  EXPECT_NEAR(quarterly["inputs"]["annual_retention_rate"].get<double>(), std::pow(yearly_rate, 4),
              1e-12);
  const json weekly = analyze_text("weeks,active\n" + counts);
  EXPECT_NEAR(weekly["inputs"]["annual_retention_rate"].get<double>(), std::pow(yearly_rate, 52),
              1e-12);
}

// Only a survival table's period: a subscriptions file keeps its own month grouping.
TEST(SurvivalPeriod, OtherKindsAreNotTouched) {
  servimetrics::ImportOptions import;
  import.kind = "subscriptions";
  const json answer = servimetrics::analyze_file(
      "customer_id,start_date,end_date\nA,2024-01-05,\nB,2024-02-01,2024-05-01\n", import, {});
  EXPECT_EQ(note(answer, "survival_period_from_header"), nullptr);
}

}  // namespace
