// The marketing-spend import through analyze("spend", text): per-channel and overall CAC by hand,
// the table, import counts, rejects with row/column/value/reason (bad number, negative, empty
// channel, empty cell), a file of the wrong kind (missing columns), empty and header-only files,
// Chinese headers, semicolon / tab files with BOM and CRLF, huge values, and an unknown kind.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "analyze/analyze.hpp"
#include "kpi_test_support.hpp"

namespace {

using namespace servimetrics::testing;

// The channels table's row for `channel`, as an object keyed by column (kept per channel, so
// several rows can be held at once).
const json* table_row(const json& answer, std::string_view channel) {
  static std::map<std::string, json> rows;
  json& row_object = rows[std::string(channel)];
  if (!answer.contains("tables") || !answer["tables"].contains("channels")) return nullptr;
  const json& table = answer["tables"]["channels"];
  for (const json& row : table["rows"]) {
    if (row[0] != std::string(channel)) continue;
    row_object = json::object();
    for (std::size_t c = 0; c < table["columns"].size(); ++c) {
      row_object[table["columns"][c].get<std::string>()] = row[c];
    }
    return &row_object;
  }
  return nullptr;
}

const json& import_of(const json& answer) {
  static const json empty = json::object();
  return answer.contains("import") && answer["import"].is_object() ? answer["import"] : empty;
}

// Online: (3,000 + 2,000) / (30 + 20) = 100. Events: (5,000 + 1,000) / (10 + 0) = 600.
// Overall: 11,000 / 60.
const char* const kSpendCsv =
    "period,channel,spend,new_customers\n"
    "2024-01,Online,3000,30\n"
    "2024-01,Events,5000,10\n"
    "2024-02,Online,2000,20\n"
    "2024-02,Events,1000,0\n";

void expect_example_results(const json& answer) {
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
  EXPECT_NEAR(kpi_value(answer, "cac"), 11000.0 / 60, 1e-9);
  const json* cac = find_kpi_answer(answer, "cac");
  ASSERT_NE(cac, nullptr);
  const json* online = find_breakdown_row(*cac, "Online");
  const json* events = find_breakdown_row(*cac, "Events");
  ASSERT_NE(online, nullptr) << cac->dump();
  ASSERT_NE(events, nullptr) << cac->dump();
  EXPECT_DOUBLE_EQ(num(*online, "value"), 100);
  EXPECT_DOUBLE_EQ(num(*events, "value"), 600);

  const json* online_row = table_row(answer, "Online");
  const json* events_row = table_row(answer, "Events");
  ASSERT_NE(online_row, nullptr) << answer.dump();
  ASSERT_NE(events_row, nullptr) << answer.dump();
  EXPECT_DOUBLE_EQ(num(*online_row, "spend"), 5000);
  EXPECT_DOUBLE_EQ(num(*online_row, "new_customers"), 50);
  EXPECT_DOUBLE_EQ(num(*online_row, "cac"), 100);
  EXPECT_DOUBLE_EQ(num(*events_row, "spend"), 6000);
  EXPECT_DOUBLE_EQ(num(*events_row, "new_customers"), 10);
  EXPECT_DOUBLE_EQ(num(*events_row, "cac"), 600);
  EXPECT_EQ(answer["tables"]["channels"]["rows"].size(), 2u);

  const json& import = import_of(answer);
  EXPECT_EQ(import.value("rows_read", -1), 4);
  EXPECT_EQ(import.value("rows_used", -1), 4);
  EXPECT_EQ(import.value("rows_rejected", -1), 0);
  ASSERT_TRUE(import.contains("rejects") && import["rejects"].is_array());
  EXPECT_TRUE(import["rejects"].empty());
  expect_finite_answer(answer);
}

TEST(SpendImport, PerChannelAndOverallCac) {
  expect_example_results(servimetrics::analyze("spend", kSpendCsv));
}

TEST(SpendImport, AnalyzeSpendIsTheSameAsAnalyzeWithKindSpend) {
  EXPECT_EQ(servimetrics::analyze_spend(kSpendCsv), servimetrics::analyze("spend", kSpendCsv));
}

TEST(SpendImport, ChineseHeaders) {
  const std::string text =
      "期间,渠道,支出,新客户数\n"
      "2024-01,线上广告,3000,30\n"
      "2024-01,线下活动,5000,10\n"
      "2024-02,线上广告,2000,20\n"
      "2024-02,线下活动,1000,0\n";
  const json answer = servimetrics::analyze("spend", text);
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
  EXPECT_NEAR(kpi_value(answer, "cac"), 11000.0 / 60, 1e-9);
  const json* row = table_row(answer, "线上广告");
  ASSERT_NE(row, nullptr) << answer.dump();
  EXPECT_DOUBLE_EQ(num(*row, "cac"), 100);
}

TEST(SpendImport, SemicolonFileWithBomAndCrlf) {
  const std::string text =
      "\xEF\xBB\xBF"
      "Period;Channel;Spend;New_Customers\r\n"
      "2024-01;Online;3000;30\r\n"
      "2024-01;Events;5000;10\r\n"
      "2024-02;Online;2000;20\r\n"
      "2024-02;Events;1000;0\r\n";
  expect_example_results(servimetrics::analyze("spend", text));
}

TEST(SpendImport, TabFileWithColumnsInAnotherOrder) {
  const std::string text =
      "new_customers\tspend\tchannel\tperiod\n"
      "30\t3000\tOnline\t2024-01\n"
      "10\t5000\tEvents\t2024-01\n"
      "20\t2000\tOnline\t2024-02\n"
      "0\t1000\tEvents\t2024-02\n";
  expect_example_results(servimetrics::analyze("spend", text));
}

TEST(SpendImport, QuotedChannelWithComma) {
  const json answer = servimetrics::analyze(
      "spend", "period,channel,spend,new_customers\n2024-01,\"Ads, Google\",900,3\n");
  EXPECT_EQ(error_count(answer), 0u) << answer.dump();
  const json* row = table_row(answer, "Ads, Google");
  ASSERT_NE(row, nullptr) << answer.dump();
  EXPECT_DOUBLE_EQ(num(*row, "cac"), 300);
}

TEST(SpendImport, RejectsNameRowColumnValueAndReason) {
  const std::string text =
      "period,channel,spend,new_customers\n"  // line 1
      "2024-01,Online,3000,30\n"              // line 2: used
      "2024-01,Events,abc,10\n"               // line 3: spend not a number
      "2024-02,Online,-5,20\n"                // line 4: negative spend
      "2024-02,,100,1\n"                      // line 5: empty channel
      "2024-03,Online,200,\n"                 // line 6: empty new_customers
      "2024-03,Events,100,2.5.1\n"            // line 7: new_customers not a number
      "2024-03,Events,1000,5\n";              // line 8: used
  const json answer = servimetrics::analyze("spend", text);
  const json& import = import_of(answer);
  EXPECT_EQ(import.value("rows_read", -1), 7);
  EXPECT_EQ(import.value("rows_used", -1), 2);
  EXPECT_EQ(import.value("rows_rejected", -1), 5);
  ASSERT_TRUE(import.contains("rejects") && import["rejects"].is_array()) << answer.dump();
  ASSERT_EQ(import["rejects"].size(), 5u) << answer.dump();
  struct Expected {
    int row;
    const char* column;
    const char* value;
    const char* reason_part;
  };
  const Expected expected[] = {{3, "spend", "abc", "number"},
                               {4, "spend", "-5", "negative"},
                               {5, "channel", "", "empty"},
                               {6, "new_customers", "", "empty"},
                               {7, "new_customers", "2.5.1", "separator"}};
  for (std::size_t i = 0; i < 5; ++i) {
    SCOPED_TRACE(i);
    const json& reject = import["rejects"][i];
    EXPECT_EQ(reject.value("row", -1), expected[i].row) << reject.dump();
    EXPECT_EQ(reject.value("column", std::string()), expected[i].column) << reject.dump();
    EXPECT_EQ(reject.value("value", std::string("?")), expected[i].value) << reject.dump();
    EXPECT_NE(reject.value("reason", std::string()).find(expected[i].reason_part),
              std::string::npos)
        << reject.dump();
  }
  // The two good rows: Online 3,000 / 30 = 100, Events 1,000 / 5 = 200; overall 4,000 / 35.
  EXPECT_NEAR(kpi_value(answer, "cac"), 4000.0 / 35, 1e-9);
  const json* events = table_row(answer, "Events");
  ASSERT_NE(events, nullptr);
  EXPECT_DOUBLE_EQ(num(*events, "cac"), 200);
}

TEST(SpendImport, WrongKindOfFileNamesTheMissingColumns) {
  const json answer = servimetrics::analyze("spend", "name,email,spend\nAnn,ann@example.com,3\n");
  EXPECT_TRUE(answer["kpis"].empty()) << answer.dump();
  ASSERT_EQ(error_count(answer), 1u) << answer.dump();
  const std::string message = str(answer["errors"][0], "message");
  for (const char* column : {"period", "channel", "new_customers"}) {
    EXPECT_NE(message.find(column), std::string::npos) << message;
  }
  EXPECT_NE(message.find("no column for"), std::string::npos) << message;
}

TEST(SpendImport, EmptyFile) {
  for (const char* text : {"", "\n\n", "\xEF\xBB\xBF"}) {
    SCOPED_TRACE(::testing::PrintToString(std::string(text)));
    const json answer = servimetrics::analyze("spend", text);
    EXPECT_TRUE(answer["kpis"].empty());
    ASSERT_EQ(error_count(answer), 1u) << answer.dump();
    EXPECT_NE(str(answer["errors"][0], "message").find("empty"), std::string::npos)
        << answer.dump();
  }
}

TEST(SpendImport, HeaderOnlyOrEveryRowRejected) {
  const json header_only = servimetrics::analyze("spend", "period,channel,spend,new_customers\n");
  EXPECT_TRUE(header_only["kpis"].empty());
  EXPECT_GE(error_count(header_only), 1u) << header_only.dump();

  const json all_bad =
      servimetrics::analyze("spend", "period,channel,spend,new_customers\n1,a,x,1\n");
  EXPECT_TRUE(all_bad["kpis"].empty());
  EXPECT_GE(error_count(all_bad), 1u) << all_bad.dump();
  EXPECT_EQ(import_of(all_bad).value("rows_rejected", -1), 1);
}

TEST(SpendImport, NoChannelWonACustomer) {
  const json answer =
      servimetrics::analyze("spend", "period,channel,spend,new_customers\n1,a,100,0\n2,b,50,0\n");
  EXPECT_EQ(find_kpi_answer(answer, "cac"), nullptr);
  EXPECT_NE(find_error(answer, "cac"), nullptr) << answer.dump();
  expect_finite_answer(answer);
}

TEST(SpendImport, UnclosedQuoteIsAnError) {
  const json answer =
      servimetrics::analyze("spend", "period,channel,spend,new_customers\n1,\"a,100,3\n");
  EXPECT_GE(error_count(answer), 1u) << answer.dump();
  EXPECT_TRUE(answer["kpis"].empty());
}

TEST(SpendImport, HugeValuesNeverGiveInfinity) {
  // Each row parses, but their sum overflows a double: the answer must say so rather than hold an
  // infinite (null) spend.
  const json answer = servimetrics::analyze(
      "spend", "period,channel,spend,new_customers\n1,a,1e308,1\n2,a,1e308,1\n3,b,100,2\n");
  expect_finite_answer(answer);
  if (const json* row = table_row(answer, "a")) {
    EXPECT_TRUE((*row)["spend"].is_number()) << row->dump();
  }
}

TEST(SpendImport, RowAboveTheMoneyRangeIsRejectedNotFatal) {
  // Spend is money, valid up to 1e15 (catalog). A row beyond it is a bad row: it is rejected with
  // its row and column, and the other rows still give a CAC.
  const json answer =
      servimetrics::analyze("spend", "period,channel,spend,new_customers\n1,a,1e16,1\n2,b,100,2\n");
  EXPECT_DOUBLE_EQ(kpi_value(answer, "cac"), 50);
  const json& import = import_of(answer);
  EXPECT_EQ(import.value("rows_rejected", -1), 1) << answer.dump();
  if (import.contains("rejects") && import["rejects"].is_array() && !import["rejects"].empty()) {
    EXPECT_EQ(import["rejects"][0].value("row", -1), 2);
    EXPECT_EQ(import["rejects"][0].value("column", std::string()), "spend");
  }
}

TEST(SpendImport, UnknownKind) {
  const json answer = servimetrics::analyze("nope", kSpendCsv);
  EXPECT_TRUE(answer["kpis"].empty());
  const json* error = find_error(answer, "", "kind");
  ASSERT_NE(error, nullptr) << answer.dump();
  EXPECT_NE(str(*error, "message").find("nope"), std::string::npos);
  EXPECT_FALSE(answer.contains("import"));
}

}  // namespace
