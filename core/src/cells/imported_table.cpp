// Dictionary codes and column lookup of an imported table.
#include "servimetrics/imported_table.hpp"

#include <algorithm>
#include <cstring>

namespace servimetrics {

namespace {

// A fast mix of eight bytes at a time (ids are short: their bytes are read in at most two
// overlapping loads); not keyed, which only matters to a file crafted to collide, and such a file
// slows only its own import. Inlined: the lookup is the import's hottest call after the scan.
[[gnu::always_inline]] inline std::uint32_t text_hash(std::string_view text) {
  const char* p = text.data();
  const std::size_t n = text.size();
  std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ n;
  std::uint64_t tail = 0;
  if (n >= 8) {
    std::size_t at = 0;
    for (; at + 8 < n; at += 8) {
      h = (h ^ text_words::load<std::uint64_t>(p + at)) * 0xFF51AFD7ED558CCDULL;
      h ^= h >> 32;
    }
    tail = text_words::load<std::uint64_t>(
        p + n - 8);  // the last eight bytes, overlapping the words before
  } else if (n >= 4) {
    tail = std::uint64_t{text_words::load<std::uint32_t>(p)} |
           (std::uint64_t{text_words::load<std::uint32_t>(p + n - 4)} << 32);
  } else if (n > 0) {
    const auto byte = [p](std::size_t i) {
      return std::uint64_t{static_cast<unsigned char>(p[i])};
    };
    tail = byte(0) | (byte(n / 2) << 8) | (byte(n - 1) << 16);
  }
  h = (h ^ tail) * 0xC4CEB9FE1A85EC53ULL;
  h ^= h >> 29;
  return static_cast<std::uint32_t>(h);
}

}  // namespace

std::uint32_t Dictionary::find_or_add(std::string_view text) {
  if (size() * 2 >= slots_.size()) grow();
  const std::uint32_t hash = text_hash(text);
  const std::size_t mask = slots_.size() - 1;
  std::size_t at = hash & mask;
  for (;; at = (at + 1) & mask) {
    const Slot slot = slots_[at];
    if (slot.code == kNoCode) break;
    if (slot.hash == hash && same_text(this->text(slot.code), text)) return slot.code;
  }
  if (starts_.empty()) starts_.push_back(0);
  const auto code = static_cast<std::uint32_t>(size());
  chars_.insert(chars_.end(), text.begin(), text.end());
  starts_.push_back(chars_.size());
  slots_[at] = {hash, code};
  return code;
}

void Dictionary::reserve(std::size_t texts, std::size_t chars) {
  if (starts_.empty()) starts_.push_back(0);
  starts_.reserve(texts + 1);
  chars_.reserve(chars);
}

void Dictionary::grow() {
  std::vector<Slot> old = std::move(slots_);
  std::size_t slots = old.empty() ? 64 : old.size() * 2;
  while (slots <= size() * 2) slots *= 2;  // after release_lookup(): room for every text kept
  slots_.assign(slots, Slot{});
  const std::size_t mask = slots_.size() - 1;
  const auto place = [&](Slot slot) {
    std::size_t at = slot.hash & mask;
    while (slots_[at].code != kNoCode) at = (at + 1) & mask;
    slots_[at] = slot;
  };
  if (old.empty()) {
    for (std::uint32_t code = 0; code < size(); ++code) place({text_hash(text(code)), code});
    return;
  }
  for (const Slot& slot : old) {
    if (slot.code != kNoCode) place(slot);
  }
}

const ImportedColumn* ImportedTable::column(std::string_view field_id) const {
  for (std::size_t i = 0; i < field_ids.size(); ++i) {
    if (field_ids[i] == field_id) return columns[i].present ? &columns[i] : nullptr;
  }
  return nullptr;
}

}  // namespace servimetrics
