// The special bytes of CSV text found 64 at a time: the target's SIMD path, the portable one and a
// byte-by-byte reading agree on every kind of byte, at every offset and near the end of the text.
#include "formats/csv_bytes.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace servimetrics {
namespace {

std::uint64_t reference_bits(const std::string& text, std::size_t at, char delimiter) {
  std::uint64_t bits = 0;
  for (std::size_t k = 0; k < 64 && at + k < text.size(); ++k) {
    const char c = text[at + k];
    const bool special =
        c == '"' || c == '\n' || c == '\r' || c == delimiter || (delimiter == ' ' && c == '\t');
    if (special) bits |= std::uint64_t{1} << k;
  }
  return bits;
}

TEST(CsvBytes, SimdPortableAndByteByByteAgree) {
  std::mt19937 random(17);
  // Specials, bytes one off them (borrows and carries in the word trick), high bytes and NUL.
  const std::string alphabet = std::string("\",;\t| \n\r!#+-:\x7F\x80\xA2\xFF\x01\x0C\x0E", 20) +
                               std::string(1, '\0') + "abc019";
  std::string text(4096 + 100, ' ');
  for (char& c : text) c = alphabet[random() % alphabet.size()];
  for (const char delimiter : {',', ';', '\t', '|', ' '}) {
    SCOPED_TRACE(std::string("delimiter ") + delimiter);
    const auto specials = csv_bytes::specials_for(delimiter);
    for (std::size_t at = 0; at + 64 <= text.size(); at += 7) {
      const std::uint64_t expected = reference_bits(text, at, delimiter);
      ASSERT_EQ(csv_bytes::block_bits(text.data() + at, specials), expected) << at;
      ASSERT_EQ(csv_bytes::block_bits_portable(text.data() + at, specials), expected) << at;
    }
    // The last bytes: nothing past the end is read or reported.
    for (std::size_t left = 0; left < 64; ++left) {
      const std::size_t at = text.size() - left;
      EXPECT_EQ(csv_bytes::block_bits_at(text.data(), text.size(), at, specials),
                reference_bits(text, at, delimiter))
          << left;
    }
  }
}

TEST(CsvBytes, EveryByteValueAtEveryPosition) {
  const auto specials = csv_bytes::specials_for(',');
  for (int value = 0; value < 256; ++value) {
    for (std::size_t k = 0; k < 64; ++k) {
      std::string text(64, 'x');
      text[k] = static_cast<char>(value);
      const std::uint64_t expected = reference_bits(text, 0, ',');
      ASSERT_EQ(csv_bytes::block_bits(text.data(), specials), expected) << value << " at " << k;
      ASSERT_EQ(csv_bytes::block_bits_portable(text.data(), specials), expected) << value;
    }
  }
}

}  // namespace
}  // namespace servimetrics
