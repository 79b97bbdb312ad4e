// Encoding names, the guess of a dropped file's encoding from its first bytes, and the check that
// it is text at all.
#include "formats/text_encoding.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

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
  }
  return "utf-8";
}

std::optional<Encoding> encoding_from_name(std::string_view name) {
  struct Alias {
    std::string_view name;
    Encoding encoding;
  };
  static constexpr std::array<Alias, 11> kAliases = {{
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
  const DecodeTally gb = tally_decoding(head, Encoding::gb18030);
  // UTF-8 text read as GB18030 breaks wherever an odd number of CJK characters meets ASCII, and
  // GBK text read as UTF-8 breaks at almost every character, so the two rarely compete.
  if (gb.replaced < utf8.replaced && gb.replaced * 100 < gb.non_ascii) {
    if (gb.replaced == 0) {
      return {Encoding::gb18030, false,
              "The text is not UTF-8 but reads as GB18030 (GBK) without errors.",
              "encoding_gb18030"};
    }
    return {Encoding::gb18030,
            false,
            "The text is not UTF-8 but reads as GB18030 (GBK) with " +
                unreadable_characters(gb.replaced) + " in the first " +
                std::to_string(head.size()) + " bytes.",
            "encoding_gb18030_replaced",
            {{"replaced", gb.replaced}, {"bytes", head.size()}}};
  }
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
