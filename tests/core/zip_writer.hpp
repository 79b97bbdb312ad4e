// The one ZIP writer of the tests (core tests and fuzz harnesses): stored (uncompressed) entries
// with correct CRC-32s, so tests can state their parts inline and mutations of the parts reach the
// readers instead of failing the CRC check.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "formats/zip_archive.hpp"

namespace servimetrics::testing {

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

}  // namespace servimetrics::testing
