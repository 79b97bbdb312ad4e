// Big5 (code page 950, as WHATWG's big5 decoder reads it): characters whose bytes are written by
// hand from the Big5 chart, the HKSCS rows and the two-code-point cells, every split across chunks,
// invalid bytes counted, and the choice between Big5 and GBK for the same bytes.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "formats/text_encoding.hpp"
#include "servimetrics/import_session.hpp"

namespace {

using servimetrics::detect_encoding;
using servimetrics::Encoding;
using servimetrics::encoding_from_name;
using servimetrics::encoding_name;
using servimetrics::TextDecoder;

constexpr std::string_view kFffd = "\xEF\xBF\xBD";

// Each character and its Big5 bytes from the chart (checked with TextDecoder('big5') when
// written): 客 AB C8, 戶 A4 E1, 編 BD 73, 號 B8 B9, 訂 AD 71, 單 B3 E6, 日 A4 E9, 期 B4 C1,
// 金 AA F7, 額 C3 42, 民 A5 C1, 國 B0 EA, 年 A6 7E, 月 A4 EB.
struct Big5Character {
  std::string_view utf8;
  std::string_view big5;
};
constexpr Big5Character kChart[] = {
    {"客", "\xAB\xC8"}, {"戶", "\xA4\xE1"}, {"編", "\xBD\x73"}, {"號", "\xB8\xB9"},
    {"訂", "\xAD\x71"}, {"單", "\xB3\xE6"}, {"日", "\xA4\xE9"}, {"期", "\xB4\xC1"},
    {"金", "\xAA\xF7"}, {"額", "\xC3\x42"}, {"民", "\xA5\xC1"}, {"國", "\xB0\xEA"},
    {"年", "\xA6\x7E"}, {"月", "\xA4\xEB"},
};

// `text` (UTF-8) in Big5, built from the chart: ASCII stays, each other character must be in it.
std::string to_big5(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      out += text[i++];
      continue;
    }
    bool found = false;
    for (const Big5Character& c : kChart) {
      if (text.substr(i).starts_with(c.utf8)) {
        out += c.big5;
        i += c.utf8.size();
        found = true;
        break;
      }
    }
    if (!found) {
      ADD_FAILURE() << "not in the chart: " << text.substr(i);
      return out;
    }
  }
  return out;
}

struct Decoded {
  std::string text;
  std::uint64_t replaced = 0;
  std::uint64_t first_offset = 0;
};

Decoded decode_chunks(const std::vector<std::string_view>& chunks) {
  TextDecoder decoder(Encoding::big5);
  Decoded out;
  for (std::size_t i = 0; i < chunks.size(); ++i) {
    decoder.decode(chunks[i], i + 1 == chunks.size(), out.text);
  }
  out.replaced = decoder.replaced();
  out.first_offset = decoder.first_replaced_offset();
  return out;
}

Decoded decode_all(std::string_view bytes) {
  return decode_chunks({bytes});
}

