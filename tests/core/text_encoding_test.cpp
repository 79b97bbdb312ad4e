// Encoding names, detect_encoding, looks_binary and TextDecoder: byte-order marks of each
// encoding, GBK / GB18030 / UTF-16 bytes written by Python's codecs (inline and as fixture files
// in tests/fixtures/encodings/), two- and four-byte GB18030 sequences, every split of inputs
// across chunks, invalid bytes replaced by U+FFFD and counted with the offset of the first.
#include "formats/text_encoding.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace {

using servimetrics::detect_encoding;
using servimetrics::Encoding;
using servimetrics::encoding_from_name;
using servimetrics::encoding_name;
using servimetrics::looks_binary;
using servimetrics::TextDecoder;

constexpr std::string_view kFffd = "\xEF\xBF\xBD";

// "客户ID,金额\r\n张三,100" as Python writes it.
constexpr std::string_view kUtf8Sample =
    "\xE5\xAE\xA2\xE6\x88\xB7\x49\x44\x2C\xE9\x87\x91\xE9\xA2\x9D\x0D\x0A\xE5\xBC\xA0\xE4\xB8"
    "\x89\x2C\x31\x30\x30";
// .encode('gbk'), identical to .encode('gb18030') for these characters.
constexpr std::string_view kGbkSample =
    "\xBF\xCD\xBB\xA7\x49\x44\x2C\xBD\xF0\xB6\xEE\x0D\x0A\xD5\xC5\xC8\xFD\x2C\x31\x30\x30";
// .encode('utf-16'): little-endian with a byte-order mark.
constexpr std::string_view kUtf16LeSample(
    "\xFF\xFE\xA2\x5B\x37\x62\x49\x00\x44\x00\x2C\x00\xD1\x91\x9D\x98\x0D\x00\x0A\x00\x20\x5F"
    "\x09\x4E\x2C\x00\x31\x00\x30\x00\x30\x00",
    32);
// '\ufeff' + text, .encode('utf-16-be').
constexpr std::string_view kUtf16BeSample(
    "\xFE\xFF\x5B\xA2\x62\x37\x00\x49\x00\x44\x00\x2C\x91\xD1\x98\x9D\x00\x0D\x00\x0A\x5F\x20"
    "\x4E\x09\x00\x2C\x00\x31\x00\x30\x00\x30",
    32);

struct Decoded {
  std::string text;
  std::uint64_t replaced = 0;
  std::uint64_t first_offset = 0;
};

Decoded decode_chunks(Encoding encoding, const std::vector<std::string_view>& chunks) {
  TextDecoder decoder(encoding);
  Decoded out;
  for (std::size_t i = 0; i < chunks.size(); ++i) {
    decoder.decode(chunks[i], i + 1 == chunks.size(), out.text);
  }
  out.replaced = decoder.replaced();
  out.first_offset = decoder.first_replaced_offset();
  return out;
}

Decoded decode_all(Encoding encoding, std::string_view bytes) {
  return decode_chunks(encoding, {bytes});
}

std::string read_fixture(const std::string& name) {
  const std::string path =
      std::string(SERVIMETRICS_SOURCE_DIR) + "/tests/fixtures/encodings/" + name;
  std::string bytes;
  FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    ADD_FAILURE() << "cannot open " << path;
    return bytes;
  }
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) bytes.append(buffer, n);
  std::fclose(file);
  return bytes;
}

// Decoding in two chunks split at every position, and in three chunks split at every pair of
// positions, gives the same text, count and offset as decoding in one piece.
void expect_same_for_every_split(Encoding encoding, std::string_view bytes) {
  const Decoded whole = decode_all(encoding, bytes);
  for (std::size_t i = 0; i <= bytes.size(); ++i) {
    const Decoded two = decode_chunks(encoding, {bytes.substr(0, i), bytes.substr(i)});
    ASSERT_EQ(two.text, whole.text) << "split at " << i;
    ASSERT_EQ(two.replaced, whole.replaced) << "split at " << i;
    ASSERT_EQ(two.first_offset, whole.first_offset) << "split at " << i;
    for (std::size_t j = i; j <= bytes.size(); ++j) {
      const Decoded three =
          decode_chunks(encoding, {bytes.substr(0, i), bytes.substr(i, j - i), bytes.substr(j)});
      ASSERT_EQ(three.text, whole.text) << "splits at " << i << ", " << j;
      ASSERT_EQ(three.replaced, whole.replaced) << "splits at " << i << ", " << j;
    }
  }
  std::vector<std::string_view> single_bytes;
  for (std::size_t i = 0; i < bytes.size(); ++i) single_bytes.push_back(bytes.substr(i, 1));
  const Decoded bytewise = decode_chunks(encoding, single_bytes);
  EXPECT_EQ(bytewise.text, whole.text);
  EXPECT_EQ(bytewise.replaced, whole.replaced);
  EXPECT_EQ(bytewise.first_offset, whole.first_offset);
}

