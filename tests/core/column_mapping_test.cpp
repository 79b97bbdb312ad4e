// Header normalisation and the kind guess behind the files panel's column mapping.
#include <gtest/gtest.h>

#include <string_view>
#include <vector>

#include "servimetrics/data_kinds.hpp"

namespace servimetrics {
namespace {

TEST(ColumnMapping, HeadersAreNormalised) {
  EXPECT_EQ(normalize_header("Customer ID"), "customerid");
  EXPECT_EQ(normalize_header(" customer_id "), "customerid");
  EXPECT_EQ(normalize_header("ＣｕｓｔｏｍｅｒＩＤ"), "customerid");
  EXPECT_EQ(normalize_header("\xEF\xBB\xBF"
                             "Invoice-No."),
            "invoiceno");
  EXPECT_EQ(normalize_header("客户（ID）"), "客户id");
  EXPECT_EQ(normalize_header("【金额】\xE3\x80\x80"), "金额");
}

TEST(ColumnMapping, GuessesFieldsAndKind) {
  const std::vector<std::string_view> headers = {"InvoiceNo",   "StockCode", "Quantity",
                                                 "InvoiceDate", "UnitPrice", "CustomerID"};
  const KindSpec* kind = guess_kind(headers);
  ASSERT_NE(kind, nullptr);
  EXPECT_EQ(kind->id, "transactions");
  const std::vector<int> mapping = guess_mapping(*kind, headers);
  EXPECT_EQ(mapping[static_cast<std::size_t>(field_index(*kind, "customer_id"))], 5);
  EXPECT_EQ(mapping[static_cast<std::size_t>(field_index(*kind, "date"))], 3);
  EXPECT_EQ(mapping[static_cast<std::size_t>(field_index(*kind, "unit_price"))], 4);
  EXPECT_EQ(mapping[static_cast<std::size_t>(field_index(*kind, "amount"))], -1);
  const std::vector<std::string_view> nothing = {"a", "b"};
  EXPECT_EQ(guess_kind(nothing), nullptr);
}

}  // namespace
}  // namespace servimetrics

namespace servimetrics {
namespace {

TEST(ColumnMapping, MissingFieldsErrorHasItsCodeAndParams) {
  const KindSpec* kind = find_kind("transactions");
  ASSERT_NE(kind, nullptr);
  const std::vector<std::string> header = {"Kunde", "Betrag"};
  const std::vector<int> none(kind->fields.size(), -1);
  const auto error = missing_fields_error(*kind, none, header);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->code, "not_this_kind_and_one_of");
  EXPECT_EQ(error->input, "file");
  EXPECT_EQ(error->message,
            "this does not look like a Transactions file: no column for customer_id and date "
            "(headers such as 'customerid', 'customer', 'customerno', 'customernumber'); it also "
            "needs a column for amount, or quantity and unit_price. The file's columns are: "
            "Kunde, Betrag");
  EXPECT_EQ(error->params["kind"], "transactions");
  EXPECT_EQ(error->params["missing"], nlohmann::json({"customer_id", "date"}));
  EXPECT_EQ(error->params["one_of"],
            nlohmann::json::parse(R"([["amount"], ["quantity", "unit_price"]])"));
  EXPECT_EQ(error->params["columns"], nlohmann::json({"Kunde", "Betrag"}));
  EXPECT_EQ(error->params["more_columns"], 0);

  std::vector<int> some = none;
  some[static_cast<std::size_t>(field_index(*kind, "customer_id"))] = 0;
  some[static_cast<std::size_t>(field_index(*kind, "date"))] = 1;
  const auto group = missing_fields_error(*kind, some, header);
  ASSERT_TRUE(group.has_value());
  EXPECT_EQ(group->code, "not_this_kind_one_of");
  some[static_cast<std::size_t>(field_index(*kind, "amount"))] = 2;
  EXPECT_FALSE(missing_fields_error(*kind, some, header).has_value());
}

TEST(ColumnMapping, KindErrorsHaveCodes) {
  const Error unknown = unknown_kind_error("orders");
  EXPECT_EQ(unknown.code, "unknown_kind");
  EXPECT_EQ(unknown.input, "kind");
  EXPECT_EQ(unknown.params["kind"], "orders");
  EXPECT_EQ(unknown.params["known"].size(), data_kinds().size());
  EXPECT_EQ(unknown.message,
            "unknown data kind 'orders' (known: transactions, subscriptions, survey, tickets, "
            "spend, ledger, customer_summary, survival_table, or auto)");
  const Error none = no_kind_fits_error();
  EXPECT_EQ(none.code, "no_kind_fits");
  EXPECT_EQ(none.params["kinds"].size(), data_kinds().size());
}

TEST(ColumnMapping, KindsJsonListsFieldsAndDateFormats) {
  const nlohmann::json kinds = data_kinds_json();
  ASSERT_EQ(kinds["kinds"].size(), data_kinds().size());
  for (const auto& kind : kinds["kinds"]) {
    EXPECT_TRUE(kind["name"].contains("en") && kind["name"].contains("zh"));
    for (const auto& field : kind["fields"]) {
      EXPECT_TRUE(field["label"]["en"].is_string() && field["label"]["zh"].is_string());
    }
  }
  std::vector<std::string> ids;
  for (const auto& format : kinds["date_formats"]) ids.push_back(format["id"]);
  EXPECT_EQ(ids, (std::vector<std::string>{"iso", "ymd", "mdy", "dmy", "cjk", "compact",
                                           "excel_serial", "roc"}));
}

}  // namespace
}  // namespace servimetrics
