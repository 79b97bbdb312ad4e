// KPIs of an imported data file, one function per data kind. Each derives the catalog's inputs
// from the rows and runs compute() on them, so values, bands and rules are the catalog's own.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "servimetrics/imported_table.hpp"

namespace servimetrics {

struct AnalyzeOptions {
  std::string period = "month";         // "month" (2024-01), "quarter" (2024-Q1) or "year" (2024)
  std::string scale;                    // survey: "" to detect, "nps" or "csat"
  Timestamp as_of = kNoTime;            // "today"; kNoTime: the latest date in the data
  std::optional<double> gross_margin;   // transactions: for CLTV (fraction 0..1)
  std::optional<double> discount_rate;  // transactions: for CLTV (fraction 0..1)
};

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

// KPIs that need two files at once (LTV:CAC per channel from spend + transactions). Takes
// {"answers": [{"kind", "inputs"}, ...]} (the analyses above, or only their kind and inputs) and
// answers {"kpis", "errors", "inputs" (merged), "sources": {input: kind}, "notes"} with only the
// KPIs that no single file gives; a later answer's input wins a conflict, with a note.
nlohmann::json combine_analyses(const nlohmann::json& request);

}  // namespace servimetrics