// ---- names

TEST(EncodingNames, NamesRoundTrip) {
  for (const Encoding e :
       {Encoding::utf8, Encoding::utf16le, Encoding::utf16be, Encoding::gb18030}) {
    EXPECT_EQ(encoding_from_name(encoding_name(e)), e);
  }
  EXPECT_EQ(encoding_name(Encoding::utf8), "utf-8");
  EXPECT_EQ(encoding_name(Encoding::utf16le), "utf-16le");
  EXPECT_EQ(encoding_name(Encoding::utf16be), "utf-16be");
  EXPECT_EQ(encoding_name(Encoding::gb18030), "gb18030");
}

TEST(EncodingNames, AliasesAreCaseInsensitive) {
  EXPECT_EQ(encoding_from_name("UTF8"), Encoding::utf8);
  EXPECT_EQ(encoding_from_name("Utf-8"), Encoding::utf8);
  EXPECT_EQ(encoding_from_name("UTF16LE"), Encoding::utf16le);
  EXPECT_EQ(encoding_from_name("utf16be"), Encoding::utf16be);
  EXPECT_EQ(encoding_from_name("GBK"), Encoding::gb18030);
  EXPECT_EQ(encoding_from_name("GB2312"), Encoding::gb18030);
  EXPECT_EQ(encoding_from_name("CP936"), Encoding::gb18030);
  EXPECT_EQ(encoding_from_name("Windows-936"), Encoding::gb18030);
}

TEST(EncodingNames, UnknownNamesGiveNothing) {
  EXPECT_FALSE(encoding_from_name(""));
  EXPECT_FALSE(encoding_from_name("latin1"));
  EXPECT_FALSE(encoding_from_name("utf-16"));  // the byte order must be named
  EXPECT_FALSE(encoding_from_name("utf-8 "));
  EXPECT_FALSE(encoding_from_name("gbk2"));
}

// ---- TextDecoder: UTF-8

TEST(TextDecoderUtf8, ValidTextPassesThroughAndBomIsDropped) {
  const Decoded plain = decode_all(Encoding::utf8, kUtf8Sample);
  EXPECT_EQ(plain.text, kUtf8Sample);
  EXPECT_EQ(plain.replaced, 0U);
  EXPECT_EQ(plain.first_offset, UINT64_MAX);

  const Decoded with_bom = decode_all(Encoding::utf8, "\xEF\xBB\xBF" + std::string(kUtf8Sample));
  EXPECT_EQ(with_bom.text, kUtf8Sample);
  EXPECT_EQ(with_bom.replaced, 0U);
}

TEST(TextDecoderUtf8, OnlyALeadingBomIsDropped) {
  EXPECT_EQ(decode_all(Encoding::utf8, "a\xEF\xBB\xBF").text, "a\xEF\xBB\xBF");
  // A second mark right after the first is a character of the text.
  EXPECT_EQ(decode_all(Encoding::utf8, "\xEF\xBB\xBF\xEF\xBB\xBF").text, "\xEF\xBB\xBF");
  // The mark split across chunks is still recognised.
  EXPECT_EQ(decode_chunks(Encoding::utf8, {"\xEF", "\xBB",
                                           "\xBF"
                                           "a"})
                .text,
            "a");
}

TEST(TextDecoderUtf8, FourByteCharactersAndEdgesOfTheRanges) {
  // U+0080, U+07FF, U+0800, U+FFFF, U+10000, U+10FFFF are all valid.
  const std::string_view edges =
      "\xC2\x80\xDF\xBF\xE0\xA0\x80\xEF\xBF\xBF\xF0\x90\x80\x80\xF4\x8F\xBF\xBF";
  const Decoded d = decode_all(Encoding::utf8, edges);
  EXPECT_EQ(d.text, edges);
  EXPECT_EQ(d.replaced, 0U);
}

