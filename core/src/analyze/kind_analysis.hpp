// KPIs of an imported data file, one function per data kind. Each derives the catalog's inputs
// from the rows and runs compute() on them, so values, bands and rules are the catalog's own.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "servimetrics/file_analysis.hpp"
#include "servimetrics/imported_table.hpp"

namespace servimetrics {

// Every function answers
//   {"kpis": [...], "errors": [...],       compute()'s answer for the inputs derived from the data
//    "inputs": {...},                       those derived inputs, so a user can see and reuse them
//    "measures": [{"id", "value", "unit"}], figures of the data that are not catalog KPIs
//    "tables": {"<name>": {"columns": [...], "rows": [[...]], "total_rows": N}},  at most 1000 rows
//    "notes": [{"id", "message"}]}          what was assumed, or why something is not computed
// Money is in the file's own currency; rates are fractions; durations in hours or months as named.
nlohmann::json analyze_transactions_table(const ImportedTable& table,
                                          const AnalyzeOptions& options);
nlohmann::json analyze_subscriptions_table(const ImportedTable& table,
                                           const AnalyzeOptions& options);
nlohmann::json analyze_survey_table(const ImportedTable& table, const AnalyzeOptions& options);
nlohmann::json analyze_tickets_table(const ImportedTable& table, const AnalyzeOptions& options);
nlohmann::json analyze_spend_table(const ImportedTable& table, const AnalyzeOptions& options);
nlohmann::json analyze_ledger_table(const ImportedTable& table, const AnalyzeOptions& options);
nlohmann::json analyze_customer_summary_table(const ImportedTable& table,
                                              const AnalyzeOptions& options);
nlohmann::json analyze_survival_table_file(const ImportedTable& table,
                                           const AnalyzeOptions& options);

// What a column of a kind's answer tables holds: "text", "date", "flag", "line" (a line of the
// file) or a catalog unit ("count", "money", "fraction", "points", "score", "hours", "days",
// "months").
struct ColumnUnit {
  std::string_view column;
  std::string_view unit;
};

// One data kind's analysis, the record every analyze_<kind>.cpp ends with (an extern const that
// kinds.cpp lists): the kind's id (its
// fields and header aliases are the KindSpec of the same id in data_kinds.cpp, which the import
// layer reads), the analyzer, and the unit of every column its answer tables can have.
struct KindAnalysis {
  std::string_view id;
  nlohmann::json (*analyze)(const ImportedTable& table, const AnalyzeOptions& options);
  std::span<const ColumnUnit> units;
};

// Every kind's analysis, in the order of data_kinds() (kinds.cpp).
std::span<const KindAnalysis* const> kind_analyses();
// nullptr for an id no kind has.
const KindAnalysis* find_kind_analysis(std::string_view id);

}  // namespace servimetrics
