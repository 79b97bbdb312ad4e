// LTV:CAC per acquisition channel: the catalog's ltv_cac_ratio with channels + channel_cltv, the
// transactions analysis's per-channel CLTV, and combine_analyses() joining a spend analysis and a
// transactions analysis (matched names, unmatched channels, a missing margin, conflicts, bad
// requests), all checked against hand-computed values.
#include <gtest/gtest.h>

#include "analyze/kind_analysis.hpp"
#include "analyze_test_support.hpp"
#include "base/channel_names.hpp"
#include "row_table_builder.hpp"

namespace {

using namespace servimetrics;
using namespace servimetrics::testing;

TEST(ChannelNames, MatchAfterTrimmingAndFoldingAsciiCase) {
  EXPECT_TRUE(same_channel("Online Ads", " online ads\t"));
  EXPECT_FALSE(same_channel("online ads", "online-ads"));
  EXPECT_TRUE(same_channel("线上广告", "线上广告 "));
  const json channels = {{"Store", 1}, {"store", 2}};
  ASSERT_NE(matching_channel(channels, "store"), nullptr);
  EXPECT_EQ(*matching_channel(channels, "store"), "store");  // an exact match first
  EXPECT_EQ(*matching_channel(channels, "STORE"), "Store");
  EXPECT_EQ(matching_channel(channels, "web"), nullptr);
  EXPECT_EQ(matching_channel(json::array(), "web"), nullptr);
}

TEST(LtvCacRatio, PerChannelFromChannelsAndChannelCltv) {
  const json answer = compute_inputs(
      {{"cltv", 900},
       {"channels",
        {{"Online", {{"spend", 1000}, {"new_customers", 10}}},    // CAC 100
         {"Events", {{"spend", 3000}, {"new_customers", 5}}},     // CAC 600
         {"Radio", {{"spend", 500}, {"new_customers", 0}}},       // no CAC
         {"Partners", {{"spend", 200}, {"new_customers", 1}}}}},  // no CLTV
       {"channel_cltv", {{"online", {{"cltv", 500}}}, {"Events", {{"cltv", 1500}}}}}});
  EXPECT_EQ(error_count(answer), 0u) << answer["errors"].dump();
  const json* ratio = find_kpi_answer(answer, "ltv_cac_ratio");
  ASSERT_NE(ratio, nullptr) << answer.dump();
  // Overall: cltv 900 / cac (4,700 / 16).
  expect_close(num(*ratio, "value"), 900 / (4700.0 / 16));
  ASSERT_EQ((*ratio)["breakdown"].size(), 2u) << ratio->dump();
  const json* online = find_breakdown_row(*ratio, "Online");
  const json* events = find_breakdown_row(*ratio, "Events");
  ASSERT_NE(online, nullptr);
  ASSERT_NE(events, nullptr);
  EXPECT_DOUBLE_EQ(num(*online, "value"), 5);    // 500 / 100
  EXPECT_DOUBLE_EQ(num(*events, "value"), 2.5);  // 1500 / 600
  // Each channel is rated by the catalog's rule; the whole keeps its own band.
  EXPECT_EQ(str(*online, "band"), "good");
  EXPECT_EQ(str(*events, "band"), "watch");
  EXPECT_EQ(str(*ratio, "band"), "good");
  // cac still comes from the channels alone.
  expect_close(kpi_value(answer, "cac"), 4700.0 / 16);
}

TEST(LtvCacRatio, ChannelsAloneDoNotAskForIt) {
  const json answer =
      compute_inputs({{"channels", {{"Online", {{"spend", 1000}, {"new_customers", 10}}}}}});
  EXPECT_EQ(error_count(answer), 0u) << answer["errors"].dump();
  EXPECT_DOUBLE_EQ(kpi_value(answer, "cac"), 100);
  EXPECT_EQ(find_kpi_answer(answer, "ltv_cac_ratio"), nullptr);
  // A bad channel row is cac's error, not LTV:CAC's.
  const json bad =
      compute_inputs({{"channels", {{"Online", {{"spend", -1}, {"new_customers", 1}}}}}});
  EXPECT_NE(find_error(bad, "cac", "channels.Online.spend"), nullptr) << bad.dump();
  EXPECT_EQ(find_error(bad, "ltv_cac_ratio"), nullptr) << bad.dump();
}

TEST(LtvCacRatio, ChannelCltvWithoutCacSaysWhatIsMissing) {
  const json answer =
      compute_inputs({{"cltv", 900}, {"channel_cltv", {{"Online", {{"cltv", 500}}}}}});
  EXPECT_NE(find_error(answer, "ltv_cac_ratio", "cac"), nullptr) << answer.dump();
  const json bad = compute_inputs({{"channel_cltv", {{"Online", {{"value", 500}}}}}});
  EXPECT_NE(find_error(bad, "ltv_cac_ratio", "channel_cltv.Online.value"), nullptr) << bad.dump();
}

// Online won A (net 280); Store won B (0) and C (80). E's zero-value line of 2023-12-01 makes the
// file span 213 days: retention windows of 106 days, the earlier one with A and B, who do not buy
// again in the latest (C's): retention 0, an expected lifetime of 1 year (issue 12).
RowTableBuilder transactions(bool with_channel) {
  if (!with_channel) {
    RowTableBuilder b("transactions", {"customer_id", "date", "amount"});
    b.row({"E", "2023-12-01", "0"});
    b.row({"A", "2024-01-05", "130"}).row({"A", "2024-03-10", "150"});
    b.row({"B", "2024-02-01", "100"}).row({"B", "2024-02-03", "-100"});
    b.row({"C", "2024-06-30", "80"});
    return b;
  }
  RowTableBuilder b("transactions", {"customer_id", "date", "amount", "channel"});
  b.row({"E", "2023-12-01", "0", ""});
  b.row({"A", "2024-01-05", "130", "Online"}).row({"A", "2024-03-10", "150", "Online"});
  b.row({"B", "2024-02-01", "100", "Store"}).row({"B", "2024-02-03", "-100", "Store"});
  b.row({"C", "2024-06-30", "80", "Store"});
  return b;
}

constexpr double kYears = 213 / 365.25;

TEST(AnalyzeTransactions, ChannelCltvWithAGrossMargin) {
  AnalyzeOptions options;
  options.gross_margin = 0.4;
  const json answer = analyze_transactions_table(transactions(true).table(), options);
  EXPECT_EQ(error_count(answer), 0u) << answer["errors"].dump();
  const json& table = answer_table(answer, "channels");
  const json* online = table_row(table, "Online");
  const json* store = table_row(table, "Store");
  ASSERT_NE(online, nullptr);
  ASSERT_NE(store, nullptr);
  expect_close(cell_number(table, *online, "annual_revenue_per_customer"), 280 / kYears);
  expect_close(cell_number(table, *store, "annual_revenue_per_customer"), 80.0 / 2 / kYears);
  // Relationship 1 year (the expected lifetime at retention 0), no discount.
  expect_close(cell_number(table, *online, "cltv"), 280 / kYears * 0.4);
  expect_close(cell_number(table, *store, "cltv"), 40 / kYears * 0.4);
  const json& values = answer["inputs"]["channel_cltv"];
  expect_close(num(values["Online"], "cltv"), 280 / kYears * 0.4);
  expect_close(num(values["Store"], "cltv"), 40 / kYears * 0.4);
  // Alone, channel_cltv asks nothing of LTV:CAC (no CAC here).
  EXPECT_EQ(find_error(answer, "ltv_cac_ratio"), nullptr) << answer["errors"].dump();

  const json without_margin = analyze_transactions_table(transactions(true).table(), {});
  EXPECT_FALSE(without_margin["inputs"].contains("channel_cltv"));
  const json& plain = answer_table(without_margin, "channels");
  EXPECT_TRUE(cell(plain, *table_row(plain, "Online"), "cltv").is_null());
  expect_close(cell_number(plain, *table_row(plain, "Online"), "annual_revenue_per_customer"),
               280 / kYears);
}

json spend_answer(const json& channels) {
  return {{"kind", "spend"}, {"inputs", {{"channels", channels}}}};
}

json transactions_answer(bool with_channel, bool with_margin) {
  AnalyzeOptions options;
  if (with_margin) options.gross_margin = 0.4;
  json answer = analyze_transactions_table(transactions(with_channel).table(), options);
  answer["kind"] = "transactions";
  return answer;
}

TEST(CombineAnalyses, LtvCacPerChannelFromSpendAndTransactions) {
  const json spend = spend_answer({{"online", {{"spend", 90}, {"new_customers", 3}}},  // CAC 30
                                   {"Store", {{"spend", 40}, {"new_customers", 1}}},   // CAC 40
                                   {"Radio", {{"spend", 10}, {"new_customers", 1}}},
                                   {"Events", {{"spend", 10}, {"new_customers", 0}}}});
  const json combined = combine_analyses({{"answers", {spend, transactions_answer(true, true)}}});
  expect_finite_answer(combined);
  EXPECT_EQ(error_count(combined), 0u) << combined["errors"].dump();
  // Only what neither file gives alone: not cac, clv or cltv.
  ASSERT_EQ(combined["kpis"].size(), 1u) << combined["kpis"].dump();
  const json& ratio = combined["kpis"][0];
  EXPECT_EQ(str(ratio, "id"), "ltv_cac_ratio");
  // Overall cltv = 360 / 3 customers / years x 0.4; cac = 150 / 5.
  expect_close(num(ratio, "value"), 360.0 / 3 / kYears * 0.4 / 30);
  ASSERT_EQ(ratio["breakdown"].size(), 2u) << ratio.dump();
  expect_close(num(*find_breakdown_row(ratio, "online"), "value"), 280 / kYears * 0.4 / 30);
  expect_close(num(*find_breakdown_row(ratio, "Store"), "value"), 40 / kYears * 0.4 / 40);
  EXPECT_TRUE(has_note(combined, "channels_without_cltv"));  // Radio and Events
  EXPECT_NE(combined["notes"].dump().find("'Events' and 'Radio'"), std::string::npos)
      << combined["notes"].dump();
  EXPECT_FALSE(has_note(combined, "channels_without_cac"));
  EXPECT_FALSE(has_note(combined, "channels_without_spend"));
  EXPECT_EQ(combined["sources"]["channels"], "spend");
  EXPECT_EQ(combined["sources"]["channel_cltv"], "transactions");
  EXPECT_TRUE(combined["inputs"].contains("gross_margin"));
}

TEST(CombineAnalyses, SaysWhatIsMissing) {
  const json spend = spend_answer({{"Online", {{"spend", 90}, {"new_customers", 3}}}});
  const json no_margin = combine_analyses({{"answers", {spend, transactions_answer(true, false)}}});
  EXPECT_TRUE(no_margin["kpis"].empty()) << no_margin.dump();
  EXPECT_TRUE(has_note(no_margin, "ltv_cac_needs_margin"));

  const json no_channel =
      combine_analyses({{"answers", {spend, transactions_answer(false, true)}}});
  EXPECT_TRUE(has_note(no_channel, "ltv_cac_overall_only"));
  const json* ratio = find_kpi_answer(no_channel, "ltv_cac_ratio");
  ASSERT_NE(ratio, nullptr) << no_channel.dump();
  EXPECT_FALSE(ratio->contains("breakdown"));

  // Store's customers were won where the spend file spent nothing.
  const json partial = combine_analyses({{"answers", {spend, transactions_answer(true, true)}}});
  EXPECT_TRUE(has_note(partial, "channels_without_spend"));
  EXPECT_NE(partial["notes"].dump().find("'Store'"), std::string::npos);

  // A channel in both files that won nobody in the spend file has no CAC to divide by.
  const json idle = spend_answer({{"Online", {{"spend", 90}, {"new_customers", 3}}},
                                  {"Store", {{"spend", 40}, {"new_customers", 0}}}});
  const json without_cac = combine_analyses({{"answers", {idle, transactions_answer(true, true)}}});
  EXPECT_TRUE(has_note(without_cac, "channels_without_cac")) << without_cac["notes"].dump();
  ASSERT_NE(find_kpi_answer(without_cac, "ltv_cac_ratio"), nullptr);
  EXPECT_EQ((*find_kpi_answer(without_cac, "ltv_cac_ratio"))["breakdown"].size(), 1u);
}

TEST(CombineAnalyses, ConflictingInputsAreNoted) {
  const json first = {{"kind", "ledger"}, {"inputs", {{"total_revenue", 100}}}};
  const json second = {{"kind", "transactions"}, {"inputs", {{"total_revenue", 120}}}};
  const json combined = combine_analyses({{"answers", {first, second}}});
  EXPECT_TRUE(has_note(combined, "input_conflict"));
  EXPECT_DOUBLE_EQ(num(combined["inputs"], "total_revenue"), 120);
  EXPECT_EQ(combined["sources"]["total_revenue"], "transactions");
}

TEST(CombineAnalyses, BadRequestsAreErrors) {
  for (const json& request : {json(nullptr), json{{"answers", 3}}, json{{"answers", {1}}},
                              json{{"answers", {{{"kind", "spend"}}}}},
                              json{{"answers", {{{"kind", 1}, {"inputs", json::object()}}}}}}) {
    const json answer = combine_analyses(request);
    EXPECT_EQ(error_count(answer), 1u) << request.dump() << " -> " << answer.dump();
    EXPECT_TRUE(answer["kpis"].empty());
  }
  // An invalid input of one file is reported once, by that file's own analysis.
  const json bad = {{"kind", "spend"},
                    {"inputs", {{"channels", {{"a", {{"spend", -1}, {"new_customers", 1}}}}}}}};
  EXPECT_EQ(error_count(combine_analyses({{"answers", {bad}}})), 0u);
}

}  // namespace
