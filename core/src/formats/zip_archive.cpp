// ZIP reading from the PKWARE application note: the end-of-central-directory record, the central
// directory, local headers, and CRC-32 computed eight bytes at a time.
#include "formats/zip_archive.hpp"

#include <array>
#include <cstring>

#include "formats/inflate.hpp"

namespace servimetrics {
namespace {

using CrcTables = std::array<std::array<std::uint32_t, 256>, 8>;

// Table k gives the CRC contribution of a byte followed by k zero bytes, which lets eight input
// bytes be folded in per step. Built at run time: 8 KB of tables would add 7 KB to the gzipped
// WebAssembly module, while building them takes microseconds.
CrcTables make_crc_tables() {
  CrcTables t{};
  for (std::uint32_t n = 0; n < 256; ++n) {
    std::uint32_t c = n;
    for (int bit = 0; bit < 8; ++bit) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    t[0][n] = c;
  }
  for (std::size_t k = 1; k < 8; ++k) {
    for (std::size_t n = 0; n < 256; ++n) t[k][n] = (t[k - 1][n] >> 8) ^ t[0][t[k - 1][n] & 0xFF];
  }
  return t;
}

const CrcTables& crc_tables() {
  static const CrcTables tables = make_crc_tables();
  return tables;
}

std::uint16_t u16(std::string_view b, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<std::uint8_t>(b[at]) |
                                    static_cast<std::uint8_t>(b[at + 1]) << 8);
}

std::uint32_t u32(std::string_view b, std::size_t at) {
  return static_cast<std::uint32_t>(u16(b, at)) | static_cast<std::uint32_t>(u16(b, at + 2)) << 16;
}

constexpr std::uint32_t kEndOfDirectorySignature = 0x06054b50;
constexpr std::uint32_t kZip64LocatorSignature = 0x07064b50;
constexpr std::uint32_t kDirectoryEntrySignature = 0x02014b50;
constexpr std::uint32_t kLocalHeaderSignature = 0x04034b50;
constexpr std::size_t kEndOfDirectorySize = 22;
constexpr std::size_t kZip64LocatorSize = 20;
constexpr std::size_t kDirectoryEntrySize = 46;
constexpr std::size_t kLocalHeaderSize = 30;
constexpr std::size_t kMaxCommentSize = 0xFFFF;

Error zip_error(const char* code, std::string message,
                nlohmann::json params = nlohmann::json::object()) {
  return Error{.message = std::move(message), .code = code, .params = std::move(params)};
}

// params name the entry, when the damage is in one.
Error damaged(const std::string& why, nlohmann::json params = nlohmann::json::object()) {
  return zip_error("zip_damaged", "The ZIP archive is damaged: " + why + ".", std::move(params));
}

Error zip64_refused() {
  return zip_error(
      "zip64_unsupported",
      "The file is a ZIP64 archive (over 4 GB or over 65,535 entries), which is not supported.");
}

bool equal_ignoring_ascii_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    char y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

}  // namespace

std::uint32_t crc32(std::string_view data, std::uint32_t crc) {
  const CrcTables& t = crc_tables();
  crc = ~crc;
  std::size_t i = 0;
  for (; i + 8 <= data.size(); i += 8) {
    std::uint32_t lo = 0;
    std::uint32_t hi = 0;
    std::memcpy(&lo, data.data() + i, 4);  // little-endian, as inflate.cpp asserts
    std::memcpy(&hi, data.data() + i + 4, 4);
    lo ^= crc;
    crc = t[7][lo & 0xFF] ^ t[6][(lo >> 8) & 0xFF] ^ t[5][(lo >> 16) & 0xFF] ^ t[4][lo >> 24] ^
          t[3][hi & 0xFF] ^ t[2][(hi >> 8) & 0xFF] ^ t[1][(hi >> 16) & 0xFF] ^ t[0][hi >> 24];
  }
  for (; i < data.size(); ++i)
    crc = t[0][(crc ^ static_cast<std::uint8_t>(data[i])) & 0xFF] ^ (crc >> 8);
  return ~crc;
}

