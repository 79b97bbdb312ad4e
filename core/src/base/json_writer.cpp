// Streaming JSON writer: commas, escaping and shortest round-trip numbers.
#include "base/json_writer.hpp"

#include <array>
#include <cmath>
#include <cstring>

#include "base/utf8.hpp"

namespace servimetrics {
namespace {

// Length of the valid UTF-8 sequence starting at text[i] (a non-ASCII byte), or 0 when it is not
// valid (base/utf8.hpp decides).
std::size_t utf8_sequence(std::string_view text, std::size_t i) {
  const utf8::Sequence sequence =
      utf8::inspect(reinterpret_cast<const unsigned char*>(text.data() + i), text.size() - i);
  return sequence.length != 0 && sequence.valid == sequence.length ? sequence.length : 0;
}

// Bytes copied as they are: printable ASCII except the quote and the backslash.
constexpr std::array<bool, 256> kPlain = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x80; ++c) plain[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
  return plain;
}();

// Writes a whole number below 1e15 as Grisu2 would ("324000.0"), without its digit generation:
// most numbers of an answer (counts, money, inputs) are whole. Null when `number` is not one.
char* write_whole_number(char* out, double number) {
  if (number != std::floor(number) || std::fabs(number) >= 1e15) return nullptr;
  std::array<char, 24> digits{};
  std::size_t n = 0;
  auto whole = static_cast<std::uint64_t>(std::fabs(number));
  do {
    digits[n++] = static_cast<char>('0' + whole % 10);
    whole /= 10;
  } while (whole != 0);
  if (std::signbit(number)) *out++ = '-';
  while (n > 0) *out++ = digits[--n];
  *out++ = '.';
  *out++ = '0';
  return out;
}

}  // namespace

void JsonWriter::write_string(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  put('"');
  std::size_t i = 0;
  while (i < text.size()) {
    // Plain ASCII runs, nearly all of an answer, are copied in one piece.
    std::size_t run = i;
    while (run < text.size() && kPlain[static_cast<unsigned char>(text[run])]) ++run;
    put(text.substr(i, run - i));
    i = run;
    if (i == text.size()) break;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const std::size_t length = utf8_sequence(text, i);
      if (length == 0) {
        put("\xEF\xBF\xBD");
        ++i;
      } else {
        put(text.substr(i, length));
        i += length;
      }
      continue;
    }
    switch (c) {
      case '"':
        put("\\\"");
        break;
      case '\\':
        put("\\\\");
        break;
      case '\n':
        put("\\n");
        break;
      case '\r':
        put("\\r");
        break;
      case '\t':
        put("\\t");
        break;
      case '\b':
        put("\\b");
        break;
      case '\f':
        put("\\f");
        break;
      default:
        put("\\u00");
        put(kHex[c >> 4]);
        put(kHex[c & 0xF]);
    }
    ++i;
  }
  put('"');
}

void append_json_string(std::string& out, std::string_view text) {
  JsonWriter writer(out);
  writer.write_string(text);
}

void JsonWriter::put(std::string_view text) {
  if (text.size() > stage_.size() - staged_) {
    flush();
    if (text.size() > stage_.size() / 2) {
      out_.append(text);
      return;
    }
  }
  std::memcpy(stage_.data() + staged_, text.data(), text.size());
  staged_ += text.size();
}

void JsonWriter::flush() {
  out_.append(stage_.data(), staged_);
  staged_ = 0;
}

void JsonWriter::separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  const std::uint64_t bit = std::uint64_t{1} << (depth_ & 63);
  if ((has_items_ & bit) != 0) put(',');
  has_items_ |= bit;
}

JsonWriter& JsonWriter::begin_object() {
  separate();
  put('{');
  ++depth_;
  has_items_ &= ~(std::uint64_t{1} << (depth_ & 63));
  return completed();
}

JsonWriter& JsonWriter::end_object() {
  --depth_;
  put('}');
  return completed();
}

JsonWriter& JsonWriter::begin_array() {
  separate();
  put('[');
  ++depth_;
  has_items_ &= ~(std::uint64_t{1} << (depth_ & 63));
  return completed();
}

JsonWriter& JsonWriter::end_array() {
  --depth_;
  put(']');
  return completed();
}

JsonWriter& JsonWriter::key(std::string_view name) {
  separate();
  write_string(name);
  put(':');
  after_key_ = true;
  return completed();
}

