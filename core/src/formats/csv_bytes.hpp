// Which of 64 bytes of CSV text may end a run of plain field text (a quote, a line end, the
// delimiter): one bit each, found sixteen bytes per instruction where the target has SIMD (SSE2,
// wasm SIMD128), else eight at a time in 64-bit words; the portable path is always built and
// tested.
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace servimetrics::csv_bytes {

// The five bytes looked for: quote, LF, CR, the delimiter and one more (a tab when runs of spaces
// delimit, else the delimiter again).
struct Specials {
  std::array<unsigned char, 5> bytes;
};

inline Specials specials_for(char delimiter) {
  const auto d = static_cast<unsigned char>(delimiter);
  return {{'"', '\n', '\r', d, delimiter == ' ' ? static_cast<unsigned char>('\t') : d}};
}

// Eight bytes, one bit each (bit k for byte k), in a 64-bit word: exact, with no borrow between
// bytes (a byte is zero when adding 0x7F to its low seven bits leaves its high bit clear).
inline std::uint64_t word_bits(const char* p, const Specials& s) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
  std::uint64_t word = 0;
  std::memcpy(&word, p, 8);
  if constexpr (std::endian::native == std::endian::big) word = __builtin_bswap64(word);
  std::uint64_t nonzero_all = ~std::uint64_t{0};
  for (const unsigned char b : s.bytes) {
    const std::uint64_t x = word ^ (kOnes * b);
    nonzero_all &= ((x & kLow7) + kLow7) | x;
  }
  const std::uint64_t high = ~nonzero_all & ~kLow7;    // the high bit of each special byte
  return ((high >> 7) * 0x0102040810204080ULL) >> 56;  // gathered into the low eight bits
}

// 64 bytes from p (all readable), eight at a time.
inline std::uint64_t block_bits_portable(const char* p, const Specials& s) {
  std::uint64_t bits = 0;
  for (int w = 0; w < 8; ++w) bits |= word_bits(p + 8 * w, s) << (8 * w);
  return bits;
}

// 64 bytes from p (all readable), with the target's SIMD when it has any.
inline std::uint64_t block_bits(const char* p, const Specials& s) {
#if defined(__wasm_simd128__)
  // The five splats once per block, not once per byte and chunk (the loop over s.bytes kept them
  // in the inner loop: a third of the scan's instructions).
  const v128_t s0 = wasm_u8x16_splat(s.bytes[0]), s1 = wasm_u8x16_splat(s.bytes[1]);
  const v128_t s2 = wasm_u8x16_splat(s.bytes[2]), s3 = wasm_u8x16_splat(s.bytes[3]);
  const v128_t s4 = wasm_u8x16_splat(s.bytes[4]);
  std::uint64_t bits = 0;
  for (int q = 0; q < 4; ++q) {
    const v128_t v = wasm_v128_load(p + 16 * q);
    const v128_t hit =
        wasm_v128_or(wasm_v128_or(wasm_v128_or(wasm_i8x16_eq(v, s0), wasm_i8x16_eq(v, s1)),
                                  wasm_v128_or(wasm_i8x16_eq(v, s2), wasm_i8x16_eq(v, s3))),
                     wasm_i8x16_eq(v, s4));
    bits |= std::uint64_t{static_cast<std::uint16_t>(wasm_i8x16_bitmask(hit))} << (16 * q);
  }
  return bits;
#elif defined(__SSE2__)
  const auto splat = [&s](int k) { return _mm_set1_epi8(static_cast<char>(s.bytes[k])); };
  const __m128i s0 = splat(0), s1 = splat(1), s2 = splat(2), s3 = splat(3), s4 = splat(4);
  std::uint64_t bits = 0;
  for (int q = 0; q < 4; ++q) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * q));
    const __m128i hit =
        _mm_or_si128(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, s0), _mm_cmpeq_epi8(v, s1)),
                                  _mm_or_si128(_mm_cmpeq_epi8(v, s2), _mm_cmpeq_epi8(v, s3))),
                     _mm_cmpeq_epi8(v, s4));
    bits |= std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(hit))} << (16 * q);
  }
  return bits;
#else
  return block_bits_portable(p, s);
#endif
}

// The bits of text[at, at + 64), the bytes past `size` reading as plain text.
inline std::uint64_t block_bits_at(const char* text, std::size_t size, std::size_t at,
                                   const Specials& s) {
  if (at + 64 <= size) return block_bits(text + at, s);
  std::array<char, 64> padded{};
  std::memcpy(padded.data(), text + at, size - at);
  const std::uint64_t valid = (std::uint64_t{1} << (size - at)) - 1;  // size - at < 64
  return block_bits(padded.data(), s) & valid;
}

// The index of the first special byte of text[i, size) (size when none). The block read last is
// text[at, at + 64) with special bytes `bits`; the next are read as needed and left in at and bits.
// Pass at = i - 64 when no block of this text was read yet.
inline std::size_t next_special(const char* text, std::size_t size, std::size_t i, std::size_t& at,
                                std::uint64_t& bits, const Specials& s) {
  const std::size_t off = i - at;
  if (off < 64) {
    const std::uint64_t rest = bits >> off;
    if (rest != 0) return i + static_cast<std::size_t>(std::countr_zero(rest));
    i = at + 64;  // the rest of this block is plain text
  }
  for (; i < size; i += 64) {
    at = i;
    bits = block_bits_at(text, size, i, s);
    if (bits != 0) return i + static_cast<std::size_t>(std::countr_zero(bits));
  }
  return size;
}

}  // namespace servimetrics::csv_bytes
