// Reading one request value as the kind of input the catalog declares (internal to the core).
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

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

// What a number being read is, for its errors: the name messages give it ("gross_margin",
// "csat_score_counts[2]", "thresholds.nps.good"), the prefix of its codes ("" for an input,
// "count_", "group_", "threshold_", "projection_") and the params naming it in its context,
// built only for an error: every keystroke reads every input, and a tree per input cost a third
// of the time of a whole answer.
struct NumberSubject {
  std::string_view name;
  std::string_view code_prefix;
  std::function<nlohmann::json()> params;
};

// A JSON number, or a string holding only a decimal number; finite. Codes: <prefix>not_a_number,
// <prefix>wrong_type, <prefix>not_finite.
Result<double> read_number(const NumberSubject& subject, const nlohmann::json& value);

// read_number() within [min, max]; code <prefix>out_of_range.
Result<double> read_in_range(const NumberSubject& subject, const nlohmann::json& value, double min,
                             double max);

// True when no number anywhere in `value` is NaN or infinite.
bool all_finite(const nlohmann::json& value);

}  // namespace servimetrics
