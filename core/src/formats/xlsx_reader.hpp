// Reading Excel .xlsx workbooks handed over as bytes: the list of sheets, and the rows of one sheet
// as text fields, delivered to a RowSink like the CSV reader's rows.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "servimetrics/result.hpp"
#include "servimetrics/row_sink.hpp"

namespace servimetrics {

struct XlsxSheet {
  std::string name;  // the tab name a person sees
  std::string path;  // the part inside the zip, e.g. xl/worksheets/sheet1.xml
};

// The workbook's worksheets in tab order (chart sheets, which hold no cells, are left out).
Result<std::vector<XlsxSheet>> xlsx_sheets(std::string_view file_bytes);

// Delivers the rows of the worksheet at `sheet_index` (0-based, in the order of xlsx_sheets) to
// `sink`: `line` is the spreadsheet row number and the fields are the cell texts, placed by
// column with "" for gaps. Rows without any value are skipped. Cell texts: shared and inline
// strings, numbers as written in the file, TRUE/FALSE, error codes such as #N/A, a formula's last
// computed value; numbers in a date format come out as ISO "2024-01-05" or "2024-01-05 08:26:00"
// (a value below one day as "08:26:00"). Returns the number of rows delivered, counting the one
// on which the sink asked to stop.
Result<std::uint64_t> read_xlsx_sheet(std::string_view file_bytes, std::size_t sheet_index,
                                      RowSink& sink);

}  // namespace servimetrics
