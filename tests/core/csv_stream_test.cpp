// CsvStream fed in chunks: every way of cutting a file gives the same rows and line numbers;
// space-aligned files; size limits; the real Online Retail export.
#include "formats/csv_stream.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace servimetrics {
namespace {

struct Collected final : RowSink {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::uint64_t> lines;
  std::size_t stop_after = SIZE_MAX;
  bool row(std::uint64_t line, std::span<const std::string_view> fields) override {
    rows.emplace_back(fields.begin(), fields.end());
    lines.push_back(line);
    return rows.size() < stop_after;
  }
};

struct Outcome {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::uint64_t> lines;
  std::string error;
  char delimiter = 0;
};

Outcome read_in_pieces(std::string_view text, const std::vector<std::size_t>& cuts,
                       char delimiter = 0, CsvLimits limits = {}) {
  CsvStream stream(delimiter, limits);
  Collected sink;
  std::size_t from = 0;
  bool go = true;
  for (const std::size_t cut : cuts) {
    if (go) go = stream.feed(text.substr(from, cut - from), sink);
    from = cut;
  }
  if (go) go = stream.feed(text.substr(from), sink);
  if (go) stream.finish(sink);
  return {sink.rows, sink.lines, stream.error() ? stream.error()->message : "", stream.delimiter()};
}

const std::string kTricky =
    "\xEF\xBB\xBF"
    "id,name,note\r\n"
    "1,\"Smith, Jo\",\"said \"\"hi\"\"\"\r\n"
    "\r\n"
    "2,\"two\nlines\",x\r"
    "3,,\"\"\n"
    "4,\"q\"\"\",end";

TEST(CsvStream, EverySplitIntoTwoOrThreeChunksGivesTheSameRows) {
  const Outcome whole = read_in_pieces(kTricky, {});
  ASSERT_EQ(whole.error, "");
  const std::vector<std::vector<std::string>> expected = {{"id", "name", "note"},
                                                          {"1", "Smith, Jo", "said \"hi\""},
                                                          {"2", "two\nlines", "x"},
                                                          {"3", "", ""},
                                                          {"4", "q\"", "end"}};
  EXPECT_EQ(whole.rows, expected);
  EXPECT_EQ(whole.lines, (std::vector<std::uint64_t>{1, 2, 4, 6, 7}));
  for (std::size_t a = 0; a <= kTricky.size(); ++a) {
    const Outcome two = read_in_pieces(kTricky, {a});
    ASSERT_EQ(two.rows, expected) << "cut at " << a;
    ASSERT_EQ(two.lines, whole.lines) << "cut at " << a;
    for (std::size_t b = a; b <= kTricky.size(); b += 3) {
      const Outcome three = read_in_pieces(kTricky, {a, b});
      ASSERT_EQ(three.rows, expected) << "cuts at " << a << ", " << b;
    }
  }
}

TEST(CsvStream, ByteByByte) {
  std::vector<std::size_t> cuts;
  for (std::size_t i = 1; i < kTricky.size(); ++i) cuts.push_back(i);
  const Outcome r = read_in_pieces(kTricky, cuts, ',');
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.rows.size(), 5U);
  EXPECT_EQ(r.rows[2][1], "two\nlines");
}

TEST(CsvStream, DetectsDelimiterAcrossLines) {
  EXPECT_EQ(read_in_pieces("a;b;c\n1;2,5;3\n", {3}).delimiter, ';');
  EXPECT_EQ(read_in_pieces("a\tb\n1\t2\n", {}).delimiter, '\t');
  EXPECT_EQ(read_in_pieces("a|b\n1|2\n", {}).delimiter, '|');
  // A comma inside a quoted header does not count.
  EXPECT_EQ(read_in_pieces("\"a,b\";c\n1;2\n", {}).delimiter, ';');
  // One column of text with spaces is not space-delimited.
  EXPECT_EQ(read_in_pieces("customer name\nJo Smith\nAnn\n", {}).delimiter, ',');
}

