// The native CLI's `fit` and `predict` (SERVIMETRICS_CLI) run as a process: CDNOW's event log
// fitted to FHL 2005's BG/NBD with the customers written to CSV, the sBG on Fader & Hardie 2007's
// regular cohort from a survival table, the public transactions sample, a prediction reproducing
// FHL 2005's 1.226, and bad usage answered with exit code 2 and one line.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "models_test_support.hpp"

namespace {

using nlohmann::json;

struct CliRun {
  int exit_code = -1;
  std::string out, err;
};

std::string temp_path(const std::string& name) {
  static std::atomic<int> counter{0};
  return ::testing::TempDir() + "servimetrics_cli_models_" + std::to_string(::getpid()) + "_" +
         std::to_string(counter++) + "_" + name;
}

std::string quoted(const std::string& text) {
  return "'" + text + "'";
}

CliRun run_cli(const std::string& args) {
  CliRun run;
  const std::string err_path = temp_path("stderr.txt");
  const std::string command =
      quoted(SERVIMETRICS_CLI) + " " + args + " 2>" + quoted(err_path) + " </dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, n);
  const int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.err = models_test::slurp(err_path);
  std::remove(err_path.c_str());
  return run;
}

json parsed(const CliRun& run) {
  json j = json::parse(run.out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << run.out << run.err;
  return j;
}

const std::string kCdnowMapping =
    " --map customer_id=sampleid --map amount=sales --map quantity= --date-format date=compact";

TEST(CliModels, FitsCdnowsBgNbdAndWritesTheCustomers) {
  const auto elog = models_test::kShared / "cdnow-btyd" / "cdnowElog.csv";
  if (!std::filesystem::exists(elog)) GTEST_SKIP() << "no ../shared/data/cdnow-btyd: skipped";
  const std::string customers = temp_path("customers.csv");
  const CliRun run =
      run_cli("fit --model bg_nbd --calibration-end 1997-09-30 --time-unit week" + kCdnowMapping +
              " --customers " + quoted(customers) + " " + quoted(elog.string()));
  ASSERT_EQ(run.exit_code, 0) << run.err << run.out.substr(0, 500);
  const json answer = parsed(run);
  EXPECT_EQ(answer["model"], "bg_nbd");
  EXPECT_NEAR(answer["params"]["r"].get<double>(), 0.243, 0.0005);
  EXPECT_NEAR(answer["params"]["alpha"].get<double>(), 4.414, 0.0005);
  EXPECT_NEAR(answer["params"]["a"].get<double>(), 0.793, 0.0005);
  EXPECT_NEAR(answer["params"]["b"].get<double>(), 2.426, 0.0005);
  EXPECT_NEAR(answer["log_likelihood"].get<double>(), -9582.4, 0.05);
  for (const char* p : {"r", "alpha", "a", "b"})
    EXPECT_GT(answer["std_errors"][p].get<double>(), 0);
  EXPECT_EQ(answer["customers"], 2357);
  EXPECT_TRUE(answer["converged"].get<bool>());
  // The CSV: a header and one line per customer, P(alive) in [0, 1].
  std::istringstream lines(models_test::slurp(customers));
  std::string line;
  std::getline(lines, line);
  EXPECT_EQ(line.rfind("id,x,t_x,T,mean_spend,bg_nbd_p_alive,bg_nbd_expected,bg_nbd_clv", 0), 0u)
      << line;
  std::size_t rows = 0;
  while (std::getline(lines, line)) {
    std::istringstream cells(line);
    std::string cell;
    for (int k = 0; k < 6; ++k) std::getline(cells, cell, ',');
    const double alive = std::stod(cell);
    EXPECT_TRUE(alive >= 0 && alive <= 1) << line;
    ++rows;
  }
  EXPECT_EQ(rows, 2357u);
  std::remove(customers.c_str());
}

TEST(CliModels, FitsTheSbgFromASurvivalTable) {
  const auto table = models_test::kShared / "sbg-retention" / "sbg_retention_fader_hardie_2007.csv";
  if (!std::filesystem::exists(table)) GTEST_SKIP() << "no ../shared/data/sbg-retention: skipped";
  // FH 2007 fit years 0-7 of the regular cohort (percentages: the same maximum as counts).
  const CliRun run = run_cli(
      "fit --model sbg --kind survival --column regular_pct_alive "
      "--periods 7 " +
      quoted(table.string()));
  ASSERT_EQ(run.exit_code, 0) << run.err << run.out;
  const json answer = parsed(run);
  EXPECT_NEAR(answer["params"]["alpha"].get<double>(), 0.704, 0.0005);
  EXPECT_NEAR(answer["params"]["beta"].get<double>(), 1.182, 0.0005);
  EXPECT_EQ(answer["retention"]["rows"].size(), 16u);
}

TEST(CliModels, FitsThePublicTransactionsSample) {
  const std::string sample =
      std::string(SERVIMETRICS_SOURCE_DIR) + "/public/samples/transactions.csv";
  const CliRun run = run_cli("fit --model bg_nbd --kind transactions " + quoted(sample));
  EXPECT_LE(run.exit_code, 1) << run.err;
  const json answer = parsed(run);
  EXPECT_EQ(answer["model"], "bg_nbd");
  EXPECT_GT(answer["customers"].get<double>(), 0);
  EXPECT_TRUE(answer.contains("summary"));
}

TEST(CliModels, PredictReproducesFaderHardieLee2005) {
  // FHL 2005, section 4: x = 2, t_x = 30.43, T = 38.86 expects 1.226 purchases in 39 weeks.
  const CliRun run = run_cli(
      "predict --model bg_nbd --params '{\"r\": 0.243, \"alpha\": 4.414, \"a\": 0.793, \"b\": "
      "2.426}' --x 2 --t-x 30.43 --T 38.86 --horizon 39");
  ASSERT_EQ(run.exit_code, 0) << run.err << run.out;
  const json answer = parsed(run);
  EXPECT_NEAR(answer["expected_purchases"].get<double>(), 1.226, 0.0005);
  EXPECT_GT(answer["p_alive"].get<double>(), 0);
  EXPECT_LT(answer["p_alive"].get<double>(), 1);
  // A fit's answer as the params file.
  const std::string fit = temp_path("fit.json");
  std::ofstream(fit) << R"({"model": "bg_nbd", "params": {"r": 0.243, "alpha": 4.414, "a": 0.793,
                           "b": 2.426}})";
  const CliRun again = run_cli("predict --model bg_nbd --params " + quoted(fit) +
                               " --x 2 --t-x 30.43 --T 38.86 "
                               "--horizon 39");
  EXPECT_EQ(parsed(again)["expected_purchases"], answer["expected_purchases"]);
  std::remove(fit.c_str());
  // A missing parameter is a coded error (exit 1).
  const CliRun bad = run_cli("predict --model bg_nbd --params '{\"r\": 1}' --x 1 --t-x 1 --T 2");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(parsed(bad)["errors"][0]["code"], "models_bad_params");
}