JsonWriter& JsonWriter::value(double number) {
  separate();
  if (!std::isfinite(number)) {
    put("null");
    return completed();
  }
  std::array<char, 64> buffer{};
  const char* end = write_whole_number(buffer.data(), number);
  // Otherwise nlohmann's Grisu2 gives the shortest text that reads back as the same double, as
  // dump() does; the libc++ of Emscripten 3.1.6 has no floating-point to_chars.
  if (end == nullptr) {
    end = nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), number);
  }
  put(std::string_view(buffer.data(), static_cast<std::size_t>(end - buffer.data())));
  return completed();
}

JsonWriter& JsonWriter::value(std::string_view text) {
  separate();
  write_string(text);
  return completed();
}

namespace {

// What both writers do with a tree's floats (finite or null), strings (valid UTF-8) and containers
// (walked): false for the other values, which each writer places its own way.
template <class Writer>
bool write_walked(Writer& writer, const nlohmann::json& tree) {
  switch (tree.type()) {
    case nlohmann::json::value_t::number_float:
      writer.value(tree.get<double>());
      return true;
    case nlohmann::json::value_t::string:
      writer.value(std::string_view(tree.get_ref<const std::string&>()));
      return true;
    case nlohmann::json::value_t::object:
      writer.begin_object();
      for (const auto& [name, child] : tree.items()) writer.key(name).value(child);
      writer.end_object();
      return true;
    case nlohmann::json::value_t::array:
      writer.begin_array();
      for (const auto& child : tree) writer.value(child);
      writer.end_array();
      return true;
    default:
      return false;
  }
}

}  // namespace

JsonWriter& JsonWriter::value(const nlohmann::json& tree) {
  // Written node by node: dump() would build a string of its own for every detail and error.
  // The comma bits cover 64 levels; anything deeper (never an answer of ours) goes through dump().
  if (depth_ >= 60 && tree.is_structured()) {
    separate();
    put(tree.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return completed();
  }
  if (write_walked(*this, tree)) return *this;
  switch (tree.type()) {
    case nlohmann::json::value_t::number_integer:
      return integer(tree.get<std::int64_t>());
    case nlohmann::json::value_t::number_unsigned:
      separate();
      put(std::to_string(tree.get<std::uint64_t>()));
      return completed();
    case nlohmann::json::value_t::boolean:
      separate();
      put(tree.get<bool>() ? "true" : "false");
      return completed();
    default:  // null, and the binary and discarded values a parsed request never holds
      return null();
  }
}

JsonWriter& JsonWriter::integer(std::int64_t number) {
  separate();
  put(std::to_string(number));
  return completed();
}

JsonWriter& JsonWriter::null() {
  separate();
  put("null");
  return completed();
}

JsonWriter& JsonWriter::raw(std::string_view json_text) {
  separate();
  put(json_text);
  return completed();
}

std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t length = c < 0x80 ? 1 : utf8_sequence(text, i);
    if (length == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(text.substr(i, length));
      i += length;
    }
  }
  return out;
}

nlohmann::json& JsonTreeWriter::place(nlohmann::json value) {
  if (open_.empty()) {
    out_ = std::move(value);
    return out_;
  }
  nlohmann::json& container = *open_.back();
  if (container.is_array()) {
    container.push_back(std::move(value));
    return container.back();
  }
  nlohmann::json& slot = container[key_];
  slot = std::move(value);
  return slot;
}

JsonTreeWriter& JsonTreeWriter::open(nlohmann::json container) {
  open_.push_back(&place(std::move(container)));
  return *this;
}

JsonTreeWriter& JsonTreeWriter::key(std::string_view name) {
  key_ = valid_utf8(name);
  return *this;
}

JsonTreeWriter& JsonTreeWriter::value(double number) {
  place(std::isfinite(number) ? nlohmann::json(number) : nlohmann::json());
  return *this;
}

JsonTreeWriter& JsonTreeWriter::value(std::string_view text) {
  place(valid_utf8(text));
  return *this;
}

JsonTreeWriter& JsonTreeWriter::value(const nlohmann::json& tree) {
  if (write_walked(*this, tree)) return *this;
  switch (tree.type()) {
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::boolean:
      place(tree);
      return *this;
    default:
      return null();
  }
}

JsonTreeWriter& JsonTreeWriter::integer(std::int64_t number) {
  place(number);
  return *this;
}

JsonTreeWriter& JsonTreeWriter::null() {
  place(nullptr);
  return *this;
}

}  // namespace servimetrics
