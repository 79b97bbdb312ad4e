// The XML tag scanner and text decoding used by the .xlsx reader.
#include "formats/xml_scan.hpp"

#include <cstdint>
#include <cstring>

namespace servimetrics::xml {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The code unit of an _xHHHH_ escape starting at `at`, or -1 when there is none.
long office_escape_at(std::string_view text, std::size_t at) {
  if (at + 7 > text.size() || text[at] != '_' || text[at + 1] != 'x' || text[at + 6] != '_')
    return -1;
  long value = 0;
  for (std::size_t i = at + 2; i < at + 6; ++i) {
    const int digit = hex_digit(text[i]);
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

bool valid_code_point(std::uint32_t cp) {
  return cp != 0 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
}

}  // namespace

bool Scanner::next(Tag& tag) {
  const char* const begin = text_.data();
  const std::size_t size = text_.size();
  for (;;) {
    const std::size_t lt = find_markup(text_, pos_);
    if (lt >= size) {
      pos_ = size;
      return false;
    }
    std::size_t i = lt + 1;
    if (i >= size) {
      malformed_ = true;
      pos_ = size;
      return false;
    }
    if (text_[i] == '?' || text_[i] == '!') {
      std::string_view closer = ">";
      if (text_[i] == '?') {
        closer = "?>";
      } else if (text_.substr(i, 3) == "!--") {
        closer = "-->";
      } else if (text_.substr(i, 8) == "![CDATA[") {
        closer = "]]>";
      }
      const std::size_t close = text_.find(closer, i);
      if (close == std::string_view::npos) {
        malformed_ = true;
        pos_ = size;
        return false;
      }
      pos_ = close + closer.size();
      continue;
    }
    const bool closing = text_[i] == '/';
    if (closing) ++i;
    const std::size_t name_start = i;
    while (i < size && !is_space(text_[i]) && text_[i] != '/' && text_[i] != '>') ++i;
    std::string_view name = text_.substr(name_start, i - name_start);
    const std::size_t colon = name.rfind(':');
    if (colon != std::string_view::npos) name.remove_prefix(colon + 1);
    const std::size_t attributes_start = i;
    while (i < size && text_[i] != '>') {
      const char c = text_[i];
      if (c == '"' || c == '\'') {
        const void* quote_end = std::memchr(begin + i + 1, c, size - i - 1);
        if (quote_end == nullptr) break;
        i = static_cast<std::size_t>(static_cast<const char*>(quote_end) - begin);
      }
      ++i;
    }
    if (i >= size) {
      malformed_ = true;
      pos_ = size;
      return false;
    }
    const bool empty = !closing && i > attributes_start && text_[i - 1] == '/';
    tag.name = name;
    tag.attributes = text_.substr(attributes_start, i - attributes_start - (empty ? 1 : 0));
    tag.kind = closing ? TagKind::kClose : (empty ? TagKind::kEmpty : TagKind::kOpen);
    pos_ = i + 1;
    return true;
  }
}

bool Scanner::plain_text(std::string_view& text) {
  const std::size_t size = text_.size();
  const std::size_t lt = find_markup(text_, pos_);
  if (lt + 1 < size && text_[lt + 1] == '!') return false;
  text = text_.substr(pos_, lt - pos_);
  pos_ = lt;
  return true;
}

void Scanner::append_text(std::string& out) {
  const std::size_t size = text_.size();
  for (;;) {
    std::size_t lt = text_.find('<', pos_);
    if (lt == std::string_view::npos) lt = size;
    append_unescaped(out, text_.substr(pos_, lt - pos_));
    pos_ = lt;
    if (lt >= size) return;
    if (text_.substr(lt, 9) == "<![CDATA[") {
      std::size_t close = text_.find("]]>", lt + 9);
      if (close == std::string_view::npos) {
        malformed_ = true;
        close = size;
      }
      out.append(text_.substr(lt + 9, close - lt - 9));
      pos_ = close == size ? size : close + 3;
    } else if (text_.substr(lt, 4) == "<!--") {
      const std::size_t close = text_.find("-->", lt + 4);
      pos_ = close == std::string_view::npos ? size : close + 3;
    } else {
      return;
    }
  }
}

std::string_view attribute(std::string_view attributes, std::string_view local_name, bool* found) {
  std::string_view result;
  bool seen = false;
  for_each_attribute(attributes, [&](std::string_view name, std::string_view value) {
    if (name != local_name) return true;
    result = value;
    seen = true;
    return false;
  });
  if (found != nullptr) *found = seen;
  return result;
}

bool needs_decoding(std::string_view raw) {
  return raw.find('&') != std::string_view::npos || raw.find("_x") != std::string_view::npos;
}

void append_unescaped(std::string& out, std::string_view raw) {
  std::size_t i = 0;
  while (i < raw.size()) {
    const std::size_t amp = raw.find('&', i);
    if (amp == std::string_view::npos) {
      out.append(raw.substr(i));
      return;
    }
    out.append(raw.substr(i, amp - i));
    i = amp + 1;
    const std::size_t semi = raw.find(';', amp + 1);
    if (semi == std::string_view::npos || semi - amp > 12) {
      out.push_back('&');
      continue;
    }
    const std::string_view ref = raw.substr(amp + 1, semi - amp - 1);
    char plain = 0;
    if (ref == "amp") {
      plain = '&';
    } else if (ref == "lt") {
      plain = '<';
    } else if (ref == "gt") {
      plain = '>';
    } else if (ref == "quot") {
      plain = '"';
    } else if (ref == "apos") {
      plain = '\'';
    }
    if (plain != 0) {
      out.push_back(plain);
      i = semi + 1;
      continue;
    }
    if (ref.size() >= 2 && ref[0] == '#') {
      const bool hex = ref[1] == 'x' || ref[1] == 'X';
      const std::string_view digits = ref.substr(hex ? 2 : 1);
      std::uint32_t cp = 0;
      bool ok = !digits.empty();
      for (const char c : digits) {
        const int d = hex ? hex_digit(c) : (c >= '0' && c <= '9' ? c - '0' : -1);
        if (d < 0 || cp > 0x10FFFF) {
          ok = false;
          break;
        }
        cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
      }
      if (ok && valid_code_point(cp)) {
        append_utf8(out, cp);
        i = semi + 1;
        continue;
      }
    }
    out.push_back('&');  // unknown reference: kept as written
  }
}

void decode_office_escapes(std::string& text, std::size_t from) {
  if (text.find("_x", from) == std::string::npos) return;
  std::string decoded;
  std::size_t write = from;
  std::size_t read = from;
  while (read < text.size()) {
    const long unit = office_escape_at(text, read);
    if (unit < 0) {
      text[write++] = text[read++];
      continue;
    }
    auto cp = static_cast<std::uint32_t>(unit);
    std::size_t used = 7;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      const long low = office_escape_at(text, read + 7);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<std::uint32_t>(low) - 0xDC00);
        used = 14;
      }
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) {  // a lone surrogate stays as written
      text[write++] = text[read++];
      continue;
    }
    decoded.clear();
    append_utf8(decoded, cp);
    for (const char c : decoded) text[write++] = c;
    read += used;
  }
  text.resize(write);
}

}  // namespace servimetrics::xml
