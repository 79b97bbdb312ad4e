// Shared by fuzz_xlsx and its regression tests: a workbook made of XML parts separated by "@@@"
// (sheet, shared strings, styles, workbook, workbook relationships, package relationships; a
// missing one gets a plain default), packed into a stored ZIP with correct CRCs, so that mutations
// of the XML reach the readers instead of failing the CRC check.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "formats/zip_archive.hpp"

namespace servimetrics::fuzz {

inline void put16(std::string& out, std::uint32_t v) {
  out += static_cast<char>(v & 0xFF);
  out += static_cast<char>((v >> 8) & 0xFF);
}

inline void put32(std::string& out, std::uint32_t v) {
  put16(out, v & 0xFFFF);
  put16(out, v >> 16);
}

struct Part {
  std::string_view name;
  std::string_view data;
};

// A ZIP archive with every part stored (method 0).
inline std::string stored_zip(const std::vector<Part>& parts) {
  std::string zip;
  std::string directory;
  for (const Part& part : parts) {
    const std::uint32_t crc = servimetrics::crc32(part.data);
    const auto size = static_cast<std::uint32_t>(part.data.size());
    const auto offset = static_cast<std::uint32_t>(zip.size());
    put32(zip, 0x04034b50);
    put16(zip, 20);
    put16(zip, 0);
    put16(zip, 0);
    put16(zip, 0);
    put16(zip, 0);
    put32(zip, crc);
    put32(zip, size);
    put32(zip, size);
    put16(zip, static_cast<std::uint32_t>(part.name.size()));
    put16(zip, 0);
    zip += part.name;
    zip += part.data;

    put32(directory, 0x02014b50);
    put16(directory, 20);
    put16(directory, 20);
    put16(directory, 0);
    put16(directory, 0);
    put16(directory, 0);
    put16(directory, 0);
    put32(directory, crc);
    put32(directory, size);
    put32(directory, size);
    put16(directory, static_cast<std::uint32_t>(part.name.size()));
    put16(directory, 0);
    put16(directory, 0);
    put16(directory, 0);
    put16(directory, 0);
    put32(directory, 0);
    put32(directory, offset);
    directory += part.name;
  }
  const auto directory_offset = static_cast<std::uint32_t>(zip.size());
  zip += directory;
  put32(zip, 0x06054b50);
  put16(zip, 0);
  put16(zip, 0);
  put16(zip, static_cast<std::uint32_t>(parts.size()));
  put16(zip, static_cast<std::uint32_t>(parts.size()));
  put32(zip, static_cast<std::uint32_t>(directory.size()));
  put32(zip, directory_offset);
  put16(zip, 0);
  return zip;
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