TEST(CliModels, BadUsageExitsTwoWithOneLine) {
  for (const char* args :
       {"fit --model bg_nbd", "fit --model bg_nbd --calibration-end",
        "fit --kind transactions /nonexistent.csv", "fit --model bg_nbd --horizon soon x.csv",
        "fit --model bg_nbd /nonexistent.csv"}) {
    SCOPED_TRACE(args);
    const CliRun run = run_cli(args);
    EXPECT_EQ(run.exit_code, 2) << run.out;
    EXPECT_TRUE(run.out.empty()) << run.out;
    EXPECT_EQ(run.err.rfind("servimetrics:", 0), 0u) << run.err;
    EXPECT_EQ(run.err.find('\n'), run.err.size() - 1) << run.err;
  }
}

}  // namespace

namespace {

// `analyze` on a survival table takes the table's period, the discount rate and a value per period:
// the annual retention input is the next period's retention to the power of the periods a year.
TEST(CliModels, AnalyzeGivesASurvivalTablesInputsForItsPeriodAndValue) {
  const std::string sample =
      std::string(SERVIMETRICS_SOURCE_DIR) + "/public/samples/survival_table.csv";
  const CliRun yearly = run_cli("analyze --kind survival_table " + quoted(sample));
  const CliRun monthly = run_cli(
      "analyze --kind survival_table --period month --discount-rate 0.02 --value-per-period 30 " +
      quoted(sample));
  ASSERT_LE(yearly.exit_code, 1) << yearly.err;
  ASSERT_LE(monthly.exit_code, 1) << monthly.err;
  const json year = json::parse(yearly.out), month = json::parse(monthly.out);
  const double r = year["inputs"]["annual_retention_rate"];
  EXPECT_GT(r, 0.5);
  EXPECT_LT(r, 1);
  EXPECT_NEAR(month["inputs"]["annual_retention_rate"].get<double>(), std::pow(r, 12), 1e-12);
  EXPECT_EQ(month["inputs"]["annual_revenue_per_customer"], 360);
  EXPECT_GT(month["inputs"]["cltv"].get<double>(), 30);
  EXPECT_NE(
      run_cli("analyze --kind survival_table --value-per-period lots " + quoted(sample)).exit_code,
      0);
}

}  // namespace
