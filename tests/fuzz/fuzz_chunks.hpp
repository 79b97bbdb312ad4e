// Shared by the fuzz targets: cuts an input into chunks at places derived from its own first
// bytes, so a seed stays a valid file (no control bytes in front) while every mutation of its
// start also moves the cuts that streaming readers must survive.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace servimetrics::fuzz {

inline std::vector<std::string_view> chunks_of(std::string_view data) {
  std::vector<std::string_view> chunks;
  // FNV-1a of the first 16 bytes seeds the cuts: a change to any of them moves them all.
  std::uint32_t state = 2166136261U;
  for (std::size_t k = 0; k < data.size() && k < 16; ++k) {
    state = (state ^ static_cast<unsigned char>(data[k])) * 16777619U;
  }
  const auto next = [&state] {
    state = state * 1103515245U + 12345U;
    return static_cast<std::size_t>(state >> 8);
  };
  // Tiny chunks cut every multi-byte character and line end; large ones keep the fast paths.
  constexpr std::array<std::size_t, 4> kLongest = {3, 17, 257, 4099};
  const std::size_t longest = kLongest[next() % kLongest.size()];
  for (std::size_t pos = 0; pos < data.size();) {
    const std::size_t r = next();
    if (r % 29 == 0) chunks.push_back(data.substr(pos, 0));  // an empty read must change nothing
    const std::size_t length = std::min(1 + (r >> 5) % longest, data.size() - pos);
    chunks.push_back(data.substr(pos, length));
    pos += length;
  }
  return chunks;
}

inline std::string_view as_text(const unsigned char* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace servimetrics::fuzz
