// Test helpers for the ZIP and .xlsx readers: fixture files, one-sheet workbooks written with the
// tests' ZIP writer (zip_writer.hpp) so tests can state their XML inline, and a RowSink that keeps
// what it is given.
#pragma once

#include <cstdint>
#include <fstream>
#include <iterator>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "servimetrics/row_sink.hpp"
#include "zip_writer.hpp"

namespace servimetrics::testing {

inline std::string xlsx_fixture(const std::string& name) {
  std::ifstream in(std::string(SERVIMETRICS_SOURCE_DIR) + "/tests/fixtures/xlsx/" + name,
                   std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline constexpr const char* kRelationshipNs =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

inline std::string worksheet(const std::string& rows) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet "
         "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" +
         rows + "</sheetData></worksheet>";
}

struct XlsxParts {
  std::string sheet_xml;            // the whole xl/worksheets/sheet1.xml
  std::string shared_strings;       // the <si> items, or empty for no shared-strings part
  std::string styles;               // the whole xl/styles.xml, or empty for none
  std::string workbook_properties;  // e.g. <workbookPr date1904="1"/>
};

// A one-sheet workbook ("Sheet1") in a stored ZIP.
inline std::string make_xlsx(const XlsxParts& p) {
  const std::string ns = kRelationshipNs;
  std::vector<ZipPart> parts;
  parts.push_back(
      {"_rels/.rels", "<Relationships><Relationship Id=\"rId1\" Type=\"" + ns +
                          "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"});
  parts.push_back({"xl/workbook.xml", "<workbook xmlns:r=\"" + ns + "\">" + p.workbook_properties +
                                          "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" "
                                          "r:id=\"rId1\"/></sheets></workbook>"});
  parts.push_back({"xl/_rels/workbook.xml.rels",
                   "<Relationships><Relationship Id=\"rId1\" Type=\"" + ns +
                       "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"});
  parts.push_back({"xl/worksheets/sheet1.xml", p.sheet_xml});
  if (!p.shared_strings.empty())
    parts.push_back({"xl/sharedStrings.xml", "<sst>" + p.shared_strings + "</sst>"});
  if (!p.styles.empty()) parts.push_back({"xl/styles.xml", p.styles});
  return make_zip(parts);
}

// Keeps every row it is given; stops after `stop_after` rows when that is not zero.
class CollectingSink : public RowSink {
 public:
  explicit CollectingSink(std::size_t stop_after = 0) : stop_after_(stop_after) {}

  bool row(std::uint64_t line, std::span<const std::string_view> fields) override {
    lines.push_back(line);
    rows.emplace_back(fields.begin(), fields.end());
    return stop_after_ == 0 || rows.size() < stop_after_;
  }

  std::vector<std::uint64_t> lines;
  std::vector<std::vector<std::string>> rows;

 private:
  std::size_t stop_after_;
};

}  // namespace servimetrics::testing
