// Test helpers for the ZIP and .xlsx readers: fixture files, a writer of stored (uncompressed) ZIP
// archives so tests can state their XML inline, and a RowSink that keeps what it is given.
#pragma once

#include <cstdint>
#include <fstream>
#include <iterator>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "formats/zip_archive.hpp"
#include "servimetrics/row_sink.hpp"

namespace servimetrics::testing {

inline std::string xlsx_fixture(const std::string& name) {
  std::ifstream in(std::string(SERVIMETRICS_SOURCE_DIR) + "/tests/fixtures/xlsx/" + name,
                   std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void put16(std::string& out, std::uint32_t v) {
  out.push_back(static_cast<char>(v & 0xFF));
  out.push_back(static_cast<char>((v >> 8) & 0xFF));
}

inline void put32(std::string& out, std::uint32_t v) {
  put16(out, v & 0xFFFF);
  put16(out, v >> 16);
}

struct ZipPart {
  std::string name;
  std::string data;
  std::uint16_t method = 0;         // written into the headers; the data is stored as given
  std::uint32_t declared_size = 0;  // uncompressed size to announce; 0 means data.size()
  std::uint16_t flags = 0;
};

// A ZIP archive whose entries are stored as given, with correct CRC-32s.
inline std::string make_zip(const std::vector<ZipPart>& parts) {
  std::string out;
  std::string directory;
  for (const ZipPart& part : parts) {
    const auto offset = static_cast<std::uint32_t>(out.size());
    const std::uint32_t crc = crc32(part.data);
    const auto size = static_cast<std::uint32_t>(part.data.size());
    const std::uint32_t declared = part.declared_size != 0 ? part.declared_size : size;
    put32(out, 0x04034b50);
    put16(out, 20);
    put16(out, part.flags);
    put16(out, part.method);
    put32(out, 0);  // time and date
    put32(out, crc);
    put32(out, size);
    put32(out, declared);
    put16(out, static_cast<std::uint32_t>(part.name.size()));
    put16(out, 0);
    out += part.name;
    out += part.data;

    put32(directory, 0x02014b50);
    put16(directory, 20);
    put16(directory, 20);
    put16(directory, part.flags);
    put16(directory, part.method);
    put32(directory, 0);
    put32(directory, crc);
    put32(directory, size);
    put32(directory, declared);
    put16(directory, static_cast<std::uint32_t>(part.name.size()));
    put32(directory, 0);  // extra and comment lengths
    put32(directory, 0);  // disk, internal attributes
    put32(directory, 0);  // external attributes
    put32(directory, offset);
    directory += part.name;
  }
  const auto directory_offset = static_cast<std::uint32_t>(out.size());
  out += directory;
  put32(out, 0x06054b50);
  put32(out, 0);
  put16(out, static_cast<std::uint32_t>(parts.size()));
  put16(out, static_cast<std::uint32_t>(parts.size()));
  put32(out, static_cast<std::uint32_t>(directory.size()));
  put32(out, directory_offset);
  put16(out, 0);
  return out;
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
