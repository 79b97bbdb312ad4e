// The survival_table kind: Fader & Hardie's (2007) regular and high-end cohorts fitted through the
// kind reproduce their published sBG parameters; Chinese headers are read; bad rows (a period
// missing, repeated or contradicted, counts rising, negative) are named with their lines while the
// rest of the file is still fitted.
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "analyze_test_support.hpp"
#include "models/sbg.hpp"
#include "servimetrics/file_analysis.hpp"

namespace {

using json = nlohmann::json;
using servimetrics::testing::has_note;
using servimetrics::testing::read_shared_data;

json analyze_text(std::string_view text, servimetrics::AnalyzeOptions options = {}) {
  servimetrics::ImportOptions import;  // kind "auto": detected from the headers
  return servimetrics::analyze_file(text, import, options);
}

const json& table(const json& answer, const char* name) {
  return servimetrics::testing::answer_table(answer, name);
}

// The row of a table whose cohort (first cell, or second for the conflicts) is `cohort`.
json fit_of(const json& answer, const std::string& cohort) {
  const json* row = servimetrics::testing::table_row(table(answer, "survival_fits"), cohort);
  return row ? *row : json();
}

double cell(const json& answer, const char* name, const json& row, const char* column) {
  return servimetrics::testing::cell_number(table(answer, name), row, column);
}

std::vector<std::uint64_t> note_lines(const json& answer, const char* id) {
  for (const json& n : answer["notes"])
    if (n["id"] == id) return n["params"]["lines"].get<std::vector<std::uint64_t>>();
  ADD_FAILURE() << "no note " << id << " in " << answer["notes"].dump();
  return {};
}

// Fader & Hardie's file: year, regular_pct_alive, highend_pct_alive (years 0..12).
struct FaderHardie {
  std::vector<double> regular, highend;
};

std::optional<FaderHardie> fader_hardie() {
  const auto text = read_shared_data("sbg-retention/sbg_retention_fader_hardie_2007.csv");
  if (!text) return std::nullopt;
  std::istringstream lines(*text);
  std::string line;
  std::getline(lines, line);  // header
  FaderHardie data;
  while (std::getline(lines, line)) {
    double year = 0, regular = 0, highend = 0;
    if (std::sscanf(line.c_str(), "%lf,%lf,%lf", &year, &regular, &highend) != 3) continue;
    data.regular.push_back(regular);
    data.highend.push_back(highend);
  }
  return data;
}

// Years 0..7 (the paper's calibration) of both cohorts; counts of the cohorts of 1,000 when
// `counts`, else the % alive as printed.
std::string fader_hardie_csv(const FaderHardie& d, const char* header, bool counts) {
  std::ostringstream csv;
  csv << header << "\n";
  for (const auto& [name, pct] : {std::pair{"regular", &d.regular}, {"high end", &d.highend}}) {
    for (int t = 0; t <= 7; ++t) {
      csv << name << "," << t << ",";
      if (counts)
        csv << std::lround((*pct)[t] * 10);
      else
        csv << (*pct)[t];
      csv << "\n";
    }
  }
  return csv.str();
}

TEST(SurvivalTableKind, FaderHardieCohortsGiveThePublishedParameters) {
  const auto data = fader_hardie();
  if (!data) GTEST_SKIP() << "../shared/data/sbg-retention is not here";
  const json answer = analyze_text(fader_hardie_csv(*data, "cohort,period,active", true));
  ASSERT_EQ(answer["import"]["kind"], "survival_table") << answer.dump();
  EXPECT_TRUE(answer["errors"].empty()) << answer["errors"].dump();
  // Fader & Hardie (2007), Figure 5's fits on years 1-7: to 3 significant digits.
  const json regular = fit_of(answer, "regular");
  const json highend = fit_of(answer, "high end");
  ASSERT_FALSE(regular.is_null() || highend.is_null()) << table(answer, "survival_fits").dump();
  EXPECT_NEAR(cell(answer, "survival_fits", regular, "alpha"), 0.704, 0.0005);
  EXPECT_NEAR(cell(answer, "survival_fits", regular, "beta"), 1.182, 0.0005);
  EXPECT_NEAR(cell(answer, "survival_fits", highend, "alpha"), 0.668, 0.0005);
  EXPECT_NEAR(cell(answer, "survival_fits", highend, "beta"), 3.806, 0.0005);
  EXPECT_EQ(cell(answer, "survival_fits", regular, "customers"), 1000);
  EXPECT_EQ(cell(answer, "survival_fits", regular, "periods_observed"), 7);
  for (const char* se : {"alpha_se", "beta_se"}) {
    EXPECT_GT(cell(answer, "survival_fits", regular, se), 0);
    EXPECT_LT(cell(answer, "survival_fits", regular, se), 0.5);
  }
  EXPECT_LT(cell(answer, "survival_fits", regular, "log_likelihood"), 0);
  EXPECT_EQ(servimetrics::testing::measure(answer, "customers"), 2000);
}

TEST(SurvivalTableKind, ProjectionFollowsTheHoldoutYears) {
  const auto data = fader_hardie();
  if (!data) GTEST_SKIP() << "../shared/data/sbg-retention is not here";
  const json answer = analyze_text(fader_hardie_csv(*data, "cohort,year,alive", true));
  const json& forecast = table(answer, "survival_forecast");
  int projected = 0;
  for (const json& row : forecast["rows"]) {
    if (row[0] != "regular") continue;
    const auto t = row[1].get<std::size_t>();
    const bool beyond = servimetrics::testing::cell(forecast, row, "projected").get<bool>();
    EXPECT_EQ(beyond, t > 7);
    projected += beyond ? 1 : 0;
    // Years 8..12 were not fitted; the paper's point is that the sBG still follows them.
    if (t >= 8 && t < data->regular.size())
      EXPECT_NEAR(servimetrics::testing::cell_number(forecast, row, "fitted_survival"),
                  data->regular[t] / 100, 0.015)
          << "year " << t;
    if (t <= 7)
      EXPECT_NEAR(servimetrics::testing::cell_number(forecast, row, "observed_survival"),
                  data->regular[t] / 100, 1e-3);
  }
  EXPECT_EQ(projected, 12);  // as far again as observed, at least 12 periods
}

TEST(SurvivalTableKind, PercentAliveGivesTheSameParametersWithoutStandardErrors) {
  const auto data = fader_hardie();
  if (!data) GTEST_SKIP() << "../shared/data/sbg-retention is not here";
  const json answer = analyze_text(fader_hardie_csv(*data, "cohort,period,pct_alive", false));
  const json highend = fit_of(answer, "high end");
  ASSERT_FALSE(highend.is_null()) << answer.dump();
  EXPECT_NEAR(cell(answer, "survival_fits", highend, "alpha"), 0.668, 0.0005);
  EXPECT_NEAR(cell(answer, "survival_fits", highend, "beta"), 3.806, 0.0005);
  EXPECT_TRUE(
      servimetrics::testing::cell(table(answer, "survival_fits"), highend, "alpha_se").is_null());
  EXPECT_TRUE(has_note(answer, "survival_shares"));
}

TEST(SurvivalTableKind, ChineseHeadersAreRead) {
  const std::string rows = "A,0,500\nA,1,300\nA,2,220\nA,3,180\nA,4,160\nA,5,150\n";
  for (const char* header :
       {"同期群,期数,仍活跃客户", "世代,期間,仍活躍客戶", "客群,年,留存客户"}) {
    const json answer = analyze_text(std::string(header) + "\n" + rows);
    EXPECT_EQ(answer["import"]["kind"], "survival_table") << header;
    EXPECT_FALSE(fit_of(answer, "A").is_null()) << header << answer.dump();
  }
}

TEST(SurvivalTableKind, LifetimeIsTheDiscountedSumOfSurvival) {
  servimetrics::AnalyzeOptions options;
  options.discount_rate = 0.2;
  options.value_per_period = 50;
  const json answer =
      analyze_text("period,active\n0,1000\n1,700\n2,540\n3,450\n4,390\n5,350\n6,320\n", options);
  const double alpha = servimetrics::testing::measure(answer, "sbg_alpha");
  const double beta = servimetrics::testing::measure(answer, "sbg_beta");
  // A customer pays at the start of each period while active: sum of S(t) / 1.2^t.
  const auto survival = servimetrics::models::sbg_survival({alpha, beta}, 400);
  double sum = 0;
  for (int t = 0; t <= 400; ++t) sum += survival[t] / std::pow(1.2, t);
  const double lifetime = servimetrics::testing::measure(answer, "discounted_lifetime");
  EXPECT_NEAR(lifetime, sum, 1e-6 * sum);
  EXPECT_NEAR(servimetrics::testing::measure(answer, "expected_lifetime_value"), 50 * sum,
              1e-5 * sum);
  EXPECT_TRUE(has_note(answer, "survival_lifetime_value"));
  // Retention of the next period rises with the periods survived (the less loyal have left).
  EXPECT_GT(servimetrics::testing::measure(answer, "sbg_next_retention"), 320.0 / 350);
  EXPECT_TRUE(has_note(answer, "survival_few_periods") == false);
}

TEST(SurvivalTableKind, WithoutAValueTheLifetimeIsInPeriods) {
  const json answer = analyze_text("period,active\n0,80\n1,50\n2,40\n3,35\n");
  EXPECT_TRUE(has_note(answer, "survival_lifetime_in_periods"));
  EXPECT_TRUE(has_note(answer, "survival_few_periods"));  // 3 periods
  EXPECT_TRUE(has_note(answer, "models_few_customers"));  // 80 customers
  EXPECT_FALSE(servimetrics::testing::has_measure(answer, "expected_lifetime_value"));
}

TEST(SurvivalTableKind, BadRowsAreNamedAndTheRestIsFitted) {
  // Line numbers count the header as line 1.
  const json answer = analyze_text(
      "cohort,period,active\n"
      "good,0,1000\ngood,1,640\ngood,2,480\ngood,3,390\ngood,4,330\n"  // lines 2-6
      "gap,0,500\ngap,1,320\ngap,2,250\ngap,3,210\ngap,5,170\n"        // lines 7-11: no period 4
      "twice,0,400\ntwice,1,260\ntwice,1,270\ntwice,2,200\n"           // lines 12-15: 1 twice
      "same,0,300\nsame,1,200\nsame,1,200\nsame,2,160\nsame,3,140\n"   // lines 16-20
      "rise,0,600\nrise,1,400\nrise,2,310\nrise,3,330\n"               // lines 21-24
      "neg,0,200\nneg,1,-5\nneg,2,90\n"                                // lines 25-27
      "late,1,90\nlate,2,70\nlate,3,60\n"                              // lines 28-30
      "half,0,100\nhalf,0.5,90\nhalf,1,70\nhalf,2,60\nhalf,3,55\n");   // lines 31-35
  ASSERT_EQ(answer["import"]["kind"], "survival_table") << answer.dump();
  EXPECT_FALSE(fit_of(answer, "good").is_null());
  // A gap: fitted up to period 3, period 5 named and still shown as observed.
  // (line 27: the negative count's cohort has a gap too, below)
  EXPECT_EQ(note_lines(answer, "survival_period_missing"), (std::vector<std::uint64_t>{11, 27}));
  EXPECT_EQ(cell(answer, "survival_fits", fit_of(answer, "gap"), "periods_observed"), 3);
  // Two counts for one period: every such row shown, the cohort not fitted.
  EXPECT_EQ(note_lines(answer, "survival_conflicting_period"),
            (std::vector<std::uint64_t>{13, 14}));
  EXPECT_TRUE(fit_of(answer, "twice").is_null());
  EXPECT_EQ(table(answer, "survival_conflicts")["rows"].size(), 2u);
  // The same count twice: one used, the repeat named.
  EXPECT_EQ(note_lines(answer, "survival_repeated_period"), std::vector<std::uint64_t>{18});
  EXPECT_EQ(cell(answer, "survival_fits", fit_of(answer, "same"), "periods_observed"), 3);
  // Counts rising: the rise named, the fit stops before it.
  EXPECT_EQ(note_lines(answer, "survival_count_rises"), std::vector<std::uint64_t>{24});
  EXPECT_EQ(cell(answer, "survival_fits", fit_of(answer, "rise"), "periods_observed"), 2);
  // A negative count is rejected by the import with its line; its cohort has a gap and 1 period.
  EXPECT_EQ(answer["import"]["rows_rejected"], 1) << answer["import"].dump();
  EXPECT_TRUE(fit_of(answer, "neg").is_null());
  // No period 0 and a fractional period.
  EXPECT_EQ(note_lines(answer, "survival_no_start"), std::vector<std::uint64_t>{28});
  EXPECT_EQ(note_lines(answer, "survival_fractional_period"), std::vector<std::uint64_t>{32});
  EXPECT_EQ(cell(answer, "survival_fits", fit_of(answer, "half"), "periods_observed"), 3);
  EXPECT_EQ(note_lines(answer, "survival_too_few_periods"), std::vector<std::uint64_t>{25});
}

TEST(SurvivalTableKind, NothingToFitIsSaidNotCrashed) {
  for (const char* text : {"period,active\n", "period,active\n0,0\n1,0\n2,0\n",
                           "period,active\n0,100\n1,100\n2,100\n", "period,active\n0,100\n"}) {
    const json answer = analyze_text(text);
    const json& tables = answer["tables"];
    EXPECT_TRUE(!tables.contains("survival_fits") || tables["survival_fits"]["rows"].empty())
        << text;
    EXPECT_FALSE(answer["notes"].empty()) << text;  // each says why
  }
}

}  // namespace

