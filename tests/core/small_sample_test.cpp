// Issue 12, items 6, 7, 8 (CSAT) and 9: the NPS interval contains the NPS (MOVER with Wilson
// intervals: one promoter, all detractors, none, a mid case by hand, the published Cavo et al.
// example and random count triples); small samples warned on NPS, CSAT and count shares and
// flagged in survey and tickets tables; a forced scale most scores lie off is an error (and the
// CLI's exit status says so); CSAT counts beside a differing typed average; the time-to-market
// formula's month. Hand values come from an independent Python script of the same formulas.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <string>

#include "analyze/kind_analysis.hpp"
#include "column_table_builder.hpp"
#include "kind_answer_support.hpp"
#include "kpi/metrics.hpp"
#include "servimetrics/catalog.hpp"

namespace {

using namespace servimetrics::testing;
using servimetrics::AnalyzeOptions;

const json* warning(const json& kpi, std::string_view code) {
  for (const json& w : kpi["warnings"]) {
    if (w["code"] == std::string(code)) return &w;
  }
  return nullptr;
}

const json& nps_kpi(double promoters, double passives, double detractors, json& holder) {
  holder = compute_inputs(
      {{"promoters", promoters}, {"passives", passives}, {"detractors", detractors}});
  const json* kpi = find_kpi_answer(holder, "nps");
  static const json none = json::object();
  EXPECT_NE(kpi, nullptr) << holder.dump();
  return kpi != nullptr ? *kpi : none;
}

TEST(NpsInterval, OnePromoterIsContainedNotMinus48To98) {
  // Before: adjusted Wald gave -48.5 to 98.5 around an NPS of 100.
  json answer;
  const json& kpi = nps_kpi(1, 0, 0, answer);
  EXPECT_DOUBLE_EQ(kpi["value"].get<double>(), 100);
  EXPECT_NEAR(kpi["interval"]["low"].get<double>(), -12.210872068194, 1e-9);
  EXPECT_DOUBLE_EQ(kpi["interval"]["high"].get<double>(), 100);
  EXPECT_EQ(kpi["interval"]["method"], "mover_wilson");
  EXPECT_EQ(kpi["details"]["interval"]["method"], "mover_wilson");
  EXPECT_NE(str(kpi, "formula").find("MOVER"), std::string::npos);
  const json* small = warning(kpi, "small_sample");
  ASSERT_NE(small, nullptr) << kpi.dump();
  EXPECT_EQ((*small)["params"], json({{"cases", 1.0}, {"minimum", 30.0}}));
  EXPECT_EQ((*small)["kpi"], "nps");
}

TEST(NpsInterval, AllDetractors) {
  json answer;
  const json& kpi = nps_kpi(0, 0, 7, answer);
  EXPECT_DOUBLE_EQ(kpi["value"].get<double>(), -100);
  EXPECT_DOUBLE_EQ(kpi["interval"]["low"].get<double>(), -100);
  EXPECT_NEAR(kpi["interval"]["high"].get<double>(), -49.890109316713, 1e-9);
}

TEST(NpsInterval, NoRespondentsIsAnErrorNotNaN) {
  const json answer = compute_inputs({{"promoters", 0}, {"passives", 0}, {"detractors", 0}});
  EXPECT_EQ(find_kpi_answer(answer, "nps"), nullptr);
  const json* error = find_error(answer, "nps");
  ASSERT_NE(error, nullptr);
  EXPECT_EQ(str(*error, "code"), "nps_no_respondents");
}

TEST(NpsInterval, MidCaseByHand) {
  // 50 / 30 / 20 of 100: p = 0.5, d = 0.2; Wilson(50, 100) = [0.40383, 0.59617],
  // Wilson(20, 100) = [0.13316, 0.28863]; r = -sqrt(0.1 / 0.4) = -0.5;
  // low = 0.3 - sqrt(0.09617^2 + 0.08863^2 + 0.09617 * 0.08863) = 0.139745.
  json answer;
  const json& kpi = nps_kpi(50, 30, 20, answer);
  EXPECT_DOUBLE_EQ(kpi["value"].get<double>(), 30);
  EXPECT_NEAR(kpi["interval"]["low"].get<double>(), 13.974532728908, 1e-9);
  EXPECT_NEAR(kpi["interval"]["high"].get<double>(), 44.176156098898, 1e-9);
  EXPECT_EQ(kpi["warnings"], json::array());  // 100 respondents
}

TEST(NpsInterval, MoverMatchesThePublishedCavoExample) {
  // Fagerland, Lydersen & Laake, Statistical Analysis of Contingency Tables, ch. 8: the paired
  // table [[59, 6], [16, 80]] gives -0.0621 (95% CI -0.1186 to -0.0046) by Newcombe's
  // square-and-add. An NPS is the same method on the table [[0, P], [D, Q]].
  using namespace servimetrics;
  const double n = 161;
  const double p1 = 65 / n;
  const double p2 = 75 / n;
  const double psi = (59.0 * 80 - 6.0 * 16 - n / 2) / std::sqrt(65.0 * 96 * 75 * 86);
  const Interval ci = mover_difference(p1, wilson_interval(65, n), p2, wilson_interval(75, n), psi);
  EXPECT_NEAR(ci.low, -0.1186, 5e-5);
  EXPECT_NEAR(ci.high, -0.0046, 5e-5);
}

TEST(NpsInterval, AlwaysContainsTheScoreForRandomCounts) {
  std::mt19937 random(12);
  std::uniform_int_distribution<int> small(0, 40);
  std::uniform_int_distribution<int> large(0, 100000);
  for (int k = 0; k < 20000; ++k) {
    auto& pick = k % 4 == 0 ? large : small;
    const double p = pick(random);
    const double q = k % 3 == 0 ? 0 : pick(random);
    const double d = k % 5 == 0 ? 0 : pick(random);
    if (p + q + d == 0) continue;
    const auto score = servimetrics::nps(p, q, d);
    ASSERT_TRUE(score.ok());
    const auto& s = score.value();
    ASSERT_LE(s.low, s.score) << p << "/" << q << "/" << d;
    ASSERT_GE(s.high, s.score) << p << "/" << q << "/" << d;
    ASSERT_GE(s.low, -100);
    ASSERT_LE(s.high, 100);
  }
}

TEST(SmallSample, ShareOfFewCountedCasesWarnsAndThirtyDoesNot) {
  const json few = compute_inputs({{"online_inquiries", 29}, {"replied_within_1h", 20}});
  const json* kpi = find_kpi_answer(few, "reply_within_1h_rate");
  ASSERT_NE(kpi, nullptr);
  const json* small = warning(*kpi, "small_sample");
  ASSERT_NE(small, nullptr) << kpi->dump();
  EXPECT_DOUBLE_EQ((*small)["params"]["cases"].get<double>(), 29);
  const json enough = compute_inputs({{"online_inquiries", 30}, {"replied_within_1h", 20}});
  EXPECT_EQ((*find_kpi_answer(enough, "reply_within_1h_rate"))["warnings"], json::array());
  // A share of money is not a count of cases.
  const json money =
      compute_inputs({{"recurring_revenue_start", 20}, {"recurring_revenue_lost", 2}});
  EXPECT_EQ((*find_kpi_answer(money, "revenue_churn_rate"))["warnings"], json::array());
  const json churn = compute_inputs({{"customers_start", 12}, {"customers_lost", 1}});
  const json* churn_kpi = find_kpi_answer(churn, "churn_rate");
  ASSERT_NE(churn_kpi, nullptr);
  EXPECT_NE(warning(*churn_kpi, "small_sample"), nullptr) << churn_kpi->dump();
}

TEST(SmallSample, CsatFromFewCounts) {
  const json few = compute_inputs({{"csat_score_counts", {0, 1, 3, 10, 15}}});  // 29
  EXPECT_NE(warning(*find_kpi_answer(few, "csat"), "small_sample"), nullptr);
  const json enough = compute_inputs({{"csat_score_counts", {0, 1, 3, 10, 16}}});  // 30
  EXPECT_EQ((*find_kpi_answer(enough, "csat"))["warnings"], json::array());
}

TEST(CsatAverage, DiffersFromTheCountsItIsShownBesideThem) {
  // Counts 2, 3, 10, 40, 45: mean 4.23; typed 3.9 was ignored without a word before.
  const json answer =
      compute_inputs({{"csat_score_counts", {2, 3, 10, 40, 45}}, {"csat_average", 3.9}});
  const json* kpi = find_kpi_answer(answer, "csat");
  ASSERT_NE(kpi, nullptr);
  EXPECT_DOUBLE_EQ((*kpi)["value"].get<double>(), 4.23);
  const json* differs = warning(*kpi, "csat_average_differs");
  ASSERT_NE(differs, nullptr) << kpi->dump();
  EXPECT_DOUBLE_EQ((*differs)["params"]["typed_average"].get<double>(), 3.9);
  EXPECT_DOUBLE_EQ((*differs)["params"]["counts_average"].get<double>(), 4.23);
  EXPECT_DOUBLE_EQ((*differs)["params"]["respondents"].get<double>(), 100);
  EXPECT_EQ((*differs)["input"], "csat_average");
}

TEST(CsatAverage, EqualWithinRoundingIsNoWarning) {
  // 4.23 typed as 4.2 (one decimal) or 4.23: the same number rounded; 4.3 and 4.24 are not.
  for (const double typed : {4.2, 4.23, 4.0 + 0.23}) {
    const json answer =
        compute_inputs({{"csat_score_counts", {2, 3, 10, 40, 45}}, {"csat_average", typed}});
    EXPECT_EQ((*find_kpi_answer(answer, "csat"))["warnings"], json::array()) << typed;
  }
  for (const double typed : {4.3, 4.24, 4.0}) {
    const json answer =
        compute_inputs({{"csat_score_counts", {2, 3, 10, 40, 45}}, {"csat_average", typed}});
    EXPECT_NE(warning(*find_kpi_answer(answer, "csat"), "csat_average_differs"), nullptr) << typed;
  }
}

// A 0-10 file: 100 responses, 5 of them 1-5 (the rest 0 or 6-10).
std::vector<double> zero_to_ten_scores() {
  std::vector<double> scores;
  for (int i = 0; i < 95; ++i) scores.push_back(i % 2 == 0 ? 9 : (i % 3 == 0 ? 0 : 7));
  for (const double s : {4, 5, 4, 4, 4}) scores.push_back(s);
  return scores;
}

TEST(ScoresOutsideScale, ForcedCsatOnAZeroToTenFileIsAnError) {
  AnalyzeOptions options;
  options.scale = "csat";
  const json answer = servimetrics::analyze_survey_table(
      ColumnTableBuilder("survey").numbers("score", zero_to_ten_scores()).build(), options);
  // Before: CSAT 4.2 "good" from 5 of 100 responses.
  EXPECT_EQ(find_kpi_answer(answer, "csat"), nullptr) << answer.dump();
  ASSERT_EQ(answer["errors"].size(), 1u) << answer.dump();
  const json& error = answer["errors"][0];
  EXPECT_EQ(error["code"], "scores_outside_scale");
  EXPECT_EQ(error["kpi"], "csat");
  EXPECT_EQ(error["params"], json({{"kpi", "csat"},
                                   {"field", "score"},
                                   {"scale", "csat"},
                                   {"outside", 95},
                                   {"total", 100},
                                   {"low", 1},
                                   {"high", 5}}));
  EXPECT_EQ(find_table(answer, "csat_distribution"), nullptr);
  EXPECT_EQ(find_note(answer, "no_scores"), nullptr);  // the error says why, not "no column"
}

TEST(ScoresOutsideScale, AtAFifthTheyAreLeftOutAndNoted) {
  AnalyzeOptions options;
  options.scale = "csat";
  // 2 of 10 off the scale: exactly a fifth, kept; 3 of 10 is more than a fifth.
  const json kept = servimetrics::analyze_survey_table(
      ColumnTableBuilder("survey").numbers("score", {5, 4, 4, 4, 4, 4, 4, 4, 9, 0}).build(),
      options);
  EXPECT_EQ(kept["errors"].size(), 0u) << kept.dump();
  EXPECT_DOUBLE_EQ(kpi_value(kept, "csat"), 33.0 / 8);
  EXPECT_DOUBLE_EQ(measure(kept, "scores_out_of_range"), 2);
  EXPECT_NE(find_note(kept, "scores_out_of_range"), nullptr);
  const json dropped = servimetrics::analyze_survey_table(
      ColumnTableBuilder("survey").numbers("score", {5, 4, 4, 4, 4, 4, 4, 10, 9, 0}).build(),
      options);
  ASSERT_EQ(dropped["errors"].size(), 1u);
  EXPECT_EQ(dropped["errors"][0]["params"]["outside"], 3);
}

TEST(ScoresOutsideScale, TheCliExitsWithTheErrorStatus) {
  const std::string path =
      ::testing::TempDir() + "servimetrics_scale_" + std::to_string(::getpid()) + ".csv";
  {
    std::ofstream file(path, std::ios::binary);
    file << "score\n";
    for (const double s : zero_to_ten_scores()) file << s << "\n";
  }
  const std::string run = std::string("'") + SERVIMETRICS_CLI + "' analyze --kind survey ";
  const int forced = std::system((run + "--scale csat '" + path + "' >/dev/null 2>&1").c_str());
  ASSERT_TRUE(WIFEXITED(forced));
  EXPECT_EQ(WEXITSTATUS(forced), 1);  // an answer with errors, like every other
  const int detected = std::system((run + "'" + path + "' >/dev/null 2>&1").c_str());
  ASSERT_TRUE(WIFEXITED(detected));
  EXPECT_EQ(WEXITSTATUS(detected), 0);  // read as NPS, as detected
  std::remove(path.c_str());
}

TEST(SmallSample, SurveyTrendAndSegmentRowsAreFlagged) {
  // January: 30 scores; February: 3; segment a: 31, b: 2.
  std::vector<double> scores(33, 9);
  std::vector<servimetrics::Timestamp> dates(30, at(2024, 1, 10));
  dates.insert(dates.end(), 3, at(2024, 2, 10));
  std::vector<std::string_view> segments(31, "a");
  segments.insert(segments.end(), 2, "b");
  const json answer = servimetrics::analyze_survey_table(ColumnTableBuilder("survey")
                                                             .numbers("nps_score", scores)
                                                             .dates("date", dates)
                                                             .texts("segment", segments)
                                                             .build(),
                                                         {});
  expect_valid_kind_answer(answer);
  const json* trend = find_table(answer, "trend");
  ASSERT_NE(trend, nullptr);
  EXPECT_EQ((*trend)["columns"].back(), "small_sample");
  EXPECT_EQ((*trend)["units"].back(), "flag");
  EXPECT_EQ(cell(*trend, 0, "small_sample"), false);
  EXPECT_EQ(cell(*trend, 1, "small_sample"), true);
  const json* segment = find_table(answer, "by_segment");
  ASSERT_NE(segment, nullptr);
  EXPECT_EQ(cell(*segment, 0, "small_sample"), false);
  EXPECT_EQ(cell(*segment, 1, "small_sample"), true);
  // 33 respondents overall: the NPS card has no warning.
  EXPECT_EQ((*find_kpi_answer(answer, "nps"))["warnings"], json::array());
}

TEST(SmallSample, TicketChannelRowsAreFlagged) {
  // web: 30 tickets answered in 30 minutes; phone: 5.
  std::vector<std::string_view> channels(30, "web");
  channels.insert(channels.end(), 5, "phone");
  std::vector<servimetrics::Timestamp> created;
  std::vector<servimetrics::Timestamp> first;
  for (int i = 0; i < 35; ++i) {
    created.push_back(at(2024, 3, 1) + i * 3600);
    first.push_back(created.back() + 1800);
  }
  const json answer = servimetrics::analyze_tickets_table(ColumnTableBuilder("tickets")
                                                              .texts("channel", channels)
                                                              .dates("created", created)
                                                              .dates("first_response", first)
                                                              .build(),
                                                          {});
  expect_valid_kind_answer(answer);
  const json* by_channel = find_table(answer, "by_channel");
  ASSERT_NE(by_channel, nullptr);
  EXPECT_EQ(cell(*by_channel, 0, "channel"), "web");
  EXPECT_EQ(cell(*by_channel, 0, "small_sample"), false);
  EXPECT_EQ(cell(*by_channel, 1, "channel"), "phone");
  EXPECT_EQ(cell(*by_channel, 1, "small_sample"), true);
}

TEST(TimeToMarket, FormulaStatesTheMonthTheCodeUses) {
  const servimetrics::KpiSpec* spec = servimetrics::find_kpi("time_to_market_months");
  ASSERT_NE(spec, nullptr);
  EXPECT_NE(spec->formula.find("/ 30.436875"), std::string::npos) << spec->formula;
  EXPECT_DOUBLE_EQ(servimetrics::kDaysPerMonth, 30.436875);
  // 2024-01-01 to 2024-04-01 is 91 days: 91 / 30.436875 months.
  const json answer = compute_inputs({{"idea_date", "2024-01-01"}, {"launch_date", "2024-04-01"}});
  EXPECT_DOUBLE_EQ(kpi_value(answer, "time_to_market_months"), 91 / 30.436875);
}

}  // namespace
