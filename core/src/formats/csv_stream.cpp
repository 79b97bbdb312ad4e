// The CSV state machine. Records that end inside the chunk are read in place; only a record cut
// by the end of a chunk is copied (into pending_), and only its bytes.
#include "formats/csv_stream.hpp"

#include <algorithm>
#include <array>
#include <bit>

namespace servimetrics {
namespace {

constexpr std::size_t kIncomplete = std::string_view::npos;
constexpr std::size_t kFailed = std::string_view::npos - 1;
constexpr std::size_t kDetectBytes = 64 * 1024;
// Twenty lines decide the delimiter: a huge first chunk (one 100 MB line) is not scanned whole.
constexpr std::size_t kMaxDetectBytes = std::size_t{1} << 20;

bool is_space(char c) {
  return c == ' ' || c == '\t';
}

// Splits the first lines (outside quotes) of text, for delimiter detection.
std::vector<std::string_view> first_lines(std::string_view text, std::size_t wanted) {
  std::vector<std::string_view> lines;
  bool quoted = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size() && lines.size() < wanted; ++i) {
    const char c = text[i];
    if (c == '"') quoted = !quoted;
    if (!quoted && (c == '\n' || c == '\r')) {
      if (i > start) lines.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  if (lines.size() < wanted && start < text.size() && !quoted) lines.push_back(text.substr(start));
  return lines;
}

std::size_t count_outside_quotes(std::string_view line, char delimiter) {
  std::size_t count = 0;
  bool quoted = false;
  for (const char c : line) {
    if (c == '"') quoted = !quoted;
    count += (!quoted && c == delimiter) ? 1 : 0;
  }
  return count;
}

std::size_t count_words(std::string_view line) {
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : line) {
    if (is_space(c)) {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++words;
    }
  }
  return words;
}

}  // namespace

char detect_delimiter(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const std::vector<std::string_view> lines = first_lines(text, 20);
  if (lines.empty()) return ',';
  constexpr std::array<char, 4> kCandidates = {',', ';', '\t', '|'};
  char best = 0;
  std::size_t best_score = 0;
  for (const char candidate : kCandidates) {
    const std::size_t first = count_outside_quotes(lines[0], candidate);
    if (first == 0) continue;
    // Lines agreeing with the header count first, then the header's own count.
    std::size_t agreeing = 0;
    for (const std::string_view line : lines) {
      agreeing += count_outside_quotes(line, candidate) == first ? 1 : 0;
    }
    const std::size_t score = agreeing * 100000 + first;
    if (score > best_score) {
      best_score = score;
      best = candidate;
    }
  }
  if (best != 0) return best;
  // Space-aligned exports (CDNOW_master.txt): the same number of words, at least two, on each line.
  const std::size_t words = count_words(lines[0]);
  bool aligned = words >= 2 && lines.size() >= 2;
  for (const std::string_view line : lines) aligned = aligned && count_words(line) == words;
  return aligned ? ' ' : ',';
}

CsvStream::CsvStream(char delimiter, CsvLimits limits) : delimiter_(delimiter), limits_(limits) {
  if (delimiter_ != 0) set_delimiter(delimiter_);
}

void CsvStream::set_delimiter(char delimiter) {
  delimiter_ = delimiter;
  specials_ = csv_bytes::specials_for(delimiter);
  block_at_ = std::string_view::npos;
}

bool CsvStream::fail(Error error) {
  error_ = std::move(error);
  return false;
}

bool CsvStream::refuse_long_record() {
  const std::size_t limit = limits_.max_record_bytes;
  const std::string size = limit >= (std::size_t{1} << 20) && limit % (std::size_t{1} << 20) == 0
                               ? std::to_string(limit >> 20) + " MB"
                               : std::to_string(limit) + " bytes";
  Error error{.message = "the record starting on line " + std::to_string(record_line_) +
                         " is longer than " + size + ", the most one row may hold",
              .code = "csv_record_too_long",
              .params = {{"line", record_line_}, {"limit_bytes", limit}}};
  if (in_quotes_ || quote_seen_) {
    error.message += "; the quoted field opened on line " + std::to_string(quote_line_) +
                     " may be missing its closing quote";
    error.code = "csv_record_too_long_open_quote";
    error.params["quote_line"] = quote_line_;
  }
  return fail(std::move(error));
}

void CsvStream::more_spans() {
  spans_.resize(std::max<std::size_t>(16, spans_.size() * 2));
}

bool CsvStream::refuse_too_many_fields() {
  return fail(Error{.message = "line " + std::to_string(record_line_) + " has more than " +
                               std::to_string(limits_.max_fields) + " columns",
                    .code = "csv_too_many_columns",
                    .params = {{"line", record_line_}, {"limit", limits_.max_fields}}});
}

bool CsvStream::scan_quoted(std::string_view text, std::size_t& i, std::int64_t origin) {
  const char* data = text.data();
  const std::size_t n = text.size();
  while (i < n && data[i] != '"') {
    if (data[i] == '\n') {
      // The CR of a CRLF may have ended the previous chunk: it is then the last pending byte.
      const char before = i > 0 ? data[i - 1] : (pending_.empty() ? '\0' : pending_.back());
      line_ += before == '\r' ? 0 : 1;
    } else if (data[i] == '\r') {
      ++line_;
    }
    ++i;
  }
  if (i == n) return false;
  field_close_ = static_cast<std::size_t>(static_cast<std::int64_t>(i) - origin);
  if (i + 1 == n) {
    quote_seen_ = true;
    return false;
  }
  if (data[i + 1] == '"') {
    field_doubled_ = true;
    i += 2;
    return true;
  }
  in_quotes_ = false;
  ++i;
  return true;
}

// Plain bytes of an unquoted field, the bulk of any file: the special bytes of 64 at a time are
// found once (csv_bytes.hpp), and each field's end is the next of them.
std::size_t CsvStream::skip_plain(std::string_view text, std::size_t i) {
  std::size_t at = block_at_ == std::string_view::npos ? i - 64 : block_at_;  // none yet
  i = csv_bytes::next_special(text.data(), text.size(), i, at, block_bits_, specials_);
  block_at_ = at;
  return i;
}

std::size_t CsvStream::scan_plain(std::string_view text, std::size_t i, std::int64_t origin) {
  const char* data = text.data();
  const std::size_t n = text.size();
  const char delimiter = delimiter_;
  const std::size_t close = field_close_;
  // 0 acts as 1: either refuses the first delimiter.
  const std::size_t limit = std::max<std::size_t>(limits_.max_fields, 1);
  std::size_t block_at = block_at_ == std::string_view::npos ? i - 64 : block_at_;  // none yet
  std::uint64_t block_bits = block_bits_;
  std::size_t begin = field_begin_;
  std::size_t count = span_count_;
  // In locals too: stores through `spans` made the vector's own pointers reload every field.
  FieldSpan* spans = spans_.data();
  std::size_t room = std::min(spans_.size(), limit - 1);  // fields stored before a check
  const auto store = [&] {
    block_at_ = block_at;
    block_bits_ = block_bits;
    field_begin_ = begin;
    span_count_ = count;
  };
  for (;;) {
    // The block in hand first, inline: next_special alone, with its end check, cost 6% more here
    // (Online Retail, callgrind: 271 against 256 M instructions).
    const std::size_t off = i - block_at;
    const std::uint64_t rest = off < 64 ? block_bits >> off : 0;
    if (rest != 0) {
      i += static_cast<std::size_t>(std::countr_zero(rest));  // the field's end in this block
    } else {
      i = csv_bytes::next_special(data, n, i, block_at, block_bits, specials_);
      if (i == n) break;
    }
    if (data[i] != delimiter) break;
    const auto at = static_cast<std::size_t>(static_cast<std::int64_t>(i) - origin);
    if (count >= room) {  // the spans are full, or this field reaches the limit
      if (count + 1 >= limit) {
        store();
        refuse_too_many_fields();
        return kFailed;
      }
      span_count_ = count;
      more_spans();
      spans = spans_.data();
      room = std::min(spans_.size(), limit - 1);
    }
    spans[count++] = {begin, at, close, false, false};
    begin = at + 1;
    ++i;
  }
  store();
  return i;
}

std::size_t CsvStream::scan(std::string_view text, std::size_t from, std::int64_t origin) {
  const char* data = text.data();
  const std::size_t n = text.size();
  const bool spaced = delimiter_ == ' ';
  // scan_plain takes every delimiter byte for the delimiter: not for one that is also a quote or a
  // line end (a request may name any byte).
  const bool plain = !spaced && delimiter_ != '"' && delimiter_ != '\n' && delimiter_ != '\r';
  const auto rel = [origin](std::size_t i) {
    return static_cast<std::size_t>(static_cast<std::int64_t>(i) - origin);
  };
  std::size_t i = from;
  if (quote_seen_ && i < n) {
    quote_seen_ = false;
    if (data[i] == '"') {
      field_doubled_ = true;
      ++i;
    } else {
      in_quotes_ = false;  // field_close_ already holds the quote's offset
    }
  }
  while (i < n) {
    if (in_quotes_) {
      if (!scan_quoted(text, i, origin)) return kIncomplete;
      continue;
    }
    if (plain && !field_quoted_) {
      i = scan_plain(text, i, origin);
      if (i == kFailed) return kFailed;
    } else {
      const std::size_t plain_from = i;
      i = skip_plain(text, i);
      if (i > plain_from) in_gap_ = false;
    }
    if (i == n) return kIncomplete;
    const char c = data[i];
    if (c == '"') {
      if (rel(i) == field_begin_ && !field_quoted_) {
        field_quoted_ = true;
        in_quotes_ = true;
        quote_line_ = line_;
      }
      in_gap_ = false;
      ++i;  // a quote inside an unquoted field is text
      continue;
    }
    if (c == '\n' || c == '\r') {
      if (!(spaced && in_gap_)) end_field(rel(i));
      ++line_;
      if (c == '\r') {
        if (i + 1 < n) {
          if (data[i + 1] == '\n') ++i;
        } else {
          skip_lf_ = true;
        }
      }
      return i + 1;
    }
    // The delimiter (or, space-delimited, a space or tab).
    if (spaced) {
      if (!in_gap_) end_field(rel(i));
      in_gap_ = true;
    } else {
      end_field(rel(i));
    }
    if (span_count_ >= limits_.max_fields) {
      refuse_too_many_fields();
      return kFailed;
    }
    field_begin_ = rel(i) + 1;
    ++i;
  }
  return kIncomplete;
}

bool CsvStream::emit(std::string_view record, RowSink& sink) {
  if (span_count_ == 0 ||
      (span_count_ == 1 && !spans_[0].quoted && spans_[0].begin == spans_[0].end)) {
    return true;  // a blank line
  }
  const std::size_t count = span_count_;
  fields_.resize(count);  // written by index: no capacity check per field
  unescaped_.clear();
  // In locals: the views written could alias the members, which made every field reload them.
  const FieldSpan* const spans = spans_.data();
  std::string_view* const fields = fields_.data();
  const char* const data = record.data();
  for (std::size_t f = 0; f < count; ++f) {
    const FieldSpan& span = spans[f];
    if (!span.quoted) {
      fields[f] = {data + span.begin, span.end - span.begin};
    } else if (!span.doubled && span.close + 1 == span.end) {
      fields[f] = {data + span.begin + 1, span.close - span.begin - 1};
    } else {
      // Views into it must not move while the row is built: room for the whole record at once.
      if (unescaped_.empty()) unescaped_.reserve(record.size());
      // Doubled quotes collapse; text after the closing quote is kept, as spreadsheets do.
      const std::size_t start = unescaped_.size();
      for (std::size_t k = span.begin + 1; k < span.close; ++k) {
        unescaped_.push_back(record[k]);
        if (record[k] == '"') ++k;
      }
      unescaped_.append(record.substr(span.close + 1, span.end - span.close - 1));
      fields[f] = {unescaped_.data() + start, unescaped_.size() - start};
    }
  }
  ++records_;
  if (!sink.row(record_line_, fields_)) {
    stopped_ = true;
    return false;
  }
  return true;
}

bool CsvStream::feed(std::string_view text, RowSink& sink) {
  if (error_ || stopped_) return false;
  if (delimiter_ == 0) {
    if (detect_buffer_.empty() && text.size() >= kDetectBytes) {
      set_delimiter(detect_delimiter(text.substr(0, kMaxDetectBytes)));
      return feed_detected(text, sink);
    }
    detect_buffer_.append(text);
    if (detect_buffer_.size() < kDetectBytes) return true;
    set_delimiter(detect_delimiter(std::string_view(detect_buffer_).substr(0, kMaxDetectBytes)));
    const std::string buffered = std::move(detect_buffer_);
    detect_buffer_.clear();
    return feed_detected(buffered, sink);
  }
  return feed_detected(text, sink);
}

bool CsvStream::feed_detected(std::string_view text, RowSink& sink) {
  block_at_ = std::string_view::npos;  // the block was another text's (or this buffer's before)
  std::size_t i = 0;
  if (at_start_) {
    // The byte-order mark may be cut by the end of a chunk: its first bytes wait for the rest.
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    const std::size_t have = bom_start_.size();
    const std::size_t take = std::min(text.size(), kBom.size() - have);
    if (kBom.substr(have, take) == text.substr(0, take)) {
      if (have + take < kBom.size()) {
        bom_start_.append(text);
        return true;
      }
      at_start_ = false;
      bom_start_.clear();
      i = take;
    } else {
      at_start_ = false;
      if (!read_bom_start(sink)) return false;  // they were text after all
      block_at_ = std::string_view::npos;
    }
  }
  if (!pending_.empty()) {
    const std::size_t end = scan(text, 0, -static_cast<std::int64_t>(pending_.size()));
    if (end == kFailed) return false;
    if (end == kIncomplete) {
      if (pending_.size() + text.size() > limits_.max_record_bytes) return refuse_long_record();
      pending_.append(text);
      return true;
    }
    if (pending_.size() + end > limits_.max_record_bytes) return refuse_long_record();
    pending_.append(text.substr(0, end));
    const bool go = emit(pending_, sink);
    pending_.clear();
    if (!go) return false;
    i = end;
  }
  while (i < text.size()) {
    if (skip_lf_) {
      skip_lf_ = false;
      if (text[i] == '\n') {
        ++i;
        continue;
      }
    }
    record_line_ = line_;
    span_count_ = 0;
    field_begin_ = 0;
    field_quoted_ = false;
    field_doubled_ = false;
    in_gap_ = true;
    const std::size_t end = scan(text, i, static_cast<std::int64_t>(i));
    if (end == kFailed) return false;
    if (end == kIncomplete) {
      if (text.size() - i > limits_.max_record_bytes) return refuse_long_record();
      pending_.assign(text.substr(i));
      return true;
    }
    // The same limit whether or not the record was cut by a chunk's end.
    if (end - i > limits_.max_record_bytes) return refuse_long_record();
    if (!emit(text.substr(i, end - i), sink)) return false;
    i = end;
  }
  return true;
}

bool CsvStream::read_bom_start(RowSink& sink) {
  if (bom_start_.empty()) return true;
  at_start_ = false;
  const std::string start = std::move(bom_start_);
  bom_start_.clear();
  return feed_detected(start, sink);
}

bool CsvStream::finish(RowSink& sink) {
  if (error_ || stopped_) return false;
  if (delimiter_ == 0) {
    set_delimiter(detect_delimiter(detect_buffer_));
    const std::string buffered = std::move(detect_buffer_);
    detect_buffer_.clear();
    if (!feed_detected(buffered, sink)) return false;
  }
  if (!read_bom_start(sink)) return false;
  if (pending_.empty()) return true;
  if (quote_seen_) {
    quote_seen_ = false;
    in_quotes_ = false;  // the file's last byte closed the quote
  }
  if (in_quotes_) {
    return fail(Error{.message = "a quoted field opened on line " + std::to_string(quote_line_) +
                                 " is never closed",
                      .code = "csv_open_quote",
                      .params = {{"line", quote_line_}}});
  }
  if (!(delimiter_ == ' ' && in_gap_)) end_field(pending_.size());
  const bool go = emit(pending_, sink);
  pending_.clear();
  return go;
}

}  // namespace servimetrics
