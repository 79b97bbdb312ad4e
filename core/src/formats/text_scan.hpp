// Byte-scanning helpers shared by the decoder and the encoding detection.
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "base/utf8.hpp"

namespace servimetrics::text {

// Length of the leading run of ASCII bytes; eight bytes at a time, as long ASCII runs are the
// common case in CSV text whatever its encoding.
inline std::size_t ascii_prefix(const unsigned char* bytes, std::size_t size) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  std::size_t i = 0;
  for (; i + 16 <= size; i += 16) {
    std::uint64_t a = 0;
    std::uint64_t b = 0;
    std::memcpy(&a, bytes + i, 8);
    std::memcpy(&b, bytes + i + 8, 8);
    if (((a | b) & kHighBits) != 0) break;
  }
  for (; i + 8 <= size; i += 8) {
    std::uint64_t a = 0;
    std::memcpy(&a, bytes + i, 8);
    const std::uint64_t high = a & kHighBits;
    if (high != 0) {
      if constexpr (std::endian::native == std::endian::little) {
        return i + static_cast<std::size_t>(std::countr_zero(high) / 8);
      } else {
        break;
      }
    }
  }
  while (i < size && bytes[i] < 0x80) ++i;
  return i;
}

// Writes `code_point` (below U+110000, not a surrogate) as UTF-8 at `out`; returns the end.
inline char* put_utf8(char* out, std::uint32_t code_point) {
  return utf8::put(out, code_point);
}

inline constexpr std::uint32_t kReplacementCharacter = 0xFFFD;

// Collects small pieces of output in a fixed buffer so the string grows in large appends rather
// than one character at a time; long runs go straight through.
class Utf8Writer {
 public:
  explicit Utf8Writer(std::string& out) : out_(out) {}
  Utf8Writer(const Utf8Writer&) = delete;
  Utf8Writer& operator=(const Utf8Writer&) = delete;
  ~Utf8Writer() { flush(); }

  void code_point(std::uint32_t code_point) {
    if (used_ + 4 > buffer_.size()) flush();
    used_ = static_cast<std::size_t>(put_utf8(buffer_.data() + used_, code_point) - buffer_.data());
  }

  void bytes(const unsigned char* bytes, std::size_t size) {
    if (size > buffer_.size() / 4) {
      flush();
      out_.append(reinterpret_cast<const char*>(bytes), size);
      return;
    }
    if (used_ + size > buffer_.size()) flush();
    std::memcpy(buffer_.data() + used_, bytes, size);
    used_ += size;
  }

  void flush() {
    out_.append(buffer_.data(), used_);
    used_ = 0;
  }

 private:
  std::string& out_;
  std::array<char, 4096> buffer_;
  std::size_t used_ = 0;
};

}  // namespace servimetrics::text
