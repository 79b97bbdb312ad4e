// The Big5 table the decoder needs, in the compact form scripts/gen-big5-tables.mjs writes.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace servimetrics::big5 {

// Leads 0x81..0xFE times trails 0x40..0x7E, 0xA1..0xFE: pointer = (lead - 0x81) * 157 + trail
// index, as the WHATWG Encoding Standard counts them.
inline constexpr std::size_t kCells = std::size_t{126} * 157;

// One entry per pointer in order, each against the previous mapped cell (the first from 0):
// 0x00 unmapped; 0x01..0x7F adds that much; 0x80..0xEF, l adds (((b - 0x80) << 8) | l) - 0x3800;
// 0xF0, h, m, l sets (h << 16) | (m << 8) | l. The four cells that decode to two code points
// (pointers 1133, 1135, 1164, 1166) are unmapped here; the decoder writes them itself.
std::span<const std::uint8_t> cell_deltas();

}  // namespace servimetrics::big5
