// libFuzzer target for the .xlsx stack: inflate, zip_archive, xml_scan and xlsx_reader.
// An input starting with "PK" (or the old .xls signature) is read as a whole file. Any other input
// is the XML of a workbook's parts, separated by "@@@" (sheet, shared strings, styles, workbook,
// workbook relationships, package relationships; missing ones get a plain default), packed here
// into a stored ZIP with correct CRCs, so that mutations reach the XML readers instead of failing
// the CRC check. Every input is also inflated as raw DEFLATE and walked as XML.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "formats/inflate.hpp"
#include "formats/xlsx_reader.hpp"
#include "formats/xml_scan.hpp"
#include "formats/zip_archive.hpp"
#include "fuzz_chunks.hpp"
#include "xlsx_parts.hpp"

namespace {

namespace xml = servimetrics::xml;

constexpr std::size_t kMaxOutput = std::size_t{16} << 20;

class CountingSink final : public servimetrics::RowSink {
 public:
  explicit CountingSink(std::uint64_t stop_after) : stop_after_(stop_after) {}
  bool row(std::uint64_t line, std::span<const std::string_view> fields) override {
    if (line == 0) __builtin_trap();  // spreadsheet rows count from 1
    for (const std::string_view field : fields) bytes += field.size();
    ++rows;
    return stop_after_ == 0 || rows < stop_after_;
  }
  std::uint64_t rows = 0;
  std::uint64_t bytes = 0;

 private:
  std::uint64_t stop_after_;
};

void read_workbook(std::string_view file, std::uint64_t stop_after) {
  const auto sheets = servimetrics::xlsx_sheets(file);
  if (!sheets.ok()) {
    if (sheets.error().message.empty()) __builtin_trap();
    return;
  }
  const std::size_t count = sheets.value().size();
  for (std::size_t i = 0; i <= count && i < 4; ++i) {
    CountingSink sink(stop_after);
    const auto rows = servimetrics::read_xlsx_sheet(file, i, sink);
    if (rows.ok() && rows.value() != sink.rows) __builtin_trap();
    if (!rows.ok() && rows.error().message.empty()) __builtin_trap();
    if (i == count && rows.ok()) __builtin_trap();  // one past the last sheet does not exist
  }
}

void read_archive(std::string_view file) {
  auto archive = servimetrics::ZipArchive::open(file);
  if (!archive.ok()) return;
  for (const servimetrics::ZipEntry& entry : archive.value().entries()) {
    if (archive.value().find(entry.name) == nullptr) __builtin_trap();
    const auto bytes = archive.value().extract(entry, kMaxOutput);
    if (bytes.ok() && bytes.value().size() != entry.uncompressed_size) __builtin_trap();
  }
}

// The documented contract of max_size: output of exactly that size passes, one byte less fails.
void inflate(std::string_view data) {
  const auto out = servimetrics::inflate_raw(data, 0, kMaxOutput);
  if (!out.ok()) return;
  const std::size_t size = out.value().size();
  const auto exact = servimetrics::inflate_raw(data, size, size);
  if (!exact.ok() || exact.value() != out.value()) __builtin_trap();
  if (size > 0 && servimetrics::inflate_raw(data, 0, size - 1).ok()) __builtin_trap();
}

void walk_xml(std::string_view data) {
  xml::Scanner scanner(data);
  xml::Tag tag;
  std::string text;
  std::size_t steps = 0;
  while (scanner.next(tag)) {
    if (++steps > data.size()) __builtin_trap();  // every tag takes at least one byte
    xml::for_each_attribute(tag.attributes, [&](std::string_view, std::string_view value) {
      if (xml::needs_decoding(value)) xml::append_unescaped(text, value);
      return true;
    });
    bool found = false;
    xml::attribute(tag.attributes, "r", &found);
    std::string_view plain;
    if (!scanner.plain_text(plain)) scanner.append_text(text);
  }
  xml::decode_office_escapes(text, 0);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* bytes, std::size_t size) {
  const std::string_view data = servimetrics::fuzz::as_text(bytes, size);
  const std::uint64_t stop_after = size == 0 ? 0 : bytes[size - 1] % 4;
  if (data.substr(0, 2) == "PK" || data.substr(0, 4) == "\xD0\xCF\x11\xE0") {
    read_workbook(data, stop_after);
    read_archive(data);
  } else {
    const std::string zip = servimetrics::fuzz::workbook_of_parts(data);
    read_workbook(zip, stop_after);
    read_archive(zip);
  }
  inflate(data);
  walk_xml(data);
  return 0;
}
