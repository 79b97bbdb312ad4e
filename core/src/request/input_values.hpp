// Reading one request value as the kind of input the catalog declares (internal to the core).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "servimetrics/catalog.hpp"

namespace servimetrics {

struct InputValue {
  double number = 0;   // the number, or days since 1970 for a date; 0 for other kinds
  nlohmann::json raw;  // normalized: numbers as numbers, groups with every field present
};

// True when the request gives no value: absent, null or an empty string.
bool is_blank(const nlohmann::json* value);

// `key` is how the request named it (maybe "<kpi>.<name>"), used in messages.
Result<InputValue> read_input(const InputSpec& spec, const std::string& key,
                              const nlohmann::json& value);

// A JSON number, or a string holding only a decimal number; finite. `what` names it in messages.
Result<double> read_number(const std::string& what, const nlohmann::json& value);

// True when no number anywhere in `value` is NaN or infinite.
bool all_finite(const nlohmann::json& value);

}  // namespace servimetrics
