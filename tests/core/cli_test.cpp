// The native CLI (SERVIMETRICS_CLI) run as a process on temp files: `catalog` (exit 0, valid JSON,
// every KPI), `compute FILE` (exit 0 clean, 1 when the answer holds errors, 2 with a one-line
// stderr message for an unreadable file or invalid JSON), `compute -` and `compute` on stdin,
// `analyze --kind spend FILE`, `combine` of two analyses, an unknown kind and bad usage, and a
// Big5 file with 民國 dates read like its UTF-8 twin.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "kpi_test_support.hpp"

namespace {

using namespace servimetrics::testing;

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string temp_path(const std::string& name) {
  static std::atomic<int> counter{0};
  return ::testing::TempDir() + "servimetrics_cli_" + std::to_string(::getpid()) + "_" +
         std::to_string(counter++) + "_" + name;
}

std::string write_temp(const std::string& name, const std::string& content) {
  const std::string path = temp_path(name);
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

std::string slurp(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

std::string quoted(const std::string& text) {
  return "'" + text + "'";
}

// Runs the CLI with `args` (already shell-quoted), optional stdin from a file.
CliRun run_cli(const std::string& args, const std::string& stdin_path = "") {
  CliRun run;
  const std::string err_path = temp_path("stderr.txt");
  std::string command = quoted(SERVIMETRICS_CLI) + " " + args + " 2>" + quoted(err_path);
  command += stdin_path.empty() ? " </dev/null" : " <" + quoted(stdin_path);
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) {
    ADD_FAILURE() << "cannot run " << command;
    return run;
  }
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, n);
  const int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.err = slurp(err_path);
  std::remove(err_path.c_str());
  return run;
}

void expect_one_line_message(const CliRun& run) {
  EXPECT_FALSE(run.err.empty());
  ASSERT_FALSE(run.err.empty());
  EXPECT_EQ(run.err.back(), '\n') << run.err;
  EXPECT_EQ(run.err.find('\n'), run.err.size() - 1) << "more than one line: " << run.err;
  EXPECT_EQ(run.err.rfind("servimetrics:", 0), 0u) << run.err;
}

TEST(Cli, CatalogPrintsTheCatalogAsJson) {
  const CliRun run = run_cli("catalog");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  const json catalog = parse_or_fail(run.out);
  ASSERT_TRUE(catalog.contains("kpis") && catalog["kpis"].is_array());
  EXPECT_EQ(catalog["kpis"].size(), 34u);
  EXPECT_EQ(catalog.value("version", 0), 1);
}

TEST(Cli, ComputeCleanRequestExitsZero) {
  const std::string path = write_temp(
      "clean.json",
      R"({"inputs": {"avg_purchase_value": 120, "purchases_per_year": 4, "lifespan_years": 5}})");
  const CliRun run = run_cli("compute " + quoted(path));
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  const json answer = parse_or_fail(run.out);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "clv"), 2400);
  EXPECT_EQ(error_count(answer), 0u);
  EXPECT_TRUE(run.err.empty()) << run.err;
  std::remove(path.c_str());
}

TEST(Cli, ComputeAnswerWithErrorsExitsOne) {
  const std::string path = write_temp(
      "errors.json",
      R"({"inputs": {"customers_start": 100, "customers_lost": 120, "cltv": 30000, "cac": 10000}})");
  const CliRun run = run_cli("compute " + quoted(path));
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  const json answer = parse_or_fail(run.out);
  EXPECT_NE(find_error(answer, "churn_rate", "customers_lost"), nullptr) << run.out;
  EXPECT_DOUBLE_EQ(kpi_value(answer, "ltv_cac_ratio"), 3);
  std::remove(path.c_str());
}

TEST(Cli, UnreadableFileExitsTwoWithOneLine) {
  const CliRun run = run_cli("compute " + quoted(temp_path("does-not-exist.json")));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(run.out.empty()) << run.out;
  expect_one_line_message(run);
}

TEST(Cli, InvalidJsonExitsTwoWithOneLine) {
  for (const char* text : {"{\"inputs\": {", "", "not json", "{\"a\":\n\n1,}"}) {
    SCOPED_TRACE(text);
    const std::string path = write_temp("invalid.json", text);
    const CliRun run = run_cli("compute " + quoted(path));
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_TRUE(run.out.empty()) << run.out;
    expect_one_line_message(run);
    std::remove(path.c_str());
  }
}

