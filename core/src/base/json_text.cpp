// JSON text in and out without exceptions: parse errors are located by a SAX pass.
#include "servimetrics/json_text.hpp"

#include <optional>
#include <string>

namespace servimetrics {
namespace {

// Requests nest four levels at most (thresholds.<kpi>.<variant>.good).
constexpr std::size_t kMaxDepth = 64;

// nlohmann parses without recursion but copies and dumps a tree recursively: a request nested
// 100,000 levels deep overflowed the stack. Where the text first goes deeper than kMaxDepth.
std::optional<std::size_t> too_deep_at(std::string_view text) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxDepth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::nullopt;
}

// Only finds where and why parsing failed; the DOM parse has already said that it did.
struct ParseErrorLocator : nlohmann::json_sax<nlohmann::json> {
  std::string message;
  std::size_t at = 0;
  std::string near;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& ex) override {
    std::string reason = ex.what();
    // nlohmann prefixes "[json.exception.parse_error.101] parse error at line 1, column 5: ".
    if (const auto tag_end = reason.find("] "); tag_end != std::string::npos) {
      reason = reason.substr(tag_end + 2);
    }
    if (reason.rfind("parse error", 0) == 0) {
      if (const auto colon = reason.find(": "); colon != std::string::npos)
        reason = reason.substr(colon + 2);
    }
    at = position;
    near = last_token.substr(0, 20);
    message = "request is not valid JSON at byte " + std::to_string(position) + " (near '" + near +
              "'): " + reason;
    return false;
  }
};

}  // namespace

Result<nlohmann::json> parse_json(std::string_view text) {
  if (const auto at = too_deep_at(text)) {
    return Error{.message = "request nests arrays or objects more than " +
                            std::to_string(kMaxDepth) + " levels deep (at byte " +
                            std::to_string(*at + 1) + ")",
                 .code = "json_too_deep",
                 .params = {{"max_depth", kMaxDepth}, {"byte", *at + 1}}};
  }
  nlohmann::json parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_discarded()) return parsed;
  ParseErrorLocator locator;
  nlohmann::json::sax_parse(text, &locator, nlohmann::json::input_format_t::json,
                            /*strict=*/true);
  if (locator.message.empty()) {
    return Error{.message = "request is not valid JSON",
                 .code = "invalid_json",
                 .params = {{"byte", text.size()}, {"near", ""}}};
  }
  return Error{.message = locator.message,
               .code = "invalid_json",
               .params = {{"byte", locator.at}, {"near", locator.near}}};
}

nlohmann::json error_json(const Error& error) {
  return {{"code", error.code},
          {"params", error.params},
          {"kpi", error.kpi.empty() ? nlohmann::json() : nlohmann::json(error.kpi)},
          {"input", error.input.empty() ? nlohmann::json() : nlohmann::json(error.input)},
          {"message", error.message}};
}

std::string dump_answer(const nlohmann::json& answer) {
  return answer.dump(-1, ' ', /*ensure_ascii=*/false, nlohmann::json::error_handler_t::replace);
}

}  // namespace servimetrics
