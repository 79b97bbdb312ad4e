// analyze_survey_table(): NPS and its interval from 10 hand-counted answers, CSAT average and
// top-2-box, the generic score column's scale (detected and forced), scores outside the scale,
// distributions, the trend per month and per segment, the call-back list, and the edges: no rows,
// blank scores, a single row, and a million rows. Intervals were computed with Python from the
// MOVER-Wilson formula (small_sample_test.cpp states it).
#include <gtest/gtest.h>

#include <string>

#include "analyze/kind_analysis.hpp"
#include "column_table_builder.hpp"
#include "kind_answer_support.hpp"

namespace {

using namespace servimetrics::testing;
using servimetrics::analyze_survey_table;
using servimetrics::AnalyzeOptions;
using servimetrics::kNoTime;

TEST(AnalyzeSurvey, TenAnswersGiveNpsTwentyWithItsInterval) {
  // Promoters 10, 10, 9, 9, 9; passives 8, 7; detractors 6, 3, 0: 100 * (5 - 3) / 10 = 20.
  const json answer = analyze_survey_table(
      ColumnTableBuilder("survey").numbers("nps_score", {10, 10, 9, 9, 9, 8, 7, 6, 3, 0}).build(),
      {});
  expect_valid_kind_answer(answer);
  EXPECT_EQ(answer["errors"].size(), 0u) << answer.dump();
  EXPECT_DOUBLE_EQ(kpi_value(answer, "nps"), 20);
  const json* kpi = find_kpi_answer(answer, "nps");
  ASSERT_NE(kpi, nullptr);
  EXPECT_NEAR((*kpi)["interval"]["low"].get<double>(), -31.565688822336, 1e-9);
  EXPECT_NEAR((*kpi)["interval"]["high"].get<double>(), 61.547137078814, 1e-9);
  EXPECT_EQ(answer["inputs"], json({{"promoters", 5}, {"passives", 2}, {"detractors", 3}}));
  EXPECT_DOUBLE_EQ(measure(answer, "responses"), 10);
  EXPECT_DOUBLE_EQ(measure(answer, "nps_responses"), 10);
  EXPECT_DOUBLE_EQ(measure(answer, "scores_out_of_range"), 0);
  EXPECT_EQ(find_kpi_answer(answer, "csat"), nullptr);

  const json* dist = find_table(answer, "nps_distribution");
  ASSERT_NE(dist, nullptr);
  ASSERT_EQ(table_rows(*dist), 11u);
  EXPECT_EQ(cell(*dist, 0, "score"), 0);
  EXPECT_EQ(cell(*dist, 0, "count"), 1);
  EXPECT_DOUBLE_EQ(cell(*dist, 9, "share").get<double>(), 0.3);
  EXPECT_EQ(cell(*dist, 5, "count"), 0);
  EXPECT_DOUBLE_EQ(cell(*dist, 5, "share").get<double>(), 0);

  // Scores 3 and 0 are under 4: two call-backs, undated, in file order.
  const json* calls = find_table(answer, "callbacks");
  ASSERT_NE(calls, nullptr);
  ASSERT_EQ(table_rows(*calls), 2u);
  EXPECT_EQ(cell(*calls, 0, "line"), 10);
  EXPECT_EQ(cell(*calls, 0, "score"), 3);
  EXPECT_EQ(cell(*calls, 1, "score"), 0);
  EXPECT_TRUE(cell(*calls, 0, "call_by").is_null());
  EXPECT_NE(find_note(answer, "callback_rule"), nullptr);
  EXPECT_EQ(find_table(answer, "trend"), nullptr);  // no date column
}

TEST(AnalyzeSurvey, CsatAverageTopTwoBoxAndCallBacksMostRecentFirst) {
  // 5, 5, 4, 4, 4, 3, 2, 1: mean 28 / 8 = 3.5; top-2-box 5 / 8 = 0.625.
  const json answer = analyze_survey_table(
      ColumnTableBuilder("survey")
          .numbers("csat_score", {5, 5, 4, 4, 4, 3, 2, 1})
          .dates("date", {at(2024, 1, 3), at(2024, 1, 9), at(2024, 1, 20), at(2024, 2, 1),
                          at(2024, 2, 2), at(2024, 2, 3), at(2024, 1, 15, 9, 30), at(2024, 2, 10)})
          .texts("respondent_id", {"r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8"})
          .texts("contact", {"", "", "", "", "", "", "r7@example.com", ""})
          .texts("comment", {"", "", "", "", "", "", "slow", "rude"})
          .build(),
      {});
  expect_valid_kind_answer(answer);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "csat"), 3.5);
  EXPECT_EQ(kpi_band(answer, "csat"), "bad");
  EXPECT_DOUBLE_EQ(measure(answer, "csat_average"), 3.5);
  EXPECT_DOUBLE_EQ(measure(answer, "csat_top2_share"), 0.625);
  EXPECT_EQ(answer["inputs"]["csat_score_counts"], json({1, 1, 1, 3, 2}));
  EXPECT_EQ(find_kpi_answer(answer, "nps"), nullptr);

  // Under 4 is called back, as the catalog says for CSAT: 1 (Feb 10), 3 (Feb 3), 2 (Jan 15 09:30).
  const json* calls = find_table(answer, "callbacks");
  ASSERT_NE(calls, nullptr);
  ASSERT_EQ(table_rows(*calls), 3u);
  EXPECT_EQ(cell(*calls, 0, "respondent_id"), "r8");
  EXPECT_EQ(cell(*calls, 0, "date"), "2024-02-10");
  EXPECT_EQ(cell(*calls, 0, "call_by"), "2024-02-11 00:00:00");
  EXPECT_TRUE(cell(*calls, 0, "contact").is_null());
  EXPECT_EQ(cell(*calls, 0, "comment"), "rude");
  EXPECT_EQ(cell(*calls, 0, "scale"), "csat");
  EXPECT_EQ(cell(*calls, 1, "respondent_id"), "r6");
  EXPECT_EQ(cell(*calls, 1, "date"), "2024-02-03");
  EXPECT_EQ(cell(*calls, 2, "line"), 8);
  EXPECT_EQ(cell(*calls, 2, "contact"), "r7@example.com");
  EXPECT_EQ(cell(*calls, 2, "date"), "2024-01-15 09:30:00");
  EXPECT_EQ(cell(*calls, 2, "call_by"), "2024-01-16 09:30:00");

  // January: 5, 5, 4, 2 -> 4.0; February: 4, 4, 3, 1 -> 3.0.
  const json* trend = find_table(answer, "trend");
  ASSERT_NE(trend, nullptr);
  ASSERT_EQ(table_rows(*trend), 2u);
  EXPECT_EQ((*trend)["columns"], json({"period", "responses", "csat_average", "small_sample"}));
  EXPECT_EQ(cell(*trend, 0, "period"), "2024-01");
  EXPECT_EQ(cell(*trend, 0, "responses"), 4);
  EXPECT_DOUBLE_EQ(cell(*trend, 0, "csat_average").get<double>(), 4.0);
  EXPECT_EQ(cell(*trend, 1, "period"), "2024-02");
  EXPECT_DOUBLE_EQ(cell(*trend, 1, "csat_average").get<double>(), 3.0);
}