TEST(CsvStream, SpaceAlignedColumnsLikeCdnowMaster) {
  const std::string text =
      " customer_id  date number_of_cds  dollar_value\n"
      " 00001 19970101  1   11.77\n"
      " 00002 19970112  1   12.00 \n";
  const Outcome r = read_in_pieces(text, {20});
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.delimiter, ' ');
  EXPECT_EQ(r.rows, (std::vector<std::vector<std::string>>{
                        {"customer_id", "date", "number_of_cds", "dollar_value"},
                        {"00001", "19970101", "1", "11.77"},
                        {"00002", "19970112", "1", "12.00"}}));
}

TEST(CsvStream, UnclosedQuoteNamesItsLine) {
  const Outcome r = read_in_pieces("a,b\n1,2\n3,\"open\n4,5\n", {9});
  EXPECT_EQ(r.error, "a quoted field opened on line 3 is never closed");
  EXPECT_EQ(r.rows.size(), 2U);
}

TEST(CsvStream, TooManyColumnsAndTooLongRecordsAreRefused) {
  CsvLimits limits;
  limits.max_fields = 10;
  limits.max_record_bytes = 100;
  const Outcome wide = read_in_pieces("a,b\n" + std::string(20, ','), {}, ',', limits);
  EXPECT_EQ(wide.error, "line 2 has more than 10 columns");
  const Outcome long_record =
      read_in_pieces("a\n\"" + std::string(300, 'x'), {50, 120, 200}, ',', limits);
  EXPECT_EQ(long_record.error,
            "the record starting on line 2 is longer than 100 bytes, the most one row may hold; "
            "the quoted field opened on line 2 may be missing its closing quote");
}

// A request may name a quote or a line end as the delimiter: the quote and line-end rules come
// first (the fast path for plain fields must not take them for the delimiter).
TEST(CsvStream, DelimiterThatIsAQuoteOrLineEndKeepsTheirMeaning) {
  const Outcome quote = read_in_pieces("a\"b,c\n\"x\"y\n", {3}, '"');
  ASSERT_EQ(quote.error, "");
  EXPECT_EQ(quote.rows, (std::vector<std::vector<std::string>>{{"a\"b,c"}, {"xy"}}));
  const Outcome line_end = read_in_pieces("a,b\nc\n", {}, '\n');
  EXPECT_EQ(line_end.rows, (std::vector<std::vector<std::string>>{{"a,b"}, {"c"}}));
}

// Fields by the thousand across 64-byte blocks and chunk cuts: the same rows however cut.
TEST(CsvStream, ManyPlainFieldsAcrossBlocksAndCuts) {
  std::string text;
  std::vector<std::vector<std::string>> expected;
  for (int r = 0; r < 200; ++r) {
    std::vector<std::string> row;
    for (int f = 0; f < 7; ++f)
      row.push_back(std::string(static_cast<std::size_t>((r * 7 + f) % 23), 'a' + f));
    for (std::size_t f = 0; f < row.size(); ++f) text += (f ? ";" : "") + row[f];
    text += r % 3 == 0 ? "\r\n" : "\n";
    expected.push_back(row);
  }
  for (const std::size_t cut : {1UL, 63UL, 64UL, 65UL, 1000UL, 4097UL}) {
    const Outcome r = read_in_pieces(text, {cut, cut * 2}, ';');
    ASSERT_EQ(r.error, "") << cut;
    EXPECT_EQ(r.rows, expected) << cut;
  }
}

