// Streaming decoding of UTF-8, UTF-16, GB18030 and Big5 to UTF-8, following the WHATWG Encoding
// Standard's decoders (error handling included) so the core reads a file as a browser would.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "formats/big5_tables.hpp"
#include "formats/gb18030_tables.hpp"
#include "formats/text_encoding.hpp"
#include "formats/text_scan.hpp"

namespace servimetrics {
namespace {

using text::ascii_prefix;
using text::kReplacementCharacter;
using text::Utf8Writer;

// Where replacements are counted; `base` is the input offset of the block's first byte.
struct Replacements {
  std::uint64_t& count;
  std::uint64_t& first_offset;
  std::uint64_t base;

  void note(std::size_t index) const {
    if (count++ == 0) first_offset = base + index;
  }
};

const unsigned char* unsigned_bytes(std::string_view bytes) {
  return reinterpret_cast<const unsigned char*>(bytes.data());
}

using Utf8Sequence = utf8::Sequence;

Utf8Sequence inspect_utf8(const unsigned char* bytes, std::size_t size) {
  return utf8::inspect(bytes, size);
}

// The length of the longest prefix made of whole, valid UTF-8 characters.
std::size_t valid_utf8_prefix(const unsigned char* bytes, std::size_t size) {
  std::size_t i = 0;
  while (i < size) {
    i += ascii_prefix(bytes + i, size - i);
    if (i >= size) break;
    const Utf8Sequence sequence = inspect_utf8(bytes + i, size - i);
    if (sequence.length == 0 || sequence.valid < sequence.length) break;
    i += sequence.length;
  }
  return i;
}

// Valid UTF-8 is copied through in runs; each invalid sequence (a maximal subpart, as Unicode
// and WHATWG define it) is replaced by one U+FFFD.
std::size_t decode_utf8(std::string_view text, bool last, const Replacements& bad,
                        std::string& out) {
  static constexpr char kReplacement[] = "\xEF\xBF\xBD";
  const unsigned char* bytes = unsigned_bytes(text);
  const std::size_t size = text.size();
  std::size_t i = 0;
  std::size_t run_start = 0;  // start of valid bytes not yet appended
  auto replace = [&](std::size_t at, std::size_t length) {
    out.append(text.data() + run_start, at - run_start);
    out.append(kReplacement, 3);
    bad.note(at);
    run_start = at + length;
  };
  while (i < size) {
    i += valid_utf8_prefix(bytes + i, size - i);
    if (i >= size) break;
    const Utf8Sequence sequence = inspect_utf8(bytes + i, size - i);
    if (sequence.length == 0) {
      replace(i, 1);
      i += 1;
    } else if (i + sequence.valid < size) {  // a byte that cannot continue it: read it anew
      replace(i, sequence.valid);
      i += sequence.valid;
    } else if (!last) {  // the character goes on in the next chunk
      out.append(text.data() + run_start, i - run_start);
      return i;
    } else {
      replace(i, size - i);
      i = size;
    }
  }
  out.append(text.data() + run_start, size - run_start);
  return size;
}

std::size_t decode_utf16(std::string_view text, bool last, bool big_endian, const Replacements& bad,
                         std::string& out) {
  const unsigned char* bytes = unsigned_bytes(text);
  const std::size_t size = text.size();
  auto unit = [&](std::size_t at) -> std::uint32_t {
    return big_endian ? (std::uint32_t{bytes[at]} << 8) | bytes[at + 1]
                      : (std::uint32_t{bytes[at + 1]} << 8) | bytes[at];
  };
  Utf8Writer writer(out);
  std::size_t i = 0;
  while (i + 1 < size) {
    const std::uint32_t u = unit(i);
    if (u < 0xD800 || u > 0xDFFF) {
      writer.code_point(u);
      i += 2;
    } else if (u <= 0xDBFF && i + 3 >= size) {  // a lead surrogate whose partner is not here yet
      if (!last) return i;
      writer.code_point(kReplacementCharacter);
      bad.note(i);
      return size;
    } else if (const std::uint32_t v = u <= 0xDBFF ? unit(i + 2) : 0; v >= 0xDC00 && v <= 0xDFFF) {
      writer.code_point(0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
      i += 4;
    } else {  // a lone surrogate; the unit after a lead is read anew
      writer.code_point(kReplacementCharacter);
      bad.note(i);
      i += 2;
    }
  }
  if (i < size) {  // an odd byte at the end
    if (!last) return i;
    writer.code_point(kReplacementCharacter);
    bad.note(i);
  }
  return size;
}

// The two-byte table, expanded from its compact generated form on first use (the compact form
// keeps the wasm download small; expanding takes microseconds).
struct Gb18030TwoByteTable {
  static constexpr std::size_t kCells = std::size_t{126} * 190;
  std::array<std::uint16_t, kCells> cells{};

  Gb18030TwoByteTable() {
    const std::span<const std::uint8_t> deltas = gb18030::two_byte_deltas();
    std::uint32_t previous = 0;
    std::size_t at = 0;
    for (std::uint16_t& cell : cells) {
      const std::uint32_t b = deltas[at++];
      if (b == 0) {
        previous = (std::uint32_t{deltas[at]} << 8) | deltas[at + 1];
        at += 2;
      } else if (b < 0x80) {
        previous += b;
      } else {
        previous = previous + (((b & 0x7F) << 8) | deltas[at]) - 0x4000;
        at += 1;
      }
      cell = static_cast<std::uint16_t>(previous);
    }
  }
};

const Gb18030TwoByteTable& gb18030_two_byte_table() {
  static const Gb18030TwoByteTable table;
  return table;
}

constexpr std::uint32_t kUnmapped = UINT32_MAX;

// `pointer` is the linear index of a four-byte sequence counted from 81 30 81 30.
std::uint32_t gb18030_four_byte_code_point(std::uint32_t pointer) {
  if (pointer <= 39419) {
    const std::span<const gb18030::FourByteRange> ranges = gb18030::four_byte_ranges();
    const auto after = std::upper_bound(
        ranges.begin(), ranges.end(), pointer,
        [](std::uint32_t p, const gb18030::FourByteRange& range) { return p < range.pointer; });
    const gb18030::FourByteRange& range = *(after - 1);  // the first range starts at pointer 0
    return range.code_point + (pointer - range.pointer);
  }
  if (pointer >= 189000 && pointer <= 1237575) return 0x10000 + (pointer - 189000);
  return kUnmapped;
}

// GB18030 as WHATWG decodes it (which also covers GBK and GB2312): 0x80 is the euro sign as in
// Windows code page 936; after an invalid sequence only its first byte is consumed when the
// following bytes could start something valid (an ASCII byte, or the digits and lead bytes of a
// broken four-byte sequence).
std::size_t decode_gb18030(std::string_view text, bool last, const Replacements& bad,
                           std::string& out) {
  const unsigned char* bytes = unsigned_bytes(text);
  const std::size_t size = text.size();
  const Gb18030TwoByteTable& table = gb18030_two_byte_table();
  Utf8Writer writer(out);
  auto replace = [&](std::size_t at) {
    writer.code_point(kReplacementCharacter);
    bad.note(at);
  };
  auto in = [](unsigned char c, unsigned char low, unsigned char high) {
    return c >= low && c <= high;
  };
  std::size_t i = 0;
  while (i < size) {
    const std::size_t ascii = ascii_prefix(bytes + i, size - i);
    if (ascii > 0) {
      writer.bytes(bytes + i, ascii);
      i += ascii;
      if (i >= size) break;
    }
    const unsigned char lead = bytes[i];
    if (lead == 0x80) {
      writer.code_point(0x20AC);
      i += 1;
      continue;
    }
    if (lead == 0xFF) {
      replace(i);
      i += 1;
      continue;
    }
    // Each check below needs the next byte; when the chunk ends first the character waits for
    // the next call, or, at the end of the input, becomes one U+FFFD.
    if (i + 1 >= size) break;
    const unsigned char second = bytes[i + 1];
    if (in(second, 0x30, 0x39)) {
      if (i + 2 >= size) break;
      const unsigned char third = bytes[i + 2];
      if (!in(third, 0x81, 0xFE)) {
        replace(i);
        i += 1;
        continue;
      }
      if (i + 3 >= size) break;
      const unsigned char fourth = bytes[i + 3];
      if (!in(fourth, 0x30, 0x39)) {
        replace(i);
        i += 1;
        continue;
      }
      const std::uint32_t pointer =
          (((lead - 0x81U) * 10 + (second - 0x30U)) * 126 + (third - 0x81U)) * 10 +
          (fourth - 0x30U);
      const std::uint32_t code_point = gb18030_four_byte_code_point(pointer);
      if (code_point == kUnmapped) {
        replace(i);
      } else {
        writer.code_point(code_point);
      }
      i += 4;
      continue;
    }
    if (in(second, 0x40, 0x7E) || in(second, 0x80, 0xFE)) {
      const std::size_t cell = (lead - 0x81U) * 190 + (second - (second < 0x7F ? 0x40U : 0x41U));
      writer.code_point(table.cells[cell]);
      i += 2;
      continue;
    }
    replace(i);
    i += second < 0x80 ? 1 : 2;  // an ASCII byte after the lead is read anew
  }
  if (i < size) {
    if (!last) return i;
    replace(i);
  }
  return size;
}

// The Big5 table, expanded from its compact generated form on first use; 0 is unmapped.
struct Big5Table {
  std::array<std::uint32_t, big5::kCells> cells{};

  Big5Table() {
    const std::span<const std::uint8_t> deltas = big5::cell_deltas();
    std::uint32_t previous = 0;
    std::size_t at = 0;
    for (std::uint32_t& cell : cells) {
      const std::uint32_t b = deltas[at++];
      if (b == 0) continue;  // unmapped: the cell stays 0
      if (b < 0x80) {
        previous += b;
      } else if (b < 0xF0) {
        previous = previous + (((b - 0x80) << 8) | deltas[at]) - 0x3800;
        at += 1;
      } else {
        previous = (std::uint32_t{deltas[at]} << 16) | (std::uint32_t{deltas[at + 1]} << 8) |
                   deltas[at + 2];
        at += 3;
      }
      cell = previous;
    }
  }
};

const Big5Table& big5_table() {
  static const Big5Table table;
  return table;
}

// The four Big5-HKSCS cells that are a letter and a combining mark: Ê̄ Ê̌ ê̄ ê̌.
bool big5_two_code_points(std::uint32_t pointer, Utf8Writer& writer) {
  switch (pointer) {
    case 1133:
    case 1135:
    case 1164:
    case 1166:
      writer.code_point(pointer < 1164 ? 0x00CA : 0x00EA);
      writer.code_point(pointer == 1133 || pointer == 1164 ? 0x0304 : 0x030C);
      return true;
    default:
      return false;
  }
}

// Big5 as WHATWG decodes it (Big5-HKSCS, which covers Windows code page 950): a lead 0x81..0xFE
// and a trail 0x40..0x7E or 0xA1..0xFE; an unmapped pair is one U+FFFD, and an ASCII byte after a
// lead is read anew.
std::size_t decode_big5(std::string_view text, bool last, const Replacements& bad,
                        std::string& out) {
  const unsigned char* bytes = unsigned_bytes(text);
  const std::size_t size = text.size();
  const Big5Table& table = big5_table();
  Utf8Writer writer(out);
  std::size_t i = 0;
  while (i < size) {
    const std::size_t ascii = ascii_prefix(bytes + i, size - i);
    if (ascii > 0) {
      writer.bytes(bytes + i, ascii);
      i += ascii;
      if (i >= size) break;
    }
    const unsigned char lead = bytes[i];
    if (lead == 0x80 || lead == 0xFF) {
      writer.code_point(kReplacementCharacter);
      bad.note(i);
      i += 1;
      continue;
    }
    if (i + 1 >= size) break;  // the trail is in the next chunk
    const unsigned char trail = bytes[i + 1];
    const bool low = trail >= 0x40 && trail <= 0x7E;
    if (low || (trail >= 0xA1 && trail <= 0xFE)) {
      const std::uint32_t pointer = (lead - 0x81U) * 157 + (trail - (low ? 0x40U : 0x62U));
      if (big5_two_code_points(pointer, writer)) {
        i += 2;
        continue;
      }
      if (const std::uint32_t code_point = table.cells[pointer]; code_point != 0) {
        writer.code_point(code_point);
        i += 2;
        continue;
      }
    }
    writer.code_point(kReplacementCharacter);
    bad.note(i);
    i += trail < 0x80 ? 1 : 2;  // an ASCII byte after the lead is read anew
  }
  if (i < size) {
    if (!last) return i;
    writer.code_point(kReplacementCharacter);
    bad.note(i);
  }
  return size;
}

std::string_view byte_order_mark(Encoding encoding) {
  switch (encoding) {
    case Encoding::utf8:
      return "\xEF\xBB\xBF";
    case Encoding::utf16le:
      return "\xFF\xFE";
    case Encoding::utf16be:
      return "\xFE\xFF";
    case Encoding::gb18030:
      return "\x84\x31\x95\x33";
    case Encoding::big5:
      return {};  // Big5 has none
  }
  return {};
}

}  // namespace

TextDecoder::TextDecoder(Encoding encoding) : encoding_(encoding) {}

std::size_t TextDecoder::decode_block(std::string_view bytes, std::uint64_t offset, bool last,
                                      std::string& out) {
  std::size_t skipped = 0;
  if (at_start_) {
    if (bytes.empty()) return 0;
    const std::string_view bom = byte_order_mark(encoding_);
    if (!last && bytes.size() < bom.size() && bom.starts_with(bytes)) return 0;
    at_start_ = false;
    if (bytes.starts_with(bom)) {
      skipped = bom.size();
      bytes.remove_prefix(skipped);
      offset += skipped;
    }
  }
  const Replacements bad{replaced_, first_replaced_offset_, offset};
  switch (encoding_) {
    case Encoding::utf8:
      return skipped + decode_utf8(bytes, last, bad, out);
    case Encoding::utf16le:
      return skipped + decode_utf16(bytes, last, false, bad, out);
    case Encoding::utf16be:
      return skipped + decode_utf16(bytes, last, true, bad, out);
    case Encoding::gb18030:
      return skipped + decode_gb18030(bytes, last, bad, out);
    case Encoding::big5:
      return skipped + decode_big5(bytes, last, bad, out);
  }
  return skipped;
}

void TextDecoder::decode(std::string_view bytes, bool last, std::string& out) {
  if (pending_size_ > 0) {
    // Finish the split character from a few bytes of this chunk: no character is longer than
    // four bytes, so with four more the one that began in pending_ is decided.
    std::array<char, 8> joined{};
    std::memcpy(joined.data(), pending_.data(), pending_size_);
    const std::size_t taken = std::min<std::size_t>(bytes.size(), 4);
    if (taken > 0) std::memcpy(joined.data() + pending_size_, bytes.data(), taken);
    const std::size_t joined_size = pending_size_ + taken;
    const std::size_t used = decode_block(std::string_view(joined.data(), joined_size), consumed_,
                                          last && taken == bytes.size(), out);
    consumed_ += used;
    if (used < pending_size_) {  // the whole chunk was too short to finish it
      pending_size_ = joined_size - used;
      std::memmove(pending_.data(), joined.data() + used, pending_size_);
      return;
    }
    bytes.remove_prefix(used - pending_size_);
    pending_size_ = 0;
  }
  const std::size_t used = decode_block(bytes, consumed_, last, out);
  consumed_ += used;
  pending_size_ = bytes.size() - used;
  if (pending_size_ > 0) std::memcpy(pending_.data(), bytes.data() + used, pending_size_);
}

std::string_view TextDecoder::decode_view(std::string_view bytes, bool last, std::string& scratch) {
  if (encoding_ == Encoding::utf8 && !at_start_ && pending_size_ == 0) {
    const std::size_t valid = valid_utf8_prefix(unsigned_bytes(bytes), bytes.size());
    const std::size_t rest = bytes.size() - valid;
    // All valid, or valid up to a character that the next chunk finishes.
    if (rest == 0 ||
        (!last && rest < 4 && inspect_utf8(unsigned_bytes(bytes) + valid, rest).valid == rest)) {
      consumed_ += valid;
      pending_size_ = rest;
      if (rest > 0) std::memcpy(pending_.data(), bytes.data() + valid, rest);
      return bytes.substr(0, valid);
    }
  }
  scratch.clear();
  decode(bytes, last, scratch);
  return scratch;
}

}  // namespace servimetrics