TEST(AnalyzeSurvey, TrendByQuarterAndBySegmentWithNps) {
  AnalyzeOptions options;
  options.period = "quarter";
  // Q1: 10, 9, 0 (2 promoters, 1 detractor) -> 33.3; Q2: 7, 8 -> 0; undated 10 counts in totals.
  const json answer = analyze_survey_table(
      ColumnTableBuilder("survey")
          .numbers("nps_score", {10, 9, 0, 7, 8, 10})
          .dates("date", {at(2024, 1, 3), at(2024, 3, 31, 23, 59), at(2024, 2, 1), at(2024, 4, 1),
                          at(2024, 6, 30), kNoTime})
          .texts("segment", {"north", "south", "north", "north", "", "south"})
          .build(),
      options);
  expect_valid_kind_answer(answer);
  EXPECT_NEAR(kpi_value(answer, "nps"), 100.0 * (3 - 1) / 6, 1e-12);
  const json* trend = find_table(answer, "trend");
  ASSERT_NE(trend, nullptr);
  ASSERT_EQ(table_rows(*trend), 2u);
  EXPECT_EQ((*trend)["columns"],
            json({"period", "responses", "nps", "nps_low", "nps_high", "small_sample"}));
  EXPECT_EQ(cell(*trend, 0, "period"), "2024-Q1");
  EXPECT_EQ(cell(*trend, 0, "responses"), 3);
  EXPECT_NEAR(cell(*trend, 0, "nps").get<double>(), 100.0 / 3, 1e-12);
  EXPECT_NEAR(cell(*trend, 0, "nps_low").get<double>(), -58.46807983959, 1e-9);
  EXPECT_NEAR(cell(*trend, 0, "nps_high").get<double>(), 87.701611055921, 1e-9);
  EXPECT_EQ(cell(*trend, 0, "small_sample"), true);  // 3 scores
  EXPECT_EQ(cell(*trend, 1, "period"), "2024-Q2");
  EXPECT_DOUBLE_EQ(cell(*trend, 1, "nps").get<double>(), 0);
  EXPECT_NE(find_note(answer, "undated_responses"), nullptr);

  // north: 10, 0, 7 -> 0; south: 9, 10 -> 100; blank: 8 -> 0; by responses, then name.
  const json* segments = find_table(answer, "by_segment");
  ASSERT_NE(segments, nullptr);
  ASSERT_EQ(table_rows(*segments), 3u);
  EXPECT_EQ(cell(*segments, 0, "segment"), "north");
  EXPECT_EQ(cell(*segments, 0, "responses"), 3);
  EXPECT_DOUBLE_EQ(cell(*segments, 0, "nps").get<double>(), 0);
  EXPECT_EQ(cell(*segments, 1, "segment"), "south");
  EXPECT_DOUBLE_EQ(cell(*segments, 1, "nps").get<double>(), 100);
  EXPECT_TRUE(cell(*segments, 2, "segment").is_null());
  EXPECT_EQ(cell(*segments, 2, "responses"), 1);
}

