// Dictionary codes and column lookup of an imported table.
#include "servimetrics/imported_table.hpp"

#include <cstring>

namespace servimetrics {

namespace {

// A fast mix of eight bytes at a time (ids are short); not keyed, which only matters to a file
// crafted to collide, and such a file slows only its own import.
std::uint32_t text_hash(std::string_view text) {
  std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ text.size();
  std::size_t at = 0;
  for (; at + 8 <= text.size(); at += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, text.data() + at, 8);
    h = (h ^ word) * 0xFF51AFD7ED558CCDULL;
    h ^= h >> 32;
  }
  std::uint64_t tail = 0;
  for (std::size_t i = 0; at + i < text.size(); ++i) {
    tail |= std::uint64_t{static_cast<unsigned char>(text[at + i])} << (8 * i);
  }
  h = (h ^ tail) * 0xC4CEB9FE1A85EC53ULL;
  h ^= h >> 29;
  return static_cast<std::uint32_t>(h);
}

}  // namespace

std::uint32_t Dictionary::code(std::string_view text) {
  if (last_code_ != kNoCode && texts_[last_code_] == text) return last_code_;
  if (texts_.size() * 2 >= slots_.size()) grow();
  const std::uint32_t hash = text_hash(text);
  const std::size_t mask = slots_.size() - 1;
  std::size_t at = hash & mask;
  for (;; at = (at + 1) & mask) {
    Slot& slot = slots_[at];
    if (slot.code == kNoCode) break;
    if (slot.hash == hash && texts_[slot.code] == text) return last_code_ = slot.code;
  }
  const auto code = static_cast<std::uint32_t>(texts_.size());
  texts_.emplace_back(text);
  slots_[at] = {hash, code};
  text_bytes_ += sizeof(std::string) + (text.size() > 15 ? text.size() + 1 : 0);
  return last_code_ = code;
}

void Dictionary::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.code == kNoCode) continue;
    std::size_t at = slot.hash & mask;
    while (slots_[at].code != kNoCode) at = (at + 1) & mask;
    slots_[at] = slot;
  }
}

const ImportedColumn* ImportedTable::column(std::string_view field_id) const {
  for (std::size_t i = 0; i < field_ids.size(); ++i) {
    if (field_ids[i] == field_id) return columns[i].present ? &columns[i] : nullptr;
  }
  return nullptr;
}

}  // namespace servimetrics
