// Reading the per-kind answers of kind_analysis.hpp in tests: measures, notes and table cells by
// name, and one check that an answer has its documented shape, holds only finite numbers, and
// that its "inputs" recompute to its own "kpis".
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <string_view>

#include "kpi_test_support.hpp"
#include "request/input_values.hpp"

namespace servimetrics::testing {

inline const json* find_measure(const json& answer, std::string_view id) {
  const auto measures = answer.find("measures");
  if (measures == answer.end() || !measures->is_array()) return nullptr;
  for (const json& m : *measures) {
    const auto found = m.find("id");
    if (found != m.end() && found->is_string() && found->get_ref<const std::string&>() == id) {
      return &m;
    }
  }
  return nullptr;
}

// The value of a measure, or NaN (with a test failure) when absent or not a number.
inline double measure(const json& answer, std::string_view id) {
  const json* m = find_measure(answer, id);
  if (m == nullptr) {
    ADD_FAILURE() << "no measure " << id << " in " << answer["measures"].dump();
    return std::numeric_limits<double>::quiet_NaN();
  }
  return num(*m, "value");
}

// The message of a note, or null when there is no such note.
inline const json* find_note(const json& answer, std::string_view id) {
  const auto notes = answer.find("notes");
  if (notes == answer.end() || !notes->is_array()) return nullptr;
  for (const json& n : *notes) {
    const auto found = n.find("id");
    if (found != n.end() && found->is_string() && found->get_ref<const std::string&>() == id) {
      return &n;
    }
  }
  return nullptr;
}

inline std::string note_message(const json& answer, std::string_view id) {
  const json* n = find_note(answer, id);
  if (n == nullptr) {
    ADD_FAILURE() << "no note " << id << " in " << answer["notes"].dump();
    return {};
  }
  return str(*n, "message");
}

inline const json* find_table(const json& answer, std::string_view name) {
  const auto tables = answer.find("tables");
  if (tables == answer.end() || !tables->is_object()) return nullptr;
  const auto found = tables->find(std::string(name));
  return found == tables->end() ? nullptr : &*found;
}

// Cell `column` of row `row` of a table; null (with a test failure) when any is missing.
inline json cell(const json& table, std::size_t row, std::string_view column) {
  const auto columns = table.find("columns");
  const auto rows = table.find("rows");
  if (columns == table.end() || rows == table.end() || row >= rows->size()) {
    ADD_FAILURE() << "no row " << row << " in " << table.dump();
    return nullptr;
  }
  for (std::size_t c = 0; c < columns->size(); ++c) {
    if ((*columns)[c].is_string() && (*columns)[c].get_ref<const std::string&>() == column) {
      return (*rows)[row][c];
    }
  }
  ADD_FAILURE() << "no column " << column << " in " << table.dump();
  return nullptr;
}

inline std::size_t table_rows(const json& table) {
  const auto rows = table.find("rows");
  return rows != table.end() && rows->is_array() ? rows->size() : 0;
}

// Every key of the documented shape with its type, finite numbers only (walked, with the core's
// own all_finite and the text check of kpi_test_support), tables no longer than 1000 rows with
// one cell per column, and "inputs" that give back the same KPIs through compute().
inline void expect_valid_kind_answer(const json& answer) {
  ASSERT_TRUE(answer.is_object());
  for (const char* key : {"kpis", "errors", "measures", "notes"}) {
    ASSERT_TRUE(answer.contains(key) && answer[key].is_array()) << key << ": " << answer.dump();
  }
  for (const char* key : {"inputs", "tables"}) {
    ASSERT_TRUE(answer.contains(key) && answer[key].is_object()) << key << ": " << answer.dump();
  }
  EXPECT_TRUE(servimetrics::all_finite(answer));
  expect_finite_answer(answer);
  for (const json& m : answer["measures"]) {
    EXPECT_TRUE(m.contains("id") && m["id"].is_string()) << m.dump();
    EXPECT_TRUE(m.contains("unit") && m["unit"].is_string()) << m.dump();
    // null: a figure too large to hold (an overflowing sum), never NaN or infinity.
    EXPECT_TRUE(m.contains("value") && (m["value"].is_number() || m["value"].is_null()))
        << m.dump();
  }
  for (const json& n : answer["notes"]) {
    EXPECT_TRUE(n.contains("id") && n["id"].is_string()) << n.dump();
    EXPECT_TRUE(n.contains("message") && n["message"].is_string()) << n.dump();
    // Every note has a code a page translates, and the params its text is filled from.
    EXPECT_TRUE(n.contains("code") && n["code"].is_string() &&
                !n["code"].get<std::string>().empty())
        << n.dump();
    EXPECT_TRUE(n.contains("params") && n["params"].is_object()) << n.dump();
  }
  for (const auto& [name, table] : answer["tables"].items()) {
    ASSERT_TRUE(table.contains("columns") && table["columns"].is_array()) << name;
    ASSERT_TRUE(table.contains("rows") && table["rows"].is_array()) << name;
    ASSERT_TRUE(table.contains("total_rows") && table["total_rows"].is_number_unsigned()) << name;
    EXPECT_LE(table["rows"].size(), 1000u) << name;
    EXPECT_GE(table["total_rows"].get<std::size_t>(), table["rows"].size()) << name;
    for (const json& row : table["rows"]) {
      EXPECT_EQ(row.size(), table["columns"].size()) << name << ": " << row.dump();
    }
  }
  const json again = compute_inputs(answer["inputs"]);
  EXPECT_EQ(again["kpis"], answer["kpis"]);
  EXPECT_EQ(again["errors"], answer["errors"]);
}

}  // namespace servimetrics::testing
