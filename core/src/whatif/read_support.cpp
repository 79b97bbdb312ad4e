// The checks every part of a what-if request shares, each failure an Error with a code.
#include "whatif/read_support.hpp"

#include <cmath>

#include "base/format.hpp"

namespace servimetrics::whatif {

using json = nlohmann::json;

void Reader::fail(const std::string& where, std::string message, std::string code, json params) {
  params["where"] = where;
  errors_.push_back(Error{.kpi = "whatif",
                          .input = where,
                          .message = where + ": " + std::move(message),
                          .code = std::move(code),
                          .params = std::move(params)});
}

bool Reader::object(const json& value, const std::string& where) {
  if (value.is_object()) return true;
  fail(where, "must be an object", "whatif_not_an_object");
  return false;
}

bool Reader::known_keys(const json& value, const std::string& where,
                        std::initializer_list<std::string_view> keys) {
  bool ok = true;
  for (const auto& [key, unused] : value.items()) {
    bool known = false;
    for (const std::string_view k : keys) known = known || key == k;
    if (!known) {
      fail(where, "unknown field \"" + key + "\"", "whatif_unknown_field", {{"field", key}});
      ok = false;
    }
  }
  return ok;
}

const json* Reader::field(const json& object, const std::string& where, std::string_view name,
                          bool required) {
  const auto found = object.find(name);
  if (found != object.end()) return &*found;
  if (required) {
    fail(where, std::string(name) + " is missing", "whatif_field_missing",
         {{"field", std::string(name)}});
  }
  return nullptr;
}

std::optional<double> Reader::number(const json& value, const std::string& where) {
  if (value.is_number()) {
    const double number = value.get<double>();
    if (std::isfinite(number)) return number;
  }
  fail(where, "must be a finite number", "whatif_not_a_number");
  return std::nullopt;
}

std::optional<double> Reader::in_range(const json& value, const std::string& where, double min,
                                       double max) {
  const auto number = this->number(value, where);
  if (!number) return std::nullopt;
  if (*number >= min && *number <= max) return number;
  fail(where,
       format_number(*number) + " is outside " + format_number(min) + " to " + format_number(max),
       "whatif_out_of_range", {{"min", min}, {"max", max}, {"value", *number}});
  return std::nullopt;
}

std::optional<int> Reader::whole(const json& value, const std::string& where, int min, int max) {
  const auto number = in_range(value, where, min, max);
  if (!number) return std::nullopt;
  if (*number == std::floor(*number)) return static_cast<int>(*number);
  fail(where, "must be a whole number", "whatif_not_whole", {{"value", *number}});
  return std::nullopt;
}

std::optional<Lever> Reader::lever(const json& value, const std::string& where) {
  if (value.is_string()) {
    if (auto found = lever_named(value.get<std::string>())) return found;
  }
  fail(where, "unknown lever " + value.dump(), "whatif_unknown_lever",
       {{"name", value.is_string() ? value.get<std::string>() : value.dump()}});
  return std::nullopt;
}

std::optional<Output> Reader::output(const json& value, const std::string& where) {
  if (value.is_string()) {
    if (auto found = output_named(value.get<std::string>())) return found;
  }
  fail(where, "unknown output " + value.dump(), "whatif_unknown_output",
       {{"name", value.is_string() ? value.get<std::string>() : value.dump()}});
  return std::nullopt;
}

bool Reader::lever_value_in_range(double value, const std::string& where, Lever lever) {
  const LeverSpec& spec = lever_spec(lever);
  if (value >= spec.min && value <= spec.max) return true;
  fail(where,
       std::string(spec.name) + " " + format_number(value) + " is outside " +
           format_number(spec.min) + " to " + format_number(spec.max),
       "whatif_lever_out_of_range",
       {{"lever", std::string(spec.name)}, {"min", spec.min}, {"max", spec.max}, {"value", value}});
  return false;
}

std::optional<double> Reader::lever_value(const json& value, const std::string& where,
                                          Lever lever) {
  const auto number = this->number(value, where);
  if (!number || !lever_value_in_range(*number, where, lever)) return std::nullopt;
  return number;
}

}  // namespace servimetrics::whatif
