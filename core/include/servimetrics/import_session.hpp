// One file's import: bytes in chunks (any encoding, CSV or Excel) become a typed table of its
// data kind, every row used or rejected with a reason. The worker and the CLI drive it the same
// way.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "servimetrics/imported_table.hpp"
#include "servimetrics/result.hpp"
#include "servimetrics/row_sink.hpp"

namespace servimetrics {

// Whether the first row names the columns: detected from its cells, or as the user says.
enum class HeaderRow { detect, present, absent };

struct ImportOptions {
  std::string kind;       // "" or "auto": the kind whose columns the header fits best
  std::string encoding;   // "" detects; else utf-8, utf-16le, utf-16be, gb18030 (gbk) ...
  char delimiter = 0;     // 0 detects
  std::size_t sheet = 0;  // Excel files: which sheet
  std::map<std::string, std::string> mapping;    // field id -> header ("" = none); beats the guess
  std::map<std::string, std::size_t> positions;  // field id -> column, 1-based; beats the guess
  // A file without a header line has columns named "1", "2", ... by position, its first row data.
  HeaderRow header = HeaderRow::detect;
  std::map<std::string, std::string> date_formats;  // field id -> iso, ymd, mdy, dmy, cjk, compact,
                                                    // excel_serial; beats the detection
  char decimal = 0;                                 // '.' or ','; 0 detects
  std::uint64_t size = 0;  // the file's size when known: columns are sized once, not by doubling
  // Bytes the typed table may take (0: no limit). Past it the import stops with a message, instead
  // of a browser tab running out of memory (wasm32 memory ends at 2 GB in this build).
  std::uint64_t memory_limit = 0;
};

class TableBuilder;

class ImportSession {
 public:
  explicit ImportSession(ImportOptions options);
  // Kind "raw": the rows as read, to `rows`, with no kind and no table (import --kind raw).
  ImportSession(ImportOptions options, RowSink& rows);
  ImportSession(const ImportSession&) = delete;
  ImportSession& operator=(const ImportSession&) = delete;
  ~ImportSession();

  // The file's next bytes. Returns false once the import cannot go on (see error()).
  bool feed(std::string_view bytes);
  // The file has ended.
  void finish();

  [[nodiscard]] std::uint64_t bytes_read() const { return bytes_; }
  [[nodiscard]] std::uint64_t rows_read() const;
  [[nodiscard]] const std::optional<Error>& error() const { return error_; }
  [[nodiscard]] const ImportedTable& table() const;
  // {"file", "header", "mapping", "formats", "rows_read", "rows_used", "rows_rejected", "rejects"};
  // file.header_row says whether the first row was a header (false: the columns are "1", "2",
  // ..., and file.first_rows holds the first two rows as read).
  [[nodiscard]] nlohmann::json report() const;
  // Every kept reject as CSV (row, column, value, reason), cells guarded against formula injection.
  [[nodiscard]] std::string rejects_csv() const;
  // Every kept reject as [{row, column, value, reason, code, params}]: the page writes its rejects
  // download from these in its own language. params name the column and field when there is one.
  [[nodiscard]] nlohmann::json rejects_json() const;

 private:
  bool decide();
  bool read_text(std::string_view bytes, bool last);
  bool fail(Error error);
  RowSink& sink();

  class HeaderStage;
  // The rows are over: a first row still waiting for the second is decided now.
  bool end_rows();

  ImportOptions options_;
  std::unique_ptr<TableBuilder> builder_;
  std::unique_ptr<HeaderStage> stage_;  // reads the header (or its absence), then the kind's rows
  RowSink* raw_ = nullptr;
  struct Text;
  std::unique_ptr<Text> text_;
  enum class Mode { undecided, text, xlsx } mode_ = Mode::undecided;
  std::string head_;  // the first bytes, until the format and encoding are decided
  std::string xlsx_;  // an Excel file is a zip: its directory is at the end, so it is kept whole
  std::uint64_t bytes_ = 0;
  std::uint64_t chunk_start_ = 0;  // the bytes fed before the chunk being read
  bool finished_ = false;
  std::optional<Error> error_;
  nlohmann::json file_ = nlohmann::json::object();
};

}  // namespace servimetrics
