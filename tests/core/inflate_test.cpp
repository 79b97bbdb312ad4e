// inflate_raw: zlib's own raw streams (stored, fixed and dynamic blocks) decode to the original
// bytes; hand-built streams cover overlapping matches and each class of corrupt input; the size
// limit stops expansion; truncations, random bytes and bit flips end in an error, not a crash.
#include "formats/inflate.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

namespace servimetrics {
namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(SERVIMETRICS_SOURCE_DIR) + "/tests/fixtures/xlsx/" + name,
                   std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string hex(std::string_view digits) {
  std::string bytes;
  for (std::size_t i = 0; i + 1 < digits.size(); i += 2)
    bytes.push_back(static_cast<char>(std::stoi(std::string(digits.substr(i, 2)), nullptr, 16)));
  return bytes;
}

// Writes DEFLATE bits: header fields and extra bits least significant bit first, Huffman codes
// most significant bit first (RFC 1951 section 3.1.1).
class BitWriter {
 public:
  void bits(std::uint32_t value, unsigned count) {
    for (unsigned i = 0; i < count; ++i) put((value >> i) & 1);
  }
  void code(std::uint32_t value, unsigned length) {
    for (unsigned i = length; i-- > 0;) put((value >> i) & 1);
  }
  // Fixed literal/length code of a symbol (RFC 1951 section 3.2.6).
  void fixed_symbol(std::uint32_t symbol) {
    if (symbol < 144) {
      code(0x30 + symbol, 8);
    } else if (symbol < 256) {
      code(0x190 + symbol - 144, 9);
    } else if (symbol < 280) {
      code(symbol - 256, 7);
    } else {
      code(0xC0 + symbol - 280, 8);
    }
  }
  [[nodiscard]] std::string bytes() const { return out_; }

 private:
  void put(std::uint32_t bit) {
    if (used_ == 0) out_.push_back(0);
    out_.back() = static_cast<char>(static_cast<unsigned char>(out_.back()) | (bit << used_));
    used_ = (used_ + 1) & 7;
  }
  std::string out_;
  unsigned used_ = 0;
};

constexpr std::size_t kLimit = std::size_t{1} << 24;

TEST(Inflate, ZlibStreamsAtEveryLevelMatchTheOriginal) {
  const std::string original = fixture("inflate_sample.bin");
  ASSERT_EQ(original.size(), 77961u);
  for (const char* name : {"inflate_sample.level0.deflate", "inflate_sample.level1.deflate",
                           "inflate_sample.level9.deflate", "inflate_sample.fixed.deflate"}) {
    const std::string compressed = fixture(name);
    ASSERT_FALSE(compressed.empty()) << name;
    auto result = inflate_raw(compressed, original.size(), kLimit);
    ASSERT_TRUE(result.ok()) << name << ": " << result.error().message;
    EXPECT_EQ(result.value(), original) << name;
    // The announced size is only a hint: unknown or wrong sizes give the same bytes.
    for (const std::size_t hint : {std::size_t{0}, std::size_t{10}, original.size() * 3}) {
      auto hinted = inflate_raw(compressed, hint, kLimit);
      ASSERT_TRUE(hinted.ok()) << name;
      EXPECT_EQ(hinted.value(), original) << name << " hint " << hint;
    }
  }
}

TEST(Inflate, SmallZlibStreams) {
  auto empty = inflate_raw(hex("0300"), 0, kLimit);
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty.value(), "");
  auto one = inflate_raw(hex("4b0400"), 1, kLimit);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one.value(), "a");
  auto repeated = inflate_raw(hex("cb48cdc9c957c8402701"), 23, kLimit);
  ASSERT_TRUE(repeated.ok());
  EXPECT_EQ(repeated.value(), "hello hello hello hello");
  // A size claim no DEFLATE stream of 3 bytes can reach reserves no gigabyte.
  auto claimed = inflate_raw(hex("4b0400"), std::size_t{1} << 30, std::size_t{1} << 30);
  ASSERT_TRUE(claimed.ok());
  EXPECT_EQ(claimed.value(), "a");
  EXPECT_LT(claimed.value().capacity(), std::size_t{1} << 20);
  // Bytes after the final block are ignored.
  auto trailing = inflate_raw(hex("4b0400") + "junk", 1, kLimit);
  ASSERT_TRUE(trailing.ok());
  EXPECT_EQ(trailing.value(), "a");
}

