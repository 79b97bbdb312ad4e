// fit_models(), the coarse JSON entry of the models layer: bad input gives coded errors and
// warnings, never NaN; a transactions file becomes the papers' customer summaries; a survival
// table and durations give the sBG and Kaplan-Meier answers.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "column_table_builder.hpp"
#include "models_test_support.hpp"
#include "servimetrics/import_session.hpp"
#include "servimetrics/models.hpp"

namespace {

using nlohmann::json;
using servimetrics::fit_models;
using servimetrics::testing::at;
using servimetrics::testing::ColumnTableBuilder;

json fit(const std::string& text) {
  return json::parse(fit_models(std::string_view(text)));
}

std::string first_code(const json& answer) {
  return answer["errors"].empty() ? "" : answer["errors"][0]["code"].get<std::string>();
}

bool has_warning(const json& model, const std::string& code) {
  for (const json& w : model["warnings"])
    if (w["code"] == code) return true;
  return false;
}

TEST(ModelsEntry, BadRequestsAreCodedErrors) {
  EXPECT_EQ(first_code(fit("")), "invalid_json");
  EXPECT_EQ(first_code(fit("[]")), "models_bad_request");
  EXPECT_EQ(first_code(fit("{}")), "models_no_data");
  EXPECT_EQ(first_code(fit(R"({"models": ["magic"], "customers": {"x": []}})")),
            "models_unknown_model");
  EXPECT_EQ(first_code(fit(R"({"time_unit": "fortnight", "survival": [10, 5]})")),
            "models_bad_option");
  EXPECT_EQ(first_code(fit(R"({"discount_rate": -1, "survival": [10, 5]})")), "models_bad_option");
  EXPECT_EQ(first_code(fit(R"({"customers": {"x": [1], "t_x": [2]}})")), "models_bad_column");
  EXPECT_EQ(first_code(fit(R"({"customers": {"x": [1], "t_x": ["a"], "T": [3]}})")),
            "models_bad_value");
  // t_x after T, a fractional x, recency without a repeat purchase.
  for (const char* bad : {R"({"customers": {"x": [1], "t_x": [4], "T": [3]}})",
                          R"({"customers": {"x": [1.5], "t_x": [1], "T": [3]}})",
                          R"({"customers": {"x": [0], "t_x": [1], "T": [3]}})"}) {
    EXPECT_EQ(first_code(fit(bad)), "models_bad_summary") << bad;
  }
  EXPECT_EQ(first_code(fit(R"({"customers": {"x": [], "t_x": [], "T": []}})")),
            "models_no_customers");
}

TEST(ModelsEntry, NoRepeatBuyersIsAnErrorPerModelNotANaN) {
  const json answer = fit(R"({"customers": {"x": [0, 0, 0], "t_x": [0, 0, 0], "T": [5, 8, 9]}})");
  ASSERT_EQ(answer["errors"].size(), 3u);
  for (const json& e : answer["errors"]) EXPECT_EQ(e["code"], "models_no_repeat_buyers");
  EXPECT_TRUE(answer["models"].empty());
  EXPECT_EQ(answer["customers"].size(), 3u);  // the summaries are still listed
  EXPECT_EQ(answer.dump().find("nan"), std::string::npos);
}

TEST(ModelsEntry, OneCustomerIsFittedWithAWarningAndNoNaN) {
  const json answer =
      fit(R"({"customers": {"id": ["c1"], "x": [3], "t_x": [20], "T": [30], "mean_spend": [12]}})");
  EXPECT_TRUE(answer["errors"].empty()) << answer.dump();
  ASSERT_EQ(answer["models"].size(), 3u);
  for (const json& m : answer["models"]) {
    EXPECT_TRUE(has_warning(m, "models_few_customers")) << m.dump();
    for (const auto& [name, v] : m["params"].items()) EXPECT_TRUE(v.is_null() || v.is_number());
  }
  const std::string text = answer.dump();
  EXPECT_EQ(text.find("nan"), std::string::npos);
  EXPECT_EQ(text.find("inf"), std::string::npos);
}

TEST(ModelsEntry, EveryoneBuyingOnOneDay) {
  // Five customers, all first (and only) buying on the calibration's last day: T = 0.
  const json answer =
      fit(R"({"customers": {"x": [0,0,0,0,0], "t_x": [0,0,0,0,0], "T": [0,0,0,0,0]}})");
  EXPECT_EQ(first_code(answer), "models_no_repeat_buyers");
  EXPECT_EQ(answer.dump().find("nan"), std::string::npos);
}

TEST(ModelsEntry, SurvivalTableGivesTheSbgAndItsProjection) {
  const json answer = fit(R"({"survival": [1000, 631, 468, 382, 326, 289, 262, 241],
                              "discount_rate": 0.1, "payment": 100})");
  ASSERT_TRUE(answer["errors"].empty()) << answer.dump();
  ASSERT_EQ(answer["models"].size(), 1u);
  EXPECT_EQ(answer["models"][0]["name"], "sbg");
  EXPECT_NEAR(answer["models"][0]["params"]["alpha"].get<double>(), 0.704, 0.0005);
  const json& rows = answer["retention"]["rows"];
  EXPECT_EQ(rows.size(), 16u);        // periods 0..15: the 7 seen and as many again
  EXPECT_TRUE(rows[9][3].is_null());  // no observation beyond year 7
  EXPECT_GT(answer["retention"]["expected_lifetime_value"].get<double>(), 100);
  EXPECT_EQ(first_code(fit(R"({"survival": [100, 120, 90]})")), "models_bad_survival");
  EXPECT_EQ(first_code(fit(R"({"survival": [100, 100, 100]})")), "models_bad_survival");
  EXPECT_EQ(first_code(fit(R"({"survival": [100]})")), "models_bad_survival");
}

