// DEFLATE decoder written from RFC 1951: a 64-bit bit buffer refilled eight bytes at a time and
// two-level lookup tables, so most symbols cost one table read.
#include "formats/inflate.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <vector>

namespace servimetrics {
namespace {

static_assert(std::endian::native == std::endian::little,
              "the bit buffer loads input words in little-endian order");

// A table entry packs: bits 0-7 the code length to consume, 8-11 the kind, 12-15 the number of
// extra bits that follow the code (or a subtable's index width), 16-31 the value (a literal byte,
// a length or distance base, or a subtable's offset).
enum Kind : std::uint32_t {
  kLiteral = 0,
  kBase = 1,  // a length (literal/length alphabet) or distance base
  kEndOfBlock = 2,
  kSubtable = 3,
  kInvalid = 4,
};

constexpr std::uint32_t meaning(std::uint32_t kind, std::uint32_t extra, std::uint32_t value) {
  return kind << 8 | extra << 12 | value << 16;
}
constexpr std::uint32_t entry_bits(std::uint32_t e) {
  return e & 0xFF;
}
constexpr std::uint32_t entry_kind(std::uint32_t e) {
  return (e >> 8) & 0xF;
}
constexpr std::uint32_t entry_extra(std::uint32_t e) {
  return (e >> 12) & 0xF;
}
constexpr std::uint32_t entry_value(std::uint32_t e) {
  return e >> 16;
}

constexpr unsigned kMaxCodeBits = 15;
constexpr unsigned kLitLenRootBits = 10;
constexpr unsigned kDistRootBits = 8;
constexpr unsigned kCodeLengthRootBits = 7;
constexpr std::size_t kLitLenSymbols = 288;
constexpr std::size_t kDistSymbols = 32;
constexpr std::size_t kCodeLengthSymbols = 19;
constexpr std::uint32_t kInvalidEntry = meaning(kInvalid, 0, 0);
// Match copies write whole 8-byte words and may run up to 7 bytes past the match.
constexpr std::size_t kSlack = 16;

struct Alphabets {
  std::array<std::uint32_t, kLitLenSymbols> lit_len{};
  std::array<std::uint32_t, kDistSymbols> dist{};
  std::array<std::uint32_t, kCodeLengthSymbols> code_length{};
};

constexpr Alphabets make_alphabets() {
  Alphabets a;
  for (std::uint32_t s = 0; s < 256; ++s) a.lit_len[s] = meaning(kLiteral, 0, s);
  a.lit_len[256] = meaning(kEndOfBlock, 0, 0);
  // Lengths 3..258: symbols 257..284 come in groups of four sharing an extra-bit count.
  std::uint32_t base = 3;
  for (std::uint32_t s = 257; s <= 284; ++s) {
    const std::uint32_t extra = s < 265 ? 0 : (s - 261) / 4;
    a.lit_len[s] = meaning(kBase, extra, base);
    base += 1u << extra;
  }
  a.lit_len[285] = meaning(kBase, 0, 258);
  a.lit_len[286] = kInvalidEntry;
  a.lit_len[287] = kInvalidEntry;
  // Distances 1..32768: codes 0..29 come in pairs sharing an extra-bit count.
  base = 1;
  for (std::uint32_t s = 0; s < 30; ++s) {
    const std::uint32_t extra = s < 4 ? 0 : s / 2 - 1;
    a.dist[s] = meaning(kBase, extra, base);
    base += 1u << extra;
  }
  a.dist[30] = kInvalidEntry;
  a.dist[31] = kInvalidEntry;
  for (std::uint32_t s = 0; s < kCodeLengthSymbols; ++s) a.code_length[s] = meaning(kLiteral, 0, s);
  return a;
}

constexpr Alphabets kAlphabets = make_alphabets();

constexpr std::array<std::uint8_t, kCodeLengthSymbols> kCodeLengthOrder = {
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

std::uint32_t reverse_bits(std::uint32_t code, unsigned length) {
  std::uint32_t reversed = 0;
  for (unsigned i = 0; i < length; ++i) {
    reversed = (reversed << 1) | (code & 1);
    code >>= 1;
  }
  return reversed;
}

// Builds the lookup table of a canonical Huffman code. Codes are stored bit-reversed because the
// stream packs them most significant bit first into bytes read from the least significant bit.
// Codes longer than `root_bits` go to a subtable sized for the longest code sharing that root.
// Returns false for an over-subscribed code; unused slots of an incomplete code decode as invalid.
bool build_table(const std::uint8_t* lengths, std::size_t count, const std::uint32_t* meanings,
                 unsigned root_bits, std::vector<std::uint32_t>& table) {
  std::array<std::uint16_t, kMaxCodeBits + 1> per_length{};
  for (std::size_t s = 0; s < count; ++s) ++per_length[lengths[s]];
  per_length[0] = 0;
  int left = 1;
  for (unsigned len = 1; len <= kMaxCodeBits; ++len) {
    left = left * 2 - per_length[len];
    if (left < 0) return false;
  }
  std::array<std::uint32_t, kMaxCodeBits + 1> first_code{};
  std::uint32_t code = 0;
  for (unsigned len = 1; len <= kMaxCodeBits; ++len) {
    code = (code + per_length[len - 1]) << 1;
    first_code[len] = code;
  }

  const std::uint32_t root_size = 1u << root_bits;
  const std::uint32_t root_mask = root_size - 1;
  table.assign(root_size, kInvalidEntry);
  std::array<std::uint8_t, 1u << kLitLenRootBits> longest{};
  std::array<std::uint32_t, kMaxCodeBits + 1> next = first_code;
  for (std::size_t s = 0; s < count; ++s) {
    const unsigned len = lengths[s];
    if (len <= root_bits) continue;
    const std::uint32_t root = reverse_bits(next[len]++, len) & root_mask;
    longest[root] = std::max<std::uint8_t>(longest[root], static_cast<std::uint8_t>(len));
  }
  for (std::uint32_t root = 0; root < root_size; ++root) {
    if (longest[root] == 0) continue;
    const std::uint32_t sub_bits = longest[root] - root_bits;
    const auto offset = static_cast<std::uint32_t>(table.size());
    table.resize(table.size() + (std::size_t{1} << sub_bits), kInvalidEntry);
    table[root] = meaning(kSubtable, sub_bits, offset) | root_bits;
  }

  next = first_code;
  for (std::size_t s = 0; s < count; ++s) {
    const unsigned len = lengths[s];
    if (len == 0) continue;
    const std::uint32_t reversed = reverse_bits(next[len]++, len);
    const std::uint32_t e = meanings[s] | len;
    if (len <= root_bits) {
      for (std::uint32_t i = reversed; i < root_size; i += 1u << len) table[i] = e;
    } else {
      const std::uint32_t link = table[reversed & root_mask];
      const std::uint32_t sub_size = 1u << entry_extra(link);
      const std::uint32_t step = 1u << (len - root_bits);
      for (std::uint32_t i = reversed >> root_bits; i < sub_size; i += step)
        table[entry_value(link) + i] = e;
    }
  }
  return true;
}

Error corrupt(const std::string& why) {
  return Error{.message = "The compressed data is damaged: " + why + ".",
               .code = "inflate_damaged"};
}

class Inflater {
 public:
  Inflater(std::string_view in, std::size_t expected_size, std::size_t max_size)
      : in_(reinterpret_cast<const std::uint8_t*>(in.data())),
        in_size_(in.size()),
        max_size_(max_size) {
    std::size_t initial = expected_size != 0 ? expected_size : in.size() * 4 + 1024;
    // A claimed size beyond what DEFLATE can reach (258 bytes per two bits at best) is a lie:
    // it must not make a few bytes of input reserve a gigabyte.
    initial = std::min({initial, max_size, in.size() * 1032 + 1024});
    out_.resize(initial + kSlack);
    capacity_ = initial;
  }

  Result<std::string> run() {
    bool final_block = false;
    while (!final_block) {
      refill();
      final_block = take(1) == 1;
      const std::uint32_t type = take(2);
      const char* failure = nullptr;
      if (type == 0) {
        failure = stored_block();
      } else if (type == 1) {
        if (!fixed_loaded_) load_fixed_tables();
        failure = huffman_block();
      } else if (type == 2) {
        failure = read_dynamic_tables();
        if (failure == nullptr) failure = huffman_block();
      } else {
        failure = "a block has the reserved type 3";
      }
      if (failure != nullptr) {
        if (failure == kTooLarge) {
          return Error{.message = "The decompressed data is larger than the limit of " +
                                  std::to_string(max_size_) + " bytes.",
                       .code = "inflate_too_large",
                       .params = {{"limit_bytes", max_size_}}};
        }
        return corrupt(failure);
      }
    }
    if (bit_count_ < phantom_bits_) return corrupt(kTruncated);
    out_.resize(out_pos_);
    return std::move(out_);
  }

 private:
  static constexpr const char* kTruncated = "the stream ends in the middle of a block";
  static constexpr const char* kTooLarge = "too large";

  // Tops the buffer up to at least 56 bits. Past the end of the input it adds zero bytes and
  // counts them, so decoding never reads out of bounds; consuming any of them means truncation.
  void refill() {
    if (in_pos_ + 8 <= in_size_) {
      std::uint64_t word = 0;
      std::memcpy(&word, in_ + in_pos_, 8);
      bits_ |= word << bit_count_;
      in_pos_ += (63 - bit_count_) >> 3;
      bit_count_ |= 56;
      return;
    }
    while (bit_count_ <= 56) {
      std::uint64_t byte = 0;
      if (in_pos_ < in_size_) {
        byte = in_[in_pos_++];
      } else {
        phantom_bits_ += 8;
      }
      bits_ |= byte << bit_count_;
      bit_count_ += 8;
    }
  }

  void consume(unsigned n) {
    bits_ >>= n;
    bit_count_ -= n;
  }

  // n <= 32; refills as needed.
  std::uint32_t take(unsigned n) {
    if (bit_count_ < n) refill();
    const auto value = static_cast<std::uint32_t>(bits_ & ((std::uint64_t{1} << n) - 1));
    consume(n);
    return value;
  }

  [[nodiscard]] bool truncated() const { return bit_count_ < phantom_bits_; }

  // Makes room for `n` more output bytes, refusing to pass max_size.
  bool ensure_room(std::size_t n) {
    if (out_pos_ + n <= capacity_) return true;
    if (n > max_size_ - out_pos_) return false;
    std::size_t grown = std::max(capacity_ * 2, out_pos_ + n);
    grown = std::min(grown, max_size_);
    out_.resize(grown + kSlack);
    capacity_ = grown;
    return true;
  }

  const char* stored_block() {
    consume(bit_count_ & 7);
    if (truncated()) return kTruncated;
    // Hand back the whole bytes still held in the bit buffer.
    in_pos_ -= (bit_count_ - phantom_bits_) / 8;
    bits_ = 0;
    bit_count_ = 0;
    phantom_bits_ = 0;
    if (in_size_ - in_pos_ < 4) return kTruncated;
    const std::uint32_t len = in_[in_pos_] | static_cast<std::uint32_t>(in_[in_pos_ + 1]) << 8;
    const std::uint32_t nlen = in_[in_pos_ + 2] | static_cast<std::uint32_t>(in_[in_pos_ + 3]) << 8;
    in_pos_ += 4;
    if (len != (~nlen & 0xFFFF)) return "a stored block's length check does not match";
    if (in_size_ - in_pos_ < len) return kTruncated;
    if (!ensure_room(len)) return kTooLarge;
    std::memcpy(out_.data() + out_pos_, in_ + in_pos_, len);
    out_pos_ += len;
    in_pos_ += len;
    return nullptr;
  }

  void load_fixed_tables() {
    std::array<std::uint8_t, kLitLenSymbols> lengths{};
    std::fill(lengths.begin(), lengths.begin() + 144, 8);
    std::fill(lengths.begin() + 144, lengths.begin() + 256, 9);
    std::fill(lengths.begin() + 256, lengths.begin() + 280, 7);
    std::fill(lengths.begin() + 280, lengths.end(), 8);
    build_table(lengths.data(), kLitLenSymbols, kAlphabets.lit_len.data(), kLitLenRootBits,
                lit_len_);
    std::array<std::uint8_t, kDistSymbols> dist_lengths{};
    dist_lengths.fill(5);
    build_table(dist_lengths.data(), kDistSymbols, kAlphabets.dist.data(), kDistRootBits, dist_);
    fixed_loaded_ = true;
  }

  const char* read_dynamic_tables() {
    fixed_loaded_ = false;
    const std::uint32_t lit_len_count = take(5) + 257;
    const std::uint32_t dist_count = take(5) + 1;
    const std::uint32_t code_length_count = take(4) + 4;
    if (lit_len_count > 286 || dist_count > 30) return "a block declares too many codes";
    std::array<std::uint8_t, kCodeLengthSymbols> code_lengths{};
    for (std::uint32_t i = 0; i < code_length_count; ++i)
      code_lengths[kCodeLengthOrder[i]] = static_cast<std::uint8_t>(take(3));
    if (!build_table(code_lengths.data(), kCodeLengthSymbols, kAlphabets.code_length.data(),
                     kCodeLengthRootBits, code_length_)) {
      return "a block's code-length code is over-subscribed";
    }

    std::array<std::uint8_t, 286 + 30> lengths{};
    const std::uint32_t total = lit_len_count + dist_count;
    std::uint32_t n = 0;
    while (n < total) {
      if (bit_count_ < 16) refill();
      const std::uint32_t e = code_length_[bits_ & ((1u << kCodeLengthRootBits) - 1)];
      if (entry_kind(e) == kInvalid) return "a block uses an undefined code-length code";
      consume(entry_bits(e));
      const std::uint32_t symbol = entry_value(e);
      if (symbol < 16) {
        lengths[n++] = static_cast<std::uint8_t>(symbol);
        continue;
      }
      std::uint8_t value = 0;
      std::uint32_t repeat = 0;
      if (symbol == 16) {
        if (n == 0) return "a block repeats a code length before any was given";
        value = lengths[n - 1];
        repeat = 3 + take(2);
      } else if (symbol == 17) {
        repeat = 3 + take(3);
      } else {
        repeat = 11 + take(7);
      }
      if (repeat > total - n) return "a block's code lengths overrun their count";
      std::fill_n(lengths.begin() + n, repeat, value);
      n += repeat;
    }
    if (truncated()) return kTruncated;
    if (lengths[256] == 0) return "a block has no end-of-block code";
    if (!build_table(lengths.data(), lit_len_count, kAlphabets.lit_len.data(), kLitLenRootBits,
                     lit_len_)) {
      return "a block's literal/length code is over-subscribed";
    }
    if (!build_table(lengths.data() + lit_len_count, dist_count, kAlphabets.dist.data(),
                     kDistRootBits, dist_)) {
      return "a block's distance code is over-subscribed";
    }
    return nullptr;
  }

  static std::uint32_t lookup(const std::vector<std::uint32_t>& table, unsigned root_bits,
                              std::uint64_t bits) {
    std::uint32_t e = table[bits & ((1u << root_bits) - 1)];
    if (entry_kind(e) == kSubtable) {
      const std::uint32_t index =
          static_cast<std::uint32_t>(bits >> root_bits) & ((1u << entry_extra(e)) - 1);
      e = table[entry_value(e) + index];
    }
    return e;
  }

  const char* huffman_block() {
    const std::uint32_t* const lit_len = lit_len_.data();
    for (;;) {
      // One symbol needs at most 15 + 5 + 15 + 13 = 48 bits.
      if (bit_count_ < 48) refill();
      std::uint32_t e = lit_len[bits_ & ((1u << kLitLenRootBits) - 1)];
      if (entry_kind(e) == kSubtable) e = lookup(lit_len_, kLitLenRootBits, bits_);
      consume(entry_bits(e));
      const std::uint32_t kind = entry_kind(e);
      if (kind == kLiteral) {
        if (truncated()) return kTruncated;
        if (out_pos_ >= capacity_ && !ensure_room(1)) return kTooLarge;
        out_[out_pos_++] = static_cast<char>(entry_value(e));
        continue;
      }
      if (kind == kEndOfBlock) return truncated() ? kTruncated : nullptr;
      if (kind != kBase) return "a block uses an undefined literal/length code";
      std::uint32_t extra = entry_extra(e);
      const std::size_t length =
          entry_value(e) + static_cast<std::uint32_t>(bits_ & ((1u << extra) - 1));
      consume(extra);
      const std::uint32_t d = lookup(dist_, kDistRootBits, bits_);
      if (entry_kind(d) != kBase) return "a block uses an undefined distance code";
      consume(entry_bits(d));
      extra = entry_extra(d);
      const std::size_t distance =
          entry_value(d) + static_cast<std::uint32_t>(bits_ & ((1u << extra) - 1));
      consume(extra);
      if (truncated()) return kTruncated;
      if (distance > out_pos_) return "a match refers to data before the start of the output";
      if (!ensure_room(length)) return kTooLarge;
      copy_match(distance, length);
    }
  }

  void copy_match(std::size_t distance, std::size_t length) {
    char* dst = out_.data() + out_pos_;
    const char* src = dst - distance;
    out_pos_ += length;
    if (distance >= 8) {
      // Each 8-byte word read lies wholly before the bytes being written; the slack after the
      // output absorbs the overshoot.
      for (std::size_t i = 0; i < length; i += 8) std::memcpy(dst + i, src + i, 8);
    } else if (distance == 1) {
      std::memset(dst, *src, length);
    } else {
      for (std::size_t i = 0; i < length; ++i) dst[i] = src[i];
    }
  }

  const std::uint8_t* in_;
  std::size_t in_size_;
  std::size_t in_pos_ = 0;
  std::uint64_t bits_ = 0;
  unsigned bit_count_ = 0;
  unsigned phantom_bits_ = 0;

  std::string out_;
  std::size_t out_pos_ = 0;
  std::size_t capacity_ = 0;
  std::size_t max_size_;

  std::vector<std::uint32_t> lit_len_;
  std::vector<std::uint32_t> dist_;
  std::vector<std::uint32_t> code_length_;
  bool fixed_loaded_ = false;
};

}  // namespace

Result<std::string> inflate_raw(std::string_view compressed, std::size_t expected_size,
                                std::size_t max_size) {
  Inflater inflater(compressed, expected_size, max_size);
  return inflater.run();
}

}  // namespace servimetrics
