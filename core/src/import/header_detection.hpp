// Whether a file's first row is a header line or already data (internal to the import).
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace servimetrics {

// True when `first` reads as data rather than labels: none of its cells names a field of any kind
// (an alias; a mapping that names its cells does not make it a header), some cell is a number or a
// date, and no column holds text in `first` where `second` holds a number or a date (a header's
// label above its values). Without a second row, at least half of the non-blank cells must be
// numbers or dates. "00001 19970101 1 11.77" and "C001,2024-01-05,120.50" are data; "date,amount"
// is not.
bool first_row_is_data(std::span<const std::string_view> first,
                       std::span<const std::string_view> second, bool has_second);

}  // namespace servimetrics
