// The GB18030 tables the decoder needs, in the compact form scripts/gen-gb18030-tables.mjs writes.
#pragma once

#include <array>
#include <cstdint>
#include <span>

namespace servimetrics::gb18030 {

// Two-byte cells in order (lead 0x81..0xFE, then trail 0x40..0x7E, 0x80..0xFE), each as its
// difference from the previous cell: 0x01..0x7F adds that much; 0x80 | h, l adds
// ((h << 8) | l) - 0x4000; 0x00, h, l sets (h << 8) | l. The first cell starts from 0.
std::span<const std::uint8_t> two_byte_deltas();

// Four-byte pointers 0..39419 (below U+10000) map to code points in runs: a pointer maps to
// code_point + (pointer - run.pointer) of the last run starting at or before it.
struct FourByteRange {
  std::uint16_t pointer;
  std::uint16_t code_point;
};
std::span<const FourByteRange> four_byte_ranges();

}  // namespace servimetrics::gb18030