std::string read_sample(const std::string& name) {
  const std::string path = std::string(SERVIMETRICS_SOURCE_DIR) + "/public/samples/" + name;
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

const std::string kHeader = "客戶編號,訂單日期,金額";

TEST(Big5, NameAndAliases) {
  EXPECT_EQ(encoding_name(Encoding::big5), "big5");
  for (const char* alias : {"big5", "BIG5", "Big5-HKSCS", "cp950", "Windows-950", "x-x-big5"}) {
    EXPECT_EQ(encoding_from_name(alias), Encoding::big5) << alias;
  }
}

TEST(Big5, DecodesTheChart) {
  for (const Big5Character& c : kChart) {
    const Decoded d = decode_all(c.big5);
    EXPECT_EQ(d.text, c.utf8) << c.utf8;
    EXPECT_EQ(d.replaced, 0U) << c.utf8;
  }
  const Decoded header = decode_all(to_big5(kHeader + "\r\nC001,113/01/05,100\r\n"));
  EXPECT_EQ(header.text, kHeader + "\r\nC001,113/01/05,100\r\n");
  EXPECT_EQ(header.replaced, 0U);
}

TEST(Big5, ReadsTheHkscsRowsAsTheStandardDoes) {
  // WHATWG's index big5: 87 40 is the first mapped cell (U+43F0), C8 7A is U+200CC, four bytes of
  // UTF-8; 88 62 and 88 A5 are a letter and a combining mark (Ê̄, ê̌); A3 E1 is the euro sign.
  EXPECT_EQ(decode_all("\x87\x40").text, "\xE4\x8F\xB0");
  EXPECT_EQ(decode_all("\xC8\x7A").text, "\xF0\xA0\x83\x8C");
  EXPECT_EQ(decode_all("\x88\x62").text, "\xC3\x8A\xCC\x84");
  EXPECT_EQ(decode_all("\x88\xA5").text, "\xC3\xAA\xCC\x8C");
  EXPECT_EQ(decode_all("\xA3\xE1").text, "\xE2\x82\xAC");
}

TEST(Big5, InvalidBytesAreCountedNotDropped) {
  // 0x80 and 0xFF cannot start a character.
  Decoded d = decode_all(
      "A\x80"
      "B\xFF");
  EXPECT_EQ(d.text, "A" + std::string(kFffd) + "B" + std::string(kFffd));
  EXPECT_EQ(d.replaced, 2U);
  EXPECT_EQ(d.first_offset, 1U);
  // An unmapped pair (below 87 40) whose trail is ASCII: one U+FFFD, and the '@' is read again.
  d = decode_all("x\x81\x40y");
  EXPECT_EQ(d.text, "x" + std::string(kFffd) + "@y");
  EXPECT_EQ(d.replaced, 1U);
  EXPECT_EQ(d.first_offset, 1U);
  // A lead before a comma (outside the trail ranges): the comma survives, so the row keeps its
  // columns.
  d = decode_all(to_big5("客") + "\xA4,5");
  EXPECT_EQ(d.text, "客" + std::string(kFffd) + ",5");
  EXPECT_EQ(d.first_offset, 2U);
  // A non-ASCII byte that is no trail goes with its lead: one U+FFFD for both.
  d = decode_all(
      "\xA4\xA0"
      "z");
  EXPECT_EQ(d.text, std::string(kFffd) + "z");
  EXPECT_EQ(d.replaced, 1U);
  // A lead at the very end of the input.
  d = decode_all(to_big5("金") + "\xC3");
  EXPECT_EQ(d.text, "金" + std::string(kFffd));
  EXPECT_EQ(d.replaced, 1U);
  EXPECT_EQ(d.first_offset, 2U);
}

TEST(Big5, ChunksMaySplitACharacterAnywhere) {
  const std::string bytes = to_big5(kHeader + "\n民國113年1月5日,") + "\x81\x40\xC8\x7A\xA4";
  const Decoded whole = decode_all(bytes);
  EXPECT_EQ(whole.replaced, 2U);  // 81 40 and the lead at the end
  for (std::size_t i = 0; i <= bytes.size(); ++i) {
    const std::string_view view(bytes);
    const Decoded two = decode_chunks({view.substr(0, i), view.substr(i)});
    ASSERT_EQ(two.text, whole.text) << "split at " << i;
    ASSERT_EQ(two.replaced, whole.replaced) << "split at " << i;
    ASSERT_EQ(two.first_offset, whole.first_offset) << "split at " << i;
  }
  // One byte per call: every lead waits for its trail.
  std::vector<std::string_view> bytewise;
  for (std::size_t i = 0; i < bytes.size(); ++i)
    bytewise.push_back(std::string_view(bytes).substr(i, 1));
  EXPECT_EQ(decode_chunks(bytewise).text, whole.text);
  // A lead byte ending a chunk that is not the last: nothing yet, the character comes whole.
  TextDecoder decoder(Encoding::big5);
  std::string out;
  decoder.decode("\xAB", false, out);
  EXPECT_EQ(out, "");
  decoder.decode("\xC8", true, out);
  EXPECT_EQ(out, "客");
  EXPECT_EQ(decoder.replaced(), 0U);
}

TEST(Big5, TraditionalHeaderIsBig5NotGbk) {
  const servimetrics::EncodingGuess guess = detect_encoding(to_big5(kHeader + "\r\n"));
  EXPECT_EQ(guess.encoding, Encoding::big5) << guess.reason;
  EXPECT_EQ(guess.code, "encoding_big5") << guess.reason;
  // Its share of frequent characters is stated against GBK's.
  EXPECT_DOUBLE_EQ(guess.params.value("share", 0.0), 1.0);
  EXPECT_LT(guess.params.value("other_share", 1.0), 0.5);
}

TEST(Big5, GbkFilesStayGbk) {
  // "客户编号,订单日期,金额" in GBK (iconv -t gbk).
  const std::string gbk =
      "\xBF\xCD\xBB\xA7\xB1\xE0\xBA\xC5,\xB6\xA9\xB5\xA5\xC8\xD5\xC6\xDA,\xBD\xF0\xB6\xEE\r\n";
  EXPECT_EQ(detect_encoding(gbk).encoding, Encoding::gb18030);
  const servimetrics::EncodingGuess sample = detect_encoding(read_sample("transactions.gbk.csv"));
  EXPECT_EQ(sample.encoding, Encoding::gb18030);
  EXPECT_EQ(sample.code, "encoding_gb18030");
}

TEST(Big5, TheBig5SampleIsBig5) {
  const std::string bytes = read_sample("transactions.big5.csv");
  const servimetrics::EncodingGuess guess =
      detect_encoding(std::string_view(bytes).substr(0, 65536));
  EXPECT_EQ(guess.encoding, Encoding::big5) << guess.reason;
  EXPECT_EQ(guess.code, "encoding_big5");
}

TEST(Big5, CloseCallsSaySo) {
  // "金额" in GBK (BD F0 B6 EE) is also two frequent Big5 characters (踢塗): nothing tells
  // them apart, so GBK stays (the tie rule) and the reason says it was close.
  const servimetrics::EncodingGuess guess = detect_encoding("\xBD\xF0\xB6\xEE\r\n1,2\r\n");
  EXPECT_EQ(guess.encoding, Encoding::gb18030);
  EXPECT_EQ(guess.code, "encoding_chinese_close");
  EXPECT_EQ(guess.params.value("encoding", ""), "GB18030 (GBK)");
  EXPECT_NE(guess.reason.find("close"), std::string::npos);
}

TEST(Big5, AFewBadBytesAreReportedWithTheChoice) {
  std::string bytes = to_big5(kHeader + "\r\n");
  for (int i = 0; i < 30; ++i) bytes += to_big5("C001,民國113年1月5日,金額\r\n");
  bytes += "\x80\r\n";  // not Big5 (GBK reads it as the euro sign)
  bytes += "\xFF\r\n";  // neither
  const servimetrics::EncodingGuess guess = detect_encoding(bytes);
  EXPECT_EQ(guess.encoding, Encoding::big5) << guess.reason;
  EXPECT_EQ(guess.code, "encoding_big5_replaced") << guess.reason;
  EXPECT_EQ(guess.params.value("replaced", 0), 2);
}

TEST(Big5, AnImportReportsBig5AndItsReplacements) {
  std::string bytes = to_big5(kHeader + "\r\n");
  for (int i = 1; i <= 20; ++i)
    bytes += "C00" + std::to_string(i % 7) + ",113/01/0" + std::to_string(i % 9 + 1) + ",100\r\n";
  bytes += "C\x80X,113/02/01,50\r\n";  // a damaged customer id: read, with its U+FFFD counted
  servimetrics::ImportOptions options;
  options.kind = "transactions";
  servimetrics::ImportSession session(options);
  // Fed in 7-byte chunks, so leads fall at chunk ends.
  for (std::size_t at = 0; at < bytes.size(); at += 7)
    session.feed(std::string_view(bytes).substr(at, 7));
  session.finish();
  ASSERT_FALSE(session.error().has_value()) << session.error()->message;
  const nlohmann::json report = session.report();
  EXPECT_EQ(report["file"]["encoding"], "big5");
  EXPECT_EQ(report["file"]["replaced_characters"], 1);
  EXPECT_EQ(report["rows_used"], 21);
}

}  // namespace
