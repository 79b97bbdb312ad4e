// Type, finiteness and range checks of request values against the catalog's input specs.
#include "request/input_values.hpp"

#include <cmath>

#include "base/format.hpp"
#include "base/number_parser.hpp"
#include "kpi/metrics.hpp"

namespace servimetrics {
namespace {

using json = nlohmann::json;

Error number_error(const NumberSubject& subject, std::string message, std::string_view code,
                   const json& extra) {
  json params = subject.params ? subject.params() : json::object();
  params.update(extra);
  return Error{.input = std::string(subject.name),
               .message = std::move(message),
               .code = std::string(subject.code_prefix).append(code),
               .params = std::move(params)};
}

json string_array(const std::vector<std::string_view>& items) {
  json out = json::array();
  for (const auto item : items) out.push_back(item);
  return out;
}

Result<InputValue> read_counts5(const InputSpec& spec, const std::string& key, const json& value) {
  if (!value.is_array() || value.size() != 5) {
    return Error{.input = key,
                 .message = key + " must be a list of 5 counts, for scores 1 to 5",
                 .code = "counts_not_a_list",
                 .params = {{"input", key}, {"count", 5}}};
  }
  InputValue out{0, json::array()};
  for (std::size_t i = 0; i < 5; ++i) {
    const std::string name = key + "[" + std::to_string(i) + "]";
    const NumberSubject subject{name, "count_", [&key, i] {
                                  return json{{"input", key}, {"index", i}, {"score", i + 1}};
                                }};
    auto count = read_in_range(subject, value[i], spec.min, spec.max);
    if (!count.ok()) {
      Error error = count.error();
      error.input = key;
      return error;
    }
    out.raw.push_back(count.value());
  }
  return out;
}

Error groups_not_object(const InputSpec& spec, const std::string& key) {
  std::string fields;
  for (std::size_t i = 0; i < spec.fields.size(); ++i) {
    fields += i == 0 ? "" : i + 1 == spec.fields.size() ? " and " : ", ";
    fields += spec.fields[i];
  }
  return Error{.input = key,
               .message = key + " must be an object of rows, each with " + fields,
               .code = "groups_not_an_object",
               .params = {{"input", key}, {"fields", string_array(spec.fields)}}};
}

// One row of a groups input, every field of the spec present and in range.
Result<json> read_group_row(const InputSpec& spec, const std::string& key,
                            const std::string& row_name, const json& row) {
  const std::string row_key = key + "." + row_name;
  if (!row.is_object()) {
    return Error{.input = row_key,
                 .message = row_key + " must be an object",
                 .code = "group_row_not_an_object",
                 .params = {{"input", key}, {"row", row_name}}};
  }
  for (const auto& [field, field_value] : row.items()) {
    bool known = false;
    for (const auto f : spec.fields) known = known || f == field;
    if (!known) {
      return Error{.input = row_key + "." + field,
                   .message = "unknown field " + row_key + "." + field,
                   .code = "group_unknown_field",
                   .params = {{"input", key}, {"row", row_name}, {"field", field}}};
    }
  }
  json clean = json::object();
  for (const auto field : spec.fields) {
    const std::string name = row_key + "." + std::string(field);
    const NumberSubject subject{name, "group_", [&key, &row_name, field] {
                                  return json{{"input", key}, {"row", row_name}, {"field", field}};
                                }};
    const auto found = row.find(std::string(field));
    if (found == row.end() || is_blank(&*found)) {
      return Error{.input = name,
                   .message = name + " is missing",
                   .code = "group_field_missing",
                   .params = subject.params()};
    }
    auto number = read_in_range(subject, *found, spec.min, spec.max);
    if (!number.ok()) return number.error();
    clean[std::string(field)] = number.value();
  }
  return clean;
}

Result<InputValue> read_groups(const InputSpec& spec, const std::string& key, const json& value) {
  if (!value.is_object()) return groups_not_object(spec, key);
  InputValue out{0, json::object()};
  for (const auto& [row_name, row] : value.items()) {
    auto clean = read_group_row(spec, key, row_name, row);
    if (!clean.ok()) return clean.error();
    out.raw[row_name] = std::move(clean.value());
  }
  return out;
}

Result<InputValue> read_choice(const InputSpec& spec, const std::string& key, const json& value) {
  if (value.is_string()) {
    for (const auto choice : spec.choices) {
      if (choice == value.get_ref<const std::string&>()) return InputValue{0, value};
    }
  }
  std::string allowed;
  for (const auto choice : spec.choices) {
    allowed += (allowed.empty() ? "" : ", ") + std::string(choice);
  }
  return Error{.input = key,
               .message = key + " must be one of: " + allowed,
               .code = "not_a_choice",
               .params = {{"input", key}, {"choices", string_array(spec.choices)}}};
}

}  // namespace

bool is_blank(const json* value) {
  return value == nullptr || value->is_null() ||
         (value->is_string() && value->get_ref<const std::string&>().empty());
}

bool all_finite(const json& value) {
  if (value.is_number_float()) return std::isfinite(value.get<double>());
  if (value.is_structured()) {
    for (const auto& item : value) {
      if (!all_finite(item)) return false;
    }
  }
  return true;
}

Result<double> read_number(const NumberSubject& subject, const json& value) {
  double number = 0;
  if (value.is_number()) {
    number = value.get<double>();
  } else if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    const auto parsed = parse_decimal(text);
    if (!parsed) {
      return number_error(
          subject, std::string(subject.name) + " is not a number: \"" + text.substr(0, 40) + "\"",
          "not_a_number", {{"value", text.substr(0, 40)}});
    }
    number = *parsed;
  } else {
    return number_error(
        subject,
        std::string(subject.name) + " must be a number, not " + std::string(value.type_name()),
        "wrong_type", {{"type", value.type_name()}});
  }
  if (!std::isfinite(number)) {
    return number_error(subject, std::string(subject.name) + " must be a finite number",
                        "not_finite", json::object());
  }
  return number;
}

Result<double> read_in_range(const NumberSubject& subject, const json& value, double min,
                             double max) {
  auto number = read_number(subject, value);
  if (!number.ok()) return number;
  if (number.value() < min || number.value() > max) {
    return number_error(subject,
                        std::string(subject.name) + " must be between " + format_number(min) +
                            " and " + format_number(max) + " (got " +
                            format_number(number.value()) + ")",
                        "out_of_range", {{"min", min}, {"max", max}, {"value", number.value()}});
  }
  return number;
}

Result<InputValue> read_input(const InputSpec& spec, const std::string& key, const json& value) {
  switch (spec.kind) {
    case InputKind::number: {
      const NumberSubject subject{key, "", [&key] { return json{{"input", key}}; }};
      auto number = read_in_range(subject, value, spec.min, spec.max);
      if (!number.ok()) return number.error();
      return InputValue{number.value(), number.value()};
    }
    case InputKind::counts5:
      return read_counts5(spec, key, value);
    case InputKind::groups:
      return read_groups(spec, key, value);
    case InputKind::date: {
      const auto days =
          value.is_string() ? parse_iso_date(value.get_ref<const std::string&>()) : std::nullopt;
      if (!days) {
        return Error{.input = key,
                     .message = key + " must be a real date written YYYY-MM-DD",
                     .code = "not_a_date",
                     .params = {{"input", key}}};
      }
      return InputValue{static_cast<double>(*days), value};
    }
    case InputKind::choice:
      return read_choice(spec, key, value);
  }
  return Error{.input = key,
               .message = "unsupported input kind",
               .code = "unsupported_input_kind",
               .params = {{"input", key}}};
}

}  // namespace servimetrics
