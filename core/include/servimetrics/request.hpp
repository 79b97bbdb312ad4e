// The JSON boundary: a compute request in, KPIs, errors and a projection out (docs/JSON-API.md).
// Nothing here throws; every problem becomes an entry of "errors".
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "servimetrics/json_text.hpp"
#include "servimetrics/result.hpp"

namespace servimetrics {

// Answers {"inputs", "thresholds", "projection"} with {"kpis", "errors", "projection"?}.
std::string answer_text(const nlohmann::json& request);
nlohmann::json compute(const nlohmann::json& request);  // answer_text() read back as a tree

// compute() on text, for the wasm and CLI faces.
std::string compute_text(std::string_view request_text);

}  // namespace servimetrics