TEST(TextDecoderUtf8, InvalidBytesAreReplacedAndCounted) {
  // C0 can never lead, AF cannot start: two replacements, the first at offset 1.
  Decoded d = decode_all(Encoding::utf8,
                         "a\xC0\xAF"
                         "b");
  EXPECT_EQ(d.text, "a" + std::string(kFffd) + std::string(kFffd) + "b");
  EXPECT_EQ(d.replaced, 2U);
  EXPECT_EQ(d.first_offset, 1U);

  // A sequence cut short by an ASCII byte is one replacement; the ASCII byte is kept.
  d = decode_all(Encoding::utf8,
                 "\xE4\xB8"
                 "A");
  EXPECT_EQ(d.text, std::string(kFffd) + "A");
  EXPECT_EQ(d.replaced, 1U);
  EXPECT_EQ(d.first_offset, 0U);

  // Overlong forms, surrogates and code points past U+10FFFF: one replacement per byte.
  for (const std::string_view bad : {"\xE0\x80\x80", "\xED\xA0\x80", "\xF4\x90\x80"}) {
    d = decode_all(Encoding::utf8, bad);
    EXPECT_EQ(d.replaced, 3U) << bad.size();
    EXPECT_EQ(d.text, std::string(kFffd) + std::string(kFffd) + std::string(kFffd));
  }
  d = decode_all(Encoding::utf8, "\xF8\x88\x80\x80\x80");  // old five-byte form
  EXPECT_EQ(d.replaced, 5U);
  d = decode_all(Encoding::utf8, "x\xFF");
  EXPECT_EQ(d.text, "x" + std::string(kFffd));
  EXPECT_EQ(d.first_offset, 1U);
}

TEST(TextDecoderUtf8, IncompleteCharacterAtTheEndIsOneReplacement) {
  const Decoded d = decode_all(Encoding::utf8, "ab\xF0\x9F\x98");
  EXPECT_EQ(d.text, "ab" + std::string(kFffd));
  EXPECT_EQ(d.replaced, 1U);
  EXPECT_EQ(d.first_offset, 2U);
}

TEST(TextDecoderUtf8, CharacterSplitAcrossChunksWaitsForTheRest) {
  TextDecoder decoder(Encoding::utf8);
  std::string out;
  decoder.decode("ab\xE5\xBC", false, out);
  EXPECT_EQ(out, "ab");  // the first bytes of 张 are kept back
  decoder.decode("\xA0", true, out);
  EXPECT_EQ(out, "ab\xE5\xBC\xA0");
  EXPECT_EQ(decoder.replaced(), 0U);
}

TEST(TextDecoderUtf8, EmptyChunksChangeNothing) {
  TextDecoder decoder(Encoding::utf8);
  std::string out;
  decoder.decode(std::string_view{}, false, out);
  decoder.decode("\xEF\xBB", false, out);
  decoder.decode(std::string_view{}, false, out);
  decoder.decode("\xBF\xE5", false, out);
  decoder.decode("", false, out);
  EXPECT_EQ(out, "");
  decoder.decode(std::string_view{}, true, out);  // the end comes with 张 unfinished
  EXPECT_EQ(out, kFffd);
  EXPECT_EQ(decoder.replaced(), 1U);
  EXPECT_EQ(decoder.first_replaced_offset(), 3U);
}

TEST(TextDecoderUtf8, OffsetsCountAcrossChunksAndTheBom) {
  // The first bad byte is in the third chunk, at input offset 3 + 4 + 2 = 9.
  const Decoded d = decode_chunks(Encoding::utf8, {"\xEF\xBB\xBF", "abcd", "ef\x80g", "\xC3"});
  EXPECT_EQ(d.text, "abcdef" + std::string(kFffd) + "g" + std::string(kFffd));
  EXPECT_EQ(d.replaced, 2U);
  EXPECT_EQ(d.first_offset, 9U);
}

TEST(TextDecoderUtf8, LongRunsAroundAnInvalidByte) {
  std::string bytes(5000, 'x');
  bytes += '\xFF';
  bytes += std::string(3000, 'y');
  bytes += kUtf8Sample;
  const Decoded d = decode_all(Encoding::utf8, bytes);
  EXPECT_EQ(d.text, std::string(5000, 'x') + std::string(kFffd) + std::string(3000, 'y') +
                        std::string(kUtf8Sample));
  EXPECT_EQ(d.replaced, 1U);
  EXPECT_EQ(d.first_offset, 5000U);
}

TEST(TextDecoderUtf8, EverySplitGivesTheSameText) {
  expect_same_for_every_split(
      Encoding::utf8,
      "\xEF\xBB\xBF\xE5\xAE\xA2\xE6\x88\xB7,\xF0\x9F\x98\x80\xC3\xA9\xE4\xB8,\xFF\xF0\x9F\x98");
}