TEST(Inflate, StoredBlocksByHand) {
  // Not final, stored "hel"; then final, stored "lo".
  const std::string stream = std::string("\x00\x03\x00\xfc\xff", 5) + "hel" +
                             std::string("\x01\x02\x00\xfd\xff", 5) + "lo";
  auto result = inflate_raw(stream, 0, kLimit);
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result.value(), "hello");

  auto bad_check = inflate_raw(std::string("\x01\x02\x00\xfc\xff", 5) + "lo", 0, kLimit);
  ASSERT_FALSE(bad_check.ok());
  EXPECT_NE(bad_check.error().message.find("length check"), std::string::npos);

  auto short_data = inflate_raw(std::string("\x01\x05\x00\xfa\xff", 5) + "he", 0, kLimit);
  ASSERT_FALSE(short_data.ok());
  EXPECT_NE(short_data.error().message.find("ends in the middle"), std::string::npos);
}

TEST(Inflate, OverlappingMatchesRepeatTheirSource) {
  BitWriter w;
  w.bits(1, 1);  // final
  w.bits(1, 2);  // fixed Huffman
  for (const char c : std::string("abc")) w.fixed_symbol(static_cast<unsigned char>(c));
  w.fixed_symbol(265);  // length 11 + 1 extra bit
  w.bits(1, 1);         // -> 12
  w.code(2, 5);         // distance 3
  w.fixed_symbol('x');
  w.fixed_symbol(257);  // length 3
  w.code(0, 5);         // distance 1
  w.fixed_symbol(285);  // length 258
  w.code(6, 5);         // distance 9 + 2 extra bits
  w.bits(3, 2);         // -> 12
  w.fixed_symbol(256);
  auto result = inflate_raw(w.bytes(), 0, kLimit);
  ASSERT_TRUE(result.ok()) << result.error().message;
  std::string expected = "abcabcabcabcabcx" + std::string(3, 'x');
  for (int i = 0; i < 258; ++i) expected.push_back(expected[expected.size() - 12]);
  EXPECT_EQ(result.value(), expected);
}

std::string error_of(const std::string& stream, std::size_t limit = kLimit) {
  auto result = inflate_raw(stream, 0, limit);
  return result.ok() ? "ok: " + result.value() : result.error().message;
}

TEST(Inflate, CorruptStreamsAreErrors) {
  EXPECT_NE(error_of("").find("ends in the middle"), std::string::npos);
  EXPECT_NE(error_of("\x07").find("reserved type 3"), std::string::npos);
  {
    BitWriter w;  // a match before any output
    w.bits(3, 3);
    w.fixed_symbol(257);
    w.code(0, 5);
    w.fixed_symbol(256);
    EXPECT_NE(error_of(w.bytes()).find("before the start"), std::string::npos);
  }
  {
    BitWriter w;  // literal/length symbol 286 exists in the fixed code but means nothing
    w.bits(3, 3);
    w.fixed_symbol('a');
    w.fixed_symbol(286);
    EXPECT_NE(error_of(w.bytes()).find("undefined literal/length"), std::string::npos);
  }
  {
    BitWriter w;  // distance code 30
    w.bits(3, 3);
    w.fixed_symbol('a');
    w.fixed_symbol(257);
    w.code(30, 5);
    EXPECT_NE(error_of(w.bytes()).find("undefined distance"), std::string::npos);
  }
  {
    BitWriter w;  // dynamic header with 287 literal/length codes
    w.bits(5, 3);
    w.bits(30, 5);
    w.bits(0, 5);
    w.bits(0, 4);
    EXPECT_NE(error_of(w.bytes()).find("too many codes"), std::string::npos);
  }
  {
    BitWriter w;  // all 19 code-length codes one bit long
    w.bits(5, 3);
    w.bits(0, 5);
    w.bits(0, 5);
    w.bits(15, 4);
    for (int i = 0; i < 19; ++i) w.bits(1, 3);
    EXPECT_NE(error_of(w.bytes()).find("over-subscribed"), std::string::npos);
  }
  {
    BitWriter w;  // code-length symbol 16 (repeat previous) as the very first length
    w.bits(5, 3);
    w.bits(0, 5);
    w.bits(0, 5);
    w.bits(0, 4);  // 4 code-length codes: symbols 16, 17, 18, 0 get lengths 1, 0, 0, 1
    w.bits(1, 3);
    w.bits(0, 3);
    w.bits(0, 3);
    w.bits(1, 3);
    w.code(1, 1);  // symbol 16 (canonical: 0 -> code 0, 16 -> code 1)
    w.bits(0, 2);
    EXPECT_NE(error_of(w.bytes()).find("before any was given"), std::string::npos);
  }
  {
    BitWriter w;  // code lengths with no end-of-block code: every length 0 via symbol 18
    w.bits(5, 3);
    w.bits(0, 5);
    w.bits(0, 5);
    w.bits(0, 4);
    w.bits(0, 3);  // 16
    w.bits(0, 3);  // 17
    w.bits(1, 3);  // 18
    w.bits(1, 3);  // 0
    w.code(0, 1);  // symbol 0: one length 0
    w.code(1, 1);  // symbol 18: 11 + 127 zeros
    w.bits(127, 7);
    w.code(1, 1);  // symbol 18: 11 + 108 zeros, 258 lengths in all
    w.bits(108, 7);
    EXPECT_NE(error_of(w.bytes()).find("end-of-block"), std::string::npos);
  }
}

