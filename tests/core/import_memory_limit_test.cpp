// The table's memory budget: a file whose typed table would pass ImportOptions::memory_limit stops
// with one message naming the sizes and the rows read, before (size known) or while (size unknown)
// it is read; a file within the budget imports as before. The wasm face sets a 1 GB budget.
#include <gtest/gtest.h>

#include <string>

#include "analyze/analyze.hpp"
#include "import/table_builder.hpp"
#include "servimetrics/file_analysis.hpp"
#include "servimetrics/import_session.hpp"

namespace servimetrics {
namespace {

std::string transactions(std::size_t rows) {
  std::string text = "customer_id,date,amount\n";
  for (std::size_t r = 0; r < rows; ++r) {
    text += "c" + std::to_string(r % 5000) + ",2024-01-" + std::to_string(1 + r % 28) + "," +
            std::to_string(10 + r % 90) + ".5\n";
  }
  return text;
}

std::string import_error(const std::string& text, ImportOptions options) {
  ImportSession session(std::move(options));
  bool go = true;
  for (std::size_t at = 0; at < text.size() && go; at += 65536) {
    go = session.feed(std::string_view(text).substr(at, 65536));
  }
  if (go) session.finish();
  return session.error() ? session.error()->message : std::string();
}

TEST(ImportMemoryLimit, GrowingTableStopsWithAClearMessage) {
  const std::string text = transactions(300000);
  ImportOptions options;
  options.kind = "transactions";
  options.memory_limit = 2 * 1024 * 1024;  // 2 MB: about 100,000 rows of three columns
  const std::string message = import_error(text, options);
  EXPECT_NE(message.find("the file is too large to import here"), std::string::npos) << message;
  EXPECT_NE(message.find("more than the 2 MB allowed"), std::string::npos) << message;
  EXPECT_NE(message.find("rows read so far"), std::string::npos) << message;
}

TEST(ImportMemoryLimit, KnownSizeIsRefusedBeforeReading) {
  const std::string text = transactions(3000);
  ImportOptions options;
  options.kind = "transactions";
  options.size = 2000ULL * 1024 * 1024;  // says the file is 2 GB: the estimate is refused at once
  options.memory_limit = 64ULL * 1024 * 1024;
  const std::string message = import_error(text, options);
  EXPECT_NE(message.find("more than the 64 MB allowed"), std::string::npos) << message;
  EXPECT_NE(message.find("(2000 rows read so far)"), std::string::npos) << message;
}

TEST(ImportMemoryLimit, WithinTheBudgetNothingChanges) {
  const std::string text = transactions(300000);
  ImportOptions options;
  options.kind = "transactions";
  options.size = text.size();
  options.memory_limit = 64ULL * 1024 * 1024;
  EXPECT_EQ(import_error(text, options), "");
}

// A file of growing ids (C1 ... C80000, five rows each) as the bench's million customers: its first
// rows are shorter than the rest, so the sample's estimate alone reserves too many rows.
std::string growing_ids(std::size_t rows) {
  std::string text = "customer_id,date,amount\n";
  for (std::size_t r = 0; r < rows; ++r) {
    text += "C" + std::to_string(r / 5 + 1) + ",2024-02-" + std::to_string(10 + r % 19) + "," +
            std::to_string(r % 1000) + ".25\n";
  }
  return text;
}

std::size_t reserved_rows(const std::string& text, std::uint64_t size, std::size_t rows) {
  ImportOptions options;
  options.kind = "transactions";
  options.size = size;
  ImportSession session(std::move(options));
  for (std::size_t at = 0; at < text.size(); at += 65536) {
    EXPECT_TRUE(session.feed(std::string_view(text).substr(at, 65536)));
  }
  session.finish();
  EXPECT_FALSE(session.error().has_value());
  const ImportedTable& table = session.table();
  EXPECT_EQ(table.rows(), rows);
  for (const ImportedColumn& column : table.columns) {
    if (column.present && column.type == FieldType::number) {
      EXPECT_EQ(column.numbers.size(), rows);
      EXPECT_EQ(column.numbers.capacity(), table.lines.capacity());  // sized together
    }
  }
  return table.lines.capacity();
}

// With the size known, the reserve is re-estimated from the bytes read when it fills: within a
// few percent of the rows (the first rows alone estimate about a fifth too many).
TEST(ImportMemoryLimit, ReserveFollowsTheBytesRead) {
  constexpr std::size_t kRows = 400000;
  const std::string text = growing_ids(kRows);
  const std::size_t reserved = reserved_rows(text, text.size(), kRows);
  EXPECT_GE(reserved, kRows);
  EXPECT_LE(static_cast<double>(reserved), kRows * 1.05);
  // A size that is wrong either way still imports every row.
  EXPECT_GE(reserved_rows(text, text.size() * 10, kRows), kRows);
  EXPECT_GE(reserved_rows(text, text.size() / 10, kRows), kRows);
  EXPECT_GE(reserved_rows(text, 0, kRows), kRows);
}

// Line numbers are kept in 4 bytes: a row past line 4,294,967,295 stops the import with its own
// message instead of a wrong line number (only a file of more than 8 GB could reach it).
TEST(ImportMemoryLimit, LinePastFourBytesIsRefused) {
  ImportOptions options;
  TableBuilder builder(*find_kind("transactions"), options);
  const std::string_view header[] = {"customer_id", "date", "amount"};
  const std::string_view row[] = {"c1", "2024-01-02", "10"};
  ASSERT_TRUE(builder.row(1, header));
  EXPECT_TRUE(builder.row(TableBuilder::kMaxLine, row));
  EXPECT_FALSE(builder.row(TableBuilder::kMaxLine + 1, row));
  ASSERT_TRUE(builder.problem().has_value());
  EXPECT_EQ(builder.problem()->code, "import_too_many_lines");
  EXPECT_FALSE(builder.finish());
}

TEST(ImportMemoryLimit, RequestOptionIsReadInMegabytes) {
  auto read = import_request_from_json({{"kind", "spend"}, {"memory_limit_mb", 512}});
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read.value().first.memory_limit, 512ULL * 1024 * 1024);
  EXPECT_FALSE(import_request_from_json({{"memory_limit_mb", 0}}).ok());
  EXPECT_FALSE(import_request_from_json({{"memory_limit_mb", "lots"}}).ok());
}

}  // namespace
}  // namespace servimetrics
