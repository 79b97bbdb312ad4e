// libFuzzer target for encoding detection and the streaming decoder (text_encoding.hpp): every
// encoding must turn any bytes into valid UTF-8, the same whether the bytes come whole or in
// chunks that cut characters anywhere, with the same count and offset of replacements; and
// decode_view (the import's no-copy path) gives what decode gives.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "formats/text_encoding.hpp"
#include "fuzz_chunks.hpp"

namespace {

using servimetrics::Encoding;
using servimetrics::TextDecoder;

// Well-formed UTF-8 as RFC 3629 defines it: shortest forms, no surrogates, nothing above U+10FFFF.
bool valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    std::uint32_t cp = 0;
    if (b < 0x80) {
      ++i;
      continue;
    }
    if (b >= 0xC2 && b <= 0xDF) {
      length = 2;
      cp = b & 0x1FU;
    } else if (b >= 0xE0 && b <= 0xEF) {
      length = 3;
      cp = b & 0x0FU;
    } else if (b >= 0xF0 && b <= 0xF4) {
      length = 4;
      cp = b & 0x07U;
    } else {
      return false;
    }
    if (i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      const auto c = static_cast<unsigned char>(text[i + k]);
      if ((c & 0xC0U) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3FU);
    }
    if ((length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += length;
  }
  return true;
}

struct Decoded {
  std::string text;
  std::uint64_t replaced = 0;
  std::uint64_t first_replaced_offset = 0;
  bool operator==(const Decoded&) const = default;
};

// `last_apart`: the end of input comes as a separate empty call, as ImportSession::finish does.
Decoded decode(Encoding encoding, const std::vector<std::string_view>& chunks, bool last_apart) {
  TextDecoder decoder(encoding);
  Decoded out;
  for (std::size_t i = 0; i < chunks.size(); ++i) {
    decoder.decode(chunks[i], !last_apart && i + 1 == chunks.size(), out.text);
  }
  if (last_apart || chunks.empty()) decoder.decode({}, true, out.text);
  out.replaced = decoder.replaced();
  out.first_replaced_offset = decoder.first_replaced_offset();
  return out;
}

// The same through decode_view, whose views are appended at once (each lives until the next call).
Decoded decode_views(Encoding encoding, const std::vector<std::string_view>& chunks,
                     bool last_apart) {
  TextDecoder decoder(encoding);
  Decoded out;
  std::string scratch;
  for (std::size_t i = 0; i < chunks.size(); ++i) {
    out.text += decoder.decode_view(chunks[i], !last_apart && i + 1 == chunks.size(), scratch);
  }
  if (last_apart || chunks.empty()) out.text += decoder.decode_view({}, true, scratch);
  out.replaced = decoder.replaced();
  out.first_replaced_offset = decoder.first_replaced_offset();
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* bytes, std::size_t size) {
  const std::string_view data = servimetrics::fuzz::as_text(bytes, size);

  const std::string_view head = data.substr(0, std::size_t{64} * 1024);
  const servimetrics::EncodingGuess guess = servimetrics::detect_encoding(head);
  if (guess.reason.empty()) __builtin_trap();
  servimetrics::looks_binary(head);
  if (const auto named = servimetrics::encoding_from_name(data.substr(0, data.find('\n')))) {
    if (servimetrics::encoding_from_name(servimetrics::encoding_name(*named)) != named) {
      __builtin_trap();
    }
  }

  const std::vector<std::string_view> whole = {data};
  const std::vector<std::string_view> chunks = servimetrics::fuzz::chunks_of(data);
  for (const Encoding encoding :
       {Encoding::utf8, Encoding::utf16le, Encoding::utf16be, Encoding::gb18030, Encoding::big5}) {
    const Decoded at_once = decode(encoding, whole, false);
    if (!valid_utf8(at_once.text)) __builtin_trap();
    if ((at_once.replaced == 0) != (at_once.first_replaced_offset == UINT64_MAX)) __builtin_trap();
    if (at_once.replaced > 0 && at_once.first_replaced_offset >= size) __builtin_trap();
    if (!(decode(encoding, chunks, false) == at_once)) __builtin_trap();
    if (!(decode(encoding, chunks, true) == at_once)) __builtin_trap();
    if (!(decode_views(encoding, chunks, false) == at_once)) __builtin_trap();
    if (!(decode_views(encoding, chunks, true) == at_once)) __builtin_trap();
    // Valid UTF-8 comes out as it went in, less a leading byte-order mark.
    if (encoding == Encoding::utf8 && at_once.replaced == 0) {
      const std::string_view body = data.substr(0, 3) == "\xEF\xBB\xBF" ? data.substr(3) : data;
      if (at_once.text != body) __builtin_trap();
    }
  }
  return 0;
}
