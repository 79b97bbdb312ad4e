// Encoding names, the guess of a dropped file's encoding from its first bytes, and the check that
// it is text at all.
#include "formats/text_encoding.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace servimetrics {
namespace {

bool same_ignoring_case(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return lower(x) == y; });
}

// Bytes below 0x20 that plain text does not hold; tab, line ends, form feed, vertical tab, the
// old DOS end-of-file mark (0x1A) and escape (0x1B, for colours in logs) do occur in text.
bool is_control(std::uint32_t c) {
  return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1A &&
         c != 0x1B;
}

// The start of the head read as UTF-16 without a byte-order mark: only the obvious case, text
// mostly of ASCII characters, whose high bytes are NUL at every other position.
struct Utf16Evidence {
  bool likely = false;
  bool big_endian = false;
};

Utf16Evidence utf16_without_bom(std::string_view head) {
  const std::size_t units = std::min<std::size_t>(head.size(), 4096) / 2;
  if (units < 2) return {};
  std::size_t nul_even = 0;  // NUL as the first byte of a unit: high byte of big-endian text
  std::size_t nul_odd = 0;
  for (std::size_t u = 0; u < units; ++u) {
    nul_even += head[2 * u] == '\0' ? 1 : 0;
    nul_odd += head[2 * u + 1] == '\0' ? 1 : 0;
  }
  // At least a quarter of the units ASCII, and NUL at the other position at most a tenth as
  // often (CJK code units end in 00 about once in 256).
  if (nul_odd * 4 >= units && nul_even * 10 <= nul_odd) return {true, false};
  if (nul_even * 4 >= units && nul_odd * 10 <= nul_even) return {true, true};
  return {};
}

// True when more than 1% of the UTF-16 code units are NUL or control characters.
bool utf16_has_binary_units(std::string_view head, bool big_endian) {
  const std::size_t units = head.size() / 2;
  std::size_t controls = 0;
  for (std::size_t u = 0; u < units; ++u) {
    const auto first = static_cast<unsigned char>(head[2 * u]);
    const auto second = static_cast<unsigned char>(head[2 * u + 1]);
    const std::uint32_t unit =
        big_endian ? (std::uint32_t{first} << 8) | second : (std::uint32_t{second} << 8) | first;
    controls += (unit == 0 || is_control(unit)) ? 1 : 0;
  }
  return controls * 100 > units;
}

std::string unreadable_characters(std::uint64_t count) {
  return std::to_string(count) + (count == 1 ? " unreadable character" : " unreadable characters");
}

struct DecodeTally {
  std::uint64_t replaced = 0;
  std::size_t non_ascii = 0;  // characters outside ASCII, replacements included
};

// Decodes the head as if more followed (it may end inside a character) and counts.
DecodeTally tally_decoding(std::string_view head, Encoding encoding) {
  TextDecoder decoder(encoding);
  std::string text;
  text.reserve(head.size() * 3 / 2 + 4);
  decoder.decode(head, false, text);
  DecodeTally tally;
  tally.replaced = decoder.replaced();
  tally.non_ascii = static_cast<std::size_t>(std::count_if(
      text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0xC0; }));
  return tally;
}

// How plausible a double-byte reading of the head is: of its non-ASCII characters, how many fall
// in the standard's own block of frequent characters. Both standards ordered those by frequency:
// GB2312 level 1 (B0A1-D7FE, 3,755 characters) and its punctuation rows (A1A1-A3FE); Big5's
// frequent characters (A440-C67E, 5,401) and its symbol rows (A140-A3BF). The other encoding's
// text lands outside them about half the time (Big5 trails 40-7E are rare GBK characters; GBK
// leads C7-D7 are Big5's symbols and less frequent characters).
struct Plausibility {
  std::size_t characters = 0;
  std::size_t frequent = 0;
};