Result<ZipArchive> ZipArchive::open(std::string_view bytes) {
  const std::size_t size = bytes.size();
  if (size < kEndOfDirectorySize) {
    return zip_error("zip_too_short",
                     "The file is not a ZIP archive: it is too short to hold a ZIP directory.");
  }
  // The record sits at the end, followed only by an archive comment of up to 65,535 bytes.
  std::size_t eocd = size;
  const std::size_t lowest = size - kEndOfDirectorySize > kMaxCommentSize
                                 ? size - kEndOfDirectorySize - kMaxCommentSize
                                 : 0;
  for (std::size_t at = size - kEndOfDirectorySize + 1; at-- > lowest;) {
    if (u32(bytes, at) == kEndOfDirectorySignature &&
        at + kEndOfDirectorySize + u16(bytes, at + 20) <= size) {
      eocd = at;
      break;
    }
  }
  if (eocd == size) {
    return zip_error(
        "zip_no_directory",
        "The file is not a ZIP archive: no end-of-central-directory record was found.");
  }
  if (eocd >= kZip64LocatorSize && u32(bytes, eocd - kZip64LocatorSize) == kZip64LocatorSignature)
    return zip64_refused();
  const std::uint16_t this_disk = u16(bytes, eocd + 4);
  const std::uint16_t directory_disk = u16(bytes, eocd + 6);
  const std::uint16_t entries_here = u16(bytes, eocd + 8);
  const std::uint16_t entry_count = u16(bytes, eocd + 10);
  const std::uint32_t directory_size = u32(bytes, eocd + 12);
  const std::uint32_t directory_offset = u32(bytes, eocd + 16);
  if (entry_count == 0xFFFF || directory_size == 0xFFFFFFFF || directory_offset == 0xFFFFFFFF)
    return zip64_refused();
  if (this_disk != 0 || directory_disk != 0 || entries_here != entry_count) {
    return zip_error("zip_split",
                     "The ZIP archive is split across several files, which is not supported.");
  }
  if (directory_offset > eocd || directory_size > eocd - directory_offset)
    return damaged("its central directory lies outside the file");

  std::vector<ZipEntry> entries;
  entries.reserve(entry_count);
  std::size_t at = directory_offset;
  const std::size_t directory_end = directory_offset + directory_size;
  for (std::size_t i = 0; i < entry_count; ++i) {
    if (directory_end - at < kDirectoryEntrySize || u32(bytes, at) != kDirectoryEntrySignature)
      return damaged("central directory entry " + std::to_string(i + 1) + " is missing",
                     {{"index", i + 1}});
    const std::size_t name_size = u16(bytes, at + 28);
    const std::size_t extra_size = u16(bytes, at + 30);
    const std::size_t comment_size = u16(bytes, at + 32);
    const std::size_t record_size = kDirectoryEntrySize + name_size + extra_size + comment_size;
    if (directory_end - at < record_size)
      return damaged("central directory entry " + std::to_string(i + 1) + " is cut short",
                     {{"index", i + 1}});
    ZipEntry entry;
    entry.name = std::string(bytes.substr(at + kDirectoryEntrySize, name_size));
    entry.method = u16(bytes, at + 10);
    entry.crc32 = u32(bytes, at + 16);
    entry.compressed_size = u32(bytes, at + 20);
    entry.uncompressed_size = u32(bytes, at + 24);
    entry.local_header_offset = u32(bytes, at + 42);
    if (entry.compressed_size == 0xFFFFFFFF || entry.uncompressed_size == 0xFFFFFFFF ||
        entry.local_header_offset == 0xFFFFFFFF) {
      return zip64_refused();
    }
    if ((u16(bytes, at + 8) & 1) != 0) {
      return zip_error(
          "zip_encrypted",
          "The ZIP archive is encrypted (entry " + entry.name + "), which is not supported.",
          {{"entry", entry.name}});
    }
    entries.push_back(std::move(entry));
    at += record_size;
  }
  return ZipArchive(bytes, std::move(entries));
}

const ZipEntry* ZipArchive::find(std::string_view name) const {
  for (const ZipEntry& entry : entries_) {
    if (entry.name == name) return &entry;
  }
  for (const ZipEntry& entry : entries_) {
    if (equal_ignoring_ascii_case(entry.name, name)) return &entry;
  }
  return nullptr;
}

Result<std::string> ZipArchive::extract(const ZipEntry& entry, std::size_t max_size) const {
  const std::string& name = entry.name;
  if (entry.uncompressed_size > max_size) {
    return zip_error(
        "zip_entry_too_large",
        "The ZIP entry " + name + " is " + std::to_string(entry.uncompressed_size) +
            " bytes uncompressed, above the limit of " + std::to_string(max_size) + " bytes.",
        {{"entry", name}, {"bytes", entry.uncompressed_size}, {"limit_bytes", max_size}});
  }
  const std::size_t header = entry.local_header_offset;
  if (header > bytes_.size() || bytes_.size() - header < kLocalHeaderSize ||
      u32(bytes_, header) != kLocalHeaderSignature) {
    return damaged("the local header of entry " + name + " is missing", {{"entry", name}});
  }
  // The local header's own sizes may be zero (written after the data); the directory's count.
  const std::size_t data_start =
      header + kLocalHeaderSize + u16(bytes_, header + 26) + u16(bytes_, header + 28);
  if (data_start > bytes_.size() || bytes_.size() - data_start < entry.compressed_size)
    return damaged("the data of entry " + name + " is cut short", {{"entry", name}});
  const std::string_view data = bytes_.substr(data_start, entry.compressed_size);

  std::string out;
  if (entry.method == 0) {
    if (entry.compressed_size != entry.uncompressed_size)
      return damaged("the stored entry " + name + " has two different sizes", {{"entry", name}});
    out.assign(data);
  } else if (entry.method == 8) {
    auto inflated = inflate_raw(data, entry.uncompressed_size, max_size);
    if (!inflated.ok()) {
      Error error = inflated.error();
      error.message = "Entry " + name + ": " + error.message;
      error.params["entry"] = name;
      return error;
    }
    out = std::move(inflated.value());
    if (out.size() != entry.uncompressed_size)
      return damaged("entry " + name + " does not inflate to its recorded size", {{"entry", name}});
  } else {
    return zip_error("zip_unsupported_method",
                     "The ZIP entry " + name + " uses compression method " +
                         std::to_string(entry.method) +
                         "; only stored (0) and deflate (8) are supported.",
                     {{"entry", name}, {"method", entry.method}});
  }
  if (crc32(out) != entry.crc32) {
    return damaged("entry " + name + " fails its CRC-32 check", {{"entry", name}});
  }
  return out;
}

}  // namespace servimetrics