// decode_view in chunks gives decode()'s text, count and offset, for every split in three.
Decoded decode_views(Encoding encoding, const std::vector<std::string_view>& chunks) {
  TextDecoder decoder(encoding);
  Decoded out;
  std::string scratch;
  for (std::size_t i = 0; i < chunks.size(); ++i) {
    out.text += decoder.decode_view(chunks[i], i + 1 == chunks.size(), scratch);
  }
  out.replaced = decoder.replaced();
  out.first_offset = decoder.first_replaced_offset();
  return out;
}

TEST(TextDecoderUtf8, DecodeViewGivesTheSameTextForEverySplit) {
  const std::string_view bytes =
      "\xEF\xBB\xBFid,\xE5\xAE\xA2\xE6\x88\xB7,\xF0\x9F\x98\x80\xC3\xA9\xE4\xB8,\xFF\xF0\x9F\x98";
  const Decoded whole = decode_all(Encoding::utf8, bytes);
  for (std::size_t i = 0; i <= bytes.size(); ++i) {
    for (std::size_t j = i; j <= bytes.size(); ++j) {
      const Decoded three = decode_views(
          Encoding::utf8, {bytes.substr(0, i), bytes.substr(i, j - i), bytes.substr(j)});
      ASSERT_EQ(three.text, whole.text) << "splits at " << i << ", " << j;
      ASSERT_EQ(three.replaced, whole.replaced) << "splits at " << i << ", " << j;
      ASSERT_EQ(three.first_offset, whole.first_offset) << "splits at " << i << ", " << j;
    }
  }
}

TEST(TextDecoderUtf8, DecodeViewOfValidTextIsTheInputItself) {
  TextDecoder decoder(Encoding::utf8);
  std::string scratch;
  EXPECT_EQ(decoder.decode_view("\xEF\xBB\xBF"
                                "a,b\n",
                                false, scratch),
            "a,b\n");
  // Later chunks of valid UTF-8 are not copied; a character cut at the end waits for the rest.
  const std::string_view second = "c,\xE5\xAE\xA2\n\xE6\x88";
  const std::string_view view = decoder.decode_view(second, false, scratch);
  EXPECT_EQ(view.data(), second.data());
  EXPECT_EQ(view, "c,\xE5\xAE\xA2\n");
  EXPECT_EQ(decoder.decode_view("\xB7\n", true, scratch), "\xE6\x88\xB7\n");
  EXPECT_EQ(decoder.replaced(), 0U);
}

// ---- TextDecoder: UTF-16

TEST(TextDecoderUtf16, BothByteOrdersWithBom) {
  Decoded d = decode_all(Encoding::utf16le, kUtf16LeSample);
  EXPECT_EQ(d.text, kUtf8Sample);
  EXPECT_EQ(d.replaced, 0U);
  d = decode_all(Encoding::utf16be, kUtf16BeSample);
  EXPECT_EQ(d.text, kUtf8Sample);
  EXPECT_EQ(d.replaced, 0U);
  // Without the mark, the same text.
  EXPECT_EQ(decode_all(Encoding::utf16le, kUtf16LeSample.substr(2)).text, kUtf8Sample);
  EXPECT_EQ(decode_all(Encoding::utf16be, kUtf16BeSample.substr(2)).text, kUtf8Sample);
}

TEST(TextDecoderUtf16, SurrogatePairs) {
  // U+1F600 is D83D DE00; U+20000 is D840 DC00.
  EXPECT_EQ(
      decode_all(Encoding::utf16le, std::string_view("\x3D\xD8\x00\xDE\x40\xD8\x00\xDC", 8)).text,
      "\xF0\x9F\x98\x80\xF0\xA0\x80\x80");
  EXPECT_EQ(decode_all(Encoding::utf16be, std::string_view("\xD8\x3D\xDE\x00", 4)).text,
            "\xF0\x9F\x98\x80");
}

TEST(TextDecoderUtf16, LoneSurrogatesAndOddBytesAreReplaced) {
  // A lead surrogate followed by 'A': the lead is replaced, 'A' kept.
  Decoded d = decode_all(Encoding::utf16le, std::string_view("a\0\x3D\xD8"
                                                             "A\0",
                                                             6));
  EXPECT_EQ(d.text, "a" + std::string(kFffd) + "A");
  EXPECT_EQ(d.replaced, 1U);
  EXPECT_EQ(d.first_offset, 2U);
  // A trail surrogate alone.
  d = decode_all(Encoding::utf16be, std::string_view("\xDE\x00\x00z", 4));
  EXPECT_EQ(d.text, std::string(kFffd) + "z");
  EXPECT_EQ(d.first_offset, 0U);
  // A lead surrogate at the very end, and an odd byte at the end: one replacement each.
  d = decode_all(Encoding::utf16le, std::string_view("a\0\x3D\xD8", 4));
  EXPECT_EQ(d.text, "a" + std::string(kFffd));
  d = decode_all(Encoding::utf16le, std::string_view("a\0b", 3));
  EXPECT_EQ(d.text, "a" + std::string(kFffd));
  EXPECT_EQ(d.first_offset, 2U);
  // Lead surrogate plus one byte of the next unit at the end: still one replacement.
  d = decode_all(Encoding::utf16le, std::string_view("\x3D\xD8\x00", 3));
  EXPECT_EQ(d.text, kFffd);
  EXPECT_EQ(d.replaced, 1U);
}