Plausibility gbk_plausibility(std::string_view head) {
  Plausibility p;
  const auto* bytes = reinterpret_cast<const unsigned char*>(head.data());
  const std::size_t size = head.size();
  for (std::size_t i = 0; i < size;) {
    const unsigned lead = bytes[i];
    if (lead < 0x80 || lead == 0x80 || lead == 0xFF || i + 1 >= size) {
      p.characters += lead >= 0x80 ? 1 : 0;
      i += 1;
      continue;
    }
    const unsigned trail = bytes[i + 1];
    p.characters += 1;
    if (trail >= 0x30 && trail <= 0x39) {  // a four-byte GB18030 sequence: never frequent
      i += 4;
    } else if (trail >= 0x40 && trail != 0x7F && trail != 0xFF) {
      const bool frequent_row = (lead >= 0xB0 && lead <= 0xD7) || (lead >= 0xA1 && lead <= 0xA3);
      p.frequent += frequent_row && trail >= 0xA1 ? 1 : 0;
      i += 2;
    } else {
      i += 1;
    }
  }
  return p;
}

Plausibility big5_plausibility(std::string_view head) {
  Plausibility p;
  const auto* bytes = reinterpret_cast<const unsigned char*>(head.data());
  const std::size_t size = head.size();
  for (std::size_t i = 0; i < size;) {
    const unsigned lead = bytes[i];
    if (lead < 0x80 || lead == 0x80 || lead == 0xFF || i + 1 >= size) {
      p.characters += lead >= 0x80 ? 1 : 0;
      i += 1;
      continue;
    }
    const unsigned trail = bytes[i + 1];
    const unsigned code = (lead << 8) | trail;
    p.characters += 1;
    if ((trail >= 0x40 && trail <= 0x7E) || (trail >= 0xA1 && trail <= 0xFE)) {
      p.frequent += (code >= 0xA440 && code <= 0xC67E) || (code >= 0xA140 && code <= 0xA3BF);
      i += 2;
    } else {
      i += trail < 0x80 ? 1 : 2;
    }
  }
  return p;
}

// A reading's score: its share of frequent characters, each unreadable one costing four.
double plausibility_score(const Plausibility& p, std::uint64_t replaced) {
  if (p.characters == 0) return 0;
  const double frequent = static_cast<double>(p.frequent) - 4.0 * static_cast<double>(replaced);
  return frequent / static_cast<double>(p.characters);
}

// Shares closer than this (15 points) are called close: the chosen reading is named with a note.
constexpr double kCloseScores = 0.15;

// File formats that users might drop instead of a CSV file.
constexpr std::array<std::string_view, 19> kBinarySignatures = {
    std::string_view("%PDF-"),
    std::string_view("\x89PNG\r\n\x1A\n", 8),
    std::string_view("PK\x03\x04", 4),  // ZIP, also .xlsx, .docx, .ods
    std::string_view("PK\x05\x06", 4),  // empty ZIP
    std::string_view("PK\x07\x08", 4),  // spanned ZIP
    std::string_view("\x1F\x8B", 2),    // gzip
    std::string_view("\x7F"
                     "ELF",
                     4),
    std::string_view("GIF87a"),
    std::string_view("GIF89a"),
    std::string_view("\xFF\xD8\xFF", 3),                      // JPEG
    std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8),  // OLE2: .xls, .doc of Office 97-2003
    std::string_view("Rar!\x1A\x07", 6),
    std::string_view("7z\xBC\xAF\x27\x1C", 6),
    std::string_view("\xFD"
                     "7zXZ\0",
                     6),                        // xz
    std::string_view("\x28\xB5\x2F\xFD", 4),    // zstd
    std::string_view("SQLite format 3\0", 16),  // SQLite database
    std::string_view("\0asm", 4),               // WebAssembly
    std::string_view("MZ\x90\0", 4),            // Windows executable
    std::string_view("\xCA\xFE\xBA\xBE", 4),    // Java class, Mach-O universal binary
};

std::string percent(double share) {
  return std::to_string(static_cast<int>(share * 100 + 0.5)) + "%";
}

