// ImportSession: headers mapped in English and Chinese, encodings, formats decided per column,
// every row used or rejected with row/column/value/reason, file-level problems in one message,
// chunking that changes nothing, and the rejects download guarded against formula injection.
#include "servimetrics/import_session.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "cells/calendar.hpp"
#include "servimetrics/file_analysis.hpp"

namespace servimetrics {
namespace {

using json = nlohmann::json;

struct Imported {
  std::unique_ptr<ImportSession> session;
  json report;
  std::string error;
};

Imported import_text(std::string_view bytes, ImportOptions options, std::size_t chunk = 0) {
  Imported out;
  out.session = std::make_unique<ImportSession>(std::move(options));
  bool go = true;
  if (chunk == 0) {
    go = out.session->feed(bytes);
  } else {
    for (std::size_t at = 0; at < bytes.size() && go; at += chunk) {
      go = out.session->feed(bytes.substr(at, chunk));
    }
  }
  if (go) out.session->finish();
  out.report = out.session->report();
  if (out.session->error()) out.error = out.session->error()->message;
  return out;
}

ImportOptions kind(std::string id) {
  ImportOptions options;
  options.kind = std::move(id);
  return options;
}

const std::string kTransactions =
    "Invoice,CustomerID,InvoiceDate,Amount,Channel\n"
    "A1,c1,2024-01-05,100.50,Online\n"
    "A2,c2,2024-01-06,\"1,200\",Store\n"
    "A3,,2024-01-07,10,Online\n"    // line 4: no customer
    "A4,c1,2024-02-30,20,Online\n"  // line 5: no such day
    "A5,c3,2024-03-01,abc,Store\n"  // line 6: not a number
    "A6,c3,2024-03-02,5\n"          // line 7: a column short
    "A7,c3,2024-03-03,,Store\n";    // line 8: no amount at all

TEST(ImportSession, UsesGoodRowsAndRejectsEachBadOneWithItsReason) {
  const Imported r = import_text(kTransactions, kind("transactions"));
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.report["rows_read"], 7);
  EXPECT_EQ(r.report["rows_used"], 2);
  EXPECT_EQ(r.report["rows_rejected"], 5);
  const json& rejects = r.report["rejects"];
  ASSERT_EQ(rejects.size(), 5U);
  EXPECT_EQ(rejects[0]["row"], 4);
  EXPECT_EQ(rejects[0]["column"], "CustomerID");
  EXPECT_EQ(rejects[0]["reason"], "customer_id is empty");
  EXPECT_EQ(rejects[1]["row"], 5);
  EXPECT_EQ(rejects[1]["column"], "InvoiceDate");
  EXPECT_EQ(rejects[1]["value"], "2024-02-30");
  EXPECT_EQ(rejects[2]["row"], 6);
  EXPECT_EQ(rejects[2]["value"], "abc");
  EXPECT_EQ(rejects[3]["row"], 7);
  EXPECT_EQ(rejects[3]["reason"], "the row has 4 columns, the header has 5");
  EXPECT_EQ(rejects[4]["row"], 8);
  EXPECT_EQ(rejects[4]["reason"], "the row has no amount, or quantity and unit_price");

  const ImportedTable& table = r.session->table();
  ASSERT_EQ(table.rows(), 2U);
  EXPECT_EQ(table.lines, (std::vector<std::uint32_t>{2, 3}));
  const ImportedColumn* amount = table.column("amount");
  ASSERT_NE(amount, nullptr);
  EXPECT_DOUBLE_EQ(amount->numbers[0], 100.5);
  EXPECT_DOUBLE_EQ(amount->numbers[1], 1200);
  const ImportedColumn* date = table.column("date");
  ASSERT_NE(date, nullptr);
  EXPECT_EQ(date->times[1], timestamp_from_civil(2024, 1, 6));
  EXPECT_EQ(table.column("customer_id")->dictionary.size(), 2U);
  EXPECT_EQ(table.column("quantity"), nullptr);  // no such column in the file

