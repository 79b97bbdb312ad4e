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

// Why rows were rejected: the English sentence, its code and what it names (the column and field
// are the reject's own). Each distinct reason is kept once: a file can reject hundreds of
// thousands of rows for the same reason.
struct RejectReason {
  std::string text;
  std::string code;
  nlohmann::json params;
};

// A rejected row: its line, the value that was wrong, the reason (an index into
// TableBuilder::reasons()) and the field whose cell was wrong (-1 when the row as a whole was).
struct RejectedRow {
  std::uint64_t line;
  std::string value;
  std::uint32_t reason;
  std::int32_t field;
};

class TableBuilder final : public RowSink {
 public:
  static constexpr std::size_t kSampleRows = 2000;
  static constexpr std::size_t kRejectsKept = 1000000;
  // The table keeps line numbers in 4 bytes.
  static constexpr std::uint64_t kMaxLine = 0xFFFFFFFFU;

  TableBuilder(const KindSpec& kind, const ImportOptions& options);

  // The file has been fed up to `fed` bytes, the rows read next lying after `chunk_start`: the
  // reserve grows from how far into options.size the rows are.
  void fed(std::uint64_t chunk_start, std::uint64_t fed) {
    chunk_start_ = chunk_start;
    fed_ = fed;
  }

  bool row(std::uint64_t line, std::span<const std::string_view> fields) override;
  // The rows have ended: a sample still held is decided and parsed now.
  bool finish();

  [[nodiscard]] const ImportedTable& table() const { return table_; }
  [[nodiscard]] const std::optional<Error>& problem() const { return problem_; }
  [[nodiscard]] bool header_seen() const { return header_seen_; }
  [[nodiscard]] std::uint64_t rows_read() const { return rows_read_; }
  [[nodiscard]] std::uint64_t rows_rejected() const { return rows_rejected_; }
  [[nodiscard]] const std::deque<RejectedRow>& rejects() const { return rejects_; }
  [[nodiscard]] const RejectReason& reason(const RejectedRow& row) const {
    return reasons_[row.reason];
  }
  // The header of the reject's column ("" for the whole row).
  [[nodiscard]] std::string_view column(const RejectedRow& row) const;
  // {row, column, value, reason, code, params}; params name the column and field when there is one.
  [[nodiscard]] nlohmann::json reject_json(const RejectedRow& row) const;
  [[nodiscard]] nlohmann::json header_json() const;
  [[nodiscard]] nlohmann::json mapping_json() const;
  [[nodiscard]] nlohmann::json formats_json() const { return formats_; }
  // For a kind with a line value (transactions: amount, else quantity x unit_price), the value the
  // file's rows carry and the part carried by rejected rows (rejected_value.cpp):
  // {"file_value", "rejected_value", "rejected_value_share", "rejected_rows_without_value"}; an
  // empty object for other kinds.
  [[nodiscard]] nlohmann::json value_json() const;

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
  bool apply_chosen_mapping();
  // The kind's columns the header lacks, as a problem; false when nothing is missing.
  bool refuse_missing_columns();
  bool decide_formats();
  // Decides the date format of field f from the samples and adds it to formats_.
  bool decide_date_format(std::size_t f, const std::string& header,
                          std::span<const std::string_view> samples);
  void reserve_columns();
  // Room for `rows` rows in the line numbers and every present column.
  void reserve_rows(std::size_t rows);
  // The rows to reserve when the reserve is full: the file's size over the bytes behind the rows
  // so far, else twice as many.
  [[nodiscard]] std::size_t next_row_capacity() const;
  // False (with problem_ set) once the table passes options_.memory_limit.
  bool within_memory_limit(std::uint64_t table_bytes);
  bool too_many_lines();
  [[nodiscard]] std::uint64_t table_bytes() const;
  void add_row(std::uint64_t line, std::span<const std::string_view> fields);
  void add_row_cells(std::uint64_t line, std::span<const std::string_view> fields);
  // Reads field f's cell into cells_[f]; false (with the row rejected) when it cannot.
  bool read_cell(std::uint64_t line, std::size_t f, std::string_view text);
  bool read_number(std::uint64_t line, std::size_t f, Cell& cell);
  bool read_date(std::uint64_t line, std::size_t f, Cell& cell);
  bool read_flag(std::uint64_t line, std::size_t f, Cell& cell);
  bool read_category(std::uint64_t line, std::size_t f, Cell& cell);
  // False (with the row rejected) when the row fills none of a group of alternatives.
  bool has_alternatives(std::uint64_t line);
  void append_row(std::uint64_t line);
  // Adds the row's value to file_value_ (and to rejected_value_ when it was rejected).
  void count_value(std::span<const std::string_view> fields, bool rejected);
  // The value of a rejected row read from its text; NaN when it cannot be read.
  [[nodiscard]] double rejected_row_value(std::span<const std::string_view> fields) const;
  [[nodiscard]] double number_of(std::span<const std::string_view> fields, int f) const;
  // The index of a reason, added when new.
  std::uint32_t reason_index(std::string_view text, std::string_view code,
                             const nlohmann::json& params);
  std::uint32_t reason_index(const Error& error) {
    return reason_index(error.message, error.code, error.params);
  }
  void reject(std::uint64_t line, std::int32_t field, std::string_view value, std::uint32_t reason);

