// Whole-text CSV reading for callers that hold the text already (the CLI's small files, tests);
// a thin face on CsvStream.
#pragma once

#include <cstddef>
#include <functional>
#include <span>
#include <string_view>

#include "formats/csv_stream.hpp"
#include "servimetrics/result.hpp"

namespace servimetrics {

struct CsvRecord {
  std::span<const std::string_view> fields;
  std::size_t line;  // 1-based line where the record starts
};

// Calls `on_record` for every non-blank record; stops early when it returns false. A UTF-8
// byte-order mark is skipped; CRLF, LF and CR end lines. Returns the number of records, or an
// error for a quote left open at the end of the text. delimiter 0: detected.
Result<std::size_t> read_csv(std::string_view text, char delimiter,
                             const std::function<bool(const CsvRecord&)>& on_record);

}  // namespace servimetrics
