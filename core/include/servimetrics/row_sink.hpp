// Where readers of tabular files (CSV, Excel) deliver their rows, one call per row.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace servimetrics {

class RowSink {
 public:
  RowSink() = default;
  RowSink(const RowSink&) = delete;
  RowSink& operator=(const RowSink&) = delete;
  virtual ~RowSink() = default;

  // `line` is the 1-based row number a person sees: the line where a CSV record starts, or the
  // spreadsheet row. The views are valid during the call only. Returning false stops the reader.
  virtual bool row(std::uint64_t line, std::span<const std::string_view> fields) = 0;
};

}  // namespace servimetrics
