// Writes JSON text straight into a string: the answer of every keystroke goes through here, and
// building an nlohmann tree first cost more than computing all the KPIs (internal to the core).
#pragma once

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace servimetrics {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;
  ~JsonWriter() { flush(); }

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
  JsonWriter& integer(std::int64_t number);  // written without ".0"
  JsonWriter& null();
  // Text that is already JSON (a fragment written by another JsonWriter).
  JsonWriter& raw(std::string_view json_text);
  // Moves what is staged into the string; call before reading the string.
  void flush();

  // Writes `text` as a JSON string literal; invalid UTF-8 becomes U+FFFD.
  void write_string(std::string_view text);

 private:
  void separate();
  // A value finished at the top level is moved into the string, so the string always holds every
  // complete value written.
  JsonWriter& completed() {
    if (depth_ == 0) flush();
    return *this;
  }
  // Small writes gather here: in wasm every std::string::push_back is a call with its own
  // capacity check, and an answer is thousands of them.
  void put(char c) {
    if (staged_ == stage_.size()) flush();
    stage_[staged_++] = c;
  }
  void put(std::string_view text);

  std::string& out_;
  std::array<char, 1024> stage_{};
  std::size_t staged_ = 0;
  std::uint64_t has_items_ = 0;  // one bit per nesting level: a comma is due before the next item
  int depth_ = 0;
  bool after_key_ = false;
};

// Appends `text` as a JSON string literal; invalid UTF-8 becomes U+FFFD.
void append_json_string(std::string& out, std::string_view text);

// JsonWriter's calls building an nlohmann tree instead of text, so one piece of code answers in
// either form: the tree holds what reading the writer's text back would give (invalid UTF-8 as
// U+FFFD, non-finite numbers as null), without writing and parsing the text.
class JsonTreeWriter {
 public:
  explicit JsonTreeWriter(nlohmann::json& out) : out_(out) {}

  JsonTreeWriter& begin_object() { return open(nlohmann::json::object()); }
  JsonTreeWriter& end_object() { return close(); }
  JsonTreeWriter& begin_array() { return open(nlohmann::json::array()); }
  JsonTreeWriter& end_array() { return close(); }
  JsonTreeWriter& key(std::string_view name);
  JsonTreeWriter& value(double number);
  JsonTreeWriter& value(std::string_view text);
  JsonTreeWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonTreeWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonTreeWriter& value(const nlohmann::json& tree);
  JsonTreeWriter& integer(std::int64_t number);
  JsonTreeWriter& null();

 private:
  nlohmann::json& place(nlohmann::json value);
  JsonTreeWriter& open(nlohmann::json container);
  JsonTreeWriter& close() {
    open_.pop_back();
    return *this;
  }

  nlohmann::json& out_;
  std::vector<nlohmann::json*> open_;  // the containers being filled, innermost last
  std::string key_;                    // the key of the next value in an object
};

// `text` with every invalid UTF-8 sequence replaced by U+FFFD, as JsonWriter writes it.
std::string valid_utf8(std::string_view text);

}  // namespace servimetrics
