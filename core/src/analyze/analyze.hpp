// KPIs from a file's text: the data kind names the columns (docs/JSON-API.md, "analyze").
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace servimetrics {

// Answers {"kpis", "errors", "import": {rows_read, rows_used, rows_rejected, rejects}, "table"}.
nlohmann::json analyze(std::string_view kind, std::string_view text);

// The marketing-spend kind: period, channel, spend, new_customers -> CAC overall and per channel.
nlohmann::json analyze_spend(std::string_view text);

}  // namespace servimetrics
