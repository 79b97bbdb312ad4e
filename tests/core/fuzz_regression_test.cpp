// Regression tests for what the fuzz targets of tests/fuzz found: each input of
// tests/fixtures/fuzz/<target>-<name> goes through the path its target took (same chunking, same
// workbook packing), and the result is checked for the right value or a clear error.
#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../fuzz/fuzz_chunks.hpp"
#include "../fuzz/xlsx_parts.hpp"
#include "formats/csv_stream.hpp"
#include "formats/xlsx_reader.hpp"
#include "servimetrics/file_analysis.hpp"
#include "servimetrics/import_session.hpp"
#include "servimetrics/request.hpp"

namespace servimetrics {
namespace {

std::string fuzz_fixture(const std::string& name) {
  std::ifstream in(std::string(SERVIMETRICS_SOURCE_DIR) + "/tests/fixtures/fuzz/" + name,
                   std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

using Row = std::pair<std::uint64_t, std::vector<std::string>>;

class KeptRows final : public RowSink {
 public:
  bool row(std::uint64_t line, std::span<const std::string_view> fields) override {
    rows.emplace_back(line, std::vector<std::string>(fields.begin(), fields.end()));
    return true;
  }
  std::vector<Row> rows;
};

struct CsvOutcome {
  std::vector<Row> rows;
  std::string error;
};

CsvOutcome read_csv_chunks(const std::vector<std::string_view>& chunks, char delimiter) {
  CsvStream csv(delimiter);
  KeptRows sink;
  bool go = true;
  for (const std::string_view chunk : chunks) go = go && csv.feed(chunk, sink);
  if (go) csv.finish(sink);
  return {std::move(sink.rows), csv.error() ? csv.error()->message : ""};
}

// Every way of cutting `text` in two, and the cuts the fuzz target made.
std::vector<std::vector<std::string_view>> cuttings(std::string_view text) {
  std::vector<std::vector<std::string_view>> out = {fuzz::chunks_of(text)};
  for (std::size_t cut = 0; cut <= text.size(); ++cut) {
    out.push_back({text.substr(0, cut), text.substr(cut)});
  }
  return out;
}

// fuzz_csv_stream: a CRLF inside a quoted field, cut between its CR and LF, counted two lines, so
// every later row and the open-quote error named a line one too far.
TEST(FuzzRegression, CsvCrlfInQuotesCountsOneLineWhereverTheChunkEnds) {
  const std::string input = fuzz_fixture("fuzz_csv_stream-crlf-in-quotes-across-chunks");
  ASSERT_EQ(input, std::string("\0\n\"\r\n\"\r\"", 8));
  for (const auto& chunks : cuttings(input)) {
    const CsvOutcome got = read_csv_chunks(chunks, ',');
    ASSERT_EQ(got.rows.size(), 2U);
    EXPECT_EQ(got.rows[0], Row(1, {std::string(1, '\0')}));
    EXPECT_EQ(got.rows[1], Row(2, {"\r\n"}));
    // Lines: 1 "\0", 2 and 3 the quoted CRLF, 4 the quote left open.
    EXPECT_EQ(got.error, "a quoted field opened on line 4 is never closed");
  }
}

TEST(FuzzRegression, CsvMultiLineCellWithCrlfKeepsLaterLineNumbers) {
  const std::string text = "id,note\r\n1,\"two\r\nlines\"\r\n2,x\r\n3,\"a\r\n\r\nb\"\r\n4,y\r\n";
  for (const auto& chunks : cuttings(text)) {
    const CsvOutcome got = read_csv_chunks(chunks, ',');
    ASSERT_EQ(got.error, "");
    ASSERT_EQ(got.rows.size(), 5U);
    EXPECT_EQ(got.rows[1], Row(2, {"1", "two\r\nlines"}));
    EXPECT_EQ(got.rows[2], Row(4, {"2", "x"}));
    EXPECT_EQ(got.rows[3], Row(5, {"3", "a\r\n\r\nb"}));
    EXPECT_EQ(got.rows[4], Row(8, {"4", "y"}));
  }
}

// fuzz_csv_stream: a UTF-8 byte-order mark cut by the end of a chunk was read as text of the
// first field (with the delimiter named, so not buffered for detection).
TEST(FuzzRegression, CsvByteOrderMarkCutByAChunkEndIsStillDropped) {
  const std::string input = fuzz_fixture("fuzz_csv_stream-bom-split-across-chunks");
  ASSERT_EQ(input, "\xEF\xBB\xBF\x04");
  auto all = cuttings(input);
  all.push_back({"\xEF", "", "\xBB", "\xBF", "\x04"});
  for (const auto& chunks : all) {
    const CsvOutcome got = read_csv_chunks(chunks, '|');
    ASSERT_EQ(got.error, "");
    ASSERT_EQ(got.rows.size(), 1U);
    EXPECT_EQ(got.rows[0], Row(1, {"\x04"}));
  }
  // Bytes that only begin like a mark are text, however they are cut.
  for (const std::string text : {"\xEF\xBB", "\xEF\xBBx|y\n", "\xEFx"}) {
    for (const auto& chunks : cuttings(text)) {
      const CsvOutcome got = read_csv_chunks(chunks, '|');
      ASSERT_EQ(got.rows.size(), 1U) << text;
      EXPECT_EQ(got.rows[0].second.front(), text.substr(0, text.find('|'))) << text;
    }
  }
}

std::vector<Row> xlsx_rows(std::string_view parts, std::string* error = nullptr) {
  const std::string file = fuzz::workbook_of_parts(parts);
  KeptRows sink;
  const auto read = read_xlsx_sheet(file, 0, sink);
  if (error != nullptr) *error = read.ok() ? "" : read.error().message;
  if (read.ok()) EXPECT_EQ(read.value(), sink.rows.size());
  return sink.rows;
}

// fuzz_xlsx: a cell outside any <row> came out as row 0; rows count from 1.
TEST(FuzzRegression, XlsxCellBeforeAnyRowIsInRowOne) {
  const std::string input = fuzz_fixture("fuzz_xlsx-cell-outside-row");
  ASSERT_EQ(input, "<sheetData><c><v>>");
  std::string error;
  const std::vector<Row> rows = xlsx_rows(input, &error);
  ASSERT_EQ(error, "");
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_EQ(rows[0], Row(1, {">"}));

  const std::vector<Row> then_rows =
      xlsx_rows(R"(<sheetData><c t="inlineStr"><is><t>a</t></is></c><row><c><v>2</v></c></row>)"
                R"(<row r="5"><c r="B5"><v>3</v></c></row></sheetData>)");
  ASSERT_EQ(then_rows.size(), 3U);
  EXPECT_EQ(then_rows[0], Row(1, {"a"}));
  EXPECT_EQ(then_rows[1], Row(2, {"2"}));
  EXPECT_EQ(then_rows[2], Row(5, {"", "3"}));
}

// Found beside it: a row number at the top of uint64 made the next unnumbered row wrap to 0.
// Numbers past Excel's last row (1,048,576) are not row numbers: the row follows the one before.
TEST(FuzzRegression, XlsxRowNumberPastExcelsLastRowIsIgnored) {
  const std::vector<Row> rows =
      xlsx_rows(R"(<sheetData><row r="18446744073709551615"><c><v>1</v></c></row>)"
                R"(<row><c><v>2</v></c></row><row r="1048576"><c><v>3</v></c></row>)"
                R"(<row r="1048577"><c><v>4</v></c></row></sheetData>)");
  ASSERT_EQ(rows.size(), 4U);
  EXPECT_EQ(rows[0], Row(1, {"1"}));
  EXPECT_EQ(rows[1], Row(2, {"2"}));
  EXPECT_EQ(rows[2], Row(1048576, {"3"}));
  EXPECT_EQ(rows[3], Row(1048577, {"4"}));
}

// fuzz_json_request: the file size an import request announces sized the table's columns once
// the 2000-row sample was read. An impossible size (here UINT64_MAX) asked for exabytes and
// aborted the import (a converted double beyond size_t is also undefined behaviour); 1e11 asked
// for 14 GB. The reservation is now capped at 2^24 rows; the size stays a hint.
TEST(FuzzRegression, ImportRequestWithAnImpossibleFileSizeStillImports) {
  std::string file = "invoice_id,customer_id,date,amount\n";
  for (int i = 0; i < 2100; ++i) {
    file += "INV-" + std::to_string(i) + ",C" + std::to_string(i % 97) + ",2024-0" +
            std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10) + ",10\n";
  }
  for (const std::string& request :
       {fuzz_fixture("fuzz_json_request-huge-file-size"), std::string(R"({"size":100000000000})"),
        R"({"size":)" + std::to_string(file.size()) + "}"}) {
    const auto parsed = parse_json(request);
    ASSERT_TRUE(parsed.ok()) << request;
    const auto options = import_request_from_json(parsed.value());
    ASSERT_TRUE(options.ok()) << request;
    EXPECT_GT(options.value().first.size, 0U);
    const nlohmann::json answer = analyze_file(file, options.value().first, options.value().second);
    EXPECT_EQ(answer["kind"], "transactions") << request;
    EXPECT_EQ(answer["import"]["rows_read"], 2100) << request;
    EXPECT_EQ(answer["import"]["rows_used"], 2100) << request;
    EXPECT_EQ(answer["import"]["rows_rejected"], 0) << request;
  }
}

}  // namespace
}  // namespace servimetrics
