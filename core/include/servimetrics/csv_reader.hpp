// RFC 4180 CSV reading in place: fields are views into the text (or into one reused buffer when a
// quoted field holds doubled quotes), so a row costs no allocation.
#pragma once

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "servimetrics/result.hpp"

namespace servimetrics {

struct CsvRecord {
  std::span<const std::string_view> fields;
  std::size_t line;  // 1-based line where the record starts
};

// The most frequent of , ; tab | outside quotes on the first line; comma when none occurs.
char detect_delimiter(std::string_view text);

// Calls `on_record` for every non-blank record; stops early when it returns false. A UTF-8
// byte-order mark is skipped; CRLF, LF and CR end lines. Returns the number of records, or an
// error for a quote left open at the end of the text.
Result<std::size_t> read_csv(std::string_view text, char delimiter,
                             const std::function<bool(const CsvRecord&)>& on_record);

}  // namespace servimetrics