  // The mapping is shown, with what was guessed.
  bool invoice_mapped = false;
  for (const json& m : r.report["mapping"]) {
    if (m["field"] == "invoice_id")
      invoice_mapped = m["column"] == "Invoice" && m["guessed"] == true;
  }
  EXPECT_TRUE(invoice_mapped) << r.report["mapping"].dump();
}

// Each reject carries a code and the params its reason names, in the report and in rejects_json()
// (every kept reject, from which the page writes the download in its own language).
TEST(ImportSession, RejectsCarryCodesAndParams) {
  const Imported r = import_text(kTransactions, kind("transactions"));
  ASSERT_EQ(r.error, "");
  const json all = r.session->rejects_json();
  ASSERT_EQ(all.size(), 5U);
  EXPECT_EQ(all, r.report["rejects"]);  // fewer than the 100 the report shows
  EXPECT_EQ(all[0]["code"], "field_empty");
  EXPECT_EQ(all[0]["params"], json({{"field", "customer_id"}, {"column", "CustomerID"}}));
  EXPECT_EQ(all[1]["code"], "date_past_month_end");
  EXPECT_EQ(all[1]["reason"], "no such day: February has 29 days in 2024 (format YYYY-MM-DD)");
  EXPECT_EQ(all[1]["params"], json({{"day", 30},
                                    {"month", 2},
                                    {"year", 2024},
                                    {"days", 29},
                                    {"format", "YYYY-MM-DD"},
                                    {"field", "date"},
                                    {"column", "InvoiceDate"}}));
  EXPECT_EQ(all[2]["code"], "cell_not_a_number");
  EXPECT_EQ(all[2]["params"]["field"], "amount");
  EXPECT_EQ(all[3]["code"], "row_width_mismatch");
  EXPECT_EQ(all[3]["column"], "");
  EXPECT_EQ(all[3]["params"], json({{"columns", 4}, {"header_columns", 5}}));
  EXPECT_EQ(all[4]["code"], "row_missing_alternatives");
  EXPECT_EQ(all[4]["params"]["options"], json({"amount", "quantity", "unit_price"}));
  for (const json& reject : all) {
    EXPECT_EQ(reject.size(), 6U) << reject.dump();  // row, column, value, reason, code, params
  }
  // The download holds the same rows and reasons.
  const std::string csv = r.session->rejects_csv();
  EXPECT_NE(csv.find("\r\n5,InvoiceDate,2024-02-30,no such day: February has 29 days in 2024 "
                     "(format YYYY-MM-DD)\r\n"),
            std::string::npos)
      << csv;
}

// File-level problems carry a code and params too.
TEST(ImportSession, FileErrorsCarryCodes) {
  EXPECT_EQ(import_text("", kind("transactions")).session->error()->code, "file_empty");
  const Imported wrong = import_text("a,b\n1,2\n", kind("survey"));
  ASSERT_TRUE(wrong.session->error());
  EXPECT_EQ(wrong.session->error()->code, "not_this_kind_one_of");
  EXPECT_EQ(wrong.session->error()->params["columns"], json({"a", "b"}));
  EXPECT_EQ(wrong.session->error()->input, "file");
  const ImportSession unknown(kind("nonsense"));
  ASSERT_TRUE(unknown.error());
  EXPECT_EQ(unknown.error()->code, "unknown_kind");
  EXPECT_EQ(unknown.error()->params["kind"], "nonsense");
  const Imported quote =
      import_text("period,channel,spend,new_customers\n1,\"a,2,3\n", kind("spend"));
  ASSERT_TRUE(quote.session->error());
  EXPECT_EQ(quote.session->error()->code, "csv_open_quote");
  EXPECT_EQ(quote.session->error()->params, json({{"line", 2}}));
}

TEST(ImportSession, ChunkSizeChangesNothing) {
  const Imported whole = import_text(kTransactions, kind("transactions"));
  for (const std::size_t chunk : {1, 2, 7, 64}) {
    const Imported pieces = import_text(kTransactions, kind("transactions"), chunk);
    EXPECT_EQ(pieces.report["rejects"], whole.report["rejects"]) << chunk;
    EXPECT_EQ(pieces.session->table().lines, whole.session->table().lines) << chunk;
  }
}

// A first chunk was kept whole as the head and decoded twice to guess the encoding (a 100 MB file
// in one piece took 4.5 times its size; see HostileFiles); now 1 MB of it decides and the rest
// streams. Whole or sliced, every byte is still read once and the same way.
TEST(ImportSession, HugeFirstChunkReadsLikeSlices) {
  std::string text = "客户编号,日期,金额,渠道\n";
  for (int i = 0; i < 70000; ++i) {
    text += "客户" + std::to_string(i % 700) + ",2024-0" + std::to_string(1 + i % 9) + "-1" +
            std::to_string(i % 10) + "," + std::to_string(i % 97) + ".5,网店\n";
  }
  text += "c,2024-13-01,1,x\n";  // one reject, at the very end
  ASSERT_GT(text.size(), std::size_t{2} << 20);
  const Imported whole = import_text(text, kind("transactions"));
  ASSERT_EQ(whole.error, "");
  EXPECT_EQ(whole.report["rows_used"], 70000);
  EXPECT_EQ(whole.report["rejects"][0]["row"], 70002);
  for (const std::size_t chunk : {std::size_t{256} << 10, std::size_t{1} << 20}) {
    const Imported sliced = import_text(text, kind("transactions"), chunk);
    EXPECT_EQ(sliced.report, whole.report) << chunk;
    EXPECT_EQ(sliced.session->table().column("amount")->numbers,
              whole.session->table().column("amount")->numbers);
  }
  // The same for a workbook's bytes (they are kept whole, head included).
  ImportSession zip(kind("transactions"));
  EXPECT_TRUE(zip.feed(std::string("PK\x03\x04", 4) + std::string(3u << 20, 'z')));
  zip.finish();
  ASSERT_TRUE(zip.error().has_value());
  EXPECT_EQ(zip.report()["file"]["format"], "xlsx");
  EXPECT_EQ(zip.bytes_read(), (3u << 20) + 4);
}

// Regression: a request's kind was quoted whole in the message, however long.
TEST(ImportSession, UnknownKindQuotesOnlyTheStartOfItsName) {
  EXPECT_EQ(import_text("a\n", kind(std::string(5000, 'k') + "z")).error,
            "unknown data kind '" + std::string(40, 'k') +
                "…' (known: transactions, subscriptions, survey, tickets, spend, ledger, "
                "customer_summary, survival_table, or auto)");
}

TEST(ImportSession, ChineseHeadersAreRecognised) {
  const std::string text =
      "客户编号,日期,金额,渠道,类别\n"
      "张三,2024年1月5日,\"¥1,200\",线上,增值服务\n"
      "李四,2024年1月6日,300,门店,产品\n";
  const Imported r = import_text(text, kind("transactions"));
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.report["rows_used"], 2);
  const ImportedTable& table = r.session->table();
  EXPECT_DOUBLE_EQ(table.column("amount")->numbers[0], 1200);
  EXPECT_EQ(table.column("category")->codes[0], 2U);  // value_added_service
  EXPECT_EQ(table.column("category")->codes[1], 0U);  // product
  EXPECT_EQ(table.column("date")->times[0], timestamp_from_civil(2024, 1, 5));
}

