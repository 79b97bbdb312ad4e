// Reading a what-if request's values with coded errors that say where (internal to the core).
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "servimetrics/result.hpp"
#include "whatif/levers.hpp"
#include "whatif/outputs.hpp"

namespace servimetrics::whatif {

// `where` names the value as a path: "baseline.cac", "scenarios[1].changes.cac", "goal.target".
class Reader {
 public:
  explicit Reader(std::vector<Error>& errors) : errors_(errors) {}

  void fail(const std::string& where, std::string message, std::string code,
            nlohmann::json params = nlohmann::json::object());
  [[nodiscard]] bool ok_since(std::size_t count) const { return errors_.size() == count; }
  [[nodiscard]] std::size_t count() const { return errors_.size(); }

  bool object(const nlohmann::json& value, const std::string& where);
  // Every key of `value` is one of `keys`.
  bool known_keys(const nlohmann::json& value, const std::string& where,
                  std::initializer_list<std::string_view> keys);
  const nlohmann::json* field(const nlohmann::json& object, const std::string& where,
                              std::string_view name, bool required);
  std::optional<double> number(const nlohmann::json& value, const std::string& where);
  std::optional<double> in_range(const nlohmann::json& value, const std::string& where, double min,
                                 double max);
  std::optional<int> whole(const nlohmann::json& value, const std::string& where, int min, int max);
  std::optional<Lever> lever(const nlohmann::json& value, const std::string& where);
  std::optional<Output> output(const nlohmann::json& value, const std::string& where);
  // A lever's value within its valid range.
  std::optional<double> lever_value(const nlohmann::json& value, const std::string& where,
                                    Lever lever);
  bool lever_value_in_range(double value, const std::string& where, Lever lever);

 private:
  std::vector<Error>& errors_;
};

}  // namespace servimetrics::whatif