TEST(Inflate, RefusesOutputAboveTheLimit) {
  // 'a' then 4,000 matches of 258 bytes: about 1 MB from 6.5 KB, a small zip bomb.
  BitWriter w;
  w.bits(3, 3);
  w.fixed_symbol('a');
  for (int i = 0; i < 4000; ++i) {
    w.fixed_symbol(285);
    w.code(0, 5);
  }
  w.fixed_symbol(256);
  const std::size_t full = 1 + 4000 * 258;
  auto exact = inflate_raw(w.bytes(), full, full);
  ASSERT_TRUE(exact.ok()) << exact.error().message;
  EXPECT_EQ(exact.value(), std::string(full, 'a'));
  auto refused = inflate_raw(w.bytes(), 0, full - 1);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("larger than the limit of 1032000 bytes"),
            std::string::npos);
  const std::string stored = fixture("inflate_sample.level0.deflate");
  EXPECT_FALSE(inflate_raw(stored, 0, 50000).ok());
}

TEST(Inflate, EveryTruncationIsAnError) {
  for (const char* name : {"inflate_sample.level1.deflate", "inflate_sample.fixed.deflate",
                           "inflate_sample.level0.deflate"}) {
    const std::string compressed = fixture(name);
    for (std::size_t cut = 0; cut < compressed.size(); cut += cut < 300 ? 1 : 97) {
      auto result = inflate_raw(std::string_view(compressed).substr(0, cut), 0, kLimit);
      EXPECT_FALSE(result.ok()) << name << " cut at " << cut;
    }
  }
}

TEST(Inflate, RandomBytesAndBitFlipsNeverCrash) {
  std::mt19937 rng(12345);
  std::size_t errors = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string bytes(rng() % 300, '\0');
    for (char& c : bytes) c = static_cast<char>(rng());
    errors += inflate_raw(bytes, 0, 1 << 20).ok() ? 0 : 1;
  }
  EXPECT_GT(errors, 2000u);
  const std::string original = fixture("inflate_sample.bin");
  const std::string compressed = fixture("inflate_sample.level9.deflate");
  std::size_t detected = 0;
  for (int round = 0; round < 300; ++round) {
    std::string damaged = compressed;
    char& byte = damaged[rng() % damaged.size()];
    byte = static_cast<char>(static_cast<unsigned char>(byte) ^ (1u << (rng() % 8)));
    auto result = inflate_raw(damaged, original.size(), 1 << 20);
    detected += !result.ok() || result.value() != original ? 1 : 0;
  }
  // Nearly every flip changes the output or fails; a flip in the padding after the last block
  // cannot. A changed output is what the CRC-32 of the ZIP entry catches.
  EXPECT_GE(detected, 295u);
}

}  // namespace
}  // namespace servimetrics
