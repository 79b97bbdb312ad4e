// The customer_summary kind: lifetimes' and BTYD's summary files are detected and mapped by their
// own headers, contradictory rows are left out with their lines, and the models fit the rows of
// the file as they fit the core's own summaries.
#include <gtest/gtest.h>

#include <filesystem>

#include "kind_answer_support.hpp"
#include "models_test_support.hpp"
#include "servimetrics/file_analysis.hpp"
#include "servimetrics/import_session.hpp"
#include "servimetrics/models.hpp"

namespace {

using json = nlohmann::json;
using servimetrics::testing::find_note;
using servimetrics::testing::measure;

json analyze_text(std::string_view text) {
  servimetrics::ImportOptions import;  // kind "auto": detected from the headers
  return servimetrics::analyze_file(text, import, servimetrics::AnalyzeOptions{});
}

const json& import_report(const json& answer) {
  return answer.at("import");
}

TEST(CustomerSummaryKind, LifetimesAndBtydHeadersAreDetected) {
  // Each header with two rows of as many cells: a repeat buyer and a one-time buyer.
  const std::vector<std::pair<const char*, const char*>> files = {
      {"ID,frequency,recency,T,monetary_value", "1,2,30.43,38.86,22.35\n2,0,0,38.86,0\n"},
      {"cust,x,t.x,T.cal,m.x", "1,2,30.43,38.86,22.35\n2,0,0,38.86,0\n"},
      {"customer_id,x,t_x,T,zbar,x_star", "1,2,30.43,38.86,22.35,1\n2,0,0,38.86,0,0\n"},
  };
  for (const auto& [header, rows] : files) {
    const std::string text = std::string(header) + "\n" + rows;
    const json answer = analyze_text(text);
    EXPECT_EQ(import_report(answer)["kind"], "customer_summary") << header << answer.dump();
    EXPECT_EQ(measure(answer, "customers"), 2) << header;
    EXPECT_EQ(measure(answer, "repeat_buyers"), 1) << header;
  }
}

TEST(CustomerSummaryKind, ContradictoryRowsAreLeftOutWithTheirLines) {
  // Line 3: 1.5 purchases; line 4: recency after age; line 5: a recency without repeats; line 7
  // repeats customer a.
  const json answer = analyze_text(
      "customer_id,frequency,recency,T\n"
      "a,2,10,20\nb,1.5,3,20\nc,1,25,20\nd,0,4,20\ne,0,0,20\na,1,1,20\n");
  EXPECT_EQ(measure(answer, "customers"), 2);
  const auto lines = [&](const char* code) {
    const json* note = find_note(answer, code);
    return note ? note->at("params").at("lines") : json();
  };
  EXPECT_EQ(lines("models_summary_fractional_purchases"), json::array({3}));
  EXPECT_EQ(lines("models_summary_recency_after_age"), json::array({4}));
  EXPECT_EQ(lines("models_summary_recency_without_repeats"), json::array({5}));
  EXPECT_EQ(lines("models_summary_duplicate_customers"), json::array({7}));
  EXPECT_NE(find_note(answer, "summary_time_unit"), nullptr);
}

TEST(CustomerSummaryKind, RepeatPurchasesSpreadAndMeanSpend) {
  const json answer =
      analyze_text("ID,x,t_x,T,zbar\n1,1,2,10,10\n2,3,5,10,20\n3,9,9,10,30\n4,0,0,10,0\n");
  // Mean repeat spend weighted by purchases: (1*10 + 3*20 + 9*30) / 13.
  EXPECT_NEAR(measure(answer, "mean_repeat_spend"), 340.0 / 13, 1e-9);
  EXPECT_EQ(measure(answer, "repeat_purchases"), 13);
  const json& rows = answer["tables"]["by_repeat_purchases"]["rows"];
  ASSERT_EQ(rows.size(), 8u);
  EXPECT_EQ(rows[0], json::array({"0", 1, 0.25, nullptr}));
  EXPECT_EQ(rows[7][0], "7+");
  EXPECT_EQ(rows[7][1], 1);
  EXPECT_EQ(rows[7][3], 30);
}

// lifetimes ships CDNOW's calibration summary; read as a file of this kind, the BG/NBD fit is
// Fader, Hardie & Lee's (2005): r 0.243, alpha 4.414, a 0.793, b 2.426, LL -9582.4.
TEST(CustomerSummaryKind, CdnowSummaryFileGivesThePublishedFit) {
  const auto path =
      models_test::kShared / "cdnow-lifetimes" / "cdnow_customers_summary_with_transactions.csv";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no ../shared/data/cdnow-lifetimes";
  servimetrics::ImportOptions options;
  servimetrics::ImportSession session(options);
  session.feed(models_test::slurp(path));
  session.finish();
  ASSERT_FALSE(session.error().has_value()) << session.error()->message;
  ASSERT_EQ(session.table().kind, "customer_summary");
  ASSERT_EQ(session.table().rows(), 2357u);
  const json answer = servimetrics::fit_models(
      session.table(), {{"time_unit", "week"}, {"models", {"bg_nbd", "gamma_gamma"}}});
  ASSERT_TRUE(answer["errors"].empty()) << answer["errors"].dump();
  EXPECT_EQ(answer["summary"]["customers"], 2357);
  const json& bg = answer["models"][0];
  EXPECT_NEAR(bg["log_likelihood"].get<double>(), -9582.4, 0.1);
  EXPECT_NEAR(bg["params"]["r"].get<double>(), 0.243, 0.0005);
  EXPECT_NEAR(bg["params"]["alpha"].get<double>(), 4.414, 0.001);
  EXPECT_NEAR(bg["params"]["a"].get<double>(), 0.793, 0.0005);
  EXPECT_NEAR(bg["params"]["b"].get<double>(), 2.426, 0.001);
  // Gamma-Gamma on the 946 repeat buyers' zbar: FHL's "RFM and CLV" p 6.25, q 3.74, gamma 15.44.
  const json& gg = answer["models"][1];
  EXPECT_NEAR(gg["params"]["p"].get<double>(), 6.25, 0.01);
  EXPECT_NEAR(gg["params"]["q"].get<double>(), 3.74, 0.01);
  EXPECT_NEAR(gg["params"]["gamma"].get<double>(), 15.44, 0.02);
}

}  // namespace