TEST(TextDecoderUtf16, EverySplitGivesTheSameText) {
  const std::string_view le(
      "\xFF\xFE\xA2\x5B\x3D\xD8\x00\xDE\x3D\xD8"
      "A\0\x00\xDC\x31\x00\x30",
      17);
  expect_same_for_every_split(Encoding::utf16le, le);
  expect_same_for_every_split(Encoding::utf16be, kUtf16BeSample);
}

// ---- TextDecoder: GB18030

TEST(TextDecoderGb18030, GbkTextFromPython) {
  const Decoded d = decode_all(Encoding::gb18030, kGbkSample);
  EXPECT_EQ(d.text, kUtf8Sample);
  EXPECT_EQ(d.replaced, 0U);
}

TEST(TextDecoderGb18030, FourByteSequences) {
  // Python's .encode('gb18030'): Ä 81 30 87 32, Ü 81 30 89 35 (below U+10000, by ranges),
  // 𠀀 U+20000 95 32 82 36 and 😀 U+1F600 94 39 FC 36 (linear from 90 30 81 30 = U+10000).
  const Decoded d = decode_all(Encoding::gb18030,
                               "\x81\x30\x87\x32\x81\x30\x89\x35\x95\x32\x82\x36\x94\x39\xFC\x36");
  EXPECT_EQ(d.text, "\xC3\x84\xC3\x9C\xF0\xA0\x80\x80\xF0\x9F\x98\x80");
  EXPECT_EQ(d.replaced, 0U);
  // The first and last four-byte codes: U+0080 and U+10FFFF.
  EXPECT_EQ(decode_all(Encoding::gb18030, "\x81\x30\x81\x30\xE3\x32\x9A\x35").text,
            "\xC2\x80\xF4\x8F\xBF\xBF");
  // 84 31 A4 37 is U+FFFD itself, a character of the text and not a replacement.
  const Decoded fffd = decode_all(Encoding::gb18030, "\x84\x31\xA4\x37");
  EXPECT_EQ(fffd.text, kFffd);
  EXPECT_EQ(fffd.replaced, 0U);
}

TEST(TextDecoderGb18030, TwoByteCodesAndTheWhatwgChoices) {
  // é is A8 A6 (two bytes, in the pinyin block); € is A2 E3; A1 A1 the ideographic space.
  EXPECT_EQ(decode_all(Encoding::gb18030, "\xA8\xA6\xA2\xE3\xA1\xA1").text,
            "\xC3\xA9\xE2\x82\xAC\xE3\x80\x80");
  // A lone 0x80 is the euro sign of Windows code page 936 (what Excel writes for €).
  EXPECT_EQ(decode_all(Encoding::gb18030, "5\x80").text, "5\xE2\x82\xAC");
  // A8 BC is ḿ U+1E3F (GB18030-2005 onwards), A6 D9 the vertical comma U+FE10 (GB18030-2022).
  EXPECT_EQ(decode_all(Encoding::gb18030, "\xA8\xBC\xA6\xD9").text, "\xE1\xB8\xBF\xEF\xB8\x90");
  // Last cell of the table: FE FE is the private-use U+E4C5.
  EXPECT_EQ(decode_all(Encoding::gb18030, "\xFE\xFE").text, "\xEE\x93\x85");
}

TEST(TextDecoderGb18030, BomIsDropped) {
  EXPECT_EQ(decode_all(Encoding::gb18030,
                       "\x84\x31\x95\x33"
                       "a")
                .text,
            "a");
  // Elsewhere it is U+FEFF.
  EXPECT_EQ(decode_all(Encoding::gb18030, "a\x84\x31\x95\x33").text, "a\xEF\xBB\xBF");
}

