// The holdout check on CDNOW (calibration weeks 1-39, holdout weeks 40-78, Fader, Hardie & Lee
// 2005's split) against figures computed here independently: the actual purchase days per customer
// counted from the event log by this test, the BG/NBD's conditional expectations from the fitted
// parameters with a plain 2F1 power series (not the core's). And the choice between the models.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "models_test_support.hpp"
#include "servimetrics/import_session.hpp"
#include "servimetrics/models.hpp"

namespace {

using nlohmann::json;

// 2F1(a, b; c; z) by its power series, 0 <= z < 0.9: z here is at most 39 / (39 + 4.4 + 32).
double plain_2f1(double a, double b, double c, double z) {
  double term = 1, sum = 1;
  for (int n = 0; n < 10000 && std::fabs(term) > 1e-17 * std::fabs(sum); ++n) {
    term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
    sum += term;
  }
  return sum;
}

// FHL 2005 eq. 10.
double conditional_expected(const json& p, double x, double t_x, double T, double t) {
  const double r = p["r"], alpha = p["alpha"], a = p["a"], b = p["b"];
  const double z = t / (alpha + T + t);
  const double numerator = (a + b + x - 1) / (a - 1) *
                           (1 - std::pow((alpha + T) / (alpha + T + t), r + x) *
                                    plain_2f1(r + x, b + x, a + b + x - 1, z));
  const double odds = x > 0 ? a / (b + x - 1) * std::pow((alpha + T) / (alpha + t_x), r + x) : 0;
  return numerator / (1 + odds);
}

struct Elog {
  // Per customer (sampleid): distinct purchase days (yyyymmdd) in calibration and in the holdout.
  std::map<int, std::set<int>> calibration, holdout;
};

Elog read_elog(const std::string& text) {
  Elog e;
  std::istringstream lines(text);
  std::string line;
  std::getline(lines, line);  // masterid,sampleid,date,cds,sales
  while (std::getline(lines, line)) {
    std::istringstream row(line);
    std::string master, id, date;
    std::getline(row, master, ',');
    std::getline(row, id, ',');
    std::getline(row, date, ',');
    if (id.empty()) continue;
    const int day = std::stoi(date);
    (day <= 19970930 ? e.calibration : e.holdout)[std::stoi(id)].insert(day);
  }
  return e;
}

json fit_cdnow(const std::string& elog, const json& options) {
  servimetrics::ImportOptions io;
  io.kind = "transactions";
  io.mapping = {
      {"customer_id", "sampleid"}, {"date", "date"}, {"amount", "sales"}, {"quantity", ""}};
  io.date_formats = {{"date", "compact"}};
  servimetrics::ImportSession session(io);
  session.feed(elog);
  session.finish();
  return servimetrics::fit_models(session.table(), options);
}

TEST(ModelsHoldout, CdnowByCalibrationFrequencyMatchesAnIndependentCount) {
  const auto path = models_test::kShared / "cdnow-btyd" / "cdnowElog.csv";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no ../shared/data/cdnow-btyd: skipped";
  const std::string text = models_test::slurp(path);
  const json answer = fit_cdnow(text, {{"calibration_end", "1997-09-30"},
                                       {"holdout_end", "1998-06-30"},
                                       {"models", {"bg_nbd", "pareto_nbd"}},
                                       {"cohorts", false}});
  ASSERT_TRUE(answer["errors"].empty()) << answer["errors"].dump();
  const Elog e = read_elog(text);
  ASSERT_EQ(e.calibration.size(), 2357u);
  // Independent: per frequency bin, customers, mean actual holdout days, mean E[Y(39) | ...].
  double customers[8] = {}, actual[8] = {}, predicted[8] = {}, abs_error = 0, total = 0;
  const json& bg = answer["models"][0]["params"];
  std::map<std::string, std::size_t> row_of;
  for (std::size_t i = 0; i < answer["customers"].size(); ++i)
    row_of[answer["customers"][i][0].get<std::string>()] = i;
  for (const auto& [id, days] : e.calibration) {
    const json& row = answer["customers"][row_of.at(std::to_string(id))];
    const double x = double(days.size()) - 1;  // the first day is no repeat
    const double held = e.holdout.count(id) ? double(e.holdout.at(id).size()) : 0;
    const double predicted_i = conditional_expected(bg, x, row[2], row[3], 39);
    const int bin = int(std::fmin(x, 7));
    customers[bin] += 1;
    actual[bin] += held;
    predicted[bin] += predicted_i;
    abs_error += std::fabs(predicted_i - held);
    total += held;
  }
  const json& h = answer["holdout"]["models"][0];
  ASSERT_EQ(h["model"], "bg_nbd");
  EXPECT_EQ(h["total_actual"].get<double>(), total);
  EXPECT_NEAR(h["mean_absolute_error"].get<double>(), abs_error / 2357, 1e-9);
  for (int b = 0; b < 8; ++b) {
    const json& bin = h["by_frequency"][b];
    EXPECT_EQ(bin["customers"].get<double>(), customers[b]) << b;
    EXPECT_NEAR(bin["mean_actual"].get<double>(), actual[b] / customers[b], 1e-12) << b;
    EXPECT_NEAR(bin["mean_predicted"].get<double>(), predicted[b] / customers[b], 1e-9) << b;
    std::printf("freq %d%s: %4.0f customers, actual %.3f, BG/NBD %.3f\n", b, b == 7 ? "+" : " ",
                customers[b], actual[b] / customers[b], predicted[b] / customers[b]);
  }
  // The choice: both models fitted and checked on the holdout; the smaller error wins.
  const json& choice = answer["model_choice"];
  ASSERT_TRUE(choice.is_object()) << answer.dump().substr(0, 300);
  const double mae_bg = h["mean_absolute_error"],
               mae_p = answer["holdout"]["models"][1]["mean_absolute_error"];
  std::printf("MAE BG/NBD %.4f Pareto/NBD %.4f: %s (%s)\n", mae_bg, mae_p,
              choice["model"].get<std::string>().c_str(),
              choice["code"].get<std::string>().c_str());
  if (std::fabs(mae_bg - mae_p) > 0.02 * std::fmax(mae_bg, mae_p)) {
    EXPECT_EQ(choice["code"], "models_choice_holdout");
    EXPECT_EQ(choice["model"], mae_bg < mae_p ? "bg_nbd" : "pareto_nbd");
  } else {
    EXPECT_EQ(choice["code"], "models_choice_tie");
    // BG/NBD's LL -9582.4 beats Pareto/NBD's -9595.0 on CDNOW.
    EXPECT_EQ(choice["model"], "bg_nbd");
  }
  EXPECT_EQ(choice["params"]["other"], choice["model"] == "bg_nbd" ? "pareto_nbd" : "bg_nbd");
}

TEST(ModelsHoldout, WithoutAHoldoutTheLikelihoodChooses) {
  const auto c = models_test::cdnow_summaries();
  SKIP_WITHOUT_CDNOW(c);
  json request = {{"customers", {{"x", c->x}, {"t_x", c->t_x}, {"T", c->T}}},
                  {"models", {"bg_nbd", "pareto_nbd"}}};
  const json answer = servimetrics::fit_models(request);
  ASSERT_TRUE(answer["errors"].empty());
  EXPECT_EQ(answer["model_choice"]["code"], "models_choice_likelihood");
  EXPECT_EQ(answer["model_choice"]["model"], "bg_nbd");  // -9582.4 > -9595.0
  EXPECT_GT(answer["model_choice"]["params"]["log_likelihood"].get<double>(),
            answer["model_choice"]["params"]["other_log_likelihood"].get<double>());
  // One model only: nothing to choose between.
  request["models"] = {"bg_nbd"};
  EXPECT_FALSE(servimetrics::fit_models(request).contains("model_choice"));
}

}  // namespace
