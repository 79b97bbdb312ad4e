// A data file after import: one typed column per field of its kind, stored column by column so
// that millions of rows stay compact (ids and labels are dictionary codes, dates are seconds).
#pragma once

#include <cstdint>
#include <deque>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace servimetrics {

// Seconds since 1970-01-01 00:00 of the file's own clock (no time zone is applied).
using Timestamp = std::int64_t;
inline constexpr Timestamp kNoTime = std::numeric_limits<Timestamp>::min();
inline constexpr std::uint32_t kNoCode = std::numeric_limits<std::uint32_t>::max();

// Distinct texts of a column, each stored once and referred to by its code.
class Dictionary {
 public:
  Dictionary() = default;
  // The texts live in a deque, which never moves them; a move keeps them where they are.
  Dictionary(const Dictionary&) = delete;
  Dictionary& operator=(const Dictionary&) = delete;
  Dictionary(Dictionary&&) = default;
  Dictionary& operator=(Dictionary&&) = default;

  std::uint32_t code(std::string_view text);  // adds the text when new
  [[nodiscard]] std::string_view text(std::uint32_t code) const { return texts_[code]; }
  [[nodiscard]] std::size_t size() const { return texts_.size(); }
  // Memory held, roughly: the texts and their slots in the hash table.
  [[nodiscard]] std::uint64_t bytes() const { return text_bytes_ + slots_.size() * sizeof(Slot); }

 private:
  // Open addressing, linear probing: one flat array instead of a node per text. The hash is kept
  // beside the code so most misses are decided without touching the text.
  struct Slot {
    std::uint32_t hash = 0;
    std::uint32_t code = kNoCode;
  };
  void grow();

  std::uint64_t text_bytes_ = 0;
  std::deque<std::string> texts_;
  std::vector<Slot> slots_;  // a power of two in size, at most half full
  // Exports list a customer's or an invoice's rows together: the same text as the row before is
  // answered without hashing.
  std::uint32_t last_code_ = kNoCode;
};

enum class FieldType : std::uint8_t {
  text,      // ids, names, channels, periods: dictionary codes
  number,    // amounts, counts, scores: doubles, NaN when the optional cell is blank
  date,      // date or date-time: Timestamp, kNoTime when the optional cell is blank
  flag,      // yes/no: 1, 0, or 2 when the optional cell is blank
  category,  // one of the kind's fixed values (transactions' product / basic / value-added)
};

struct ImportedColumn {
  bool present = false;  // false when the file has no column for this optional field
  FieldType type = FieldType::text;
  std::vector<std::uint32_t> codes;  // text and category (category: index into the field's values)
  Dictionary dictionary;             // text
  std::vector<double> numbers;       // number
  std::vector<Timestamp> times;      // date
  std::vector<std::uint8_t> flags;   // flag
};

struct ImportedTable {
  std::string kind;
  std::vector<std::string> field_ids;   // the kind's fields, in its order
  std::vector<ImportedColumn> columns;  // parallel to field_ids
  std::vector<std::uint64_t> lines;     // source row number of every used row

  [[nodiscard]] std::size_t rows() const { return lines.size(); }
  // The column of a field, or nullptr when the kind has no such field or the file lacks it.
  [[nodiscard]] const ImportedColumn* column(std::string_view field_id) const;
};

}  // namespace servimetrics
