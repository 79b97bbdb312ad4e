// Builds ImportedTable objects for the analyzer tests the way the importer fills them: field ids
// and types from the kind's spec, one value per row in every present column, blanks as NaN,
// kNoTime, flag 2 or kNoCode, and source lines 2, 3, ... (line 1 being the header).
//
//   ImportedTable table = ColumnTableBuilder("survey")
//                             .numbers("nps_score", {10, 9, kBlankNumber})
//                             .texts("segment", {"north", "", "south"})  // "" is a blank cell
//                             .dates("date", {at(2024, 1, 5), kNoTime, at(2024, 2, 1, 9, 30)})
//                             .build();
// For millions of rows fill column("field") directly (it is marked present) and call build().
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cells/calendar.hpp"
#include "servimetrics/data_kinds.hpp"
#include "servimetrics/imported_table.hpp"

namespace servimetrics::testing {

inline constexpr double kBlankNumber = std::numeric_limits<double>::quiet_NaN();
inline constexpr std::uint8_t kBlankFlag = 2;

inline Timestamp at(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) {
  return timestamp_from_civil(year, month, day, hour, minute, second);
}

class ColumnTableBuilder {
 public:
  explicit ColumnTableBuilder(std::string_view kind) {
    const KindSpec* spec = find_kind(kind);
    if (spec == nullptr) {
      ADD_FAILURE() << "no data kind '" << kind << "'";
      return;
    }
    spec_ = spec;
    table_.kind = std::string(kind);
    // All columns exist before any text is added: a Dictionary must not be copied.
    table_.columns.resize(spec->fields.size());
    for (std::size_t i = 0; i < spec->fields.size(); ++i) {
      table_.field_ids.emplace_back(spec->fields[i].id);
      table_.columns[i].type = spec->fields[i].type;
    }
  }

  // The column of a field, marked present (a dummy column, with a test failure, when the kind
  // has no such field).
  ImportedColumn& column(std::string_view field) {
    for (std::size_t i = 0; i < table_.field_ids.size(); ++i) {
      if (table_.field_ids[i] == field) {
        table_.columns[i].present = true;
        return table_.columns[i];
      }
    }
    ADD_FAILURE() << "kind " << table_.kind << " has no field '" << field << "'";
    return dummy_;
  }

  ColumnTableBuilder& numbers(std::string_view field, std::vector<double> values) {
    column(field).numbers = std::move(values);
    return *this;
  }
  ColumnTableBuilder& dates(std::string_view field, std::vector<Timestamp> values) {
    column(field).times = std::move(values);
    return *this;
  }
  ColumnTableBuilder& flags(std::string_view field, std::vector<std::uint8_t> values) {
    column(field).flags = std::move(values);
    return *this;
  }
  // "" is a blank cell (kNoCode).
  ColumnTableBuilder& texts(std::string_view field, const std::vector<std::string_view>& values) {
    ImportedColumn& c = column(field);
    for (const std::string_view text : values) {
      c.codes.push_back(text.empty() ? kNoCode : c.dictionary.code(text));
    }
    return *this;
  }
  // Canonical category names of the field ("product", "basic_service", ...); "" is blank.
  ColumnTableBuilder& categories(std::string_view field,
                                 const std::vector<std::string_view>& names) {
    ImportedColumn& c = column(field);
    const FieldSpec* spec = field_spec(field);
    for (const std::string_view name : names) {
      std::uint32_t code = kNoCode;
      for (std::size_t k = 0; spec != nullptr && k < spec->categories.size(); ++k) {
        if (spec->categories[k].first == name) code = static_cast<std::uint32_t>(k);
      }
      if (!name.empty() && code == kNoCode) ADD_FAILURE() << "no category '" << name << "'";
      c.codes.push_back(code);
    }
    return *this;
  }
  // Source lines of the rows; by default 2, 3, ...
  ColumnTableBuilder& lines(std::vector<std::uint32_t> values) {
    table_.lines = std::move(values);
    return *this;
  }

  // The table; every present column must hold one value per row. Use the builder once.
  ImportedTable build() {
    std::size_t rows = table_.lines.size();
    bool sized = !table_.lines.empty();
    for (const ImportedColumn& c : table_.columns) {
      if (!c.present) continue;
      const std::size_t n = column_size(c);
      if (!sized) {
        rows = n;
        sized = true;
      }
      EXPECT_EQ(n, rows) << "columns of different lengths";
    }
    if (table_.lines.empty()) {
      table_.lines.resize(rows);
      for (std::size_t i = 0; i < rows; ++i) table_.lines[i] = i + 2;
    }
    return std::move(table_);
  }

 private:
  static std::size_t column_size(const ImportedColumn& c) {
    switch (c.type) {
      case FieldType::text:
      case FieldType::category:
        return c.codes.size();
      case FieldType::number:
        return c.numbers.size();
      case FieldType::date:
        return c.times.size();
      case FieldType::flag:
        return c.flags.size();
    }
    return 0;
  }
  const FieldSpec* field_spec(std::string_view field) const {
    if (spec_ == nullptr) return nullptr;
    for (const FieldSpec& f : spec_->fields) {
      if (f.id == field) return &f;
    }
    return nullptr;
  }

  const KindSpec* spec_ = nullptr;
  ImportedTable table_;
  ImportedColumn dummy_;
};

}  // namespace servimetrics::testing