TEST(ImportSession, Gb18030BytesAreDetectedAndDecoded) {
  // "客户ID,金额,日期\r\n张三,100,2024-01-05\r\n" in GBK (bytes from Python's str.encode("gbk")).
  const std::string gbk =
      "\xBF\xCD\xBB\xA7ID,\xBD\xF0\xB6\xEE,\xC8\xD5\xC6\xDA\r\n"
      "\xD5\xC5\xC8\xFD,100,2024-01-05\r\n";
  const Imported r = import_text(gbk, kind("transactions"));
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.report["file"]["encoding"], "gb18030");
  EXPECT_EQ(r.report["rows_used"], 1);
  EXPECT_EQ(r.session->table().column("customer_id")->dictionary.text(0), "张三");
}

TEST(ImportSession, MappingChosenByTheUserBeatsTheGuess) {
  ImportOptions options = kind("transactions");
  options.mapping["customer_id"] = "Channel";  // odd, but the user's choice
  const Imported r = import_text(kTransactions, options);
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.session->table().column("customer_id")->dictionary.text(0), "Online");
  EXPECT_EQ(r.session->table().column("channel"), nullptr);  // its column moved to customer_id

  ImportOptions bad = kind("transactions");
  bad.mapping["customer_id"] = "Nope";
  EXPECT_EQ(import_text(kTransactions, bad).error,
            "the mapping puts customer_id in a column 'Nope' that the file does not have");
}

TEST(ImportSession, WrongKindNamesWhatIsMissingAndWhatTheFileHas) {
  const Imported r = import_text("name,email\nAnn,ann@example.com\n", kind("tickets"));
  EXPECT_EQ(r.error.rfind("this does not look like a Support tickets file: no column for ticket_id "
                          "and created",
                          0),
            0U)
      << r.error;
  EXPECT_NE(r.error.find("The file's columns are: name, email"), std::string::npos) << r.error;
}

