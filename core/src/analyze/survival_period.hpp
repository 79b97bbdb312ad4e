// How long a survival table's period is, read from its period column's header ("months", "年数",
// "quarter") when the user did not say.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "servimetrics/file_analysis.hpp"

namespace servimetrics {

// "week", "month", "quarter" or "year" when the header names one of them; none otherwise.
std::optional<std::string> period_from_header(std::string_view header);

// With no period among the options and a period column whose header (from the import report's
// "mapping") names one, sets options.period to it and returns that header; none otherwise.
std::optional<std::string> guess_survival_period(const nlohmann::json& import_report,
                                                 AnalyzeOptions& options);

}  // namespace servimetrics