TEST(Cli, ComputeReadsStdin) {
  const std::string path =
      write_temp("stdin.json",
                 R"({"inputs": {"annual_revenue_per_customer": 10000, "relationship_years": 3}})");
  for (const char* args : {"compute -", "compute"}) {
    SCOPED_TRACE(args);
    const CliRun run = run_cli(args, path);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    const json answer = parse_or_fail(run.out);
    EXPECT_DOUBLE_EQ(kpi_value(answer, "cltv"), 30000);
  }
  std::remove(path.c_str());
}

TEST(Cli, AnalyzeSpendFile) {
  const std::string path = write_temp("spend.csv",
                                      "period,channel,spend,new_customers\n"
                                      "2024-01,Online,3000,30\n"
                                      "2024-01,Events,5000,10\n");
  const CliRun run = run_cli("analyze --kind spend " + quoted(path));
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  const json answer = parse_or_fail(run.out);
  EXPECT_DOUBLE_EQ(kpi_value(answer, "cac"), 200);  // 8,000 / 40
  ASSERT_TRUE(answer.contains("import") && answer.contains("tables")) << run.out;
  EXPECT_EQ(answer["import"].value("rows_used", -1), 2);
  std::remove(path.c_str());
}

TEST(Cli, AnalyzeSpendWithRejectedRowsIsNotAnError) {
  const std::string path = write_temp("spend-rejects.csv",
                                      "period,channel,spend,new_customers\n"
                                      "2024-01,Online,3000,30\n"
                                      "2024-01,Events,lots,10\n");
  const CliRun run = run_cli("analyze --kind spend " + quoted(path));
  const json answer = parse_or_fail(run.out);
  // Rejected rows are reported under "import", not as errors: exit 0.
  EXPECT_EQ(error_count(answer), 0u) << run.out;
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_DOUBLE_EQ(kpi_value(answer, "cac"), 100);
  EXPECT_EQ(answer["import"].value("rows_rejected", -1), 1);
  std::remove(path.c_str());
}

// The two samples of the page: spend, and transactions read with the sample company's margin.
TEST(Cli, CombineGivesLtvCacPerChannelFromTwoAnalyses) {
  const std::string samples = std::string(SERVIMETRICS_SOURCE_DIR) + "/public/samples/";
  const CliRun spend = run_cli("analyze --kind spend " + quoted(samples + "spend.csv"));
  const CliRun transactions = run_cli("analyze --kind transactions --gross-margin 0.28 " +
                                      quoted(samples + "transactions.csv"));
  ASSERT_EQ(spend.exit_code, 0) << spend.err;
  ASSERT_EQ(transactions.exit_code, 0) << transactions.err;
  const std::string spend_path = write_temp("spend.json", spend.out);
  const std::string transactions_path = write_temp("transactions.json", transactions.out);
  const CliRun run = run_cli("combine " + quoted(spend_path) + " " + quoted(transactions_path));
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  const json answer = parse_or_fail(run.out);
  const json* ratio = find_kpi_answer(answer, "ltv_cac_ratio");
  ASSERT_NE(ratio, nullptr) << run.out;
  // Each channel: its CLTV from the transactions table over its CAC from the spend table.
  const json spend_answer = parse_or_fail(spend.out);
  const json transactions_answer = parse_or_fail(transactions.out);
  ASSERT_EQ((*ratio)["breakdown"].size(), 4u) << ratio->dump();
  for (const json& row : (*ratio)["breakdown"]) {
    const std::string name = str(row, "name");
    const json& cac_row = spend_answer["inputs"]["channels"][name];
    const double cac = num(cac_row, "spend") / num(cac_row, "new_customers");
    const double cltv = num(transactions_answer["inputs"]["channel_cltv"][name], "cltv");
    expect_close(num(row, "value"), cltv / cac);
  }
  const CliRun missing = run_cli("combine " + quoted(spend_path) + " /nonexistent.json");
  EXPECT_EQ(missing.exit_code, 2);
  expect_one_line_message(missing);
  std::remove(spend_path.c_str());
  std::remove(transactions_path.c_str());
}

TEST(Cli, AnalyzeUnknownKindOrMissingFile) {
  const std::string path = write_temp("x.csv", "a,b\n1,2\n");
  const CliRun unknown = run_cli("analyze --kind nope " + quoted(path));
  EXPECT_EQ(unknown.exit_code, 2);
  expect_one_line_message(unknown);
  EXPECT_NE(unknown.err.find("nope"), std::string::npos) << unknown.err;

  const CliRun missing = run_cli("analyze --kind spend " + quoted(temp_path("missing.csv")));
  EXPECT_EQ(missing.exit_code, 2);
  expect_one_line_message(missing);
  std::remove(path.c_str());
}