// Regression: a record over the limit was refused only when a chunk's end cut it; whole in one
// chunk it was read, so the answer depended on how the file was sliced.
TEST(CsvStream, RecordLimitDoesNotDependOnTheChunks) {
  CsvLimits limits;
  limits.max_record_bytes = 100;
  const std::string text = "a,b\n" + std::string(150, 'x') + ",1\nlast,2\n";
  const std::string expected =
      "the record starting on line 2 is longer than 100 bytes, the most one row may hold";
  EXPECT_EQ(read_in_pieces(text, {}, ',', limits).error, expected);
  EXPECT_EQ(read_in_pieces(text, {10}, ',', limits).error, expected);
  EXPECT_EQ(read_in_pieces(text, {10, 60, 120}, ',', limits).error, expected);
  EXPECT_EQ(read_in_pieces(text, {}, ',', limits).rows.size(), 1U);  // the header only
  // A record just under the limit, cut or not, is read.
  const std::string fits = "a,b\n" + std::string(90, 'x') + ",1\n";
  EXPECT_EQ(read_in_pieces(fits, {}, ',', limits).rows.size(), 2U);
  EXPECT_EQ(read_in_pieces(fits, {50}, ',', limits).rows.size(), 2U);
  // The megabyte default is named in megabytes.
  const std::string big(std::size_t{65} << 20, 'x');
  EXPECT_EQ(read_in_pieces(big, {}, ',').error,
            "the record starting on line 1 is longer than 64 MB, the most one row may hold");
}

// Regression: the whole first chunk was copied and scanned to guess the delimiter; now its
// first megabyte is, which holds the twenty lines the guess reads.
TEST(CsvStream, HugeFirstChunkGuessesFromItsStart) {
  std::string text = "a;b;c\n";
  for (int i = 0; i < 200000; ++i) text += "1;2,5;3\n";
  const Outcome whole = read_in_pieces(text, {}, 0);
  EXPECT_EQ(whole.delimiter, ';');
  EXPECT_EQ(whole.rows.size(), 200001U);
  EXPECT_EQ(whole.rows.back(), (std::vector<std::string>{"1", "2,5", "3"}));
  // Fed first in small pieces, then in one large piece: the same rows.
  const Outcome pieces = read_in_pieces(text, {2, 7, 100}, 0);
  EXPECT_EQ(pieces.delimiter, ';');
  EXPECT_EQ(pieces.rows, whole.rows);
}

TEST(CsvStream, StopsWhenTheSinkSaysSo) {
  CsvStream stream(',');
  Collected sink;
  sink.stop_after = 2;
  EXPECT_FALSE(stream.feed("1\n2\n3\n4\n", sink));
  EXPECT_TRUE(stream.stopped());
  EXPECT_FALSE(stream.finish(sink));
  EXPECT_EQ(sink.rows.size(), 2U);
}

TEST(CsvStream, OnlineRetailInChunksMatchesWholeFile) {
  // The data sits next to the main checkout, or two levels up from a helper's worktree.
  std::ifstream file;
  for (const char* place : {"/../shared/data/", "/../../shared/data/"}) {
    file.open(std::string(SERVIMETRICS_SOURCE_DIR) + place + "online-retail/online_retail.csv",
              std::ios::binary);
    if (file) break;
    file.clear();
  }
  if (!file.is_open()) GTEST_SKIP() << "shared data not present";
  std::stringstream buffer;
  buffer << file.rdbuf();
  const std::string text = buffer.str();
  struct Counter final : RowSink {
    std::uint64_t rows = 0;
    std::uint64_t fields = 0;
    std::uint64_t last_line = 0;
    std::uint64_t bytes = 0;
    bool row(std::uint64_t line, std::span<const std::string_view> f) override {
      ++rows;
      fields += f.size();
      last_line = line;
      for (const std::string_view v : f) bytes += v.size();
      return true;
    }
  };
  Counter whole;
  CsvStream one(',');
  ASSERT_TRUE(one.feed(text, whole));
  ASSERT_TRUE(one.finish(whole));
  Counter chunked;
  CsvStream many(0);
  for (std::size_t at = 0; at < text.size(); at += 65521) {
    ASSERT_TRUE(many.feed(std::string_view(text).substr(at, 65521), chunked));
  }
  ASSERT_TRUE(many.finish(chunked));
  EXPECT_EQ(whole.rows, 541910U);  // the header and 541,909 transactions
  EXPECT_EQ(whole.fields, 541910U * 8);
  EXPECT_EQ(chunked.rows, whole.rows);
  EXPECT_EQ(chunked.fields, whole.fields);
  EXPECT_EQ(chunked.bytes, whole.bytes);
  EXPECT_EQ(chunked.last_line, whole.last_line);
}

}  // namespace
}  // namespace servimetrics
