// Dictionary codes and column lookup of an imported table.
#include "servimetrics/imported_table.hpp"

namespace servimetrics {

std::uint32_t Dictionary::code(std::string_view text) {
  if (const auto found = codes_.find(text); found != codes_.end()) return found->second;
  const auto code = static_cast<std::uint32_t>(texts_.size());
  codes_.emplace(texts_.emplace_back(text), code);
  text_bytes_ += sizeof(std::string) + (text.size() > 15 ? text.size() + 1 : 0);
  return code;
}

const ImportedColumn* ImportedTable::column(std::string_view field_id) const {
  for (std::size_t i = 0; i < field_ids.size(); ++i) {
    if (field_ids[i] == field_id) return columns[i].present ? &columns[i] : nullptr;
  }
  return nullptr;
}

}  // namespace servimetrics