TEST(TextDecoderGb18030, InvalidSequencesAreReplacedAndCounted) {
  // A lead byte before an ASCII byte: the lead is replaced, the comma kept.
  Decoded d = decode_all(Encoding::gb18030, "A\x81,B");
  EXPECT_EQ(d.text, "A" + std::string(kFffd) + ",B");
  EXPECT_EQ(d.replaced, 1U);
  EXPECT_EQ(d.first_offset, 1U);
  // FF is never valid; 81 7F neither (7F is then read as DEL).
  d = decode_all(Encoding::gb18030, "\xFF\xD5\xC5\x81\x7F");
  EXPECT_EQ(d.text, std::string(kFffd) + "\xE5\xBC\xA0" + std::string(kFffd) + "\x7F");
  EXPECT_EQ(d.replaced, 2U);
  EXPECT_EQ(d.first_offset, 0U);
  // A lead byte before FF: both are one replacement.
  d = decode_all(Encoding::gb18030, "\x81\xFFx");
  EXPECT_EQ(d.text, std::string(kFffd) + "x");
  EXPECT_EQ(d.replaced, 1U);
  // A broken four-byte sequence loses only its first byte: 81 30 20 -> U+FFFD "0 ".
  d = decode_all(Encoding::gb18030, "\x81\x30 ");
  EXPECT_EQ(d.text, std::string(kFffd) + "0 ");
  d = decode_all(Encoding::gb18030, "\x81\x30\x81\x41");  // then 81 41 is 丄 U+4E04
  EXPECT_EQ(d.text, std::string(kFffd) + "0\xE4\xB8\x84");
  // Well-formed but unmapped four-byte codes (84 31 A5 30, 85 30 81 30, E3 32 9A 36): one
  // replacement for all four bytes.
  d = decode_all(Encoding::gb18030, "\x84\x31\xA5\x30|\x85\x30\x81\x30|\xE3\x32\x9A\x36");
  EXPECT_EQ(d.text, std::string(kFffd) + "|" + std::string(kFffd) + "|" + std::string(kFffd));
  EXPECT_EQ(d.replaced, 3U);
  EXPECT_EQ(d.first_offset, 0U);
}

TEST(TextDecoderGb18030, IncompleteCharacterAtTheEndIsOneReplacement) {
  for (const std::string_view tail : {"\xD5", "\x81\x30", "\x81\x30\x81"}) {
    const Decoded d = decode_all(Encoding::gb18030, "ab" + std::string(tail));
    EXPECT_EQ(d.text, "ab" + std::string(kFffd)) << tail.size();
    EXPECT_EQ(d.replaced, 1U);
    EXPECT_EQ(d.first_offset, 2U);
  }
}

TEST(TextDecoderGb18030, LongAsciiRunsBetweenCharacters) {
  std::string bytes;
  std::string expected;
  for (int i = 0; i < 50; ++i) {
    bytes += std::string(static_cast<std::size_t>(37 * i), 'q') + std::string(kGbkSample);
    expected += std::string(static_cast<std::size_t>(37 * i), 'q') + std::string(kUtf8Sample);
  }
  const Decoded d = decode_all(Encoding::gb18030, bytes);
  EXPECT_EQ(d.text, expected);
  EXPECT_EQ(d.replaced, 0U);
}

TEST(TextDecoderGb18030, EverySplitGivesTheSameText) {
  expect_same_for_every_split(Encoding::gb18030,
                              "\x84\x31\x95\x33\xD5\xC5\x81\x30\x87\x32,\x95\x32\x82\x36\x80"
                              "\x81,\x81\x30\x81\x41\xFF\x84\x31\xA5\x30\xC8");
}

// ---- fixture files written by tests/fixtures/encodings/make_fixtures.py

TEST(TextDecoderFixtures, EachEncodingGivesThePythonUtf8Text) {
  const std::string gbk_text = read_fixture("customers_gbk.utf8.csv");
  const std::string full_text = read_fixture("customers_full.utf8.csv");
  ASSERT_FALSE(gbk_text.empty());
  ASSERT_FALSE(full_text.empty());
  struct Case {
    const char* file;
    Encoding encoding;
    const std::string& expected;
  };
  for (const Case& c : {Case{"customers_gbk.csv", Encoding::gb18030, gbk_text},
                        Case{"customers_full.gb18030.csv", Encoding::gb18030, full_text},
                        Case{"customers_full.utf16.csv", Encoding::utf16le, full_text},
                        Case{"customers_full.utf16be.csv", Encoding::utf16be, full_text},
                        Case{"customers_full.utf8.csv", Encoding::utf8, full_text}}) {
    const std::string bytes = read_fixture(c.file);
    const Decoded whole = decode_all(c.encoding, bytes);
    EXPECT_EQ(whole.text, c.expected) << c.file;
    EXPECT_EQ(whole.replaced, 0U) << c.file;
    // In 7-byte chunks, which split characters of every length.
    std::vector<std::string_view> chunks;
    for (std::size_t i = 0; i < bytes.size(); i += 7) {
      chunks.push_back(std::string_view(bytes).substr(i, 7));
    }
    EXPECT_EQ(decode_chunks(c.encoding, chunks).text, c.expected) << c.file;
  }
}

