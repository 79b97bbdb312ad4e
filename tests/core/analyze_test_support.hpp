// Lookups in an analyzer answer (measures, tables, notes) for the analyzer tests, plus reading a
// real data file when it is there.
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "kpi_test_support.hpp"

namespace servimetrics::testing {

inline double measure(const json& answer, std::string_view id) {
  if (answer.contains("measures") && answer["measures"].is_array()) {
    for (const json& m : answer["measures"]) {
      if (m.contains("id") && m["id"] == std::string(id)) return num(m, "value");
    }
  }
  ADD_FAILURE() << "no measure " << id << " in " << answer.dump().substr(0, 2000);
  return std::numeric_limits<double>::quiet_NaN();
}

inline bool has_measure(const json& answer, std::string_view id) {
  if (!answer.contains("measures") || !answer["measures"].is_array()) return false;
  for (const json& m : answer["measures"]) {
    if (m.contains("id") && m["id"] == std::string(id)) return true;
  }
  return false;
}

inline bool has_note(const json& answer, std::string_view id) {
  if (!answer.contains("notes") || !answer["notes"].is_array()) return false;
  for (const json& n : answer["notes"]) {
    if (n.contains("id") && n["id"] == std::string(id)) return true;
  }
  return false;
}

// A table of the answer, or an empty object (with a failure) when absent.
inline const json& answer_table(const json& answer, const char* name) {
  static const json empty = json::object();
  if (answer.contains("tables") && answer["tables"].contains(name)) return answer["tables"][name];
  ADD_FAILURE() << "no table " << name;
  return empty;
}

// The row of a table whose first cell is `key`, or null.
inline const json* table_row(const json& table, std::string_view key) {
  if (!table.contains("rows")) return nullptr;
  for (const json& row : table["rows"]) {
    if (row.is_array() && !row.empty() && row[0] == std::string(key)) return &row;
  }
  return nullptr;
}

// A cell of a table row by column name; null json when absent.
inline json cell(const json& table, const json& row, std::string_view column) {
  const json& columns = table["columns"];
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == std::string(column) && i < row.size()) return row[i];
  }
  ADD_FAILURE() << "no column " << column;
  return json();
}

inline double cell_number(const json& table, const json& row, std::string_view column) {
  const json value = cell(table, row, column);
  EXPECT_TRUE(value.is_number()) << column << " in " << row.dump();
  return value.is_number() ? value.get<double>() : std::numeric_limits<double>::quiet_NaN();
}

// The whole file, or nothing when it cannot be read (the test then skips).
inline std::optional<std::string> read_whole_file(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return std::nullopt;
  std::string text;
  char buffer[1 << 16];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, file)) > 0) text.append(buffer, got);
  std::fclose(file);
  return text;
}

// A file of /work/shared/data, seen from the main checkout (../shared) or a worktree of it
// (../../shared); nothing when absent.
inline std::optional<std::string> read_shared_data(const std::string& relative) {
  for (const char* up : {"/../shared/data/", "/../../shared/data/"}) {
    if (auto text = read_whole_file(std::string(SERVIMETRICS_SOURCE_DIR) + up + relative))
      return text;
  }
  return std::nullopt;
}

}  // namespace servimetrics::testing
