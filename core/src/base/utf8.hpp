// The one UTF-8 codec of the core: writing a code point, and reading one character with the
// Unicode / WHATWG rules (no overlong forms, no surrogates, nothing past U+10FFFF), so that every
// reader of text agrees on what a character is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace servimetrics::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// Writes `code_point` (below U+110000, not a surrogate) at `out`; returns the end.
inline char* put(char* out, char32_t code_point) {
  const auto cp = static_cast<std::uint32_t>(code_point);
  if (cp < 0x80) {
    *out++ = static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out++ = static_cast<char>(0xC0 | (cp >> 6));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out++ = static_cast<char>(0xE0 | (cp >> 12));
    *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out++ = static_cast<char>(0xF0 | (cp >> 18));
    *out++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

inline void append(std::string& out, char32_t code_point) {
  char bytes[4];
  out.append(bytes, static_cast<std::size_t>(put(bytes, code_point) - bytes));
}

// The UTF-8 sequence starting at a non-ASCII lead byte: its full length (0 for a byte that cannot
// start one) and how many of its bytes are present and valid; the sequence is whole when they
// match.
struct Sequence {
  std::size_t length = 0;
  std::size_t valid = 0;
};

inline Sequence inspect(const unsigned char* bytes, std::size_t size) {
  const unsigned char lead = bytes[0];
  Sequence sequence;
  unsigned char low = 0x80;  // allowed range of the second byte
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    sequence.length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    sequence.length = 3;
    if (lead == 0xE0) low = 0xA0;   // no overlong forms
    if (lead == 0xED) high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    sequence.length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;  // nothing past U+10FFFF
  } else {
    return sequence;
  }
  std::size_t k = 1;
  for (; k < sequence.length && k < size; ++k) {
    if (bytes[k] < low || bytes[k] > high) break;
    low = 0x80;
    high = 0xBF;
  }
  sequence.valid = k;
  return sequence;
}

// One character at p (p < end) and the bytes it took; a byte that does not start a whole, valid
// character reads as one kReplacement, so text is never read past its end.
struct Character {
  char32_t code;
  int length;
};

inline Character read(const char* p, const char* end) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(p);
  if (bytes[0] < 0x80) return {bytes[0], 1};
  const Sequence sequence = inspect(bytes, static_cast<std::size_t>(end - p));
  if (sequence.length == 0 || sequence.valid < sequence.length) return {kReplacement, 1};
  char32_t code = bytes[0] & (0x7Fu >> sequence.length);
  for (std::size_t i = 1; i < sequence.length; ++i) code = (code << 6) | (bytes[i] & 0x3Fu);
  return {code, static_cast<int>(sequence.length)};
}

}  // namespace servimetrics::utf8