TEST(Cli, BadUsageExitsTwo) {
  for (const char* args : {"", "frobnicate", "catalog extra", "analyze spend", "compute a b"}) {
    SCOPED_TRACE(args);
    const CliRun run = run_cli(args);
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("usage"), std::string::npos) << run.err;
  }
  const CliRun help = run_cli("--help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("usage"), std::string::npos);
}

// A file as Excel on Traditional-Chinese Windows saves it: Big5 bytes (the header's written by
// hand from the Big5 chart: 客戶編號 AB C8 A4 E1 BD 73 B8 B9, 訂單日期 AD 71 B3 E6 A4 E9 B4 C1,
// 金額 AA F7 C3 42) and 民國 dates. The CLI reads it as it reads the same rows in UTF-8 with
// Gregorian dates: every KPI the same, and the report names Big5 and the ROC calendar.
TEST(Cli, AnalyzeBig5FileWithRocDates) {
  const std::string big5_header =
      "\xAB\xC8\xA4\xE1\xBD\x73\xB8\xB9,\xAD\x71\xB3\xE6\xA4\xE9\xB4\xC1,\xAA\xF7\xC3\x42\r\n";
  std::string big5 = big5_header;
  std::string utf8 = "customer_id,date,amount\n";
  // Ten customers buy in 2023 (民國 112), five of them again in 2024 (民國 113).
  for (int i = 0; i < 40; ++i) {
    const std::string customer = "C" + std::to_string(i < 20 ? i % 10 : i % 5);
    const int month = i % 12 + 1;
    const int day = i % 27 + 1;
    const std::string mm = (month < 10 ? "0" : "") + std::to_string(month);
    const std::string dd = (day < 10 ? "0" : "") + std::to_string(day);
    const std::string amount = std::to_string(100 + 37 * i);
    const int year = i < 20 ? 2023 : 2024;
    big5 +=
        customer + "," + std::to_string(year - 1911) + "/" + mm + "/" + dd + "," + amount + "\r\n";
    utf8 += customer + "," + std::to_string(year) + "-" + mm + "-" + dd + "," + amount + "\n";
  }
  const std::string big5_path = write_temp("taiwan.csv", big5);
  const std::string utf8_path = write_temp("gregorian.csv", utf8);
  const CliRun run = run_cli("analyze --kind transactions " + quoted(big5_path));
  const CliRun twin = run_cli("analyze --kind transactions " + quoted(utf8_path));
  ASSERT_EQ(twin.exit_code, 0) << twin.out << twin.err;
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  const json answer = parse_or_fail(run.out);
  const json expected = parse_or_fail(twin.out);
  const json& report = answer["import"];
  EXPECT_EQ(report["file"].value("encoding", ""), "big5") << report.dump();
  EXPECT_EQ(report["file"].value("encoding_reason_code", ""), "encoding_big5");
  EXPECT_EQ(report.value("rows_used", -1), 40);
  bool roc = false;
  for (const json& format : report["formats"]) {
    if (format.value("order", "") != "roc") continue;
    roc = true;
    EXPECT_EQ(format.value("format", ""), "YYY/MM/DD");
    EXPECT_EQ(format["note_parts"][0].value("code", ""), "date_note_roc_calendar");
  }
  EXPECT_TRUE(roc) << report["formats"].dump();
  ASSERT_GT(expected["kpis"].size(), 0U);
  ASSERT_EQ(answer["kpis"].size(), expected["kpis"].size());
  for (const json& kpi : expected["kpis"]) {
    const std::string id = str(kpi, "id");
    const json* same = find_kpi_answer(answer, id);
    ASSERT_NE(same, nullptr) << id;
    EXPECT_EQ((*same)["value"], kpi["value"]) << id;
  }
  // Named explicitly, the same file reads the same.
  const CliRun named = run_cli("analyze --kind transactions --encoding cp950 " + quoted(big5_path));
  EXPECT_EQ(named.exit_code, 0) << named.err;
  EXPECT_EQ(parse_or_fail(named.out)["import"].value("rows_used", -1), 40);
  std::remove(big5_path.c_str());
  std::remove(utf8_path.c_str());
}

}  // namespace
