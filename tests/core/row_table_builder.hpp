// Builds an ImportedTable directly for the analyzer tests: the kind's fields, the columns a test
// names as present, and rows of cell texts typed the way the importer types them.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "base/number_parser.hpp"
#include "cells/calendar.hpp"
#include "servimetrics/data_kinds.hpp"
#include "servimetrics/imported_table.hpp"

namespace servimetrics::testing {

// "2024-01-05" or "2024-01-05 08:26:00"; kNoTime for "".
inline Timestamp date_cell(std::string_view text) {
  if (text.empty()) return kNoTime;
  auto part = [&](std::size_t at, std::size_t length) {
    int value = 0;
    for (std::size_t i = at; i < at + length && i < text.size(); ++i)
      value = value * 10 + (text[i] - '0');
    return value;
  };
  const bool has_time = text.size() >= 19;
  return timestamp_from_civil(part(0, 4), part(5, 2), part(8, 2), has_time ? part(11, 2) : 0,
                              has_time ? part(14, 2) : 0, has_time ? part(17, 2) : 0);
}

class RowTableBuilder {
 public:
  // `present`: the fields the file has, in the order row() takes their cells.
  RowTableBuilder(std::string_view kind, std::initializer_list<std::string_view> present) {
    spec_ = find_kind(kind);
    EXPECT_NE(spec_, nullptr) << kind;
    if (spec_ == nullptr) return;
    table_.kind = std::string(kind);
    for (const FieldSpec& field : spec_->fields) {
      table_.field_ids.emplace_back(field.id);
      ImportedColumn column;
      column.type = field.type;
      table_.columns.push_back(std::move(column));
    }
    for (std::string_view id : present) {
      const int index = field_index(*spec_, id);
      EXPECT_GE(index, 0) << "no field " << id;
      if (index < 0) continue;
      order_.push_back(static_cast<std::size_t>(index));
      table_.columns[static_cast<std::size_t>(index)].present = true;
    }
  }

  RowTableBuilder& row(std::initializer_list<std::string_view> cells) {
    EXPECT_EQ(cells.size(), order_.size());
    std::size_t i = 0;
    for (std::string_view cell : cells) {
      if (i < order_.size()) push(order_[i++], cell);
    }
    table_.lines.push_back(static_cast<std::uint32_t>(table_.lines.size() + 2));
    return *this;
  }

  // Faster rows for generated tables: cells already typed, in present order.
  ImportedColumn& column(std::string_view id) {
    return table_.columns[static_cast<std::size_t>(field_index(*spec_, id))];
  }
  void add_line() { table_.lines.push_back(static_cast<std::uint32_t>(table_.lines.size() + 2)); }

  [[nodiscard]] const ImportedTable& table() const { return table_; }

 private:
  void push(std::size_t index, std::string_view cell) {
    ImportedColumn& column = table_.columns[index];
    const FieldSpec& field = spec_->fields[index];
    switch (column.type) {
      case FieldType::text:
        column.codes.push_back(cell.empty() ? kNoCode : column.dictionary.code(cell));
        break;
      case FieldType::number: {
        const auto value = parse_decimal(cell);
        column.numbers.push_back(value ? *value : std::nan(""));
        break;
      }
      case FieldType::date:
        column.times.push_back(date_cell(cell));
        break;
      case FieldType::flag:
        column.flags.push_back(cell == "1" || cell == "Yes"  ? 1
                               : cell == "0" || cell == "No" ? 0
                                                             : 2);
        break;
      case FieldType::category: {
        std::uint32_t code = kNoCode;
        for (std::size_t c = 0; c < field.categories.size(); ++c) {
          if (field.categories[c].first == cell) code = static_cast<std::uint32_t>(c);
        }
        column.codes.push_back(code);
        break;
      }
    }
  }

  const KindSpec* spec_ = nullptr;
  ImportedTable table_;
  std::vector<std::size_t> order_;
};

}  // namespace servimetrics::testing
