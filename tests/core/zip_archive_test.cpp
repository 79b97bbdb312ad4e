// ZipArchive and crc32: the check value and a bit-by-bit reference, the directory of a real
// zipfile-written workbook, stored and deflated extraction, case-insensitive lookup, the size
// limit, an archive comment, and each refused or damaged archive (not a ZIP, ZIP64, split,
// encrypted, unknown method, missing local header, CRC mismatch, bad deflate data).
#include "formats/zip_archive.hpp"

#include <gtest/gtest.h>

#include <random>

#include "xlsx_test_support.hpp"

namespace servimetrics {
namespace {

using testing::make_zip;
using testing::xlsx_fixture;
using testing::ZipPart;

std::uint32_t crc32_bit_by_bit(std::string_view data) {
  std::uint32_t crc = 0xFFFFFFFF;
  for (const char c : data) {
    crc ^= static_cast<std::uint8_t>(c);
    for (int i = 0; i < 8; ++i) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
  }
  return ~crc;
}

TEST(Crc32, CheckValueAndReference) {
  EXPECT_EQ(crc32("123456789"), 0xCBF43926u);
  EXPECT_EQ(crc32(""), 0u);
  EXPECT_EQ(crc32("6789", crc32("12345")), 0xCBF43926u);
  std::mt19937 rng(7);
  for (std::size_t size = 0; size < 100; ++size) {
    std::string data(size * 13 + size % 8, '\0');
    for (char& c : data) c = static_cast<char>(rng());
    EXPECT_EQ(crc32(data), crc32_bit_by_bit(data)) << size;
  }
}

TEST(ZipArchive, ListsAndExtractsAZipfileWrittenWorkbook) {
  const std::string bytes = xlsx_fixture("basic.xlsx");
  auto zip = ZipArchive::open(bytes);
  ASSERT_TRUE(zip.ok()) << zip.error().message;
  const auto& entries = zip.value().entries();
  ASSERT_EQ(entries.size(), 8u);
  EXPECT_EQ(entries[0].name, "[Content_Types].xml");
  EXPECT_EQ(entries[6].name, "xl/worksheets/sheet1.xml");

  const ZipEntry* workbook = zip.value().find("xl/workbook.xml");
  ASSERT_NE(workbook, nullptr);
  EXPECT_EQ(workbook->method, 0);
  EXPECT_EQ(workbook->compressed_size, workbook->uncompressed_size);
  auto workbook_xml = zip.value().extract(*workbook, 1 << 20);
  ASSERT_TRUE(workbook_xml.ok()) << workbook_xml.error().message;
  EXPECT_EQ(workbook_xml.value().substr(0, 5), "<?xml");
  EXPECT_NE(workbook_xml.value().find("Second &amp; more"), std::string::npos);

  const ZipEntry* sheet2 = zip.value().find("XL/Worksheets/SHEET2.xml");  // case ignored
  ASSERT_NE(sheet2, nullptr);
  EXPECT_EQ(sheet2->method, 8);
  EXPECT_LT(sheet2->compressed_size, sheet2->uncompressed_size);
  auto sheet2_xml = zip.value().extract(*sheet2, 1 << 20);
  ASSERT_TRUE(sheet2_xml.ok()) << sheet2_xml.error().message;
  EXPECT_EQ(sheet2_xml.value().size(), sheet2->uncompressed_size);
  EXPECT_NE(sheet2_xml.value().find("<t>only</t>"), std::string::npos);

  EXPECT_EQ(zip.value().find("xl/missing.xml"), nullptr);
  auto limited = zip.value().extract(*sheet2, 100);
  ASSERT_FALSE(limited.ok());
  EXPECT_NE(limited.error().message.find("above the limit of 100 bytes"), std::string::npos);
}

TEST(ZipArchive, ToleratesAnArchiveComment) {
  std::string bytes = make_zip({{"a.txt", "alpha"}, {"b.txt", "beta"}});
  bytes[bytes.size() - 2] = 7;  // comment length
  bytes += "comment";
  auto zip = ZipArchive::open(bytes);
  ASSERT_TRUE(zip.ok()) << zip.error().message;
  ASSERT_EQ(zip.value().entries().size(), 2u);
  auto beta = zip.value().extract(zip.value().entries()[1], 100);
  ASSERT_TRUE(beta.ok());
  EXPECT_EQ(beta.value(), "beta");
}

std::string open_error(const std::string& bytes) {
  auto zip = ZipArchive::open(bytes);
  return zip.ok() ? "opened" : zip.error().message;
}

std::string extract_error(const std::string& bytes, const std::string& name) {
  auto zip = ZipArchive::open(bytes);
  if (!zip.ok()) return "not opened: " + zip.error().message;
  const ZipEntry* entry = zip.value().find(name);
  if (entry == nullptr) return "no entry";
  auto data = zip.value().extract(*entry, 1 << 20);
  return data.ok() ? "extracted" : data.error().message;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(ZipArchive, RefusesWhatIsNotAPlainZip) {
  EXPECT_TRUE(contains(open_error(""), "too short"));
  EXPECT_TRUE(contains(open_error(std::string(100, 'x')), "no end-of-central-directory"));
  EXPECT_TRUE(contains(open_error(xlsx_fixture("truncated.xlsx")), "not a ZIP archive"));
  EXPECT_TRUE(contains(open_error(xlsx_fixture("zip64_marker.xlsx")), "ZIP64"));

  std::string split = make_zip({{"a.txt", "alpha"}});
  split[split.size() - 22 + 4] = 1;  // number of this disk
  EXPECT_TRUE(contains(open_error(split), "split across several files"));

  std::string outside = make_zip({{"a.txt", "alpha"}});
  outside[outside.size() - 22 + 16] = 0x70;  // directory offset past the record
  EXPECT_TRUE(contains(open_error(outside), "central directory lies outside"));

  std::string missing_entry = make_zip({{"a.txt", "alpha"}});
  missing_entry[missing_entry.size() - 22 + 8] = 2;  // claims two entries
  missing_entry[missing_entry.size() - 22 + 10] = 2;
  EXPECT_TRUE(contains(open_error(missing_entry), "central directory entry 2 is missing"));

  ZipPart encrypted{"a.txt", "alpha"};
  encrypted.flags = 1;
  EXPECT_TRUE(contains(open_error(make_zip({encrypted})), "encrypted"));
}

TEST(ZipArchive, DamagedOrUnsupportedEntriesAreErrors) {
  ZipPart bzip2{"a.txt", "alpha"};
  bzip2.method = 12;
  EXPECT_TRUE(contains(extract_error(make_zip({bzip2}), "a.txt"), "compression method 12"));

  ZipPart mismatched{"a.txt", "alpha"};
  mismatched.declared_size = 9;
  EXPECT_TRUE(contains(extract_error(make_zip({mismatched}), "a.txt"), "two different sizes"));

  std::string no_local = make_zip({{"a.txt", "alpha"}});
  no_local[0] = 'X';
  EXPECT_TRUE(contains(extract_error(no_local, "a.txt"), "local header of entry a.txt is missing"));

  std::string flipped = make_zip({{"a.txt", "alpha"}});
  flipped[30 + 5] = 'A';  // first data byte
  EXPECT_TRUE(contains(extract_error(flipped, "a.txt"), "entry a.txt fails its CRC-32 check"));

  const std::string sheet = "xl/worksheets/sheet1.xml";
  EXPECT_TRUE(contains(extract_error(xlsx_fixture("crc_mismatch.xlsx"), sheet), "CRC-32"));
  const std::string bad = extract_error(xlsx_fixture("bad_deflate.xlsx"), sheet);
  EXPECT_TRUE(contains(bad, "Entry xl/worksheets/sheet1.xml: The compressed data is damaged"))
      << bad;
  EXPECT_TRUE(contains(bad, "reserved type 3")) << bad;
  // The other entries of those archives are intact.
  EXPECT_EQ(extract_error(xlsx_fixture("bad_deflate.xlsx"), "xl/worksheets/sheet2.xml"),
            "extracted");
}

}  // namespace
}  // namespace servimetrics
