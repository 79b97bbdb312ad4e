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
