// Errors as values: every computation returns a Result<T> holding either a value or an Error. The
// one error type of the core: a stable code the page translates, its parameters, and the English
// message the CLI prints (docs/JSON-API.md lists every code).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <variant>

namespace servimetrics {

// Written with designated initializers, naming only what applies:
//   Error{.input = key, .message = ..., .code = "not_a_number", .params = {{"input", key}}}
struct Error {
  std::string kpi = {};    // catalog id, empty for request-level problems
  std::string input = {};  // offending input name, empty when no single input is to blame
  std::string message = {};
  std::string code = {};  // stable snake_case code, e.g. "not_a_number"
  nlohmann::json params =
      nlohmann::json::object();  // what the message names: numbers, ids, columns
};

template <class T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool ok() const { return std::holds_alternative<T>(state_); }
  [[nodiscard]] const T& value() const { return std::get<T>(state_); }
  [[nodiscard]] T& value() { return std::get<T>(state_); }
  [[nodiscard]] const Error& error() const { return std::get<Error>(state_); }

 private:
  std::variant<T, Error> state_;
};

// Shorthand for an error about one input; the KPI id is filled in by the caller that knows it.
inline Error input_error(std::string input, std::string message, std::string code = {},
                         nlohmann::json params = nlohmann::json::object()) {
  return Error{{}, std::move(input), std::move(message), std::move(code), std::move(params)};
}

// {"code", "params", "kpi", "input", "message"}: how every error crosses a face.
nlohmann::json error_json(const Error& error);

}  // namespace servimetrics
