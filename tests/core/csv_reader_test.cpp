// read_csv and detect_delimiter: plain and quoted fields, doubled quotes, delimiters and newlines
// inside quotes, CRLF / LF / CR line ends, the UTF-8 BOM, blank lines, line numbers of records,
// stopping early, an unclosed quote (error), and delimiter detection among , ; tab |.
#include "formats/csv_reader.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using Rows = std::vector<std::vector<std::string>>;

struct Read {
  bool ok = false;
  std::size_t count = 0;
  std::string error;
  Rows rows;
  std::vector<std::size_t> lines;
};

Read read(std::string_view text, char delimiter = ',') {
  Read out;
  auto result = servimetrics::read_csv(text, delimiter, [&](const servimetrics::CsvRecord& record) {
    std::vector<std::string> row;
    for (const std::string_view field : record.fields) row.emplace_back(field);
    out.rows.push_back(std::move(row));
    out.lines.push_back(record.line);
    return true;
  });
  out.ok = result.ok();
  if (result.ok()) {
    out.count = result.value();
  } else {
    out.error = result.error().message;
  }
  return out;
}

TEST(ReadCsv, PlainFields) {
  const Read r = read("a,b,c\n1,2,3\n");
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.count, 2u);
  EXPECT_EQ(r.rows, (Rows{{"a", "b", "c"}, {"1", "2", "3"}}));
  EXPECT_EQ(r.lines, (std::vector<std::size_t>{1, 2}));
}

TEST(ReadCsv, LastLineWithoutNewlineAndEmptyFields) {
  const Read r = read("a,,c\n,x,\n1,2");
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.rows, (Rows{{"a", "", "c"}, {"", "x", ""}, {"1", "2"}}));
}

TEST(ReadCsv, QuotedFieldsWithDelimitersAndDoubledQuotes) {
  const Read r = read("name,note\n\"Ads, Google\",\"said \"\"hi\"\"\"\n\"\",\"\"\"\"\n");
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.rows, (Rows{{"name", "note"}, {"Ads, Google", "said \"hi\""}, {"", "\""}}));
}

TEST(ReadCsv, SeveralDoubledQuoteFieldsInOneRow) {
  const Read r = read("\"a\"\"1\",plain,\"b\"\"2\"\"\",\"c\"\n");
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.rows, (Rows{{"a\"1", "plain", "b\"2\"", "c"}}));
}

TEST(ReadCsv, NewlinesInsideQuotesAndLineNumbers) {
  const Read r = read("h1,h2\n\"line one\nline two\",x\nnext,row\n");
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.rows, (Rows{{"h1", "h2"}, {"line one\nline two", "x"}, {"next", "row"}}));
  EXPECT_EQ(r.lines, (std::vector<std::size_t>{1, 2, 4}));
}

TEST(ReadCsv, CrlfLfAndCrLineEnds) {
  const Rows expected = {{"a", "b"}, {"1", "2"}, {"3", "4"}};
  for (const char* text :
       {"a,b\r\n1,2\r\n3,4\r\n", "a,b\n1,2\n3,4\n", "a,b\r1,2\r3,4\r", "a,b\r\n1,2\n3,4\r"}) {
    SCOPED_TRACE(testing::PrintToString(std::string(text)));
    const Read r = read(text);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.rows, expected);
    EXPECT_EQ(r.lines, (std::vector<std::size_t>{1, 2, 3}));
  }
  const Read quoted = read("\"a\r\nb\",c\r\nd,e\r\n");
  ASSERT_TRUE(quoted.ok);
  EXPECT_EQ(quoted.rows, (Rows{{"a\r\nb", "c"}, {"d", "e"}}));
  EXPECT_EQ(quoted.lines, (std::vector<std::size_t>{1, 3}));
}

TEST(ReadCsv, ByteOrderMarkIsSkipped) {
  const Read r = read("\xEF\xBB\xBFperiod,channel\n1,a\n");
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.rows, (Rows{{"period", "channel"}, {"1", "a"}}));
}

TEST(ReadCsv, BlankLinesAreSkippedButCounted) {
  const Read r = read("a,b\n\n1,2\r\n\r\n\n3,4\n\n");
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.count, 3u);
  EXPECT_EQ(r.rows, (Rows{{"a", "b"}, {"1", "2"}, {"3", "4"}}));
  EXPECT_EQ(r.lines, (std::vector<std::size_t>{1, 3, 6}));
}

TEST(ReadCsv, EmptyText) {
  for (const char* text : {"", "\n", "\r\n\r\n", "\xEF\xBB\xBF"}) {
    const Read r = read(text);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.count, 0u);
    EXPECT_TRUE(r.rows.empty());
  }
}

TEST(ReadCsv, UnclosedQuoteIsAnError) {
  const Read r = read("a,b\n1,\"never closed\n2,3\n");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("2"), std::string::npos) << r.error;  // names the line it opened on
  EXPECT_FALSE(read("\"").ok);
  EXPECT_FALSE(read("a,\"b\"\"").ok);
}

TEST(ReadCsv, OtherDelimiters) {
  EXPECT_EQ(read("a;b\n1;2,5\n", ';').rows, (Rows{{"a", "b"}, {"1", "2,5"}}));
  EXPECT_EQ(read("a\tb\n1\t2\n", '\t').rows, (Rows{{"a", "b"}, {"1", "2"}}));
  EXPECT_EQ(read("a|b\n\"x|y\"|2\n", '|').rows, (Rows{{"a", "b"}, {"x|y", "2"}}));
}

TEST(ReadCsv, StopsWhenTheCallbackSaysSo) {
  std::vector<std::string> seen;
  auto result =
      servimetrics::read_csv("a\nb\nc\n", ',', [&](const servimetrics::CsvRecord& record) {
        seen.emplace_back(record.fields[0]);
        return seen.size() < 2;
      });
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(seen, (std::vector<std::string>{"a", "b"}));
}

TEST(DetectDelimiter, MostFrequentOnTheFirstLine) {
  using servimetrics::detect_delimiter;
  EXPECT_EQ(detect_delimiter("period,channel,spend,new_customers\n"), ',');
  EXPECT_EQ(detect_delimiter("period;channel;spend;new_customers\n1;a;1,5;2\n"), ';');
  EXPECT_EQ(detect_delimiter("period\tchannel\tspend\n"), '\t');
  EXPECT_EQ(detect_delimiter("period|channel|spend\n"), '|');
  // Delimiters inside quotes do not count, nor those on later lines.
  EXPECT_EQ(detect_delimiter("\"a,b,c\";d;e\n"), ';');
  EXPECT_EQ(detect_delimiter("a;b\nc,d,e,f,g\n"), ';');
  EXPECT_EQ(detect_delimiter("a;b\r\nc,d,e,f,g\r\n"), ';');
  // No candidate: comma.
  EXPECT_EQ(detect_delimiter("single\n"), ',');
  EXPECT_EQ(detect_delimiter(""), ',');
  // BOM before the header does not matter.
  EXPECT_EQ(detect_delimiter("\xEF\xBB\xBF期间;渠道;支出;新客户数\n"), ';');
}

}  // namespace
