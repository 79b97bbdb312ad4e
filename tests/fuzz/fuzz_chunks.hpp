// Shared by the fuzz targets: cuts an input into chunks at places derived from its own first
// bytes, so a seed stays a valid file (no control bytes in front) while every mutation of its
// start also moves the cuts that streaming readers must survive.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace servimetrics::fuzz {

inline std::vector<std::string_view> chunks_of(std::string_view data) {
  std::vector<std::string_view> chunks;
  if (data.empty()) return chunks;
  // Tiny chunks cut every multi-byte character and line end; large ones keep the fast paths.
  constexpr std::array<std::size_t, 4> kLongest = {3, 17, 257, 4099};
  const auto byte = [&](std::size_t k) {
    return static_cast<std::size_t>(
        static_cast<unsigned char>(data[k % std::min<std::size_t>(data.size(), 16)]));
  };
  const std::size_t longest = kLongest[byte(0) % kLongest.size()];
  std::size_t pos = 0;
  for (std::size_t k = 0; pos < data.size(); ++k) {
    const std::size_t b = byte(k);
    if (b % 29 == 0) chunks.push_back(data.substr(pos, 0));  // an empty read must change nothing
    const std::size_t length = std::min(1 + (b * 7 + k * 13) % longest, data.size() - pos);
    chunks.push_back(data.substr(pos, length));
    pos += length;
  }
  return chunks;
}

inline std::string_view as_text(const unsigned char* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace servimetrics::fuzz
