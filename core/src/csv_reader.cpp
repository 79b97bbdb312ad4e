// CSV tokenizer: one pass over the bytes, field views reused across rows.
#include "servimetrics/csv_reader.hpp"

#include <array>

namespace servimetrics {

char detect_delimiter(std::string_view text) {
  constexpr std::array<char, 4> kCandidates = {',', ';', '\t', '|'};
  std::array<int, 4> counts{};
  bool quoted = false;
  for (const char c : text) {
    if (c == '"') quoted = !quoted;
    if (!quoted && (c == '\n' || c == '\r')) break;
    for (std::size_t i = 0; i < kCandidates.size(); ++i)
      counts[i] += (!quoted && c == kCandidates[i]) ? 1 : 0;
  }
  std::size_t best = 0;
  for (std::size_t i = 1; i < kCandidates.size(); ++i) best = counts[i] > counts[best] ? i : best;
  return counts[best] > 0 ? kCandidates[best] : ',';
}

Result<std::size_t> read_csv(std::string_view text, char delimiter,
                             const std::function<bool(const CsvRecord&)>& on_record) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::string_view> fields;
  std::string unescaped;  // backing store for fields that held doubled quotes, reused per row
  std::vector<std::pair<std::size_t, std::size_t>> unescaped_spans;  // (field index, offset)
  std::size_t records = 0;
  std::size_t line = 1;
  std::size_t pos = 0;
  const std::size_t size = text.size();

  while (pos < size) {
    const std::size_t record_line = line;
    fields.clear();
    unescaped.clear();
    unescaped_spans.clear();
    bool end_of_record = false;
    while (!end_of_record) {
      if (pos < size && text[pos] == '"') {
        const std::size_t open_line = line;
        ++pos;
        const std::size_t start = pos;
        bool doubled = false;
        for (;;) {
          if (pos >= size) {
            return input_error("", "a quoted field opened on line " + std::to_string(open_line) +
                                       " is never closed");
          }
          const char c = text[pos];
          if (c == '"') {
            if (pos + 1 < size && text[pos + 1] == '"') {
              doubled = true;
              pos += 2;
              continue;
            }
            break;
          }
          if (c == '\n' || (c == '\r' && (pos + 1 >= size || text[pos + 1] != '\n'))) ++line;
          ++pos;
        }
        std::string_view field = text.substr(start, pos - start);
        ++pos;  // closing quote
        if (doubled) {
          unescaped_spans.emplace_back(fields.size(), unescaped.size());
          for (std::size_t i = 0; i < field.size(); ++i) {
            unescaped.push_back(field[i]);
            if (field[i] == '"') ++i;
          }
          field = {};
        }
        // Text after the closing quote (lenient, as spreadsheets write it) joins the field.
        const std::size_t rest = pos;
        while (pos < size && text[pos] != delimiter && text[pos] != '\n' && text[pos] != '\r')
          ++pos;
        if (pos > rest && !doubled) field = text.substr(start, pos - start);
        fields.push_back(field);
      } else {
        const std::size_t start = pos;
        while (pos < size && text[pos] != delimiter && text[pos] != '\n' && text[pos] != '\r')
          ++pos;
        fields.push_back(text.substr(start, pos - start));
      }
      if (pos < size && text[pos] == delimiter) {
        ++pos;
        continue;
      }
      end_of_record = true;
      if (pos < size && text[pos] == '\r') {
        ++pos;
        if (pos < size && text[pos] == '\n') ++pos;
      } else if (pos < size && text[pos] == '\n') {
        ++pos;
      }
      ++line;
    }
    // The unescaped buffer is final now, so its views are stable for the callback.
    for (std::size_t i = 0; i < unescaped_spans.size(); ++i) {
      const std::size_t begin = unescaped_spans[i].second;
      const std::size_t end =
          i + 1 < unescaped_spans.size() ? unescaped_spans[i + 1].second : unescaped.size();
      fields[unescaped_spans[i].first] = std::string_view(unescaped).substr(begin, end - begin);
    }
    const bool blank = fields.size() == 1 && fields[0].empty();
    if (blank) continue;
    ++records;
    if (!on_record(CsvRecord{fields, record_line})) break;
  }
  return records;
}

}  // namespace servimetrics