TEST(AnalyzeSurvey, UnknownPeriodFallsBackToMonths) {
  AnalyzeOptions options;
  options.period = "week";
  const json answer = analyze_survey_table(ColumnTableBuilder("survey")
                                               .numbers("nps_score", {9, 10})
                                               .dates("date", {at(2024, 1, 31), at(2024, 2, 1)})
                                               .build(),
                                           options);
  expect_valid_kind_answer(answer);
  EXPECT_NE(find_note(answer, "unknown_period"), nullptr);
  const json* trend = find_table(answer, "trend");
  ASSERT_NE(trend, nullptr);
  ASSERT_EQ(table_rows(*trend), 2u);
  EXPECT_EQ(cell(*trend, 1, "period"), "2024-02");
}

TEST(AnalyzeSurvey, GenericScoreReadAsCsatWhenAllWithinOneToFive) {
  const json answer =
      analyze_survey_table(ColumnTableBuilder("survey").numbers("score", {1, 5, 4, 4}).build(), {});
  expect_valid_kind_answer(answer);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "csat"), 3.5);
  EXPECT_EQ(find_kpi_answer(answer, "nps"), nullptr);
  EXPECT_NE(note_message(answer, "score_scale").find("CSAT"), std::string::npos);
}

TEST(AnalyzeSurvey, GenericScoreReadAsNpsWhenAZeroOrSixToTenAppears) {
  for (const double telling : {0.0, 6.0, 10.0}) {
    const json answer = analyze_survey_table(
        ColumnTableBuilder("survey").numbers("score", {1, 5, 4, telling}).build(), {});
    expect_valid_kind_answer(answer);
    EXPECT_NE(find_kpi_answer(answer, "nps"), nullptr) << telling;
    EXPECT_EQ(find_kpi_answer(answer, "csat"), nullptr) << telling;
    EXPECT_NE(note_message(answer, "score_scale").find("NPS"), std::string::npos);
  }
}

TEST(AnalyzeSurvey, ScaleOptionForcesTheGenericScore) {
  AnalyzeOptions options;
  options.scale = "nps";
  // 1, 5, 4, 4 on 0-10: four detractors -> -100.
  const json answer = analyze_survey_table(
      ColumnTableBuilder("survey").numbers("score", {1, 5, 4, 4}).build(), options);
  expect_valid_kind_answer(answer);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "nps"), -100);
  EXPECT_NE(note_message(answer, "score_scale").find("scale option"), std::string::npos);

  options.scale = "csat";
  const json csat = analyze_survey_table(
      ColumnTableBuilder("survey").numbers("score", {1, 5, 9, 3, 3}).build(), options);
  expect_valid_kind_answer(csat);
  EXPECT_DOUBLE_EQ(kpi_value(csat, "csat"), 3);  // 9 is out of the 1-5 scale: 1 of 5 is kept
  EXPECT_DOUBLE_EQ(measure(csat, "scores_out_of_range"), 1);

  options.scale = "stars";
  const json unknown =
      analyze_survey_table(ColumnTableBuilder("survey").numbers("score", {4, 5}).build(), options);
  EXPECT_NE(find_note(unknown, "unknown_scale"), nullptr);
  EXPECT_NE(find_kpi_answer(unknown, "csat"), nullptr);
}