// The guess for text that one double-byte encoding reads: without errors, or with a few.
EncodingGuess double_byte_guess(Encoding encoding, const DecodeTally& tally, std::size_t bytes,
                                double share, double other_share) {
  const bool big5 = encoding == Encoding::big5;
  const std::string name = big5 ? "Big5 (Traditional Chinese)" : "GB18030 (GBK)";
  if (tally.replaced > 0) {
    return {encoding,
            false,
            "The text is not UTF-8 but reads as " + name + " with " +
                unreadable_characters(tally.replaced) + " in the first " + std::to_string(bytes) +
                " bytes.",
            big5 ? "encoding_big5_replaced" : "encoding_gb18030_replaced",
            {{"replaced", tally.replaced}, {"bytes", bytes}}};
  }
  if (!big5) {
    return {encoding, false, "The text is not UTF-8 but reads as GB18030 (GBK) without errors.",
            "encoding_gb18030"};
  }
  return {encoding,
          false,
          "The text is not UTF-8 but reads as Big5 (Traditional Chinese) without errors: " +
              percent(share) + " of its characters are frequent Big5 ones, against " +
              percent(other_share) + " read as GB18030 (GBK).",
          "encoding_big5",
          {{"share", share}, {"other_share", other_share}}};
}

// GB18030 (GBK) or Big5 for text that is not UTF-8: the one that reads it (fewer unreadable
// characters than as UTF-8, and under 1% of its characters or most of them frequent ones, which
// a small file with one stray byte still has), and when both do, the more plausible one.
// UTF-8 text read as either breaks wherever an odd number of CJK characters meets ASCII, and
// their text read as UTF-8 breaks at almost every character, so UTF-8 rarely competes.
std::optional<EncodingGuess> guess_chinese(std::string_view head, std::uint64_t utf8_replaced) {
  const DecodeTally gb = tally_decoding(head, Encoding::gb18030);
  const DecodeTally big5 = tally_decoding(head, Encoding::big5);
  const double gb_score = plausibility_score(gbk_plausibility(head), gb.replaced);
  const double big5_score = plausibility_score(big5_plausibility(head), big5.replaced);
  auto reads = [utf8_replaced](const DecodeTally& t, double score) {
    return t.replaced < utf8_replaced && (t.replaced * 100 < t.non_ascii || score >= 0.5);
  };
  const bool gb_reads = reads(gb, gb_score);
  const bool big5_reads = reads(big5, big5_score);
  if (!gb_reads && !big5_reads) return std::nullopt;
  const bool is_big5 = big5_reads && (!gb_reads || big5_score > gb_score);
  const double share = std::max(0.0, is_big5 ? big5_score : gb_score);
  const double other = std::max(0.0, is_big5 ? gb_score : big5_score);
  if (gb_reads && big5_reads && share - other < kCloseScores) {
    const std::string name = is_big5 ? "Big5" : "GB18030 (GBK)";
    return EncodingGuess{
        is_big5 ? Encoding::big5 : Encoding::gb18030,
        false,
        "The text reads both as Big5 and as GB18030 (GBK), and the two are close (" +
            percent(share) + " against " + percent(other) +
            " frequent characters): it is read as " + name +
            "; if names look garbled, save the file as UTF-8.",
        "encoding_chinese_close",
        {{"encoding", name}, {"share", share}, {"other_share", other}}};
  }
  return double_byte_guess(is_big5 ? Encoding::big5 : Encoding::gb18030, is_big5 ? big5 : gb,
                           head.size(), share, other);
}

}  // namespace

std::string_view encoding_name(Encoding encoding) {
  switch (encoding) {
    case Encoding::utf8:
      return "utf-8";
    case Encoding::utf16le:
      return "utf-16le";
    case Encoding::utf16be:
      return "utf-16be";
    case Encoding::gb18030:
      return "gb18030";
    case Encoding::big5:
      return "big5";
  }
  return "utf-8";
}

std::optional<Encoding> encoding_from_name(std::string_view name) {
  struct Alias {
    std::string_view name;
    Encoding encoding;
  };
  static constexpr std::array<Alias, 17> kAliases = {{
      {"utf-8", Encoding::utf8},
      {"utf8", Encoding::utf8},
      {"utf-16le", Encoding::utf16le},
      {"utf16le", Encoding::utf16le},
      {"utf-16be", Encoding::utf16be},
      {"utf16be", Encoding::utf16be},
      {"gb18030", Encoding::gb18030},
      {"gbk", Encoding::gb18030},
      {"gb2312", Encoding::gb18030},
      {"cp936", Encoding::gb18030},
      {"windows-936", Encoding::gb18030},
      {"big5", Encoding::big5},
      {"big5-hkscs", Encoding::big5},
      {"cn-big5", Encoding::big5},
      {"x-x-big5", Encoding::big5},
      {"cp950", Encoding::big5},
      {"windows-950", Encoding::big5},
  }};
  for (const Alias& alias : kAliases) {
    if (same_ignoring_case(name, alias.name)) return alias.encoding;
  }
  return std::nullopt;
}