TEST(ModelsEntry, DurationsGiveAKaplanMeierCurve) {
  const json answer =
      fit(R"({"durations": [5, 2, 9, 3, 5, 8], "ended": [true, true, true, false, true, false]})");
  ASSERT_TRUE(answer["errors"].empty()) << answer.dump();
  EXPECT_EQ(answer["survival"]["median"], 5);
  EXPECT_EQ(answer["survival"]["rows"].size(), 5u);
  EXPECT_EQ(answer["survival"]["warnings"][0]["code"], "models_few_customers");
  EXPECT_EQ(first_code(fit(R"({"durations": [-1]})")), "models_bad_value");
  EXPECT_EQ(first_code(fit(R"({"durations": []})")), "models_no_durations");
}

TEST(ModelsEntry, TransactionsBecomeDistinctPurchaseDays) {
  // c1: 2024-01-01 (two lines, one day), 01-08, 01-15 (a return: not a purchase), 01-22 (a line
  // without a value: a purchase day, not in the mean spend), 02-05 (after calibration: holdout).
  // c2: only after calibration.
  using servimetrics::testing::kBlankNumber;
  const auto table =
      ColumnTableBuilder("transactions")
          .texts("customer_id", {"c1", "c1", "c1", "c1", "c1", "c1", "c2"})
          .dates("date", {at(2024, 1, 1), at(2024, 1, 1, 15), at(2024, 1, 8), at(2024, 1, 15),
                          at(2024, 1, 22), at(2024, 2, 5), at(2024, 2, 6)})
          .numbers("amount", {10, 5, 20, -20, kBlankNumber, 7, 3})
          .build();
  const json answer = fit_models(
      table,
      {{"calibration_end", "2024-01-31"}, {"holdout_end", "2024-02-29"}, {"time_unit", "day"}});
  ASSERT_EQ(answer["customers"].size(), 1u) << answer.dump();
  const json& row = answer["customers"][0];
  EXPECT_EQ(row[0], "c1");
  EXPECT_EQ(row[1], 2);   // x: two repeat days (01-08, 01-22)
  EXPECT_EQ(row[2], 21);  // t_x, days
  EXPECT_EQ(row[3], 30);  // T: 01-01 to 01-31
  EXPECT_EQ(row[4], 20);  // mean repeat spend
  const json& warnings = answer["summary"]["warnings"];
  ASSERT_EQ(warnings.size(), 3u) << warnings.dump();
  EXPECT_EQ(warnings[0]["code"], "models_lines_not_purchases");
  EXPECT_EQ(warnings[1]["code"], "models_lines_without_value");
  EXPECT_EQ(warnings[2]["code"], "models_customers_after_calibration");
  EXPECT_EQ(first_code(fit_models(table, {{"calibration_end", "2024-13-01"}})),
            "models_bad_option");
  // A calibration end before every purchase leaves nobody to fit.
  EXPECT_EQ(first_code(fit_models(table, {{"calibration_end", "2023-01-01"}})),
            "models_no_customers");
}