namespace {

// The fit feeds the workspace: the model's retention in the first period after the data, made
// annual for the period's length (a year when not given), and with a value per period the revenue
// per customer and year and the lifetime value. r_t = (beta + t - 1) / (alpha + beta + t - 1).
TEST(SurvivalTableKind, TheFitGivesTheAnnualRetentionForThePeriod) {
  const std::string text = "period,active\n0,1000\n1,700\n2,540\n3,450\n4,390\n5,350\n6,320\n";
  const json yearly = analyze_text(text);
  const double alpha = servimetrics::testing::measure(yearly, "sbg_alpha");
  const double beta = servimetrics::testing::measure(yearly, "sbg_beta");
  const double next = (beta + 7 - 1) / (alpha + beta + 7 - 1);  // period 7: the first after 0..6
  EXPECT_NEAR(yearly["inputs"]["annual_retention_rate"].get<double>(), next, 1e-12);
  EXPECT_TRUE(has_note(yearly, "survival_retention_input"));
  EXPECT_FALSE(yearly["inputs"].contains("cltv"));
  for (auto [period, per_year] : {std::pair{"month", 12.0}, {"quarter", 4.0}, {"year", 1.0}}) {
    servimetrics::AnalyzeOptions options;
    options.period = period;
    options.period_given = true;
    options.value_per_period = 30;
    options.discount_rate = 0.02;
    const json answer = analyze_text(text, options);
    const json& inputs = answer["inputs"];
    EXPECT_NEAR(inputs["annual_retention_rate"].get<double>(), std::pow(next, per_year), 1e-12)
        << period;
    EXPECT_NEAR(inputs["annual_revenue_per_customer"].get<double>(), 30 * per_year, 1e-9);
    const double lifetime = servimetrics::testing::measure(answer, "discounted_lifetime");
    EXPECT_NEAR(inputs["cltv"].get<double>(), 30 * lifetime, 1e-9 * lifetime) << period;
    // The catalog's retention CLV is computed from them.
    bool retention_clv = false;
    for (const json& k : answer["kpis"])
      retention_clv = retention_clv || k["id"] == "retention_clv";
    EXPECT_TRUE(retention_clv) << answer["kpis"].dump();
  }
}

TEST(SurvivalTableKind, SeveralCohortsFeedTheLargestOnesRetention) {
  const json answer = analyze_text(
      "cohort,period,active\nsmall,0,100\nsmall,1,50\nsmall,2,30\nsmall,3,20\n"
      "big,0,1000\nbig,1,800\nbig,2,700\nbig,3,640\n");
  bool found = false;
  for (const json& n : answer["notes"])
    if (n["id"] == "survival_retention_input_cohort") {
      found = true;
      EXPECT_EQ(n["params"]["cohort"], "big");
      EXPECT_EQ(n["params"]["retention_period"], 4);
    }
  EXPECT_TRUE(found) << answer["notes"].dump();
  EXPECT_GT(answer["inputs"]["annual_retention_rate"].get<double>(), 640.0 / 700);
}

}  // namespace