TEST(TextDecoderFixtures, DetectionOfEachFile) {
  EXPECT_EQ(detect_encoding(read_fixture("customers_gbk.csv")).encoding, Encoding::gb18030);
  EXPECT_EQ(detect_encoding(read_fixture("customers_full.gb18030.csv")).encoding,
            Encoding::gb18030);
  EXPECT_EQ(detect_encoding(read_fixture("customers_full.utf16.csv")).encoding, Encoding::utf16le);
  EXPECT_EQ(detect_encoding(read_fixture("customers_full.utf16be.csv")).encoding,
            Encoding::utf16be);
  EXPECT_EQ(detect_encoding(read_fixture("customers_full.utf8.csv")).encoding, Encoding::utf8);
  for (const char* file : {"customers_gbk.csv", "customers_full.gb18030.csv",
                           "customers_full.utf16.csv", "customers_full.utf8.csv"}) {
    EXPECT_FALSE(looks_binary(read_fixture(file))) << file;
  }
}

// ---- detect_encoding

TEST(DetectEncoding, ByteOrderMarksDecide) {
  auto guess = detect_encoding("\xEF\xBB\xBF" + std::string(kUtf8Sample));
  EXPECT_EQ(guess.encoding, Encoding::utf8);
  EXPECT_TRUE(guess.bom);
  EXPECT_NE(guess.reason.find("byte-order mark"), std::string::npos) << guess.reason;

  guess = detect_encoding(kUtf16LeSample);
  EXPECT_EQ(guess.encoding, Encoding::utf16le);
  EXPECT_TRUE(guess.bom);
  guess = detect_encoding(kUtf16BeSample);
  EXPECT_EQ(guess.encoding, Encoding::utf16be);
  EXPECT_TRUE(guess.bom);
  guess = detect_encoding("\x84\x31\x95\x33" + std::string(kGbkSample));
  EXPECT_EQ(guess.encoding, Encoding::gb18030);
  EXPECT_TRUE(guess.bom);
  // The mark wins even over bytes that are not valid in its encoding.
  guess = detect_encoding("\xEF\xBB\xBF" + std::string(kGbkSample));
  EXPECT_EQ(guess.encoding, Encoding::utf8);
}

TEST(DetectEncoding, Utf8WithoutBom) {
  auto guess = detect_encoding(kUtf8Sample);
  EXPECT_EQ(guess.encoding, Encoding::utf8);
  EXPECT_FALSE(guess.bom);
  EXPECT_EQ(guess.reason, "The text is valid UTF-8.");
  guess = detect_encoding("id,amount\n1,2\n");
  EXPECT_EQ(guess.encoding, Encoding::utf8);
  EXPECT_EQ(guess.reason, "The text is plain ASCII, read as UTF-8.");
}

TEST(DetectEncoding, Utf8CutInsideACharacterAtTheEndOfTheHead) {
  // The head ends after the first two of the three bytes of 张.
  const std::string head = std::string(kUtf8Sample) + "\xE5\xBC";
  const auto guess = detect_encoding(head);
  EXPECT_EQ(guess.encoding, Encoding::utf8);
  EXPECT_EQ(guess.reason, "The text is valid UTF-8.");
}

TEST(DetectEncoding, Gbk) {
  auto guess = detect_encoding(kGbkSample);
  EXPECT_EQ(guess.encoding, Encoding::gb18030);
  EXPECT_FALSE(guess.bom);
  EXPECT_NE(guess.reason.find("GB18030"), std::string::npos) << guess.reason;
  // Cut inside a character at the end of the head (D5 of 张). Its four characters 客户 金额 are
  // as frequent read as Big5, so GBK stays (ties go to GBK) and the reason says it was close.
  guess = detect_encoding(kGbkSample.substr(0, 14));
  EXPECT_EQ(guess.encoding, Encoding::gb18030);
  EXPECT_EQ(guess.code, "encoding_chinese_close") << guess.reason;
  EXPECT_NE(guess.reason.find("read as GB18030 (GBK)"), std::string::npos) << guess.reason;
}

TEST(DetectEncoding, GbkWithAFewBadBytesIsStillGb18030) {
  // 200 copies of the sample (1400 CJK characters) and one stray FF: under 1% bad.
  std::string head;
  for (int i = 0; i < 200; ++i) head += kGbkSample;
  head += "\xFF\r\n";
  const auto guess = detect_encoding(head);
  EXPECT_EQ(guess.encoding, Encoding::gb18030);
  EXPECT_NE(guess.reason.find("1 unreadable"), std::string::npos) << guess.reason;
}

