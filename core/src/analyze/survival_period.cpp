// A survival table's period from its header: a file whose period column is called "months" counts
// months, and its annual retention is the monthly one to the 12th power, not a year's.
#include "analyze/survival_period.hpp"

#include <algorithm>
#include <cctype>

namespace servimetrics {

std::optional<std::string> period_from_header(std::string_view header) {
  std::string lower(header);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const auto names = [&](std::initializer_list<std::string_view> words) {
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view w) { return lower.find(w) != std::string::npos; });
  };
  // The shorter units first: "周年" (anniversary) is a year, but "每月" or "月数" are months.
  if (names({"quarter", "季"})) return "quarter";
  if (names({"month", "月"})) return "month";
  if (names({"week", "周数", "週"}) || lower == "周") return "week";
  if (names({"year", "年", "anniversar", "renewal", "續約", "续约"})) return "year";
  return std::nullopt;
}

std::optional<std::string> guess_survival_period(const nlohmann::json& report,
                                                 AnalyzeOptions& options) {
  if (options.period_given || !report.is_object() || !report.contains("mapping")) return {};
  for (const nlohmann::json& m : report["mapping"]) {
    if (!m.is_object() || m.value("field", "") != "period" || !m["column"].is_string()) continue;
    const std::string column = m["column"].get<std::string>();
    const std::optional<std::string> period = period_from_header(column);
    if (!period) return {};
    options.period = *period;
    options.period_given = true;
    return column;
  }
  return {};
}

}  // namespace servimetrics
