// KPIs of an imported data file, one function per data kind. Each derives the catalog's inputs
// from the rows and runs compute() on them, so values, bands and rules are the catalog's own.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

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

}  // namespace servimetrics
