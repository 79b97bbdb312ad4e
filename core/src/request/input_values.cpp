// Type, finiteness and range checks of request values against the catalog's input specs.
#include "request/input_values.hpp"

#include <cmath>

#include "base/format.hpp"
#include "base/number_parser.hpp"
#include "kpi/metrics.hpp"

namespace servimetrics {
namespace {

Result<double> read_in_range(const std::string& what, const nlohmann::json& value, double min,
                             double max) {
  auto number = read_number(what, value);
  if (!number.ok()) return number;
  if (number.value() < min || number.value() > max) {
    return input_error(what, what + " must be between " + format_number(min) + " and " +
                                 format_number(max) + " (got " + format_number(number.value()) +
                                 ")");
  }
  return number;
}

Result<InputValue> read_counts5(const InputSpec& spec, const std::string& key,
                                const nlohmann::json& value) {
  if (!value.is_array() || value.size() != 5) {
    return input_error(key, key + " must be a list of 5 counts, for scores 1 to 5");
  }
  InputValue out{0, nlohmann::json::array()};
  for (std::size_t i = 0; i < 5; ++i) {
    auto count = read_in_range(key + "[" + std::to_string(i) + "]", value[i], spec.min, spec.max);
    if (!count.ok()) return Error{{}, key, count.error().message};
    out.raw.push_back(count.value());
  }
  return out;
}

Result<InputValue> read_groups(const InputSpec& spec, const std::string& key,
                               const nlohmann::json& value) {
  if (!value.is_object()) {
    std::string fields;
    for (std::size_t i = 0; i < spec.fields.size(); ++i) {
      fields += i == 0 ? "" : i + 1 == spec.fields.size() ? " and " : ", ";
      fields += spec.fields[i];
    }
    return input_error(key, key + " must be an object of rows, each with " + fields);
  }
  InputValue out{0, nlohmann::json::object()};
  for (const auto& [row_name, row] : value.items()) {
    const std::string row_key = key + "." + row_name;
    if (!row.is_object()) return input_error(row_key, row_key + " must be an object");
    nlohmann::json clean = nlohmann::json::object();
    for (const auto& [field, field_value] : row.items()) {
      bool known = false;
      for (const auto f : spec.fields) known = known || f == field;
      if (!known)
        return input_error(row_key + "." + field, "unknown field " + row_key + "." + field);
    }
    for (const auto field : spec.fields) {
      const std::string field_key = row_key + "." + std::string(field);
      const auto found = row.find(std::string(field));
      if (found == row.end() || is_blank(&*found)) {
        return input_error(field_key, field_key + " is missing");
      }
      auto number = read_in_range(field_key, *found, spec.min, spec.max);
      if (!number.ok()) return number.error();
      clean[std::string(field)] = number.value();
    }
    out.raw[row_name] = std::move(clean);
  }
  return out;
}

}  // namespace

bool is_blank(const nlohmann::json* value) {
  return value == nullptr || value->is_null() ||
         (value->is_string() && value->get_ref<const std::string&>().empty());
}

bool all_finite(const nlohmann::json& value) {
  if (value.is_number_float()) return std::isfinite(value.get<double>());
  if (value.is_structured()) {
    for (const auto& item : value) {
      if (!all_finite(item)) return false;
    }
  }
  return true;
}

Result<double> read_number(const std::string& what, const nlohmann::json& value) {
  double number = 0;
  if (value.is_number()) {
    number = value.get<double>();
  } else if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    const auto parsed = parse_decimal(text);
    if (!parsed) {
      return input_error(what, what + " is not a number: \"" + text.substr(0, 40) + "\"");
    }
    number = *parsed;
  } else {
    return input_error(what, what + " must be a number, not " + std::string(value.type_name()));
  }
  if (!std::isfinite(number)) return input_error(what, what + " must be a finite number");
  return number;
}

Result<InputValue> read_input(const InputSpec& spec, const std::string& key,
                              const nlohmann::json& value) {
  switch (spec.kind) {
    case InputKind::number: {
      auto number = read_in_range(key, value, spec.min, spec.max);
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
      if (!days) return input_error(key, key + " must be a real date written YYYY-MM-DD");
      return InputValue{static_cast<double>(*days), value};
    }
    case InputKind::choice: {
      if (value.is_string()) {
        for (const auto choice : spec.choices) {
          if (choice == value.get_ref<const std::string&>()) return InputValue{0, value};
        }
      }
      std::string allowed;
      for (const auto choice : spec.choices)
        allowed += (allowed.empty() ? "" : ", ") + std::string(choice);
      return input_error(key, key + " must be one of: " + allowed);
    }
  }
  return input_error(key, "unsupported input kind");
}

}  // namespace servimetrics
