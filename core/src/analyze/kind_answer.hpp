// Building blocks of the per-kind answers of kind_analysis.hpp, shared by every
// analyze_<kind>_table() (internal to the core).
//
// How an analyzer uses them:
//   json answer = empty_kind_answer();          // every key present, all empty
//   if (table.rows() == 0) return answer_without_rows(std::move(answer));
//   const ImportedColumn* amount = find_column(table, "amount", FieldType::number);  // or nullptr
//   ... one pass over the rows; SetAsideRows for rows left out, with their source lines ...
//   add_measure(answer, "tickets", n, "count");
//   add_table(answer, "by_channel", {"channel", "tickets"}, std::move(rows), total_rows);
//   add_note(answer, "unanswered_tickets", "...", {{"count", n}});  // id = code, and its params
//   add_catalog_kpis(answer, inputs);            // compute() on the derived inputs, last
// Numbers pass through finite_or_null() (measures, shares) or are checked by add_catalog_kpis(),
// so no NaN or infinity reaches the answer even where an analyzer misses a guard.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/kind_analysis.hpp"
#include "base/format.hpp"
#include "cells/calendar.hpp"
#include "servimetrics/imported_table.hpp"

namespace servimetrics {

inline constexpr std::size_t kTableRowLimit = 1000;  // rows of one answer table, by default
inline constexpr std::size_t kLinesListed = 20;      // source lines named in one note

// The rows one answer table keeps now: kTableRowLimit, or what the TableRowLimit in scope says
// (AnalyzeOptions::table_rows, set by analyze_session: the page asks for whole tables).
std::size_t table_row_limit();
// Sets table_row_limit() while it lives (one analysis on this thread).
class TableRowLimit {
 public:
  explicit TableRowLimit(std::size_t rows);
  ~TableRowLimit();
  TableRowLimit(const TableRowLimit&) = delete;
  TableRowLimit& operator=(const TableRowLimit&) = delete;

 private:
  std::size_t previous_;
};

// {"kpis": [], "errors": [], "inputs": {}, "measures": [], "tables": {}, "notes": []}.
nlohmann::json empty_kind_answer();

// The answer for a table without rows: the note "no_rows" and nothing else.
nlohmann::json answer_without_rows(nlohmann::json answer);

// The column of a field when the file has it and it holds one value of `type` per row; nullptr
// otherwise, so a column the importer could not fill is treated like a missing one.
const ImportedColumn* find_column(const ImportedTable& table, std::string_view field_id,
                                  FieldType type);

// Text of a text cell; empty for a blank cell (kNoCode or empty text) or a missing column.
std::string_view text_of_cell(const ImportedColumn* column, std::size_t row);
// The same as JSON: null when empty.
nlohmann::json text_or_null(const ImportedColumn* column, std::size_t row);
// "2024-01-05" for midnight, "2024-01-05 08:26:00" otherwise; null for kNoTime.
nlohmann::json time_or_null(Timestamp t);

nlohmann::json finite_or_null(double value);
// part / whole, or null when whole is not positive (or the result is not finite).
nlohmann::json share_or_null(double part, double whole);

// Appends {"id", "value", "unit"} to "measures"; unit is a catalog unit name ("count", "hours",
// "fraction", "money", "score", "points"). A non-finite value is written as null.
void add_measure(nlohmann::json& answer, std::string_view id, double value, std::string_view unit);
// A measure of unit "count", written as a whole number.
void add_count(nlohmann::json& answer, std::string_view id, std::uint64_t count);
// Appends {"id", "code", "message", "params"} to "notes", the code being the id: a stable name the
// page translates, with params holding what the message names (numbers as numbers, field and
// input ids, line numbers as arrays), so the page never reads the English (docs/codes/analyze.md).
void add_note(nlohmann::json& answer, std::string_view id, std::string message,
              nlohmann::json params = nlohmann::json::object());
// The same for an id whose message comes in more than one form: each form has its own code.
void add_note_as(nlohmann::json& answer, std::string_view id, std::string_view code,
                 std::string message, nlohmann::json params = nlohmann::json::object());
// What a table column holds: "text", "date", "flag", "line" (a line of the file), or a catalog unit
// ("count", "money", "fraction", "points", "score", "hours", "days", "months"); "" when the column
// is not in the list (table_column_units.cpp), which a test keeps from happening.
std::string_view table_column_unit(std::string_view column);

// Sets "tables"/name to {"columns", "units", "rows", "total_rows"}; units from table_column_unit().
// Rows past table_row_limit() are dropped; total_rows is the size of the full table (at least
// rows.size()), so a caller that built only the first table_row_limit() rows of a longer table
// passes the full count.
void add_table(nlohmann::json& answer, std::string_view name,
               const std::vector<std::string_view>& columns, nlohmann::json rows,
               std::size_t total_rows);

// Whether a text column's code stands for a blank cell (no code, or only spaces and tabs), and the
// same for every code at once, so row loops test a byte instead of the text.
bool is_blank_code(const ImportedColumn& column, std::uint32_t code);
std::vector<std::uint8_t> blank_codes(const ImportedColumn& column);
// Buckets of a text column: one per distinct non-blank text, in code order, then one "(blank)"
// bucket that every blank code (and kNoCode) falls into.
struct TextBuckets {
  std::vector<std::uint32_t> of_code;  // bucket of each code
  std::vector<std::string> names;
  std::uint32_t blank = 0;  // the "(blank)" bucket
  [[nodiscard]] std::uint32_t of(std::uint32_t code) const {
    return code < of_code.size() ? of_code[code] : blank;
  }
};
TextBuckets text_buckets(const ImportedColumn& column);

// The day holding t, counted from 1970-01-01 (rounds towards the past).
std::int64_t day_of(Timestamp t);

// Sets "inputs" to the derived catalog inputs, runs compute() on them and appends its "kpis" and
// "errors". An input that is not a finite number (only an overflowing sum can make one) is left
// out and noted, so the inputs a user copies from the answer are always a valid request.
void add_catalog_kpis(nlohmann::json& answer, nlohmann::json inputs);

// Rows left out for one reason: how many, and the source lines of the first kLinesListed, so a
// note can point the user at them.
class SetAsideRows {
 public:
  void add(std::uint64_t line) {
    if (lines_.size() < kLinesListed) lines_.push_back(line);
    ++count_;
  }
  [[nodiscard]] std::size_t count() const { return count_; }
  // "line 7", "lines 4, 9 and 12", or "lines 4, 9, ..., 80 and 31 more".
  [[nodiscard]] std::string lines_text() const;
  // The same for a note's params: {"count": n, "lines": [first kLinesListed], "more": n - listed}.
  [[nodiscard]] nlohmann::json params() const;
  [[nodiscard]] const std::vector<std::uint64_t>& lines() const { return lines_; }

 private:
  std::vector<std::uint64_t> lines_;
  std::size_t count_ = 0;
};

// options.period as a Period; an unknown name is noted ("unknown_period") and month is used.
Period analysis_period(const AnalyzeOptions& options, nlohmann::json& answer);

// Nearest-rank percentile: the smallest value with at least `percent`% of the values at or below
// it (1-based rank ceil(percent * n / 100), at least 1; so the median of an even count is the
// lower middle value). Reorders `values` (linear time); NaN when there are none.
double nearest_rank_percentile(std::span<double> values, int percent);

}  // namespace servimetrics
