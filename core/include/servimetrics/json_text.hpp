// JSON text in and out without exceptions (base layer): parsing that says where and why it failed,
// and the one serializer of answers.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "servimetrics/result.hpp"

namespace servimetrics {

// Parses JSON text; a syntax error names the byte position and what was expected. Text nested
// more than 64 levels deep is refused before parsing (trees are copied recursively).
Result<nlohmann::json> parse_json(std::string_view text);

// Serializes an answer; doubles are finite by construction.
std::string dump_answer(const nlohmann::json& answer);

}  // namespace servimetrics
