// Shared helpers for the core tests: run a request, find a KPI or an error in the answer, and
// check that an answer holds only finite numbers. The core is built with -fno-exceptions and
// JSON_NOEXCEPTION (so are the tests), so every lookup here checks types before reading.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "servimetrics/request.hpp"

namespace servimetrics::testing {

using json = nlohmann::json;

// compute() on {"inputs": inputs}.
inline json compute_inputs(const json& inputs) {
  return servimetrics::compute({{"inputs", inputs}});
}

// The answer entry of a KPI, or null when the KPI is absent.
inline const json* find_kpi_answer(const json& answer, std::string_view id) {
  const auto kpis = answer.find("kpis");
  if (kpis == answer.end() || !kpis->is_array()) return nullptr;
  for (const json& kpi : *kpis) {
    const auto found = kpi.find("id");
    if (found != kpi.end() && found->is_string() && found->get_ref<const std::string&>() == id)
      return &kpi;
  }
  return nullptr;
}

// The first error whose "kpi" is `kpi` (empty: null) and, if given, whose "input" is `input`.
inline const json* find_error(const json& answer, std::string_view kpi,
                              std::string_view input = {}) {
  const auto errors = answer.find("errors");
  if (errors == answer.end() || !errors->is_array()) return nullptr;
  for (const json& e : *errors) {
    const auto k = e.find("kpi");
    const auto i = e.find("input");
    if (k == e.end() || i == e.end()) continue;
    const bool kpi_matches =
        kpi.empty() ? k->is_null() : k->is_string() && k->get_ref<const std::string&>() == kpi;
    const bool input_matches =
        input.empty() || (i->is_string() && i->get_ref<const std::string&>() == input);
    if (kpi_matches && input_matches) return &e;
  }
  return nullptr;
}

inline std::size_t error_count(const json& answer) {
  const auto errors = answer.find("errors");
  return errors != answer.end() && errors->is_array() ? errors->size() : 0;
}

// A string member of an object, or "" (with a test failure) when absent or not a string.
inline std::string str(const json& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end() || !found->is_string()) {
    ADD_FAILURE() << "no string '" << key << "' in " << object.dump();
    return {};
  }
  return found->get<std::string>();
}

// A number member of an object, or NaN (with a test failure) when absent or not a number.
inline double num(const json& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end() || !found->is_number()) {
    ADD_FAILURE() << "no number '" << key << "' in " << object.dump();
    return std::numeric_limits<double>::quiet_NaN();
  }
  return found->get<double>();
}

// The value of a KPI, or NaN (with a test failure) when the KPI is absent.
inline double kpi_value(const json& answer, std::string_view id) {
  const json* kpi = find_kpi_answer(answer, id);
  if (kpi == nullptr) {
    ADD_FAILURE() << "KPI " << id << " is not in the answer: " << answer.dump();
    return std::numeric_limits<double>::quiet_NaN();
  }
  return num(*kpi, "value");
}

// The band of a KPI, or "" (with a test failure) when the KPI is absent.
inline std::string kpi_band(const json& answer, std::string_view id) {
  const json* kpi = find_kpi_answer(answer, id);
  if (kpi == nullptr) {
    ADD_FAILURE() << "KPI " << id << " is not in the answer: " << answer.dump();
    return {};
  }
  return str(*kpi, "band");
}

// The breakdown row `name` of a KPI, or null.
inline const json* find_breakdown_row(const json& kpi, std::string_view name) {
  const auto rows = kpi.find("breakdown");
  if (rows == kpi.end() || !rows->is_array()) return nullptr;
  for (const json& row : *rows) {
    const auto n = row.find("name");
    if (n != row.end() && n->is_string() && n->get_ref<const std::string&>() == name) return &row;
  }
  return nullptr;
}

// True when every number anywhere in `value` is finite.
inline bool all_numbers_finite(const json& value) {
  if (value.is_number_float()) return std::isfinite(value.get<double>());
  if (value.is_structured()) {
    for (const json& item : value) {
      if (!all_numbers_finite(item)) return false;
    }
  }
  return true;
}

// No NaN or Infinity in the object nor in its text (nlohmann writes both as null, so every KPI
// value and breakdown value must also still be a number).
inline void expect_finite_answer(const json& answer) {
  EXPECT_TRUE(all_numbers_finite(answer)) << answer.dump();
  // As JSON values (after ':', ',' or '[', maybe signed), not inside messages quoting the input.
  const std::string text = servimetrics::dump_answer(answer);
  for (const std::string word : {"NaN", "Infinity", "inf", "nan"}) {
    for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
      std::size_t before = at;
      if (before > 0 && (text[before - 1] == '-' || text[before - 1] == '+')) --before;
      const char c = before > 0 ? text[before - 1] : '\0';
      EXPECT_TRUE(c != ':' && c != ',' && c != '[') << "non-finite number in " << text;
    }
  }
  if (const auto kpis = answer.find("kpis"); kpis != answer.end() && kpis->is_array()) {
    for (const json& kpi : *kpis) {
      EXPECT_TRUE(kpi.contains("value") && kpi["value"].is_number()) << kpi.dump();
      if (const auto rows = kpi.find("breakdown"); rows != kpi.end() && rows->is_array()) {
        for (const json& row : *rows) {
          EXPECT_TRUE(row.contains("value") && row["value"].is_number()) << row.dump();
        }
      }
    }
  }
}

// Parses text into JSON without exceptions; a failure to parse fails the test.
inline json parse_or_fail(const std::string& text) {
  json parsed = json::parse(text, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(parsed.is_discarded()) << "not JSON: " << text;
  return parsed;
}

// Relative comparison for hand-computed money values.
inline void expect_close(double actual, double expected, double relative = 1e-12) {
  EXPECT_NEAR(actual, expected, std::abs(expected) * relative + 1e-12) << "expected " << expected;
}

}  // namespace servimetrics::testing
