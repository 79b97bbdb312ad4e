// Streaming RFC 4180 CSV reader: text is fed in chunks of any size, complete records go to a
// RowSink as views (into the chunk, or into one reused buffer for records that span chunks or hold
// doubled quotes), so reading costs no allocation per row and never needs the whole file.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/csv_bytes.hpp"
#include "servimetrics/result.hpp"
#include "servimetrics/row_sink.hpp"

namespace servimetrics {

struct CsvLimits {
  std::size_t max_record_bytes = std::size_t{64} << 20;  // a longer record is an open quote or junk
  std::size_t max_fields = 16384;
};

// The most frequent of , ; tab | outside quotes on the first non-blank line; ' ' (runs of
// spaces, as in fixed-width exports) when none occurs but spaces separate words; ',' otherwise.
char detect_delimiter(std::string_view text);

class CsvStream {
 public:
  // delimiter 0: detected from the first line. ' ' means runs of spaces and tabs.
  explicit CsvStream(char delimiter = 0, CsvLimits limits = {});

  // Reads every record completed by `text`. Returns false once the sink stops or an error occurs.
  bool feed(std::string_view text, RowSink& sink);
  // The input has ended: the last record may lack a line end; a quote still open is an error.
  bool finish(RowSink& sink);

  [[nodiscard]] const std::optional<Error>& error() const { return error_; }
  [[nodiscard]] char delimiter() const { return delimiter_; }
  [[nodiscard]] std::uint64_t records() const { return records_; }
  [[nodiscard]] bool stopped() const { return stopped_; }

 private:
  struct FieldSpan {
    std::size_t begin;  // offsets from the start of the record
    std::size_t end;
    std::size_t close;  // offset of the closing quote of a quoted field
    bool quoted;
    bool doubled;
  };

  void set_delimiter(char delimiter);
  bool feed_detected(std::string_view text, RowSink& sink);
  // Scans text[from..) as the continuation of the current record, whose offset 0 is at text index
  // `origin` (negative when the record began in pending_). Returns the index just past the line
  // end, or npos when the record does not end inside `text`.
  std::size_t scan(std::string_view text, std::size_t from, std::int64_t origin);
  // Inside a quoted field: moves i past its closing quote or a doubled quote. False when the text
  // ends first.
  bool scan_quoted(std::string_view text, std::size_t& i, std::int64_t origin);
  // The index of the first byte from i that may end an unquoted field (text.size() when none).
  std::size_t skip_plain(std::string_view text, std::size_t i);
  // Unquoted fields split by a one-byte delimiter, the bulk of any file: ends a field at each
  // delimiter from i and returns the index of the first other special byte (a quote or a line
  // end), text.size(), or kFailed past the field limit. Its state is held in locals: the spans it
  // writes may alias the members, which made every field reload them.
  std::size_t scan_plain(std::string_view text, std::size_t i, std::int64_t origin);
  bool refuse_too_many_fields();
  void more_spans();
  // Inline, once per field; the spans grow out of line (a push_back's growth inlined here made
  // every field pay for a call).
  void end_field(std::size_t at) {
    if (span_count_ == spans_.size()) more_spans();
    spans_[span_count_++] = {field_begin_, at, field_close_, field_quoted_, field_doubled_};
    field_quoted_ = false;
    field_doubled_ = false;
  }
  bool emit(std::string_view record, RowSink& sink);
  // Reads the bytes held as a possible start of a byte-order mark as text.
  bool read_bom_start(RowSink& sink);
  bool fail(Error error);
  bool refuse_long_record();

  char delimiter_;
  CsvLimits limits_;
  csv_bytes::Specials specials_{};  // bytes that end a run of plain field text
  // The special bytes of text[block_at_, block_at_ + 64) of the text being fed, one bit each: a
  // field's end is found from them without reading its bytes again (npos: none yet).
  std::size_t block_at_ = std::string_view::npos;
  std::uint64_t block_bits_ = 0;
  std::string detect_buffer_;  // the first line, while the delimiter is still unknown
  std::string pending_;        // the start of a record that the last chunk left incomplete
  std::string bom_start_;  // the first bytes of the input while they may begin a byte-order mark
  std::vector<FieldSpan> spans_;  // the current record's fields are the first span_count_
  std::size_t span_count_ = 0;
  std::vector<std::string_view> fields_;
  std::string unescaped_;
  std::optional<Error> error_;
  std::uint64_t records_ = 0;
  std::uint64_t line_ = 1;         // physical line of the scan position
  std::uint64_t record_line_ = 1;  // line where the current record started
  std::uint64_t quote_line_ = 0;   // line where the open quote started
  std::size_t field_begin_ = 0;
  std::size_t field_close_ = 0;
  bool field_quoted_ = false;
  bool field_doubled_ = false;
  bool in_quotes_ = false;
  bool quote_seen_ =
      false;              // a quote inside a quoted field, not yet known to be doubled or closing
  bool skip_lf_ = false;  // the last chunk ended with CR; an LF first in the next one belongs to it
  bool at_start_ = true;  // nothing read yet: a UTF-8 byte-order mark may come
  bool in_gap_ = true;    // space-delimited: between fields
  bool stopped_ = false;
};

}  // namespace servimetrics