TEST(ImportSession, AutoPicksTheKindFromTheHeader) {
  const Imported spend =
      import_text("period,channel,spend,new_customers\n2024-01,Online,300,3\n", kind("auto"));
  ASSERT_EQ(spend.error, "");
  EXPECT_EQ(spend.session->table().kind, "spend");
  const Imported tickets = import_text(
      "Ticket ID,Created,First response\nT1,2024-01-05 08:00,2024-01-05 08:30\n", kind(""));
  ASSERT_EQ(tickets.error, "");
  EXPECT_EQ(tickets.session->table().kind, "tickets");
  const Imported none = import_text("a,b\n1,2\n", kind("auto"));
  EXPECT_NE(none.error.find("do not fit any data kind"), std::string::npos) << none.error;
}

TEST(ImportSession, EmptyBinaryAndUnclosedFilesGetOneClearMessage) {
  EXPECT_EQ(import_text("", kind("spend")).error, "the file is empty");
  EXPECT_EQ(import_text("\n\r\n", kind("spend")).error,
            "the file is empty: it has no rows, not even a header");
  const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  EXPECT_NE(import_text(png, kind("spend")).error.find("not a text file"), std::string::npos);
  EXPECT_EQ(import_text("period,channel,spend,new_customers\n1,\"a,2,3\n", kind("spend")).error,
            "a quoted field opened on line 2 is never closed");
  EXPECT_EQ(import_text("x", kind("nope")).error.rfind("unknown data kind 'nope'", 0), 0U);
}

TEST(ImportSession, DateFormatIsDecidedPerColumnAndCanBeChosen) {
  const std::string text =
      "customer,date,amount\n"
      "a,03/04/2024,1\n"
      "b,05/06/2024,2\n";
  const Imported guessed = import_text(text, kind("transactions"));
  ASSERT_EQ(guessed.error, "");
  ASSERT_EQ(guessed.report["formats"].size(), 2U) << guessed.report["formats"].dump();
  const json& date = guessed.report["formats"][0]["field"] == "date" ? guessed.report["formats"][0]
                                                                     : guessed.report["formats"][1];
  EXPECT_EQ(date["ambiguous"], true) << date.dump();
  EXPECT_EQ(date["order"], "mdy");
  EXPECT_EQ(guessed.session->table().column("date")->times[0], timestamp_from_civil(2024, 3, 4));

  ImportOptions chosen = kind("transactions");
  chosen.date_formats["date"] = "dmy";
  const Imported day_first = import_text(text, chosen);
  ASSERT_EQ(day_first.error, "");
  EXPECT_EQ(day_first.session->table().column("date")->times[0], timestamp_from_civil(2024, 4, 3));
}

TEST(ImportSession, NegativeCountsAndUnknownCategoriesAreRejected) {
  const Imported spend =
      import_text("period,channel,spend,new_customers\n1,a,-5,1\n2,a,5,1\n", kind("spend"));
  EXPECT_EQ(spend.report["rejects"][0]["reason"], "spend must not be negative");
  const Imported ledger = import_text(
      "period,category,amount\n2024-01,hardware,5\n2024-01,gadgets,1\n", kind("ledger"));
  EXPECT_EQ(ledger.report["rows_used"], 1);
  EXPECT_EQ(ledger.report["rejects"][0]["value"], "gadgets");
}

TEST(ImportSession, RejectsCsvDefusesFormulas) {
  const Imported r =
      import_text("period,channel,spend,new_customers\n1,=HYPERLINK(\"x\"),abc,1\n2,@SUM(A1),x,1\n",
                  kind("spend"));
  const std::string csv = r.session->rejects_csv();
  EXPECT_EQ(csv.rfind("row,column,value,reason\r\n", 0), 0U);
  EXPECT_EQ(csv.find(",=HYPERLINK"), std::string::npos) << csv;
  // Only the spend cell is shown as the offending value; formulas in it would be defused too.
  const Imported f = import_text("period,channel,spend,new_customers\n1,a,=1+2,1\n", kind("spend"));
  EXPECT_NE(f.session->rejects_csv().find(",'=1+2,"), std::string::npos)
      << f.session->rejects_csv();
}

TEST(ImportSession, RawRowsGoToTheGivenSink) {
  struct Rows final : RowSink {
    std::vector<std::vector<std::string>> rows;
    bool row(std::uint64_t, std::span<const std::string_view> fields) override {
      rows.emplace_back(fields.begin(), fields.end());
      return true;
    }
  } rows;
  ImportSession session(ImportOptions{}, rows);
  ASSERT_TRUE(session.feed("a;b\n1;\"x;y\"\n"));
  session.finish();
  EXPECT_FALSE(session.error());
  EXPECT_EQ(rows.rows, (std::vector<std::vector<std::string>>{{"a", "b"}, {"1", "x;y"}}));
}

}  // namespace
}  // namespace servimetrics
