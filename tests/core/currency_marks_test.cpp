// currency_mark(): the currency a number cell is written with, as the page names it; and the
// import's count of them per number column (formats[].currencies), from which the page suggests a
// currency.
#include <gtest/gtest.h>

#include <string>

#include "cells/cell_values.hpp"
#include "servimetrics/import_session.hpp"

namespace servimetrics {
namespace {

using json = nlohmann::json;

TEST(CurrencyMark, NamesTheSymbolOrCodeOfACell) {
  EXPECT_EQ(currency_mark("NT$1,200"), "NT$");
  EXPECT_EQ(currency_mark("nt$ 1,200"), "NT$");
  EXPECT_EQ(currency_mark("HK$35.50"), "HK$");
  EXPECT_EQ(currency_mark("S$12"), "S$");
  EXPECT_EQ(currency_mark("-$5"), "$");
  EXPECT_EQ(currency_mark("\xEF\xBC\x84"
                          "5"),
            "$");  // ＄5 (full width)
  EXPECT_EQ(currency_mark("\xEF\xBF\xA5"
                          "88"),
            "\xC2\xA5");                                              // ￥88 -> ¥
  EXPECT_EQ(currency_mark("1.234,50 \xE2\x82\xAC"), "\xE2\x82\xAC");  // €
  EXPECT_EQ(currency_mark("120 twd"), "TWD");
  EXPECT_EQ(currency_mark("RMB 30"), "RMB");
  EXPECT_EQ(currency_mark("30\xE5\x85\x83"), "\xE5\x85\x83");  // 30元
  EXPECT_EQ(currency_mark("\xE4\xBA\xBA\xE6\xB0\x91\xE5\xB8\x81"
                          "30"),
            "\xE4\xBA\xBA\xE6\xB0\x91\xE5\xB8\x81");
  EXPECT_EQ(currency_mark("1,200.50"), "");
  EXPECT_EQ(currency_mark("12%"), "");
  EXPECT_EQ(currency_mark("1e5"), "");
  EXPECT_EQ(currency_mark("often"), "");
}

TEST(CurrencyMark, SingaporeDollarsAreReadAsNumbers) {
  const auto value = parse_number_cell("S$1,234.50");
  ASSERT_TRUE(value.ok());
  EXPECT_DOUBLE_EQ(value.value(), 1234.5);
  EXPECT_FALSE(parse_number_cell("X$5").ok());
}

json import_report(const std::string& csv) {
  ImportOptions options;
  options.kind = "transactions";
  ImportSession session(std::move(options));
  if (session.feed(csv)) session.finish();
  return session.report();
}

const json* format_of(const json& report, std::string_view field) {
  for (const json& format : report["formats"]) {
    if (format["field"] == field) return &format;
  }
  return nullptr;
}

TEST(CurrencyMark, TheImportCountsEachColumnsCurrencies) {
  const json report = import_report(
      "customer_id,date,amount\n"
      "c1,2024-01-05,NT$1200\n"
      "c2,2024-01-06,NT$ 350\n"
      "c3,2024-01-07,80\n"
      "c1,2024-02-01,$40\n");
  const json* amount = format_of(report, "amount");
  ASSERT_NE(amount, nullptr) << report["formats"].dump();
  EXPECT_EQ((*amount)["currencies"], json({{"NT$", 2}, {"$", 1}}));
  EXPECT_EQ(report["rows_used"], 4);
}

TEST(CurrencyMark, AColumnWithoutSymbolsHasNoCount) {
  const json report =
      import_report("customer_id,date,amount\nc1,2024-01-05,1200\nc2,2024-01-06,35\n");
  const json* amount = format_of(report, "amount");
  ASSERT_NE(amount, nullptr) << report["formats"].dump();
  EXPECT_FALSE(amount->contains("currencies"));
}

}  // namespace
}  // namespace servimetrics