TEST(DetectEncoding, Utf8WithOneBadByteStaysUtf8) {
  // Read as GB18030 this text breaks at every odd run of CJK characters before ASCII.
  std::string head;
  for (int i = 0; i < 50; ++i) head += std::string(kUtf8Sample) + "\r\n";
  head += "\xFF";
  const auto guess = detect_encoding(head);
  EXPECT_EQ(guess.encoding, Encoding::utf8);
  EXPECT_NE(guess.reason.find("neither"), std::string::npos) << guess.reason;
}

TEST(DetectEncoding, Utf16WithoutBomOnlyWhenObvious) {
  // Python's .encode('utf-16-le') of "id,amount\r\n1,2\r\n" and of the sample.
  const std::string ascii_le(
      "i\0d\0,\0a\0m\0o\0u\0n\0t\0\r\0\n\0"
      "1\0,\0"
      "2\0\r\0\n\0",
      32);
  auto guess = detect_encoding(ascii_le);
  EXPECT_EQ(guess.encoding, Encoding::utf16le);
  EXPECT_FALSE(guess.bom);
  EXPECT_EQ(detect_encoding(kUtf16LeSample.substr(2)).encoding, Encoding::utf16le);
  EXPECT_EQ(detect_encoding(kUtf16BeSample.substr(2)).encoding, Encoding::utf16be);
  std::string ascii_be = std::string(1, '\0') + ascii_le;
  ascii_be.pop_back();
  EXPECT_EQ(detect_encoding(ascii_be).encoding, Encoding::utf16be);
}

TEST(DetectEncoding, NeitherUtf8NorGb18030FallsBackToUtf8) {
  // Windows-1252 "Café;Zürich;Ørsted" is valid in neither.
  const auto guess = detect_encoding("Caf\xE9;Z\xFCrich;\xD8rsted\n");
  EXPECT_EQ(guess.encoding, Encoding::utf8);
  EXPECT_FALSE(guess.bom);
  EXPECT_NE(guess.reason.find("neither valid UTF-8 nor GB18030"), std::string::npos)
      << guess.reason;
  EXPECT_EQ(detect_encoding("").encoding, Encoding::utf8);
}

// ---- looks_binary

TEST(LooksBinary, KnownSignatures) {
  EXPECT_TRUE(looks_binary(std::string_view("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16)));
  EXPECT_TRUE(looks_binary("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n"));
  EXPECT_TRUE(looks_binary(std::string_view("PK\x03\x04\x14\0\x06\0", 8)));  // also .xlsx
  EXPECT_TRUE(looks_binary(std::string_view("\x1F\x8B\x08\0", 4)));
  EXPECT_TRUE(
      looks_binary(std::string_view("\x7F"
                                    "ELF\x02\x01\x01",
                                    7)));
  EXPECT_TRUE(looks_binary("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"));  // Excel 97-2003 .xls
}

TEST(LooksBinary, NulAndControlBytes) {
  EXPECT_TRUE(looks_binary(std::string_view("id,amount\n1,\0\n", 14)));
  // Many control bytes, no NUL.
  EXPECT_TRUE(
      looks_binary("\x01\x02\x03\x04"
                   "abcdefgh\x05\x06\x07\x08"));
  // One stray control byte in 200 is not many.
  std::string text(199, 'a');
  text += '\x01';
  EXPECT_FALSE(looks_binary(text));
}

TEST(LooksBinary, TextInEveryEncodingIsNot) {
  EXPECT_FALSE(looks_binary(""));
  EXPECT_FALSE(looks_binary("id,amount\r\n1,2.5\r\n\tnote\f\n"));
  EXPECT_FALSE(looks_binary(kUtf8Sample));
  EXPECT_FALSE(looks_binary(kGbkSample));
  EXPECT_FALSE(looks_binary(kUtf16LeSample));
  EXPECT_FALSE(looks_binary(kUtf16BeSample));
  EXPECT_FALSE(looks_binary(kUtf16LeSample.substr(2)));  // NULs, but UTF-16 without a mark
}

TEST(LooksBinary, Utf16WithNulCharactersIs) {
  // A byte-order mark, then code units 0000 0001 0002 ...: not text.
  std::string units("\xFF\xFE", 2);
  for (char c = 0; c < 20; ++c) units += std::string{c, '\0'};
  EXPECT_TRUE(looks_binary(units));
}

}  // namespace
