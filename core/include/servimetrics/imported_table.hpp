// A data file after import: one typed column per field of its kind, stored column by column so
// that millions of rows stay compact (ids and labels are dictionary codes, dates are seconds).
#pragma once

#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace servimetrics {

// Seconds since 1970-01-01 00:00 of the file's own clock (no time zone is applied).
using Timestamp = std::int64_t;
inline constexpr Timestamp kNoTime = std::numeric_limits<Timestamp>::min();
inline constexpr std::uint32_t kNoCode = std::numeric_limits<std::uint32_t>::max();

namespace text_words {
// The `Word` at p, unaligned: the dictionary's hash and comparisons read texts a word at a time.
template <typename Word>
Word load(const char* p) {
  Word word;
  std::memcpy(&word, p, sizeof word);
  return word;
}
}  // namespace text_words

// Distinct texts of a column, each stored once and referred to by its code. The texts sit end to
// end in one buffer: no allocation per text, and a lookup compares bytes that are close together.
class Dictionary {
 public:
  Dictionary() = default;
  // A move keeps the buffers where they are (a vector's move does); adding a text may move them,
  // so views from text() are valid until the next code() only.
  Dictionary(const Dictionary&) = delete;
  Dictionary& operator=(const Dictionary&) = delete;
  Dictionary(Dictionary&&) = default;
  Dictionary& operator=(Dictionary&&) = default;

  // Adds the text when new. Exports list a customer's or an invoice's rows together: the same
  // text as the call before is answered without hashing.
  std::uint32_t code(std::string_view text) {
    if (last_code_ != kNoCode && same_text(this->text(last_code_), text)) return last_code_;
    return last_code_ = find_or_add(text);
  }
  // a == b, inline for the short texts ids are: two overlapping loads of up to eight bytes each
  // instead of a call to memcmp (in wasm a byte loop).
  static bool same_text(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    if (n != b.size()) return false;
    if (n >= 8 && n <= 16) {
      return text_words::load<std::uint64_t>(a.data()) ==
                 text_words::load<std::uint64_t>(b.data()) &&
             text_words::load<std::uint64_t>(a.data() + n - 8) ==
                 text_words::load<std::uint64_t>(b.data() + n - 8);
    }
    if (n >= 4 && n < 8) {
      return text_words::load<std::uint32_t>(a.data()) ==
                 text_words::load<std::uint32_t>(b.data()) &&
             text_words::load<std::uint32_t>(a.data() + n - 4) ==
                 text_words::load<std::uint32_t>(b.data() + n - 4);
    }
    return a == b;
  }
  [[nodiscard]] std::string_view text(std::uint32_t code) const {
    return {chars_.data() + starts_[code], starts_[code + 1] - starts_[code]};
  }
  [[nodiscard]] std::size_t size() const { return starts_.empty() ? 0 : starts_.size() - 1; }
  // Room for about `texts` texts of `chars` bytes in all: an import that knows its file's size
  // sizes the buffers once instead of doubling them.
  void reserve(std::size_t texts, std::size_t chars);
  // Frees the hash table when no more texts will be looked up (the import is over: a million
  // customers' ids hold 16 MB in it); the texts and codes stay. A later code() builds it again.
  void release_lookup() { std::vector<Slot>().swap(slots_); }
  // Memory held, roughly: the texts, their offsets and the hash table.
  [[nodiscard]] std::uint64_t bytes() const {
    return chars_.capacity() + starts_.capacity() * sizeof(std::size_t) +
           slots_.size() * sizeof(Slot);
  }

 private:
  // Open addressing, linear probing: one flat array instead of a node per text. The hash is kept
  // beside the code so most misses are decided without touching the text.
  struct Slot {
    std::uint32_t hash = 0;
    std::uint32_t code = kNoCode;
  };
  std::uint32_t find_or_add(std::string_view text);
  void grow();

  std::vector<char> chars_;          // every text, end to end
  std::vector<std::size_t> starts_;  // text k is chars_[starts_[k], starts_[k + 1])
  std::vector<Slot> slots_;          // a power of two in size, at most half full
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
  // Source row number of every used row: 4 bytes, a file of more rows is refused (it would need
  // more than the module's memory).
  std::vector<std::uint32_t> lines;

  [[nodiscard]] std::size_t rows() const { return lines.size(); }
  // The column of a field, or nullptr when the kind has no such field or the file lacks it.
  [[nodiscard]] const ImportedColumn* column(std::string_view field_id) const;
};

}  // namespace servimetrics