TEST(AnalyzeSurvey, GenericScoreBesideADedicatedColumnIsNotUsedTwice) {
  const json answer = analyze_survey_table(
      ColumnTableBuilder("survey").numbers("nps_score", {10, 9}).numbers("score", {0, 3}).build(),
      {});
  expect_valid_kind_answer(answer);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "nps"), 100);
  EXPECT_NE(find_note(answer, "score_ignored"), nullptr);
}

TEST(AnalyzeSurvey, BothScalesInOneFile) {
  const json answer = analyze_survey_table(ColumnTableBuilder("survey")
                                               .numbers("nps_score", {10, 2, kBlankNumber})
                                               .numbers("csat_score", {5, 1, 2})
                                               .build(),
                                           {});
  expect_valid_kind_answer(answer);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "nps"), 0);
  EXPECT_NEAR(kpi_value(answer, "csat"), 8.0 / 3, 1e-12);
  const json* calls = find_table(answer, "callbacks");
  ASSERT_NE(calls, nullptr);
  ASSERT_EQ(table_rows(*calls), 2u);  // listed once each: by NPS 2, then by CSAT 2
  EXPECT_EQ(cell(*calls, 0, "scale"), "nps");
  EXPECT_EQ(cell(*calls, 0, "score"), 2);
  EXPECT_EQ(cell(*calls, 1, "scale"), "csat");
  EXPECT_EQ(cell(*calls, 1, "score"), 2);
}

TEST(AnalyzeSurvey, ScoresOutsideTheScaleAreCountedAndTheirLinesListed) {
  // 11, 7.5 and -1 are not 0-10 whole numbers (3 of 15, under a fifth); of the 12 left, 6
  // promoters and 6 detractors.
  const json answer = analyze_survey_table(
      ColumnTableBuilder("survey")
          .numbers("nps_score", {11, 9, 7.5, -1, 6, 9, 9, 9, 9, 9, 6, 6, 6, 6, 6})
          .lines({5, 6, 9, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23})
          .build(),
      {});
  expect_valid_kind_answer(answer);
  EXPECT_DOUBLE_EQ(measure(answer, "scores_out_of_range"), 3);
  EXPECT_DOUBLE_EQ(measure(answer, "nps_responses"), 12);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "nps"), 0);
  const std::string message = note_message(answer, "scores_out_of_range");
  EXPECT_NE(message.find("lines 5, 9 and 12"), std::string::npos) << message;
}

TEST(AnalyzeSurvey, ManyBadScoresListTheFirstTwentyLines) {
  // 45 of 225 off the scale: exactly a fifth, so left out and listed, not an error.
  std::vector<double> scores(45, 12);
  scores.insert(scores.end(), 180, 9);
  const json answer =
      analyze_survey_table(ColumnTableBuilder("survey").numbers("nps_score", scores).build(), {});
  expect_valid_kind_answer(answer);
  EXPECT_DOUBLE_EQ(measure(answer, "scores_out_of_range"), 45);
  const std::string message = note_message(answer, "scores_out_of_range");
  EXPECT_NE(message.find("lines 2, 3, 4,"), std::string::npos) << message;
  EXPECT_NE(message.find(", 21 and 25 more"), std::string::npos) << message;
  EXPECT_EQ(message.find(" 22"), std::string::npos) << message;
}

TEST(AnalyzeSurvey, NoRowsAnswersWithANoteAndNoKpis) {
  const json answer =
      analyze_survey_table(ColumnTableBuilder("survey").numbers("nps_score", {}).build(), {});
  expect_valid_kind_answer(answer);
  EXPECT_EQ(answer["kpis"].size(), 0u);
  EXPECT_EQ(answer["errors"].size(), 0u);
  EXPECT_NE(find_note(answer, "no_rows"), nullptr);
}