// The core's own summary of CDNOW's transactions (cdnow-btyd/cdnowElog.csv through the importer)
// is the summary lifetimes ships (t_x and T there rounded to 2 decimals).
TEST(ModelsEntry, CdnowTransactionsGiveThePublishedSummary) {
  const auto elog = models_test::kShared / "cdnow-btyd" / "cdnowElog.csv";
  const auto published = models_test::cdnow_summaries();
  if (!std::filesystem::exists(elog) || !published) GTEST_SKIP() << "no ../shared/data";
  servimetrics::ImportOptions options;
  options.kind = "transactions";
  options.mapping = {
      {"customer_id", "sampleid"}, {"date", "date"}, {"amount", "sales"}, {"quantity", ""}};
  options.date_formats = {{"date", "compact"}};
  servimetrics::ImportSession session(options);
  session.feed(models_test::slurp(elog));
  session.finish();
  ASSERT_FALSE(session.error().has_value()) << session.error()->message;
  const json answer = fit_models(
      session.table(),
      {{"calibration_end", "1997-09-30"}, {"holdout_end", "1998-06-30"}, {"models", {"bg_nbd"}}});
  ASSERT_EQ(answer["customers"].size(), 2357u);
  double sum_x = 0;
  for (const json& row : answer["customers"]) {
    const std::size_t i = std::stoul(row[0].get<std::string>()) - 1;
    ASSERT_LT(i, published->size());
    EXPECT_EQ(row[1].get<double>(), published->x[i]) << "customer " << i + 1;
    EXPECT_NEAR(row[2].get<double>(), published->t_x[i], 0.005001) << "customer " << i + 1;
    EXPECT_NEAR(row[3].get<double>(), published->T[i], 0.005001) << "customer " << i + 1;
    EXPECT_NEAR(row[4].get<double>(), published->mean_spend[i], 0.005001) << "customer " << i + 1;
    sum_x += row[1].get<double>();
  }
  EXPECT_EQ(sum_x, 2457);  // lifetimes' SOURCE.md: sum of x
  // BG/NBD on exact times: FHL 2005's LL -9582.4 and parameters.
  const json& bg = answer["models"][0];
  EXPECT_NEAR(bg["log_likelihood"].get<double>(), -9582.4, 0.05);  // FHL 2005: -9582.4
  EXPECT_NEAR(bg["params"]["r"].get<double>(), 0.243, 0.0005);
  EXPECT_NEAR(bg["params"]["alpha"].get<double>(), 4.414, 0.0005);
  EXPECT_NEAR(bg["params"]["a"].get<double>(), 0.793, 0.0005);
  EXPECT_NEAR(bg["params"]["b"].get<double>(), 2.426, 0.0005);
  // Holdout: the 39 weeks after calibration (1,882 purchase days). The BG/NBD's total comes out
  // 12% short of it (1,653; measured, not a published figure): the check is within 15%, and a
  // per-customer error below 1.
  ASSERT_TRUE(answer.contains("holdout")) << answer.dump().substr(0, 400);
  const json& h = answer["holdout"]["models"][0];
  std::printf("holdout: actual %.0f predicted %.1f MAE %.3f\n", h["total_actual"].get<double>(),
              h["total_predicted"].get<double>(), h["mean_absolute_error"].get<double>());
  EXPECT_NEAR(answer["holdout"]["length"].get<double>(), 39, 0.01);
  EXPECT_EQ(h["total_actual"].get<double>(), 1882);
  EXPECT_LT(std::fabs(h["total_error"].get<double>()), 0.15);
  EXPECT_LT(h["mean_absolute_error"].get<double>(), 1);
  ASSERT_EQ(h["by_frequency"].size(), 8u);
  // Those who bought more in calibration buy more in the holdout, actually and predicted.
  EXPECT_GT(h["by_frequency"][7]["mean_actual"].get<double>(),
            h["by_frequency"][0]["mean_actual"].get<double>());
  EXPECT_GT(h["by_frequency"][7]["mean_predicted"].get<double>(),
            h["by_frequency"][0]["mean_predicted"].get<double>());
}

}  // namespace