  const KindSpec& kind_;
  const ImportOptions& options_;
  std::uint64_t chunk_start_ = 0;  // see fed(); 0 and 0: not known
  std::uint64_t fed_ = 0;
  ImportedTable table_;
  std::vector<std::string> header_;
  std::vector<int> mapping_;  // per field: column index or -1
  // The fields the file has, in the kind's order, once the mapping is final: the per-row loops
  // walk these alone, not every field of the kind.
  struct MappedField {
    std::uint32_t field;   // index in kind_.fields
    std::uint32_t column;  // index in the row
    FieldType type;
  };
  std::vector<MappedField> mapped_;
  // Fixes mapped_, and drops from one_of_ the alternatives with a field the file lacks.
  void plan_rows();
  std::vector<bool> guessed_;
  std::vector<DateFormat> date_formats_;  // per field (date fields)
  // Per date field, the last cell read well and its time: an export repeats an order's date on
  // each of its lines, and reading a date is the costliest cell.
  struct LastDate {
    std::string text;
    Timestamp time = kNoTime;
  };
  std::vector<LastDate> last_dates_;
  std::vector<NumberStyle> number_styles_;  // per field (number fields)
  nlohmann::json formats_ = nlohmann::json::array();
  std::vector<Cell> cells_;
  std::vector<std::vector<std::vector<std::size_t>>> one_of_;  // kind_.one_of as field indexes
  std::vector<std::uint32_t> one_of_reasons_;                  // per group: "the row has no ..."
  // The first rows, copied, until every column's format is decided.
  std::vector<std::pair<std::uint64_t, std::vector<std::string>>> sample_;
  bool sampling_ = true;
  bool rows_reserved_ = false;  // reserved from the file's size: grown by next_row_capacity()
  bool header_seen_ = false;
  std::optional<Error> problem_;
  std::uint64_t rows_read_ = 0;
  std::uint64_t rows_rejected_ = 0;
  std::deque<RejectedRow> rejects_;  // a deque: hundreds of thousands of rejects, never copied
  Dictionary reason_texts_;          // each distinct reason once, its code the index in reasons_
  std::vector<RejectReason> reasons_;
  // Per field, the reasons of the most common rejects, found once rather than per row.
  std::vector<std::uint32_t> empty_reasons_;
  std::vector<std::uint32_t> negative_reasons_;
  // The line value's fields (-1: absent or not a kind with a line value) and its sums.
  int amount_field_ = -1;
  int quantity_field_ = -1;
  int unit_price_field_ = -1;
  double file_value_ = 0;
  double rejected_value_ = 0;
  std::uint64_t rejected_without_value_ = 0;
};

}  // namespace servimetrics