TEST(AnalyzeSurvey, AllBlankScoresGiveNotesNotKpis) {
  const json answer = analyze_survey_table(ColumnTableBuilder("survey")
                                               .numbers("nps_score", {kBlankNumber, kBlankNumber})
                                               .numbers("csat_score", {kBlankNumber, kBlankNumber})
                                               .dates("date", {kNoTime, kNoTime})
                                               .texts("segment", {"", ""})
                                               .build(),
                                           {});
  expect_valid_kind_answer(answer);
  EXPECT_EQ(answer["kpis"].size(), 0u);
  EXPECT_EQ(answer["errors"].size(), 0u) << answer.dump();
  EXPECT_NE(find_note(answer, "no_nps_scores"), nullptr);
  EXPECT_NE(find_note(answer, "no_csat_scores"), nullptr);
  EXPECT_NE(find_note(answer, "rows_without_score"), nullptr);
  EXPECT_EQ(table_rows(*find_table(answer, "trend")), 0u);
  EXPECT_EQ(table_rows(*find_table(answer, "callbacks")), 0u);

  const json blank_generic = analyze_survey_table(
      ColumnTableBuilder("survey").numbers("score", {kBlankNumber}).build(), {});
  expect_valid_kind_answer(blank_generic);
  EXPECT_NE(find_note(blank_generic, "score_blank"), nullptr);
  EXPECT_NE(find_note(blank_generic, "no_scores"), nullptr);
}

TEST(AnalyzeSurvey, SingleResponse) {
  const json answer = analyze_survey_table(ColumnTableBuilder("survey")
                                               .numbers("nps_score", {3})
                                               .dates("date", {at(2024, 5, 31, 22)})
                                               .build(),
                                           {});
  expect_valid_kind_answer(answer);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "nps"), -100);
  const json* calls = find_table(answer, "callbacks");
  ASSERT_NE(calls, nullptr);
  EXPECT_EQ(cell(*calls, 0, "call_by"), "2024-06-01 22:00:00");
}

TEST(AnalyzeSurvey, CallBacksAreCappedAtAThousandWithTheirTotal) {
  std::vector<double> scores(1500, 1);
  std::vector<servimetrics::Timestamp> dates;
  dates.reserve(1500);
  for (servimetrics::Timestamp i = 0; i < 1500; ++i) dates.push_back(at(2024, 1, 1) + i * 60);
  const json answer = analyze_survey_table(
      ColumnTableBuilder("survey").numbers("nps_score", scores).dates("date", dates).build(), {});
  expect_valid_kind_answer(answer);
  const json* calls = find_table(answer, "callbacks");
  ASSERT_NE(calls, nullptr);
  EXPECT_EQ(table_rows(*calls), 1000u);
  EXPECT_EQ((*calls)["total_rows"], 1500);
  EXPECT_EQ(cell(*calls, 0, "line"), 1501);  // the latest response
  EXPECT_EQ(cell(*calls, 999, "line"), 502);
}

TEST(AnalyzeSurvey, AMillionResponsesInOnePass) {
  constexpr std::size_t kRows = 1'000'000;
  ColumnTableBuilder builder("survey");
  auto& nps = builder.column("nps_score").numbers;
  auto& dates = builder.column("date").times;
  auto& segment = builder.column("segment");
  const std::uint32_t codes[] = {segment.dictionary.code("north"), segment.dictionary.code("south"),
                                 segment.dictionary.code("east")};
  nps.reserve(kRows);
  dates.reserve(kRows);
  segment.codes.reserve(kRows);
  const servimetrics::Timestamp start = at(2020, 1, 1);
  for (std::size_t i = 0; i < kRows; ++i) {
    nps.push_back(static_cast<double>(i % 11));
    dates.push_back(start + static_cast<servimetrics::Timestamp>(i) * 120);
    segment.codes.push_back(codes[i % 3]);
  }
  const json answer = analyze_survey_table(builder.build(), {});
  expect_valid_kind_answer(answer);
  // Scores 0..10 equally often (1,000,000 = 11 * 90,909 + 1, the extra one a 0): 2 promoters
  // and 7 detractors in every 11.
  EXPECT_DOUBLE_EQ(measure(answer, "nps_responses"), 1e6);
  EXPECT_NEAR(kpi_value(answer, "nps"), 100.0 * (2 * 90909.0 - (7 * 90909.0 + 1)) / 1e6, 1e-9);
  EXPECT_EQ((*find_table(answer, "callbacks"))["total_rows"], 4 * 90909 + 1);
}

}  // namespace
