// Writes JSON text straight into a string: the answer of every keystroke goes through here, and
// building an nlohmann tree first cost more than computing all the KPIs (internal to the core).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace servimetrics {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& value(double number);  // non-finite numbers are written as null
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(const nlohmann::json& tree);
  JsonWriter& null();
  // Text that is already JSON (a fragment written by another JsonWriter).
  JsonWriter& raw(std::string_view json_text);

 private:
  void separate();

  std::string& out_;
  std::uint64_t has_items_ = 0;  // one bit per nesting level: a comma is due before the next item
  int depth_ = 0;
  bool after_key_ = false;
};

// Appends `text` as a JSON string literal; invalid UTF-8 becomes U+FFFD.
void append_json_string(std::string& out, std::string_view text);

}  // namespace servimetrics
