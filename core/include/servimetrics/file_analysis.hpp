// A data file's answer (analyze layer): the import request read from JSON, a finished import
// session analysed by its kind, and the KPIs that need two files at once.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "servimetrics/import_session.hpp"
#include "servimetrics/imported_table.hpp"
#include "servimetrics/result.hpp"

namespace servimetrics {

struct AnalyzeOptions {
  std::string period = "month";  // "month" (2024-01), "quarter" (2024-Q1) or "year" (2024)
  bool period_given = false;  // survival tables: the period's length (also "week"); if not given,
                              // the period column's header's, else a year (survival_period.hpp)
  std::string scale;          // survey: "" to detect, "nps" or "csat"
  Timestamp as_of = kNoTime;  // "today"; kNoTime: the latest date in the data
  std::optional<double> gross_margin;   // transactions: for CLTV (fraction -10..1: may be a loss)
  std::optional<double> discount_rate;  // transactions: for CLTV (fraction 0..1); survival tables
  std::optional<double> value_per_period;  // survival tables: for the expected lifetime value
  std::size_t table_rows = 1000;  // rows each answer table keeps ("total_rows" has them all)
};

// Reads {"kind", "encoding", "delimiter", "sheet", "mapping", "date_formats", "decimal", "size",
// "memory_limit_mb"} and the
// analysis options {"period", "scale", "as_of", "gross_margin", "discount_rate"}.
Result<std::pair<ImportOptions, AnalyzeOptions>> import_request_from_json(const nlohmann::json& j);

// The kind's analysis of a finished session plus its "import" report; the import's error, if any,
// comes first in "errors".
nlohmann::json analyze_session(const ImportSession& session, const AnalyzeOptions& options);
// Both steps on a whole file's bytes (the CLI, tests).
nlohmann::json analyze_file(std::string_view bytes, const ImportOptions& import,
                            const AnalyzeOptions& analysis);

// KPIs that need two files at once (LTV:CAC per channel from spend + transactions). Takes
// {"answers": [{"kind", "inputs"}, ...]} (the analyses above, or only their kind and inputs) and
// answers {"kpis", "errors", "inputs" (merged), "sources": {input: kind}, "notes"} with only the
// KPIs that no single file gives; a later answer's input wins a conflict, with a note.
nlohmann::json combine_analyses(const nlohmann::json& request);

}  // namespace servimetrics
