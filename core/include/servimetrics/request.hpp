// The JSON boundary: a compute request in, KPIs, errors and a projection out (docs/JSON-API.md).
// Nothing here throws; every problem becomes an entry of "errors".
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "servimetrics/result.hpp"

namespace servimetrics {

// Parses JSON text; a syntax error names the byte position and what was expected. Text nested
// more than 64 levels deep is refused before parsing (trees are copied recursively).
Result<nlohmann::json> parse_json(std::string_view text);

// Answers {"inputs", "thresholds", "projection"} with {"kpis", "errors", "projection"?}.
std::string answer_text(const nlohmann::json& request);
nlohmann::json compute(const nlohmann::json& request);  // answer_text() read back as a tree

// compute() on text, for the wasm and CLI faces.
std::string compute_text(std::string_view request_text);

// Serializes an answer; doubles are finite by construction.
std::string dump_answer(const nlohmann::json& answer);

nlohmann::json error_json(const Error& error);

}  // namespace servimetrics
