// Shared by fuzz_xlsx and its regression tests: a workbook made of XML parts separated by "@@@"
// (sheet, shared strings, styles, workbook, workbook relationships, package relationships; a
// missing one gets a plain default), packed into a stored ZIP with correct CRCs, so that mutations
// of the XML reach the readers instead of failing the CRC check.
#pragma once

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "../core/zip_writer.hpp"

namespace servimetrics::fuzz {

struct Part {
  std::string_view name;
  std::string_view data;
};

// A ZIP archive with every part stored (method 0), by the tests' one ZIP writer.
inline std::string stored_zip(const std::vector<Part>& parts) {
  std::vector<servimetrics::testing::ZipPart> entries;
  entries.reserve(parts.size());
  for (const Part& part : parts) {
    entries.push_back({std::string(part.name), std::string(part.data)});
  }
  return servimetrics::testing::make_zip(entries);
}

inline std::string workbook_of_parts(std::string_view data) {
  constexpr std::array<std::string_view, 6> kNames = {
      "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",       "xl/styles.xml",
      "xl/workbook.xml",          "xl/_rels/workbook.xml.rels", "_rels/.rels"};
  constexpr std::array<std::string_view, 6> kDefaults = {
      "",
      "",
      "",
      R"(<workbook><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>)",
      R"(<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>)",
      R"(<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)"};
  std::vector<Part> parts;
  std::size_t start = 0;
  for (std::size_t k = 0; k < kNames.size(); ++k) {
    if (start > data.size()) {
      if (!kDefaults[k].empty()) parts.push_back({kNames[k], kDefaults[k]});
      continue;
    }
    const std::size_t end = std::min(data.find("@@@", start), data.size());
    parts.push_back({kNames[k], data.substr(start, end - start)});
    start = end + 3;
  }
  return stored_zip(parts);
}

}  // namespace servimetrics::fuzz
