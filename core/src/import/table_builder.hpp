// Rows of text in, typed columns of a data kind out: maps the header, decides each column's date
// and number format from a sample, and parses or rejects every row (internal to the core).
#pragma once

#include <deque>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cells/cell_values.hpp"
#include "servimetrics/data_kinds.hpp"
#include "servimetrics/import_session.hpp"
#include "servimetrics/row_sink.hpp"

namespace servimetrics {

// A rejected row. The column and reason view the builder's header and its reasons, each kept
// once: a file can reject hundreds of thousands of rows for the same reason.
struct RejectedRow {
  std::uint64_t line;
  std::string_view column;
  std::string value;
  std::string_view reason;
};

class TableBuilder final : public RowSink {
 public:
  static constexpr std::size_t kSampleRows = 2000;
  static constexpr std::size_t kRejectsKept = 1000000;

  TableBuilder(const KindSpec& kind, const ImportOptions& options);

  bool row(std::uint64_t line, std::span<const std::string_view> fields) override;
  // The rows have ended: a sample still held is decided and parsed now.
  bool finish();

  [[nodiscard]] const ImportedTable& table() const { return table_; }
  [[nodiscard]] const std::optional<std::string>& problem() const { return problem_; }
  [[nodiscard]] bool header_seen() const { return header_seen_; }
  [[nodiscard]] std::uint64_t rows_read() const { return rows_read_; }
  [[nodiscard]] std::uint64_t rows_rejected() const { return rows_rejected_; }
  [[nodiscard]] const std::deque<RejectedRow>& rejects() const { return rejects_; }
  [[nodiscard]] nlohmann::json header_json() const;
  [[nodiscard]] nlohmann::json mapping_json() const;
  [[nodiscard]] nlohmann::json formats_json() const { return formats_; }

 private:
  struct Cell {
    std::string_view text;  // trimmed
    bool blank = true;
    double number = 0;
    Timestamp time = kNoTime;
    std::uint8_t flag = 2;
    std::uint32_t category = kNoCode;
  };

  bool read_header(std::span<const std::string_view> fields);
  bool decide_formats();
  void reserve_columns();
  // False (with problem_ set) once the table passes options_.memory_limit.
  bool within_memory_limit(std::uint64_t table_bytes);
  [[nodiscard]] std::uint64_t table_bytes() const;
  void add_row(std::uint64_t line, std::span<const std::string_view> fields);
  void reject(std::uint64_t line, std::string_view column, std::string_view value,
              std::string_view reason);

  const KindSpec& kind_;
  const ImportOptions& options_;
  ImportedTable table_;
  std::vector<std::string> header_;
  std::vector<int> mapping_;  // per field: column index or -1
  std::vector<bool> guessed_;
  std::vector<DateFormat> date_formats_;    // per field (date fields)
  std::vector<NumberStyle> number_styles_;  // per field (number fields)
  nlohmann::json formats_ = nlohmann::json::array();
  std::vector<Cell> cells_;
  std::vector<std::vector<std::vector<std::size_t>>> one_of_;  // kind_.one_of as field indexes
  // The first rows, copied, until every column's format is decided.
  std::vector<std::pair<std::uint64_t, std::vector<std::string>>> sample_;
  bool sampling_ = true;
  bool header_seen_ = false;
  std::optional<std::string> problem_;
  std::uint64_t rows_read_ = 0;
  std::uint64_t rows_rejected_ = 0;
  std::deque<RejectedRow> rejects_;  // a deque: hundreds of thousands of rejects, never copied
  Dictionary reasons_;               // each distinct reason once
  // Per field, the reasons of the most common rejects, written once rather than per row.
  std::vector<std::string> empty_reasons_;
  std::vector<std::string> negative_reasons_;
};

}  // namespace servimetrics
