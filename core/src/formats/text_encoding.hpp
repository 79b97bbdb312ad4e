// Text encodings of dropped files: guessing one from the first bytes, and streaming decoding to
// UTF-8 (Excel on Simplified-Chinese Windows saves CSV as GBK, on Traditional-Chinese Windows as
// Big5; some tools write UTF-16 with a BOM).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace servimetrics {

// gb18030 also reads GBK and GB2312 (both are subsets), and big5 is Big5-HKSCS, which reads
// Windows code page 950, as the WHATWG Encoding Standard does.
enum class Encoding { utf8, utf16le, utf16be, gb18030, big5 };

// "utf-8", "utf-16le", "utf-16be", "gb18030", "big5".
std::string_view encoding_name(Encoding encoding);

// Case-insensitive; accepts utf-8, utf8, utf-16le, utf16le, utf-16be, utf16be, gb18030, gbk,
// gb2312, cp936, windows-936, big5, big5-hkscs, cp950 and windows-950.
std::optional<Encoding> encoding_from_name(std::string_view name);

struct EncodingGuess {
  Encoding encoding;
  bool bom;            // the head starts with this encoding's byte-order mark
  std::string reason;  // one short sentence for the user
  std::string code;    // the reason's stable code, for the page (docs/codes/import.md)
  nlohmann::json params = nlohmann::json::object();
};

// `head` is the start of the file (up to 64 KB; it may end inside a character). A byte-order mark
// decides; else valid UTF-8 wins, then GB18030 or Big5 if under 1% of its non-ASCII characters
// are bad (and fewer than read as UTF-8), then UTF-8 with replacements. When both GB18030 and Big5
// read the text, the one whose characters fall more often in its standard's block of frequent
// characters wins (GB2312 level 1 against Big5's frequent characters, less errors), and a close
// call says so (encoding_chinese_close). UTF-16 without a byte-order mark is recognised only in
// ASCII-heavy text, from its NUL bytes at every other position.
EncodingGuess detect_encoding(std::string_view head);

// True for data that is not text in any of the encodings above: known file signatures (PDF, PNG,
// JPEG, GIF, ZIP - which includes .xlsx, so callers check for that first -, GZIP, ELF, ...), NUL
// bytes outside UTF-16, or many control bytes.
bool looks_binary(std::string_view head);

// Streaming decoder to UTF-8 with the WHATWG Encoding Standard's error handling: each invalid
// sequence becomes one U+FFFD, and the bytes after it are read again as a new start.
class TextDecoder {
 public:
  explicit TextDecoder(Encoding encoding);

  // Appends the UTF-8 text of `bytes` to `out`. Chunks may split a character anywhere: its first
  // bytes wait for the next call. `last` says no more input follows, so a character still
  // incomplete becomes U+FFFD. A byte-order mark at the very start of the input is dropped.
  void decode(std::string_view bytes, bool last, std::string& out);
  // The same text as decode() would write: a view of `bytes` itself when they are UTF-8 that
  // needs no change (no copy for the common file), else decoded into `scratch`. The view lives
  // as long as `bytes` or `scratch`.
  std::string_view decode_view(std::string_view bytes, bool last, std::string& scratch);

  // How many U+FFFD were written for invalid input so far.
  [[nodiscard]] std::uint64_t replaced() const { return replaced_; }
  // Input byte offset where the first invalid sequence starts, or UINT64_MAX when none.
  [[nodiscard]] std::uint64_t first_replaced_offset() const { return first_replaced_offset_; }

 private:
  // Decodes the whole characters of `bytes` (which start at input offset `offset`) and returns
  // how many bytes it used: all when `last`, else all but an incomplete character at the end.
  std::size_t decode_block(std::string_view bytes, std::uint64_t offset, bool last,
                           std::string& out);

  Encoding encoding_;
  std::array<char, 4> pending_{};  // first bytes of a character split across calls
  std::size_t pending_size_ = 0;
  std::uint64_t consumed_ = 0;  // input offset of pending_[0] (or of the next call's first byte)
  bool at_start_ = true;        // nothing decoded yet, so a byte-order mark may come
  std::uint64_t replaced_ = 0;
  std::uint64_t first_replaced_offset_ = UINT64_MAX;
};

}  // namespace servimetrics
