// Reading ZIP archives held in memory (the container of .xlsx files): the central directory, and
// one entry at a time, inflated and checked against its CRC-32.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "servimetrics/result.hpp"

namespace servimetrics {

// CRC-32 as ZIP uses it (reflected polynomial 0xEDB88320); `crc` continues a running value.
std::uint32_t crc32(std::string_view data, std::uint32_t crc = 0);

struct ZipEntry {
  std::string name;
  std::uint16_t method = 0;  // 0 stored, 8 deflated
  std::uint32_t crc32 = 0;
  // 32-bit like the classic ZIP fields they come from: ZIP64 archives are refused.
  std::uint32_t compressed_size = 0;
  std::uint32_t uncompressed_size = 0;
  std::uint32_t local_header_offset = 0;
};

class ZipArchive {
 public:
  // Reads the central directory of `bytes`, which must outlive the archive. ZIP64, split and
  // encrypted archives are refused.
  static Result<ZipArchive> open(std::string_view bytes);

  [[nodiscard]] const std::vector<ZipEntry>& entries() const { return entries_; }

  // The entry of that exact name, else one whose name matches ignoring ASCII case (part names in
  // Office files are case-insensitive); nullptr when there is none.
  [[nodiscard]] const ZipEntry* find(std::string_view name) const;

  // The entry's uncompressed bytes; refused when they would exceed `max_size`.
  [[nodiscard]] Result<std::string> extract(const ZipEntry& entry, std::size_t max_size) const;

 private:
  ZipArchive(std::string_view bytes, std::vector<ZipEntry> entries)
      : bytes_(bytes), entries_(std::move(entries)) {}

  std::string_view bytes_;
  std::vector<ZipEntry> entries_;
};

}  // namespace servimetrics
