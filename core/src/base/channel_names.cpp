// Matching channel names across files; see channel_names.hpp.
#include "base/channel_names.hpp"

namespace servimetrics {
namespace {

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

char folded(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

bool same_channel(std::string_view a, std::string_view b) {
  a = trimmed(a);
  b = trimmed(b);
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (folded(a[i]) != folded(b[i])) return false;
  }
  return true;
}

const std::string* matching_channel(const nlohmann::json& channels, std::string_view name) {
  if (!channels.is_object()) return nullptr;
  const auto exact = channels.find(std::string(name));
  if (exact != channels.end()) return &exact.key();
  for (auto it = channels.begin(); it != channels.end(); ++it) {
    if (same_channel(it.key(), name)) return &it.key();
  }
  return nullptr;
}

}  // namespace servimetrics