EncodingGuess detect_encoding(std::string_view head) {
  if (head.empty()) return {Encoding::utf8, false, "The file is empty.", "encoding_file_empty"};
  if (head.starts_with("\xEF\xBB\xBF")) {
    return {Encoding::utf8,
            true,
            "The file starts with a UTF-8 byte-order mark.",
            "encoding_bom",
            {{"encoding", "utf-8"}}};
  }
  if (head.starts_with("\xFF\xFE")) {
    return {Encoding::utf16le,
            true,
            "The file starts with a UTF-16LE byte-order mark.",
            "encoding_bom",
            {{"encoding", "utf-16le"}}};
  }
  if (head.starts_with("\xFE\xFF")) {
    return {Encoding::utf16be,
            true,
            "The file starts with a UTF-16BE byte-order mark.",
            "encoding_bom",
            {{"encoding", "utf-16be"}}};
  }
  if (head.starts_with("\x84\x31\x95\x33")) {
    return {Encoding::gb18030,
            true,
            "The file starts with a GB18030 byte-order mark.",
            "encoding_bom",
            {{"encoding", "gb18030"}}};
  }
  if (const Utf16Evidence utf16 = utf16_without_bom(head); utf16.likely) {
    return utf16.big_endian
               ? EncodingGuess{Encoding::utf16be,
                               false,
                               "Every other byte is NUL, as in UTF-16BE text without a "
                               "byte-order mark.",
                               "encoding_utf16_without_bom",
                               {{"encoding", "utf-16be"}}}
               : EncodingGuess{Encoding::utf16le,
                               false,
                               "Every other byte is NUL, as in UTF-16LE text without a "
                               "byte-order mark.",
                               "encoding_utf16_without_bom",
                               {{"encoding", "utf-16le"}}};
  }
  const DecodeTally utf8 = tally_decoding(head, Encoding::utf8);
  if (utf8.replaced == 0) {
    return {Encoding::utf8, false,
            utf8.non_ascii == 0 ? "The text is plain ASCII, read as UTF-8."
                                : "The text is valid UTF-8.",
            utf8.non_ascii == 0 ? "encoding_ascii" : "encoding_valid_utf8"};
  }
  if (auto chinese = guess_chinese(head, utf8.replaced)) return *std::move(chinese);
  return {Encoding::utf8,
          false,
          "The text is neither valid UTF-8 nor GB18030, so it is read as UTF-8 with " +
              unreadable_characters(utf8.replaced) + " in the first " +
              std::to_string(head.size()) + " bytes replaced.",
          "encoding_utf8_replaced",
          {{"replaced", utf8.replaced}, {"bytes", head.size()}}};
}

bool looks_binary(std::string_view head) {
  for (const std::string_view signature : kBinarySignatures) {
    if (head.starts_with(signature)) return true;
  }
  if (head.starts_with("BZh") && head.size() >= 10 && head[3] >= '1' && head[3] <= '9' &&
      head.substr(4, 6) == "1AY&SY") {
    return true;  // bzip2
  }
  if (head.starts_with("\xFF\xFE")) return utf16_has_binary_units(head.substr(2), false);
  if (head.starts_with("\xFE\xFF")) return utf16_has_binary_units(head.substr(2), true);
  if (const Utf16Evidence utf16 = utf16_without_bom(head); utf16.likely) {
    return utf16_has_binary_units(head, utf16.big_endian);
  }
  std::size_t controls = 0;
  for (const char c : head) {
    if (c == '\0') return true;
    controls += is_control(static_cast<unsigned char>(c)) ? 1 : 0;
  }
  return controls * 100 > head.size();
}

}  // namespace servimetrics
